import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { ingest } from '../../src/ingest/ingest.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { queryFingerprint } from '../../src/store/audit.js';
import type { StoredEntity } from '../../src/store/store.js';
import {
  InlineExecutor,
  InputHeaderError,
  MatcherLoadError,
  WorkerPool,
  resolveMatcherModule,
  screenBulk,
  type BulkSummary,
  type MatchExecutor,
  type RowError,
} from '../../src/screening/bulk.js';
import { checkHeader, rowToQuery } from '../../src/screening/bulk-input.js';
import type { BulkLine } from '../../src/screening/bulk-format.js';
import { TokenMatcher } from '../fixtures/matcher-tokens.js';
import { LISTS, tempDir } from '../helpers.js';

const FACTORY = new URL('../fixtures/matcher-tokens.ts', import.meta.url);

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, cb: () => void) {
    this.text += chunk.toString();
    cb();
  }
}

function csvField(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function jsonl(text: string): BulkLine[] {
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

describe('bulk screening', () => {
  let dir: string;
  let db: string;
  let people: StoredEntity[];
  let companies: StoredEntity[];

  beforeAll(async () => {
    dir = tempDir();
    db = path.join(dir, 'bulk.duckdb');
    const store = await DuckDbStore.open(db);
    await ingest(store, { format: 'un-xml', inputs: [path.join(LISTS, 'un')], dataset: 'un', version: '2026-02-27' });
    await ingest(store, { format: 'ftm', inputs: [path.join(LISTS, 'ftm', 't1_entities.ftm.json.gz')], dataset: 't1', version: 'a' });
    people = [];
    companies = [];
    for await (const e of store.entities({ datasets: ['un'] })) {
      if (e.schema === 'Person' && e.properties['name']?.length) people.push(e);
      if (e.schema !== 'Person' && e.properties['name']?.length && e.schema !== 'Address') companies.push(e);
    }
    await store.close();
  });

  it('reads the header in any order and case, and names missing columns', () => {
    expect(checkHeader(['Name', 'ID', 'extra']).index).toEqual({ name: 0, id: 1 });
    expect(checkHeader(['Name', 'ID', 'extra']).ignored).toEqual(['extra']);
    expect(() => checkHeader(['identifier', 'title'])).toThrow(/lacks the required columns "id" and "name"/);
    expect(() => checkHeader(['id', 'fullname'])).toThrow(/lacks the required column "name" \(found: "id", "fullname"/);
    expect(() => checkHeader(['id', 'name', 'ID'])).toThrow(/names the column "id" twice/);
  });

  it('turns rows into FtM queries and refuses bad values with a reason', () => {
    expect(rowToQuery({ id: '1', name: '  Eric   Badege ', birth_date: '1971', country: 'Rwanda' })).toEqual({
      query: { schema: 'Person', properties: { name: ['Eric Badege'], country: ['rw'], birthDate: ['1971'] } },
    });
    expect(rowToQuery({ id: '2', name: 'Zala Aero', schema: 'Company', identifier: '1234567890' })).toEqual({
      query: { schema: 'Company', properties: { name: ['Zala Aero'], registrationNumber: ['1234567890'] } },
    });
    const error = (row: Parameters<typeof rowToQuery>[0]) => {
      const out = rowToQuery(row);
      return 'error' in out ? out.error : undefined;
    };
    expect(error({ id: '3', name: '' })).toBe('empty name');
    expect(error({ id: '3', name: '   ' })).toBe('empty name');
    expect(error({ id: '3', name: 'X' })).toMatch(/one character/);
    expect(error({ id: '3', name: 'A'.repeat(10_000) })).toMatch(/name of 10,000 characters is longer than the limit of 1,000/);
    expect(error({ id: '3', name: 'Bad\u0007Name' })).toBe('control character U+0007 in name');
    expect(error({ id: '3', name: 'Good Name', schema: 'Spaceship' })).toBe('unknown schema "Spaceship"');
    expect(error({ id: '3', name: 'Good Name', schema: 'Thing' })).toMatch(/not matchable/);
    expect(error({ id: '3', name: 'Good Name', birth_date: '31.02.1970' })).toMatch(/invalid birth_date "31.02.1970"/);
    expect(error({ id: '3', name: 'Good Name', country: 'Atlantis' })).toMatch(/unknown country "Atlantis"/);
    // tabs and line breaks inside a name are spaces, not errors
    expect(rowToQuery({ id: '4', name: 'Eric\tBadege\n' })).toMatchObject({ query: { properties: { name: ['Eric Badege'] } } });
  });

  it('keeps input order with two workers, reports malformed rows by line and goes on', async () => {
    const rows: string[] = ['id,name,schema,birth_date'];
    const expected: Array<{ id: string; entity?: string; error?: RegExp; line: number }> = [];
    const bad: Array<[string, string, RegExp]> = [
      [',', 'empty name', /empty name/],
      ['X,', 'one character', /one character/],
      [`${'N'.repeat(10_000)},`, 'long', /10,000 characters/],
      ['Ctrl\u0001Name,', 'control', /control character U\+0001/],
      ['Some Name,Spaceship', 'schema', /unknown schema "Spaceship"/],
      ['Some Name,Person', 'date', /invalid birth_date/],
    ];
    for (let i = 0; i < 240; i++) {
      const line = rows.length + 1;
      if (i % 40 === 7) {
        const [cells, , re] = bad[(i / 40) | 0]!;
        const [name, schema] = cells.split(',');
        rows.push([`row${i}`, csvField(name!), schema ?? '', re.source.includes('birth') ? '2001-13-45' : ''].join(','));
        expected.push({ id: `row${i}`, error: re, line });
        continue;
      }
      const e = people[i % people.length]!;
      rows.push([`row${i}`, csvField(e.properties['name']![0]!), 'Person', ''].join(','));
      expected.push({ id: `row${i}`, entity: e.id, line });
    }
    // a row with too many fields and one without an id
    rows.push('row240,A Name,Person,,surplus');
    expected.push({ id: 'row240', error: /the row has 5 fields; the header has 4/, line: rows.length });
    rows.push(',Another Name,,');
    expected.push({ id: '', error: /empty id/, line: rows.length });

    const out = new Collect();
    const errors: RowError[] = [];
    const progress: number[] = [];
    const pool = await WorkerPool.start({ factoryModule: FACTORY, dbPath: db, datasets: ['un'], workers: 2 });
    let summary: BulkSummary;
    try {
      expect(pool.parallelism).toBe(2);
      summary = await screenBulk({
        input: Readable.from([rows.join('\n') + '\n']),
        output: out,
        format: 'jsonl',
        executor: pool,
        limit: 3,
        datasets: ['un'],
        batchSize: 5,
        onRowError: (e) => errors.push(e),
        onProgress: (n) => progress.push(n),
      });
    } finally {
      await pool.close();
    }
    const lines = jsonl(out.text);
    expect(lines).toHaveLength(expected.length);
    lines.forEach((l, i) => {
      const want = expected[i]!;
      if (want.error) {
        expect(l).toMatchObject({ line: want.line });
        expect('error' in l && l.error).toMatch(want.error);
        expect(l.id ?? '').toBe(want.id);
      } else {
        expect(l.id).toBe(want.id);
        if ('error' in l) throw new Error(`row ${want.id}: ${l.error}`);
        expect(l.results.length).toBeGreaterThan(0);
        expect(l.results.length).toBeLessThanOrEqual(3);
        expect(l.results.map((r) => r.entity_id)).toContain(want.entity);
        expect(l.results[0]!.score).toBe(1);
        expect(Object.keys(l.results[0]!).sort()).toEqual(
          ['caption', 'datasets', 'entity_id', 'explanations', 'match', 'schema', 'score'].sort(),
        );
        expect(l.results[0]!.datasets).toEqual(['un']);
        expect(l.results[0]!.explanations[0]).toMatchObject({ feature: 'name_tokens', method: expect.any(String) });
      }
    });
    const wantErrors = expected.filter((e) => e.error);
    expect(errors.map((e) => e.line)).toEqual(wantErrors.map((e) => e.line));
    expect(summary!).toMatchObject({ rows: 242, errors: wantErrors.length, screened: 242 - wantErrors.length, logged: 0 });
    expect(summary!.algorithm).toEqual({ name: 'test-tokens', version: '1' });
    expect(summary!.datasetVersions).toEqual({ un: '2026-02-27' });
    expect(progress.at(-1)).toBe(242);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('writes in input order when batches finish in reverse order', async () => {
    const store = await DuckDbStore.open(db);
    try {
      const inline = new InlineExecutor(await TokenMatcher.fromStore(store, ['un']));
      let reversed = 0;
      const held: Array<() => void> = [];
      const release = () => {
        if (held.length > 1) reversed++;
        for (const go of held.splice(0).reverse()) go();
      };
      const executor: MatchExecutor = {
        algorithm: inline.algorithm,
        parallelism: 4,
        datasetVersions: () => inline.datasetVersions(),
        run: async (tasks) => {
          const outcomes = await inline.run(tasks);
          await new Promise<void>((resolve) => {
            held.push(resolve);
            if (held.length === 3) release();
            else setImmediate(release);
          });
          return outcomes;
        },
        close: async () => undefined,
      };
      const names = people.slice(0, 60);
      const input = ['id,name', ...names.map((e, i) => `p${i},${csvField(e.properties['name']![0]!)}`)].join('\n');
      const out = new Collect();
      await screenBulk({ input: Readable.from([input]), output: out, format: 'jsonl', executor, limit: 1, batchSize: 2 });
      const lines = jsonl(out.text);
      expect(lines.map((l) => l.id)).toEqual(names.map((_, i) => `p${i}`));
      lines.forEach((l, i) => expect('results' in l && l.results[0]!.entity_id).toBe(names[i]!.id));
      expect(reversed).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('writes CSV: one row per result, a row for inputs without results or with errors', async () => {
    const store = await DuckDbStore.open(db);
    try {
      const matcher = await TokenMatcher.fromStore(store);
      const target = companies[0]!;
      const input = `id,name\nc1,${csvField(target.properties['name']![0]!)}\nc2,Qwxyzzy Unfindable\nc3,X\n`;
      const out = new Collect();
      await screenBulk({ input: Readable.from([input]), output: out, format: 'csv', executor: new InlineExecutor(matcher), limit: 2 });
      const [head, ...rest] = out.text.trim().split('\n');
      expect(head).toBe('id,name,entity_id,caption,schema,score,match,suppressed,datasets,explanation,decision,error');
      const c1 = rest.filter((l) => l.startsWith('c1,'));
      expect(c1.length).toBeGreaterThanOrEqual(1);
      expect(c1[0]).toContain(target.id);
      expect(c1[0]).toMatch(/,1,true,false,/);
      expect(c1[0]).toMatch(/name_tokens 1/);
      expect(rest.filter((l) => l.startsWith('c2,'))).toEqual(['c2,Qwxyzzy Unfindable,,,,,,,,,,']);
      expect(rest.find((l) => l.startsWith('c3,'))).toMatch(/line 4: name of one character/);
    } finally {
      await store.close();
    }
  });

  it('refuses a wrong header before writing anything, and an empty input', async () => {
    const store = await DuckDbStore.open(db);
    try {
      const executor = new InlineExecutor(await TokenMatcher.fromStore(store));
      const out = new Collect();
      const err = await screenBulk({ input: Readable.from(['ident,fullname\n1,Eric Badege\n']), output: out, format: 'jsonl', executor, limit: 5 }).catch(
        (e) => e,
      );
      expect(err).toBeInstanceOf(InputHeaderError);
      expect((err as InputHeaderError).missing).toEqual(['id', 'name']);
      expect(out.text).toBe('');
      const empty = await screenBulk({ input: Readable.from(['']), output: out, format: 'jsonl', executor, limit: 5 }).catch((e) => e);
      expect(empty).toBeInstanceOf(InputHeaderError);
      expect(String(empty.message)).toMatch(/the input is empty/);
    } finally {
      await store.close();
    }
  });

  it('reports an unclosed quote by line and keeps what came before', async () => {
    const store = await DuckDbStore.open(db);
    try {
      const executor = new InlineExecutor(await TokenMatcher.fromStore(store));
      const out = new Collect();
      const errors: RowError[] = [];
      const name = people[0]!.properties['name']![0]!;
      const summary = await screenBulk({
        input: Readable.from([`id,name\na,${csvField(name)}\nb,"Broken name\nc,Another\n`]),
        output: out,
        format: 'jsonl',
        executor,
        limit: 1,
        onRowError: (e) => errors.push(e),
      });
      const lines = jsonl(out.text);
      expect(lines[0]).toMatchObject({ id: 'a' });
      expect(lines[1]).toMatchObject({ line: 3, error: expect.stringMatching(/quote is not closed.*could not be read from this line on/) });
      expect(errors).toHaveLength(1);
      expect(summary.errors).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('logs every screened row and leaves decided false positives out until the entity changes', async () => {
    const store = await DuckDbStore.open(db);
    try {
      const executor = new InlineExecutor(await TokenMatcher.fromStore(store, ['t1']));
      const person = (await store.getEntity('NK-2Ka3UvopqbpZmVDFjWd4LA'))!;
      const input = 'id,name,birth_date\nk1,Vitaly Yurievich KUZMENKO,1971-01-22\n';
      const run = async () => {
        const out = new Collect();
        const summary = await screenBulk({ input: Readable.from([input]), output: out, format: 'jsonl', executor, limit: 3, store, log: true });
        return { line: jsonl(out.text)[0]!, summary };
      };
      const first = await run();
      if ('error' in first.line) throw new Error(first.line.error);
      expect(first.line.results[0]).toMatchObject({ entity_id: person.id, score: 1, match: true });
      expect(first.line.log_id).toBeGreaterThan(0);
      const entry = (await store.getScreeningLogEntry(first.line.log_id!))!;
      expect(entry).toMatchObject({ source: 'bulk', query_key: 'k1', dataset_versions: { t1: 'a' } });
      expect(entry.query_fingerprint).toBe(
        queryFingerprint({ schema: 'Person', properties: { name: ['Vitaly Yurievich KUZMENKO'], birthDate: ['1971-01-22'] } }),
      );
      expect(entry.results[0]).toEqual({ entity_id: person.id, score: 1, match: true });

      const hash = (await store.entityHashes([person.id])).get(person.id)!;
      await store.addDecision({
        query_fingerprint: entry.query_fingerprint, query_key: 'k1', log_id: entry.id, entity_id: person.id,
        entity_hash: hash, decision: 'false_positive', reviewer: 'test', note: 'another Kuzmenko',
      });
      const second = await run();
      if ('error' in second.line) throw new Error(second.line.error);
      expect(second.line.results.map((r) => r.entity_id)).not.toContain(person.id);
      expect(second.line.suppressed).toHaveLength(1);
      expect(second.line.suppressed![0]).toMatchObject({
        entity_id: person.id,
        decision: { decision: 'false_positive', reviewer: 'test', note: 'another Kuzmenko', entity_changed: false },
      });
      expect(second.summary).toMatchObject({ suppressed: 1, withMatches: 0, logged: 1 });
      const logged = (await store.getScreeningLogEntry(second.line.log_id!))!;
      expect(logged.results.find((r) => r.entity_id === person.id)).toMatchObject({ suppressed_by: expect.any(Number) });
    } finally {
      await store.close();
    }
  });

  it('fails clearly when the matcher module is missing', async () => {
    expect(() => resolveMatcherModule(path.join(dir, 'nope.js'))).toThrow(MatcherLoadError);
    expect(() => resolveMatcherModule(path.join(dir, 'nope.js'))).toThrow(/no matcher module at .*nope\.js/);
    const failing = path.join(dir, 'failing-matcher.mjs');
    await import('node:fs').then((fs) => fs.writeFileSync(failing, 'export async function createMatcher() { throw new Error("index broken"); }\n'));
    const err = await WorkerPool.start({ factoryModule: resolveMatcherModule(failing), dbPath: db, workers: 2 }).catch((e) => e);
    expect(err).toBeInstanceOf(MatcherLoadError);
    expect(String(err.message)).toMatch(/cannot build the matcher: index broken/);
  });

});
