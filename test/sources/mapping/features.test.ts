import { describe, expect, it } from 'vitest';
import type { FtmEntity } from '../../../src/model/entity.js';
import { makeId } from '../../../src/model/ids.js';
import { mappingReader } from '../../../src/sources/mapping/index.js';
import type { ReadReport } from '../../../src/sources/report.js';
import { props, readAll, readError, tempDir, writeTemp } from '../../helpers.js';

/** Maps data files (name → content) through a mapping; returns entities in order and the report. */
async function run(yaml: string, data: Record<string, string>): Promise<{ entities: FtmEntity[]; keys: string[]; report: ReadReport }> {
  const dir = tempDir();
  const files = [writeTemp(dir, 'm.yml', yaml), ...Object.entries(data).map(([n, c]) => writeTemp(dir, n, c))];
  const { records, report } = await readAll(mappingReader, files);
  return { entities: records.flatMap((r) => r.entities), keys: records.map((r) => r.key), report };
}

async function fails(yaml: string, data: Record<string, string>): Promise<string> {
  const dir = tempDir();
  const files = [writeTemp(dir, 'm.yml', yaml), ...Object.entries(data).map(([n, c]) => writeTemp(dir, n, c))];
  return (await readError(mappingReader, files)).message;
}

const of = (list: FtmEntity[], schema: string) => list.filter((e) => e.schema === schema);
const unusable = (r: ReadReport) => Object.fromEntries([...r.unusable].map(([k, v]) => [k, v]));

const PEOPLE = `entities:
  p:
    schema: Person
    keys: [id]
    properties:
`;

