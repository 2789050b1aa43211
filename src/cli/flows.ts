/** `sanctrace flows`: a time series of trade values for reporters, partners and codes. */
import { csvRow } from '../screening/bulk-format.js';
import { UsageError } from '../sources/errors.js';
import type { Store } from '../store/store.js';
import { flowOf, flowSeries, type FlowKind } from '../trade/flows.js';
import { formatNumber, printJson, table } from './output.js';

export interface FlowsFlags {
  dataset?: string[];
  reporter?: string;
  partner?: string;
  code?: string;
  flow?: string;
  monthly?: boolean;
  bridge?: boolean;
  currency?: string;
  format: string;
}

export function parseFlows(text: string | undefined): FlowKind[] | undefined {
  if (!text) return undefined;
  return text.split(',').map((f) => {
    const kind = flowOf(f);
    if (!kind) throw new UsageError(`--flow: unknown flow "${f}" (import, export, re-export, re-import)`);
    return kind;
  });
}

export async function flowsCommand(store: Store, flags: FlowsFlags): Promise<void> {
  const result = await flowSeries(store, {
    datasets: flags.dataset,
    reporters: flags.reporter,
    partners: flags.partner,
    codes: flags.code,
    flows: parseFlows(flags.flow),
    monthly: flags.monthly ?? false,
    bridge: flags.bridge,
    currency: flags.currency,
  });
  if (flags.format === 'json') {
    printJson(result);
    return;
  }
  if (flags.format === 'csv') {
    let out = csvRow(['period', 'months', 'currency', 'value', 'net_weight_kg', 'rows']);
    for (const r of result.series) out += csvRow([r.period, String(r.months), r.currency, String(r.value), r.net_weight_kg === null ? '' : String(r.net_weight_kg), String(r.rows)]);
    process.stdout.write(out);
    for (const n of result.notes) process.stderr.write(`sanctrace: ${n}\n`);
    return;
  }
  const who = (v: string[] | 'all') => (v === 'all' ? 'all (no aggregates)' : v.join(','));
  process.stdout.write(
    `${who(result.reporters)} → ${who(result.partners)}, ${result.flows === 'all' ? 'all flows' : result.flows.join(',')}, codes ${result.codes === 'all' ? 'all' : result.codes.join(',')}\n\n` +
      table(
        result.series.map((r) => ({ period: r.period, months: r.months, value: formatNumber(Math.round(r.value)), currency: r.currency, rows: formatNumber(r.rows) })),
        ['period', 'months', 'value', 'currency', 'rows'],
      ) +
      '\n' +
      result.notes.map((n) => `  - ${n}\n`).join(''),
  );
}
