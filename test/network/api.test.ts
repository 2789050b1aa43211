import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { NetworkService } from '../../src/network/service.js';
import { buildMatcher } from '../../src/screening/engine.js';
import { HttpError } from '../../src/server/http.js';
import { networkRoutes } from '../../src/server/routes/network.js';
import type { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { ZALA } from './fixtures.js';
import { networkStore } from './store-fixture.js';

/** The network plugin on a bare Fastify with app.ts's error answers ({detail}) and query coercion. */
describe('network API', () => {
  let store: DuckDbStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ store } = await networkStore());
    app = Fastify({ ajv: { customOptions: { coerceTypes: 'array', useDefaults: true, removeAdditional: true } } });
    app.setErrorHandler((error: FastifyError, _request, reply) => {
      if (error instanceof HttpError) return reply.code(error.statusCode).send({ detail: error.message });
      return reply.code(error.statusCode ?? 500).send({ detail: error.message });
    });
    const service = new NetworkService(store, {}, () => buildMatcher(store));
    await app.register(async (instance) => networkRoutes(instance, { service }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() };
  };

  it('GET /network/trace answers nodes and edges ready to draw', async () => {
    const { status, body } = await get('/network/trace?from=kz-co&to_sanctioned=true&at=2024-06-01&paths=2');
    expect(status).toBe(200);
    expect(body.paths[0].nodes).toEqual(['kz-co', 'kz-zakharov', 'value:identifier:183111242406', ZALA.zakharov]);
    const ids = new Set(body.nodes.map((n: { id: string }) => n.id));
    for (const e of body.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(body.nodes.find((n: { id: string }) => n.id === ZALA.zakharov)).toMatchObject({ caption: 'Alexander ZAKHAROV', schema: 'Person', countries: ['ru'], sanctioned: true, kind: 'entity' });
    expect(body.edges.find((e: { type: string }) => e.type === 'ownership')).toMatchObject({ source: 'kz-zakharov', target: 'kz-co', start: '2022-04-20', end: null, undated: false, share: { min: 1, max: 1 }, entity: 'kz-own' });
  });

  it('same_as=true resolves around the start with the screening engine', async () => {
    const { body } = await get('/network/trace?from=kz-co&to_sanctioned=true&edges=ownership,shipment,same_as&same_as=true');
    expect(body.paths.map((p: { nodes: string[] }) => p.nodes.at(-1))).toEqual(expect.arrayContaining([ZALA.zakharov, ZALA.cst]));
    const links = await get('/network/entities/ru-cst/same-as');
    expect(links.body.links.map((l: { b: string }) => l.b)).toContain(ZALA.cst);
  });

  it('GET ubo, neighbours, clusters, mirrors, stats', async () => {
    const ubo = await get(`/network/entities/${ZALA.cst}/ubo?at=2023-06-01&threshold=10%25`);
    expect(ubo.body.threshold).toBe(0.1);
    expect(ubo.body.owners.map((o: { node: { caption: string }; share: object }) => [o.node.caption, o.share])).toEqual([
      ['Alexander ZAKHAROV', { min: 0.48, max: 0.51 }],
      ['OJSC IZHMASH', { min: 0.49, max: 0.49 }],
      ['Joint-Stock Company "TransKomplektHolding"', { min: 0.02, max: 0.02 }],
    ]);
    const n = await get(`/network/entities/${ZALA.zakharov}/neighbours?edges=ownership&at=2024-03-10`);
    expect(n.body.counts.ownership).toEqual({ total: 10, admitted: 2, shown: 2 });
    const clusters = await get('/network/clusters?kinds=owner&min_size=3');
    expect(clusters.body.clusters[0]).toMatchObject({ kind: 'owner', via: [ZALA.zakharov] });
    const stats = await get('/network/stats');
    expect(stats.body).toMatchObject({ versions: { zala: expect.any(String), 'kz-registry': '2024-01-01' }, shipmentLines: 1, flows: 1 });
    const mirrors = await get('/network/mirrors');
    expect(mirrors.body.pairs).toEqual([]);
  });

  it('errors as {detail}: 404 for an unknown id, 400 for bad parameters', async () => {
    expect(await get('/network/entities/nobody/ubo')).toEqual({ status: 404, body: { detail: expect.stringMatching(/^no entity "nobody"/) } });
    expect(await get('/network/trace?from=kz-co')).toEqual({ status: 400, body: { detail: 'give exactly one target: to, to_sanctioned, to_country or to_end_user' } });
    expect((await get('/network/trace?from=kz-co&to_sanctioned=true&max_hops=9')).status).toBe(400);
    expect(await get('/network/trace?from=kz-co&to_sanctioned=true&at=yesterday')).toEqual({ status: 400, body: { detail: '"yesterday" is not a date (YYYY-MM-DD)' } });
    expect(await get('/network/clusters?kinds=colour')).toEqual({ status: 400, body: { detail: expect.stringMatching(/^unknown cluster kind "colour"/) } });
  });
});
