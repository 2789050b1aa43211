/**
 * Benchmark of cross-referencing and the red flags on the synthetic world: builds the world
 * (`--scale`, default 1; `--seed`), loads the bundled lists and the world into a fresh store,
 * then times cross-referencing (full, then incremental with nothing changed) and the flag job
 * (all rules, ranking, saving), and checks the ranking against the world's ground truth.
 * Prints one JSON object. Target (issue 7): flags on the default world ≤ 30 s.
 *
 *   npm run build && node dist/bench/flags.js [--scale 1] [--seed 1] [--workers N] [--keep DIR]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundledIngest, BUNDLED_LISTS } from '../src/ingest/bundled.js';
import { ingest } from '../src/ingest/ingest.js';
import { buildWorld, loadWorld } from '../src/demo/world/build.js';
import { DEFAULT_CONFIG } from '../src/flags/config.js';
import { crossref } from '../src/flags/crossref.js';
import { loadHubContext } from '../src/flags/hubs-context.js';
import { runFlagJob } from '../src/flags/job.js';
import { checkAgainstTruth } from '../src/flags/truth-check.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { FlagTables } from '../src/store/duckdb/flags.js';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const seconds = (t0: number) => Math.round((performance.now() - t0) / 10) / 100;

async function main(): Promise<void> {
  const scale = Number(arg('scale', '1'));
  const seed = Number(arg('seed', '1'));
  const workers = arg('workers') ? Number(arg('workers')) : undefined;
  const keep = arg('keep');
  const dir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'sanctrace-bench-flags-'));
  mkdirSync(dir, { recursive: true });
  const store = await DuckDbStore.open(path.join(dir, 'bench.duckdb'));
  try {
    let t0 = performance.now();
    for (const list of BUNDLED_LISTS) await ingest(store, bundledIngest(list));
    const listsSeconds = seconds(t0);
    t0 = performance.now();
    const world = await buildWorld({ seed, scale, outDir: path.join(dir, 'world') });
    const buildSeconds = seconds(t0);
    t0 = performance.now();
    await loadWorld(store, world.dataFiles);
    const loadSeconds = seconds(t0);

    t0 = performance.now();
    const xref = await crossref(store, { workers });
    const crossrefSeconds = seconds(t0);
    t0 = performance.now();
    const again = await crossref(store, { workers });
    const crossrefAgainSeconds = seconds(t0);

    const memBefore = process.memoryUsage().rss;
    t0 = performance.now();
    const hubs = await loadHubContext(store, DEFAULT_CONFIG);
    const run = await runFlagJob(store, { config: DEFAULT_CONFIG, hubs, recompute: true });
    const flagsSeconds = seconds(t0);
    const rss = process.memoryUsage().rss;

    const tables = await FlagTables.of(store);
    const { entities } = await tables.worklist({ limit: 1000 });
    const flags = await tables.flagsOf(entities.map((e) => e.entity_id).concat(world.truth.decoys.flatMap((d) => d.entities.map((e) => e.id))));
    const check = checkAgainstTruth(world.truth, entities, flags, 50);
    process.stdout.write(
      JSON.stringify(
        {
          benchmark: 'flags',
          machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, load_average: os.loadavg().map((x) => Math.round(x * 100) / 100) },
          world: { seed, scale, counts: world.truth.counts, schemes: world.truth.schemes.length },
          setup_seconds: { lists: listsSeconds, build: buildSeconds, load: loadSeconds },
          crossref: { seconds: crossrefSeconds, mode: xref.mode, subjects: xref.subjects, screened: xref.screened, links: xref.links, matches: xref.matches, again_seconds: crossrefAgainSeconds, again_mode: again.mode },
          flags: {
            seconds: flagsSeconds,
            phases: run.seconds,
            target_seconds: 30,
            meets_target: flagsSeconds <= 30,
            counts: run.counts,
            rss_mb: Math.round(rss / 2 ** 20),
            rss_before_mb: Math.round(memBefore / 2 ** 20),
            hubs: run.hubs,
          },
          truth: {
            top: check.top,
            recall_intermediaries: Math.round(check.recall * 1000) / 1000,
            precision_top: Math.round(check.precision * 1000) / 1000,
            intermediaries: check.intermediaries,
            expected_flags: check.expected_flags,
            defining_flags: check.defining_flags,
            decoy_violations: check.decoy_violations.length,
            schemes: check.schemes.map((s) => ({
              id: s.id,
              kind: s.kind,
              ranks: s.intermediaries.map((i) => i.rank),
              missing_expected: Object.entries(s.expected).filter(([, v]) => !v).map(([k]) => k),
              uncited_defining: Object.entries(s.defining).filter(([, v]) => !v).map(([k]) => k),
            })),
          },
        },
        null,
        2,
      ) + '\n',
    );
  } finally {
    await store.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`bench/flags: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
