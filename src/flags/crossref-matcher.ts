/**
 * The matcher of cross-referencing: the screening engine, answering the same as
 * `ScreeningEngine.match`, with less work for the many registry parties that share their names
 * (people named alike, told apart by birth date, nationality or an identifier).
 *
 * A query's result depends on its names (and what else the group key holds) through the
 * candidates and the name similarity, the costly part, and on its birth date, gender, countries
 * and identifiers through cheap features that add to the score. So parties whose keys agree are
 * screened as one group: candidates are found once, and each candidate's score without the
 * varying features at most once. Features add up, so a candidate is scored in full only when it
 * can still reach the cutoff: first the best a name can score (0.9, less the schema penalty for a
 * candidate of another kind) plus the party's own features — a differing birth date rules out a
 * namesake without comparing names —, then the shared score plus those features. Identifiers
 * that no listed entity holds cannot change a result and are left out of the key.
 *
 * The worker threads build it from a snapshot of the listed entities (JSON lines written by
 * crossref.ts), so that they never open the store file the main thread holds open; the bulk
 * screening pool loads this module as a factory module.
 */
import { readFileSync } from 'node:fs';
import { compactIdentifier } from '../model/identifiers.js';
import { hasSchema, propertyType } from '../model/ftm.js';
import { CandidateGenerator } from '../screening/candidates.js';
import { DEFAULT_CUTOFF, MIN_CANDIDATES, QueryError, ScreeningEngine } from '../screening/engine.js';
import { birthDateFeature, countryFeature, genderFeature, identifierFeature, schemaFeature } from '../screening/features.js';
import { ScreeningIndex } from '../screening/index.js';
import { namesOf, type EntityName } from '../screening/names-of.js';
import { scoreAnalysed, scorePair } from '../screening/score.js';
import type { FeatureExplanation, IndexedEntity, MatchOptions, MatchResult, Matcher, ScreeningQuery } from '../screening/types.js';
import type { StoredEntity } from '../store/store.js';


/**
 * Properties whose values only enter the score through the features bounded per party
 * (features.ts): birth date, gender, countries. Identifiers are handled apart.
 */
const VARYING = new Set(['birthDate', 'gender', 'country', 'nationality', 'citizenship', 'jurisdiction', 'mainCountry', 'birthCountry', 'flag']);

/** Guards the bound against rounding: features added in another order may differ in the last bits. */
const EPSILON = 1e-9;

/** Groups kept per matcher: queries arrive sorted by their names (see sortKey), so a few suffice. */
const GROUPS_KEPT = 64;

function isIdentifier(schema: string, prop: string): boolean {
  return propertyType(schema, prop) === 'identifier';
}

/**
 * A key that sorts queries sharing their names next to each other (cross-referencing sends them
 * in this order, so that a group lands in one batch and one worker).
 */
export function sortKey(query: ScreeningQuery): string {
  const parts: string[] = [query.schema];
  for (const prop of Object.keys(query.properties).sort()) {
    if (VARYING.has(prop) || isIdentifier(query.schema, prop)) continue;
    parts.push(prop, ...query.properties[prop]!);
  }
  return parts.join('\u0000');
}

interface Scoring {
  entity: IndexedEntity;
  entityNames: EntityName[];
  /**
   * The most the shared query (the group's names and the rest, no birth date, gender, countries or
   * identifiers) can score against this candidate without comparing the names: the best a name
   * scores, less the schema penalty of a candidate of another kind (a person against a company).
   */
  ceiling: number;
  /** the shared query's score, once computed (only when a party's own features cannot rule the candidate out) */
  shared?: number;
}

interface Group {
  names: EntityName[];
  shared: ScreeningQuery;
  items: Scoring[];
}

/** The most a name adds to a score: an identical name, no other evidence (0.9 as the engine scores). */
const NAME_CEILING = scorePair({ schema: 'Company', properties: { name: ['Qzx Vwk Holding'] } }, { id: 'ceiling', schema: 'Company', properties: { name: ['Qzx Vwk Holding'] } }).score;

/** The score a feature adds (a penalty is negative). */
function contribution(f: FeatureExplanation | undefined): number {
  return f ? f.score * f.weight : 0;
}

export class CrossrefMatcher implements Matcher {
  private readonly generator: CandidateGenerator;
  private readonly groups = new Map<string, Group>();
  /** compact forms of every identifier a listed entity holds */
  private readonly listedIdentifiers = new Set<string>();
  /** queries screened, and those whose candidates and names a group had already scored */
  readonly stats = { queries: 0, shared: 0, scored: 0 };

  constructor(readonly engine: ScreeningEngine) {
    this.generator = new CandidateGenerator(engine.index);
    for (const e of engine.index.entities) {
      if (!e) continue;
      for (const [prop, values] of Object.entries(e.properties)) {
        if (isIdentifier(e.schema, prop)) for (const v of values) this.listedIdentifiers.add(compactIdentifier(v));
      }
    }
  }

  get algorithm() {
    return this.engine.algorithm;
  }

  datasetVersions(): Record<string, string> {
    return this.engine.datasetVersions();
  }

  getEntity(id: string): IndexedEntity | undefined {
    return this.engine.getEntity(id);
  }

