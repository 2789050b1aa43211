import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { compactIdentifier } from '../model/identifiers.js';
import { propertyType } from '../model/ftm.js';
import type { FtmEntity } from '../model/entity.js';
import { UsageError } from '../sources/errors.js';
import { dateInFileName, expandInputs } from '../sources/files.js';
import { readerFor } from '../sources/registry.js';
import { ReadReport } from '../sources/report.js';
import type { DatasetVersion, StatementInput, Store } from '../store/store.js';

export interface IngestOptions {
  format: string;
  inputs: string[];
  dataset: string;
  /** version label; default: the date the source states, else a date in the file names, else today */
  version?: string;
  progress?: (done: number, total: number) => void;
}

export interface IngestResult {
  status: 'loaded' | 'unchanged';
  version: DatasetVersion;
  report: ReadReport;
}

const DATASET_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

export function checkDatasetName(name: string): void {
  if (!DATASET_NAME.test(name)) {
    throw new UsageError(`dataset name "${name}" must be lower-case letters, digits, '_', '-' or '.' (max 64)`);
  }
}

async function hashFiles(files: string[], format: string): Promise<string> {
  const hash = createHash('sha256').update(format);
  for (const f of files) {
    hash.update(path.basename(f));
    for await (const chunk of createReadStream(f)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

function versionLabel(opts: IngestOptions, report: ReadReport, files: string[]): string {
  if (opts.version) return opts.version;
  if (report.versionHint) return report.versionHint;
  const dates = files.map(dateInFileName).filter((d): d is string => !!d).sort();
  return dates.at(-1) ?? new Date().toISOString().slice(0, 10);
}

/** Every value of an entity as a statement; an `id` statement marks the entity even without properties. */
function toStatements(entity: FtmEntity, recordKey: string, add: (s: StatementInput) => void): void {
  add({ entityId: entity.id, schema: entity.schema, prop: 'id', value: entity.id, norm: null, recordKey });
  for (const [prop, values] of Object.entries(entity.properties)) {
    const norm = propertyType(entity.schema, prop) === 'identifier';
    for (const value of values) {
      add({ entityId: entity.id, schema: entity.schema, prop, value, norm: norm ? compactIdentifier(value) : null, recordKey });
    }
  }
}

/**
 * Reads a source with its reader and loads it into the store as a new version of the dataset, in
 * one transaction. An unchanged source (same bytes as the latest version) is not loaded again.
 */
export async function ingest(store: Store, opts: IngestOptions): Promise<IngestResult> {
  checkDatasetName(opts.dataset);
  const reader = readerFor(opts.format);
  const files = await expandInputs(opts.inputs);
  const contentHash = await hashFiles(files, opts.format);
  const report = new ReadReport();
  const latest = await store.latestVersion(opts.dataset);
  if (latest && latest.contentHash === contentHash && !opts.version) {
    return { status: 'unchanged', version: latest, report };
  }
  if (latest && latest.format !== opts.format) {
    throw new UsageError(`dataset ${opts.dataset} holds ${latest.format} data; load ${opts.format} into another dataset`);
  }
  const existing = new Set((await store.versions(opts.dataset)).map((v) => v.version));
  const result = await store.loadVersion(
    { dataset: opts.dataset, format: opts.format, contentHash },
    async (add) => {
      for await (const record of reader.read(opts.inputs, { dataset: opts.dataset, report, progress: opts.progress })) {
        for (const entity of record.entities) toStatements(entity, record.key, add);
      }
      let version = versionLabel(opts, report, files);
      if (!opts.version) for (let n = 2; existing.has(version); n++) version = `${versionLabel(opts, report, files)}.${n}`;
      return { version, records: report.records, report: report.toJSON(), files: report.files };
    },
  );
  return { status: 'loaded', version: result.version, report };
}
