import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { cli } from '../cli-run.js';
import { LISTS, rawText, tempDir, writeTemp } from '../helpers.js';

describe('sanctrace CLI', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = tempDir();
    db = path.join(dir, 'cli.duckdb');
  });
  afterEach(() => vi.restoreAllMocks());

  it('ingests, lists datasets as JSON, exports FtM lines and shows a delta', async () => {
    const zala = path.join(LISTS, 'ftm', 'zala_entities.ftm.json.gz');
    const ingestOut = await cli('--db', db, 'ingest', 'ftm', zala, '--dataset', 'zala', '--version', 'a');
    expect(ingestOut).toMatchObject({ code: 0, stderr: '' });
    expect(ingestOut.stdout).toMatch(/zala: loaded version a — 91 records, 91 entities/);

    const lines = rawText('ftm/zala_entities.ftm.json.gz').split('\n').filter(Boolean);
    const listed = await cli('--db', db, 'datasets', '--format', 'json');
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.stdout);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'zala', version: 'a', records: lines.length, entities: lines.length });
    expect(Object.keys(rows[0]).sort()).toEqual(['entities', 'loaded_at', 'name', 'records', 'version']);

    const exported = await cli('--db', db, 'export', '--format', 'ftm', '--dataset', 'zala');
    const entities = exported.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(entities).toHaveLength(lines.length);
    expect(entities[0]).toHaveProperty('datasets', ['zala']);

    const smaller = writeTemp(dir, 'zala-b.json', lines.slice(1).join('\n'));
    await cli('--db', db, 'ingest', 'ftm', smaller, '--dataset', 'zala', '--version', 'b');
    const delta = await cli('--db', db, 'delta', 'zala', '--format', 'json');
    expect(JSON.parse(delta.stdout)).toMatchObject({ from: 'a', to: 'b', added: 0, removed: 1, changed: 0 });
    const text = await cli('--db', db, 'delta', 'zala', '--from', 'a', '--to', 'b');
    expect(text.stdout).toMatch(/zala: a → b: 0 added, 1 removed, 0 changed/);
  });

  it('exits 2 on bad usage and 1 on bad input, naming the problem', async () => {
    expect((await cli('--db', db, 'ingest', 'nope', 'x', '--dataset', 'a')).code).toBe(2);
    expect((await cli('--db', db, 'ingest', 'ftm', 'x')).code).toBe(2); // --dataset missing
    expect((await cli('--db', db, 'frobnicate')).code).toBe(2);
    expect((await cli('--db', db, 'ingest', 'ftm', 'x', '--dataset', 'Bad Name!')).code).toBe(2);
    const missing = await cli('--db', db, 'ingest', 'ftm', path.join(dir, 'missing.json'), '--dataset', 'a');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing\.json: no such file or folder/);
    const empty = writeTemp(dir, 'empty.json', '');
    const emptyOut = await cli('--db', db, 'ingest', 'ftm', empty, '--dataset', 'a');
    expect(emptyOut.code).toBe(1);
    expect(emptyOut.stderr).toMatch(/empty\.json: the file is empty/);
    expect((await cli('--db', db, 'delta', 'nothing')).code).toBe(1);
  });

  it('refuses a truncated official file with exit code 1 and leaves the store as it was', async () => {
    expect((await cli('--db', db, 'ingest', 'un-xml', path.join(LISTS, 'un'), '--dataset', 'un')).code).toBe(0);
    const before = (await cli('--db', db, 'datasets', '--format', 'json')).stdout;
    const xml = rawText('un/UN_consolidated_20260227.xml.gz');
    const cut = writeTemp(dir, 'UN_cut.xml', xml.slice(0, Math.floor(xml.length / 2)));
    const failed = await cli('--db', db, 'ingest', 'un-xml', cut, '--dataset', 'un');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/UN_cut\.xml:\d+: truncated XML/);
    expect((await cli('--db', db, 'datasets', '--format', 'json')).stdout).toBe(before);
    const exported = await cli('--db', db, 'export', '--format', 'ftm', '--dataset', 'un');
    expect(exported.stdout.trim().split('\n')).toHaveLength(JSON.parse(before)[0].entities);
  });

  it('reads the store named by SANCTRACE_DB when --db is not given', async () => {
    vi.stubEnv('SANCTRACE_DB', db);
    await cli('ingest', 'ftm', path.join(LISTS, 'ftm', 't1_entities.ftm.json.gz'), '--dataset', 't1');
    vi.unstubAllEnvs();
    const listed = await cli('--db', db, 'datasets', '--format', 'json');
    expect(JSON.parse(listed.stdout)[0]).toMatchObject({ name: 't1', records: 7 });
  });
});
