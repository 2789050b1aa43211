import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { ingest } from '../../src/ingest/ingest.js';
import { makeId } from '../../src/model/ids.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import type { Delta } from '../../src/store/store.js';
import { LISTS, rawText, tempDir } from '../helpers.js';

/** ent_nums of an OFAC legacy CSV, read straight from the raw text. */
function entNums(relative: string): Set<string> {
  return new Set([...rawText(relative, 'latin1').matchAll(/^(\d+),/gm)].map((m) => m[1]!));
}

const MAIN_SCHEMATA = new Set(['Person', 'Company', 'Organization', 'LegalEntity', 'Vessel', 'Airplane']);

describe('SDN delta from the day before the invasion to 2024-05-03', () => {
  let store: DuckDbStore;
  let delta: Delta;
  const before = entNums('ofac_2022/sdn_20220223.csv.gz');
  const after = entNums('ofac/sdn_20240503.csv.gz');

  beforeAll(async () => {
    store = await DuckDbStore.open(path.join(tempDir(), 'sdn.duckdb'));
    const first = await ingest(store, { format: 'ofac-csv', inputs: [path.join(LISTS, 'ofac_2022')], dataset: 'sdn' });
    expect(first.version).toMatchObject({ version: '2022-02-23', records: before.size });
    const second = await ingest(store, { format: 'ofac-csv', inputs: [path.join(LISTS, 'ofac')], dataset: 'sdn' });
    expect(second.version).toMatchObject({ version: '2024-05-03', records: after.size, seq: 2 });
    delta = await store.delta('sdn', '2022-02-23', '2024-05-03');
  });
  afterAll(async () => store.close());

  it('counts the listed parties added and removed exactly', () => {
    const added = [...after].filter((n) => !before.has(n));
    const removed = [...before].filter((n) => !after.has(n));
    expect(before.size).toBe(9121);
    expect(after.size).toBe(14965);
    const main = delta.entities.filter((e) => MAIN_SCHEMATA.has(e.schema));
    const ids = (kind: string) => main.filter((e) => e.change === kind).map((e) => e.id).sort();
    expect(ids('added')).toEqual(added.map((n) => makeId('sdn', n)).sort());
    expect(ids('removed')).toEqual(removed.map((n) => makeId('sdn', n)).sort());
    const bySchema = Object.entries(delta.bySchema).filter(([s]) => MAIN_SCHEMATA.has(s));
    expect(bySchema.reduce((n, [, c]) => n + c.added, 0)).toBe(added.length);
    expect(bySchema.reduce((n, [, c]) => n + c.removed, 0)).toBe(removed.length);
  });

  it('says which properties of a kept entry changed', () => {
    // Every entry kept across both lists whose programme list changed has a changed Sanction.
    const changed = delta.entities.filter((e) => e.change === 'changed' && e.schema === 'Sanction');
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.some((e) => e.properties?.some((p) => p.prop === 'program'))).toBe(true);
  });

  it('keeps the 2022 state of a removed entry as history', async () => {
    const gone = [...before].find((n) => !after.has(n))!;
    const statements = await store.statements(makeId('sdn', gone));
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.every((s) => s.lastVersion === '2022-02-23' && !s.current)).toBe(true);
  });
});
