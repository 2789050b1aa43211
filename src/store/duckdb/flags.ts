/**
 * Tables of the red flags, the risk ranking, reviewers' marks and the cross-reference links, in
 * the DuckDB store file. The tables are created by the store's migrations (migration 6).
 */
import { BOOLEAN, DOUBLE, DuckDBDataChunk, INTEGER, LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { StoreError, type Store } from '../store.js';
import { DuckDbStore } from './duckdb-store.js';
import type { Flag } from '../../flags/types.js';
import type { EntityScore, RouteScore } from '../../flags/rank.js';

type Row = Record<string, unknown>;

const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : Number(v ?? 0));
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v).replace(' ', 'T').replace(/(\.\d+)?$/, 'Z').replace(/ZZ$/, 'Z'));
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export interface FlagRunSummary {
  id: number;
  at: string;
  config_hash: string;
  input_hash: string;
  [key: string]: unknown;
}

export interface NewFlagRun {
  config_hash: string;
  input_hash: string;
  summary: Record<string, unknown>;
  flags: Flag[];
  entities: EntityScore[];
  routes: RouteScore[];
}

export interface WorklistQuery {
  /** parties of these datasets only */
  datasets?: string[];
  /** parties with a flag of one of these rules */
  codes?: string[];
  country?: string;
  minScore?: number;
  /** include listed parties and entries that come only from the lists (default: only when datasets are named) */
  includeListed?: boolean;
  /** only reviewed (true) or only not reviewed (false) parties */
  reviewed?: boolean;
  sort?: 'score' | 'name' | 'flags' | 'country';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export type ReviewStatus = 'reviewed' | 'escalated' | 'dismissed';

export interface Review {
  id: number;
  entity_id: string;
  at: string;
  reviewer: string;
  status: ReviewStatus;
  note: string;
  run_id: number | null;
  score: number | null;
}

export interface CrossrefRunRecord {
  id: number;
  at: string;
  list_versions: Record<string, string>;
  subject_versions: Record<string, string>;
  settings: Record<string, unknown>;
  stats: Record<string, unknown>;
}

export interface StoredLink {
  subject_id: string;
  subject_dataset: string;
  subject_caption: string;
  listed_id: string;
  listed_caption: string;
  listed_datasets: string[];
  score: number;
  match: boolean;
  explanations: unknown[];
  run_id: number;
}

/** Which current statements a bulk read takes: of some schemata (or all but some), properties, datasets. */
export interface RowFilter {
  schemata?: string[];
  exceptSchemata?: string[];
  props?: string[];
  datasets?: string[];
}

const tables = new WeakMap<DuckDbStore, FlagTables>();

export class FlagTables {
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(private readonly conn: DuckDBConnection) {}

