/**
 * Eurostat Comext tables, recognised by their header:
 * - the official bulk files (`full_YYYYMM.dat`): DECLARANT_ISO, PARTNER_ISO, PRODUCT_NC, FLOW
 *   (1 import, 2 export), STAT_REGIME, PERIOD (YYYYMM; YYYY52 = the year), VALUE_IN_EUROS,
 *   QUANTITY_IN_KG, SUP_QUANTITY — and the 2024 layout (`full_v2_YYYYMM`): REPORTER, PARTNER,
 *   PRODUCT_NC, FLOW, STAT_PROCEDURE, PERIOD, VALUE_EUR, QUANTITY_KG, QUANTITY_SUPPL_UNIT;
 *   rows by statistical regime or procedure are summed;
 * - Eurostat "relational view" exports and tables in their layout (reporter, partner, product,
 *   flow, stat_procedure, period or year, value in euros), such as the monthly totals and the
 *   national-statistics extracts converted to euros in data/trade/; reporters and partners are
 *   names (Eurostat's long labels, English or French) or codes; aggregates (EU27, euro area,
 *   Extra-EU) are kept apart.
 */
import { SourceError } from '../errors.js';
import { MISSING, type TradeFilePlan, type TradeFormat } from './format.js';
import { findColumn, needColumn, readHead } from './header.js';
import type { TradeTableSpec } from '../../trade/flows.js';

export const comextFormat: TradeFormat = {
  format: 'comext',
  title: 'Eurostat Comext: bulk files (full_YYYYMM, 2024 full_v2 layout) and relational-view tables',
  publisher: 'Eurostat',
  async plan(files: string[]): Promise<TradeFilePlan> {
    const plan: TradeFilePlan = { specs: [] };
    for (const file of files) {
      const head = await readHead(file);
      const c = head.columns;
      const base = { file, delimiter: head.delimiter, columns: c, missing: MISSING, currency: { constant: 'EUR' }, valueBasis: 'by-flow' as const };
      let spec: TradeTableSpec;
      if (findColumn(c, 'PRODUCT_NC') && findColumn(c, 'DECLARANT_ISO')) {
        spec = {
          ...base,
          layout: 'Comext bulk file',
          source: 'Eurostat Comext bulk (DS-045409)',
          period: { column: needColumn(file, c, 'period', 'PERIOD') },
          reporter: { column: needColumn(file, c, 'reporter', 'DECLARANT_ISO'), scheme: 'code' },
          partner: { column: needColumn(file, c, 'partner', 'PARTNER_ISO'), scheme: 'code' },
          flow: { column: needColumn(file, c, 'flow', 'FLOW') },
          code: { column: 'PRODUCT_NC' },
          nomenclature: { byYear: 'CN' },
          value: { column: needColumn(file, c, 'value', 'VALUE_IN_EUROS') },
          quantity: findColumn(c, 'SUP_QUANTITY') ? { column: findColumn(c, 'SUP_QUANTITY')!, unit: { column: needColumn(file, c, 'supplementary unit', 'SUPP_UNIT') } } : undefined,
          netWeightKg: findColumn(c, 'QUANTITY_IN_KG') ? { column: findColumn(c, 'QUANTITY_IN_KG')! } : undefined,
          fold: findColumn(c, 'STAT_REGIME') ? [{ column: findColumn(c, 'STAT_REGIME')!, totals: [] }] : undefined,
        };
      } else if (findColumn(c, 'PRODUCT_NC') && findColumn(c, 'VALUE_EUR')) {
        spec = {
          ...base,
          layout: 'Comext bulk file (2024 layout)',
          source: 'Eurostat Comext bulk (DS-045409)',
          period: { column: needColumn(file, c, 'period', 'PERIOD') },
          reporter: { column: needColumn(file, c, 'reporter', 'REPORTER'), scheme: 'code' },
          partner: { column: needColumn(file, c, 'partner', 'PARTNER'), scheme: 'code' },
          flow: { column: needColumn(file, c, 'flow', 'FLOW') },
          code: { column: 'PRODUCT_NC' },
          nomenclature: { byYear: 'CN' },
          value: { column: 'VALUE_EUR' },
          quantity: findColumn(c, 'QUANTITY_SUPPL_UNIT') ? { column: findColumn(c, 'QUANTITY_SUPPL_UNIT')!, unit: { column: needColumn(file, c, 'supplementary unit', 'SUPPL_UNIT') } } : undefined,
          netWeightKg: findColumn(c, 'QUANTITY_KG') ? { column: findColumn(c, 'QUANTITY_KG')! } : undefined,
          fold: findColumn(c, 'STAT_PROCEDURE') ? [{ column: findColumn(c, 'STAT_PROCEDURE')!, totals: [] }] : undefined,
        };
      } else if (findColumn(c, 'reporter', 'declarant') && findColumn(c, 'partner') && findColumn(c, 'product')) {
        const procedure = findColumn(c, 'stat_procedure', 'stat_regime');
        spec = {
          ...base,
          layout: 'Eurostat relational view',
          source: 'Eurostat Comext (relational view layout)',
          period: { column: needColumn(file, c, 'period', 'period', 'time_period', 'time', 'year') },
          reporter: { column: needColumn(file, c, 'reporter', 'reporter', 'declarant'), scheme: 'name' },
          partner: { column: needColumn(file, c, 'partner', 'partner'), scheme: 'name' },
          flow: { column: needColumn(file, c, 'flow', 'flow') },
          code: { column: needColumn(file, c, 'product', 'product') },
          nomenclature: { byYear: 'CN' },
          value: { column: needColumn(file, c, 'value', 'value_eur', 'value_in_eur', 'value_in_euros', 'obs_value', 'value') },
          fold: procedure ? [{ column: procedure, totals: ['Total', 'TOTAL', '0'] }] : undefined,
        };
      } else {
        throw new SourceError(file, '1', `not a Comext layout: expected the bulk columns (DECLARANT_ISO, PARTNER_ISO, PRODUCT_NC, FLOW, PERIOD, VALUE_IN_EUROS), the 2024 bulk columns (REPORTER, PARTNER, PRODUCT_NC, FLOW, PERIOD, VALUE_EUR) or a relational view (reporter, partner, product, flow, period, value); the header has: ${c.join(', ')}`);
      }
      plan.specs.push(spec);
    }
    return plan;
  },
};
