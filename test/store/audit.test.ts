import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ingest } from '../../src/ingest/ingest.js';
import { resolveAudit } from '../../src/config.js';
import { configHash, DecisionBook, queryFingerprint } from '../../src/store/audit.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { MIGRATIONS } from '../../src/store/duckdb/migrations.js';
import type { NewScreeningLogEntry } from '../../src/store/store.js';
import { LISTS, rawText, tempDir, writeTemp } from '../helpers.js';

const T1 = path.join(LISTS, 'ftm', 't1_entities.ftm.json.gz');
const KUZMENKO = 'NK-2Ka3UvopqbpZmVDFjWd4LA';
const SOJKO = 'NK-2Myxbs6wX9xFKGoQn3sLaY';

function entry(over: Partial<NewScreeningLogEntry> = {}): NewScreeningLogEntry {
  return {
    source: 'bulk',
    query_key: 'row-1',
    query_fingerprint: queryFingerprint({ schema: 'Person', properties: { name: ['Ivan Ivanov'] } }),
    query: { schema: 'Person', properties: { name: ['Ivan Ivanov'] } },
    dataset_versions: { t1: 'a' },
    algorithm: { name: 'test', version: '1' },
    config_hash: 'abc',
    results: [{ entity_id: KUZMENKO, score: 0.5, match: false }],
    ...over,
  };
}

/** The t1 file with one entity changed (or none), as a temp file. */
function t1With(dir: string, id: string, change: (p: Record<string, string[]>) => void): string {
  const lines = rawText('ftm/t1_entities.ftm.json.gz').split('\n').filter((l) => l.trim());
  return writeTemp(
    dir,
    `t1-${Math.random().toString(36).slice(2)}.json`,
    lines
      .map((l) => {
        const e = JSON.parse(l);
        if (e.id === id) change(e.properties);
        return JSON.stringify(e);
      })
      .join('\n'),
  );
}

