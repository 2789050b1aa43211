/**
 * Eurostat Comext CN8 extracts in long form: one row per product, reporter, partner and month —
 * `cn8,product,flow,reporter,partner,period,value_eur[,source_file,extracted_on,dataset_last_updated]`,
 * as converted from Eurostat's DS-045409 spreadsheets (data/trade/, see data/SOURCES.md).
 * Reporters and partners are Eurostat's long English names ("Germany (incl. German Democratic
 * Republic 'DD' from 1991)"); product codes are CN8, or HS4 headings whose rows total the CN8
 * rows under them (kept, and not counted twice).
 */
import { parseDate } from '../../model/dates.js';
import { MISSING, type TradeFilePlan, type TradeFormat } from './format.js';
import { findColumn, needColumn, readHead } from './header.js';

/** "13/01/2023 11:00" → 2023-01-13 */
function dayFirstDate(text: string | undefined): string | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(text?.trim() ?? '');
  return m ? parseDate(`${m[3]}-${m[2]}-${m[1]}`) : undefined;
}

export const eurostatCn8Format: TradeFormat = {
  format: 'eurostat-cn8',
  title: 'Eurostat Comext CN8 extract (long CSV: cn8, product, flow, reporter, partner, period, value_eur)',
  publisher: 'Eurostat',
  async plan(files: string[]): Promise<TradeFilePlan> {
    const plan: TradeFilePlan = { specs: [] };
    for (const file of files) {
      const head = await readHead(file);
      const c = head.columns;
      const updated = findColumn(c, 'dataset_last_updated');
      const hint = updated ? dayFirstDate(head.first?.[updated]) : undefined;
      if (hint && (!plan.versionHint || hint > plan.versionHint)) plan.versionHint = hint;
      plan.specs.push({
        file,
        layout: 'Eurostat CN8 long extract',
        source: 'Eurostat Comext DS-045409 (CN8, monthly)',
        delimiter: head.delimiter,
        columns: c,
        period: { column: needColumn(file, c, 'period', 'period') },
        reporter: { column: needColumn(file, c, 'reporter', 'reporter', 'declarant'), scheme: 'name' },
        partner: { column: needColumn(file, c, 'partner', 'partner'), scheme: 'name' },
        flow: { column: needColumn(file, c, 'flow', 'flow') },
        code: { column: needColumn(file, c, 'product code', 'cn8', 'product_code', 'code') },
        nomenclature: { byYear: 'CN' },
        description: findColumn(c, 'product', 'product_label'),
        value: { column: needColumn(file, c, 'value', 'value_eur', 'value_in_euros') },
        currency: { constant: 'EUR' },
        valueBasis: 'by-flow',
        missing: MISSING,
      });
    }
    return plan;
  },
};
