import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, INTER_TOBACCO, KUZMENKO, changedT1, loadT1Version, type Fixture } from './fixture.js';

const ENTITY_FIELDS = ['caption', 'datasets', 'first_seen', 'id', 'last_change', 'last_seen', 'properties', 'referents', 'schema', 'target'];
const SCORED_FIELDS = [...ENTITY_FIELDS, 'explanations', 'features', 'match', 'score'].sort();

function isIso(v: unknown): boolean {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v));
}

/** yente's EntityResponse, field by field. */
function expectEntityResponse(e: Record<string, unknown>) {
  expect(typeof e['id']).toBe('string');
  expect(typeof e['caption']).toBe('string');
  expect((e['caption'] as string).length).toBeGreaterThan(0);
  expect(typeof e['schema']).toBe('string');
  const props = e['properties'] as Record<string, unknown>;
  expect(props).toBeTypeOf('object');
  for (const values of Object.values(props)) {
    expect(Array.isArray(values)).toBe(true);
    for (const v of values as unknown[]) expect(typeof v).toBe('string');
  }
  expect(Array.isArray(e['datasets'])).toBe(true);
  expect(Array.isArray(e['referents'])).toBe(true);
  expect(typeof e['target']).toBe('boolean');
  expect(isIso(e['first_seen'])).toBe(true);
  expect(isIso(e['last_seen'])).toBe(true);
  expect(e['last_change'] === null || isIso(e['last_change'])).toBe(true);
}

