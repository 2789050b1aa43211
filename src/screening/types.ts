import type { FtmEntity } from '../model/entity.js';

/** A thing to screen, in FtM shape (as yente's /match takes it): {schema, properties}. */
export interface ScreeningQuery {
  schema: string;
  properties: Record<string, string[]>;
}

/** How one feature of a match was judged: which values were compared, how, and what it gave. */
export interface FeatureExplanation {
  /** feature name, e.g. name_alignment, identifier_match, birth_date, country, schema, gender, legal_form */
  feature: string;
  /** the feature's value in [0, 1] (or negative for a penalty) */
  score: number;
  /** its weight in the total score */
  weight: number;
  /** the query values compared */
  query: string[];
  /** the candidate values compared */
  candidate: string[];
  /** how they were compared, in plain words ("Jaro-Winkler on transliterated tokens", "exact on digits") */
  method: string;
  /** one sentence a reviewer can read */
  detail: string;
}

/** A listed entity as the screening index holds it. */
export interface IndexedEntity extends FtmEntity {
  caption: string;
  datasets: string[];
  first_seen: string;
  last_seen: string;
  last_change: string;
}

export interface MatchResult {
  entity: IndexedEntity;
  /** in [0, 1]; evidence beyond the name lifts a match above a bare-name match */
  score: number;
  /** score >= threshold */
  match: boolean;
  /** feature name → value, as yente's `features` */
  features: Record<string, number>;
  explanations: FeatureExplanation[];
}

export interface MatchOptions {
  limit: number;
  threshold: number;
  /** results scoring below this are not returned (default 0.5; 0 returns the best `limit` whatever they score) */
  cutoff?: number;
  /** only candidates from these datasets (default: all) */
  datasets?: string[];
  excludeDatasets?: string[];
  excludeEntityIds?: string[];
  /** only candidates changed (last seen in a new version) since this ISO date */
  changedSince?: string;
}

export interface Algorithm {
  name: string;
  version: string;
  description: string;
  /** default threshold for `match: true` */
  threshold: number;
}

/**
 * The screening engine as the server, bulk screening and the audit log see it. Deterministic:
 * same index (list versions), same algorithm and config → same results.
 */
export interface Matcher {
  readonly algorithm: Algorithm;
  /** dataset name → version label the index was built from */
  datasetVersions(): Record<string, string>;
  match(query: ScreeningQuery, options: MatchOptions): MatchResult[];
  /** free-text search over names and aliases (typo-tolerant), best first */
  search(text: string, options: Omit<MatchOptions, 'threshold'> & { schema?: string }): MatchResult[];
  getEntity(id: string): IndexedEntity | undefined;
}
