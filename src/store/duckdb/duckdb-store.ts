import { DuckDBInstance, LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { caption } from '../../model/entity.js';
import { isA } from '../../model/ftm.js';
import { MIGRATIONS } from './migrations.js';
import {
  StoreError,
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

  static async open(path: string): Promise<DuckDbStore> {
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path);
    } catch (e) {
      throw new StoreError(`cannot open the store ${path}: ${(e as Error).message}`);
    }
    const conn = await instance.connect();
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
        await c.run('INSERT INTO datasets VALUES ($1, $2, now()) ON CONFLICT DO NOTHING', [input.dataset, input.format]);
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
      SELECT v.*, (SELECT count(*) FROM dataset_versions w WHERE w.dataset = v.dataset) AS n
      FROM dataset_versions v
      WHERE v.seq = (SELECT max(seq) FROM dataset_versions w WHERE w.dataset = v.dataset)
      ORDER BY v.dataset`);
    return rows.map((r) => {
      const v = this.toVersion(r);
      return {
        name: v.dataset,
        version: v.version,
        records: v.records,
        entities: v.entities,
        loaded_at: v.loadedAt,
        format: v.format,
        versions: num(r['n']),
      };
    });
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
  async *entities(opts: { datasets?: string[] } = {}): AsyncIterable<StoredEntity> {
    const filter = opts.datasets?.length ? 'AND s.dataset IN (SELECT unnest($1::VARCHAR[]))' : '';
    const { values, types } = DuckDbStore.bind(opts.datasets?.length ? [opts.datasets] : []);
    const result = await this.conn.stream(
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
      };
    }
    entity.schema = mostSpecific(entity.schema, String(row['schema']));
    if (!entity.datasets.includes(dataset)) entity.datasets.push(dataset);
    if (firstSeen < entity.first_seen) entity.first_seen = firstSeen;
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

  async close(): Promise<void> {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
