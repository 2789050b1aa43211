import { afterEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { DATA_DIR } from '../../../src/model/paths.js';
import { makeId } from '../../../src/model/ids.js';
import type { FtmEntity } from '../../../src/model/entity.js';
import { mappingReader } from '../../../src/sources/mapping/index.js';
import { cli } from '../../cli-run.js';
import { props, readAll, tempDir } from '../../helpers.js';

const EXAMPLES = path.join(DATA_DIR, 'mappings', 'examples');
const ex = (name: string) => path.join(EXAMPLES, name);
const REGISTRY = [ex('registry.yml'), ex('registry_handmade_companies.csv'), ex('registry_handmade_founders.csv'), ex('registry_handmade_family.csv')];
const CUSTOMS = [ex('customs.yml'), ex('customs_handmade_declarations.csv')];

/** Entities of all records merged by id, as the store keeps them. */
function merged(records: Array<{ entities: FtmEntity[] }>): Map<string, FtmEntity> {
  const out = new Map<string, FtmEntity>();
  for (const r of records) {
    for (const e of r.entities) {
      const seen = out.get(e.id) ?? { id: e.id, schema: e.schema, properties: {} };
      for (const [p, vs] of Object.entries(e.properties)) seen.properties[p] = [...new Set([...(seen.properties[p] ?? []), ...vs])];
      out.set(e.id, seen);
    }
  }
  return out;
}

/** Data rows of a CSV file (its lines less the header), counted from the text itself. */
function csvRowCount(file: string): number {
  return readFileSync(file, 'utf8').trim().split('\n').length - 1;
}

const bySchema = (m: Map<string, FtmEntity>, schema: string) => [...m.values()].filter((e) => e.schema === schema);

describe('example mapping: registry extract', () => {
  it('maps every row, with one id per company and person wherever they appear', async () => {
    const { records, report } = await readAll(mappingReader, REGISTRY);
    expect(report.unusable.size).toBe(0);
    expect(report.records).toBe(csvRowCount(REGISTRY[1]!) + csvRowCount(REGISTRY[2]!) + csvRowCount(REGISTRY[3]!));
    const all = merged(records);
    const company = (bin: string) => all.get(makeId('test', 'company', bin))!;
    const person = (id: string) => all.get(makeId('test', 'person', id))!;
    // the father: director of two companies, founder of two, relative in the family file — one entity
    const father = person('650312310216');
    expect(props(father, 'name')).toEqual(['Серикбаев Канат Жумабекович']);
    expect(props(father, 'birthDate')).toEqual(['1965-03-12']);
    expect(props(father, 'nationality')).toEqual(['kz']);
    expect(bySchema(all, 'Directorship').filter((d) => props(d, 'director')[0] === father.id)).toHaveLength(2);
    // a company that founds another is the same entity as its registry row
    const altyn = company('070340012343');
    expect(props(altyn, 'incorporationDate')).toEqual(['2007-03-14']);
    expect(props(altyn, 'legalForm')).toEqual(['limited liability partnership (TOO)']);
    const own = bySchema(all, 'Ownership');
    expect(own).toHaveLength(csvRowCount(REGISTRY[2]!));
    expect(own.find((o) => props(o, 'owner')[0] === altyn.id && props(o, 'asset')[0] === company('110540022010').id)).toBeDefined();
    // shares: "60%" → 60, "51,0" → 51, a range stays a range; direct / indirect; end of holding
    const nurZhol = company('220640055172').id;
    const ofNurZhol = own.filter((o) => props(o, 'asset')[0] === nurZhol);
    expect(ofNurZhol.map((o) => props(o, 'percentage')[0]).sort()).toEqual(['25-50', '25.5', '50']);
    expect(ofNurZhol.find((o) => props(o, 'percentage')[0] === '25.5')).toMatchObject({ properties: { role: ['indirect shareholder'] } });
    const ended = own.find((o) => props(o, 'endDate').length > 0)!;
    expect(ended.properties).toMatchObject({ startDate: ['2015-09-22'], endDate: ['2020-01-10'], percentage: ['49'] });
    expect(all.get(props(ended, 'owner')[0]!)).toMatchObject({ schema: 'Company', properties: { jurisdiction: ['ru'] } });
    // partial birth dates keep their precision
    expect(props(person('503219876091'), 'birthDate')).toEqual(['1984-11']);
    expect(props(person('772510456782'), 'birthDate')).toEqual(['1979']);
    // family ties
    const fam = bySchema(all, 'Family');
    expect(fam.map((f) => props(f, 'relationship')[0]).sort()).toEqual(['son', 'son', 'wife']);
    // the address the three 2022 companies share is one Address entity
    const shared = bySchema(all, 'Company').filter((c) => props(c, 'addressEntity').length && props(c, 'incorporationDate')[0]! >= '2022');
    expect(new Set(shared.map((c) => props(c, 'addressEntity')[0])).size).toBe(1);
    expect(shared).toHaveLength(3);
  });
});

describe('example mapping: customs declarations', () => {
  it('maps lines with parties, goods, quantities, value and route', async () => {
    const { records, report } = await readAll(mappingReader, CUSTOMS);
    expect(report.unusable.size).toBe(0);
    const all = merged(records);
    const lines = bySchema(all, 'EconomicActivity');
    expect(lines).toHaveLength(csvRowCount(CUSTOMS[1]!));
    const first = all.get(makeId('test', 'EconomicActivity', '50508/120722/0031457', '1'))!;
    expect(first.properties).toMatchObject({
      hsCode: ['85423100'],
      vedCode: ['8542.31.00'],
      quantity: ['12000'],
      quantityUnit: ['pcs'],
      netWeight: ['48.5'],
      grossWeight: ['61.2'],
      value: ['184300'],
      currency: ['EUR'],
      originCountry: ['de'],
      transitCountry: ['pl', 'by'],
      destinationCountry: ['kz'],
      declarationDate: ['2022-07-12'],
      directionOfTransportation: ['import'],
    });
    // import: the foreign sender by name and country; the Kazakh receiver is the declarant
    const tengri = makeId('test', 'company', '220340041022');
    expect(props(first, 'declarant')).toEqual([tengri]);
    expect(props(first, 'receiver')).toEqual([tengri]);
    expect(all.get(props(first, 'sender')[0]!)).toMatchObject({ schema: 'LegalEntity', properties: { country: ['de'] } });
    // export to Russia: receiver known by INN, checked
    const reexport = lines.find((l) => props(l, 'ccdNumber')[0] === '50508/280722/0033210')!;
    expect(props(reexport, 'sender')).toEqual([tengri]);
    expect(all.get(props(reexport, 'receiver')[0]!)).toMatchObject({ schema: 'Company', properties: { innCode: ['7704123450'], country: ['ru'] } });
    // a broker only where one is declared: one Representation per broker and client
    const reps = bySchema(all, 'Representation');
    expect(reps.map((r) => props(r, 'client')[0]).sort()).toEqual([tengri, makeId('test', 'company', '221140060212')].sort());
  });
});

describe('example mappings: round trip through the store', () => {
  afterEach(() => vi.restoreAllMocks());

  it('mapping → store → FtM export → ingest ftm → the same entities and values', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'rt.duckdb');
    const reg = await cli('--db', db, 'ingest', 'mapping', ...REGISTRY, '--dataset', 'registry');
    expect(reg).toMatchObject({ code: 0, stderr: '' });
    expect((await cli('--db', db, 'ingest', 'mapping', ...CUSTOMS, '--dataset', 'customs')).code).toBe(0);
    const out = path.join(dir, 'export.ftm.json');
    expect((await cli('--db', db, 'export', '--format', 'ftm', '--dataset', 'registry', '--dataset', 'customs', '--output', out)).code).toBe(0);
    const exported = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as FtmEntity);
    // the extension properties travel outside `properties`, so the lines stay valid FtM
    const line = exported.find((e) => e.schema === 'EconomicActivity')!;
    expect(line.properties).not.toHaveProperty('hsCode');
    expect(line['extensions']).toHaveProperty('hsCode');

    expect((await cli('--db', db, 'ingest', 'ftm', out, '--dataset', 'again')).code).toBe(0);
    const out2 = path.join(dir, 'again.ftm.json');
    expect((await cli('--db', db, 'export', '--format', 'ftm', '--dataset', 'again', '--output', out2)).code).toBe(0);
    const again = readFileSync(out2, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as FtmEntity);

    const canon = (list: FtmEntity[]) =>
      list
        .map((e) => ({ id: e.id, schema: e.schema, properties: sortValues(e.properties), extensions: sortValues((e['extensions'] as Record<string, string[]>) ?? {}) }))
        .sort((a, b) => a.id.localeCompare(b.id));
    expect(canon(again)).toEqual(canon(exported));
    // and the mapped entities are all there, as the reader made them
    const direct = merged([...(await readAll(mappingReader, REGISTRY)).records]);
    const fromRegistry = exported.filter((e) => e.id.startsWith('registry-'));
    expect(fromRegistry).toHaveLength(direct.size);
    for (const e of fromRegistry) {
      const made = direct.get(e.id.replace(/^registry-/, 'test-'))!;
      expect(made.schema).toBe(e.schema);
      const refs = (p: Record<string, string[]>) => JSON.stringify(sortValues(p)).replaceAll('registry-', 'test-');
      expect(refs(e.properties)).toBe(refs(made.properties));
    }
  });
});

function sortValues(p: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(p).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()]));
}
