/**
 * The flag job end to end on a store: the real OFAC SDN list, a small hand-made registry and
 * customs extract (invented names) whose buyer is a real listed Kyrgyz firm, cross-referencing,
 * the rules, the ranking, the worklist, the CLI and the HTTP routes.
 */
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_CONFIG } from '../../src/flags/config.js';
import { crossref } from '../../src/flags/crossref.js';
import { runFlagJob } from '../../src/flags/job.js';
import { ingest } from '../../src/ingest/ingest.js';
import { buildApp } from '../../src/server/app.js';
import { TokenMatcher } from '../fixtures/matcher-tokens.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { FlagTables } from '../../src/store/duckdb/flags.js';
import { LISTS, tempDir } from '../helpers.js';
import { binOf } from './ids.js';

const e = (id: string, schema: string, properties: Record<string, string[]>, extensions?: Record<string, string[]>) =>
  JSON.stringify(extensions ? { id, schema, properties, extensions } : { id, schema, properties });

function registry(dir: string): string {
  const bin = binOf('2204');
  const lines = [
    e('kz-hub', 'Company', { name: ['ТОО «Тенгри Чип Трейд»'], country: ['kz'], registrationNumber: [bin], classification: ['46.31 Wholesale of fruit and vegetables'], address: ['Abay Ave 150, apt 12, Almaty'] }),
    e('kz-owner', 'Person', { name: ['Ivan Sergeevich Orlov'], nationality: ['ru'] }),
    e('kz-own', 'Ownership', { owner: ['kz-owner'], asset: ['kz-hub'], percentage: ['100'], startDate: ['2022-04-20'] }),
    e('kg-rm', 'Company', { name: ['RM Design and Development LLC'], country: ['kg'], taxNumber: ['01703202210110'] }),
    e('de-supplier', 'Company', { name: ['Rheinau Elektronik GmbH'], country: ['de'], incorporationDate: ['2004-05-01'], classification: ['46.52'] }),
    e('de-other', 'Company', { name: ['Neckar Möbel GmbH'], country: ['de'], incorporationDate: ['1999-05-01'], classification: ['46.47'] }),
    e('l1', 'EconomicActivity', { sender: ['de-supplier'], receiver: ['kz-hub'], date: ['2022-09-06'] }, { hsCode: ['85423190'], quantity: ['2598'], quantityUnit: ['pcs'], value: ['31000'], currency: ['EUR'] }),
    e('l2', 'EconomicActivity', { sender: ['kz-hub'], receiver: ['kg-rm'], date: ['2022-09-25'], destinationCountry: ['kg'] }, { hsCode: ['854231'], quantity: ['2598'], quantityUnit: ['pcs'], value: ['36000'], currency: ['EUR'] }),
    e('l3', 'EconomicActivity', { sender: ['de-other'], receiver: ['kz-hub'], date: ['2021-03-01'] }, { hsCode: ['940360'], quantity: ['20'], value: ['9000'], currency: ['EUR'] }),
  ];
  const file = path.join(dir, 'registry.ftm.json');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

let dir: string;
let store: DuckDbStore;
let app: FastifyInstance;

beforeAll(async () => {
  dir = tempDir('sanctrace-flags-');
  store = await DuckDbStore.open(path.join(dir, 'flags.duckdb'));
  await ingest(store, { format: 'ofac-csv', inputs: [path.join(LISTS, 'ofac')], dataset: 'us_ofac_sdn', version: '2024-05-03' });
  await ingest(store, { format: 'ftm', inputs: [registry(dir)], dataset: 'kz-registry', version: 'a' });
  // the app as `serve` builds it (app.ts registers the flag routes)
  app = buildApp({ store, matcher: await TokenMatcher.fromStore(store), audit: { enabled: false } });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await store?.close();
});

describe('cross-referencing', () => {
  it('links the registry copy of a listed Kyrgyz firm to its SDN entry with the explanation, and nothing else', async () => {
    const summary = await crossref(store, { workers: 1 });
    expect(summary.mode).toBe('full');
    expect(summary.lists).toEqual({ us_ofac_sdn: '2024-05-03' });
    expect(summary.subjects).toBe(5);
    const links = await (await FlagTables.of(store)).crossrefLinks();
    const rm = links.filter((l) => l.subject_id === 'kg-rm');
    expect(rm[0]).toMatchObject({ listed_caption: 'LLC RM DESIGN AND DEVELOPMENT', match: true });
    expect(rm[0]!.score).toBeGreaterThanOrEqual(0.9);
    expect(JSON.stringify(rm[0]!.explanations)).toContain('01703202210110');
    expect(links.filter((l) => l.subject_id === 'de-other')).toEqual([]);
  });

  it('screens nothing again when nothing changed, and only the changed party after a new version', async () => {
    expect((await crossref(store, { workers: 1 })).mode).toBe('unchanged');
    const file = registry(dir);
    const text = (await import('node:fs')).readFileSync(file, 'utf8').replace('Neckar Möbel GmbH', 'Neckar Moebel GmbH');
    writeFileSync(file, text);
    await ingest(store, { format: 'ftm', inputs: [file], dataset: 'kz-registry', version: 'b' });
    const again = await crossref(store, { workers: 1 });
    expect(again.mode).toBe('incremental');
    expect(again.screened).toBe(1);
    expect((await (await FlagTables.of(store)).crossrefLinks()).some((l) => l.subject_id === 'kg-rm')).toBe(true);
  });
});

describe('the flag job', () => {
  it('flags and ranks the hub firm first, with each term of its score', async () => {
    const run = await runFlagJob(store, { config: DEFAULT_CONFIG });
    expect(run.reused).toBe(false);
    const tables = await FlagTables.of(store);
    const { entities, total } = await tables.worklist({ limit: 10 });
    expect(total).toBeGreaterThanOrEqual(3);
    const top = entities[0]!;
    expect(top.entity_id).toBe('kz-hub');
    const codes = top.terms.map((t) => t.code);
    expect(codes).toEqual(expect.arrayContaining(['RF01', 'RF02', 'RF04', 'RF06', 'RF07', 'RF08', 'RF13', 'RF17']));
    const sum = top.terms.reduce((t, x) => t + x.contribution, 0);
    expect(top.score).toBeCloseTo(sum, 2);
    const rf07 = (await tables.flagsOf(['kz-hub'])).find((f) => f.code === 'RF07');
    expect(rf07?.summary).toContain('LLC RM DESIGN AND DEVELOPMENT');
    // listed parties stay out of the worklist unless asked for
    expect(entities.some((x) => x.datasets.includes('us_ofac_sdn') && x.list_only)).toBe(false);
    const routes = await tables.routes('kz-hub');
    expect(routes[0]).toMatchObject({ supplier: 'de-supplier', intermediary: 'kz-hub', buyer: 'kg-rm' });
  });

  it('flags real SDN entries established after the invasion in a hub (RF01 and RF02), the date as evidence', async () => {
    const tables = await FlagTables.of(store);
    const { entities } = await tables.worklist({ datasets: ['us_ofac_sdn'], codes: ['RF01'], country: 'KG', limit: 500 });
    const rm = entities.find((x) => x.caption === 'LLC RM DESIGN AND DEVELOPMENT');
    expect(rm).toBeDefined();
    const flags = await tables.flagsOf([rm!.entity_id]);
    const rf01 = flags.find((f) => f.code === 'RF01')!;
    expect(rf01.evidence[0]).toMatchObject({ kind: 'statement', value: '2022-03-17' });
    expect(rf01.summary).toContain('Kyrgyzstan');
    expect(flags.map((f) => f.code)).toContain('RF02');
    // every KG entry the list dates on or after the invasion is flagged
    expect(entities.length).toBeGreaterThanOrEqual(4);
  });

  it('reuses the run when nothing changed, and reports rules without the data they need', async () => {
    const again = await runFlagJob(store, { config: DEFAULT_CONFIG });
    expect(again.reused).toBe(true);
    expect(again.coverage).toContainEqual(expect.objectContaining({ code: 'RF16', dataset: 'kz-registry', status: 'not_evaluated' }));
  });
});

describe('HTTP routes', () => {
  it('GET /flags pages the worklist with flags and filters', async () => {
    const res = await app.inject({ method: 'GET', url: '/flags?top=2&code=RF04' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.entities[0].entity_id).toBe('kz-hub');
    expect(body.entities[0].flags.some((f: { code: string }) => f.code === 'RF04')).toBe(true);
    expect(body.entities.every((r: { flags: Array<{ code: string }> }) => r.flags.some((f) => f.code === 'RF04'))).toBe(true);
    const bad = await app.inject({ method: 'GET', url: '/flags?limit=0' });
    expect(bad.statusCode).toBe(400);
  });

  it('GET /flags/:id explains one party; unknown ids are 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/flags/kz-hub' });
    expect(res.statusCode).toBe(200);
    expect(res.json().score.terms[0].contribution).toBeGreaterThan(0);
    expect((await app.inject({ method: 'GET', url: '/flags/no-such-id' })).statusCode).toBe(404);
  });

  it('POST /flags/:id/review marks a party reviewed; reviewed=false leaves it out', async () => {
    const res = await app.inject({ method: 'POST', url: '/flags/kz-hub/review', payload: { reviewer: 'analyst', note: 'checked the BIN' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ entity_id: 'kz-hub', status: 'reviewed', note: 'checked the BIN', reviewer: 'analyst' });
    const list = (await app.inject({ method: 'GET', url: '/flags?reviewed=false&limit=50' })).json();
    expect(list.entities.some((r: { entity_id: string }) => r.entity_id === 'kz-hub')).toBe(false);
    const one = (await app.inject({ method: 'GET', url: '/flags/kz-hub' })).json();
    expect(one.reviews).toHaveLength(1);
    expect((await app.inject({ method: 'POST', url: '/flags/kz-hub/review', payload: { note: 'x' } })).statusCode).toBe(400);
  });
});
