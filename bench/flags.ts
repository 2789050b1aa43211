/**
 * Benchmark of cross-referencing and the red flags on the synthetic world. Either builds the world
 * (`--scale`, default 1; `--seed`) and loads the bundled lists and the world into a fresh store,
 * or works on a store already loaded (`--db FILE`, e.g. one `sanctrace demo build --scale 10`
 * made: the bundled lists and the demo's trade extract are loaded into it when missing). Then
 * times cross-referencing (full, then again with nothing changed) and the flag job (reading the
 * store, each rule, ranking, saving), with the process's peak memory after each, and checks the
 * ranking against the world's ground truth (`--world DIR`, default the world beside the store).
 * Prints one JSON object. Targets (issue 7): flags on the default world ≤ 30 s, at scale 10 ≤ 5 min.
 *
 *   npm run build && node dist/bench/flags.js [--scale 1] [--seed 1] [--workers N] [--keep DIR]
 *   node dist/bench/flags.js --db FILE [--world DIR] [--only crossref|flags]
 *
 * `--only` runs one of the two (the other's results stay as the store has them), so that
 * `/usr/bin/time -v` gives each its own peak memory.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundledIngest, BUNDLED_LISTS } from '../src/ingest/bundled.js';
import { ingest } from '../src/ingest/ingest.js';
import { buildWorld, loadWorld, TRUTH_FILE } from '../src/demo/world/build.js';
import { DEMO_TRADE } from '../src/cli/demo.js';
import { defaultWorldDir, readTruth } from '../src/cli/demo-world.js';
import type { Truth } from '../src/demo/world/truth.js';
import { DEFAULT_CONFIG } from '../src/flags/config.js';
import { crossref, type CrossrefSummary } from '../src/flags/crossref.js';
import { loadHubContext } from '../src/flags/hubs-context.js';
import { runFlagJob, type FlagJobSummary } from '../src/flags/job.js';
import { checkAgainstTruth } from '../src/flags/truth-check.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { FlagTables } from '../src/store/duckdb/flags.js';
import { ingestTrade } from '../src/trade/ingest.js';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const seconds = (t0: number) => Math.round((performance.now() - t0) / 10) / 100;
/** Peak resident memory of the process so far, in MB. */
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function main(): Promise<void> {
  const db = arg('db');
  const only = arg('only');
  if (only && only !== 'crossref' && only !== 'flags') throw new Error(`--only takes crossref or flags, not "${only}"`);
  const workers = arg('workers') ? Number(arg('workers')) : undefined;
  const keep = arg('keep');
  const dir = db ? path.dirname(path.resolve(db)) : (keep ?? mkdtempSync(path.join(os.tmpdir(), 'sanctrace-bench-flags-')));
  mkdirSync(dir, { recursive: true });
  const store = await DuckDbStore.open(db ?? path.join(dir, 'bench.duckdb'));
  try {
    const setup: Record<string, number> = {};
    let t0 = performance.now();
    for (const list of BUNDLED_LISTS) await ingest(store, bundledIngest(list));
    setup['lists'] = seconds(t0);
    let truth: Truth | undefined;
    let world: Record<string, unknown>;
    if (db) {
      t0 = performance.now();
      await ingestTrade(store, { format: DEMO_TRADE.format, inputs: [DEMO_TRADE.file], dataset: DEMO_TRADE.dataset });
      setup['trade'] = seconds(t0);
      const worldDir = arg('world') ?? defaultWorldDir(path.resolve(db));
      if (existsSync(path.join(worldDir, TRUTH_FILE))) truth = (await readTruth(worldDir)).truth;
      world = { store: path.resolve(db), world: worldDir, ...(truth ? { seed: truth.generator.seed, scale: truth.generator.scale, counts: truth.counts } : {}) };
    } else {
      const scale = Number(arg('scale', '1'));
      const seed = Number(arg('seed', '1'));
      t0 = performance.now();
      const built = await buildWorld({ seed, scale, outDir: path.join(dir, 'world') });
      setup['build'] = seconds(t0);
      t0 = performance.now();
      await loadWorld(store, built.dataFiles);
      setup['load'] = seconds(t0);
      truth = built.truth;
      world = { seed, scale, counts: truth.counts, schemes: truth.schemes.length };
    }
    const scale = truth?.generator.scale ?? 1;
    const target = scale >= 10 ? 300 : 30;

    let xref: Record<string, unknown> | undefined;
    if (only !== 'flags') {
      t0 = performance.now();
      const full: CrossrefSummary = await crossref(store, { workers, full: true });
      const fullSeconds = seconds(t0);
      const fullPeak = peakMb();
      t0 = performance.now();
      const again = await crossref(store, { workers });
      xref = {
        seconds: fullSeconds,
        phases: full.phases,
        workers: workers ?? os.availableParallelism(),
        subjects: full.subjects,
        screened: full.screened,
        links: full.links,
        matches: full.matches,
        peak_rss_mb: fullPeak,
        again_seconds: seconds(t0),
        again_mode: again.mode,
      };
    }

    let flags: Record<string, unknown> | undefined;
    if (only !== 'crossref') {
      t0 = performance.now();
      const hubs = await loadHubContext(store, DEFAULT_CONFIG);
      const hubSeconds = seconds(t0);
      t0 = performance.now();
      const run: FlagJobSummary = await runFlagJob(store, { config: DEFAULT_CONFIG, hubs, recompute: true });
      const flagSeconds = seconds(t0);
      flags = {
        seconds: flagSeconds,
        hub_context_seconds: hubSeconds,
        phases: run.seconds,
        target_seconds: target,
        meets_target: flagSeconds <= target,
        counts: run.counts,
        peak_rss_mb: peakMb(),
        hubs: run.hubs,
      };
    }

    let check: Record<string, unknown> | undefined;
    if (truth && only !== 'crossref') {
      const tables = await FlagTables.of(store);
      const { entities } = await tables.worklist({ limit: 1000 });
      const found = await tables.flagsOf(entities.map((e) => e.entity_id).concat(truth.decoys.flatMap((d) => d.entities.map((e) => e.id))));
      const c = checkAgainstTruth(truth, entities, found, 50);
      check = {
        top: c.top,
        recall_intermediaries: Math.round(c.recall * 1000) / 1000,
        precision_top: Math.round(c.precision * 1000) / 1000,
        intermediaries: c.intermediaries,
        expected_flags: c.expected_flags,
        defining_flags: c.defining_flags,
        decoy_violations: c.decoy_violations.length,
        schemes: c.schemes.map((s) => ({
          id: s.id,
          kind: s.kind,
          ranks: s.intermediaries.map((i) => i.rank),
          missing_expected: Object.entries(s.expected).filter(([, v]) => !v).map(([k]) => k),
          uncited_defining: Object.entries(s.defining).filter(([, v]) => !v).map(([k]) => k),
        })),
      };
    }
    const crossrefSeconds = (xref?.['seconds'] as number | undefined) ?? 0;
    const flagSeconds = (flags?.['seconds'] as number | undefined) ?? 0;
    process.stdout.write(
      JSON.stringify(
        {
          benchmark: 'flags',
          machine: {
            cpus: os.cpus().length,
            cpu: os.cpus()[0]?.model,
            memory_gb: Math.round(os.totalmem() / 2 ** 30),
            db_memory: process.env['SANCTRACE_DB_MEMORY'] ?? 'a quarter of the machine',
            node: process.version,
            load_average: os.loadavg().map((x) => Math.round(x * 100) / 100),
          },
          world,
          setup_seconds: setup,
          crossref: xref,
          flags,
          ...(xref && flags ? { crossref_and_flags_seconds: Math.round((crossrefSeconds + flagSeconds) * 100) / 100 } : {}),
          peak_rss_mb: peakMb(),
          truth: check,
        },
        null,
        2,
      ) + '\n',
    );
  } finally {
    await store.close();
    if (!keep && !db) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`bench/flags: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
