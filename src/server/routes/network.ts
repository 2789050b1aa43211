/**
 * The network routes: neighbourhoods, paths, beneficial owners, shared-attribute clusters, mirror
 * companies and entity-resolution links, each answered with `nodes` and `edges` ready to draw
 * (ids, captions, schema, countries, sanctioned flag, edge type, dates, label, explanation).
 * The graph is built from the store on first use and rebuilt when a dataset changes.
 */
import type { FastifyInstance } from 'fastify';
import { CLUSTER_KINDS, sharedAttributeClusters, type ClusterKind } from '../../network/clusters.js';
import { today } from '../../network/dates.js';
import { NetworkQueryError } from '../../network/errors.js';
import { mirrorCompanies } from '../../network/mirror.js';
import { neighbours } from '../../network/neighbours.js';
import { findPaths, MAX_HOPS, MAX_PATHS, type PathTarget } from '../../network/paths.js';
import { edgeTypes, hsPrefixes, threshold, timeFilter } from '../../network/query-input.js';
import type { NetworkService } from '../../network/service.js';
import { ultimateOwners } from '../../network/ubo.js';
import { errorResponses, HttpError } from '../http.js';

const TAG = 'Network';
const answer = { 200: { description: 'nodes and edges ready to draw, with explanations', type: 'object', additionalProperties: true }, ...errorResponses } as const;
const text = (description: string, maxLength = 500) => ({ type: 'string', maxLength, description }) as const;
const filters = {
  edges: text('link types, comma-separated: ownership, directorship, family, associate, representation, unknown_link, shipment, same_as, address, phone, email, identifier, website, name_birth…'),
  at: text('only links valid on this day (YYYY-MM-DD); shipments on or before it', 10),
  window: text('only links valid at some time in FROM..TO; shipments within it', 40),
  hs: text('shipments of these HS code prefixes only, comma-separated', 200),
};

/** Network query errors as HTTP errors: 404 for an unknown id, 400 for a bad parameter. */
async function answering<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof NetworkQueryError) throw new HttpError(e.kind === 'not_found' ? 404 : 400, e.message);
    throw e;
  }
}

interface FilterQuery {
  edges?: string;
  at?: string;
  window?: string;
  hs?: string;
}

