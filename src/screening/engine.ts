import { hasSchema } from '../model/ftm.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { CandidateGenerator } from './candidates.js';
import { ScreeningIndex, SCREENED_SCHEMATA, isScreened } from './index.js';
import { namesOf, type EntityName } from './names-of.js';
import { ALGORITHM, scoreAnalysed } from './score.js';
import type { IndexedEntity, MatchOptions, MatchResult, Matcher, ScreeningQuery } from './types.js';

export class QueryError extends Error {
  override name = 'QueryError';
}

/** Candidates scored in full per query, at least; more when a larger limit is asked for. */
export const MIN_CANDIDATES = 20;
/** Results under this score are not returned unless a query asks for another cutoff. */
export const DEFAULT_CUTOFF = 0.5;

/** The screening engine over an in-memory index built from the store. */
export class ScreeningEngine implements Matcher {
  readonly algorithm = ALGORITHM;
  private readonly candidates: CandidateGenerator;

  constructor(readonly index: ScreeningIndex) {
    this.candidates = new CandidateGenerator(index);
  }

  datasetVersions(): Record<string, string> {
    return { ...this.index.versions };
  }

  getEntity(id: string): IndexedEntity | undefined {
    return this.index.getEntity(id);
  }

  private admits(entity: IndexedEntity, options: Omit<MatchOptions, 'threshold'>): boolean {
    if (options.datasets?.length && !entity.datasets.some((d) => options.datasets!.includes(d))) return false;
    if (options.excludeDatasets?.length && entity.datasets.every((d) => options.excludeDatasets!.includes(d))) return false;
    if (options.excludeEntityIds?.includes(entity.id)) return false;
    if (options.changedSince && entity.last_change < options.changedSince) return false;
    return true;
  }

  match(query: ScreeningQuery, options: MatchOptions): MatchResult[] {
    if (!hasSchema(query.schema)) throw new QueryError(`unknown schema "${query.schema}"`);
    const names = namesOf(query.schema, query.properties);
    const candidates = this.candidates.generate(query, names, Math.max(MIN_CANDIDATES, options.limit * 4));
    const cutoff = options.cutoff ?? DEFAULT_CUTOFF;
    const ranked: Array<{ entity: IndexedEntity; entityNames: EntityName[]; score: number }> = [];
    for (const c of candidates) {
      const entity = this.index.entities[c.entity];
      if (!entity || !this.admits(entity, options)) continue;
      // only the names the query's tokens reached can score well; all of them when found by identifier
      const entityNames = c.names.length ? c.names.map((n) => this.index.names[n]!.name) : this.index.entityNames[c.entity]!;
      const scored = scoreAnalysed(query, names, entity, entityNames, false);
      if (scored.score < cutoff) continue;
      ranked.push({ entity, entityNames, score: scored.score });
    }
    ranked.sort((a, b) => b.score - a.score || a.entity.id.localeCompare(b.entity.id));
    // explanations only for what is returned
    return ranked.slice(0, options.limit).map(({ entity, entityNames }) => {
      const scored = scoreAnalysed(query, names, entity, entityNames);
      return { entity, ...scored, match: scored.score >= options.threshold };
    });
  }

  search(text: string, options: Omit<MatchOptions, 'threshold'> & { schema?: string }): MatchResult[] {
    return this.match(
      { schema: options.schema ?? 'Thing', properties: { name: [text] } },
      { ...options, threshold: ALGORITHM.threshold, cutoff: options.cutoff ?? 0.3 },
    );
  }

  /**
   * Brings the index up to the store's current version of each dataset from the deltas, without
   * a rebuild: changed and added entities are re-read, removed ones dropped.
   */
  async refresh(store: Store): Promise<{ updated: number; removed: number }> {
    let updated = 0;
    let removed = 0;
    for (const d of await store.datasets()) {
      const held = this.index.versions[d.name];
      if (held === d.version) continue;
      const changes = held ? (await store.delta(d.name, held, d.version)).entities : undefined;
      const ids = changes
        ? changes.filter((c) => isScreened(c.schema) || this.index.getEntity(c.id)).map((c) => c.id)
        : await allIds(store, d.name);
      for (const id of ids) {
        const entity = await store.getEntity(id);
        if (entity && isScreened(entity.schema)) {
          this.index.upsert(entity);
          updated++;
        } else if (this.index.getEntity(id)) {
          this.index.remove(id);
          removed++;
        }
      }
      this.index.versions[d.name] = d.version;
    }
    return { updated, removed };
  }
}

async function allIds(store: Store, dataset: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const e of store.entities({ datasets: [dataset], schemata: SCREENED_SCHEMATA })) ids.push(e.id);
  return ids;
}

/** Builds the index from the store's current entities (optionally of some datasets only). */
export async function buildMatcher(store: Store, datasets?: string[]): Promise<ScreeningEngine> {
  const index = new ScreeningIndex();
  for await (const entity of store.entities({ datasets, schemata: SCREENED_SCHEMATA })) index.upsert(entity);
  for (const d of await store.datasets()) if (!datasets || datasets.includes(d.name)) index.versions[d.name] = d.version;
  return new ScreeningEngine(index);
}

/** Opens the store file, builds the matcher and closes the store (the index lives in memory). */
export async function createMatcher(dbPath: string, datasets?: string[]): Promise<ScreeningEngine> {
  const store = await openStore(dbPath);
  try {
    return await buildMatcher(store, datasets);
  } finally {
    await store.close();
  }
}
