/**
 * What the browser tests run against: the UI built from web/ (rebuilt when a source is newer than
 * the build), the demo store as `sanctrace demo` builds it (bundled real lists, the shipped real
 * trade cut, a small synthetic world, cross-referencing, hubs and red flags) plus a dataset of list
 * entries carrying markup, the real screening engine and network service, the whole HTTP API on a
 * random port, and Debian's chromium driven by playwright-core.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildDemo } from '../../src/cli/demo.js';
import { defaultWorldDir } from '../../src/cli/demo-world.js';
import { TRUTH_FILE } from '../../src/demo/world/build.js';
import type { Truth } from '../../src/demo/world/truth.js';
import { ingest } from '../../src/ingest/ingest.js';
import { PACKAGE_ROOT } from '../../src/model/paths.js';
import { NetworkService } from '../../src/network/service.js';
import { buildMatcher } from '../../src/screening/engine.js';
import { buildApp } from '../../src/server/app.js';
import { DEFAULT_UI_ROOT } from '../../src/server/routes/web.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { tempDir, writeTemp } from '../helpers.js';

export const CHROMIUM = process.env['SANCTRACE_CHROMIUM'] ?? '/usr/bin/chromium';
/** Screenshots of the run (test artefacts), in the repository's ignored tmp/. */
export const SHOTS = process.env['SANCTRACE_E2E_SHOTS'] ?? path.join(PACKAGE_ROOT, 'tmp', 'e2e-screenshots');
/**
 * Size of the synthetic world: every planted scheme (with its shipments, flags and route) is
 * planted whatever the scale; 0.02 keeps a few hundred ordinary firms around them and the store
 * builds in about half a minute.
 */
export const WORLD_SCALE = process.env['SANCTRACE_E2E_WORLD_SCALE'] ?? '0.02';

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/** Builds the UI unless dist/web is newer than every file of web/ (`npm run build` builds it too). */
export function ensureUiBuilt(): void {
  const index = path.join(DEFAULT_UI_ROOT, 'index.html');
  const web = path.join(PACKAGE_ROOT, 'web');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(web)) return;
  const vite = path.join(PACKAGE_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--config', path.join(web, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
    // vitest runs with NODE_ENV=test, which would give React's development build
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (run.status !== 0) throw new Error(`building the UI failed:\n${run.stdout}\n${run.stderr}`);
}

export interface E2eServer {
  url: string;
  store: DuckDbStore;
  app: FastifyInstance;
  /** the synthetic world's ground truth (truth.json): planted schemes, their parties, ties and routes */
  truth: Truth;
  /** what building the store took, step by step (seconds) */
  seconds: Record<string, number>;
  close(): Promise<void>;
}

/** List entries carrying markup and script in their names and fields: they must show as text. */
export const MARKUP_NAME = '<img src=x onerror="window.__injected=1">Evil <b>Trading</b> LLP';

function markupLines(): string {
  const markup = [
    { id: 'e2e-markup-1', schema: 'Company', properties: { name: [MARKUP_NAME], country: ['kz'], topics: ['sanction'] } },
    { id: 'e2e-markup-2', schema: 'Sanction', properties: { entity: ['e2e-markup-1'], program: ['<script>window.__injected=2</script>'], sourceUrl: ['javascript:window.__injected=3'] } },
  ];
  return markup.map((x) => JSON.stringify(x)).join('\n') + '\n';
}

export async function startServer(): Promise<E2eServer> {
  const started = performance.now();
  const dir = tempDir('sanctrace-e2e-');
  const dbPath = path.join(dir, 'demo.duckdb');
  const store = await DuckDbStore.open(dbPath);
  const demo = await buildDemo(store, dbPath, { scale: WORLD_SCALE }, () => undefined);
  const truth = JSON.parse(readFileSync(path.join(defaultWorldDir(dbPath), TRUTH_FILE), 'utf8')) as Truth;
  // After the flag run, as a list update would come: hostile names reach search, pages and screening.
  await ingest(store, { format: 'ftm', inputs: [writeTemp(dir, 'markup.ftm.json', markupLines())], dataset: 'e2e_markup', version: 'e2e' });
  let t0 = performance.now();
  const matcher = await buildMatcher(store);
  const seconds: Record<string, number> = { ...demo.seconds, matcher: (performance.now() - t0) / 1000 };
  // Built before the first page asks for it, as `sanctrace serve` does.
  const network = new NetworkService(store, {}, async () => matcher);
  t0 = performance.now();
  await network.network();
  seconds['network'] = (performance.now() - t0) / 1000;
  const app = buildApp({ store, matcher, network });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  seconds['total'] = (performance.now() - started) / 1000;
  return {
    url: address,
    store,
    app,
    truth,
    seconds,
    async close() {
      await app.close();
      await store.close();
      // the store and the world's files: some 50 MB a run
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium; .ci/run does) or set SANCTRACE_CHROMIUM`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Fails the test on any script error or failed request the page reports. */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // Failed requests are the views' business (their states are asserted); script errors are not.
    if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return problems;
}
