/**
 * `sanctrace demo build`: generates the synthetic registry-and-customs world for a seed and scale,
 * writes it as CSV extracts with truth.json beside them, and loads it into dataset demo-synthetic
 * through the mapping reader (data/mappings/demo/world.yml) in one all-or-nothing ingest.
 * The same seed, scale and bundled lists give byte-identical files.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ingest, type IngestResult } from '../../ingest/ingest.js';
import { DATA_DIR } from '../../model/paths.js';
import { UsageError } from '../../sources/errors.js';
import type { Store } from '../../store/store.js';
import { DATASET, syntheticMarker } from './ids.js';
import { listedNameGuard, type NameGuard } from './listed-names.js';
import { listedPartyNames } from './listed.js';
import type { Company } from './model.js';
import { Kit } from './schemes/kit.js';
import { plantSchemes } from './schemes/index.js';
import { Rng } from './random.js';
import { generateRegistry } from './registry.js';
import { LINES_AT_SCALE_1, Trade } from './trade.js';
import { TRUTH_VERSION, buildTruth, type Truth } from './truth.js';
import { World } from './world.js';
import { writeCustoms, writeRegistry } from './writer.js';

export const DEFAULT_SEED = 1;
export const MAPPING_FILE = path.join(DATA_DIR, 'mappings', 'demo', 'world.yml');
export const TRUTH_FILE = 'truth.json';

export interface BuildOptions {
  seed?: number;
  scale?: number;
  outDir: string;
  /** names to avoid; default: every name on the bundled lists */
  guard?: NameGuard;
  /** called as each stage finishes */
  onStage?: (stage: string, seconds: number) => void;
}

export interface BuildResult {
  outDir: string;
  truth: Truth;
  /** the data files to load, in load order */
  dataFiles: string[];
  seconds: number;
}

export function checkScale(scale: number): void {
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100) throw new UsageError(`--scale must be a number above 0 and at most 100 (got ${scale})`);
}

export function checkSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed must be a whole number from 0 to 4294967295 (got ${seed})`);
}

/** Registry keys in a shuffled order, so that planted firms and people sit among the others. */
function assignKeys(world: World, r: Rng): void {
  r.shuffle(world.companies).forEach((c, i) => (c.key = `C${String(i + 1).padStart(6, '0')}`));
  r.shuffle(world.people).forEach((p, i) => (p.key = `P${String(i + 1).padStart(6, '0')}`));
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  world.ownerships.sort((a, b) => byKey(a.asset, b.asset) || a.start - b.start || byKey(a.owner, b.owner));
  world.ownerships.forEach((o, i) => (o.key = `O${String(i + 1).padStart(7, '0')}`));
  world.directorships.sort((a, b) => byKey(a.organization, b.organization) || a.start - b.start || byKey(a.director, b.director));
  world.directorships.forEach((d, i) => (d.key = `D${String(i + 1).padStart(7, '0')}`));
  world.families.sort((a, b) => byKey(a.person, b.person) || byKey(a.relative, b.relative));
  world.families.forEach((f, i) => (f.key = `F${String(i + 1).padStart(7, '0')}`));
  world.companies.sort(byKey);
  world.people.sort(byKey);
}

/** Removes the files of an earlier build (only the ones a build writes) so that no stale year remains. */
async function clearOutput(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const f of await readdir(dir)) {
    if (/^(companies|people|ownership|directorships|family|customs_parties)\.csv$|^shipments_\d{4}\.csv$|^truth\.json$/.test(f)) await rm(path.join(dir, f));
  }
}

export async function buildWorld(opts: BuildOptions): Promise<BuildResult> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const scale = opts.scale ?? 1;
  checkSeed(seed);
  checkScale(scale);
  const started = performance.now();
  let mark = started;
  const stage = (name: string) => {
    const now = performance.now();
    opts.onStage?.(name, (now - mark) / 1000);
    mark = now;
  };
  const guard = opts.guard ?? (await listedNameGuard(listedPartyNames()));
  stage('listed names');

  const world = new World(seed, scale, guard);
  generateRegistry(world);
  const trade = new Trade(world, world.rng('trade'));
  const kit = new Kit(world, trade, world.rng('schemes'));
  plantSchemes(kit);
  trade.planFlows(Math.round(LINES_AT_SCALE_1 * scale));
  assignKeys(world, world.rng('keys'));
  stage('registry and schemes');

  await clearOutput(opts.outDir);
  const marker = syntheticMarker(seed, scale);
  const registryFiles = await writeRegistry(world, opts.outDir, marker);
  stage('registry files');
  const customs = await writeCustoms(opts.outDir, trade.months(), marker);
  stage('customs files');

  const files = [...registryFiles, ...customs.files];
  const truth = buildTruth({
    kit,
    seed,
    scale,
    marker,
    files,
    counts: {
      companies: world.companies.length,
      people: world.people.length,
      ownerships: world.ownerships.length,
      directorships: world.directorships.length,
      family_ties: world.families.length,
      declarations: customs.declarations,
      shipment_lines: customs.lines,
      planted_companies: world.companies.filter((c: Company) => c.planted).length,
    },
  });
  await writeFile(path.join(opts.outDir, TRUTH_FILE), JSON.stringify(truth, null, 2) + '\n');
  stage('truth');
  return { outDir: opts.outDir, truth, dataFiles: files.map((f) => path.join(opts.outDir, f.name)), seconds: (performance.now() - started) / 1000 };
}

/** Loads a built world into the store as one version of dataset demo-synthetic. */
export async function loadWorld(store: Store, dataFiles: string[], progress?: (done: number, total: number) => void, dataset = DATASET): Promise<IngestResult> {
  return ingest(store, { format: 'mapping', inputs: [MAPPING_FILE, ...dataFiles], dataset, progress });
}

/**
 * The world of this seed and scale in `outDir`, generated only if the folder does not already hold
 * it (its truth.json names the same seed, scale and truth version and every file it lists is
 * there): what a main job that runs again and again wants. Then loads it; an unchanged world loads
 * nothing.
 */
export async function ensureWorld(
  store: Store,
  opts: BuildOptions & { progress?: (done: number, total: number) => void },
): Promise<{ built: boolean; truth: Truth; dataFiles: string[]; load: IngestResult }> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const scale = opts.scale ?? 1;
  let existing: Truth | undefined;
  const truthFile = path.join(opts.outDir, TRUTH_FILE);
  if (existsSync(truthFile)) {
    try {
      existing = JSON.parse(await readFile(truthFile, 'utf8')) as Truth;
    } catch {
      existing = undefined;
    }
  }
  const reusable =
    existing?.generator.seed === seed &&
    existing.generator.scale === scale &&
    existing.generator.truth_version === TRUTH_VERSION &&
    existing.files.every((f) => existsSync(path.join(opts.outDir, f.name)));
  if (reusable) {
    const dataFiles = existing!.files.map((f) => path.join(opts.outDir, f.name));
    return { built: false, truth: existing!, dataFiles, load: await loadWorld(store, dataFiles, opts.progress) };
  }
  const b = await buildWorld({ ...opts, seed, scale });
  return { built: true, truth: b.truth, dataFiles: b.dataFiles, load: await loadWorld(store, b.dataFiles, opts.progress) };
}