  search(text: string, options: Omit<MatchOptions, 'threshold'> & { schema?: string }): MatchResult[] {
    return this.engine.search(text, options);
  }

  private admits(entity: IndexedEntity, options: MatchOptions): boolean {
    if (options.datasets?.length && !entity.datasets.some((d) => options.datasets!.includes(d))) return false;
    if (options.excludeDatasets?.length && entity.datasets.every((d) => options.excludeDatasets!.includes(d))) return false;
    if (options.excludeEntityIds?.includes(entity.id)) return false;
    if (options.changedSince && entity.last_change < options.changedSince) return false;
    return true;
  }

  /** The group key: what the candidates and the shared scores depend on. */
  private groupKey(query: ScreeningQuery, options: MatchOptions): string {
    const parts: string[] = [JSON.stringify(options), sortKey(query)];
    const ids: string[] = [];
    for (const [prop, values] of Object.entries(query.properties)) {
      if (!isIdentifier(query.schema, prop)) continue;
      for (const v of values) {
        const c = compactIdentifier(v);
        if (this.listedIdentifiers.has(c)) ids.push(c);
      }
    }
    if (ids.length) parts.push('\u0001', ...ids.sort());
    return parts.join('\u0000');
  }

  private group(query: ScreeningQuery, options: MatchOptions): Group {
    const key = this.groupKey(query, options);
    const known = this.groups.get(key);
    if (known) {
      this.stats.shared++;
      return known;
    }
    const names = namesOf(query.schema, query.properties);
    const candidates = this.generator.generate(query, names, Math.max(MIN_CANDIDATES, options.limit * 4));
    const sharedProps: Record<string, string[]> = {};
    for (const [prop, values] of Object.entries(query.properties)) {
      if (!VARYING.has(prop) && !isIdentifier(query.schema, prop)) sharedProps[prop] = values;
    }
    const shared: ScreeningQuery = { schema: query.schema, properties: sharedProps };
    const items: Scoring[] = [];
    for (const c of candidates) {
      const entity = this.engine.index.entities[c.entity];
      if (!entity || !this.admits(entity, options)) continue;
      const entityNames = c.names.length ? c.names.map((n) => this.engine.index.names[n]!.name) : this.engine.index.entityNames[c.entity]!;
      const mismatch = schemaFeature(shared, entity);
      const ceiling = NAME_CEILING + contribution(mismatch);
      // of another kind: the ceiling is the shared score's bound for good
      items.push(mismatch ? { entity, entityNames, ceiling, shared: ceiling } : { entity, entityNames, ceiling });
    }
    const group = { names, shared, items };
    if (this.groups.size >= GROUPS_KEPT) this.groups.delete(this.groups.keys().next().value!);
    this.groups.set(key, group);
    return group;
  }

  match(query: ScreeningQuery, options: MatchOptions): MatchResult[] {
    if (!hasSchema(query.schema)) throw new QueryError(`unknown schema "${query.schema}"`);
    this.stats.queries++;
    const { names, shared, items } = this.group(query, options);
    const cutoff = options.cutoff ?? DEFAULT_CUTOFF;
    const ranked: Array<{ entity: IndexedEntity; entityNames: EntityName[]; score: number }> = [];
    for (const it of items) {
      // an identifier in common may lift any score to the threshold: always scored
      if (!identifierFeature(query, it.entity)) {
        const own = contribution(birthDateFeature(query, it.entity)) + contribution(countryFeature(query, it.entity)) + contribution(genderFeature(query, it.entity));
        // first without comparing names (a birth date that differs rules out most namesakes), then with
        if (it.ceiling + own + EPSILON < cutoff) continue;
        it.shared ??= scoreAnalysed(shared, names, it.entity, it.entityNames, false).score;
        if (it.shared + own + EPSILON < cutoff) continue;
      }
      this.stats.scored++;
      const scored = scoreAnalysed(query, names, it.entity, it.entityNames, false);
      if (scored.score < cutoff) continue;
      ranked.push({ entity: it.entity, entityNames: it.entityNames, score: scored.score });
    }
    ranked.sort((a, b) => b.score - a.score || a.entity.id.localeCompare(b.entity.id));
    return ranked.slice(0, options.limit).map(({ entity, entityNames }) => {
      const scored = scoreAnalysed(query, names, entity, entityNames);
      return { entity, ...scored, match: scored.score >= options.threshold };
    });
  }
}

/** An index of the listed entities (a snapshot's, or any), and the matcher over it. */
export function crossrefMatcher(entities: Iterable<StoredEntity>, versions: Record<string, string> = {}): CrossrefMatcher {
  const index = new ScreeningIndex();
  for (const e of entities) index.upsert(e);
  Object.assign(index.versions, versions);
  return new CrossrefMatcher(new ScreeningEngine(index));
}

/** Snapshot file layout: the first line holds the dataset versions, each further line one entity. */
export async function createMatcher(snapshot: string): Promise<CrossrefMatcher> {
  const lines = readFileSync(snapshot, 'utf8').split('\n');
  const versions = JSON.parse(lines[0] || '{}') as Record<string, string>;
  function* entities(): Iterable<StoredEntity> {
    for (let i = 1; i < lines.length; i++) if (lines[i]) yield JSON.parse(lines[i]!) as StoredEntity;
  }
  return crossrefMatcher(entities(), versions);
}
