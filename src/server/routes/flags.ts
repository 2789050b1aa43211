/**
 * Red flags over HTTP: the worklist of ranked parties with their flags (filters, sorting,
 * paging), one party's flags with evidence and routes, the ranked routes, and reviewers' marks.
 * Flags are computed by `sanctrace flags` (or the demo job) and read from the store here.
 */
import type { FastifyInstance } from 'fastify';
import { FlagTables, type Review, type ReviewStatus } from '../../store/duckdb/flags.js';
import type { Store } from '../../store/store.js';
import { errorResponses, HttpError } from '../http.js';

const NO_RUN = 'no flag run in the store: run `sanctrace flags` (or `sanctrace demo`) first';

const evidenceSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['entity', 'shipment', 'statement', 'number', 'date'] },
    id: { type: 'string' },
    value: { type: ['string', 'number'] },
    label: { type: 'string' },
  },
} as const;

const routeRefSchema = {
  type: 'object',
  properties: { supplier: { type: 'string' }, intermediary: { type: 'string' }, buyer: { type: 'string' } },
} as const;

export const flagSchema = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    entity_id: { type: 'string' },
    severity: { type: 'string', enum: ['low', 'medium', 'high'] },
    score: { type: 'number' },
    summary: { type: 'string' },
    evidence: { type: 'array', items: evidenceSchema },
    route: routeRefSchema,
    countries: { type: 'array', items: { type: 'string' } },
    goods: { type: 'array', items: { type: 'string' } },
  },
} as const;

const termSchema = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    weight: { type: 'number' },
    score: { type: 'number' },
    context: { type: 'number' },
    context_reason: { type: 'string' },
    contribution: { type: 'number' },
    summary: { type: 'string' },
    flags: { type: 'integer' },
    entity_id: { type: 'string' },
    role: { type: 'string' },
  },
} as const;

const reviewSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    entity_id: { type: 'string' },
    at: { type: 'string' },
    reviewer: { type: 'string' },
    status: { type: 'string', enum: ['reviewed', 'escalated', 'dismissed'] },
    note: { type: 'string' },
    run_id: { type: ['integer', 'null'] },
    score: { type: ['number', 'null'] },
  },
} as const;

const entityScoreProperties = {
  entity_id: { type: 'string' },
  caption: { type: 'string' },
  schema: { type: 'string' },
  country: { type: 'string' },
  datasets: { type: 'array', items: { type: 'string' } },
  listed: { type: 'boolean' },
  list_only: { type: 'boolean' },
  score: { type: 'number' },
  rank: { type: 'integer' },
  terms: { type: 'array', items: termSchema },
  flag_count: { type: 'integer' },
  first_reason: { type: 'string' },
} as const;

const routeSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    supplier: { type: 'string' },
    intermediary: { type: 'string' },
    buyer: { type: 'string' },
    names: { type: 'object', additionalProperties: { type: 'string' } },
    countries: { type: 'object', additionalProperties: { type: 'string' } },
    score: { type: 'number' },
    rank: { type: 'integer' },
    terms: { type: 'array', items: termSchema },
    goods: { type: 'array', items: { type: 'string' } },
    lines: { type: 'integer' },
    first: { type: 'string' },
    last: { type: 'string' },
  },
} as const;

const runSchema = { type: 'object', additionalProperties: true } as const;

function latestReview(reviews: Review[], id: string): Review | null {
  let out: Review | null = null;
  for (const r of reviews) if (r.entity_id === id) out = r;
  return out;
}