  /** The flag tables of a DuckDB store (one object per store, so that its writes queue behind each other). */
  static async of(store: Store): Promise<FlagTables> {
    if (!(store instanceof DuckDbStore)) throw new StoreError('red flags and cross-references need the embedded DuckDB store');
    let t = tables.get(store);
    if (!t) tables.set(store, (t = new FlagTables(store.connection)));
    return t;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.writing.then(fn, fn);
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** String arrays bind as VARCHAR[] (the driver cannot infer a list's type). */
  private static bind(params?: Array<DuckDBValue | string[]>): { values?: DuckDBValue[]; types?: DuckDBType[] } {
    if (!params) return {};
    const values = params.map((p) => (Array.isArray(p) ? listValue(p) : p));
    if (!params.some(Array.isArray)) return { values };
    return { values, types: params.map((p) => (Array.isArray(p) ? LIST(VARCHAR) : undefined)) as DuckDBType[] };
  }

  private async all(sql: string, params?: Array<DuckDBValue | string[]>): Promise<Row[]> {
    const { values, types } = FlagTables.bind(params);
    const reader = await this.conn.runAndReadAll(sql, values, types);
    return reader.getRowObjectsJS() as Row[];
  }

  private async run(sql: string, params?: Array<DuckDBValue | string[]>): Promise<void> {
    const { values, types } = FlagTables.bind(params);
    await this.conn.run(sql, values, types);
  }

  /**
   * Appends rows to a table a chunk of columns at a time (hundreds of thousands of flags: much
   * faster than an appender fed value by value). `columns` gives each column's value of a row.
   */
  private async appendColumns<T>(table: string, types: DuckDBType[], rows: readonly T[], columns: Array<(row: T) => DuckDBValue>): Promise<void> {
    const appender = await this.conn.createAppender(table);
    try {
      for (let start = 0; start < rows.length; start += 2048) {
        const part = rows.slice(start, start + 2048);
        const chunk = DuckDBDataChunk.create(types, part.length);
        chunk.setColumns(columns.map((value) => part.map(value)));
        appender.appendDataChunk(chunk);
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  private async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.conn.run('BEGIN TRANSACTION');
    try {
      const out = await fn();
      await this.conn.run('COMMIT');
      return out;
    } catch (e) {
      await this.conn.run('ROLLBACK');
      throw e;
    }
  }

  // --- bulk read -----------------------------------------------------------------------------

  /**
   * Current entities in one pass, assembled by DuckDB into one row per entity (its datasets,
   * schemata, and properties as one string of name/value pairs): several times faster than
   * Store.entities() for a reader of everything, such as the rules' context. Aggregates stay
   * unordered (ordering inside them costs more than the rest of the query): values come sorted and
   * distinct per property, entities in no particular order. The separators are the ASCII record
   * and unit separators; a value holding one has it read as a space.
   */
  async *currentEntities(opts: RowFilter = {}): AsyncIterable<{ id: string; schemata: string[]; properties: Record<string, string[]>; datasets: string[] }> {
    for await (const row of this.currentRows(opts)) {
      const properties: Record<string, string[]> = {};
      let sorted = true;
      for (const pair of row.pairs.split('\u001e')) {
        const cut = pair.indexOf('\u001f');
        const list = (properties[pair.slice(0, cut)] ??= []);
        if (list.length) sorted = false;
        list.push(pair.slice(cut + 1));
      }
      if (!sorted) {
        for (const k in properties) {
          const list = properties[k]!;
          if (list.length > 1) properties[k] = [...new Set(list)].sort();
        }
      }
      yield { id: row.id, schemata: row.schemata, datasets: row.datasets, properties };
    }
  }

  /**
   * The rows behind currentEntities: `pairs` holds "prop\u001fvalue" items joined by "\u001e", for
   * callers that read a few properties of many entities without building objects.
   */
  async *currentRows(opts: RowFilter = {}): AsyncIterable<{ id: string; schemata: string[]; datasets: string[]; pairs: string }> {
    // one schema asked for: no need to collect them
    const schemata = opts.schemata?.length === 1 ? `'${opts.schemata[0]!.replace(/'/g, "''")}'` : 'string_agg(DISTINCT s.schema, chr(30))';
    const result = await this.conn.stream(`
      SELECT s.entity_id, ${schemata}, string_agg(DISTINCT s.dataset, chr(30)),
             string_agg(s.prop || chr(31) || replace(replace(s.value, chr(30), ' '), chr(31), ' '), chr(30))
      FROM statements s
      JOIN (SELECT dataset AS d, max(seq) AS cur FROM dataset_versions GROUP BY dataset) v ON v.d = s.dataset AND s.last_seq = v.cur
      WHERE ${FlagTables.currentWhere(opts)}
      GROUP BY s.entity_id`);
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      for (const r of chunk.getRows()) {
        yield { id: String(r[0]), schemata: String(r[1]).split('\u001e'), datasets: String(r[2]).split('\u001e').sort(), pairs: String(r[3]) };
      }
    }
  }

  /** The WHERE clause of a bulk read of current statements (names are quoted, not bound: the lists are the caller's own). */
  private static currentWhere(opts: RowFilter): string {
    const q = (xs: string[]) => xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(', ');
    const where = ["s.prop <> 'id'"];
    if (opts.schemata?.length) where.push(`s.schema IN (${q(opts.schemata)})`);
    if (opts.exceptSchemata?.length) where.push(`s.schema NOT IN (${q(opts.exceptSchemata)})`);
    if (opts.props?.length) where.push(`s.prop IN (${q(opts.props)})`);
    if (opts.datasets?.length) where.push(`s.dataset IN (${q(opts.datasets)})`);
    return where.join(' AND ');
  }

  // --- coded bulk reads (the rules' context) ------------------------------------------------
  //
  // A reader of millions of statements pays for every string it gets from DuckDB (decoded one by
  // one) and again for keeping repeated values once. So the values that repeat — countries, dates,
  // codes, the ids lines and relations name, schema, dataset and property names — are numbered
  // once in a temporary table, in value order (the smallest code is the smallest value), and the
  // reads below return their numbers; only values that are mostly unique come as text.

  /**
   * Numbers the distinct values of the statements `values` selects, the ids of the entities `ids`
   * selects, and the schema, dataset and property names of both, in a temporary table (replacing
   * the previous numbering); returns the values in code order. Call dropValueCodes() when done.
   */
  async createValueCodes(opts: { values: RowFilter; ids?: RowFilter }): Promise<string[]> {
    const current = `FROM statements s
      JOIN (SELECT dataset AS d, max(seq) AS cur FROM dataset_versions GROUP BY dataset) v ON v.d = s.dataset AND s.last_seq = v.cur`;
    // one filter per subquery: DuckDB scans a filter that ORs two of them many times slower
    const parts = [`SELECT DISTINCT s.value ${current} WHERE ${FlagTables.currentWhere(opts.values)}`];
    const names = (where: string) => `SELECT unnest([schema, dataset, prop]) FROM (SELECT DISTINCT s.schema, s.dataset, s.prop ${current} WHERE ${where})`;
    parts.push(names(FlagTables.currentWhere(opts.values)));
    if (opts.ids) parts.push(`SELECT DISTINCT s.entity_id ${current} WHERE ${FlagTables.currentWhere(opts.ids)}`, names(FlagTables.currentWhere(opts.ids)));
    await this.conn.run(`
      CREATE OR REPLACE TEMP TABLE flag_value_codes AS
      SELECT value, CAST(row_number() OVER (ORDER BY value) - 1 AS INTEGER) AS code FROM (${parts.join(' UNION ')}) AS x(value)`);
    const values: string[] = [];
    for await (const [column] of this.chunks('SELECT value FROM flag_value_codes ORDER BY code')) for (const v of column!) values.push(v as string);
    return values;
  }

  async dropValueCodes(): Promise<void> {
    await this.conn.run('DROP TABLE IF EXISTS flag_value_codes');
  }

  private async *chunks(sql: string): AsyncIterable<unknown[][]> {
    const result = await this.conn.stream(sql);
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const columns: unknown[][] = [];
      for (let i = 0; i < chunk.columnCount; i++) columns.push(chunk.getColumnValues(i));
      yield columns;
    }
  }

  /**
   * Current statements of entities whose ids are coded (createValueCodes), in chunks of columns
   * [entity, schema, dataset, prop, value code, text], in no particular order: `text` holds the
   * value of the `text` properties (null otherwise), the value code those of the others. The caller
   * assembles the entities: DuckDB aggregates nothing (and needs none of its memory for it).
   */
  codedStatements(opts: RowFilter & { text: string[] }): AsyncIterable<Array<Array<number | string | null>>> {
    const q = (xs: string[]) => xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(', ') || "''";
    return this.chunks(`
      SELECT e.code, sc.code, dc.code, pc.code, CASE WHEN s.prop IN (${q(opts.text)}) THEN NULL ELSE c.code END,
             CASE WHEN s.prop IN (${q(opts.text)}) THEN s.value END
      FROM statements s
      JOIN (SELECT dataset AS d, max(seq) AS cur FROM dataset_versions GROUP BY dataset) v ON v.d = s.dataset AND s.last_seq = v.cur
      JOIN flag_value_codes e ON e.value = s.entity_id
      JOIN flag_value_codes sc ON sc.value = s.schema
      JOIN flag_value_codes dc ON dc.value = s.dataset
      JOIN flag_value_codes pc ON pc.value = s.prop
      LEFT JOIN flag_value_codes c ON c.value = s.value
      WHERE ${FlagTables.currentWhere(opts)}`) as AsyncIterable<Array<Array<number | string | null>>>;
  }

  /**
   * Current entities of some schemata with one column per property, in chunks of columns
   * [entity_id, schemata, datasets, …coded, …text, …all]: schemata and datasets joined by "\u001e";
   * a `coded` column holds the code of the property's smallest value (the first of its sorted
   * values; null without one), a `text` column that value itself, an `all` column every distinct
   * value joined by "\u001e". For entities read a few properties at a time (customs lines, relations).
   */
  codedPivot(opts: { schemata: string[]; coded: string[]; text?: string[]; all?: string[] }): AsyncIterable<Array<Array<number | string | null>>> {
    const q = (x: string) => `'${x.replace(/'/g, "''")}'`;
    const text = opts.text ?? [];
    const all = opts.all ?? [];
    const columns = [
      ...opts.coded.map((p) => `min(c.code) FILTER (WHERE s.prop = ${q(p)})`),
      ...text.map((p) => `min(s.value) FILTER (WHERE s.prop = ${q(p)})`),
      ...all.map((p) => `string_agg(DISTINCT s.value, chr(30)) FILTER (WHERE s.prop = ${q(p)})`),
    ];
    return this.chunks(`
      SELECT s.entity_id, string_agg(DISTINCT s.schema, chr(30)), string_agg(DISTINCT s.dataset, chr(30)), ${columns.join(', ')}
      FROM statements s
      JOIN (SELECT dataset AS d, max(seq) AS cur FROM dataset_versions GROUP BY dataset) v ON v.d = s.dataset AND s.last_seq = v.cur
      LEFT JOIN flag_value_codes c ON c.value = s.value
      WHERE ${FlagTables.currentWhere({ schemata: opts.schemata, props: [...opts.coded, ...text, ...all] })}
      GROUP BY s.entity_id`) as AsyncIterable<Array<Array<number | string | null>>>;
  }

  /**
   * Of the first `sample` parties (by id) of a dataset, how many carry one of these topics: whether
   * the dataset is a sanctions list, without assembling its entities.
   */
  async topicShare(dataset: string, schemata: string[], topics: string[], sample: number): Promise<{ parties: number; listed: number }> {
    const rows = await this.all(
      `SELECT count(*) AS parties, count(*) FILTER (WHERE listed) AS listed FROM (
         SELECT s.entity_id, bool_or(s.prop = 'topics' AND list_contains($3::VARCHAR[], s.value)) AS listed
         FROM statements s
         JOIN (SELECT dataset AS d, max(seq) AS cur FROM dataset_versions GROUP BY dataset) v ON v.d = s.dataset AND s.last_seq = v.cur
         WHERE s.dataset = $1 AND list_contains($2::VARCHAR[], s.schema)
         GROUP BY s.entity_id ORDER BY s.entity_id LIMIT ${Math.max(1, Math.floor(sample))})`,
      [dataset, schemata, topics],
    );
    return { parties: num(rows[0]?.['parties']), listed: num(rows[0]?.['listed']) };
  }

  // --- flag runs ---------------------------------------------------------------------------

  /** Saves a run; the previous runs' flags, scores and routes are replaced (their summaries stay). */
  async saveRun(run: NewFlagRun): Promise<FlagRunSummary> {
    return this.serial(() =>
      this.transaction(async () => {
        const id = num((await this.all("SELECT nextval('flag_run_ids') AS id"))[0]!['id']);
        const at = new Date().toISOString();
        const summary = { ...run.summary, id, at, config_hash: run.config_hash, input_hash: run.input_hash };
        await this.run('INSERT INTO flag_runs VALUES ($1, $2::TIMESTAMP, $3, $4, $5)', [id, at.replace('T', ' ').replace('Z', ''), run.config_hash, run.input_hash, JSON.stringify(summary)]);
        for (const t of ['flags', 'entity_scores', 'route_scores']) await this.conn.run(`DELETE FROM ${t}`);
        const list = (values: string[] | undefined) => listValue(values ?? []);
        const json = (v: unknown) => JSON.stringify(v);
        const varchars = LIST(VARCHAR);
        await this.appendColumns('flags', [INTEGER, VARCHAR, VARCHAR, VARCHAR, DOUBLE, VARCHAR, VARCHAR, VARCHAR, varchars, varchars], run.flags, [
          () => id,
          (f) => f.entity_id,
          (f) => f.code,
          (f) => f.severity,
          (f) => f.score,
          (f) => f.summary,
          (f) => json(f.evidence),
          (f) => (f.route ? json(f.route) : null),
          (f) => list(f.countries),
          (f) => list(f.goods),
        ]);
        await this.appendColumns(
          'entity_scores',
          [INTEGER, VARCHAR, VARCHAR, VARCHAR, VARCHAR, varchars, BOOLEAN, BOOLEAN, DOUBLE, INTEGER, INTEGER, varchars, VARCHAR, VARCHAR],
          run.entities,
          [
            () => id,
            (e) => e.entity_id,
            (e) => e.caption,
            (e) => e.schema,
            (e) => e.country ?? null,
            (e) => list(e.datasets),
            (e) => e.listed,
            (e) => e.list_only,
            (e) => e.score,
            (e) => e.rank,
            (e) => e.flag_count,
            (e) => list(e.terms.map((t) => t.code)),
            (e) => json(e.terms),
            (e) => e.first_reason,
          ],
        );
        await this.appendColumns('route_scores', [INTEGER, VARCHAR, VARCHAR, VARCHAR, VARCHAR, DOUBLE, INTEGER, VARCHAR], run.routes, [
          () => id,
          (r) => r.id,
          (r) => r.supplier ?? null,
          (r) => r.intermediary,
          (r) => r.buyer ?? null,
          (r) => r.score,
          (r) => r.rank,
          (r) => json(r),
        ]);
        return summary as FlagRunSummary;
      }),
    );
  }

  /** Replaces a run's summary (the job adds its timings once everything is saved). */
  async updateRunSummary(summary: FlagRunSummary): Promise<void> {
    await this.serial(() => this.run('UPDATE flag_runs SET summary = $1 WHERE id = $2', [JSON.stringify(summary), summary.id]));
  }

  async latestRun(): Promise<FlagRunSummary | undefined> {
    const rows = await this.all('SELECT summary FROM flag_runs ORDER BY id DESC LIMIT 1');
    return rows[0] ? (JSON.parse(String(rows[0]['summary'])) as FlagRunSummary) : undefined;
  }

  private static entity(r: Row): EntityScore {
    const e: EntityScore = {
      entity_id: String(r['entity_id']),
      caption: String(r['caption']),
      schema: String(r['schema']),
      datasets: strings(r['datasets']),
      listed: Boolean(r['listed']),
      list_only: Boolean(r['list_only']),
      score: num(r['score']),
      rank: num(r['rank']),
      terms: JSON.parse(String(r['terms'])),
      flag_count: num(r['flag_count']),
      first_reason: String(r['first_reason']),
    };
    if (r['country'] !== null && r['country'] !== undefined) e.country = String(r['country']);
    return e;
  }

  private static flag(r: Row): Flag {
    const f: Flag = {
      code: String(r['code']) as Flag['code'],
      entity_id: String(r['entity_id']),
      severity: String(r['severity']) as Flag['severity'],
      score: num(r['score']),
      summary: String(r['summary']),
      evidence: JSON.parse(String(r['evidence'])),
    };
    if (r['route'] !== null && r['route'] !== undefined) f.route = JSON.parse(String(r['route']));
    const countries = strings(r['countries']);
    const goods = strings(r['goods']);
    if (countries.length) f.countries = countries;
    if (goods.length) f.goods = goods;
    return f;
  }

  /** Ranked parties with filters, sorting and paging; `total` counts all that pass the filters. */
  async worklist(q: WorklistQuery = {}): Promise<{ total: number; entities: EntityScore[] }> {
    const where: string[] = [];
    const params: Array<DuckDBValue | string[]> = [];
    const p = (v: DuckDBValue | string[]) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (!(q.includeListed ?? Boolean(q.datasets?.length))) where.push('NOT e.listed AND NOT e.list_only');
    if (q.datasets?.length) where.push(`list_has_any(e.datasets, ${p(q.datasets)}::VARCHAR[])`);
    if (q.codes?.length) where.push(`list_has_any(e.codes, ${p(q.codes.map((c) => c.toUpperCase()))}::VARCHAR[])`);
    if (q.country) where.push(`e.country = ${p(q.country.toUpperCase())}`);
    if (q.minScore !== undefined) where.push(`e.score >= ${p(q.minScore)}`);
    if (q.reviewed !== undefined) where.push(`${q.reviewed ? '' : 'NOT '}EXISTS (SELECT 1 FROM flag_reviews r WHERE r.entity_id = e.entity_id)`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = q.order === 'asc' ? 'ASC' : q.order === 'desc' ? 'DESC' : undefined;
    const sort =
      q.sort === 'name'
        ? `e.caption ${order ?? 'ASC'}, e.entity_id`
        : q.sort === 'flags'
          ? `e.flag_count ${order ?? 'DESC'}, e.score DESC, e.entity_id`
          : q.sort === 'country'
            ? `e.country ${order ?? 'ASC'} NULLS LAST, e.score DESC, e.entity_id`
            : `e.score ${order ?? 'DESC'}, e.flag_count DESC, e.entity_id`;
    const total = num((await this.all(`SELECT count(*) AS n FROM entity_scores e ${filter}`, params))[0]!['n']);
    const rows = await this.all(
      `SELECT * FROM entity_scores e ${filter} ORDER BY ${sort} LIMIT ${Math.max(0, Math.floor(q.limit ?? 50))} OFFSET ${Math.max(0, Math.floor(q.offset ?? 0))}`,
      params,
    );
    return { total, entities: rows.map(FlagTables.entity) };
  }

  async entityScore(entityId: string): Promise<EntityScore | undefined> {
    const rows = await this.all('SELECT * FROM entity_scores WHERE entity_id = $1', [entityId]);
    return rows[0] ? FlagTables.entity(rows[0]) : undefined;
  }

  async flagsOf(entityIds: string[]): Promise<Flag[]> {
    if (entityIds.length === 0) return [];
    const rows = await this.all(`SELECT * FROM flags WHERE entity_id IN (SELECT unnest($1::VARCHAR[])) ORDER BY entity_id, score DESC, code`, [entityIds]);
    return rows.map(FlagTables.flag);
  }

  /** Routes a party is on (any role), best first; all routes when no party is given. */
  async routes(entityId?: string, limit = 20): Promise<RouteScore[]> {
    const rows = entityId
      ? await this.all(`SELECT data FROM route_scores WHERE $1 IN (supplier, intermediary, buyer) ORDER BY rank LIMIT ${Math.floor(limit)}`, [entityId])
      : await this.all(`SELECT data FROM route_scores ORDER BY rank LIMIT ${Math.floor(limit)}`);
    return rows.map((r) => JSON.parse(String(r['data'])) as RouteScore);
  }

  // --- reviews -----------------------------------------------------------------------------

  async addReview(review: { entity_id: string; reviewer: string; status: ReviewStatus; note: string; run_id: number | null; score: number | null }): Promise<Review> {
    return this.serial(async () => {
      const rows = await this.all(
        `INSERT INTO flag_reviews VALUES (nextval('flag_review_ids'), $1, now(), $2, $3, $4, $5, $6)
         RETURNING id, strftime(created_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at`,
        [review.entity_id, review.reviewer, review.status, review.note, review.run_id, review.score],
      );
      return { ...review, id: num(rows[0]!['id']), at: String(rows[0]!['at']) };
    });
  }

  /** Reviews of some parties (or all), oldest first: the latest is the one in force. */
  async reviews(entityIds?: string[]): Promise<Review[]> {
    const rows = entityIds
      ? await this.all(`SELECT *, strftime(created_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at_text FROM flag_reviews WHERE entity_id IN (SELECT unnest($1::VARCHAR[])) ORDER BY id`, [entityIds])
      : await this.all(`SELECT *, strftime(created_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at_text FROM flag_reviews ORDER BY id`);
    return rows.map((r) => ({
      id: num(r['id']),
      entity_id: String(r['entity_id']),
      at: String(r['at_text'] ?? iso(r['created_at'])),
      reviewer: String(r['reviewer']),
      status: String(r['status']) as ReviewStatus,
      note: String(r['note']),
      run_id: r['run_id'] === null ? null : num(r['run_id']),
      score: r['score'] === null ? null : num(r['score']),
    }));
  }

  // --- cross-references ----------------------------------------------------------------------

  async latestCrossrefRun(): Promise<CrossrefRunRecord | undefined> {
    const rows = await this.all("SELECT *, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS at_text FROM crossref_runs ORDER BY id DESC LIMIT 1");
    const r = rows[0];
    if (!r) return undefined;
    return {
      id: num(r['id']),
      at: String(r['at_text']),
      list_versions: JSON.parse(String(r['list_versions'])),
      subject_versions: JSON.parse(String(r['subject_versions'])),
      settings: JSON.parse(String(r['settings'])),
      stats: JSON.parse(String(r['stats'])),
    };
  }

  /**
   * Records a cross-reference run: links of the re-screened subjects (and of removed ones) are
   * replaced by `links`; `dropListed` removes links to listed entities that changed or left the lists.
   */
  async saveCrossrefRun(run: {
    list_versions: Record<string, string>;
    subject_versions: Record<string, string>;
    settings: Record<string, unknown>;
    stats: Record<string, unknown>;
    replaceSubjects: string[] | 'all';
    dropListed: string[];
    links: Array<Omit<StoredLink, 'run_id'>>;
  }): Promise<CrossrefRunRecord> {
    return this.serial(() =>
      this.transaction(async () => {
        const id = num((await this.all("SELECT nextval('crossref_run_ids') AS id"))[0]!['id']);
        const at = new Date().toISOString();
        await this.run('INSERT INTO crossref_runs VALUES ($1, $2::TIMESTAMP, $3, $4, $5, $6)', [
          id,
          at.replace('T', ' ').replace('Z', ''),
          JSON.stringify(run.list_versions),
          JSON.stringify(run.subject_versions),
          JSON.stringify(run.settings),
          JSON.stringify(run.stats),
        ]);
        if (run.replaceSubjects === 'all') await this.conn.run('DELETE FROM crossref_links');
        else if (run.replaceSubjects.length) await this.run('DELETE FROM crossref_links WHERE subject_id IN (SELECT unnest($1::VARCHAR[]))', run.replaceSubjects.length ? [run.replaceSubjects] : []);
        if (run.dropListed.length) await this.run('DELETE FROM crossref_links WHERE listed_id IN (SELECT unnest($1::VARCHAR[]))', [run.dropListed]);
        // a pair screened again (a listed entity that changed) keeps one row: the newest
        if (run.links.length) {
          await this.conn.run('CREATE OR REPLACE TEMP TABLE incoming_links AS SELECT * FROM crossref_links LIMIT 0');
          const a = await this.conn.createAppender('incoming_links');
          for (const l of run.links) {
            a.appendVarchar(l.subject_id);
            a.appendVarchar(l.subject_dataset);
            a.appendVarchar(l.subject_caption);
            a.appendVarchar(l.listed_id);
            a.appendVarchar(l.listed_caption);
            a.appendList(listValue(l.listed_datasets), LIST(VARCHAR));
            a.appendDouble(l.score);
            a.appendBoolean(l.match);
            a.appendVarchar(JSON.stringify(l.explanations));
            a.appendInteger(id);
            a.endRow();
          }
          a.closeSync();
          await this.conn.run('DELETE FROM crossref_links WHERE (subject_id, listed_id) IN (SELECT subject_id, listed_id FROM incoming_links)');
          await this.conn.run('INSERT INTO crossref_links SELECT * FROM incoming_links');
          await this.conn.run('DROP TABLE incoming_links');
        }
        return { id, at: at.replace(/\.\d{3}Z$/, 'Z'), list_versions: run.list_versions, subject_versions: run.subject_versions, settings: run.settings, stats: run.stats };
      }),
    );
  }

  /** How many links there are, and how many of them are matches (at or above the engine's threshold). */
  async crossrefLinkCounts(): Promise<{ links: number; matches: number }> {
    const r = (await this.all('SELECT count(*) AS links, count(*) FILTER (WHERE match) AS matches FROM crossref_links'))[0]!;
    return { links: num(r['links']), matches: num(r['matches']) };
  }

  async crossrefLinks(opts: { minScore?: number; subjectIds?: string[] } = {}): Promise<StoredLink[]> {
    const where: string[] = [];
    const params: Array<DuckDBValue | string[]> = [];
    if (opts.minScore !== undefined) {
      params.push(opts.minScore);
      where.push(`score >= $${params.length}`);
    }
    if (opts.subjectIds) {
      params.push(opts.subjectIds);
      where.push(`subject_id IN (SELECT unnest($${params.length}::VARCHAR[]))`);
    }
    const rows = await this.all(`SELECT * FROM crossref_links ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY score DESC, subject_id, listed_id`, params);
    return rows.map((r) => ({
      subject_id: String(r['subject_id']),
      subject_dataset: String(r['subject_dataset']),
      subject_caption: String(r['subject_caption']),
      listed_id: String(r['listed_id']),
      listed_caption: String(r['listed_caption']),
      listed_datasets: strings(r['listed_datasets']),
      score: num(r['score']),
      match: Boolean(r['match']),
      explanations: JSON.parse(String(r['explanations'])),
      run_id: num(r['run_id']),
    }));
  }
}
