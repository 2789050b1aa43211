/**
 * `sanctrace demo build` and `sanctrace demo truth`: the seeded synthetic registry-and-customs
 * world (src/demo/world/) — generated as CSV files with truth.json, loaded as dataset
 * demo-synthetic — and its ground truth.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { resolveConfig } from '../config.js';
import { TRUTH_FILE, buildWorld, checkScale, checkSeed, loadWorld, type BuildResult } from '../demo/world/build.js';
import type { Truth } from '../demo/world/truth.js';
import type { IngestResult } from '../ingest/ingest.js';
import { UsageError } from '../sources/errors.js';
import { withStore, type GlobalFlags } from './context.js';
import { describeIngest } from './ingest.js';
import { formatNumber, table } from './output.js';
import { progressBar } from './progress.js';

/** The default folder of the world: demo-world/ beside the store file (the working folder for an in-memory store). */
export function defaultWorldDir(db: string): string {
  return db === ':memory:' ? path.resolve('demo-world') : path.join(path.dirname(db), 'demo-world');
}

function number(text: string, name: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${name} must be a number (got "${text}")`);
  return n;
}

interface BuildFlags {
  seed: string;
  scale: string;
  out?: string;
  db?: string;
  load: boolean;
  format: 'text' | 'json';
}

function describeBuild(b: BuildResult): string {
  const t = b.truth;
  const c = t.counts;
  const listed = t.listed_parties.map((p) => p.name).join(', ');
  return [
    `demo-synthetic: generated seed ${t.generator.seed}, scale ${t.generator.scale} in ${b.seconds.toFixed(1)} s → ${b.outDir}`,
    `  ${formatNumber(c['companies'] ?? 0)} companies · ${formatNumber(c['people'] ?? 0)} people · ${formatNumber(c['ownerships'] ?? 0)} ownerships · ` +
      `${formatNumber(c['directorships'] ?? 0)} directorships · ${formatNumber(c['family_ties'] ?? 0)} family ties · ` +
      `${formatNumber(c['shipment_lines'] ?? 0)} shipment lines in ${formatNumber(c['declarations'] ?? 0)} declarations`,
    `  ${t.schemes.length} planted schemes and ${t.decoys.length} decoy in ${TRUTH_FILE} (sanctrace demo truth); listed parties planted from the bundled lists: ${listed}`,
  ].join('\n');
}

async function buildCommand(flags: BuildFlags, globals: GlobalFlags): Promise<void> {
  const seed = number(flags.seed, '--seed');
  const scale = number(flags.scale, '--scale');
  checkSeed(seed);
  checkScale(scale);
  const db = resolveConfig({ db: flags.db ?? globals.db }).db;
  const outDir = path.resolve(flags.out ?? defaultWorldDir(db));
  const built = await buildWorld({ seed, scale, outDir });
  let loaded: IngestResult | undefined;
  let loadSeconds = 0;
  if (flags.load) {
    const started = performance.now();
    await withStore({ db }, async (store) => {
      const bar = progressBar('demo-synthetic');
      try {
        loaded = await loadWorld(store, built.dataFiles, bar.update);
      } finally {
        bar.stop();
      }
    });
    loadSeconds = (performance.now() - started) / 1000;
  }
  if (flags.format === 'json') {
    process.stdout.write(
      JSON.stringify(
        {
          out: built.outDir,
          seed,
          scale,
          build_seconds: Number(built.seconds.toFixed(2)),
          counts: built.truth.counts,
          files: built.truth.files,
          schemes: built.truth.schemes.length,
          decoys: built.truth.decoys.length,
          load: loaded ? { status: loaded.status, dataset: loaded.version.dataset, version: loaded.version.version, entities: loaded.version.entities, statements: loaded.version.statements, seconds: Number(loadSeconds.toFixed(2)), report: loaded.report.toJSON() } : null,
        },
        null,
        2,
      ) + '\n',
    );
    return;
  }
  process.stdout.write(describeBuild(built) + '\n');
  if (loaded) process.stdout.write(`${describeIngest('demo-synthetic', loaded)} (${loadSeconds.toFixed(1)} s, store ${db})\n`);
  else process.stdout.write(`  not loaded (--no-load); load with: sanctrace demo build --seed ${seed} --scale ${scale}${flags.out ? ` --out ${flags.out}` : ''}\n`);
}

/** The ground truth of the world in the folder. */
export async function readTruth(outDir: string): Promise<{ text: string; truth: Truth }> {
  const file = path.join(outDir, TRUTH_FILE);
  if (!existsSync(file)) throw new UsageError(`no synthetic world in ${outDir} (no ${TRUTH_FILE}); run: sanctrace demo build`);
  const text = await readFile(file, 'utf8');
  return { text, truth: JSON.parse(text) as Truth };
}

function describeTruth(t: Truth, outDir: string): string {
  const rows = t.schemes.map((s) => ({
    id: s.id,
    kind: s.kind,
    entities: String(s.entities.length),
    shipments: String(s.shipments.length),
    defining: s.red_flags.defining.join(' '),
    expected: s.red_flags.expected.join(' '),
  }));
  const lines = [
    `Synthetic world in ${outDir}: seed ${t.generator.seed}, scale ${t.generator.scale}, dataset ${t.dataset}; every entity has ${t.marker.property} "${t.marker.value}"`,
    '',
    table(rows, ['id', 'kind', 'entities', 'shipments', 'defining', 'expected']),
    '',
    ...t.schemes.map((s) => `${s.id} ${s.title}: ${s.description}`),
    '',
    ...t.decoys.map((d) => `${d.id} (decoy, must not raise ${d.must_not_raise.join(', ')}): ${d.description}`),
    '',
    `Listed parties planted from the bundled lists: ${t.listed_parties.map((p) => `${p.name} (${p.list.dataset} ${p.list.entry}) = ${p.id}`).join('; ')}`,
    'Ids, roles, ties and shipment ids: sanctrace demo truth --format json',
  ];
  return lines.join('\n');
}

/**
 * Adds `build` and `truth` to the `demo` command. `globals` returns the program's global flags
 * (--db), read when a subcommand runs.
 */
export function addDemoWorldCommands(demo: Command, globals: () => GlobalFlags): void {
  demo
    .command('build')
    .description('generate the seeded synthetic registry-and-customs world (CSV files and truth.json) and load it as dataset demo-synthetic')
    .option('--seed <n>', 'random seed (same seed and scale: byte-identical files)', '1')
    .option('--scale <x>', 'size factor: 1 ≈ 20,000 companies, 30,000 people, 200,000 shipment lines', '1')
    .option('--out <dir>', 'output folder (default: demo-world/ beside the store file)')
    .option('--db <file>', 'store file (default: the global --db, env SANCTRACE_DB, ./sanctrace.duckdb)')
    .option('--no-load', 'write the files only; do not load them into the store')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: BuildFlags) => buildCommand(flags, globals()));

  demo
    .command('truth')
    .description('the ground truth of the built synthetic world: planted schemes, their entities, ties, shipments, expected red flags and routes')
    .option('--out <dir>', 'folder of the world (default: demo-world/ beside the store file)')
    .option('--db <file>', 'store file whose folder holds demo-world/ (default: the global --db)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: { out?: string; db?: string; format: 'text' | 'json' }) => {
      const outDir = path.resolve(flags.out ?? defaultWorldDir(resolveConfig({ db: flags.db ?? globals().db }).db));
      const { text, truth } = await readTruth(outDir);
      process.stdout.write(flags.format === 'json' ? text : describeTruth(truth, outDir) + '\n');
    });
}
