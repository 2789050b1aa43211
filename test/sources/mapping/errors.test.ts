import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from '../../cli-run.js';
import path from 'node:path';
import { ingest } from '../../../src/ingest/ingest.js';
import { mappingReader } from '../../../src/sources/mapping/index.js';
import { DuckDbStore } from '../../../src/store/duckdb/duckdb-store.js';
import { readError, tempDir, writeTemp } from '../../helpers.js';

const CSV = 'id,name,born\n1,Anna,1970\n';

/** The error a mapping gives on the CSV above: "m.yml:<line>:<col>: reason". */
async function mappingError(yaml: string, data: Record<string, string> = { 'p.csv': CSV }): Promise<string> {
  const dir = tempDir();
  const files = [writeTemp(dir, 'm.yml', yaml), ...Object.entries(data).map(([n, c]) => writeTemp(dir, n, c))];
  const e = await readError(mappingReader, files);
  return e.message.replace(dir + path.sep, '');
}

describe('mapping errors name the mapping file, line and column', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['malformed YAML', 'entities:\n  p: { schema: Person\n', /^m\.yml:3:1: malformed YAML: /],
    ['a key twice', 'entities:\n  p:\n    schema: Person\n    schema: Company\n', /^m\.yml:4:5: malformed YAML: Map keys must be unique/],
    ['an empty mapping', '', /^m\.yml:1:1: the mapping is empty/],
    ['an unknown top-level key', 'entites: {}\n', /^m\.yml:1:1: unknown key "entites" in the mapping; expected one of: /],
    ['an unknown schema', 'entities:\n  p:\n    schema: Persn\n    keys: [id]\n', /^m\.yml:3:13: unknown FtM schema "Persn"/],
    ['an abstract schema', 'entities:\n  p:\n    schema: Thing\n    keys: [id]\n', /^m\.yml:3:13: FtM schema "Thing" is abstract/],
    ['keys not a list', 'entities:\n  p:\n    schema: Person\n    keys: id\n', /^m\.yml:4:11: keys of entity "p" must be a list, not the text "id"/],
    ['no keys', 'entities:\n  p:\n    schema: Person\n', /^m\.yml:2:3: entity "p" needs "keys"/],
    ['an unknown property', 'entities:\n  p:\n    schema: Person\n    keys: [id]\n    properties:\n      name: name\n      birthdate: born\n', /^m\.yml:7:7: FtM schema Person has no property "birthdate"/],
    ['a reverse property', 'entities:\n  p:\n    schema: Person\n    keys: [id]\n    properties:\n      name: name\n      ownershipOwner: { entity: p }\n', /^m\.yml:7:7: "ownershipOwner" is a reverse property of Person/],
    ['a required property not mapped', 'entities:\n  p:\n    schema: Person\n    keys: [id]\n    properties:\n      birthDate: born\n', /^m\.yml:5:5: entity "p" \(Person\) must map "name", which FtM requires/],
    ['two sources', 'entities:\n  p:\n    schema: Person\n    keys: [id]\n    properties:\n      name: { column: name, literal: x }\n', /^m\.yml:6:13: the value of entity "p", property "name" needs exactly one of column, columns, literal, literals, template, entity \(has column, literal\)/],
    ['a wrong type', 'entities:\n  p:\n    schema: Person\n    keys: [id]\n    properties:\n      name: { column: [a, b] }\n', /^m\.yml:6:23: column must be text, not a list/],
    ['a boolean expected', 'strict: yes please\nentities: {}\n', /^m\.yml:1:9: strict must be true or false, not the text "yes please"/],
    ['entity: on a string property', 'entities:\n  p:\n    schema: Person\n    keys: [id]\n    properties:\n      name: { entity: p }\n', /^m\.yml:6:23: entity "p", property "name" is a name property, not a reference/],
    ['a column on an entity property', 'entities:\n  o:\n    schema: Ownership\n    keys: [id]\n    properties:\n      owner: name\n      asset: name\n', /^m\.yml:6:14: entity "o", property "owner" refers to an entity: write \{entity: <name>\}/],
    ['a reference to an unknown entity', 'entities:\n  p: { schema: Person, keys: [id], properties: { name: name } }\n  o:\n    schema: Ownership\n    keys: [id]\n    properties:\n      owner: { entity: p }\n      asset: { entity: company }\n', /^m\.yml:8:24: no entity "company" in this query \(entities: p, o\)/],
    ['an unknown cleaner', 'entities:\n  p:\n    schema: Person\n    keys: [id]\n    properties:\n      name: { column: name, cleaner: titlecase }\n', /^m\.yml:6:38: unknown cleaner "titlecase"/],
    ['an unknown identifier check', 'entities:\n  p:\n    schema: Person\n    keys: [id]\n    properties:\n      name: { column: name, validate: ssn }\n', /^m\.yml:6:39: unknown identifier check "ssn"/],
    ['a bad date format', 'entities:\n  p:\n    schema: Person\n    keys: [id]\n    properties:\n      name: name\n      birthDate: { column: born, format: "%d.%q.%Y" }\n', /^m\.yml:7:42: unknown date directive "%q"/],
    ['a format on a non-date property', 'entities:\n  p:\n    schema: Person\n    keys: [id]\n    properties:\n      name: { column: name, format: "%Y" }\n', /^m\.yml:6:37: format is for date properties; entity "p", property "name" is name/],
    ['a bad regular expression', 'entities:\n  p:\n    schema: Person\n    keys: [id]\n    where: { matches: { name: "([" } }\n    properties:\n      name: name\n', /^m\.yml:5:31: invalid regular expression/],
    ['a bad invalid policy', 'entities:\n  p:\n    schema: Person\n    keys: [id]\n    properties:\n      name: { column: name, invalid: ignore }\n', /^m\.yml:6:38: invalid must be reject, skip or note, not "ignore"/],
    ['a bad max_rejected', 'max_rejected: lots\nentities: {}\n', /^m\.yml:1:15: max_rejected must be a number of rows or a percentage/],
    ['queries and inline entities both', 'queries: []\nentities: {}\n', /^m\.yml:2:1: "entities" belongs inside a query/],
  ];
  for (const [what, yaml, expected] of cases) {
    it(what, async () => {
      expect(await mappingError(yaml)).toMatch(expected);
    });
  }

  it('a column missing from the CSV header names the mapping line that reads it and the data file', async () => {
    const yaml = 'entities:\n  p:\n    schema: Person\n    keys: [id]\n    properties:\n      name: name\n      nationality: { column: citizenship }\n';
    expect(await mappingError(yaml)).toBe('m.yml:7:30: column "citizenship" is not in p.csv (header: id,name,born)');
  });

  it('a key missing from every JSON line is a mapping error too; a key missing from some lines is empty', async () => {
    const yaml = 'entities:\n  p:\n    schema: Person\n    keys: [id]\n    properties:\n      name: name\n      nationality: nat\n';
    expect(await mappingError(yaml, { 'p.jsonl': '{"id":1,"name":"A"}\n{"id":2,"name":"B"}\n' })).toBe('m.yml:7:20: column "nat" is not in p.jsonl (in no line of the file)');
  });

  it('a data file no query reads, a JSON array, a non-data file, no mapping first', async () => {
    const q = 'queries:\n  - files: "people*.csv"\n    entities:\n      p: { schema: Person, keys: [id], properties: { name: name } }\n';
    expect(await mappingError(q)).toMatch(/p\.csv: no query of m\.yml reads this file \(files: people\*\.csv\)/);
    const p = 'entities:\n  p: { schema: Person, keys: [id], properties: { name: name } }\n';
    expect(await mappingError(p, { 'p.json': '[\n{"id": 1, "name": "A"}\n]\n' })).toMatch(/p\.json:1: a JSON array; mappings read JSON lines/);
    expect(await mappingError(p, { 'p.xlsx': 'PK' })).toMatch(/p\.xlsx: not a data file a mapping reads \(\.xlsx/);
    const dir = tempDir();
    const csv = writeTemp(dir, 'p.csv', CSV);
    expect((await readError(mappingReader, [csv, csv])).message).toMatch(/the first input of a mapping ingest must be the mapping/);
    expect((await readError(mappingReader, [writeTemp(dir, 'm.yml', p)])).message).toMatch(/no data files given after the mapping/);
  });
});

