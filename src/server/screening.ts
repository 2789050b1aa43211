/**
 * Screening as the API does it: check the query, ask the matcher, apply reviewer decisions
 * (suppressing decided false positives), and write the audit log.
 */
import { parseDate } from '../model/dates.js';
import { propertyType } from '../model/ftm.js';
import { configHash, DecisionBook, queryFingerprint, type DecisionNote } from '../store/audit.js';
import type { Decision, LoggedResult, NewDecision, NewScreeningLogEntry, ScreeningSource, Store } from '../store/store.js';
import { nameProblem, schemaProblem, tidy, valueProblem } from '../screening/bulk-input.js';
import type { Matcher, MatchOptions, MatchResult, ScreeningQuery } from '../screening/types.js';
import { HttpError, type Limits } from './http.js';

/** A query as a yente client sends it: values may be one string or a list. */
export interface ExampleEntity {
  id?: string;
  schema: string;
  properties: Record<string, string | string[]>;
}

/**
 * Checks an example entity and returns it as a query (values as lists, whitespace tidied, empty
 * values dropped), or throws a 400 naming the query, the property and the problem.
 */
export function checkQuery(key: string, example: ExampleEntity, limits: Limits): ScreeningQuery {
  const where = `query "${key}"`;
  const bad = schemaProblem(example.schema);
  if (bad) throw new HttpError(400, `${where}: ${bad}`);
  const properties: Record<string, string[]> = {};
  for (const [prop, raw] of Object.entries(example.properties)) {
    const type = propertyType(example.schema, prop);
    if (type === undefined) throw new HttpError(400, `${where}: unknown property "${prop}" of schema ${example.schema}`);
    const values = Array.isArray(raw) ? raw : [raw];
    if (values.length > limits.valuesPerProperty) {
      throw new HttpError(400, `${where}: ${values.length} values of "${prop}" (at most ${limits.valuesPerProperty})`);
    }
    const kept: string[] = [];
    for (const value of values) {
      const max = type === 'name' ? limits.nameLength : limits.valueLength;
      const problem = valueProblem(value, `${prop} value`, max);
      if (problem) throw new HttpError(400, `${where}: ${problem}`);
      const text = tidy(value);
      if (!text) continue; // empty values are dropped; a query left with none is refused below
      if (type === 'name') {
        const short = nameProblem(text, `${prop} value`);
        if (short) throw new HttpError(400, `${where}: ${short}`);
      }
      if (type === 'date') {
        const date = parseDate(text);
        if (!date) throw new HttpError(400, `${where}: invalid date "${text}" in ${prop} (expected e.g. 1970-01-31, 1970-01 or 1970)`);
        kept.push(date);
      } else kept.push(text);
    }
    if (kept.length) properties[prop] = [...new Set(kept)];
  }
  if (Object.keys(properties).length === 0) throw new HttpError(400, `${where}: no property values to screen`);
  return { schema: example.schema, properties };
}

export interface Screened {
  key: string;
  query: ScreeningQuery;
  fingerprint: string;
  results: Array<{ result: MatchResult; decision?: DecisionNote }>;
  suppressed: Array<{ result: MatchResult; decision: DecisionNote }>;
  logId: number | null;
}

export class ScreeningService {
  private book?: Promise<DecisionBook>;

  constructor(
    readonly store: Store,
    readonly matcher: Matcher,
    readonly audit: boolean,
  ) {}

  /** The decisions in force: read once, then kept up to date by `addDecision`. */
  decisionBook(): Promise<DecisionBook> {
    this.book ??= DecisionBook.preload(this.store, { cacheHashes: false }).catch((e) => {
      this.book = undefined;
      throw e;
    });
    return this.book;
  }

  async addDecision(decision: NewDecision): Promise<Decision> {
    const saved = await this.store.addDecision(decision);
    (await this.decisionBook()).add(saved);
    return saved;
  }

  /** Screens the queries in order; one audit log entry per query. */
  async screen(queries: Array<{ key: string; query: ScreeningQuery }>, options: MatchOptions, source: ScreeningSource): Promise<Screened[]> {
    const algorithm = { name: this.matcher.algorithm.name, version: this.matcher.algorithm.version };
    const config = configHash(algorithm, {
      threshold: options.threshold,
      limit: options.limit,
      datasets: options.datasets ?? null,
      exclude_datasets: options.excludeDatasets ?? null,
      exclude_entity_ids: options.excludeEntityIds ?? null,
      changed_since: options.changedSince ?? null,
    });
    const versions = this.matcher.datasetVersions();
    const out: Screened[] = [];
    const book = await this.decisionBook();
    for (const { key, query } of queries) {
      const fingerprint = queryFingerprint(query);
      const decided = await book.forQuery(fingerprint);
      const extra = book.falsePositiveCount(decided);
      const raw = this.matcher.match(query, { ...options, limit: options.limit + extra });
      const { kept, suppressed } = await book.apply(decided, raw, (r) => r.entity.id);
      out.push({ key, query, fingerprint, results: kept.slice(0, options.limit), suppressed, logId: null });
    }
    if (this.audit && out.length) {
      const entries: NewScreeningLogEntry[] = out.map((s) => ({
        source,
        query_key: s.key,
        query_fingerprint: s.fingerprint,
        query: s.query,
        dataset_versions: versions,
        algorithm,
        config_hash: config,
        results: [
          ...s.results.map(({ result }): LoggedResult => ({ entity_id: result.entity.id, score: result.score, match: result.match })),
          ...s.suppressed.map(({ result, decision }): LoggedResult => ({
            entity_id: result.entity.id,
            score: result.score,
            match: result.match,
            suppressed_by: decision.id,
          })),
        ],
      }));
      const ids = await this.store.appendScreeningLog(entries);
      out.forEach((s, i) => (s.logId = ids[i]!.id));
    }
    return out;
  }
}
