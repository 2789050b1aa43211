import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWorld, loadWorld, type BuildResult } from '../../src/demo/world/build.js';
import { listedNameGuard } from '../../src/demo/world/listed-names.js';
import { listedPartyNames } from '../../src/demo/world/listed.js';
import { DATASET, entityId } from '../../src/demo/world/ids.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';
import { WorldFiles, smallWorld } from './fixture.js';

describe('synthetic world loaded through the mapping', () => {
  let built: BuildResult;
  let store: Store;

  beforeAll(async () => {
    built = await smallWorld(11);
    store = await openStore(path.join(tempDir(), 'world.duckdb'));
    const result = await loadWorld(store, built.dataFiles);
    expect(result.status).toBe('loaded');
    expect(result.report.toJSON()).not.toHaveProperty('unusable.rejected row');
  }, 180_000);
  afterAll(async () => store?.close());

  it('loads all files as one version of dataset demo-synthetic, and a second load of the same files loads nothing', async () => {
    const versions = await store.versions(DATASET);
    expect(versions).toHaveLength(1);
    const w = new WorldFiles(built.outDir);
    // one record per row of every file
    const rows = [w.companies, w.people, w.ownership, w.directorships, w.family, w.parties, w.lines].reduce((n, r) => n + r.length, 0);
    expect(versions[0]!.records).toBe(rows);
    const again = await loadWorld(store, built.dataFiles);
    expect(again.status).toBe('unchanged');
  });

  it('holds every planted entity, tie and shipment of the truth under the id the truth gives, with the synthetic marker', async () => {
    const marker = built.truth.marker.value;
    let checked = 0;
    for (const s of [...built.truth.schemes, ...built.truth.decoys]) {
      for (const e of s.entities) {
        const stored = await store.getEntity(e.id);
        expect(stored, `${s.id} ${e.role} ${e.source_key}`).toBeDefined();
        expect(stored!.schema).toBe(e.schema);
        expect(stored!.properties['name']).toContain(e.name);
        expect(stored!.properties['publisher']).toEqual([marker]);
        expect(stored!.datasets).toEqual([DATASET]);
        checked++;
      }
      for (const t of s.links) {
        const stored = await store.getEntity(t.id);
        expect(stored, `${s.id} ${t.schema} ${t.source_key}`).toBeDefined();
        expect(stored!.schema).toBe(t.schema);
        const ends = Object.values(stored!.properties).flat();
        expect(ends).toContain(t.from);
        expect(ends).toContain(t.to);
        checked++;
      }
      for (const id of s.shipments) {
        const line = await store.getEntity(id);
        expect(line?.schema, `${s.id} ${id}`).toBe('EconomicActivity');
        expect(line!.properties['publisher']).toEqual([marker]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('keeps the customs facts of a line: parties, HS code, quantity, value, dates and route', async () => {
    const s02 = built.truth.schemes.find((s) => s.kind === 'family-pass-through')!;
    const w = new WorldFiles(built.outDir);
    const row = w.linesOf(s02.shipment_keys).find((l) => l['quantity'] === '2598')!;
    const line = (await store.getEntity(entityId('line', row['line_key']!)))!;
    expect(line.properties).toMatchObject({
      sender: [entityId('party', row['exporter_key']!)],
      receiver: [entityId('party', row['importer_key']!)],
      hsCode: ['854231'],
      quantity: ['2598'],
      quantityUnit: ['pcs'],
      currency: ['USD'],
      date: ['2022-09-06'],
      departureCountry: ['de'],
      destinationCountry: ['kz'],
      directionOfTransportation: ['import'],
    });
    expect(Number(line.properties['value']![0])).toBeCloseTo(Number(row['value']), 2);
  });

  it('gives a firm of a Cyrillic registry its Latin customs spellings as further names', async () => {
    const w = new WorldFiles(built.outDir);
    const party = w.parties.find((p) => /[\u0400-\u04ff]/.test(w.company.get(p['party_key']!)!['name']!))!;
    const company = (await store.getEntity(entityId('party', party['party_key']!)))!;
    expect(company.properties['name']).toEqual(expect.arrayContaining([w.company.get(party['party_key']!)!['name'], party['name']]));
  });

  it('links the successor to its listed predecessor with a Succession', async () => {
    const s04 = built.truth.schemes.find((s) => s.kind === 'phoenix-successor')!;
    const succession = s04.links.find((l) => l.schema === 'Succession')!;
    const stored = (await store.getEntity(succession.id))!;
    expect(stored.properties['predecessor']).toEqual([s04.entities.find((e) => e.role === 'predecessor')!.id]);
    expect(stored.properties['successor']).toEqual([s04.entities.find((e) => e.role === 'successor')!.id]);
  });

  it('ensureWorld builds a missing world once, then reuses the folder and loads nothing new', async () => {
    const outDir = path.join(tempDir(), 'demo-world');
    const own = await openStore(path.join(tempDir(), 'ensure.duckdb'));
    try {
      const guard = await listedNameGuard(listedPartyNames());
      const first = await ensureWorld(own, { seed: 4, scale: 0.02, outDir, guard });
      expect(first).toMatchObject({ built: true, load: { status: 'loaded' } });
      const again = await ensureWorld(own, { seed: 4, scale: 0.02, outDir, guard });
      expect(again).toMatchObject({ built: false, load: { status: 'unchanged' } });
      expect(again.truth).toEqual(first.truth);
      const other = await ensureWorld(own, { seed: 5, scale: 0.02, outDir, guard });
      expect(other).toMatchObject({ built: true, load: { status: 'loaded' } });
      expect(await own.versions(DATASET)).toHaveLength(2);
    } finally {
      await own.close();
    }
  }, 120_000);
});