describe('mapping values', () => {
  it('column (shorthand or explicit), columns, join, literal(s), template, split', async () => {
    const { entities } = await run(
      PEOPLE +
        `      name: { template: "{{first}} {{last}}" }
      firstName: first
      alias: { columns: [alias1, alias2] }
      middleName: { columns: [first, last], join: "-" }
      topics: { literals: [role.pep, sanction] }
      country: { literal: KZ }
      email: { column: mails, split: ";" }
      address: { template: "{{street}}, {{flat}}, {{city}}" }
`,
      { 'p.csv': 'id,first,last,alias1,alias2,mails,street,flat,city\n1,Anna,Ivanova,A. Ivanova,,a@x.kz; b@y.kz,Abay 1,,Almaty\n' },
    );
    expect(entities).toHaveLength(1);
    expect(entities[0]!.properties).toEqual({
      name: ['Anna Ivanova'],
      firstName: ['Anna'],
      alias: ['A. Ivanova'],
      middleName: ['Anna-Ivanova'],
      topics: ['role.pep', 'sanction'],
      country: ['kz'],
      email: ['a@x.kz', 'b@y.kz'],
      address: ['Abay 1, Almaty'],
    });
  });

  it('a template whose placeholders are all empty gives no value', async () => {
    const { entities } = await run(PEOPLE + `      name: id\n      address: { template: "{{street}}, {{city}}" }\n`, { 'p.csv': 'id,street,city\n7,,\n' });
    expect(entities[0]!.properties).toEqual({ name: ['7'] });
  });

  it('map replaces values case-insensitively, drops those mapped to "", keeps the rest', async () => {
    const { entities } = await run(PEOPLE + `      name: id\n      gender: { column: g, map: { М: male, Ж: female, "?": "" } }\n`, {
      'p.csv': 'id,g\n1,м\n2,Ж\n3,?\n4,female\n',
    });
    expect(entities.map((e) => props(e, 'gender')[0] ?? null)).toEqual(['male', 'female', null, 'female']);
  });

  it('cleaners: upper, lower, digits, identifier, number, percentage, country, date, hscode', async () => {
    const { entities } = await run(
      `entities:
  o:
    schema: Ownership
    keys: [id]
    properties:
      owner: { entity: a }
      asset: { entity: b }
      percentage: { column: pct, cleaner: percentage }
      sharesCount: { column: count, cleaner: number }
      sharesCurrency: { column: cur, cleaner: upper }
      sharesType: { column: type, cleaner: lower }
      recordId: { column: rec, cleaner: digits }
      legalBasis: { column: basis, cleaner: identifier }
      summary: { column: land, cleaner: country }
      description: { column: when, cleaner: date }
      ownershipType: { column: hs, cleaner: hscode }
  a: { schema: Person, keys: [id], key_literal: a, properties: { name: { literal: A } } }
  b: { schema: Company, keys: [id], key_literal: b, properties: { name: { literal: B } } }
`,
      { 'o.csv': 'id,pct,count,cur,type,rec,basis,land,when,hs\n1,"25,5 %",1 200,eur,ORDINARY,No. 12-34,ab 12/34,Russian Federation,7 Mar 2021,8542.31\n2,25 to 50,0,usd,x,9,z,RUS,2021,84\n' },
    );
    const own = of(entities, 'Ownership');
    expect(own[0]!.properties).toMatchObject({
      percentage: ['25.5'],
      sharesCount: ['1200'],
      sharesCurrency: ['EUR'],
      sharesType: ['ordinary'],
      recordId: ['1234'],
      legalBasis: ['AB1234'],
      summary: ['ru'],
      description: ['2021-03-07'],
      ownershipType: ['854231'],
    });
    expect(own[1]!.properties).toMatchObject({ percentage: ['25-50'], summary: ['ru'], description: ['2021'], ownershipType: ['84'] });
  });

  it('explicit date formats: day.month.year, US month/day, month names, two-digit years; partial dates keep their precision', async () => {
    const { entities, report } = await run(
      PEOPLE +
        `      name: id
      birthDate: { column: born, format: ["%m/%d/%Y", "%b %Y", "%d.%m.%y", "%Y"] }
      deathDate: { column: died }
`,
      { 'p.csv': 'id,born,died\n1,03/07/1965,07/03/2001\n2,Mar 1965,2001-03\n3,07.03.65,\n4,1965,\n' },
    );
    expect(report.unusable.size).toBe(0);
    expect(entities.map((e) => props(e, 'birthDate')[0])).toEqual(['1965-03-07', '1965-03', '1965-03-07', '1965']);
    // without a format, d/m/Y is read day first
    expect(props(entities[0], 'deathDate')).toEqual(['2001-03-07']);
    expect(props(entities[1], 'deathDate')).toEqual(['2001-03']);
  });

  it('validate: identifiers that fail their check reject the row, with the reason and the row', async () => {
    const { entities, report } = await run(
      `entities:
  c:
    schema: Company
    keys: [bin]
    properties:
      name: name
      registrationNumber: { column: bin, validate: kz-bin }
      leiCode: { column: lei, validate: lei }
`,
      { 'c.csv': 'bin,name,lei\n070340012343,A,5493001KJTIIGC8Y1R12\n070340012344,B,\n150940033107,C,5493001KJTIIGC8Y1R13\n' },
    );
    expect(entities.map((e) => props(e, 'name')[0])).toEqual(['A']);
    expect(props(entities[0], 'leiCode')).toEqual(['5493001KJTIIGC8Y1R12']);
    expect(unusable(report)).toEqual({
      'rejected row: c.registrationNumber (column bin): not a valid Kazakh BIN': { count: 1, examples: ['c.csv:3 "070340012344" (check digit does not match)'] },
      'rejected row: c.leiCode (column lei): not a valid LEI': { count: 1, examples: ['c.csv:4 "5493001KJTIIGC8Y1R13"'] },
    });
  });

  it('invalid: skip leaves the value out and counts it; note keeps it in notes; reject (default) rejects the row', async () => {
    const yaml = `entities:
  p:
    schema: Person
    keys: [id]
    properties:
      name: id
      nationality: { column: nat, invalid: skip }
      birthDate: { column: born, invalid: note }
      deathDate: died
`;
    const { entities, report } = await run(yaml, { 'p.csv': 'id,nat,born,died\n1,Atlantis,sometime,\n2,KZ,1970,last year\n' });
    expect(entities).toHaveLength(1);
    expect(entities[0]!.properties).toEqual({ name: ['1'], notes: ['birthDate: sometime'] });
    expect(unusable(report)).toEqual({
      'invalid value left out: p.nationality (column nat): not a known country': { count: 1, examples: ['p.csv:2 "Atlantis"'] },
      'invalid value kept in notes: p.birthDate (column born): not a date': { count: 1, examples: ['p.csv:2 "sometime"'] },
      'rejected row: p.deathDate (column died): not a date': { count: 1, examples: ['p.csv:3 "last year"'] },
    });
  });

  it('required: an empty value rejects the row; an empty required FtM property too', async () => {
    const { entities, report } = await run(PEOPLE + `      name: name\n      idNumber: { column: doc, required: true }\n`, {
      'p.csv': 'id,name,doc\n1,Anna,X1\n2,Boris,\n3,,X3\n',
    });
    expect(entities.map((e) => e.id)).toEqual([makeId('test', 'Person', '1')]);
    expect([...report.unusable.keys()]).toEqual([
      'rejected row: p.idNumber (column doc): required value empty',
      'rejected row: p.name (column name): empty, and FtM requires it',
    ]);
  });

  it('null_values are empty cells', async () => {
    const { entities } = await run(`null_values: ["-", "NULL"]\n` + PEOPLE + `      name: id\n      nationality: nat\n`, { 'p.csv': 'id,nat\n1,-\n2,NULL\n3,KZ\n' });
    expect(entities.map((e) => props(e, 'nationality')[0] ?? null)).toEqual([null, null, 'kz']);
  });
});