describe('mapping ingest is all-or-nothing', () => {
  it('a strict mapping with a bad row in the second file loads nothing; the lenient one loads the rest and counts the row', async () => {
    const dir = tempDir();
    const store = await DuckDbStore.open(path.join(dir, 's.duckdb'));
    try {
      const body = 'entities:\n  line:\n    schema: EconomicActivity\n    keys: [no]\n    properties:\n      hsCode: hs\n      declarationDate: { column: date, format: "%d.%m.%Y" }\n';
      const a = writeTemp(dir, 'a.csv', 'no,hs,date\n1,8542.31,01.02.2023\n2,8471,03.02.2023\n');
      const b = writeTemp(dir, 'b.csv', 'no,hs,date\n3,84AB,04.02.2023\n4,8517,31.02.2023\n5,8517,05.02.2023\n');
      const strict = writeTemp(dir, 'strict.yml', 'strict: true\n' + body);
      await expect(ingest(store, { format: 'mapping', inputs: [strict, a, b], dataset: 'customs' })).rejects.toThrow(/b\.csv:2: line\.hsCode \(column hs\): not an HS code: "84AB"/);
      expect(await store.latestVersion('customs')).toBeUndefined();

      const lenient = writeTemp(dir, 'lenient.yml', body);
      const r = await ingest(store, { format: 'mapping', inputs: [lenient, a, b], dataset: 'customs' });
      expect(r.version).toMatchObject({ records: 5, entities: 3 });
      expect(Object.fromEntries([...r.report.unusable].map(([k, v]) => [k, v]))).toEqual({
        'rejected row: line.hsCode (column hs): not an HS code': { count: 1, examples: ['b.csv:2 "84AB"'] },
        'rejected row: line.declarationDate (column date): not a date in format "%d.%m.%Y"': { count: 1, examples: ['b.csv:3 "31.02.2023"'] },
      });
    } finally {
      await store.close();
    }
  });
});

