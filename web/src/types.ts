/** Shapes of the API answers the UI reads (see src/server/routes/*.ts). */

export interface DatasetVersionInfo {
  version: string;
  seq: number;
  loaded_at: string;
  records: number;
  entities: number;
  statements: number;
  added: number;
  removed: number;
  changed: number;
}

export interface DatasetInfo {
  name: string;
  title: string;
  format: string;
  version: string;
  loaded_at: string;
  records: number;
  entities: number;
  synthetic: boolean;
  indexed_version: string | null;
  versions: DatasetVersionInfo[];
}

export interface SearchHit {
  id: string;
  caption: string;
  schema: string;
  score: number;
  names: string[];
  countries: string[];
  datasets: string[];
  sanctioned: boolean;
  synthetic: boolean;
  birth_date: string[];
  matched: string | null;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchAnswer {
  q: string;
  total: number;
  capped: boolean;
  limit: number;
  offset: number;
  results: SearchHit[];
  facets: Record<'schema' | 'country' | 'dataset' | 'sanctioned', FacetValue[]>;
}

export interface Source {
  dataset: string;
  record: string;
  first_version: string;
  last_version: string;
  first_seen: string;
  current: boolean;
}

export interface EntityRef {
  id: string;
  caption: string;
  schema: string;
}

export interface PropertyValues {
  prop: string;
  label: string;
  type: string;
  values: Array<{ value: string; ref?: EntityRef | null; sources: Source[] }>;
}

export interface RelationItem {
  id: string;
  schema: string;
  datasets: string[];
  synthetic: boolean;
  properties: Record<string, string[]>;
  labels: Record<string, string>;
  parties: Array<EntityRef & { prop: string; label: string; sanctioned: boolean; synthetic: boolean }>;
}

export interface RelationGroup {
  key: string;
  label: string;
  schema: string;
  /** the property of the link entity that points at this entity */
  prop: string;
  edge: { source: string; target: string; directed: boolean; label: string } | null;
  items: RelationItem[];
}

export interface Explanation {
  score: number;
  detail: string | null;
  query: string | null;
  candidate: string | null;
  weight: number;
  method: string;
}

export interface Hit {
  id: string;
  caption: string;
  schema: string;
  datasets: string[];
  synthetic: boolean;
  score: number;
  match: boolean;
  explanations: Record<string, Explanation>;
}

export interface PartyRef extends EntityRef {
  sanctioned: boolean;
  synthetic: boolean;
}

/** A customs line (EconomicActivity) with its goods described. */
export interface ShipmentFacts {
  id: string;
  date: string | null;
  hs_code: string | null;
  hs_description: string | null;
  /** CHPL tier of the HS6 code (TIER_1 …), null when not on the list */
  chpl_tier: string | null;
  goods: string | null;
  quantity: number | null;
  unit: string | null;
  value: number | null;
  currency: string | null;
  origin: string | null;
  departure: string | null;
  transit: string | null;
  destination: string | null;
  sender: PartyRef | null;
  receiver: PartyRef | null;
  datasets: string[];
  synthetic: boolean;
}

export interface ShipmentRow extends ShipmentFacts {
  /** how the entity takes part: sent, received, declared (a customs broker or forwarder)… */
  role: string;
  /** the other side when the entity sent or received the line (else sender and receiver are given) */
  counterparty: PartyRef | null;
}

export interface EntityDetail {
  entity: {
    id: string;
    caption: string;
    schema: string;
    schema_label: string;
    datasets: string[];
    synthetic: boolean;
    sanctioned: boolean;
    first_seen: string;
    last_seen: string;
    last_change: string;
    properties: Record<string, string[]>;
  };
  properties: PropertyValues[];
  relations: RelationGroup[];
  /** customs lines this entity sent or received (newest first, the first ones of a big hub) */
  shipments: { total: number; roles: Record<string, number>; rows: ShipmentRow[] };
  /** when the entity is itself a customs line */
  shipment: ShipmentFacts | null;
  hits: Hit[];
}

/** One result of POST /screen?format=json (as `sanctrace screen` writes it). */
export interface ScreenRow {
  id: string;
  line?: number;
  error?: string;
  log_id?: number | null;
  query_fingerprint?: string;
  results?: Array<{
    entity_id: string;
    caption: string;
    schema: string;
    score: number;
    match: boolean;
    datasets: string[];
    explanations: Array<{ feature: string; score: number; weight: number; query: string[]; candidate: string[]; method: string; detail: string }> | Record<string, Explanation>;
    decision?: { decision: string; reviewer: string; note: string; at: string };
  }>;
  suppressed?: unknown[];
}