export async function networkRoutes(app: FastifyInstance, ctx: { service: NetworkService }): Promise<void> {
  const { service } = ctx;

  app.get<{ Params: { id: string }; Querystring: FilterQuery & { limit: number } }>(
    '/network/entities/:id/neighbours',
    {
      schema: {
        tags: [TAG],
        summary: "An entity's links, by type",
        description: 'Filtered by link type and date; at most `limit` neighbours per link type (sanctioned first), with counts of all links for hubs.',
        params: { type: 'object', properties: { id: text('entity id') } },
        querystring: { type: 'object', properties: { ...filters, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 } } },
        response: answer,
      },
    },
    async (request) => {
      const q = request.query;
      const net = await service.network();
      return answering(() => neighbours(net, { id: request.params.id, types: edgeTypes(q.edges), time: timeFilter(q.at, q.window), hs: hsPrefixes(q.hs), limit: q.limit }));
    },
  );

  app.get<{
    Querystring: FilterQuery & { from: string; to?: string; to_sanctioned?: boolean; to_country?: string; to_end_user?: boolean; max_hops: number; paths: number; hub_limit: number; same_as?: boolean };
  }>(
    '/network/trace',
    {
      schema: {
        tags: [TAG],
        summary: 'Paths from an entity, shortest first, each link explained',
        description:
          'Give exactly one target: `to` (an entity), `to_sanctioned`, `to_country` (ISO2) or `to_end_user`. Links of any direction; ' +
          'alternatives by Yen\'s algorithm; hubs (more links than `hub_limit`) are not passed through. `same_as=true` first links the ' +
          'entities around the start to their likely duplicates in other datasets with the screening engine.',
        querystring: {
          type: 'object',
          required: ['from'],
          properties: {
            from: text('the entity to start from'),
            to: text('a target entity'),
            to_sanctioned: { type: 'boolean' },
            to_country: text('ISO2 country code', 2),
            to_end_user: { type: 'boolean' },
            ...filters,
            max_hops: { type: 'integer', minimum: 1, maximum: MAX_HOPS, default: 4 },
            paths: { type: 'integer', minimum: 1, maximum: MAX_PATHS, default: 3 },
            hub_limit: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1000 },
            same_as: { type: 'boolean', default: false },
          },
        },
        response: answer,
      },
    },
    async (request) => {
      const q = request.query;
      const targets: PathTarget[] = [];
      if (q.to) targets.push({ kind: 'entity', id: q.to });
      if (q.to_sanctioned) targets.push({ kind: 'sanctioned' });
      if (q.to_country) targets.push({ kind: 'country', country: q.to_country });
      if (q.to_end_user) targets.push({ kind: 'end_user' });
      if (targets.length !== 1) throw new HttpError(400, 'give exactly one target: to, to_sanctioned, to_country or to_end_user');
      const net = await service.network();
      if (q.same_as) {
        if (!service.canResolve) throw new HttpError(400, 'entity resolution needs the screening engine, which this server was started without');
        if (net.graph.node(q.from) === undefined) throw new HttpError(404, `no entity "${q.from}" in the network`);
        await service.resolveAround(q.from, q.max_hops - 1);
      }
      return answering(() =>
        findPaths(net, {
          from: q.from,
          target: targets[0]!,
          time: timeFilter(q.at, q.window),
          types: edgeTypes(q.edges),
          hs: hsPrefixes(q.hs),
          maxHops: q.max_hops,
          paths: q.paths,
          hubLimit: q.hub_limit,
        }),
      );
    },
  );

  app.get<{ Params: { id: string }; Querystring: { threshold?: string; at?: string; chains: number } }>(
    '/network/entities/:id/ubo',
    {
      schema: {
        tags: [TAG],
        summary: 'Ultimate beneficial owners on a day',
        description: 'Shares multiplied along ownership chains valid that day (ranges for bands and unstated shares), stated indirect holdings, family groups, control and directors; the chains as evidence.',
        params: { type: 'object', properties: { id: text('entity id') } },
        querystring: {
          type: 'object',
          properties: {
            threshold: text('0.25, 25% or 10% (default 25 %)', 10),
            at: text('the day (YYYY-MM-DD; default today)', 10),
            chains: { type: 'integer', minimum: 1, maximum: 100, default: 5 },
          },
        },
        response: answer,
      },
    },
    async (request) => {
      const q = request.query;
      const net = await service.network();
      return answering(() => {
        const time = timeFilter(q.at);
        return ultimateOwners(net, { id: request.params.id, threshold: threshold(q.threshold), at: time && 'at' in time ? time.at : today(), chainsPerOwner: q.chains });
      });
    },
  );

  app.get<{ Querystring: { id?: string; kinds?: string; at?: string; window?: string; min_size: number; limit: number } }>(
    '/network/clusters',
    {
      schema: {
        tags: [TAG],
        summary: 'Companies sharing an address, phone, e-mail, website, identifier, director, owner, or an owner with the same name and birth date',
        querystring: {
          type: 'object',
          properties: {
            id: text('only clusters this entity belongs to'),
            kinds: text(`comma-separated: ${CLUSTER_KINDS.join(', ')}`),
            at: filters.at,
            window: filters.window,
            min_size: { type: 'integer', minimum: 2, maximum: 100_000, default: 2 },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
          },
        },
        response: answer,
      },
    },
    async (request) => {
      const q = request.query;
      const net = await service.network();
      return answering(() =>
        sharedAttributeClusters(net, {
          id: q.id,
          kinds: q.kinds ? (q.kinds.split(',').map((k) => k.trim()) as ClusterKind[]) : undefined,
          time: timeFilter(q.at, q.window),
          minSize: q.min_size,
          limit: q.limit,
        }),
      );
    },
  );

  app.get<{ Querystring: { id?: string; at?: string; window?: string; hs?: string; depth: number; limit: number } }>(
    '/network/mirrors',
    {
      schema: {
        tags: [TAG],
        summary: 'Mirror companies: firms in two countries that trade with each other and are controlled by one person or family',
        querystring: {
          type: 'object',
          properties: {
            id: text('only pairs with this entity on one side'),
            at: filters.at,
            window: filters.window,
            hs: filters.hs,
            depth: { type: 'integer', minimum: 0, maximum: 5, default: 2 },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
        },
        response: answer,
      },
    },
    async (request) => {
      const q = request.query;
      const net = await service.network();
      return answering(() => mirrorCompanies(net, { id: q.id, time: timeFilter(q.at, q.window), hs: hsPrefixes(q.hs), depth: q.depth, limit: q.limit }));
    },
  );

  app.get<{ Params: { id: string }; Querystring: { hops: number } }>(
    '/network/entities/:id/same-as',
    {
      schema: {
        tags: [TAG],
        summary: 'Entity-resolution candidates around an entity (never merged)',
        description: 'Screens the entity and those within `hops` links against the other datasets; candidates at or above the engine threshold become same_as links with their score and explanation.',
        params: { type: 'object', properties: { id: text('entity id') } },
        querystring: { type: 'object', properties: { hops: { type: 'integer', minimum: 0, maximum: 2, default: 0 } } },
        response: answer,
      },
    },
    async (request) => {
      if (!service.canResolve) throw new HttpError(400, 'entity resolution needs the screening engine, which this server was started without');
      const net = await service.network();
      const id = request.params.id;
      if (net.graph.node(id) === undefined) throw new HttpError(404, `no entity "${id}" in the network`);
      const run = await service.resolveAround(id, request.query.hops);
      const links = net.sameAs.filter((l) => l.a === id || l.b === id);
      return { entity: id, resolved: run.resolved, links };
    },
  );

  app.get('/network/stats', { schema: { tags: [TAG], summary: 'What the graph holds: nodes, edges by type, what was skipped, build time', response: answer } }, async () => {
    const net = await service.network();
    return { versions: net.versions, ...net.report, same_as_links: net.sameAs.length };
  });
}
