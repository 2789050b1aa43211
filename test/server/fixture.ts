/** A store with real list entries, the token test double of the Matcher, and the app over them. */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ingest } from '../../src/ingest/ingest.js';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { TokenMatcher } from '../fixtures/matcher-tokens.js';
import { LISTS, rawText, tempDir, writeTemp } from '../helpers.js';

export const T1 = path.join(LISTS, 'ftm', 't1_entities.ftm.json.gz');
export const KUZMENKO = 'NK-2Ka3UvopqbpZmVDFjWd4LA';
export const INTER_TOBACCO = 'NK-2GdmHtZTeNXjNVrBGEXZNj';

export interface Fixture {
  dir: string;
  store: DuckDbStore;
  matcher: TokenMatcher;
  app: FastifyInstance;
  /** rebuilds the matcher from the store (after a new list version) and the app over it */
  rebuild(options?: Partial<AppOptions>): Promise<FastifyInstance>;
  close(): Promise<void>;
}

export async function fixture(options: Partial<AppOptions> = {}, lists: { un?: boolean } = {}): Promise<Fixture> {
  const dir = tempDir('sanctrace-server-');
  const store = await DuckDbStore.open(path.join(dir, 'server.duckdb'));
  await ingest(store, { format: 'ftm', inputs: [T1], dataset: 't1', version: 'a' });
  if (lists.un !== false) await ingest(store, { format: 'un-xml', inputs: [path.join(LISTS, 'un')], dataset: 'un', version: '2026-02-27' });
  const f: Fixture = {
    dir,
    store,
    matcher: await TokenMatcher.fromStore(store),
    app: undefined as unknown as FastifyInstance,
    async rebuild(more = {}) {
      await f.app?.close();
      f.matcher = await TokenMatcher.fromStore(store);
      f.app = buildApp({ store, matcher: f.matcher, ...options, ...more });
      await f.app.ready();
      return f.app;
    },
    async close() {
      await f.app.close();
      await store.close();
    },
  };
  f.app = buildApp({ store, matcher: f.matcher, ...options });
  await f.app.ready();
  return f;
}

/** The t1 FtM file with `change` applied to one entity, written to a temp file. */
export function changedT1(dir: string, id: string, change: (props: Record<string, string[]>) => void): string {
  const lines = rawText('ftm/t1_entities.ftm.json.gz').split('\n').filter((l) => l.trim());
  const out = lines.map((l) => {
    const e = JSON.parse(l);
    if (e.id === id) change(e.properties);
    return JSON.stringify(e);
  });
  return writeTemp(dir, `t1-${Math.random().toString(36).slice(2)}.ftm.json`, out.join('\n') + '\n');
}

export async function loadT1Version(f: Fixture, version: string, file: string): Promise<void> {
  await ingest(f.store, { format: 'ftm', inputs: [file], dataset: 't1', version });
}