describe('sanctrace ingest mapping (CLI)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a mapping error exits 1 naming the mapping line; a bad row is reported; the store keeps nothing of a failed load', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.duckdb');
    const csv = writeTemp(dir, 'p.csv', 'id,name,born\n1,Anna,1970\n2,Boris,31.02.1970\n');
    const bad = writeTemp(dir, 'bad.yml', 'entities:\n  p:\n    schema: Person\n    keys: [id]\n    properties:\n      name: name\n      birthDate: birth\n');
    const failed = await cli('--db', db, 'ingest', 'mapping', bad, csv, '--dataset', 'people');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/bad\.yml:7:18: column "birth" is not in p\.csv \(header: id,name,born\)/);
    expect(JSON.parse((await cli('--db', db, 'datasets', '--format', 'json')).stdout)).toEqual([]);
    const good = writeTemp(dir, 'good.yml', 'entities:\n  p:\n    schema: Person\n    keys: [id]\n    properties:\n      name: name\n      birthDate: born\n');
    const ok = await cli('--db', db, 'ingest', 'mapping', good, csv, '--dataset', 'people');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/people: loaded version .* — 2 records, 1 entities/);
    expect(ok.stdout).toMatch(/reported: 1 × rejected row: p\.birthDate \(column born\): not a date \(e\.g\. p\.csv:3 "31\.02\.1970"\)/);
  });
});
