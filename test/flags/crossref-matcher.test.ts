/**
 * The cross-referencing matcher answers exactly as the screening engine: same results, scores
 * and explanations, for parties that share their names (screened as one group) and for parties
 * whose birth date, countries, gender or identifiers tell them apart — on the real OFAC SDN list.
 */
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossrefMatcher, sortKey, type CrossrefMatcher } from '../../src/flags/crossref-matcher.js';
import { crossref } from '../../src/flags/crossref.js';
import { ingest } from '../../src/ingest/ingest.js';
import { propertyType } from '../../src/model/ftm.js';
import { SCREENED_SCHEMATA } from '../../src/screening/index.js';
import type { MatchOptions, ScreeningQuery } from '../../src/screening/types.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { FlagTables } from '../../src/store/duckdb/flags.js';
import type { StoredEntity } from '../../src/store/store.js';
import { LISTS, tempDir } from '../helpers.js';

let dir: string;
let store: DuckDbStore;
let listed: StoredEntity[];
let matcher: CrossrefMatcher;

beforeAll(async () => {
  dir = tempDir('sanctrace-crossref-matcher-');
  store = await DuckDbStore.open(path.join(dir, 'x.duckdb'));
  await ingest(store, { format: 'ofac-csv', inputs: [path.join(LISTS, 'ofac')], dataset: 'us_ofac_sdn', version: '2024-05-03' });
  listed = [];
  for await (const e of store.entities({ datasets: ['us_ofac_sdn'], schemata: SCREENED_SCHEMATA })) listed.push(e);
  matcher = crossrefMatcher(listed, { us_ofac_sdn: '2024-05-03' });
}, 120_000);

afterAll(async () => {
  await store?.close();
});

const first = (e: StoredEntity, prop: string) => e.properties[prop]?.[0];

function identifierOf(e: StoredEntity): [string, string] | undefined {
  for (const [prop, values] of Object.entries(e.properties)) if (propertyType(e.schema, prop) === 'identifier' && values[0]) return [prop, values[0]];
  return undefined;
}

/**
 * Queries around listed parties: the name alone, with the listed birth date or another, with a
 * country of theirs or another, with a listed identifier or an unknown one, with a name a letter
 * short — parties named alike that the features must tell apart.
 */
function queriesAround(entities: StoredEntity[]): ScreeningQuery[] {
  const out: ScreeningQuery[] = [];
  for (const e of entities) {
    const name = first(e, 'name');
    if (!name) continue;
    const schema = e.schema === 'Person' ? 'Person' : 'Company';
    const q = (extra: Record<string, string[]> = {}, n = name): ScreeningQuery => ({ schema, properties: { name: [n], ...extra } });
    out.push(q());
    const birth = first(e, 'birthDate');
    if (birth) out.push(q({ birthDate: [birth] }), q({ birthDate: ['1901-02-03'] }), q({ birthDate: [birth.slice(0, 4)], gender: ['female'] }));
    const country = first(e, 'country') ?? first(e, 'nationality');
    if (country) out.push(q({ country: [country] }), q({ country: ['zz'] }), q({ nationality: [country], birthDate: ['1950'] }));
    const id = identifierOf(e);
    if (id) out.push(q({ [id[0]]: [id[1]] }), q({ registrationNumber: [id[1]], country: ['zz'] }));
    out.push(q({ registrationNumber: ['SYNTH-0000-1234567'] }), q({ taxNumber: ['7700000000123'], country: ['ru'] }));
    if (name.length > 8) out.push(q({}, name.slice(0, 4) + name.slice(5)), q({ birthDate: ['1970-01-01'] }, name.slice(0, 4) + name.slice(5)));
  }
  // as cross-referencing sends them: parties with the same names one after the other
  return out.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}

describe('the cross-referencing matcher', () => {
  it('gives the results, scores and explanations of the screening engine', () => {
    // every 60th listed party of each kind, so that people with birth dates and companies with numbers are both there
    const people = listed.filter((e) => e.schema === 'Person').filter((_, i) => i % 60 === 0);
    const others = listed.filter((e) => e.schema !== 'Person').filter((_, i) => i % 60 === 0);
    const queries = queriesAround([...people, ...others]);
    expect(queries.length).toBeGreaterThan(1000);
    const settings: MatchOptions[] = [
      { limit: 3, threshold: 0.7, cutoff: 0.7, datasets: ['us_ofac_sdn'] },
      { limit: 1, threshold: 0.8, cutoff: 0.6 },
    ];
    let matched = 0;
    for (const options of settings) {
      for (const q of queries) {
        const expected = matcher.engine.match(q, options);
        expect(JSON.stringify(matcher.match(q, options))).toBe(JSON.stringify(expected));
        if (expected.length) matched++;
      }
    }
    // the queries reach both sides of the cutoff, and the groups were shared and pruned
    expect(matched).toBeGreaterThan(queries.length / 2);
    expect(matched).toBeLessThan(settings.length * queries.length);
    expect(matcher.stats.shared).toBeGreaterThan(queries.length);
    expect(matcher.stats.scored).toBeLessThan(matcher.stats.queries * 5);
  });

  it('tells apart parties with the same name by birth date and country in cross-referencing', async () => {
    const person = listed.find((e) => e.schema === 'Person' && first(e, 'birthDate')?.length === 10 && first(e, 'nationality'))!;
    const name = first(person, 'name')!;
    const born = first(person, 'birthDate')!;
    const lines: Array<{ id: string; schema: string; properties: Record<string, string[]> }> = [
      { id: 'same-person', schema: 'Person', properties: { name: [name], birthDate: [born], nationality: [first(person, 'nationality')!] } },
      { id: 'namesake-1', schema: 'Person', properties: { name: [name], birthDate: ['1901-02-03'], nationality: ['zz'] } },
      { id: 'namesake-2', schema: 'Person', properties: { name: [name], birthDate: ['1901-02-03'], gender: ['female'] } },
      { id: 'namesake-3', schema: 'Person', properties: { name: [name] } },
    ];
    const file = path.join(dir, 'registry.ftm.json');
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    await ingest(store, { format: 'ftm', inputs: [file], dataset: 'registry', version: 'a' });
    await crossref(store, { workers: 1 });
    const links = await (await FlagTables.of(store)).crossrefLinks();
    const options: MatchOptions = { limit: 3, threshold: 0.7, cutoff: 0.7, datasets: ['us_ofac_sdn'] };
    for (const l of lines) {
      const expected = matcher.engine.match({ schema: l.schema, properties: l.properties }, options);
      const got = links.filter((x) => x.subject_id === `registry-${l.id}` || x.subject_id === l.id);
      expect(got.map((x) => [x.listed_id, x.score]).sort()).toEqual(expected.map((r) => [r.entity.id, r.score]).sort());
    }
    const linked = new Set(links.map((x) => x.subject_id));
    expect([...linked].some((id) => id.endsWith('same-person'))).toBe(true);
    expect([...linked].some((id) => id.endsWith('namesake-1'))).toBe(false);
  }, 120_000);
});
