import { createHash } from 'node:crypto';
import { totalmem } from 'node:os';
import { DuckDBInstance, LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { caption } from '../../model/entity.js';
import { isA } from '../../model/ftm.js';
import { MIGRATIONS } from './migrations.js';
import { TradeLoader, TRADE_FLOW_COLUMNS, TRADE_FLOW_INSERT } from './trade-load.js';
import { TradeQueries } from './trade-query.js';
import type { TradeLoadPlan } from '../../trade/flows.js';
import {
  StoreError,
  type Decision,
  type DecisionQuery,
  type LogQuery,
  type NewDecision,
  type NewScreeningLogEntry,
  type ScreeningLogEntry,
  type DatasetSummary,
  type DatasetVersion,
  type Delta,
  type EntityChange,
  type LoadResult,
  type NewVersion,
  type Statement,
  type StatementInput,
  type Store,
  type StoredEntity,
  type VersionOutcome,
  type NewTradeVersion,
  type TradeAggregateQuery,
  type TradeAggregateResult,
  type TradeCodeCount,
  type TradeCoverage,
  type TradeDatasetInfo,
  type TradeLoadReport,
  type TradeLoadResult,
  type TradeScope,
  type TradeSeriesQuery,
  type TradeSeriesRow,
} from '../store.js';

type Row = Record<string, unknown>;

/** DuckDB TIMESTAMP (UTC, as JS Date or text) → ISO 8601 to the second. */
function iso(ts: unknown): string {
  if (ts instanceof Date) return ts.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const text = String(ts);
  if (text.endsWith('Z')) return text;
  return text.replace(' ', 'T').replace(/\.\d+$/, '') + 'Z';
}

function num(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : Number(v ?? 0);
}

/** Picks the most specific schema among those different datasets gave one entity id. */
function mostSpecific(a: string, b: string): string {
  if (a === b) return a;
  try {
    if (isA(b, a)) return b;
  } catch {
    /* unknown schema in old data: keep the first */
  }
  return a;
}

/** ISO time (UTC) → the TIMESTAMP literal DuckDB reads, to the millisecond. */
function sqlTime(isoTime: string): string {
  return isoTime.replace('T', ' ').replace(/Z$/, '');
}

/** A date or time given by a caller (`2026-01-31`, `2026-01-31T10:00:00Z`) → TIMESTAMP literal. */
function sinceTime(text: string): string {
  // Times without a zone are UTC, like the log's.
  let t = text.trim().replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) t += 'T00:00:00Z';
  else if (!/(Z|[+-]\d{2}:?\d{2})$/.test(t)) t += 'Z';
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) throw new StoreError(`"${text}" is not a date or time (expected ISO 8601, e.g. 2026-01-31 or 2026-01-31T10:00:00Z)`);
  return sqlTime(d.toISOString());
}

const timeMs = (column: string) => `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ')`;

export const ENTITY_HASH_VERSION = 'sha256:v1';

/** The statement hash of one entity (see Store.entityHashes): order-independent, value-exact. */
export function statementHash(rows: Array<{ dataset: string; schema: string; prop: string; value: string }>): string {
  const lines = rows.map((r) => [r.dataset, r.schema, r.prop, r.value].join('\u001f')).sort();
  const unique = lines.filter((l, i) => i === 0 || l !== lines[i - 1]);
  return createHash('sha256').update(unique.join('\n')).digest('hex');
}

const ENTITY_QUERY_COLUMNS =
  "entity_id, schema, prop, value, dataset, strftime(first_seen, '%Y-%m-%dT%H:%M:%SZ') AS first_seen, strftime(last_seen, '%Y-%m-%dT%H:%M:%SZ') AS last_seen";
/** Statements of every dataset's latest version. */
const CURRENT_STATEMENTS = `FROM statements s
  JOIN (SELECT dataset AS d, max(seq) AS cur FROM dataset_versions GROUP BY dataset) v
    ON v.d = s.dataset AND s.last_seq = v.cur`;
const ENTITY_COLUMN_NAMES = ['entity_id', 'schema', 'prop', 'value', 'dataset', 'first_seen', 'last_seen'];

