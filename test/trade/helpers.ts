/** Hand-made trade tables for the method tests, in the eurostat-cn8 long layout, and stores over them. */
import path from 'node:path';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { ingestTrade } from '../../src/trade/ingest.js';
import { tempDir, writeTemp } from '../helpers.js';

/** [cn8 code, reporter name, partner name, period, value in EUR, flow (default EXPORT)] */
export type FlowRow = [string, string, string, string, number | string, string?];

export function cn8Csv(rows: FlowRow[]): string {
  const lines = ['cn8,product,flow,reporter,partner,period,value_eur'];
  const q = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const [code, reporter, partner, period, value, flow] of rows) {
    lines.push(`${code},"hand-made ${code}",${flow ?? 'EXPORT'},${q(reporter)},${q(partner)},${period},${value}`);
  }
  return lines.join('\n') + '\n';
}

/** The months of a year range, e.g. months(2021, 3, 11) → 2021-03 … 2021-11. */
export function months(year: number, from = 1, to = 12): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m++) out.push(`${year}-${String(m).padStart(2, '0')}`);
  return out;
}

/** One row per month of the list, same code, reporter, partner and value. */
export function monthly(code: string, reporter: string, partner: string, periods: string[], value: number, flow?: string): FlowRow[] {
  return periods.map((p) => [code, reporter, partner, p, value, flow]);
}

/** Rows for the baseline months (Mar–Nov 2021) at one value and the later months (Mar–Nov 2022) at another. */
export function before_after(code: string, reporter: string, partner: string, before: number, after: number, flow?: string): FlowRow[] {
  return [...monthly(code, reporter, partner, months(2021, 3, 11), before, flow), ...monthly(code, reporter, partner, months(2022, 3, 11), after, flow)];
}

export interface TradeStore {
  dir: string;
  store: DuckDbStore;
  close(): Promise<void>;
}

/** A fresh store with each table loaded as its own dataset (name → CSV text, eurostat-cn8 layout unless given). */
export async function tradeStore(tables: Record<string, string | { format: string; text: string; file?: string }>): Promise<TradeStore> {
  const dir = tempDir('sanctrace-trade-');
  const store = await DuckDbStore.open(path.join(dir, 'trade.duckdb'));
  for (const [dataset, t] of Object.entries(tables)) {
    const spec = typeof t === 'string' ? { format: 'eurostat-cn8', text: t } : t;
    const file = writeTemp(dir, spec.file ?? `${dataset}.csv`, spec.text);
    await ingestTrade(store, { format: spec.format, inputs: [file], dataset, version: 'v1' });
  }
  return { dir, store, close: () => store.close() };
}
