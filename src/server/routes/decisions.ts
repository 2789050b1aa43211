/**
 * Reviewer decisions and the audit log: POST /decisions, GET /decisions, GET /log.
 */
import type { FastifyInstance } from 'fastify';
import type { DecisionKind } from '../../store/store.js';
import { valueProblem } from '../../screening/bulk-input.js';
import { errorResponses, HttpError, TIME_PATTERN } from '../http.js';
import type { ScreeningService } from '../screening.js';

const FINGERPRINT = '^[0-9a-f]{32}$';

export const decisionSchema = {
  type: 'object',
  required: ['id', 'at', 'query_fingerprint', 'entity_id', 'entity_hash', 'decision', 'reviewer', 'note'],
  properties: {
    id: { type: 'integer' },
    at: { type: 'string', description: 'ISO 8601 UTC' },
    query_fingerprint: { type: 'string' },
    query_key: { type: ['string', 'null'] },
    log_id: { type: ['integer', 'null'] },
    entity_id: { type: 'string' },
    entity_hash: { type: 'string', description: "hash of the entity's statements when decided" },
    decision: { type: 'string', enum: ['false_positive', 'match'] },
    reviewer: { type: 'string' },
    note: { type: 'string' },
  },
} as const;

const logEntrySchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    at: { type: 'string' },
    source: { type: 'string', enum: ['api', 'bulk', 'cli'] },
    query_key: { type: ['string', 'null'] },
    query_fingerprint: { type: 'string' },
    query: { type: 'object', additionalProperties: true },
    dataset_versions: { type: 'object', additionalProperties: { type: 'string' } },
    algorithm: { type: 'object', properties: { name: { type: 'string' }, version: { type: 'string' } } },
    config_hash: { type: 'string' },
    results: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          entity_id: { type: 'string' },
          score: { type: 'number' },
          match: { type: 'boolean' },
          suppressed_by: { type: 'integer', description: 'the false-positive decision that left it out' },
        },
      },
    },
  },
} as const;

export async function decisionRoutes(app: FastifyInstance, ctx: { service: ScreeningService }): Promise<void> {
  const { store } = ctx.service;

  app.post<{
    Body: { query_id?: number; query_fingerprint?: string; entity_id: string; decision: DecisionKind; reviewer: string; note: string };
  }>(
    '/decisions',
    {
      schema: {
        tags: ['Audit'],
        summary: "Record a reviewer's decision on a screening result",
        description:
          'Refer to the screening by its audit log entry (`query_id` = `log_id` of a /match response) or by the query fingerprint. ' +
          'A false positive stays out of later screenings of the same query until the entity changes in a new list version.',
        body: {
          type: 'object',
          required: ['entity_id', 'decision', 'reviewer'],
          properties: {
            query_id: { type: 'integer', minimum: 1, description: 'audit log entry id' },
            query_fingerprint: { type: 'string', pattern: FINGERPRINT },
            entity_id: { type: 'string', minLength: 1, maxLength: 500 },
            decision: { type: 'string', enum: ['false_positive', 'match'] },
            reviewer: { type: 'string', minLength: 1, maxLength: 200 },
            note: { type: 'string', maxLength: 4000, default: '' },
          },
        },
        response: { 201: decisionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      for (const [what, value, max] of [['reviewer', b.reviewer, 200], ['note', b.note, 4000]] as const) {
        const problem = valueProblem(value.replace(/[\r\n\t]/g, ' '), what, max);
        if (problem) throw new HttpError(400, problem);
      }
      if (!b.reviewer.trim()) throw new HttpError(400, 'reviewer is empty');
      let fingerprint = b.query_fingerprint;
      let queryKey: string | null = null;
      if (b.query_id !== undefined) {
        const entry = await store.getScreeningLogEntry(b.query_id);
        if (!entry) throw new HttpError(404, `no screening log entry ${b.query_id}`);
        if (fingerprint && fingerprint !== entry.query_fingerprint) {
          throw new HttpError(400, `query_fingerprint ${fingerprint} is not the fingerprint of log entry ${b.query_id} (${entry.query_fingerprint})`);
        }
        fingerprint = entry.query_fingerprint;
        queryKey = entry.query_key;
      }
      if (!fingerprint) throw new HttpError(400, 'give query_id (a screening log entry) or query_fingerprint');
      const hash = (await store.entityHashes([b.entity_id])).get(b.entity_id);
      if (!hash) throw new HttpError(404, `No such entity: "${b.entity_id}"`);
      const decision = await ctx.service.addDecision({
        query_fingerprint: fingerprint,
        query_key: queryKey,
        log_id: b.query_id ?? null,
        entity_id: b.entity_id,
        entity_hash: hash,
        decision: b.decision,
        reviewer: b.reviewer.trim(),
        note: b.note,
      });
      return reply.code(201).send(decision);
    },
  );

  app.get<{ Querystring: { query_fingerprint?: string; entity_id?: string; after_id?: number; limit: number } }>(
    '/decisions',
    {
      schema: {
        tags: ['Audit'],
        summary: 'Reviewer decisions, oldest first',
        querystring: {
          type: 'object',
          properties: {
            query_fingerprint: { type: 'string', pattern: FINGERPRINT },
            entity_id: { type: 'string', maxLength: 500 },
            after_id: { type: 'integer', minimum: 0, description: 'decisions after this id (paging)' },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: { limit: { type: 'integer' }, decisions: { type: 'array', items: decisionSchema } },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const decisions = await store.decisions({
        queryFingerprint: q.query_fingerprint,
        entityId: q.entity_id,
        afterId: q.after_id,
        limit: q.limit,
      });
      return { limit: q.limit, decisions };
    },
  );

  app.get<{ Querystring: { since?: string; after_id?: number; limit: number } }>(
    '/log',
    {
      schema: {
        tags: ['Audit'],
        summary: 'The screening audit log, oldest first',
        querystring: {
          type: 'object',
          properties: {
            since: { type: 'string', pattern: TIME_PATTERN, description: 'entries at or after this date or time (UTC)' },
            after_id: { type: 'integer', minimum: 0, description: 'entries after this id (paging)' },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
        },
        response: {
          200: { type: 'object', properties: { limit: { type: 'integer' }, entries: { type: 'array', items: logEntrySchema } } },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const entries = await store.screeningLog({ since: q.since, afterId: q.after_id, limit: q.limit });
      return { limit: q.limit, entries };
    },
  );
}
