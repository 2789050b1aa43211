import type { FtmEntity } from '../model/entity.js';
import type { FlowKind, TradeLoadPlan } from '../trade/flows.js';
import type { Window } from '../trade/periods.js';

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
  /** when a value of the entity last changed (the newest first_seen of its current statements) */
  last_change: string;
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
  /** 'entities' (sanctions lists, registries…) or 'trade' (trade statistics tables) */
  kind: 'entities' | 'trade';
  /** trade datasets: rows stored */
  rows?: number;
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

// --- trade statistics ---------------------------------------------------------------------

export interface IssueCount {
  count: number;
  examples: string[];
}

/** What a trade load read, kept, folded and set apart, by file and by reason. */
export interface TradeLoadReport {
  kind: 'trade';
  /** data lines read, all files */
  lines: number;
  /** rows stored */
  rows: number;
  files: Array<{ path: string; layout: string; source: string; lines: number; rows: number }>;
  /** rows not stored or changed on the way, by reason: no value, exact duplicates, folded breakdowns… */
  handled: Record<string, IssueCount>;
  /** reporters and partners that are not countries: kept, marked, never summed with countries */
  areas: Array<{ side: 'reporter' | 'partner'; code: string; kind: string; rows: number; value: number }>;
  /**
   * rows that are totals of more detailed rows of the same table (an HS4 row over its CN8 rows):
   * their value, and the part of it the detailed rows do not cover (kept as the row's own value)
   */
  subtotals: { rows: number; value: number; undetailed_value: number; negative_remainders: number };
  currencies: string[];
  periods: { first: string | null; last: string | null; monthly: number; annual: number };
  nomenclatures: string[];
}

export interface NewTradeVersion {
  dataset: string;
  format: string;
  contentHash: string;
  /** version label; must be new for the dataset */
  version: string;
  files: Array<{ path: string; bytes: number }>;
}

export interface TradeLoadResult {
  version: DatasetVersion;
  report: TradeLoadReport;
}

/** Which trade rows a query reads: datasets (default all trade datasets) and one currency. */
export interface TradeScope {
  datasets?: string[];
  currency?: string;
}

export interface TradeDatasetInfo {
  name: string;
  version: string;
  format: string;
  loaded_at: string;
  rows: number;
  currencies: string[];
  first_period: string | null;
  last_period: string | null;
  reporters: number;
  partners: number;
  flows: string[];
}

/** A distinct code of the trade rows in scope, with where it occurs. */
export interface TradeCodeCount {
  nomenclature: string;
  code: string;
  rows: number;
  description: string | null;
}

export interface TradeCoverage {
  currencies: string[];
  firstMonth?: number;
  lastMonth?: number;
  firstYear?: number;
  lastYear?: number;
}

/** A code of the scope and the analysis series it belongs to. */
export interface TradeCodeSelection {
  nomenclature: string;
  code: string;
  series: string;
  /** in the goods of interest (else a control good) */
  goods: boolean;
}

/**
 * The one pass over trade rows that hub detection needs. Roles: `supply` = exports of the
 * coalition's reporters to a non-coalition country (country = partner); `imports` / `exports` =
 * a non-coalition country's own reported imports and exports (country = reporter), with the
 * partner's class (coalition, russia or other).
 */
export interface TradeAggregateQuery extends TradeScope {
  currency: string;
  baseline: Window;
  period: Window;
  codes: TradeCodeSelection[];
  /** countries on the sanctioning side: never taken for hubs */
  coalition: string[];
  /** reporters whose exports count as supply (default: the coalition) */
  suppliers?: string[];
  russia: string;
}

export interface TradeAggregateResult {
  /** rows: for supply, the codes summed into the cell; for a country's own flows, the table rows */
  cells: Array<{ role: 'supply' | 'imports' | 'exports'; country: string; series: string; window: 'baseline' | 'period'; pclass: 'coalition' | 'russia' | 'other' | null; value: number; rows: number }>;
  /** supply by coalition reporter (goods only) */
  suppliers: Array<{ country: string; reporter: string; window: 'baseline' | 'period'; value: number }>;
  /** supply by month or year (goods only) */
  months: Array<{ country: string; month0: number; months: number; value: number }>;
  /** rows whose reporter or partner is not a country, reported apart */
  areas: Array<{ reporter: string; reporter_kind: string; partner: string; partner_kind: string; flow: string; window: 'baseline' | 'period'; goods: boolean; value: number; rows: number }>;
  /** the cells' rows, summed */
  rows: number;
}

export interface TradeSeriesQuery extends TradeScope {
  reporters?: string[];
  partners?: string[];
  flows?: FlowKind[];
  /** (nomenclature, code) pairs to sum; undefined = every code */
  codes?: Array<{ nomenclature: string; code: string }>;
  monthly: boolean;
}

