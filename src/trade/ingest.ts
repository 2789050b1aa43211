/**
 * `sanctrace ingest eurostat-cn8|comext|comtrade|baci`: a trade table loaded as a new version of a
 * named trade dataset, in one transaction. The same files again load nothing ("unchanged").
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { checkDatasetName } from '../ingest/ingest.js';
import { dateInFileName, expandInputs } from '../sources/files.js';
import { TABLE_FILE } from '../sources/trade/format.js';
import { tradeFormat } from '../sources/trade/registry.js';
import { UsageError } from '../sources/errors.js';
import type { DatasetVersion, Store, TradeLoadReport } from '../store/store.js';
import { resolveArea } from './areas.js';

export interface TradeIngestOptions {
  format: string;
  inputs: string[];
  dataset: string;
  version?: string;
}

export interface TradeIngestResult {
  status: 'loaded' | 'unchanged';
  version: DatasetVersion;
  report: TradeLoadReport | undefined;
}

async function hashFiles(files: string[], format: string): Promise<string> {
  const hash = createHash('sha256').update(format);
  for (const f of files) {
    hash.update(path.basename(f));
    for await (const chunk of createReadStream(f)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

export async function ingestTrade(store: Store, opts: TradeIngestOptions): Promise<TradeIngestResult> {
  checkDatasetName(opts.dataset);
  const format = tradeFormat(opts.format);
  const files = await expandInputs(opts.inputs, (f) => TABLE_FILE.test(f));
  if (files.length === 0) throw new UsageError(`no table files (.csv, .tsv, .dat, .txt, optionally .gz) in ${opts.inputs.join(', ')}`);
  const contentHash = await hashFiles(files, opts.format);
  const latest = await store.latestVersion(opts.dataset);
  if (latest && latest.contentHash === contentHash && !opts.version) {
    return { status: 'unchanged', version: latest, report: undefined };
  }
  if (latest && latest.format !== opts.format) {
    throw new UsageError(`dataset ${opts.dataset} holds ${latest.format} data; load ${opts.format} into another dataset`);
  }
  const plan = await format.plan(files);
  const existing = new Set((await store.versions(opts.dataset)).map((v) => v.version));
  let version = opts.version;
  if (!version) {
    const base = plan.versionHint ?? files.map(dateInFileName).filter((d): d is string => !!d).sort().at(-1) ?? new Date().toISOString().slice(0, 10);
    version = base;
    for (let n = 2; existing.has(version); n++) version = `${base}.${n}`;
  }
  const sizes = await Promise.all(files.map(async (f) => ({ path: f, bytes: (await stat(f)).size })));
  const result = await store.loadTradeVersion(
    { dataset: opts.dataset, format: opts.format, contentHash, version, files: sizes },
    { specs: plan.specs, resolveArea: (raw, field) => resolveArea(raw, field.scheme) },
  );
  return { status: 'loaded', version: result.version, report: result.report };
}
