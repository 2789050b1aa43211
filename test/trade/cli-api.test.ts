/** The trade commands of the CLI and the /trade routes of the HTTP API, on a small hand-made table. */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import type { Matcher } from '../../src/screening/types.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { ingestTrade } from '../../src/trade/ingest.js';
import { cli } from '../cli-run.js';
import { LISTS, tempDir, writeTemp } from '../helpers.js';
import { before_after, cn8Csv } from './helpers.js';

const TABLE = cn8Csv([
  ...before_after('85423190', 'Germany', 'Kyrgyzstan', 100_000, 400_000),
  ...before_after('85444290', 'Germany', 'Kyrgyzstan', 100_000, 120_000),
  ...before_after('85423190', 'Germany', 'Armenia', 100_000, 150_000),
  ...before_after('85444290', 'Germany', 'Armenia', 100_000, 100_000),
  ...before_after('85423190', 'Germany', 'Russian Federation (Russia)', 2_000_000, 200_000),
  ...before_after('88022000', 'France', 'Kyrgyzstan', 10_000, 0).filter((r) => r[3] < '2022'),
  ...before_after('88062210', 'France', 'Kyrgyzstan', 0, 50_000).filter((r) => r[3] >= '2022'),
]);

describe('sanctrace ingest / hubs / flows', () => {
  const dir = tempDir('sanctrace-trade-cli-');
  const db = path.join(dir, 'cli.duckdb');
  const file = writeTemp(dir, 'table.csv', TABLE);
  afterEach(() => vi.restoreAllMocks());

  it('routes trade formats to the trade loader and lists the dataset', async () => {
    const out = await cli('--db', db, 'ingest', 'eurostat-cn8', file, '--dataset', 'eu', '--version', 'v1');
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout).toMatch(/eu: loaded trade version v1 — 108 lines read, 108 flows stored \(2021-03 … 2022-11, EUR, CN2021, CN2022\)/);
    const again = await cli('--db', db, 'ingest', 'eurostat-cn8', file, '--dataset', 'eu');
    expect(again.stdout).toMatch(/unchanged since version v1/);
    const listed = JSON.parse((await cli('--db', db, 'datasets', '--format', 'json')).stdout);
    expect(listed).toEqual([expect.objectContaining({ name: 'eu', version: 'v1', records: 108 })]);
    // an entity format still goes to the entity loader, beside the trade dataset
    const zala = await cli('--db', db, 'ingest', 'ftm', path.join(LISTS, 'ftm', 'zala_entities.ftm.json.gz'), '--dataset', 'zala');
    expect(zala.stdout).toMatch(/zala: loaded version .* 91 entities/);
  });

  it('prints hubs as JSON, CSV and text with their drivers and method', async () => {
    const json = await cli('--db', db, 'hubs', '--goods', 'chpl', '--format', 'json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.countries.map((c: { country: string; rank: number | null }) => [c.country, c.rank])).toEqual([['KG', 1], ['AM', 2], ['RU', null]]);
    expect(report.countries[0]).toMatchObject({ baseline_value: 900_000, period_value: 3_600_000, growth: 3, currency: 'EUR' });
    expect(report.countries[0].drivers[0]).toMatchObject({ code: '854231', chpl_tier: 'TIER_1', baseline: 900_000, period: 3_600_000, russia: { growth: -0.9 } });
    expect(report.method.steps.length).toBeGreaterThan(3);

    const csv = await cli('--db', db, 'hubs', '--goods', 'chpl', '--format', 'csv');
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('rank,country,name,score,baseline_value,period_value,growth,currency,did,substitution,driver_code,driver_description,driver_chpl_tier,driver_baseline,driver_period,driver_growth,driver_russia_baseline,driver_russia_period');
    expect(lines[1]).toMatch(/^1,KG,Kyrgyzstan,/);

    const text = await cli('--db', db, 'hubs', '--goods', 'drones', '--baseline', '2021-03..2021-11', '--period', '2022-03..2022-11');
    expect(text.stdout).toMatch(/1\. Kyrgyzstan \(KG\): 90,000 → 450,000 EUR \(\+400%\)/);
    expect(text.stdout).toMatch(/880211\+880220\+8806/);
    expect(text.stdout).toMatch(/Method: /);
  });

  it('prints a flows time series as CSV and JSON', async () => {
    const csv = await cli('--db', db, 'flows', '--reporter', 'DE', '--partner', 'KG', '--code', '8542', '--monthly', '--format', 'csv');
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('period,months,currency,value,net_weight_kg,rows');
    expect(lines[1]).toBe('2021-03,1,EUR,100000,,1');
    expect(lines).toHaveLength(19);
    const json = JSON.parse((await cli('--db', db, 'flows', '--partner', 'Kyrgyzstan', '--code', '8806', '--format', 'json')).stdout);
    expect(json.series.map((s: { period: string; value: number }) => [s.period, s.value])).toEqual([['2021', 90_000], ['2022', 450_000]]);
  });

  it('answers bad usage with exit code 2 and bad input with exit code 1', async () => {
    expect((await cli('--db', db, 'hubs', '--goods', 'chips')).code).toBe(2);
    const half = await cli('--db', db, 'hubs', '--baseline', '2021');
    expect(half.code).toBe(2);
    expect(half.stderr).toMatch(/give both --baseline and --period/);
    expect((await cli('--db', db, 'flows', '--reporter', 'Narnia')).code).toBe(2);
    const bad = writeTemp(dir, 'bad.csv', 'cn8,product,flow,reporter,partner,period,value_eur\n85423190,x,EXPORT,Germany,Atlantis,2022-03,1\n');
    const failed = await cli('--db', db, 'ingest', 'eurostat-cn8', bad, '--dataset', 'bad');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/bad\.csv:2: unknown partner in column partner: "Atlantis"/);
    const empty = path.join(dir, 'empty.duckdb');
    const none = await cli('--db', empty, 'hubs');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no trade datasets in the store/);
  });
});

