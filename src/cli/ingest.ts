import { ingest, type IngestResult } from '../ingest/ingest.js';
import type { Store } from '../store/store.js';
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
