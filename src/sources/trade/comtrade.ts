/**
 * UN Comtrade CSV, recognised by its header:
 * - the current API and bulk files (comtradeapicall): reporterCode, partnerCode, partner2Code
 *   (consignment country), flowCode (M, X, RM, RX…), cmdCode, classificationCode (H5 = HS 2017,
 *   H6 = HS 2022), period (YYYYMM or YYYY), primaryValue, cifvalue, fobvalue, netWgt, qty,
 *   qtyUnitAbbr, motCode, customsCode;
 * - the v1 API (as in the shipped Armenia extract): reporter_code, partner_code, commodity_code,
 *   trade_code/trade_flow, period, trade_value_us, cifvalue, fobvalue, netweight_kg, Qty,
 *   QtyUnitAbbr, mot_code;
 * - the legacy bulk download: Classification, Year, Period, Trade Flow Code (1 import, 2 export,
 *   3 re-export, 4 re-import), Reporter Code, Partner Code, 2nd Partner Code, Commodity Code,
 *   Trade Value (US$), CIF/FOB Trade Value (US$), Netweight (kg), Qty.
 * Countries are M49 numbers (with Comtrade's own 251 France, 699 India, 757 Switzerland, 842 USA;
 * 0 World, 899 Areas n.e.s. and other aggregates kept apart). Values are US dollars; the primary
 * value is CIF for imports and FOB for exports. Rows by mode of transport or customs procedure are
 * folded into their total row (kept when present, else summed).
 */
import { SourceError } from '../errors.js';
import { MISSING, type TradeFilePlan, type TradeFormat } from './format.js';
import { findColumn, needColumn, readHead } from './header.js';
import type { TradeTableSpec } from '../../trade/flows.js';

const CLASSIFICATIONS: Record<string, string> = {
  H0: 'HS1992',
  H1: 'HS1996',
  H2: 'HS2002',
  H3: 'HS2007',
  H4: 'HS2012',
  H5: 'HS2017',
  H6: 'HS2022',
  HS: 'byYear',
};

export const comtradeFormat: TradeFormat = {
  format: 'comtrade',
  title: 'UN Comtrade CSV (current API/bulk, v1 API and legacy bulk layouts)',
  publisher: 'United Nations Statistics Division (UN Comtrade)',
  async plan(files: string[]): Promise<TradeFilePlan> {
    const plan: TradeFilePlan = { specs: [] };
    for (const file of files) {
      const head = await readHead(file);
      const c = head.columns;
      const opt = (...names: string[]) => findColumn(c, ...names);
      const need = (what: string, ...names: string[]) => needColumn(file, c, what, ...names);
      const classification = opt('classificationCode', 'Classification');
      const common = {
        file,
        delimiter: head.delimiter,
        columns: c,
        source: 'UN Comtrade',
        missing: MISSING,
        currency: { constant: 'USD' },
        valueBasis: 'by-flow' as const,
        nomenclature: classification ? { column: classification, map: CLASSIFICATIONS } : { byYear: 'HS' as const },
      };
      const fold = (...pairs: Array<[string[], string[]]>) => {
        const out: Array<{ column: string; totals: string[] }> = [];
        for (const [names, totals] of pairs) {
          const col = opt(...names);
          if (col) out.push({ column: col, totals });
        }
        return out.length ? out : undefined;
      };
      const qty = opt('qty', 'Qty');
      const unit = opt('qtyUnitAbbr', 'QtyUnitAbbr', 'Qty Unit');
      const kg = opt('netWgt', 'netweight_kg', 'Netweight (kg)');
      let spec: TradeTableSpec;
      if (opt('reporterCode') && opt('cmdCode')) {
        const p2 = opt('partner2Code');
        spec = {
          ...common,
          layout: 'UN Comtrade (current API/bulk)',
          period: opt('period') ? { column: opt('period')! } : { year: need('year', 'refYear'), month: opt('refMonth') },
          reporter: { column: need('reporter', 'reporterCode'), scheme: 'm49' },
          partner: { column: need('partner', 'partnerCode'), scheme: 'm49' },
          partner2: p2 ? { column: p2, scheme: 'm49' } : undefined,
          flow: { column: need('flow', 'flowCode') },
          code: { column: need('commodity', 'cmdCode') },
          description: opt('cmdDesc'),
          value: { column: need('value', 'primaryValue') },
          valueCif: opt('cifvalue'),
          valueFob: opt('fobvalue'),
          quantity: qty && unit ? { column: qty, unit: { column: unit } } : undefined,
          netWeightKg: kg ? { column: kg } : undefined,
          fold: fold([['motCode'], ['0']], [['customsCode'], ['C00']], [['mosCode'], ['0']]),
        };
      } else if (opt('reporter_code') && opt('commodity_code')) {
        spec = {
          ...common,
          layout: 'UN Comtrade (v1 API)',
          period: opt('period') ? { column: opt('period')! } : { year: need('year', 'year'), month: opt('month') },
          reporter: { column: need('reporter', 'reporter_code'), scheme: 'm49' },
          partner: { column: need('partner', 'partner_code'), scheme: 'm49' },
          flow: { column: need('flow', 'trade_code', 'trade_flow') },
          code: { column: 'commodity_code' },
          description: opt('commodity'),
          value: { column: need('value', 'trade_value_us', 'trade_value') },
          valueCif: opt('cifvalue'),
          valueFob: opt('fobvalue'),
          quantity: qty && unit ? { column: qty, unit: { column: unit } } : undefined,
          netWeightKg: kg ? { column: kg } : undefined,
          fold: fold([['mot_code'], ['0']]),
        };
      } else if (opt('Reporter Code') && opt('Commodity Code')) {
        const p2 = opt('2nd Partner Code');
        spec = {
          ...common,
          layout: 'UN Comtrade (legacy bulk)',
          period: { column: need('period', 'Period') },
          reporter: { column: need('reporter', 'Reporter Code'), scheme: 'm49' },
          partner: { column: need('partner', 'Partner Code'), scheme: 'm49' },
          partner2: p2 ? { column: p2, scheme: 'm49' } : undefined,
          flow: { column: need('flow', 'Trade Flow Code', 'Trade Flow') },
          code: { column: 'Commodity Code' },
          description: opt('Commodity'),
          value: { column: need('value', 'Trade Value (US$)') },
          valueCif: opt('CIF Trade Value (US$)'),
          valueFob: opt('FOB Trade Value (US$)'),
          quantity: qty && unit ? { column: qty, unit: { column: unit } } : undefined,
          netWeightKg: kg ? { column: kg } : undefined,
          fold: fold([['Mode of Transport Code'], ['0']], [['Customs Proc. Code'], ['C00', '']]),
        };
      } else {
        throw new SourceError(file, '1', `not a UN Comtrade layout: expected reporterCode, partnerCode, cmdCode, flowCode, period, primaryValue (current API), reporter_code, partner_code, commodity_code, trade_code, period, trade_value_us (v1 API) or Reporter Code, Partner Code, Commodity Code, Trade Flow Code, Period, Trade Value (US$) (legacy bulk); the header has: ${c.join(', ')}`);
      }
      plan.specs.push(spec);
    }
    return plan;
  },
};