describe('mapping keys and references', () => {
  const OWN = `entities:
  company: { schema: Company, keys: [company_id], properties: { name: company } }
  owner: { schema: Person, keys: [owner_id], properties: { name: owner } }
  own:
    schema: Ownership
    keys: [company_id, owner_id]
    properties:
      owner: { entity: owner }
      asset: { entity: company }
`;

  it('the same keys give the same id in every row; key_literal defaults to the schema', async () => {
    const { entities } = await run(OWN, { 'o.csv': 'company_id,company,owner_id,owner\nC1,Alpha,P1,Anna\nC2,Beta,P1,Anna\n' });
    const annas = of(entities, 'Person');
    expect(new Set(annas.map((a) => a.id))).toEqual(new Set([makeId('test', 'Person', 'P1')]));
    const own = of(entities, 'Ownership');
    expect(own.map((o) => props(o, 'owner')[0])).toEqual([annas[0]!.id, annas[0]!.id]);
    expect(own.map((o) => props(o, 'asset')[0])).toEqual([makeId('test', 'Company', 'C1'), makeId('test', 'Company', 'C2')]);
  });

  it('key_literal lines up entities of different queries and files; an entity without properties is a reference only', async () => {
    const yaml = `queries:
  - files: "companies*.csv"
    entities:
      c: { schema: Company, keys: [id], key_literal: co, properties: { name: name } }
  - files: ["owners*.csv"]
    entities:
      c: { schema: Company, keys: [company_id], key_literal: co }
      p: { schema: Person, keys: [person], properties: { name: person } }
      o: { schema: Ownership, keys: [company_id, person], properties: { owner: { entity: p }, asset: { entity: c } } }
`;
    const { entities, keys } = await run(yaml, { 'companies_1.csv': 'id,name\nC1,Alpha\n', 'owners_1.csv': 'company_id,person\nC1,Anna\n' });
    expect(of(entities, 'Company')).toHaveLength(1); // the reference-only entity is not emitted
    expect(props(of(entities, 'Ownership')[0], 'asset')).toEqual([of(entities, 'Company')[0]!.id]);
    expect(keys).toEqual(['companies_1.csv:2', 'owners_1.csv:2']);
  });

  it('empty key columns reject the row; an entity excluded by where takes its dependent edges with it', async () => {
    const yaml = OWN.replace('owner: { schema: Person, keys: [owner_id],', 'owner: { schema: Person, keys: [owner_id], where: { present: owner_id },');
    const { entities, report } = await run(yaml, { 'o.csv': 'company_id,company,owner_id,owner\nC1,Alpha,,\n,Beta,P1,Anna\n' });
    expect(entities.map((e) => e.schema)).toEqual(['Company']); // row 2: company only; row 3 rejected
    expect(unusable(report)).toEqual({ 'rejected row: company: key column company_id empty': { count: 1, examples: ['o.csv:3'] } });
  });

  it('alternative references: whichever entity the row made', async () => {
    const yaml = `entities:
  c: { schema: Company, keys: [cid], properties: { name: cid } }
  person: { schema: Person, keys: [oid], where: { kind: P }, properties: { name: oname } }
  firm: { schema: Company, keys: [oid], key_literal: firm, where: { kind: C }, properties: { name: oname } }
  o:
    schema: Ownership
    keys: [cid, oid]
    properties:
      owner: [{ entity: person }, { entity: firm }]
      asset: { entity: c }
`;
    const { entities } = await run(yaml, { 'o.csv': 'cid,oid,kind,oname\nC1,1,P,Anna\nC1,2,C,Holding\nC1,3,X,Nobody\n' });
    const own = of(entities, 'Ownership');
    expect(own.map((o) => props(o, 'owner')[0])).toEqual([makeId('test', 'Person', '1'), makeId('test', 'firm', '2')]);
  });

  it('Associate and Organization edges and parties map like the others', async () => {
    const yaml = `entities:
  a: { schema: Person, keys: [a], properties: { name: a } }
  b: { schema: Person, keys: [b], properties: { name: b } }
  org: { schema: Organization, keys: [org], properties: { name: org } }
  assoc: { schema: Associate, keys: [a, b], properties: { person: { entity: a }, associate: { entity: b }, relationship: rel } }
  member: { schema: Directorship, keys: [a, org], properties: { director: { entity: a }, organization: { entity: org }, role: { literal: chair } } }
`;
    const { entities } = await run(yaml, { 'x.csv': 'a,b,org,rel\nAnna,Boris,Chamber of Trade,business partner\n' });
    expect(entities.map((e) => e.schema)).toEqual(['Person', 'Person', 'Organization', 'Associate', 'Directorship']);
    expect(of(entities, 'Associate')[0]!.properties).toEqual({ person: [makeId('test', 'Person', 'Anna')], associate: [makeId('test', 'Person', 'Boris')], relationship: ['business partner'] });
  });

  it('two entities of one row with the same keys merge', async () => {
    const yaml = `entities:
  declarant: { schema: Company, keys: [bin], key_literal: co, properties: { name: name } }
  receiver: { schema: Company, keys: [bin], key_literal: co, properties: { name: name, country: { literal: KZ } } }
`;
    const { entities } = await run(yaml, { 'x.csv': 'bin,name\n1,Alpha\n' });
    expect(entities).toEqual([{ id: makeId('test', 'co', '1'), schema: 'Company', properties: { name: ['Alpha'], country: ['kz'] } }]);
  });
});

