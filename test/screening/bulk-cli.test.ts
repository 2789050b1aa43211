import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { cli } from '../cli-run.js';
import { LISTS, tempDir, writeTemp } from '../helpers.js';

const FACTORY = fileURLToPath(new URL('../fixtures/matcher-tokens.ts', import.meta.url));
const KUZMENKO = 'NK-2Ka3UvopqbpZmVDFjWd4LA';

describe('sanctrace screen, decide, log, decisions', () => {
  let dir: string;
  let db: string;
  let input: string;
  beforeAll(async () => {
    dir = tempDir();
    db = path.join(dir, 'cli.duckdb');
    const t1 = path.join(LISTS, 'ftm', 't1_entities.ftm.json.gz');
    expect((await cli('--db', db, 'ingest', 'ftm', t1, '--dataset', 't1', '--version', 'a')).code).toBe(0);
    expect((await cli('--db', db, 'ingest', 'un-xml', path.join(LISTS, 'un'), '--dataset', 'un', '--version', 'v1')).code).toBe(0);
    input = writeTemp(
      dir,
      'customers.csv',
      [
        'id,name,birth_date,notes',
        'c1,Vitaly Yurievich KUZMENKO,1971-01-22,first',
        'c2,X,,bad',
        'c3,"Tatyana Vladimirovna ZHURAVLEVA",,',
        'c4,Eric Badege,1971,',
      ].join('\n') + '\n',
    );
  });
  afterEach(() => vi.restoreAllMocks());

  it('screens a CSV file with worker threads, in input order, reporting bad rows by line', async () => {
    const res = await cli('--db', db, 'screen', '--input', input, '--workers', '2', '--matcher', FACTORY, '--limit', '2');
    expect(res.code).toBe(0);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(lines[0].results[0]).toMatchObject({ entity_id: KUZMENKO, score: 1, match: true, datasets: ['t1'] });
    expect(lines[0].log_id).toBeGreaterThan(0);
    expect(lines[1]).toEqual({ id: 'c2', line: 3, error: 'name of one character ("X") cannot be screened' });
    expect(lines[3].results[0]).toMatchObject({ caption: 'ERIC BADEGE', datasets: ['un'] });
    expect(res.stderr).toMatch(/customers\.csv: ignoring column "notes"/);
    expect(res.stderr).toMatch(/customers\.csv:3: name of one character \("X"\) cannot be screened \(id c2\)/);
    expect(res.stderr).toMatch(/screened 3 of 4 rows \(1 not screenable, \d+ with matches, 0 results suppressed\) with test-tokens 1 against t1 a, un v1; 3 audit log entries/);
    expect(res.stderr).not.toMatch(/\[.*\] \d+%/); // no progress bar in a pipe

    const csv = path.join(dir, 'out.csv');
    const toFile = await cli('--db', db, 'screen', '--input', input, '--workers', '1', '--matcher', FACTORY, '--format', 'csv', '--output', csv, '--dataset', 'un', '--no-audit');
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe('');
    expect(toFile.stderr).toMatch(/against un v1; audit log off/);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('id,name,entity_id,caption,schema,score,match,suppressed,datasets,explanation,decision,error');
    expect(rows.filter((r) => r.startsWith('c4,Eric Badege,')).length).toBeGreaterThan(0);
  });

  it('exits 1 or 2 with a clear message on a bad header, bad flags or a missing matcher', async () => {
    const bad = writeTemp(dir, 'bad.csv', 'identifier,fullname\n1,Ivan\n');
    const header = await cli('--db', db, 'screen', '--input', bad, '--matcher', FACTORY, '--workers', '1');
    expect(header.code).toBe(1);
    expect(header.stderr).toMatch(/bad\.csv:1: the header lacks the required columns "id" and "name" \(found: "identifier", "fullname"/);
    expect(header.stdout).toBe('');

    const missing = await cli('--db', db, 'screen', '--input', input, '--matcher', path.join(dir, 'no-engine.js'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/sanctrace: error: no matcher module at .*no-engine\.js/);

    expect((await cli('--db', db, 'screen', '--input', path.join(dir, 'nope.csv'), '--matcher', FACTORY)).stderr).toMatch(/nope\.csv: no such file/);
    expect((await cli('--db', db, 'screen', '--input', input, '--matcher', FACTORY, '--threshold', '2')).code).toBe(2);
    expect((await cli('--db', db, 'screen', '--input', input, '--matcher', FACTORY, '--dataset', 'nope')).stderr).toMatch(/no dataset named "nope"; loaded: t1, un/);
    expect((await cli('--db', db, 'screen', '--input', input, '--format', 'xml')).code).toBe(2);
    expect((await cli('--db', db, 'screen')).code).toBe(2);
  });

  it('records a decision from the CLI that suppresses the result in the next run, and exports log and decisions', async () => {
    const first = await cli('--db', db, 'screen', '--input', input, '--workers', '2', '--matcher', FACTORY, '--dataset', 't1');
    const c1 = JSON.parse(first.stdout.split('\n')[0]!);
    const decided = await cli('--db', db, 'decide', '--query-id', String(c1.log_id), '--entity', KUZMENKO, '--decision', 'false_positive', '--note', 'namesake', '--reviewer', 'alice', '--format', 'json');
    expect(decided.code).toBe(0);
    const decision = JSON.parse(decided.stdout);
    expect(decision).toMatchObject({ id: 1, entity_id: KUZMENKO, decision: 'false_positive', reviewer: 'alice', note: 'namesake', log_id: c1.log_id, query_key: 'c1' });

    const second = await cli('--db', db, 'screen', '--input', input, '--workers', '2', '--matcher', FACTORY, '--dataset', 't1');
    const again = JSON.parse(second.stdout.split('\n')[0]!);
    expect(again.results.map((r: { entity_id: string }) => r.entity_id)).not.toContain(KUZMENKO);
    expect(again.suppressed[0]).toMatchObject({ entity_id: KUZMENKO, decision: { id: 1, reviewer: 'alice', entity_changed: false } });
    expect(second.stderr).toMatch(/1 results suppressed/);

    const byFingerprint = await cli('--db', db, 'decide', '--query-id', decision.query_fingerprint, '--entity', KUZMENKO, '--decision', 'match', '--reviewer', 'bob');
    expect(byFingerprint.code).toBe(0);
    expect(byFingerprint.stdout).toMatch(/^decision 2: match — NK-2Ka3UvopqbpZmVDFjWd4LA for query [0-9a-f]{32} by bob/);
    expect((await cli('--db', db, 'decide', '--query-id', '99999', '--entity', KUZMENKO, '--decision', 'match')).stderr).toMatch(/no screening log entry 99999/);
    expect((await cli('--db', db, 'decide', '--query-id', 'abc', '--entity', KUZMENKO, '--decision', 'match')).code).toBe(2);
    expect((await cli('--db', db, 'decide', '--query-id', '1', '--entity', 'NK-nope', '--decision', 'match')).stderr).toMatch(/no entity "NK-nope" in the store/);
    expect((await cli('--db', db, 'decide', '--query-id', '1', '--entity', KUZMENKO, '--decision', 'perhaps')).code).toBe(2);

    const log = await cli('--db', db, 'log', '--format', 'jsonl');
    expect(log.code).toBe(0);
    const entries = log.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(entries.map((e) => e.id)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.every((e) => e.source === 'bulk')).toBe(true);
    expect(entries.find((e) => e.id === c1.log_id)).toMatchObject({ query_key: 'c1', dataset_versions: { t1: 'a' } });
    expect(JSON.parse((await cli('--db', db, 'log', '--format', 'json', '--limit', '2')).stdout)).toHaveLength(2);
    expect((await cli('--db', db, 'log', '--since', '2999-01-01')).stdout).toBe('');

    const csv = await cli('--db', db, 'decisions', '--format', 'csv');
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('id,at,query_fingerprint,query_key,log_id,entity_id,entity_hash,decision,reviewer,note');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(new RegExp(`^1,[^,]+,${decision.query_fingerprint},c1,${c1.log_id},${KUZMENKO},[0-9a-f]{64},false_positive,alice,namesake$`));
    const jsonl = (await cli('--db', db, 'decisions', '--entity', KUZMENKO)).stdout.trim().split('\n');
    expect(jsonl.map((l) => JSON.parse(l).decision)).toEqual(['false_positive', 'match']);
  });
});
