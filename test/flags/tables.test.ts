/**
 * The flag tables come from the store's migration 6, also on a store whose tables were created
 * before it existed (by the CREATE TABLE IF NOT EXISTS of an earlier sanctrace): its rows stay.
 */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { FlagTables } from '../../src/store/duckdb/flags.js';
import { MIGRATIONS } from '../../src/store/duckdb/migrations.js';
import { tempDir } from '../helpers.js';

const TABLES = ['flag_runs', 'flags', 'entity_scores', 'route_scores', 'flag_reviews', 'crossref_runs', 'crossref_links'];

async function tablesOf(file: string): Promise<string[]> {
  const db = await DuckDBInstance.create(file);
  const conn = await db.connect();
  try {
    const rows = (await conn.runAndReadAll("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")).getRows();
    return rows.map((r) => String(r[0]));
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

describe('the flag tables', () => {
  it('are made by a migration when a store is created, before anything uses them', async () => {
    const file = path.join(tempDir('sanctrace-flag-tables-'), 'new.duckdb');
    const store = await DuckDbStore.open(file);
    await store.close();
    expect(await tablesOf(file)).toEqual(expect.arrayContaining(TABLES));
    expect(MIGRATIONS.map((m) => m.version)).toContain(6);
  });

  it('keep the rows of a store whose tables were created before the migration', async () => {
    const file = path.join(tempDir('sanctrace-flag-tables-'), 'old.duckdb');
    // a store as an earlier sanctrace left it: migrations 1–5 recorded, the flag tables made on use, with rows
    let store = await DuckDbStore.open(file);
    const tables = await FlagTables.of(store);
    await tables.addReview({ entity_id: 'e1', reviewer: 'ana', status: 'reviewed', note: 'checked', run_id: null, score: null });
    await tables.saveCrossrefRun({ list_versions: { l: '1' }, subject_versions: { s: '1' }, settings: {}, stats: {}, replaceSubjects: 'all', dropListed: [], links: [] });
    await store.close();
    const db = await DuckDBInstance.create(file);
    const conn = await db.connect();
    await conn.run('DELETE FROM schema_migrations WHERE version = 6');
    conn.closeSync();
    db.closeSync();

    store = await DuckDbStore.open(file);
    try {
      const again = await FlagTables.of(store);
      expect((await again.reviews()).map((r) => [r.entity_id, r.reviewer, r.note])).toEqual([['e1', 'ana', 'checked']]);
      expect((await again.latestCrossrefRun())?.list_versions).toEqual({ l: '1' });
      // the sequences went on where they were
      expect((await again.addReview({ entity_id: 'e2', reviewer: 'ana', status: 'dismissed', note: '', run_id: null, score: null })).id).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('need the embedded DuckDB store', async () => {
    await expect(FlagTables.of({} as never)).rejects.toThrow(/embedded DuckDB store/);
  });
});
