import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { ingest } from '../../src/ingest/ingest.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { buildMatcher, QueryError, type ScreeningEngine } from '../../src/screening/engine.js';
import { namesOf } from '../../src/screening/names-of.js';
import { scorePair } from '../../src/screening/score.js';
import { LISTS, rawText, tempDir, writeTemp } from '../helpers.js';

// The EU annexes (Reg. 269/2014 persons and entities, 833/2014 Annex IV intermediaries) and the
// OpenSanctions FtM extract, as the store holds them after ingest.
describe('screening engine on real list entries', () => {
  let store: DuckDbStore;
  let engine: ScreeningEngine;
  const dir = tempDir();
  const opts = { limit: 5, threshold: 0.7 };

  beforeAll(async () => {
    store = await DuckDbStore.open(path.join(dir, 'screen.duckdb'));
    await ingest(store, { format: 'eu-csv', inputs: [path.join(LISTS, 'eu')], dataset: 'eu' });
    await ingest(store, { format: 'ftm', inputs: [path.join(LISTS, 'ftm', 'zala_entities.ftm.json.gz')], dataset: 'zala', version: 'v1' });
    engine = await buildMatcher(store);
  });
  afterAll(async () => store.close());

  it('finds a person listed in Latin from a Cyrillic query, name reordered', () => {
    const [top] = engine.match({ schema: 'Person', properties: { name: ['Путин Владимир Владимирович'] } }, opts);
    expect(top?.entity.properties['name']?.join(' ')).toMatch(/PUTIN/i);
    expect(top?.match).toBe(true);
    const name = top!.explanations.find((e) => e.feature === 'name')!;
    expect(name.query).toEqual(['Путин Владимир Владимирович']);
    expect(name.detail).toMatch(/путин/);
  });

  it('finds a person listed in Latin from Korean, Japanese and Arabic spellings', () => {
    for (const query of ['블라디미르 푸틴', 'ウラジーミル・プーチン', 'فلاديمير بوتين', 'Президент Путин']) {
      const [top] = engine.match({ schema: 'Person', properties: { name: [query] } }, opts);
      expect(top?.entity.properties['name']?.join(' '), query).toMatch(/PUTIN/i);
      expect(top?.match, query).toBe(true);
    }
  });

  it('finds a Kazakh LLP written with its Cyrillic legal form and in quotes', () => {
    const results = engine.match({ schema: 'Company', properties: { name: ['ТОО «Элем Групп»'] } }, opts);
    expect(results[0]?.entity.id).toBe('eu-32014r0833-iv-606');
    expect(results[0]?.match).toBe(true);
  });

  it('lets evidence beyond the name lift a match above a bare-name match, and contradicting evidence lower it', () => {
    const bare = engine.match({ schema: 'Person', properties: { name: ['Vladimir Putin'] } }, opts)[0]!;
    const withDob = engine.match({ schema: 'Person', properties: { name: ['Vladimir Putin'], birthDate: ['1952-10-07'] } }, opts)[0]!;
    const wrongDob = engine.match({ schema: 'Person', properties: { name: ['Vladimir Putin'], birthDate: ['1990-01-01'] } }, opts)[0];
    expect(withDob.entity.id).toBe(bare.entity.id);
    expect(withDob.score).toBeGreaterThan(bare.score);
    expect(withDob.features['birth_date']).toBe(1);
    expect(wrongDob === undefined || wrongDob.score < bare.score).toBe(true);
    expect(bare.score).toBeLessThan(1);
  });

  it('surfaces a listed company by its BIN even under another name, and says so', () => {
    const [top] = engine.match({ schema: 'Company', properties: { name: ['Completely Different Name'], registrationNumber: ['2203 4001 5717'] } }, opts);
    expect(top?.entity.id).toBe('eu-32014r0833-iv-606');
    const id = top!.explanations.find((e) => e.feature === 'identifier_match')!;
    expect(id.candidate).toEqual(['220340015717']);
    expect(top!.score).toBeGreaterThanOrEqual(0.7);
  });

  it('does not match a name made of generic words only', () => {
    const results = engine.match({ schema: 'Company', properties: { name: ['International Trading Group LLC'] } }, opts);
    expect(results.filter((r) => r.match)).toEqual([]);
  });

  it('penalises a person against a company of the same name', () => {
    const company = scorePair({ schema: 'Company', properties: { name: ['Elem Group'] } }, { id: 'x', schema: 'Company', properties: { name: ['TOO Elem Group'] } });
    const person = scorePair({ schema: 'Person', properties: { name: ['Elem Group'] } }, { id: 'x', schema: 'Company', properties: { name: ['TOO Elem Group'] } });
    expect(person.score).toBeLessThan(company.score - 0.4);
    expect(person.features['schema_mismatch']).toBe(-1);
  });

  it('matches an organisation by its acronym, and explains it', () => {
    // both spellings are on the OFAC SDN list for the same entry
    const full = { id: 'x', schema: 'Organization', properties: { name: ['Islamic Revolutionary Guard Corps'] } };
    const hit = scorePair({ schema: 'Organization', properties: { name: ['IRGC'] } }, full);
    expect(hit.score).toBeGreaterThanOrEqual(0.7);
    expect(hit.explanations[0]!.detail).toMatch(/acronym/);
    expect(scorePair({ schema: 'Organization', properties: { name: ['IRGX'] } }, full).score).toBeLessThan(0.7);
    // with a place or a generic word beside it, but not with another specific word
    const pla = { id: 'y', schema: 'Organization', properties: { name: ['People’s Liberation Army'] } };
    expect(scorePair({ schema: 'Organization', properties: { name: ['PLA China'] } }, pla).score).toBeGreaterThanOrEqual(0.7);
    expect(scorePair({ schema: 'Organization', properties: { name: ['PLA Shenyang'] } }, pla).score).toBeLessThan(0.7);
    expect(scorePair({ schema: 'Person', properties: { name: ['IRGC'] } }, { ...full, schema: 'Person' }).score).toBeLessThan(0.7);
  });

  it('reads number words as numbers, and tells branches apart by what they add in parentheses', () => {
    const org = (name: string) => ({ id: 'x', schema: 'Company', properties: { name: [name] } });
    const q = (name: string) => ({ schema: 'Company', properties: { name: [name] } });
    expect(scorePair(q('Forty-Two Rivers Trading'), org('42 Rivers Trading')).score).toBeGreaterThanOrEqual(0.9);
    expect(scorePair(q('Forty-Two Rivers Trading'), org('43 Rivers Trading')).score).toBeLessThan(0.7);
    const branch = scorePair(q('VTB Bank (Europe) SE'), org('VTB Bank (Armenia) CJSC'));
    expect(branch.score).toBeLessThan(0.7);
    expect(branch.explanations[0]!.detail).toMatch(/parentheses differs/);
    expect(scorePair(q('VTB Bank (Europe) SE'), org('VTB Bank (Europe) Societas Europaea')).score).toBeGreaterThanOrEqual(0.7);
  });

  it('reads a name given two ways with a slash as two names, but not A/S or Import/Export', () => {
    const org = (name: string) => ({ id: 'x', schema: 'Organization', properties: { name: [name] } });
    const q = (name: string) => ({ schema: 'Organization', properties: { name: [name] } });
    const hit = scorePair(q('Al Qaeda'), org("Al-Qa'ida/Islamic Army"));
    expect(hit.score).toBeGreaterThanOrEqual(0.7);
    expect(hit.explanations[0]!.candidate).toEqual(["Al-Qa'ida"]);
    expect(scorePair(q('Islamic Army'), org("Al-Qa'ida/Islamic Army")).score).toBeGreaterThanOrEqual(0.7);
    expect(namesOf('Company', { name: ['Nordic Import/Export Ltd'] }).map((n) => n.analysed.original)).toEqual(['Nordic Import/Export Ltd']);
    expect(namesOf('Company', { name: ['Maersk Line A/S'] }).map((n) => n.analysed.original)).toEqual(['Maersk Line A/S']);
  });

  it('ignores ship-name prefixes (OFAC vessel ADRIAN DARYA 1), and shows a sister ship with its number apart', () => {
    const vessel = { id: 'x', schema: 'Vessel', properties: { name: ['ADRIAN DARYA 1'] } };
    const same = scorePair({ schema: 'Vessel', properties: { name: ['M/V Adrian Darya 1'] } }, vessel).score;
    expect(same).toBeGreaterThanOrEqual(0.88);
    // a series number is one difference: the sister ship is worth a look, below the ship itself, and the explanation says why
    const sister = scorePair({ schema: 'Vessel', properties: { name: ['MT Adrian Darya 2'] } }, vessel);
    expect(sister.score).toBeGreaterThanOrEqual(0.7);
    expect(sister.score).toBeLessThan(same - 0.05);
    expect(sister.explanations[0]!.detail).toContain('"2"↔"1" 0.00 (number)');
    // a number that is the name itself (a numbered plant) is not a series mark
    const plant = (name: string) => ({ id: 'p', schema: 'Company', properties: { name: [name] } });
    const company = (name: string) => ({ schema: 'Company', properties: { name: [name] } });
    expect(scorePair(company('123 Aviation Repair Plant'), plant('360 Aviation Repair Plant')).score).toBeLessThan(0.7);
    expect(scorePair(company('Aviation Repair Plant No. 123'), plant('Aviation Repair Plant No. 360')).score).toBeLessThan(0.7);
    expect(scorePair(company('Авиаремонтный завод № 123'), plant('Авиаремонтный завод № 360')).score).toBeLessThan(0.7);
  });

  it('applies dataset and entity filters and refuses unknown schemata', () => {
    const q = { schema: 'Person', properties: { name: ['Vladimir Putin'] } };
    const all = engine.match(q, opts);
    expect(all.length).toBeGreaterThan(0);
    expect(engine.match(q, { ...opts, datasets: ['zala'] }).every((r) => r.entity.datasets.includes('zala'))).toBe(true);
    expect(engine.match(q, { ...opts, excludeEntityIds: [all[0]!.entity.id] }).map((r) => r.entity.id)).not.toContain(all[0]!.entity.id);
    expect(() => engine.match({ schema: 'Persn', properties: { name: ['x y'] } }, opts)).toThrow(QueryError);
  });

  it('is deterministic', () => {
    const q = { schema: 'Company', properties: { name: ['Gazprom'] } };
    expect(engine.match(q, opts)).toEqual(engine.match(q, opts));
  });

  it('follows a new version of a dataset from its delta, without a rebuild', async () => {
    const lines = rawText('ftm/zala_entities.ftm.json.gz').split('\n').filter(Boolean);
    const persons = lines.map((l) => JSON.parse(l)).filter((e) => e.schema === 'Person');
    const gone = persons[0]!;
    const added = { id: 'test-new-llp', schema: 'Company', properties: { name: ['Zhetysu Trade Logistics LLP'], country: ['kz'] } };
    const next = [...lines.filter((l) => JSON.parse(l).id !== gone.id), JSON.stringify(added)].join('\n');
    await ingest(store, { format: 'ftm', inputs: [writeTemp(dir, 'zala2.json', next)], dataset: 'zala', version: 'v2' });
    const before = engine.index.size;
    expect(await engine.refresh(store)).toEqual({ updated: 1, removed: 1 });
    expect(engine.index.size).toBe(before);
    expect(engine.datasetVersions()['zala']).toBe('v2');
    expect(engine.match({ schema: 'Company', properties: { name: ['Жетысу Трейд Логистикс'] } }, opts)[0]?.entity.id).toBe('test-new-llp');
    expect(engine.getEntity(gone.id)).toBeUndefined();
  });
});

