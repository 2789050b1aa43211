/**
 * Shared pieces of the HTTP API: the error type every route throws, the limits, the JSON schemas
 * reused by several routes, and the yente-shaped rendering of entities and results.
 */
import { getSchema, hasSchema } from '../model/ftm.js';
import type { DecisionNote } from '../store/audit.js';
import type { StoredEntity } from '../store/store.js';
import type { FeatureExplanation, IndexedEntity, MatchResult } from '../screening/types.js';

/** An error answered as `{detail}` with its status code. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface Limits {
  /** JSON request bodies, bytes */
  bodyBytes: number;
  /** CSV uploads to POST /screen, bytes */
  csvBytes: number;
  /** data rows per CSV upload */
  csvRows: number;
  /** queries per POST /match call (yente: 100) */
  queries: number;
  /** results per query (yente: 500) */
  maxLimit: number;
  /** characters per name */
  nameLength: number;
  /** characters per other property value */
  valueLength: number;
  /** values per property of a query */
  valuesPerProperty: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 1024 * 1024,
  csvBytes: 5 * 1024 * 1024,
  csvRows: 10_000,
  queries: 100,
  maxLimit: 500,
  nameLength: 1000,
  valueLength: 1000,
  valuesPerProperty: 100,
};

export const errorSchema = {
  type: 'object',
  required: ['detail'],
  properties: { detail: { type: 'string', description: 'what went wrong, in words' } },
} as const;

/** Error responses documented for every route. */
export const errorResponses = {
  400: { description: 'Invalid request', ...errorSchema },
  404: { description: 'Not found', ...errorSchema },
  413: { description: 'Request over a size limit', ...errorSchema },
} as const;

const stringList = { type: 'array', items: { type: 'string' } } as const;
const nullableTime = { type: ['string', 'null'], description: 'ISO 8601 time' } as const;

/** yente's EntityResponse. */
export const entitySchema = {
  type: 'object',
  required: ['id', 'caption', 'schema', 'properties', 'datasets', 'referents', 'target'],
  properties: {
    id: { type: 'string' },
    caption: { type: 'string' },
    schema: { type: 'string' },
    properties: { type: 'object', additionalProperties: stringList },
    datasets: stringList,
    referents: stringList,
    target: { type: 'boolean' },
    first_seen: nullableTime,
    last_seen: nullableTime,
    last_change: nullableTime,
  },
} as const;

export const decisionNoteSchema = {
  type: 'object',
  description: 'a reviewer decision on this query and entity',
  properties: {
    id: { type: 'integer' },
    decision: { type: 'string', enum: ['false_positive', 'match'] },
    reviewer: { type: 'string' },
    note: { type: 'string' },
    at: { type: 'string' },
    entity_changed: { type: 'boolean', description: 'the entity changed since the decision, which therefore no longer applies' },
  },
} as const;

/** nomenklatura's FeatureResult, with sanctrace's weight and method. */
export const explanationSchema = {
  type: 'object',
  properties: {
    score: { type: 'number' },
    detail: { type: ['string', 'null'] },
    query: { type: ['string', 'null'], description: 'the query value(s) compared' },
    candidate: { type: ['string', 'null'], description: 'the candidate value(s) compared' },
    weight: { type: 'number' },
    method: { type: 'string' },
  },
} as const;

/** yente's ScoredEntityResponse, with per-feature explanations and the reviewer decision. */
export const scoredEntitySchema = {
  type: 'object',
  required: [...entitySchema.required, 'score', 'features', 'match', 'explanations'],
  properties: {
    ...entitySchema.properties,
    score: { type: 'number' },
    features: { type: 'object', additionalProperties: { type: 'number' } },
    match: { type: 'boolean' },
    explanations: { type: 'object', additionalProperties: explanationSchema },
    decision: decisionNoteSchema,
  },
} as const;

export interface EntityResponse {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
}

export interface ExplanationResponse {
  score: number;
  detail: string | null;
  query: string | null;
  candidate: string | null;
  weight: number;
  method: string;
}

export interface ScoredEntityResponse extends EntityResponse {
  score: number;
  features: Record<string, number>;
  match: boolean;
  explanations: Record<string, ExplanationResponse>;
  decision?: DecisionNote;
}

/** Listed parties are targets: an explicit `target`, a sanction topic, or a matchable party. */
function isTarget(e: IndexedEntity | StoredEntity): boolean {
  if (typeof e['target'] === 'boolean') return e['target'];
  const topics = e.properties['topics'] ?? [];
  if (topics.some((t) => t === 'sanction' || t.startsWith('sanction.'))) return true;
  if (!hasSchema(e.schema)) return false;
  const schema = getSchema(e.schema);
  return schema.matchable && !schema.isA('Address');
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function entityResponse(e: IndexedEntity | StoredEntity, caption: string, lastChange?: string | null): EntityResponse {
  return {
    id: e.id,
    caption,
    schema: e.schema,
    properties: e.properties,
    datasets: [...e.datasets],
    referents: strings(e['referents']),
    target: isTarget(e),
    first_seen: e.first_seen ?? null,
    last_seen: e.last_seen ?? null,
    last_change: lastChange ?? (typeof e.last_change === 'string' ? e.last_change : null),
  };
}

/**
 * Our explanations as yente's `explanations` (feature → {score, detail, query, candidate}); a
 * feature explained twice gets `feature#2` for its second entry.
 */
export function explanationsResponse(list: FeatureExplanation[]): Record<string, ExplanationResponse> {
  const out: Record<string, ExplanationResponse> = {};
  for (const e of list) {
    let key = e.feature;
    for (let n = 2; key in out; n++) key = `${e.feature}#${n}`;
    out[key] = {
      score: e.score,
      detail: e.detail || null,
      query: e.query.length ? e.query.join('; ') : null,
      candidate: e.candidate.length ? e.candidate.join('; ') : null,
      weight: e.weight,
      method: e.method,
    };
  }
  return out;
}

export function scoredResponse(r: MatchResult, decision?: DecisionNote): ScoredEntityResponse {
  const out: ScoredEntityResponse = {
    ...entityResponse(r.entity, r.entity.caption),
    score: r.score,
    features: { ...r.features },
    match: r.match,
    explanations: explanationsResponse(r.explanations),
  };
  if (decision) out.decision = decision;
  return out;
}

/** `YYYY-MM-DD`, optionally with a time and zone. */
export const TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?$';
