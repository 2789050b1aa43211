/**
 * The synthetic world at a small scale against its ground truth: every planted scheme's entities
 * get the flags the truth expects, the defining flags cite the scheme's own evidence, the hub
 * intermediaries rank near the top, and the decoys do not raise what they must not.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, loadWorld, type BuildResult } from '../../src/demo/world/build.js';
import { DEFAULT_CONFIG } from '../../src/flags/config.js';
import { crossref } from '../../src/flags/crossref.js';
import { runFlagJob } from '../../src/flags/job.js';
import { checkAgainstTruth, type TruthCheck } from '../../src/flags/truth-check.js';
import { bundledIngest, BUNDLED_LISTS } from '../../src/ingest/bundled.js';
import { ingest } from '../../src/ingest/ingest.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { FlagTables } from '../../src/store/duckdb/flags.js';
import { tempDir } from '../helpers.js';

const SCALE = 0.05;
let store: DuckDbStore;
let world: BuildResult;
let check: TruthCheck;

beforeAll(async () => {
  const dir = tempDir('sanctrace-flags-world-');
  world = await buildWorld({ seed: 1, scale: SCALE, outDir: path.join(dir, 'world') });
  store = await DuckDbStore.open(path.join(dir, 'world.duckdb'));
  // the lists the planted listed parties come from (all bundled lists would only slow the test)
  const needed = new Set(world.truth.listed_parties.map((p) => p.list.dataset));
  for (const list of BUNDLED_LISTS.filter((l) => needed.has(l.dataset))) await ingest(store, bundledIngest(list));
  await loadWorld(store, world.dataFiles);
  await crossref(store, { workers: 1 });
  await runFlagJob(store, { config: DEFAULT_CONFIG });
  const tables = await FlagTables.of(store);
  const { entities } = await tables.worklist({ limit: 1000 });
  const ids = [...new Set([...entities.map((e) => e.entity_id), ...world.truth.schemes.flatMap((s) => s.entities.map((e) => e.id)), ...world.truth.decoys.flatMap((d) => d.entities.map((e) => e.id))])];
  check = checkAgainstTruth(world.truth, entities, await tables.flagsOf(ids), 50);
}, 600_000);

afterAll(async () => {
  await store?.close();
});

describe(`the synthetic world at scale ${SCALE}`, () => {
  it('raises every flag each planted scheme should raise on its entities', () => {
    const missing = check.schemes.flatMap((s) => Object.entries(s.expected).filter(([, raised]) => !raised).map(([code]) => `${s.id} ${code}`));
    expect(missing).toEqual([]);
    expect(check.expected_flags.expected).toBeGreaterThanOrEqual(60);
  });

  it("cites each scheme's own evidence (its ties, lines, parties or stated facts) in its defining flags", () => {
    const uncited = check.schemes.flatMap((s) => Object.entries(s.defining).filter(([, cited]) => !cited).map(([code]) => `${s.id} ${code}`));
    expect(uncited).toEqual([]);
  });

  it('ranks every planted hub intermediary in the top 50 of the worklist, among mostly scheme parties', () => {
    const outside = check.schemes.flatMap((s) => s.intermediaries.filter((i) => i.rank === null || i.rank > 50).map((i) => `${s.id} ${i.id} rank ${i.rank}`));
    expect(outside).toEqual([]);
    expect(check.recall).toBe(1);
    expect(check.precision).toBeGreaterThanOrEqual(0.5);
  });

  it('does not raise on the decoys what they must not raise (a common owner whose ownership ended before the trade)', () => {
    expect(world.truth.decoys.length).toBeGreaterThan(0);
    expect(check.decoy_violations).toEqual([]);
  });
});
