/**
 * What the browser tests run against: the UI built from web/ (rebuilt when a source is newer than
 * the build), a store with the bundled real lists, the real screening engine, the HTTP API with the
 * web routes on a random port, and Debian's chromium driven by playwright-core.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BUNDLED_LISTS, bundledIngest } from '../../src/ingest/bundled.js';
import { ingest } from '../../src/ingest/ingest.js';
import { PACKAGE_ROOT } from '../../src/model/paths.js';
import { buildMatcher } from '../../src/screening/engine.js';
import { buildApp } from '../../src/server/app.js';
import { DEFAULT_UI_ROOT, webRoutes } from '../../src/server/routes/web.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { tempDir, writeTemp } from '../helpers.js';

export const CHROMIUM = process.env['SANCTRACE_CHROMIUM'] ?? '/usr/bin/chromium';
/** Screenshots of the run (test artefacts), in the repository's ignored tmp/. */
export const SHOTS = process.env['SANCTRACE_E2E_SHOTS'] ?? path.join(PACKAGE_ROOT, 'tmp', 'e2e-screenshots');

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
  close(): Promise<void>;
}

/**
 * Test-only datasets beside the real lists: list names carrying markup (they must show as text),
 * and a dataset named as the demo's synthetic world (its entities must be marked SYNTHETIC).
 */
export const MARKUP_NAME = '<img src=x onerror="window.__injected=1">Evil <b>Trading</b> LLP';
export const SYNTHETIC_NAME = 'Kestrel Avionics Trading LLP';

function fixtureLines(): { markup: string; synthetic: string } {
  const markup = [
    { id: 'e2e-markup-1', schema: 'Company', properties: { name: [MARKUP_NAME], country: ['kz'], topics: ['sanction'] } },
    { id: 'e2e-markup-2', schema: 'Sanction', properties: { entity: ['e2e-markup-1'], program: ['<script>window.__injected=2</script>'], sourceUrl: ['javascript:window.__injected=3'] } },
  ];
  const synthetic = [{ id: 'demo-synthetic-kestrel', schema: 'Company', properties: { name: [SYNTHETIC_NAME], country: ['kz'], incorporationDate: ['2022-04-11'] } }];
  const lines = (xs: object[]) => xs.map((x) => JSON.stringify(x)).join('\n') + '\n';
  return { markup: lines(markup), synthetic: lines(synthetic) };
}

export async function startServer(): Promise<E2eServer> {
  const dir = tempDir('sanctrace-e2e-');
  const store = await DuckDbStore.open(path.join(dir, 'e2e.duckdb'));
  for (const list of BUNDLED_LISTS) await ingest(store, bundledIngest(list));
  const files = fixtureLines();
  await ingest(store, { format: 'ftm', inputs: [writeTemp(dir, 'markup.ftm.json', files.markup)], dataset: 'e2e_markup', version: 'e2e' });
  await ingest(store, { format: 'ftm', inputs: [writeTemp(dir, 'synthetic.ftm.json', files.synthetic)], dataset: 'demo-synthetic', version: 'e2e' });
  const matcher = await buildMatcher(store);
  const app = buildApp({ store, matcher });
  await app.after();
  // Until app.ts registers the web routes itself.
  if (!app.hasRoute({ method: 'GET', url: '/api/datasets' })) await app.register(async (instance) => webRoutes(instance, { store, matcher }));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    store,
    app,
    async close() {
      await app.close();
      await store.close();
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