describe('screening engine candidates for names in other romanisations', () => {
  it('finds a person listed in pinyin from the Wade-Giles spelling of the name', async () => {
    const dir = tempDir();
    const store = await DuckDbStore.open(path.join(dir, 'wg.duckdb'));
    try {
      // an OFAC SDN entry as the OpenSanctions FtM export gives it
      const entity = { id: 'ofac-zhou', schema: 'Person', properties: { name: ['ZHOU, Zhenyong'], firstName: ['Zhenyong'], lastName: ['ZHOU'], topics: ['sanction'] } };
      const other = { id: 'ofac-other', schema: 'Person', properties: { name: ['ZHANG, Wei'], topics: ['sanction'] } };
      const file = writeTemp(dir, 'wg.ftm.json', `${JSON.stringify(entity)}\n${JSON.stringify(other)}\n`);
      await ingest(store, { format: 'ftm', inputs: [file], dataset: 'wg' });
      const engine = await buildMatcher(store);
      const [top] = engine.match({ schema: 'Person', properties: { name: ['Chou Chen-yung'] } }, { limit: 5, threshold: 0.7 });
      expect(top?.entity.id).toBe('ofac-zhou');
      expect(top?.match).toBe(true);
      expect(top!.explanations[0]!.detail).toMatch(/script/);
    } finally {
      await store.close();
    }
  });
});
