/**
 * Red flags: what a rule says about an entity, with the evidence a reviewer can check, and what it
 * could not say because the data lacks something.
 */

export type RuleCode =
  | 'RF01'
  | 'RF02'
  | 'RF03'
  | 'RF04'
  | 'RF05'
  | 'RF06'
  | 'RF07'
  | 'RF08'
  | 'RF09'
  | 'RF13'
  | 'RF14'
  | 'RF15'
  | 'RF16'
  | 'RF17';

export type Severity = 'low' | 'medium' | 'high';

/**
 * One piece of evidence: an entity or a shipment line (by id), a stated value (a statement of an
 * entity: `id` the entity, `value` the value, `label` the property and its source), a number or a
 * date. `label` says in words what it is.
 */
export interface Evidence {
  kind: 'entity' | 'shipment' | 'statement' | 'number' | 'date';
  id?: string;
  value?: string | number;
  label: string;
}

/** A route of goods: supplier → intermediary → buyer (entity ids; supplier or buyer may be unknown). */
export interface Route {
  supplier?: string;
  intermediary: string;
  buyer?: string;
}

export interface Flag {
  code: RuleCode;
  entity_id: string;
  severity: Severity;
  /** strength of the indication in [0, 1] (before the ranking's weights) */
  score: number;
  /** one plain sentence */
  summary: string;
  evidence: Evidence[];
  /** the route the flag is about, when it is about one */
  route?: Route;
  /** countries and HS6 codes the flag concerns: the ranking's trade-hub context reads them */
  countries?: string[];
  goods?: string[];
}

/**
 * How far a rule could look at a dataset: evaluated for all its subjects, for some (the others
 * lack the data), or not at all — with what it needs.
 */
export interface Coverage {
  code: RuleCode;
  dataset: string;
  status: 'evaluated' | 'partial' | 'not_evaluated';
  /** entities (or shipment lines) the rule would look at in this dataset */
  subjects: number;
  /** of which it could evaluate */
  evaluated: number;
  /** what it needs and the dataset lacks, in words ("needs X") */
  needs?: string;
}

export interface RuleOutcome {
  flags: Flag[];
  coverage: Coverage[];
}

/** The official indicator a rule implements, with where it is published. */
export interface Indicator {
  text: string;
  sources: string[];
}