export class DuckDbStore implements Store {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    readonly path: string,
  ) {}

  /**
   * The store's connection, for the modules that keep their own tables in the store file (the
   * red flags and cross-references of flags.ts): their tables come from the store's migrations,
   * their queries share this connection (and so the store's memory cap).
   */
  get connection(): DuckDBConnection {
    return this.conn;
  }

  static async open(path: string): Promise<DuckDbStore> {
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path);
    } catch (e) {
      throw new StoreError(`cannot open the store ${path}: ${(e as Error).message}`);
    }
    const conn = await instance.connect();
    // DuckDB's own memory is capped (SANCTRACE_DB_MEMORY, default a quarter of the machine's): a
    // large load spills to disk instead of growing without end (the scale-10 world: 46M
    // statements load at 6.3 GB peak with 4GB, past 15 GB with DuckDB's default of 80%).
    const limit = process.env['SANCTRACE_DB_MEMORY'] ?? `${Math.max(1, Math.floor(totalmem() / 4 / 2 ** 30))}GB`;
    try {
      await conn.run(`SET memory_limit = '${limit.replace(/[^0-9A-Za-z.]/g, '')}'`);
    } catch (e) {
      throw new StoreError(`SANCTRACE_DB_MEMORY: not a memory size DuckDB understands ("${limit}", e.g. 4GB): ${(e as Error).message}`);
    }
    const store = new DuckDbStore(instance, conn, path);
    await store.migrate();
    return store;
  }

  /** Binds string arrays as VARCHAR[] (the driver cannot infer a list's type). */
  private static bind(params?: Array<DuckDBValue | string[]>): { values?: DuckDBValue[]; types?: Array<DuckDBType | undefined> } {
    if (!params) return {};
    const hasList = params.some(Array.isArray);
    return {
      values: params.map((p) => (Array.isArray(p) ? listValue(p) : p)),
      types: hasList ? params.map((p) => (Array.isArray(p) ? LIST(VARCHAR) : undefined)) : undefined,
    };
  }

  private async all(sql: string, params?: Array<DuckDBValue | string[]>): Promise<Row[]> {
    const { values, types } = DuckDbStore.bind(params);
    const reader = await this.conn.runAndReadAll(sql, values, types as DuckDBType[] | undefined);
    return reader.getRowObjectsJS() as Row[];
  }

  private async migrate(): Promise<void> {
    await this.conn.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)',
    );
    const done = new Set((await this.all('SELECT version FROM schema_migrations')).map((r) => num(r['version'])));
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    const newest = Math.max(0, ...done);
    if (newest > latest) {
      throw new StoreError(`the store ${this.path} was written by a newer sanctrace (schema ${newest} > ${latest})`);
    }
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await this.conn.run('BEGIN TRANSACTION');
      try {
        await this.conn.run(m.sql);
        await this.conn.run('INSERT INTO schema_migrations VALUES ($1, $2, now())', [m.version, m.name]);
        await this.conn.run('COMMIT');
      } catch (e) {
        await this.conn.run('ROLLBACK');
        throw new StoreError(`migration ${m.version} (${m.name}) failed: ${(e as Error).message}`);
      }
    }
  }

  async loadVersion(
    input: NewVersion,
    write: (add: (s: StatementInput) => void) => Promise<VersionOutcome>,
  ): Promise<LoadResult> {
    const c = this.conn;
    const prev = await this.latestVersion(input.dataset);
    const prevSeq = prev?.seq ?? 0;
    const seq = prevSeq + 1;
    await c.run('BEGIN TRANSACTION');
    try {
      await c.run(
        `CREATE OR REPLACE TEMP TABLE incoming (entity_id VARCHAR, schema VARCHAR, prop VARCHAR, value VARCHAR, norm VARCHAR, record_key VARCHAR)`,
      );
      const appender = await c.createAppender('incoming');
      const add = (s: StatementInput) => {
        appender.appendVarchar(s.entityId);
        appender.appendVarchar(s.schema);
        appender.appendVarchar(s.prop);
        appender.appendVarchar(s.value);
        if (s.norm === null) appender.appendNull();
        else appender.appendVarchar(s.norm);
        appender.appendVarchar(s.recordKey);
        appender.endRow();
      };
      let outcome: VersionOutcome;
      try {
        outcome = await write(add);
      } finally {
        appender.closeSync();
      }
      if (await this.versionExists(input.dataset, outcome.version)) {
        throw new StoreError(`dataset ${input.dataset} already has a version "${outcome.version}"; pass another --version`);
      }

      // One row per distinct statement; a value stated by several records keeps the first key.
      const distinct = `SELECT entity_id, schema, prop, value, any_value(norm) AS norm, min(record_key) AS record_key
                        FROM incoming GROUP BY entity_id, schema, prop, value`;
      if (prevSeq === 0) {
        await c.run(
          `INSERT INTO statements SELECT $1, entity_id, schema, prop, value, norm, record_key, $2, $2, now(), now() FROM (${distinct})`,
          [input.dataset, seq],
        );
      } else {
        await c.run(`CREATE OR REPLACE TEMP TABLE incoming_distinct AS ${distinct}`);
        await c.run(
          `UPDATE statements AS s SET last_seq = $3, last_seen = now(), record_key = i.record_key
           FROM incoming_distinct AS i
           WHERE s.dataset = $1 AND s.last_seq = $2 AND s.entity_id = i.entity_id AND s.schema = i.schema
             AND s.prop = i.prop AND s.value = i.value`,
          [input.dataset, prevSeq, seq],
        );
        await c.run(
          `INSERT INTO statements
           SELECT $1, i.entity_id, i.schema, i.prop, i.value, i.norm, i.record_key, $2, $2, now(), now()
           FROM incoming_distinct AS i
           ANTI JOIN (SELECT entity_id, schema, prop, value FROM statements WHERE dataset = $1 AND last_seq = $2) AS s
             ON s.entity_id = i.entity_id AND s.schema = i.schema AND s.prop = i.prop AND s.value = i.value`,
          [input.dataset, seq],
        );
        await c.run('DROP TABLE incoming_distinct');
      }
      const [counts] = await this.all(
        'SELECT count(*) AS statements, count(DISTINCT entity_id) AS entities FROM statements WHERE dataset = $1 AND last_seq = $2',
        [input.dataset, seq],
      );
      const delta =
        prevSeq === 0
          ? { added: num(counts?.['entities']), removed: 0, changed: 0 }
          : await this.deltaCounts(input.dataset, prevSeq, seq);
      if (!prev) {
        await c.run('INSERT INTO datasets (name, format, created_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING', [input.dataset, input.format]);
      }
      await c.run(
        `INSERT INTO dataset_versions VALUES ($1, $2, $3, $4, now(), $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          input.dataset, seq, outcome.version, input.format, outcome.records, num(counts?.['entities']),
          num(counts?.['statements']), input.contentHash, JSON.stringify(outcome.files), JSON.stringify(outcome.report),
          delta.added, delta.removed, delta.changed,
        ],
      );
      await c.run('DROP TABLE incoming');
      await c.run('COMMIT');
    } catch (e) {
      await c.run('ROLLBACK');
      throw e;
    }
    const version = await this.latestVersion(input.dataset);
    return { version: version!, delta: { added: version!.added, removed: version!.removed, changed: version!.changed } };
  }

  private async versionExists(dataset: string, version: string): Promise<boolean> {
    const rows = await this.all('SELECT 1 FROM dataset_versions WHERE dataset = $1 AND version = $2', [dataset, version]);
    return rows.length > 0;
  }

  /** SQL for the statements valid at version `seq` of dataset $1. */
  private static at(param: string): string {
    return `(first_seq <= ${param} AND last_seq >= ${param})`;
  }

  private async deltaCounts(dataset: string, fromSeq: number, toSeq: number) {
    const rows = await this.all(
      `WITH a AS (SELECT DISTINCT entity_id FROM statements WHERE dataset = $1 AND ${DuckDbStore.at('$2')}),
            b AS (SELECT DISTINCT entity_id FROM statements WHERE dataset = $1 AND ${DuckDbStore.at('$3')}),
            diff AS (SELECT DISTINCT entity_id FROM statements WHERE dataset = $1
                       AND (${DuckDbStore.at('$2')}) <> (${DuckDbStore.at('$3')}))
       SELECT
         (SELECT count(*) FROM b ANTI JOIN a USING (entity_id)) AS added,
         (SELECT count(*) FROM a ANTI JOIN b USING (entity_id)) AS removed,
         (SELECT count(*) FROM diff SEMI JOIN a USING (entity_id) SEMI JOIN b USING (entity_id)) AS changed`,
      [dataset, fromSeq, toSeq],
    );
    const r = rows[0]!;
    return { added: num(r['added']), removed: num(r['removed']), changed: num(r['changed']) };
  }

  private toVersion(r: Row): DatasetVersion {
    return {
      dataset: String(r['dataset']),
      seq: num(r['seq']),
      version: String(r['version']),
      format: String(r['format']),
      loadedAt: iso(r['loaded_at']),
      records: num(r['records']),
      entities: num(r['entities']),
      statements: num(r['statements']),
      contentHash: String(r['content_hash']),
      files: JSON.parse(String(r['files'])),
      report: JSON.parse(String(r['report'])),
      added: num(r['added']),
      removed: num(r['removed']),
      changed: num(r['changed']),
    };
  }

  async versions(dataset: string): Promise<DatasetVersion[]> {
    const rows = await this.all('SELECT * FROM dataset_versions WHERE dataset = $1 ORDER BY seq', [dataset]);
    return rows.map((r) => this.toVersion(r));
  }

  async latestVersion(dataset: string): Promise<DatasetVersion | undefined> {
    const rows = await this.all('SELECT * FROM dataset_versions WHERE dataset = $1 ORDER BY seq DESC LIMIT 1', [dataset]);
    return rows[0] ? this.toVersion(rows[0]) : undefined;
  }

  async datasets(): Promise<DatasetSummary[]> {
    const rows = await this.all(`
      SELECT v.*, (SELECT count(*) FROM dataset_versions w WHERE w.dataset = v.dataset) AS n,
        (SELECT coalesce(kind, 'entities') FROM datasets d WHERE d.name = v.dataset) AS kind
      FROM dataset_versions v
      WHERE v.seq = (SELECT max(seq) FROM dataset_versions w WHERE w.dataset = v.dataset)
      ORDER BY v.dataset`);
    return rows.map((r) => {
      const v = this.toVersion(r);
      const kind = r['kind'] === 'trade' ? 'trade' : 'entities';
      const summary: DatasetSummary = {
        name: v.dataset,
        version: v.version,
        records: v.records,
        entities: v.entities,
        loaded_at: v.loadedAt,
        format: v.format,
        versions: num(r['n']),
        kind,
      };
      if (kind === 'trade') summary.rows = v.statements;
      return summary;
    });
  }

  private async kindOf(dataset: string): Promise<'entities' | 'trade' | undefined> {
    const rows = await this.all('SELECT coalesce(kind, \'entities\') AS kind FROM datasets WHERE name = $1', [dataset]);
    if (!rows[0]) return undefined;
    return rows[0]['kind'] === 'trade' ? 'trade' : 'entities';
  }

  private async seqOf(dataset: string, version: string): Promise<number> {
    const rows = await this.all('SELECT seq FROM dataset_versions WHERE dataset = $1 AND version = $2', [dataset, version]);
    if (!rows[0]) {
      const known = (await this.versions(dataset)).map((v) => v.version);
      throw new StoreError(
        known.length
          ? `dataset ${dataset} has no version "${version}"; versions: ${known.join(', ')}`
          : `no dataset named "${dataset}"`,
      );
    }
    return num(rows[0]['seq']);
  }

  async delta(dataset: string, from?: string, to?: string): Promise<Delta> {
    const versions = await this.versions(dataset);
    if (versions.length === 0) throw new StoreError(`no dataset named "${dataset}"`);
    if ((await this.kindOf(dataset)) === 'trade') return this.tradeDelta(dataset, versions, from, to);
    const toSeq = to ? await this.seqOf(dataset, to) : versions.at(-1)!.seq;
    const fromSeq = from ? await this.seqOf(dataset, from) : toSeq - 1;
    const label = (seq: number) => versions.find((v) => v.seq === seq)?.version ?? null;
    const rows = await this.all(
      `WITH changed_st AS (
         SELECT entity_id, schema, prop, value, ${DuckDbStore.at('$2')} AS in_a, ${DuckDbStore.at('$3')} AS in_b
         FROM statements WHERE dataset = $1 AND (${DuckDbStore.at('$2')}) <> (${DuckDbStore.at('$3')})),
       a AS (SELECT DISTINCT entity_id FROM statements WHERE dataset = $1 AND ${DuckDbStore.at('$2')}),
       b AS (SELECT DISTINCT entity_id FROM statements WHERE dataset = $1 AND ${DuckDbStore.at('$3')})
       SELECT c.*, (c.entity_id IN (SELECT entity_id FROM a)) AS ent_a, (c.entity_id IN (SELECT entity_id FROM b)) AS ent_b
       FROM changed_st c ORDER BY c.entity_id, c.prop, c.value`,
      [dataset, fromSeq, toSeq],
    );
    const byId = new Map<string, EntityChange>();
    for (const r of rows) {
      const id = String(r['entity_id']);
      const entA = Boolean(r['ent_a']);
      const entB = Boolean(r['ent_b']);
      let ch = byId.get(id);
      if (!ch) {
        ch = { id, schema: String(r['schema']), caption: id, change: !entA ? 'added' : !entB ? 'removed' : 'changed' };
        if (ch.change === 'changed') ch.properties = [];
        byId.set(id, ch);
      }
      const prop = String(r['prop']);
      const value = String(r['value']);
      if (ch.properties && prop !== 'id') {
        let pc = ch.properties.find((p) => p.prop === prop);
        if (!pc) ch.properties.push((pc = { prop, added: [], removed: [] }));
        (r['in_b'] ? pc.added : pc.removed).push(value);
      }
      if (r['in_b'] || ch.change === 'removed') ch.schema = String(r['schema']);
    }
    // Captions as FtM makes them (name, full address, number, programme), from the newer side.
    if (byId.size) {
      const captions = await this.all(
        `SELECT entity_id, prop, min(value) AS value FROM statements
         WHERE dataset = $1 AND prop IN ('name', 'full', 'number', 'program')
           AND (${DuckDbStore.at('$2')} OR ${DuckDbStore.at('$3')})
           AND entity_id IN (SELECT entity_id FROM statements WHERE dataset = $1
                             AND (${DuckDbStore.at('$2')}) <> (${DuckDbStore.at('$3')}))
         GROUP BY entity_id, prop`,
        [dataset, fromSeq, toSeq],
      );
      const byEntity = new Map<string, Record<string, string[]>>();
      for (const c of captions) {
        const props = byEntity.get(String(c['entity_id'])) ?? {};
        props[String(c['prop'])] = [String(c['value'])];
        byEntity.set(String(c['entity_id']), props);
      }
      for (const [id, props] of byEntity) {
        const ch = byId.get(id)!;
        ch.caption = caption({ id, schema: ch.schema, properties: props });
      }
    }
    const entities: EntityChange[] = [];
    const bySchema: Delta['bySchema'] = {};
    const totals = { added: 0, removed: 0, changed: 0 };
    for (const ch of byId.values()) {
      entities.push(ch);
      totals[ch.change]++;
      (bySchema[ch.schema] ??= { added: 0, removed: 0, changed: 0 })[ch.change]++;
    }
    return { dataset, from: fromSeq > 0 ? label(fromSeq) : null, to: label(toSeq)!, ...totals, bySchema, entities };
  }

  /** Assembles entities from current statements ordered by entity id, in pages. */
  async *entities(opts: { datasets?: string[]; schemata?: string[] } = {}): AsyncIterable<StoredEntity> {
    const params: string[][] = [];
    let filter = '';
    if (opts.datasets?.length) {
      params.push(opts.datasets);
      filter += ` AND s.dataset IN (SELECT unnest($${params.length}::VARCHAR[]))`;
    }
    if (opts.schemata?.length) {
      params.push(opts.schemata);
      filter += ` AND s.schema IN (SELECT unnest($${params.length}::VARCHAR[]))`;
    }
    const { values, types } = DuckDbStore.bind(params);
    // A stream of its own: a query run on the shared connection while this one is read (a server
    // answering requests, a caller looking things up per entity) would end it early.
    const conn = await this.instance.connect();
    try {
      const result = await conn.stream(
        `SELECT ${ENTITY_QUERY_COLUMNS} ${CURRENT_STATEMENTS}
         WHERE true ${filter}
         ORDER BY entity_id, prop, value`,
        values,
        types as DuckDBType[] | undefined,
      );
      let current: StoredEntity | undefined;
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        for (const values of chunk.getRows()) {
          const row: Row = {};
          ENTITY_COLUMN_NAMES.forEach((name, i) => (row[name] = values[i]));
          const id = String(row['entity_id']);
          if (current && current.id !== id) {
            yield current;
            current = undefined;
          }
          current = DuckDbStore.addStatement(current, row);
        }
      }
      if (current) yield current;
    } finally {
      conn.closeSync();
    }
  }

  private static addStatement(entity: StoredEntity | undefined, row: Row): StoredEntity {
    const firstSeen = iso(row['first_seen']);
    const lastSeen = iso(row['last_seen']);
    const dataset = String(row['dataset']);
    if (!entity) {
      entity = {
        id: String(row['entity_id']),
        schema: String(row['schema']),
        properties: {},
        datasets: [],
        first_seen: firstSeen,
        last_seen: lastSeen,
        last_change: firstSeen,
      };
    }
    entity.schema = mostSpecific(entity.schema, String(row['schema']));
    if (!entity.datasets.includes(dataset)) entity.datasets.push(dataset);
    if (firstSeen < entity.first_seen) entity.first_seen = firstSeen;
    if (firstSeen > entity.last_change) entity.last_change = firstSeen;
    if (lastSeen > entity.last_seen) entity.last_seen = lastSeen;
    const prop = String(row['prop']);
    if (prop !== 'id') {
      const list = (entity.properties[prop] ??= []);
      const value = String(row['value']);
      if (!list.includes(value)) list.push(value);
    }
    return entity;
  }

  async getEntity(id: string): Promise<StoredEntity | undefined> {
    const rows = await this.all(
      `SELECT ${ENTITY_QUERY_COLUMNS} ${CURRENT_STATEMENTS}
       WHERE entity_id = $1 ORDER BY prop, value`,
      [id],
    );
    let entity: StoredEntity | undefined;
    for (const r of rows) entity = DuckDbStore.addStatement(entity, r);
    return entity;
  }

  async statements(entityId: string): Promise<Statement[]> {
    const rows = await this.all(
      `SELECT s.*, f.version AS first_version, l.version AS last_version,
              s.last_seq = (SELECT max(seq) FROM dataset_versions w WHERE w.dataset = s.dataset) AS current
       FROM statements s
       JOIN dataset_versions f ON f.dataset = s.dataset AND f.seq = s.first_seq
       JOIN dataset_versions l ON l.dataset = s.dataset AND l.seq = s.last_seq
       WHERE s.entity_id = $1 ORDER BY s.prop, s.value, s.dataset, s.first_seq`,
      [entityId],
    );
    return rows.map((r) => ({
      entityId: String(r['entity_id']),
      schema: String(r['schema']),
      prop: String(r['prop']),
      value: String(r['value']),
      norm: r['norm'] === null ? null : String(r['norm']),
      dataset: String(r['dataset']),
      recordKey: String(r['record_key']),
      firstVersion: String(r['first_version']),
      lastVersion: String(r['last_version']),
      firstSeen: iso(r['first_seen']),
      lastSeen: iso(r['last_seen']),
      current: Boolean(r['current']),
    }));
  }

  // --- audit log and decisions ------------------------------------------------------------

  private writing: Promise<unknown> = Promise.resolve();

  /** Runs audit writes one at a time (ids are allocated as max + 1). */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.writing.then(fn, fn);
    this.writing = next.catch(() => undefined);
    return next;
  }

  async appendScreeningLog(entries: NewScreeningLogEntry[]): Promise<Array<{ id: number; at: string }>> {
    if (entries.length === 0) return [];
    return this.serial(async () => {
      const [row] = await this.all('SELECT coalesce(max(id), 0) AS base FROM screening_log');
      const base = num(row?.['base']);
      const at = new Date().toISOString();
      const ids = entries.map((_, i) => String(base + i + 1));
      const col = (f: (e: NewScreeningLogEntry) => string) => entries.map(f);
      await this.all(
        `INSERT INTO screening_log
         SELECT unnest($1::VARCHAR[])::BIGINT, $2::TIMESTAMP, unnest($3::VARCHAR[]), nullif(substr(unnest($4::VARCHAR[]), 2), ''),
                unnest($5::VARCHAR[]), unnest($6::VARCHAR[]), unnest($7::VARCHAR[]), unnest($8::VARCHAR[]),
                unnest($9::VARCHAR[]), unnest($10::VARCHAR[]), unnest($11::VARCHAR[])`,
        [
          ids,
          sqlTime(at),
          col((e) => e.source),
          col((e) => (e.query_key === null ? '' : `k${e.query_key}`)), // '' → NULL, 'k…' → the key
          col((e) => e.query_fingerprint),
          col((e) => JSON.stringify(e.query)),
          col((e) => JSON.stringify(e.dataset_versions)),
          col((e) => e.algorithm.name),
          col((e) => e.algorithm.version),
          col((e) => e.config_hash),
          col((e) => JSON.stringify(e.results)),
        ],
      );
      return ids.map((id) => ({ id: Number(id), at }));
    });
  }

  private static toLogEntry(r: Row): ScreeningLogEntry {
    return {
      id: num(r['id']),
      at: String(r['at_text']),
      source: String(r['source']) as ScreeningLogEntry['source'],
      query_key: r['query_key'] === null ? null : String(r['query_key']),
      query_fingerprint: String(r['query_fingerprint']),
      query: JSON.parse(String(r['query'])),
      dataset_versions: JSON.parse(String(r['dataset_versions'])),
      algorithm: { name: String(r['algorithm']), version: String(r['algorithm_version']) },
      config_hash: String(r['config_hash']),
      results: JSON.parse(String(r['results'])),
    };
  }

  async screeningLog(query: LogQuery = {}): Promise<ScreeningLogEntry[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (query.since !== undefined) {
      params.push(sinceTime(query.since));
      where.push(`screened_at >= $${params.length}::TIMESTAMP`);
    }
    if (query.afterId !== undefined) {
      params.push(String(query.afterId));
      where.push(`id > $${params.length}::BIGINT`);
    }
    const limit = Math.max(0, Math.floor(query.limit ?? 1000));
    const rows = await this.all(
      `SELECT *, ${timeMs('screened_at')} AS at_text FROM screening_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY id LIMIT ${limit}`,
      params,
    );
    return rows.map((r) => DuckDbStore.toLogEntry(r));
  }

  async getScreeningLogEntry(id: number): Promise<ScreeningLogEntry | undefined> {
    if (!Number.isSafeInteger(id)) return undefined;
    const rows = await this.all(`SELECT *, ${timeMs('screened_at')} AS at_text FROM screening_log WHERE id = $1::BIGINT`, [String(id)]);
    return rows[0] ? DuckDbStore.toLogEntry(rows[0]) : undefined;
  }

  private static toDecision(r: Row): Decision {
    return {
      id: num(r['id']),
      at: String(r['at_text']),
      query_fingerprint: String(r['query_fingerprint']),
      query_key: r['query_key'] === null ? null : String(r['query_key']),
      log_id: r['log_id'] === null ? null : num(r['log_id']),
      entity_id: String(r['entity_id']),
      entity_hash: String(r['entity_hash']),
      decision: String(r['decision']) as Decision['decision'],
      reviewer: String(r['reviewer']),
      note: String(r['note']),
    };
  }

  async addDecision(d: NewDecision): Promise<Decision> {
    return this.serial(async () => {
      const [row] = await this.all('SELECT coalesce(max(id), 0) + 1 AS id FROM decisions');
      const id = num(row?.['id']);
      const at = new Date().toISOString();
      await this.all(
        `INSERT INTO decisions VALUES ($1::BIGINT, $2::TIMESTAMP, $3, $4, $5::BIGINT, $6, $7, $8, $9, $10)`,
        [
          String(id), sqlTime(at), d.query_fingerprint, d.query_key, d.log_id === null ? null : String(d.log_id),
          d.entity_id, d.entity_hash, d.decision, d.reviewer, d.note,
        ],
      );
      return {
        id, at, query_fingerprint: d.query_fingerprint, query_key: d.query_key, log_id: d.log_id, entity_id: d.entity_id,
        entity_hash: d.entity_hash, decision: d.decision, reviewer: d.reviewer, note: d.note,
      };
    });
  }

  async decisions(query: DecisionQuery = {}): Promise<Decision[]> {
    const where: string[] = [];
    const params: string[] = [];
    const add = (sql: string, value: string) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.queryFingerprint !== undefined) add('query_fingerprint = ?', query.queryFingerprint);
    if (query.entityId !== undefined) add('entity_id = ?', query.entityId);
    if (query.afterId !== undefined) add('id > ?::BIGINT', String(query.afterId));
    const limit = query.limit === undefined ? '' : `LIMIT ${Math.max(0, Math.floor(query.limit))}`;
    const rows = await this.all(
      `SELECT *, ${timeMs('decided_at')} AS at_text FROM decisions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id ${limit}`,
      params,
    );
    return rows.map((r) => DuckDbStore.toDecision(r));
  }

  async entityHashes(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return out;
    const rows = await this.all(
      `SELECT s.entity_id, s.dataset, s.schema, s.prop, s.value ${CURRENT_STATEMENTS}
       WHERE s.entity_id IN (SELECT unnest($1::VARCHAR[]))`,
      [unique],
    );
    const byId = new Map<string, Array<{ dataset: string; schema: string; prop: string; value: string }>>();
    for (const r of rows) {
      const id = String(r['entity_id']);
      let list = byId.get(id);
      if (!list) byId.set(id, (list = []));
      list.push({ dataset: String(r['dataset']), schema: String(r['schema']), prop: String(r['prop']), value: String(r['value']) });
    }
    for (const [id, list] of byId) out.set(id, statementHash(list));
    return out;
  }

  // --- trade statistics --------------------------------------------------------------------

  /**
   * A trade dataset keeps the rows of its current version only; each version records its row
   * counts and, against the version before, how many flows were added, removed or changed.
   */
  private tradeDelta(dataset: string, versions: DatasetVersion[], from?: string, to?: string): Delta {
    const toV = to ? versions.find((v) => v.version === to) : versions.at(-1);
    if (!toV) throw new StoreError(`dataset ${dataset} has no version "${to}"; versions: ${versions.map((v) => v.version).join(', ')}`);
    const prev = versions.find((v) => v.seq === toV.seq - 1);
    if (from !== undefined && from !== prev?.version) {
      throw new StoreError(`trade dataset ${dataset} keeps only flow counts between consecutive versions; compare ${toV.version} with ${prev?.version ?? 'nothing (first version)'}`);
    }
    const counts = { added: toV.added, removed: toV.removed, changed: toV.changed };
    return { dataset, from: prev?.version ?? null, to: toV.version, ...counts, bySchema: { 'trade flows': counts }, entities: [] };
  }

  async loadTradeVersion(input: NewTradeVersion, plan: TradeLoadPlan): Promise<TradeLoadResult> {
    const c = this.conn;
    const kind = await this.kindOf(input.dataset);
    if (kind === 'entities') {
      throw new StoreError(`dataset ${input.dataset} holds entities (sanctions lists or registries); load trade tables into another dataset`);
    }
    const prev = await this.latestVersion(input.dataset);
    if (prev && (await this.versionExists(input.dataset, input.version))) {
      throw new StoreError(`dataset ${input.dataset} already has a version "${input.version}"; pass another --version`);
    }
    const seq = (prev?.seq ?? 0) + 1;
    let report: TradeLoadReport;
    const loader = new TradeLoader(c, plan);
    await c.run('BEGIN TRANSACTION');
    try {
      report = await loader.load();
      let delta = { added: report.rows, removed: 0, changed: 0 };
      if (prev) {
        const key = "concat_ws('|', month0, months, reporter, partner, coalesce(partner2, ''), flow, nomenclature, code)";
        const [d] = await this.all(
          `WITH o AS (SELECT ${key} AS k, value FROM trade_flows WHERE dataset = $1), n AS (SELECT ${key} AS k, value::DECIMAL(18, 2) AS value FROM trade_incoming)
           SELECT (SELECT count(*) FROM n ANTI JOIN o USING (k)) AS added, (SELECT count(*) FROM o ANTI JOIN n USING (k)) AS removed,
                  (SELECT count(*) FROM n JOIN o USING (k) WHERE n.value <> o.value) AS changed`,
          [input.dataset],
        );
        delta = { added: num(d?.['added']), removed: num(d?.['removed']), changed: num(d?.['changed']) };
      }
      await c.run('DELETE FROM trade_flows WHERE dataset = $1', [input.dataset]);
      await c.run('DELETE FROM trade_codes WHERE dataset = $1', [input.dataset]);
      await c.run(`INSERT INTO trade_flows (${TRADE_FLOW_COLUMNS}) ${TRADE_FLOW_INSERT}`, [input.dataset, seq]);
      await c.run('DELETE FROM trade_files WHERE dataset = $1', [input.dataset]);
      for (const [i, f] of report.files.entries()) {
        await c.run('INSERT INTO trade_files VALUES ($1, $2, $3, $4, $5)', [input.dataset, i, f.path, f.layout, f.source]);
      }
      await c.run(
        `INSERT INTO trade_codes (dataset, nomenclature, code, rows, description) SELECT $1, i.nomenclature, i.code, i.rows, d.description
         FROM (SELECT nomenclature, code, count(*) AS rows FROM trade_incoming GROUP BY ALL) i
         LEFT JOIN (SELECT code, min(description) AS description FROM trade_incoming_codes GROUP BY code) d USING (code)`,
        [input.dataset],
      );
      await c.run('DELETE FROM trade_parties WHERE dataset = $1', [input.dataset]);
      await c.run(
        `INSERT INTO trade_parties SELECT $1, reporter, reporter_kind, partner, partner_kind, flow, currency, count(*),
           min(month0) FILTER (WHERE months = 1), max(month0) FILTER (WHERE months = 1),
           min(month0 // 12) FILTER (WHERE months = 12), max(month0 // 12) FILTER (WHERE months = 12)
         FROM trade_incoming GROUP BY ALL`,
        [input.dataset],
      );
      if (!prev) await c.run(`INSERT INTO datasets (name, format, created_at, kind) VALUES ($1, $2, now(), 'trade')`, [input.dataset, input.format]);
      await c.run(
        `INSERT INTO dataset_versions VALUES ($1, $2, $3, $4, now(), $5, 0, $6, $7, $8, $9, $10, $11, $12)`,
        [
          input.dataset, seq, input.version, input.format, report.lines, report.rows, input.contentHash,
          JSON.stringify(input.files), JSON.stringify(report), delta.added, delta.removed, delta.changed,
        ],
      );
      await loader.dropTemp();
      await c.run('COMMIT');
    } catch (e) {
      await c.run('ROLLBACK');
      await loader.dropTemp().catch(() => undefined);
      throw e;
    }
    const version = await this.latestVersion(input.dataset);
    return { version: version!, report };
  }

  private get trade(): TradeQueries {
    return new TradeQueries(this.conn);
  }

  async tradeDatasets(): Promise<TradeDatasetInfo[]> {
    // from trade_parties (written at load): no pass over the rows
    const rows = await this.all(`
      SELECT v.dataset, v.version, v.format, v.loaded_at, p.rows, p.currencies, p.first_month, p.last_month, p.first_year, p.last_year,
        p.reporters, p.partners, p.flows
      FROM dataset_versions v JOIN datasets d ON d.name = v.dataset AND d.kind = 'trade'
      LEFT JOIN (SELECT dataset, sum(rows) AS rows, list(DISTINCT currency ORDER BY currency) AS currencies,
          min(first_month) AS first_month, max(last_month) AS last_month, min(first_year) AS first_year, max(last_year) AS last_year,
          count(DISTINCT reporter) AS reporters, count(DISTINCT partner) AS partners, list(DISTINCT flow ORDER BY flow) AS flows
        FROM trade_parties GROUP BY dataset) p ON p.dataset = v.dataset
      WHERE v.seq = (SELECT max(seq) FROM dataset_versions w WHERE w.dataset = v.dataset)
      ORDER BY v.dataset`);
    const month = (m: unknown) => `${Math.floor(num(m) / 12)}-${String((num(m) % 12) + 1).padStart(2, '0')}`;
    const has = (v: unknown) => v !== null && v !== undefined;
    return rows.map((r) => {
      const firsts = [has(r['first_month']) ? month(r['first_month']) : null, has(r['first_year']) ? String(num(r['first_year'])) : null].filter((x): x is string => !!x).sort();
      const lasts = [has(r['last_month']) ? month(r['last_month']) : null, has(r['last_year']) ? String(num(r['last_year'])) : null].filter((x): x is string => !!x).sort();
      return {
        name: String(r['dataset']),
        version: String(r['version']),
        format: String(r['format']),
        loaded_at: iso(r['loaded_at']),
        rows: num(r['rows']),
        currencies: ((r['currencies'] as unknown[]) ?? []).map(String),
        first_period: firsts[0] ?? null,
        last_period: lasts.at(-1) ?? null,
        reporters: num(r['reporters']),
        partners: num(r['partners']),
        flows: ((r['flows'] as unknown[]) ?? []).map(String),
      };
    });
  }

  tradeCodes(scope?: TradeScope): Promise<TradeCodeCount[]> {
    return this.trade.codes(scope);
  }

  tradeCoverage(scope?: TradeScope): Promise<TradeCoverage> {
    return this.trade.coverage(scope);
  }

  tradeAggregate(query: TradeAggregateQuery): Promise<TradeAggregateResult> {
    return this.trade.aggregate(query);
  }

  tradeSeries(query: TradeSeriesQuery): Promise<TradeSeriesRow[]> {
    return this.trade.series(query);
  }

  async close(): Promise<void> {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
