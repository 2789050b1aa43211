import type { FtmEntity } from '../model/entity.js';

/** One value of one property of one entity, with where it came from. */
export interface Statement {
  entityId: string;
  schema: string;
  prop: string;
  value: string;
  /** normalised form for comparison (identifiers: compact upper-case, digits kept) */
  norm: string | null;
  dataset: string;
  recordKey: string;
  firstVersion: string;
  lastVersion: string;
  firstSeen: string;
  lastSeen: string;
  /** false when the statement is no longer in the dataset's current version */
  current: boolean;
}

/** An entity as stored: FtM shape plus the datasets it comes from and when it was seen. */
export interface StoredEntity extends FtmEntity {
  datasets: string[];
  first_seen: string;
  last_seen: string;
}

export interface DatasetVersion {
  dataset: string;
  seq: number;
  version: string;
  format: string;
  loadedAt: string;
  /** source entries read */
  records: number;
  entities: number;
  statements: number;
  contentHash: string;
  files: Array<{ path: string; bytes: number }>;
  /** the reader's report: unusable entries and values by reason */
  report: unknown;
  added: number;
  removed: number;
  changed: number;
}

export interface DatasetSummary {
  name: string;
  version: string;
  records: number;
  entities: number;
  loaded_at: string;
  format: string;
  versions: number;
}

export interface PropertyChange {
  prop: string;
  added: string[];
  removed: string[];
}

export interface EntityChange {
  id: string;
  schema: string;
  caption: string;
  change: 'added' | 'removed' | 'changed';
  /** for changed entities: which properties changed and how */
  properties?: PropertyChange[];
}

export interface Delta {
  dataset: string;
  from: string | null;
  to: string;
  added: number;
  removed: number;
  changed: number;
  /** counts by schema */
  bySchema: Record<string, { added: number; removed: number; changed: number }>;
  entities: EntityChange[];
}

export interface StatementInput {
  entityId: string;
  schema: string;
  prop: string;
  value: string;
  norm: string | null;
  recordKey: string;
}

export interface NewVersion {
  dataset: string;
  format: string;
  contentHash: string;
}

/** What the loader hands over after streaming every statement of the new version. */
export interface VersionOutcome {
  version: string;
  records: number;
  report: unknown;
  files: Array<{ path: string; bytes: number }>;
}

export interface LoadResult {
  version: DatasetVersion;
  delta: { added: number; removed: number; changed: number };
}

/**
 * The one place engines read and write data. The embedded implementation is DuckDB; every load
 * of a dataset version runs in one transaction, so a failed load leaves the store unchanged.
 */
export interface Store {
  /**
   * Load a new version of a dataset: `write` streams its statements through `add`, then returns
   * the version label and counts. If `write` throws, nothing is kept.
   */
  loadVersion(
    input: NewVersion,
    write: (add: (s: StatementInput) => void) => Promise<VersionOutcome>,
  ): Promise<LoadResult>;
  datasets(): Promise<DatasetSummary[]>;
  versions(dataset: string): Promise<DatasetVersion[]>;
  latestVersion(dataset: string): Promise<DatasetVersion | undefined>;
  delta(dataset: string, from?: string, to?: string): Promise<Delta>;
  /** Current entities, optionally of some datasets, ordered by id. */
  entities(opts?: { datasets?: string[] }): AsyncIterable<StoredEntity>;
  getEntity(id: string): Promise<StoredEntity | undefined>;
  statements(entityId: string): Promise<Statement[]>;
  close(): Promise<void>;
}

export class StoreError extends Error {
  override name = 'StoreError';
}