describe('mapping conditions', () => {
  const cases: Array<[string, string[]]> = [
    ['{ status: active }', ['1']],
    ['{ status: [active, dormant] }', ['1', '2']],
    ['{ present: note }', ['2']],
    ['{ absent: note }', ['1', '3', '4']],
    ['{ present: [note, status] }', ['2']],
    ['{ matches: { status: "^d" } }', ['2']],
    ['{ not: { status: active } }', ['2', '3', '4']],
    ['{ any: [{ status: active }, { present: note }] }', ['1', '2']],
    ['{ all: [{ status: dormant }, { present: note }] }', ['2']],
    ['{ equals: { not: x } }', ['4']],
    ['{ status: closed, not: { absent: status } }', ['3']],
  ];
  for (const [cond, ids] of cases) {
    it(`where ${cond}`, async () => {
      const { entities } = await run(`entities:\n  p: { schema: Person, keys: [id], where: ${cond}, properties: { name: id } }\n`, {
        'p.csv': 'id,status,note,not\n1,active,,\n2,dormant,n,\n3,closed,,\n4,,,x\n',
      });
      expect(entities.map((e) => props(e, 'name')[0])).toEqual(ids);
    });
  }

  it('a query-level where filters rows, counted; FtM filters / filters_not work the same', async () => {
    const data = { 'p.csv': 'id,status\n1,active\n2,closed\n3,active\n' };
    const a = await run(`where: { status: active }\n` + PEOPLE + `      name: id\n`, data);
    expect(a.entities.map((e) => props(e, 'name')[0])).toEqual(['1', '3']);
    expect(unusable(a.report)).toEqual({ 'row not mapped: filtered out by the where of its queries': { count: 1, examples: ['p.csv:3'] } });
    const b = await run(`filters_not: { status: active }\n` + PEOPLE + `      name: id\n`, data);
    expect(b.entities.map((e) => props(e, 'name')[0])).toEqual(['2']);
    const c = await run(`filters: { status: closed }\n` + PEOPLE + `      name: id\n`, data);
    expect(c.entities.map((e) => props(e, 'name')[0])).toEqual(['2']);
  });

  it('a value spec with where gives values only where it holds', async () => {
    const { entities } = await run(PEOPLE + `      name: id\n      innCode: { column: doc, where: { doc_type: INN } }\n      passportNumber: { column: doc, where: { doc_type: passport } }\n`, {
      'p.csv': 'id,doc_type,doc\n1,INN,7704123450\n2,passport,N123\n',
    });
    expect(entities.map((e) => [props(e, 'innCode'), props(e, 'passportNumber')])).toEqual([
      [['7704123450'], []],
      [[], ['N123']],
    ]);
  });
});