export interface TradeSeriesRow {
  period: string;
  /** months the period's figure covers (1, 12, or the months of a year present in monthly data) */
  months: number;
  currency: string;
  value: number;
  net_weight_kg: number | null;
  rows: number;
}

/** Where a screening came from. */
export type ScreeningSource = 'api' | 'bulk' | 'cli';

/** One result of a logged screening: which entity, its score, and what became of it. */
export interface LoggedResult {
  entity_id: string;
  score: number;
  match: boolean;
  /** left out of the answer by a reviewer's false-positive decision (its id) */
  suppressed_by?: number;
}

/** A screening as it is appended to the audit log. */
export interface NewScreeningLogEntry {
  source: ScreeningSource;
  /** the caller's key for the query (yente query key, bulk input id), if any */
  query_key: string | null;
  /** hash of the normalised query: the same query screened again has the same fingerprint */
  query_fingerprint: string;
  /** the query as screened, in FtM shape ({schema, properties}) */
  query: unknown;
  /** dataset → version the index was built from */
  dataset_versions: Record<string, string>;
  algorithm: { name: string; version: string };
  /** hash of the algorithm and the options (threshold, limit, dataset filters) */
  config_hash: string;
  results: LoggedResult[];
}

export interface ScreeningLogEntry extends NewScreeningLogEntry {
  id: number;
  /** ISO 8601 UTC with milliseconds */
  at: string;
}

export type DecisionKind = 'false_positive' | 'match';

/** A reviewer's decision on one (query, entity) pair. */
export interface NewDecision {
  query_fingerprint: string;
  query_key: string | null;
  /** the log entry the reviewer looked at, if any */
  log_id: number | null;
  entity_id: string;
  /** hash of the entity's current statements at decision time (see Store.entityHashes) */
  entity_hash: string;
  decision: DecisionKind;
  reviewer: string;
  note: string;
}

export interface Decision extends NewDecision {
  id: number;
  at: string;
}

export interface LogQuery {
  /** entries at or after this ISO date or timestamp */
  since?: string;
  /** entries with an id greater than this (paging) */
  afterId?: number;
  limit?: number;
}

export interface DecisionQuery {
  queryFingerprint?: string;
  entityId?: string;
  afterId?: number;
  limit?: number;
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
  entities(opts?: { datasets?: string[]; schemata?: string[] }): AsyncIterable<StoredEntity>;
  getEntity(id: string): Promise<StoredEntity | undefined>;
  statements(entityId: string): Promise<Statement[]>;

  // Audit log and reviewer decisions (append-only: nothing updates or deletes them).
  /** Appends screenings to the audit log, in order; returns their ids and times. */
  appendScreeningLog(entries: NewScreeningLogEntry[]): Promise<Array<{ id: number; at: string }>>;
  /** Log entries in id order (at most `limit`, default 1,000: page with `afterId`). */
  screeningLog(query?: LogQuery): Promise<ScreeningLogEntry[]>;
  getScreeningLogEntry(id: number): Promise<ScreeningLogEntry | undefined>;
  addDecision(decision: NewDecision): Promise<Decision>;
  /** Decisions in id order (the latest decision on a query and entity is the one in force). */
  decisions(query?: DecisionQuery): Promise<Decision[]>;
  /**
   * A hash of each entity's current statements (dataset, schema, property, value), for the ids
   * that exist: unchanged across list versions that state the same, different once any value
   * of the entity is added, removed or changed.
   */
  entityHashes(ids: string[]): Promise<Map<string, string>>;

  // Trade statistics (datasets of kind 'trade'; their versions appear in datasets() and versions()).
  /**
   * Loads the files a plan describes as a new version of a trade dataset, in one transaction:
   * every row is validated (bad input fails naming file and line), nothing is loaded on failure.
   */
  loadTradeVersion(input: NewTradeVersion, plan: TradeLoadPlan): Promise<TradeLoadResult>;
  tradeDatasets(): Promise<TradeDatasetInfo[]>;
  /** Distinct codes of the trade datasets in scope (any currency), with their descriptions from the sources. */
  tradeCodes(scope?: TradeScope): Promise<TradeCodeCount[]>;
  tradeCoverage(scope?: TradeScope): Promise<TradeCoverage>;
  tradeAggregate(query: TradeAggregateQuery): Promise<TradeAggregateResult>;
  tradeSeries(query: TradeSeriesQuery): Promise<TradeSeriesRow[]>;

  close(): Promise<void>;
}

export class StoreError extends Error {
  override name = 'StoreError';
}
