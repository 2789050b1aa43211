import { ingest, type IngestResult } from '../ingest/ingest.js';
import type { Store } from '../store/store.js';
import { ingestTrade, type TradeIngestResult } from '../trade/ingest.js';
import { formatNumber } from './output.js';
import { progressBar } from './progress.js';

export interface IngestFlags {
  dataset: string;
  version?: string;
  format?: string;
}

/** One line per outcome, plus the reader's unusable entries by reason. */
export function describeIngest(dataset: string, r: IngestResult): string {
  const v = r.version;
  if (r.status === 'unchanged') return `${dataset}: unchanged since version ${v.version} (same files); nothing loaded`;
  const lines = [
    `${dataset}: loaded version ${v.version} — ${formatNumber(v.records)} records, ${formatNumber(v.entities)} entities, ` +
      `${formatNumber(v.statements)} statements` +
      (v.seq > 1 ? `; delta: +${v.added} added, -${v.removed} removed, ~${v.changed} changed` : ''),
  ];
  for (const [reason, issue] of r.report.unusable) {
    lines.push(`  reported: ${formatNumber(issue.count)} × ${reason} (e.g. ${issue.examples.slice(0, 2).join('; ')})`);
  }
  return lines.join('\n');
}

export async function ingestCommand(store: Store, format: string, paths: string[], flags: IngestFlags): Promise<void> {
  const bar = progressBar(`ingest ${flags.dataset}`);
  let result: IngestResult;
  try {
    result = await ingest(store, { format, inputs: paths, dataset: flags.dataset, version: flags.version, progress: bar.update });
  } finally {
    bar.stop();
  }
  if (flags.format === 'json') {
    process.stdout.write(JSON.stringify({ status: result.status, ...result.version, report: result.report.toJSON() }, null, 2) + '\n');
  } else {
    process.stdout.write(describeIngest(flags.dataset, result) + '\n');
  }
}

/** What a trade load read, stored and set apart, in a few lines. */
export function describeTradeIngest(dataset: string, r: TradeIngestResult): string {
  const v = r.version;
  if (r.status === 'unchanged' || !r.report) return `${dataset}: unchanged since version ${v.version} (same files); nothing loaded`;
  const rep = r.report;
  const lines = [
    `${dataset}: loaded trade version ${v.version} — ${formatNumber(rep.lines)} lines read, ${formatNumber(rep.rows)} flows stored ` +
      `(${rep.periods.first ?? '?'} … ${rep.periods.last ?? '?'}, ${rep.currencies.join('/')}, ${rep.nomenclatures.join(', ')})` +
      (v.seq > 1 ? `; against the previous version: +${formatNumber(v.added)} flows, -${formatNumber(v.removed)}, ~${formatNumber(v.changed)} changed` : ''),
  ];
  for (const f of rep.files) lines.push(`  ${f.path}: ${f.layout}, ${formatNumber(f.lines)} lines → ${formatNumber(f.rows)} flows`);
  if (rep.subtotals.rows) {
    lines.push(
      `  ${formatNumber(rep.subtotals.rows)} rows total more detailed rows of the table (e.g. HS4 over CN8): kept, counted once ` +
        `(${formatNumber(Math.round(rep.subtotals.undetailed_value))} not detailed below them)`,
    );
  }
  for (const a of rep.areas.slice(0, 8)) {
    lines.push(`  ${a.side} ${a.code} (${a.kind}): ${formatNumber(a.rows)} rows kept apart, never summed with countries`);
  }
  if (rep.areas.length > 8) lines.push(`  … and ${rep.areas.length - 8} more areas that are not countries`);
  for (const [reason, issue] of Object.entries(rep.handled)) {
    lines.push(`  handled: ${formatNumber(issue.count)} × ${reason}${issue.examples.length ? ` (e.g. ${issue.examples.slice(0, 2).join('; ')})` : ''}`);
  }
  return lines.join('\n');
}

export async function tradeIngestCommand(store: Store, format: string, paths: string[], flags: IngestFlags): Promise<void> {
  const result = await ingestTrade(store, { format, inputs: paths, dataset: flags.dataset, version: flags.version });
  if (flags.format === 'json') {
    process.stdout.write(JSON.stringify({ status: result.status, ...result.version, kind: 'trade', report: result.report ?? null }, null, 2) + '\n');
  } else {
    process.stdout.write(describeTradeIngest(flags.dataset, result) + '\n');
  }
}
