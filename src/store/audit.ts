import { createHash } from 'node:crypto';
import type { Decision, DecisionKind, Store } from './store.js';

/**
 * The audit trail around screening: query fingerprints, configuration hashes, and the
 * reviewer decisions in force for a screening's results.
 *
 * Suppression rule (documented in the README): a result whose entity a reviewer decided to be a
 * false positive for the same query (same fingerprint) is left out of the results and listed
 * under `suppressed` instead, as long as the entity's statement hash is the one recorded with
 * the decision. Once a new list version changes the entity (any value added, removed or
 * changed), the decision no longer applies: the result comes back, annotated with the old
 * decision and `entity_changed: true`, for a new review. The latest decision on a (query, entity)
 * pair is the one in force; a `match` decision only annotates the result.
 */

/** What a query looks like for fingerprinting (FtM example shape). */
export interface FingerprintQuery {
  schema: string;
  properties: Record<string, string[]>;
}

/** A value as the fingerprint sees it: NFC, whitespace collapsed, lower case. */
export function normaliseQueryValue(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The fingerprint of a query: the same schema and the same values (in any order, case or
 * spacing) give the same fingerprint. 32 hex characters.
 */
export function queryFingerprint(query: FingerprintQuery): string {
  const props: Array<[string, string[]]> = [];
  for (const prop of Object.keys(query.properties).sort()) {
    const values = [...new Set((query.properties[prop] ?? []).map(normaliseQueryValue).filter(Boolean))].sort();
    if (values.length) props.push([prop, values]);
  }
  return createHash('sha256').update(JSON.stringify([query.schema, props])).digest('hex').slice(0, 32);
}

/** Canonical JSON (sorted keys, undefined left out) for hashing. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

/** A hash of the algorithm and the options a screening ran with. 16 hex characters. */
export function configHash(algorithm: { name: string; version: string }, options: Record<string, unknown>): string {
  const text = JSON.stringify(canonical({ algorithm: { name: algorithm.name, version: algorithm.version }, options }));
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** A decision as shown next to a result. */
export interface DecisionNote {
  id: number;
  decision: DecisionKind;
  reviewer: string;
  note: string;
  at: string;
  /** the entity changed (new list version) since the decision: it no longer applies */
  entity_changed: boolean;
}

export interface Suppressed<T> {
  result: T;
  decision: DecisionNote;
}

export interface DecisionOutcome<T> {
  /** results to show, in their order; those with a decision carry it */
  kept: Array<{ result: T; decision?: DecisionNote }>;
  suppressed: Array<Suppressed<T>>;
}

function note(d: Decision, changed: boolean): DecisionNote {
  return { id: d.id, decision: d.decision, reviewer: d.reviewer, note: d.note, at: d.at, entity_changed: changed };
}

/**
 * The decisions in force. Bulk screening preloads every decision and caches entity hashes, since
 * the lists do not change during a run; the server preloads the decisions, adds those made
 * through the API, and reads entity hashes from the store; `live` reads everything from the store.
 */
export class DecisionBook {
  private preloaded?: Map<string, Map<string, Decision>>;
  private readonly hashCache?: Map<string, string | null>;

  private constructor(
    private readonly store: Store,
    cacheHashes: boolean,
  ) {
    if (cacheHashes) this.hashCache = new Map();
  }

  /** Reads decisions from the store on every call. */
  static live(store: Store): DecisionBook {
    return new DecisionBook(store, false);
  }

  /**
   * Reads every decision once; later ones must be `add`ed. Remembers entity hashes unless told
   * not to (a bulk run: the lists do not change during it).
   */
  static async preload(store: Store, options: { cacheHashes?: boolean } = {}): Promise<DecisionBook> {
    const book = new DecisionBook(store, options.cacheHashes ?? true);
    book.preloaded = new Map();
    let afterId = 0;
    for (;;) {
      const page = await store.decisions({ afterId, limit: 10_000 });
      if (page.length === 0) break;
      for (const d of page) book.remember(d);
      afterId = page.at(-1)!.id;
    }
    return book;
  }

  /** A decision recorded after the preload (a live book reads the store anyway). */
  add(d: Decision): void {
    if (this.preloaded) this.remember(d);
  }

  private remember(d: Decision): void {
    let byEntity = this.preloaded!.get(d.query_fingerprint);
    if (!byEntity) this.preloaded!.set(d.query_fingerprint, (byEntity = new Map()));
    byEntity.set(d.entity_id, d); // id order: the latest wins
  }

  /** The latest decision per entity for a query fingerprint. */
  async forQuery(fingerprint: string): Promise<Map<string, Decision>> {
    if (this.preloaded) return this.preloaded.get(fingerprint) ?? new Map();
    const out = new Map<string, Decision>();
    for (const d of await this.store.decisions({ queryFingerprint: fingerprint })) out.set(d.entity_id, d);
    return out;
  }

  /**
   * How many results a screening of this query may lose to suppression: ask the matcher for
   * that many more so the caller still gets `limit` results. Synchronous for a preloaded book.
   */
  falsePositiveCount(decisions: Map<string, Decision>): number {
    let n = 0;
    for (const d of decisions.values()) if (d.decision === 'false_positive') n++;
    return n;
  }

  private async hashes(ids: string[]): Promise<Map<string, string>> {
    if (!this.hashCache) return this.store.entityHashes(ids);
    const missing = ids.filter((id) => !this.hashCache!.has(id));
    if (missing.length) {
      const found = await this.store.entityHashes(missing);
      for (const id of missing) this.hashCache.set(id, found.get(id) ?? null);
    }
    const out = new Map<string, string>();
    for (const id of ids) {
      const h = this.hashCache.get(id);
      if (h) out.set(id, h);
    }
    return out;
  }

  /** Applies the decisions in force to a screening's results (kept in order). */
  async apply<T>(decisions: Map<string, Decision>, results: T[], idOf: (r: T) => string): Promise<DecisionOutcome<T>> {
    if (decisions.size === 0) return { kept: results.map((result) => ({ result })), suppressed: [] };
    const decided = results.map(idOf).filter((id) => decisions.has(id));
    const current = decided.length ? await this.hashes(decided) : new Map<string, string>();
    const kept: DecisionOutcome<T>['kept'] = [];
    const suppressed: DecisionOutcome<T>['suppressed'] = [];
    for (const result of results) {
      const d = decisions.get(idOf(result));
      if (!d) {
        kept.push({ result });
        continue;
      }
      const changed = current.get(d.entity_id) !== d.entity_hash;
      if (d.decision === 'false_positive' && !changed) suppressed.push({ result, decision: note(d, false) });
      else kept.push({ result, decision: note(d, changed) });
    }
    return { kept, suppressed };
  }
}