describe('GET /trade/…', () => {
  let store: DuckDbStore;
  let app: FastifyInstance;
  beforeAll(async () => {
    const dir = tempDir('sanctrace-trade-api-');
    store = await DuckDbStore.open(path.join(dir, 'api.duckdb'));
    await ingestTrade(store, { format: 'eurostat-cn8', inputs: [writeTemp(dir, 'table.csv', TABLE)], dataset: 'eu', version: 'v1' });
    const matcher = { algorithm: { name: 'none', version: '0' }, datasetVersions: () => ({}) } as unknown as Matcher;
    app = buildApp({ store, matcher, audit: { enabled: false } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('ranks hubs with drivers and monthly series for charts', async () => {
    const res = await app.inject({ method: 'GET', url: '/trade/hubs?goods=chpl&drivers=2' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.countries[0]).toMatchObject({ country: 'KG', rank: 1, growth: 3 });
    expect(body.countries[0].drivers).toHaveLength(1);
    expect(body.countries[0].months).toHaveLength(18);
    expect(body.countries[0].months[0]).toEqual({ month: '2021-03', window: 'baseline', value: 100_000 });
    expect(body.method.summary).toMatch(/ranked/);
  });

  it('serves flows, goods and datasets, and answers bad parameters with 400', async () => {
    const flows = await app.inject({ method: 'GET', url: '/trade/flows?reporter=DE&partner=RU&code=854231&monthly=true' });
    expect(flows.statusCode).toBe(200);
    expect(flows.json().series).toHaveLength(18);
    const goods = await app.inject({ method: 'GET', url: '/trade/goods?set=chpl:tier1' });
    expect(goods.json().codes.map((c: { code: string }) => c.code)).toEqual(['854231', '854232', '854233', '854239']);
    const drones = await app.inject({ method: 'GET', url: '/trade/goods?set=drones' });
    expect(drones.json().bridge.map((b: { series: string }) => b.series)).toContain('light-aircraft-drones');
    const datasets = await app.inject({ method: 'GET', url: '/trade/datasets' });
    expect(datasets.json()).toEqual([expect.objectContaining({ name: 'eu', rows: 108, currencies: ['EUR'], first_period: '2021-03', last_period: '2022-11' })]);
    const bad = await app.inject({ method: 'GET', url: '/trade/hubs?goods=chips' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/neither a set name/);
    expect((await app.inject({ method: 'GET', url: '/trade/hubs?dataset=nope' })).statusCode).toBe(400);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const route of ['/trade/hubs', '/trade/flows', '/trade/goods', '/trade/datasets']) expect(doc.paths[route]?.get?.tags).toEqual(['Trade']);
  });
});