export async function flagRoutes(app: FastifyInstance, ctx: { store: Store }): Promise<void> {
  const { store } = ctx;
  const tablesOf = () => FlagTables.of(store);

  app.get<{
    Querystring: {
      dataset?: string[];
      code?: string[];
      country?: string;
      min_score?: number;
      include_listed?: boolean;
      reviewed?: boolean;
      sort?: 'score' | 'name' | 'flags' | 'country';
      order?: 'asc' | 'desc';
      limit?: number;
      top?: number;
      offset: number;
    };
  }>(
    '/flags',
    {
      schema: {
        tags: ['Flags'],
        summary: 'The worklist: ranked parties with their red flags',
        description:
          'Parties of the registry and shipment datasets ranked by risk (listed parties only with include_listed, or when a list dataset is asked for), ' +
          'each with its score term by term (rule, weight, contribution) and its flags with evidence, and the latest review.',
        querystring: {
          type: 'object',
          properties: {
            dataset: { type: 'array', items: { type: 'string', maxLength: 200 }, maxItems: 50 },
            code: { type: 'array', items: { type: 'string', pattern: '^[Rr][Ff]\\d{2}$' }, maxItems: 20 },
            country: { type: 'string', pattern: '^[A-Za-z]{2}$' },
            min_score: { type: 'number' },
            include_listed: { type: 'boolean' },
            reviewed: { type: 'boolean', description: 'true: only reviewed parties; false: only those not yet reviewed' },
            sort: { type: 'string', enum: ['score', 'name', 'flags', 'country'], default: 'score' },
            order: { type: 'string', enum: ['asc', 'desc'] },
            limit: { type: 'integer', minimum: 1, maximum: 500, description: 'parties per page (default 50)' },
            top: { type: 'integer', minimum: 1, maximum: 500, description: 'same as limit' },
            offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              run: runSchema,
              total: { type: 'integer' },
              limit: { type: 'integer' },
              offset: { type: 'integer' },
              entities: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { ...entityScoreProperties, flags: { type: 'array', items: flagSchema }, review: { anyOf: [reviewSchema, { type: 'null' }] } },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const tables = await tablesOf();
      const run = await tables.latestRun();
      if (!run) throw new HttpError(404, NO_RUN);
      const q = request.query;
      const limit = q.limit ?? q.top ?? 50;
      const { total, entities } = await tables.worklist({
        datasets: q.dataset,
        codes: q.code,
        country: q.country,
        minScore: q.min_score,
        includeListed: q.include_listed,
        reviewed: q.reviewed,
        sort: q.sort,
        order: q.order,
        limit,
        offset: q.offset,
      });
      const ids = entities.map((e) => e.entity_id);
      const flags = await tables.flagsOf(ids);
      const reviews = ids.length ? await tables.reviews(ids) : [];
      return {
        run,
        total,
        limit,
        offset: q.offset,
        entities: entities.map((e) => ({ ...e, flags: flags.filter((f) => f.entity_id === e.entity_id), review: latestReview(reviews, e.entity_id) })),
      };
    },
  );

  app.get<{ Querystring: { limit: number; entity?: string } }>(
    '/flags/routes',
    {
      schema: {
        tags: ['Flags'],
        summary: 'Ranked routes (supplier → intermediary → buyer)',
        description: 'Each route scores every rule once, from whichever of its three parties has the strongest flag of it.',
        querystring: {
          type: 'object',
          properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 }, entity: { type: 'string', maxLength: 500 } },
        },
        response: { 200: { type: 'object', properties: { run: runSchema, routes: { type: 'array', items: routeSchema } } }, ...errorResponses },
      },
    },
    async (request) => {
      const tables = await tablesOf();
      const run = await tables.latestRun();
      if (!run) throw new HttpError(404, NO_RUN);
      return { run, routes: await tables.routes(request.query.entity, request.query.limit) };
    },
  );

  app.get<{ Params: { entityId: string } }>(
    '/flags/:entityId',
    {
      schema: {
        tags: ['Flags'],
        summary: "One party's risk score term by term, its flags with evidence, its routes and reviews",
        params: { type: 'object', properties: { entityId: { type: 'string', minLength: 1, maxLength: 500 } } },
        response: {
          200: {
            type: 'object',
            properties: {
              entity_id: { type: 'string' },
              run: runSchema,
              score: { anyOf: [{ type: 'object', properties: entityScoreProperties }, { type: 'null' }] },
              flags: { type: 'array', items: flagSchema },
              routes: { type: 'array', items: routeSchema },
              reviews: { type: 'array', items: reviewSchema },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const id = request.params.entityId;
      const tables = await tablesOf();
      const run = await tables.latestRun();
      if (!run) throw new HttpError(404, NO_RUN);
      const score = await tables.entityScore(id);
      if (!score && !(await store.getEntity(id))) throw new HttpError(404, `no entity with id "${id}"`);
      return { entity_id: id, run, score: score ?? null, flags: await tables.flagsOf([id]), routes: await tables.routes(id, 20), reviews: await tables.reviews([id]) };
    },
  );

  app.post<{ Params: { entityId: string }; Body: { reviewer: string; note: string; status: ReviewStatus } }>(
    '/flags/:entityId/review',
    {
      schema: {
        tags: ['Flags'],
        summary: 'Mark a party as reviewed, with a note',
        description: 'Reviews are kept in order; the latest is the one in force. The worklist can leave reviewed parties out (reviewed=false).',
        params: { type: 'object', properties: { entityId: { type: 'string', minLength: 1, maxLength: 500 } } },
        body: {
          type: 'object',
          required: ['reviewer'],
          properties: {
            reviewer: { type: 'string', minLength: 1, maxLength: 200 },
            note: { type: 'string', maxLength: 4000, default: '' },
            status: { type: 'string', enum: ['reviewed', 'escalated', 'dismissed'], default: 'reviewed' },
          },
        },
        response: { 201: reviewSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = request.params.entityId;
      const tables = await tablesOf();
      const score = await tables.entityScore(id);
      if (!score && !(await store.getEntity(id))) throw new HttpError(404, `no entity with id "${id}"`);
      const run = await tables.latestRun();
      const review = await tables.addReview({
        entity_id: id,
        reviewer: request.body.reviewer,
        status: request.body.status,
        note: request.body.note,
        run_id: run?.id ?? null,
        score: score?.score ?? null,
      });
      return reply.code(201).send(review);
    },
  );
}