describe('yente-compatible API', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await fixture();
  });
  afterAll(async () => f.close());

  const match = (body: unknown, query = '', dataset = 'default') =>
    f.app.inject({ method: 'POST', url: `/match/${dataset}${query ? `?${query}` : ''}`, payload: body as object });

  const kuzmenko = { schema: 'Person', properties: { name: ['Vitaly Yurievich KUZMENKO'], birthDate: ['1971-01-22'] } };

  it('POST /match answers in yente\'s EntityMatchResponse shape, field by field', async () => {
    const res = await match({
      queries: {
        q1: kuzmenko,
        q2: { schema: 'Organization', properties: { name: 'LLC “Inter Tobacco”', country: ['by'] } },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['x-batch-size']).toBe('2');
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['limit', 'matcher', 'responses']);
    expect(body.limit).toBe(5);
    expect(Object.keys(body.responses).sort()).toEqual(['q1', 'q2']);
    // matcher: yente's FeatureDocs
    expect(body.matcher['name_tokens']).toEqual({ description: expect.any(String), coefficient: 1, url: '/algorithms' });

    const q1 = body.responses.q1;
    expect(q1.status).toBe(200);
    expect(q1.total).toEqual({ value: q1.results.length, relation: expect.stringMatching(/^(eq|gte)$/) });
    expect(q1.query).toEqual(kuzmenko);
    expect(q1.query_fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(q1.log_id).toBeGreaterThan(0);
    expect(q1.suppressed).toEqual([]);
    expect(q1.results.length).toBeGreaterThan(0);
    expect(q1.results.length).toBeLessThanOrEqual(5);

    const top = q1.results[0];
    expect(Object.keys(top).sort()).toEqual(SCORED_FIELDS);
    expectEntityResponse(top);
    expect(top.id).toBe(KUZMENKO);
    expect(top.schema).toBe('Person');
    expect(top.caption).toBe('Vitalij Kuzmenko');
    expect(top.datasets).toEqual(['t1']);
    expect(top.properties.birthDate).toEqual(['1971-01-22']);
    expect(top.target).toBe(true);
    expect(top.score).toBe(1);
    expect(top.match).toBe(true);
    expect(top.features).toEqual({ name_tokens: 1, birth_date: 1 });
    expect(top.explanations).toEqual({
      name_tokens: {
        score: 1,
        detail: '"Vitaly Yurievich KUZMENKO" ~ "Vitaly Yurievich KUZMENKO"',
        query: 'Vitaly Yurievich KUZMENKO',
        candidate: 'Vitaly Yurievich KUZMENKO',
        weight: 1,
        method: 'Jaccard overlap of lower-cased tokens',
      },
      birth_date: {
        score: 1,
        detail: 'same birth date',
        query: '1971-01-22',
        candidate: '1971-01-22',
        weight: 0.2,
        method: 'exact date',
      },
    });
    for (const r of q1.results) expect(r.score).toBeLessThanOrEqual(top.score);

    const q2 = body.responses.q2;
    expect(q2.query).toEqual({ schema: 'Organization', properties: { name: ['LLC “Inter Tobacco”'], country: ['by'] } });
    expect(q2.results[0]).toMatchObject({ id: INTER_TOBACCO, score: 1, match: true, schema: 'Organization' });
  });

  it('takes limit, threshold, algorithm aliases and dataset filters', async () => {
    const q = { queries: { a: { schema: 'Person', properties: { name: ['Kuzmenko'] } } } };
    const one = (await match(q, 'limit=1')).json();
    expect(one.limit).toBe(1);
    expect(one.responses.a.results).toHaveLength(1);
    expect(one.responses.a.total.relation).toBe('gte');

    const low = (await match(q, 'threshold=0.1')).json().responses.a.results[0];
    const high = (await match(q, 'threshold=0.99')).json().responses.a.results[0];
    expect(low.id).toBe(high.id);
    expect(low.match).toBe(true);
    expect(high.match).toBe(false);

    for (const algorithm of ['logic-v1', 'logic-v2', 'best', 'test-tokens']) {
      expect((await match(q, `algorithm=${algorithm}`)).statusCode).toBe(200);
    }
    const bad = await match(q, 'algorithm=name-based');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/unknown algorithm "name-based"; use test-tokens/);

    const onlyUn = (await match(q, 'include_dataset=un')).json().responses.a.results;
    expect(onlyUn.every((r: { datasets: string[] }) => r.datasets.includes('un'))).toBe(true);
    const noT1 = (await match(q, 'exclude_dataset=t1&exclude_dataset=un')).json().responses.a.results;
    expect(noT1).toEqual([]);
    const byPath = (await match(q, '', 't1')).json().responses.a.results;
    expect(byPath.map((r: { id: string }) => r.id)).toEqual([KUZMENKO]);
    const excluded = (await match(q, `exclude_entity_ids=${KUZMENKO}`, 't1')).json().responses.a.results;
    expect(excluded).toEqual([]);
    const later = (await match(q, 'changed_since=2999-01-01', 't1')).json().responses.a.results;
    expect(later).toEqual([]);
    expect((await match(q, 'changed_since=2000-01-01', 't1')).json().responses.a.results).toHaveLength(1);
  });

  it('refuses bad requests with 4xx and a message in {detail}', async () => {
    const cases: Array<[unknown, string, number, RegExp]> = [
      [{ queries: { a: { schema: 'Spaceship', properties: { name: ['X Y'] } } } }, '', 400, /query "a": unknown schema "Spaceship"/],
      [{ queries: { a: { schema: 'Person', properties: { nome: ['Ivan Ivanov'] } } } }, '', 400, /unknown property "nome" of schema Person/],
      [{ queries: { a: { schema: 'Person', properties: { name: ['X'] } } } }, '', 400, /name value of one character/],
      [{ queries: { a: { schema: 'Person', properties: { name: ['N'.repeat(10_000)] } } } }, '', 400, /name value of 10,000 characters is longer than the limit of 1,000/],
      [{ queries: { a: { schema: 'Person', properties: { name: ['Ivan\u0000Ivanov'] } } } }, '', 400, /control character U\+0000/],
      [{ queries: { a: { schema: 'Person', properties: { name: ['Ivan Ivanov'], birthDate: ['1970-02-31'] } } } }, '', 400, /invalid date "1970-02-31" in birthDate/],
      [{ queries: { a: { schema: 'Person', properties: { name: ['  '] } } } }, '', 400, /no property values to screen/],
      [{ queries: {} }, '', 400, /No queries provided/],
      [{ queries: { a: { properties: { name: ['Ivan'] } } } }, '', 400, /must have required property 'schema'/],
      [{ nothing: true }, '', 400, /must have required property 'queries'/],
      [{ queries: { a: kuzmenko } }, 'limit=501', 400, /limit must be <= 500/],
      [{ queries: { a: kuzmenko } }, 'limit=0', 400, /limit must be >= 1/],
      [{ queries: { a: kuzmenko } }, 'threshold=2', 400, /threshold must be <= 1/],
      [{ queries: { a: kuzmenko } }, 'changed_since=yesterday', 400, /changed_since must match pattern/],
      [{ queries: { a: kuzmenko } }, 'include_dataset=nope', 400, /unknown dataset "nope"/],
    ];
    for (const [body, query, status, detail] of cases) {
      const res = await match(body, query);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80) + query).toBe(status);
      expect(res.json().detail, JSON.stringify(body).slice(0, 80)).toMatch(detail);
    }
    const unknown = await match({ queries: { a: kuzmenko } }, '', 'nope');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toMatch(/no dataset named "nope"; known: default, t1, un/);
  });

  it('enforces the batch and body size limits', async () => {
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, kuzmenko]));
    const tooMany = await match({ queries: many });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().detail).toMatch(/Too many queries in one batch \(limit: 100\); this request has 101/);
    const hundred = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`q${i}`, kuzmenko]));
    expect((await match({ queries: hundred })).statusCode).toBe(200);

    const huge = { queries: { a: { schema: 'Person', properties: { name: Array.from({ length: 90 }, () => 'N'.repeat(12_000)) } } } };
    const big = await match(huge);
    expect(big.statusCode).toBe(413);
    expect(big.json().detail).toMatch(/request body is larger than the limit of 1 MB/);

    const notJson = await f.app.inject({ method: 'POST', url: '/match/default', headers: { 'content-type': 'application/json' }, payload: '{"queries":' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toHaveProperty('detail');
  });

  it('GET /search answers in yente\'s SearchResponse shape', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/search/default?q=kuzmenko&limit=3' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['facets', 'limit', 'offset', 'results', 'total']);
    expect(body.limit).toBe(3);
    expect(body.offset).toBe(0);
    expect(body.total).toEqual({ value: body.results.length, relation: 'eq' });
    expect(body.results[0].id).toBe(KUZMENKO);
    for (const r of body.results) {
      expect(Object.keys(r).sort()).toEqual(ENTITY_FIELDS);
      expectEntityResponse(r);
    }
    expect(Object.keys(body.facets).sort()).toEqual(['countries', 'datasets', 'topics']);
    expect(body.facets.datasets).toEqual({ label: 'Data sources', values: [{ name: 't1', label: 't1', count: 1 }] });
    expect(body.facets.topics.values).toContainEqual({ name: 'sanction', label: 'sanction', count: 1 });

    const companies = (await f.app.inject({ method: 'GET', url: '/search/default?q=tobacco&schema=Person' })).json();
    expect(companies.results).toEqual([]);
    const orgs = (await f.app.inject({ method: 'GET', url: '/search/t1?q=tobacco&schema=Organization' })).json();
    expect(orgs.results.map((r: { id: string }) => r.id)).toEqual([INTER_TOBACCO]);

    expect((await f.app.inject({ method: 'GET', url: '/search/default' })).json().detail).toMatch(/must have required property 'q'/);
    expect((await f.app.inject({ method: 'GET', url: '/search/default?q=x&schema=Nope' })).json().detail).toBe('unknown schema "Nope"');
    expect((await f.app.inject({ method: 'GET', url: '/search/nope?q=x' })).statusCode).toBe(404);
    expect((await f.app.inject({ method: 'GET', url: `/search/default?q=${'a'.repeat(1001)}` })).statusCode).toBe(400);
  });

  it('GET /entities/{id} answers an EntityResponse, 404 JSON when unknown', async () => {
    const res = await f.app.inject({ method: 'GET', url: `/entities/${KUZMENKO}` });
    expect(res.statusCode).toBe(200);
    const e = res.json();
    expect(Object.keys(e).sort()).toEqual(ENTITY_FIELDS);
    expectEntityResponse(e);
    expect(e).toMatchObject({ id: KUZMENKO, schema: 'Person', caption: 'Vitalij Kuzmenko', datasets: ['t1'], target: true });
    expect(e.properties.taxNumber).toEqual(['366510784303']);
    expect(isIso(e.last_change)).toBe(true);
    // entities outside the index too (an address)
    const address = (await f.app.inject({ method: 'GET', url: '/entities/NK-2MQE6AmhAk4tqhENJAMUG9' })).json();
    expect(address).toMatchObject({ schema: 'Address', target: false });

    const missing = await f.app.inject({ method: 'GET', url: '/entities/NK-nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ detail: 'No such entity: "NK-nope"' });
  });

  it('GET /algorithms answers yente\'s AlgorithmResponse with our defaults', async () => {
    const body = (await f.app.inject({ method: 'GET', url: '/algorithms' })).json();
    expect(body.default).toBe('test-tokens');
    expect(body.best).toBe('test-tokens');
    expect(body.algorithms).toHaveLength(1);
    const a = body.algorithms[0];
    expect(a).toMatchObject({ name: 'test-tokens', version: '1', threshold: 0.7, aliases: ['logic-v1', 'logic-v2', 'best'] });
    expect(typeof a.description).toBe('string');
    expect(a.features).toEqual({});
    expect(a.docs).toMatchObject({ name: 'test-tokens', config: { threshold: { type: 'float', default: 0.7 } }, features: {} });
  });

  it('serves the OpenAPI 3 document and answers unknown routes with {detail}', async () => {
    const doc = (await f.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/algorithms', '/catalog', '/decisions', '/entities/{id}', '/log', '/match/{dataset}', '/screen', '/search/{dataset}']),
    );
    // sanctrace's own route families are documented too
    for (const prefix of ['/trade/', '/network/', '/flags']) expect(Object.keys(doc.paths).some((p) => p.startsWith(prefix)), prefix).toBe(true);
    const matchOp = doc.paths['/match/{dataset}'].post;
    expect(matchOp.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['dataset', 'limit', 'threshold', 'algorithm', 'include_dataset', 'exclude_dataset', 'exclude_entity_ids', 'changed_since']),
    );
    expect(matchOp.requestBody.content['application/json'].schema.required).toEqual(['queries']);
    expect(matchOp.responses['200']).toBeDefined();
    const missing = await f.app.inject({ method: 'GET', url: '/nothing/here?x=1' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ detail: 'no such route: GET /nothing/here' });
  });

  it('GET /catalog lists the loaded datasets with the versions the index holds, and notices a stale index', async () => {
    const body = (await f.app.inject({ method: 'GET', url: '/catalog' })).json();
    expect(Object.keys(body).sort()).toEqual(['current', 'datasets', 'index_stale', 'outdated']);
    expect(body.current).toEqual(['t1', 'un']);
    expect(body.outdated).toEqual([]);
    expect(body.index_stale).toBe(false);
    const t1 = body.datasets.find((d: { name: string }) => d.name === 't1');
    expect(t1).toEqual({
      name: 't1', title: 't1', summary: null, url: null, load: true, entities_url: null, version: 'a', index_version: 'a',
      index_current: true, children: [], format: 'ftm', loaded_at: expect.any(String), entity_count: 7, record_count: 7, versions: 1,
    });
    const all = body.datasets.find((d: { name: string }) => d.name === 'default');
    expect(all).toMatchObject({ children: ['t1', 'un'], index_current: true, load: true });

    await loadT1Version(f, 'b', changedT1(f.dir, KUZMENKO, (p) => p['name']!.push('Vitalii Kuzmenko')));
    const stale = (await f.app.inject({ method: 'GET', url: '/catalog' })).json();
    expect(stale).toMatchObject({ current: ['un'], outdated: ['t1'], index_stale: true });
    expect(stale.datasets.find((d: { name: string }) => d.name === 't1')).toMatchObject({ version: 'b', index_version: 'a', index_current: false });
    const app = await f.rebuild();
    expect((await app.inject({ method: 'GET', url: '/catalog' })).json()).toMatchObject({ current: ['t1', 'un'], index_stale: false });
  });
});