describe('mapping data files', () => {
  it('reads JSON lines: keys, dotted paths, arrays, numbers', async () => {
    const { entities } = await run(PEOPLE + `      name: name.full\n      alias: aliases\n      height: h\n`, {
      'p.jsonl': '{"id": 1, "name": {"full": "Anna"}, "aliases": ["Ann", "Anya"], "h": 170}\n\n{"id": 2, "name": {"full": "Boris"}}\n',
    });
    expect(entities.map((e) => e.properties)).toEqual([{ name: ['Anna'], alias: ['Ann', 'Anya'], height: ['170'] }, { name: ['Boris'] }]);
  });

  it('csv options: delimiter, windows-1252; .tsv reads tab-separated', async () => {
    const semi = await run(`csv: { delimiter: ";" }\n` + PEOPLE + `      name: name\n`, { 'p.csv': 'id;name\n1;Anna\n' });
    expect(props(semi.entities[0], 'name')).toEqual(['Anna']);
    const tsv = await run(PEOPLE + `      name: name\n`, { 'p.tsv': 'id\tname\n1\tAnna, B.\n' });
    expect(props(tsv.entities[0], 'name')).toEqual(['Anna, B.']);
    const dir = tempDir();
    const yml = writeTemp(dir, 'm.yml', `csv: { encoding: windows-1252 }\n` + PEOPLE + `      name: name\n`);
    const csv = writeTemp(dir, 'p.csv', Buffer.from('id,name\n1,Jos\xe9\n', 'latin1'));
    const { records } = await readAll(mappingReader, [yml, csv]);
    expect(props(records[0]!.entities[0], 'name')).toEqual(['José']);
  });

  it('a row of the wrong width is rejected and counted, not half-read', async () => {
    const { entities, report } = await run(PEOPLE + `      name: name\n`, { 'p.csv': 'id,name\n1,Anna\n2\n3,Boris,extra\n' });
    expect(entities).toHaveLength(1);
    expect(unusable(report)).toEqual({
      'rejected row: row has 1 fields, the header has 2': { count: 1, examples: ['p.csv:3'] },
      'rejected row: row has 3 fields, the header has 2': { count: 1, examples: ['p.csv:4'] },
    });
  });

  it('strict: the first bad row fails the read naming file, line and reason', async () => {
    const msg = await fails(`strict: true\n` + PEOPLE + `      name: id\n      birthDate: born\n`, { 'p.csv': 'id,born\n1,1970\n2,31.02.1970\n' });
    expect(msg).toMatch(/p\.csv:3: p\.birthDate \(column born\): not a date: "31\.02\.1970" \(strict mapping\)$/);
  });

  it('max_rejected: a count or a percentage of rows', async () => {
    const data = { 'p.csv': 'id,born\n1,1970\n2,never\n3,1980\n4,nope\n' };
    expect(await fails(`max_rejected: 1\n` + PEOPLE + `      name: id\n      birthDate: born\n`, data)).toMatch(/p\.csv:5: more than 1 rows rejected/);
    expect(await fails(`max_rejected: 40%\n` + PEOPLE + `      name: id\n      birthDate: born\n`, data)).toMatch(/m\.yml: 2 of 4 rows rejected \(50\.0 %\), more than max_rejected 40 %/);
    const ok = await run(`max_rejected: 50%\n` + PEOPLE + `      name: id\n      birthDate: born\n`, data);
    expect(ok.entities).toHaveLength(2);
  });
});
