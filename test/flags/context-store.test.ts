/**
 * The store reader of the rules' context (numbered values, three passes) against the plain one
 * (whole entities through Store.entities), on the synthetic world at a small scale with the real
 * lists its listed parties come from: the same parties, relations, lines and listed parties, and
 * the same flags.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, loadWorld } from '../../src/demo/world/build.js';
import { DEFAULT_CONFIG } from '../../src/flags/config.js';
import { CONTEXT_PROPS, loadContext, loadContextFromEntities, type ContextEntity, type FlagContext } from '../../src/flags/context.js';
import { evaluateRules } from '../../src/flags/evaluate.js';
import { bundledIngest, BUNDLED_LISTS } from '../../src/ingest/bundled.js';
import { ingest } from '../../src/ingest/ingest.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { tempDir } from '../helpers.js';

let store: DuckDbStore;
let read: FlagContext;
let plain: FlagContext;

beforeAll(async () => {
  const dir = tempDir('sanctrace-flags-context-');
  const world = await buildWorld({ seed: 1, scale: 0.03, outDir: path.join(dir, 'world') });
  store = await DuckDbStore.open(path.join(dir, 'world.duckdb'));
  const needed = new Set(world.truth.listed_parties.map((p) => p.list.dataset));
  for (const list of BUNDLED_LISTS.filter((l) => needed.has(l.dataset))) await ingest(store, bundledIngest(list));
  await loadWorld(store, world.dataFiles);
  const options = { config: DEFAULT_CONFIG, crossref: [], sanctionsDatasets: [] };
  read = await loadContext(store, options);
  plain = await loadContextFromEntities(store, options);
}, 600_000);

afterAll(async () => {
  await store?.close();
});

/** A party as the rules see it: the properties they read. */
function narrow(e: ContextEntity | undefined): unknown {
  if (!e) return undefined;
  const props: Record<string, string[]> = {};
  for (const p of Object.keys(e.properties).sort()) if (CONTEXT_PROPS.includes(p)) props[p] = e.properties[p]!;
  return { id: e.id, schema: e.schema, datasets: e.datasets, props };
}

describe('the store reader of the context', () => {
  it('reads the parties, addresses, identifications and sanctions the plain reader reads, in the same order', () => {
    expect(read.parties.size).toBeGreaterThan(1000);
    expect([...read.parties.values()].map(narrow)).toEqual([...plain.parties.values()].map(narrow));
    expect([...read.addresses.values()].map(narrow)).toEqual([...plain.addresses.values()].map(narrow));
    expect([...read.identifications.entries()].map(([k, v]) => [k, v.map(narrow)])).toEqual([...plain.identifications.entries()].map(([k, v]) => [k, v.map(narrow)]));
    expect([...read.sanctions.entries()].map(([k, v]) => [k, v.map(narrow)])).toEqual([...plain.sanctions.entries()].map(([k, v]) => [k, v.map(narrow)]));
    expect([...read.listed].sort()).toEqual([...plain.listed].sort());
    expect([...read.datasets.values()]).toEqual([...plain.datasets.values()]);
  });

  it('reads the same relations and customs lines', () => {
    expect(read.relations.length).toBeGreaterThan(1000);
    expect(read.relations).toEqual(plain.relations);
    expect(read.allShipments.length).toBeGreaterThan(1000);
    expect(read.allShipments).toEqual(plain.allShipments);
    expect(read.shipments).toEqual(plain.shipments);
    expect([...read.arrivals.entries()].map(([k, v]) => [k, v.id])).toEqual([...plain.arrivals.entries()].map(([k, v]) => [k, v.id]));
  });

  it('gives the same flags and coverage', () => {
    const a = evaluateRules(read);
    const b = evaluateRules(plain);
    expect(a.flags.length).toBeGreaterThan(100);
    expect(a.flags).toEqual(b.flags);
    expect(a.coverage).toEqual(b.coverage);
  });

  it('keeps a repeated list once: the same country, the same datasets', () => {
    const companies = [...read.parties.values()].filter((e) => e.schema === 'Company' && e.properties['country']?.length === 1);
    const first = companies[0]!;
    const twin = companies.find((e) => e !== first && e.properties['country']![0] === first.properties['country']![0])!;
    expect(twin).toBeDefined();
    expect(twin.properties['country']).toBe(first.properties['country']);
    expect(twin.datasets).toBe(first.datasets);
  });
});
