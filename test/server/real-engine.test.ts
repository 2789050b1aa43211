import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ingest } from '../../src/ingest/ingest.js';
import { buildApp } from '../../src/server/app.js';
import { buildMatcher } from '../../src/screening/engine.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { LISTS, tempDir } from '../helpers.js';

// The yente-compatible API over the real screening engine and the real UN and EU lists.
describe('API with the screening engine', () => {
  let store: DuckDbStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await DuckDbStore.open(path.join(tempDir(), 'api.duckdb'));
    await ingest(store, { format: 'un-xml', inputs: [path.join(LISTS, 'un')], dataset: 'un' });
    await ingest(store, { format: 'eu-csv', inputs: [path.join(LISTS, 'eu', '32014R0833.csv.gz')], dataset: 'eu' });
    app = buildApp({ store, matcher: await buildMatcher(store) });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('answers a yente /match query across scripts with explained, ranked results', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/match/default?limit=3',
      payload: {
        queries: {
          kz: { schema: 'Company', properties: { name: ['ТОО «Элем Групп»'], country: ['kz'] } },
          id: { schema: 'Company', properties: { name: ['Unknown Trading'], registrationNumber: ['220340015717'] } },
          none: { schema: 'Person', properties: { name: ['Ingeborg Abrahamsen'], birthDate: ['1972-11-21'] } },
        },
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const kz = body.responses.kz.results[0];
    expect(kz).toMatchObject({ id: 'eu-32014r0833-iv-606', caption: 'TOO Elem Group', match: true });
    expect(kz.score).toBeGreaterThan(0.85);
    expect(kz.explanations.name.detail).toMatch(/элем/);
    expect(kz.explanations.country.detail).toMatch(/KZ/);
    expect(body.responses.id.results[0].id).toBe('eu-32014r0833-iv-606');
    expect(body.responses.id.results[0].features.identifier_match).toBe(1);
    expect(body.responses.none.results.filter((r: { match: boolean }) => r.match)).toEqual([]);
  });

  it('searches names typed with a typo', async () => {
    const res = await app.inject({ method: 'GET', url: '/search/un?q=Kim%20Jong%20Unn&limit=5' });
    expect(res.statusCode).toBe(200);
    expect(res.json().results.length).toBeGreaterThan(0);
    expect(res.json().results.every((r: { datasets: string[] }) => r.datasets.includes('un'))).toBe(true);
  });
});