describe('audit log and decisions in the store', () => {
  let dir: string;
  let store: DuckDbStore;
  beforeEach(async () => {
    dir = tempDir();
    store = await DuckDbStore.open(path.join(dir, 'audit.duckdb'));
  });
  afterEach(async () => store.close());

  it('upgrades a store written before the audit tables (migration 2 only adds)', async () => {
    const file = path.join(dir, 'old.duckdb');
    const db = await DuckDBInstance.create(file);
    const conn = await db.connect();
    await conn.run('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)');
    await conn.run(MIGRATIONS[0]!.sql);
    await conn.run(`INSERT INTO schema_migrations VALUES (1, 'x', now())`);
    conn.closeSync();
    db.closeSync();
    const old = await DuckDbStore.open(file);
    try {
      await ingest(old, { format: 'ftm', inputs: [T1], dataset: 't1', version: 'a' });
      expect(await old.screeningLog()).toEqual([]);
      expect((await old.appendScreeningLog([entry()]))[0]!.id).toBe(1);
    } finally {
      await old.close();
    }
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions.slice(0, 2)).toEqual([1, 2]);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('appends log entries in order and reads them back by time and id', async () => {
    expect(await store.appendScreeningLog([])).toEqual([]);
    const ids = await store.appendScreeningLog([entry(), entry({ query_key: null, source: 'api' }), entry({ query_key: '' })]);
    expect(ids.map((i) => i.id)).toEqual([1, 2, 3]);
    expect(ids[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const more = await store.appendScreeningLog([entry({ query_key: 'row-2', results: [] })]);
    expect(more[0]!.id).toBe(4);

    const all = await store.screeningLog();
    expect(all.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(all[0]).toEqual({ id: 1, at: ids[0]!.at, ...entry() });
    expect(all[1]).toMatchObject({ source: 'api', query_key: null });
    expect(all[2]!.query_key).toBeNull(); // an empty key is no key
    expect(all[3]).toMatchObject({ query_key: 'row-2', results: [] });
    expect((await store.screeningLog({ afterId: 2, limit: 1 })).map((e) => e.id)).toEqual([3]);
    expect((await store.screeningLog({ since: ids[0]!.at })).length).toBe(4);
    expect(await store.screeningLog({ since: '2999-01-01' })).toEqual([]);
    expect((await store.screeningLog({ since: '2000-01-01 00:00' })).length).toBe(4);
    await expect(store.screeningLog({ since: 'soon' })).rejects.toThrow(/"soon" is not a date or time/);
    expect(await store.getScreeningLogEntry(4)).toMatchObject({ id: 4, query_key: 'row-2' });
    expect(await store.getScreeningLogEntry(99)).toBeUndefined();
  });

  it('allocates distinct ids to concurrent appends', async () => {
    const batches = await Promise.all(Array.from({ length: 5 }, (_, i) => store.appendScreeningLog([entry({ query_key: `a${i}` }), entry({ query_key: `b${i}` })])));
    const ids = batches.flat().map((b) => b.id);
    expect(new Set(ids).size).toBe(10);
    expect((await store.screeningLog()).length).toBe(10);
  });

  it('hashes an entity\'s statements: stable across an identical version, different once it changes', async () => {
    await ingest(store, { format: 'ftm', inputs: [T1], dataset: 't1', version: 'a' });
    const a = await store.entityHashes([KUZMENKO, SOJKO, 'NK-missing', KUZMENKO]);
    expect([...a.keys()].sort()).toEqual([KUZMENKO, SOJKO]);
    expect(a.get(KUZMENKO)).toMatch(/^[0-9a-f]{64}$/);
    expect(a.get(KUZMENKO)).not.toBe(a.get(SOJKO));

    await ingest(store, { format: 'ftm', inputs: [t1With(dir, 'none', () => undefined)], dataset: 't1', version: 'b' });
    const b = await store.entityHashes([KUZMENKO, SOJKO]);
    expect(b).toEqual(a);

    await ingest(store, { format: 'ftm', inputs: [t1With(dir, KUZMENKO, (p) => (p['birthDate'] = ['1971-01-23']))], dataset: 't1', version: 'c' });
    const c = await store.entityHashes([KUZMENKO, SOJKO]);
    expect(c.get(KUZMENKO)).not.toBe(a.get(KUZMENKO));
    expect(c.get(SOJKO)).toBe(a.get(SOJKO));

    // the same entity id in a second dataset changes its statements too
    await ingest(store, { format: 'ftm', inputs: [T1], dataset: 'again', version: 'a' });
    expect((await store.entityHashes([SOJKO])).get(SOJKO)).not.toBe(a.get(SOJKO));
  });

  it('records decisions append-only and finds them by query and entity', async () => {
    const fp = queryFingerprint({ schema: 'Person', properties: { name: ['Ivan Ivanov'] } });
    const d1 = await store.addDecision({
      query_fingerprint: fp, query_key: 'row-1', log_id: 1, entity_id: KUZMENKO, entity_hash: 'h1',
      decision: 'false_positive', reviewer: 'alice', note: 'namesake',
    });
    expect(d1).toMatchObject({ id: 1, query_fingerprint: fp, log_id: 1, decision: 'false_positive' });
    expect(d1.at).toMatch(/Z$/);
    const d2 = await store.addDecision({ ...d1, log_id: null, query_key: null, decision: 'match', note: '' });
    expect(d2.id).toBe(2);
    await store.addDecision({ ...d1, query_fingerprint: 'f'.repeat(32), entity_id: SOJKO });
    expect((await store.decisions()).map((d) => d.id)).toEqual([1, 2, 3]);
    expect((await store.decisions({ queryFingerprint: fp })).map((d) => d.id)).toEqual([1, 2]);
    expect((await store.decisions({ entityId: SOJKO })).map((d) => d.id)).toEqual([3]);
    expect((await store.decisions({ afterId: 1, limit: 1 })).map((d) => d.id)).toEqual([2]);
    expect((await store.decisions())[1]).toEqual({ ...d2, at: d2.at });
  });

  it('fingerprints queries regardless of order, case and spacing', () => {
    const a = queryFingerprint({ schema: 'Person', properties: { name: ['Ivan  Ivanov', 'I. Ivanov'], birthDate: ['1970'] } });
    const b = queryFingerprint({ schema: 'Person', properties: { birthDate: ['1970'], name: ['i. ivanov', ' ivan ivanov '], country: [] } });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(queryFingerprint({ schema: 'Company', properties: { name: ['Ivan Ivanov', 'I. Ivanov'], birthDate: ['1970'] } })).not.toBe(a);
    expect(queryFingerprint({ schema: 'Person', properties: { name: ['Ivan Ivanov'], birthDate: ['1970'] } })).not.toBe(a);
    expect(configHash({ name: 'x', version: '1' }, { limit: 5, threshold: 0.7 })).toBe(configHash({ name: 'x', version: '1' }, { threshold: 0.7, limit: 5 }));
    expect(configHash({ name: 'x', version: '1' }, { limit: 5 })).not.toBe(configHash({ name: 'x', version: '2' }, { limit: 5 }));
  });

  it('logs by default; a flag or SANCTRACE_AUDIT=off turns it off', () => {
    expect(resolveAudit(undefined, {})).toBe(true);
    expect(resolveAudit(undefined, { SANCTRACE_AUDIT: 'off' })).toBe(false);
    expect(resolveAudit(undefined, { SANCTRACE_AUDIT: '0' })).toBe(false);
    expect(resolveAudit(undefined, { SANCTRACE_AUDIT: 'on' })).toBe(true);
    expect(resolveAudit(false, { SANCTRACE_AUDIT: 'on' })).toBe(false);
    expect(resolveAudit(true, { SANCTRACE_AUDIT: 'off' })).toBe(true);
  });

  it('applies the decision in force: the latest per entity, only while the entity is unchanged', async () => {
    await ingest(store, { format: 'ftm', inputs: [T1], dataset: 't1', version: 'a' });
    const hashes = await store.entityHashes([KUZMENKO, SOJKO]);
    const fp = 'a'.repeat(32);
    const base = { query_fingerprint: fp, query_key: null, log_id: null, reviewer: 'r', note: '' };
    await store.addDecision({ ...base, entity_id: KUZMENKO, entity_hash: hashes.get(KUZMENKO)!, decision: 'match' });
    await store.addDecision({ ...base, entity_id: KUZMENKO, entity_hash: hashes.get(KUZMENKO)!, decision: 'false_positive' });
    await store.addDecision({ ...base, entity_id: SOJKO, entity_hash: 'stale', decision: 'false_positive' });
    const results = [{ id: KUZMENKO }, { id: 'NK-other' }, { id: SOJKO }];
    for (const book of [DecisionBook.live(store), await DecisionBook.preload(store)]) {
      const decided = await book.forQuery(fp);
      expect(book.falsePositiveCount(decided)).toBe(2);
      const { kept, suppressed } = await book.apply(decided, results, (r) => r.id);
      expect(suppressed.map((s) => [s.result.id, s.decision.id])).toEqual([[KUZMENKO, 2]]);
      expect(kept.map((k) => [k.result.id, k.decision?.entity_changed])).toEqual([
        ['NK-other', undefined],
        [SOJKO, true],
      ]);
      expect((await book.forQuery('b'.repeat(32))).size).toBe(0);
    }
    // a preloaded book learns decisions made after it was read
    const book = await DecisionBook.preload(store);
    const later = await store.addDecision({ ...base, query_fingerprint: 'c'.repeat(32), entity_id: SOJKO, entity_hash: hashes.get(SOJKO)!, decision: 'false_positive' });
    expect((await book.forQuery('c'.repeat(32))).size).toBe(0);
    book.add(later);
    const { suppressed } = await book.apply(await book.forQuery('c'.repeat(32)), [{ id: SOJKO }], (r) => r.id);
    expect(suppressed.map((x) => x.result.id)).toEqual([SOJKO]);
  });
});
