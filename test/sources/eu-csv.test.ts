import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, PACKAGE_ROOT } from '../../src/model/paths.js';
import { euCsvReader, splitMulti } from '../../src/sources/eu-csv.js';
import type { ReadReport } from '../../src/sources/report.js';
import type { SourceRecord } from '../../src/sources/types.js';
import { finder, props, readAll, readError, tempFile } from '../helpers.js';

const EU_DIR = path.join(DATA_DIR, 'lists', 'eu');
const REG_269 = path.join(EU_DIR, '32014R0269.csv.gz');
const REG_833 = path.join(EU_DIR, '32014R0833.csv.gz');
// the development copy of every EU regime beside the repository (not shipped; these tests skip without it)
const CONSOLIDATED = path.resolve(PACKAGE_ROOT, '..', 'shared', 'data', 'eu_journal_sanctions', 'consolidated');
const OFAC_SDN = path.join(DATA_DIR, 'lists', 'ofac', 'sdn_20240503.csv.gz');

const HEADER =
  'celex,recordId,programKey,annex,measure,startDate,reason,schema,name,alias,weakAlias,previousName,country,nationality,jurisdiction,birthDate,birthPlace,position,passportNumber,gender,appearance,ethnicity,fatherName,motherName,incorporationDate,legalForm,sector,registrationNumber,taxNumber,idNumber,innCode,ogrnCode,kppCode,okpoCode,leiCode,swiftBic,ticker,imoNumber,mmsi,flag,address,phone,email,website,notes';
const COLUMNS = HEADER.split(',');

type Raw = Record<string, string>;

function rawRows(file: string): Raw[] {
  const buf = readFileSync(file);
  const text = (buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf).toString('utf8');
  return parse(text, { columns: true, skip_empty_lines: true }) as Raw[];
}

/** The entry a row belongs to, as the reader documents it: (celex, annex, recordId) or, unnumbered, (celex, annex, schema, name). */
function entryOf(r: Raw): string {
  return r['recordId'] ? `${r['celex']}/${r['annex']}/${r['recordId']}` : `${r['celex']}/${r['annex']}/${r['schema']}/${r['name']}`;
}

function csvLine(values: Record<string, string>): string {
  return COLUMNS.map((c) => {
    const v = values[c] ?? '';
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');
}

describe('euCsvReader on Regulations 269/2014 and 833/2014', () => {
  let records: SourceRecord[];
  let report: ReadReport;
  const { byKey, main, of } = finder(() => records);

  beforeAll(async () => {
    ({ records, report } = await readAll(euCsvReader, [REG_269, REG_833]));
  });

  it('reads every data row, counted independently from the raw files', () => {
    const rows269 = rawRows(REG_269);
    const rows833 = rawRows(REG_833);
    expect(rows269).toHaveLength(2802);
    expect(rows833).toHaveLength(1746);
    expect(report.records).toBe(rows269.length + rows833.length);
    // recordId restarts in every annex: entry 1 of I.PERSONS and entry 1 of I.ENTITIES are two parties
    const entries = new Set([...rows269, ...rows833].map(entryOf));
    expect(entries.size).toBe(4548);
    expect(records).toHaveLength(entries.size);
    expect(new Set(records.map((r) => r.key))).toEqual(entries);
    expect(byKey('32014R0269/I.PERSONS/1').entities[0]!.schema).toBe('Person');
    expect(byKey('32014R0269/I.ENTITIES/1').entities[0]!.schema).toBe('LegalEntity');
    expect(report.files.map((f) => path.basename(f.path))).toEqual(['32014R0269.csv.gz', '32014R0833.csv.gz']);
  });

  it('gives every row one Sanction, every entity a unique deterministic id, and the schema the row states', () => {
    const all = records.flatMap((r) => r.entities);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(all.filter((e) => e.schema === 'Sanction')).toHaveLength(report.records);
    const bySchema = (rows: Raw[], s: string) => rows.filter((r) => r['schema'] === s).length;
    const raw = [...rawRows(REG_269), ...rawRows(REG_833)];
    for (const s of ['Person', 'LegalEntity', 'Company', 'Vessel', 'Asset']) {
      expect(records.filter((r) => r.entities[0]!.schema === s)).toHaveLength(bySchema(raw, s));
    }
    for (const r of records) {
      for (const s of r.entities.filter((e) => e.schema === 'Sanction')) {
        expect(props(s, 'entity')).toEqual([r.entities[0]!.id]);
        expect(props(s, 'authority')).toEqual(['European Union']);
      }
    }
    expect(main('32014R0833/IV/606').id).toBe('test-32014r0833-iv-606');
  });

  it('keeps every name of every row: one name, all aliases', () => {
    const raw = [...rawRows(REG_269), ...rawRows(REG_833)];
    for (const r of raw) {
      const e = main(entryOf(r));
      expect(props(e, 'name')).toContain(r['name']!.replace(/\s+/g, ' ').trim());
      for (const a of splitMulti(r['alias']!)) expect(props(e, 'alias')).toContain(a.replace(/\s+/g, ' '));
      for (const a of splitMulti(r['previousName']!)) expect(props(e, 'previousName')).toContain(a.replace(/\s+/g, ' '));
    }
  });

  it('maps a Kazakh Annex IV company with its BIN and address', () => {
    const key = '32014R0833/IV/606';
    const e = main(key);
    expect(e.schema).toBe('LegalEntity');
    expect(props(e, 'name')).toEqual(['TOO Elem Group']);
    expect(props(e, 'alias')).toEqual([
      'Товарищество с Ограниченной Ответственностью «ELEM GROUP (ЭЛЕМ ГРУПП)» (ТОО «ELEM GROUP (ЭЛЕМ ГРУПП)»)',
      '«ELEM GROUP (ЭЛЕМ ГРУПП)» Жауапкершілігі Шектеулі Серіктестігі',
      'Elem Group LLP, Limited Liability Partnership “Elem Group (Elem Grupp)”',
    ]);
    expect(props(e, 'registrationNumber')).toEqual(['220340015717']);
    expect(props(e, 'phone')).toEqual(['+ 7 778 913 47 56', '+ 7 775 391-83-78']);
    expect(props(e, 'email')).toEqual(['sales@elemgroup.kz']);
    expect(props(e, 'website')).toEqual(['https://elemgroup.kz/']);
    expect(props(e, 'topics')).toEqual(['sanction', 'export.control']);
    const [id] = of(key, 'Identification');
    expect(props(id, 'number')).toEqual(['220340015717']);
    expect(props(id, 'type')).toEqual(['BIN']);
    expect(props(id, 'country')).toEqual(['kz']);
    expect(props(id, 'holder')).toEqual([e.id]);
    expect(props(id, 'summary')).toEqual(['220340015717 (BIN)']);
    const [addr] = of(key, 'Address');
    const full = '05004, Almaty, Almalinsky District, Nauryzbay Batyra Str., 8, Republic of Kazakhstan';
    expect(props(addr, 'full')).toEqual([full]);
    expect(props(addr, 'country')).toEqual(['kz']);
    expect(props(e, 'address')).toEqual([full]);
    expect(props(e, 'addressEntity')).toEqual([addr!.id]);
    const [s] = of(key, 'Sanction');
    expect(props(s, 'program')).toEqual(['EU-RUS']);
    expect(props(s, 'programId')).toEqual(['EU-RUS']);
    expect(props(s, 'provisions')).toEqual(['Annex IV: Export control']);
    expect(props(s, 'startDate')).toEqual(['2024-02-23']);
    expect(props(s, 'listingDate')).toEqual(['2024-02-23']);
    expect(props(s, 'recordId')).toEqual(['606']);
    expect(props(s, 'sourceUrl')).toEqual(['https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32014R0833']);
  });

  it('recognises an unlabelled Kazakh BIN by its check digit and the address country', () => {
    const key = '32014R0833/IV/736';
    expect(props(main(key), 'registrationNumber')).toEqual(['120540008532']);
    const [id] = of(key, 'Identification');
    expect(props(id, 'type')).toEqual(['BIN']);
    expect(props(id, 'country')).toEqual(['kz']);
  });

  it('maps a Kyrgyz Annex IV company: a 14-digit "Tax ID/INN" is a Kyrgyz tax number, not a Russian INN', () => {
    const key = '32014R0833/IV/642';
    const e = main(key);
    expect(props(e, 'name')).toEqual(['Muller Markt LLC']);
    expect(props(e, 'alias')).toContain('Müller Markt');
    expect(props(e, 'registrationNumber')).toEqual(['01805202210181']);
    expect(props(e, 'taxNumber')).toEqual(['01805202210181']);
    expect(props(e, 'innCode')).toEqual([]);
    const [id] = of(key, 'Identification');
    expect(props(id, 'type')).toEqual(['Tax ID/INN']);
    expect(props(id, 'country')).toEqual(['kg']);
    expect(of(key, 'Address').map((a) => props(a, 'full')[0])).toEqual([
      'Bishkek, Leninsky District, 95, Kalyk Akieva Str., 3rd Floor, Kyrgyz Republic',
      '720005, Bishkek, Fatyanova Str., 43, Kyrgyz Republic',
    ]);
    expect(of(key, 'Address').map((a) => props(a, 'country')[0])).toEqual(['kg', 'kg']);
  });

  it('maps an Armenian Annex IV company with its registration number', () => {
    const key = '32014R0833/IV/490';
    const e = main(key);
    expect(props(e, 'name')).toEqual(['Tako LLC']);
    expect(props(e, 'alias')).toEqual(['«ՏԱԿՈ» ՍՊԸ', 'ООО «ТАКО»', 'Taco LLC', 'OOO TAKO']);
    expect(props(e, 'registrationNumber')).toEqual(['269.110.1228684']);
    const [id] = of(key, 'Identification');
    expect(props(id, 'type')).toEqual(['Registration No.']);
    expect(props(of(key, 'Address')[0], 'country')).toEqual(['am']);
  });

  it('checks a labelled Russian INN and keeps it as innCode', () => {
    const e = main('32014R0833/IV/41');
    expect(props(e, 'name')).toEqual(['Rostec (Russian Technologies State Corporation)']);
    expect(props(e, 'innCode')).toEqual(['7704274402']);
    expect(props(e, 'registrationNumber')).toEqual(['7704274402']);
    expect(of('32014R0833/IV/41', 'Address')).toHaveLength(3);
  });

  it('maps a person of Regulation 269/2014 field by field', () => {
    const key = '32014R0269/I.PERSONS/1645';
    const e = main(key);
    expect(e.schema).toBe('Person');
    expect(props(e, 'name')).toEqual(['Andrei Rostislavovich KHOKHLUN']);
    expect(props(e, 'alias')).toEqual(['Андрей Ростиславович ХОХЛУН']);
    expect(props(e, 'birthDate')).toEqual(['1966-12-04']);
    expect(props(e, 'birthPlace')).toEqual(['Tashkent, USSR (now Uzbekistan)']);
    expect(props(e, 'nationality')).toEqual(['ru']);
    expect(props(e, 'gender')).toEqual(['male']);
    expect(props(e, 'position')).toEqual(['Director General of AK Microtech']);
    expect(props(e, 'passportNumber')).toEqual(['764101287']);
    expect(props(e, 'taxNumber')).toEqual(['773501047190']);
    expect(props(e, 'innCode')).toEqual(['773501047190']);
    const [passport] = of(key, 'Passport');
    expect(props(passport, 'number')).toEqual(['764101287']);
    expect(props(passport, 'holder')).toEqual([e.id]);
    const [inn] = of(key, 'Identification');
    expect(props(inn, 'number')).toEqual(['773501047190']);
    expect(props(inn, 'type')).toEqual(['INN']);
    expect(props(inn, 'country')).toEqual(['ru']);
    expect(of(key, 'Address').map((a) => [props(a, 'full')[0], props(a, 'country')[0]])).toEqual([
      ['Balaklavskiy Prospect 16, 117452 Moscow, Russian Federation', 'ru'],
      ['Malija 97, 6310 Izola, Slovenia', 'si'],
    ]);
    const [s] = of(key, 'Sanction');
    expect(props(s, 'program')).toEqual(['EU-UKR']);
    expect(props(s, 'provisions')).toEqual(['Annex I.PERSONS: Asset freeze']);
    expect(props(s, 'startDate')).toEqual(['2023-12-18']);
    expect(props(s, 'reason')[0]).toMatch(/^Andrei Khokhlun is the owner and Director General of AK Microtech/);
  });

  it('maps a Russian company with labelled TIN (INN), OGRN, KPP and OKPO', () => {
    const key = '32014R0269/I.ENTITIES/205';
    const e = main(key);
    expect(e.schema).toBe('Company');
    expect(props(e, 'registrationNumber')).toEqual(['6230005886']);
    expect(props(e, 'innCode')).toEqual(['6230005886']);
    expect(props(e, 'ogrnCode')).toEqual(['1026201102850']);
    expect(props(e, 'kppCode')).toEqual(['623001001']);
    expect(props(e, 'okpoCode')).toEqual(['07626955']);
    expect(props(e, 'incorporationDate')).toEqual(['2002-10-16']);
    expect(props(e, 'legalForm')).toEqual(['State corporation']);
    // the address that is only "Russian Federation" is the entity's country
    expect(props(e, 'country')).toEqual(['ru']);
    expect(of(key, 'Identification').map((i) => props(i, 'type')[0]).sort()).toEqual(['KPP', 'OGRN', 'OKPO', 'TIN (INN)']);
  });

  it('keeps a vessel with its IMO number and the transport-restriction reason', () => {
    const key = '32014R0833/XLII/586';
    const e = main(key);
    expect(e.schema).toBe('Vessel');
    expect(props(e, 'imoNumber')).toEqual(['9333670']);
    expect(props(of(key, 'Sanction')[0], 'reason')[0]).toMatch(/^Article 3s\(2\), point \(b\)/);
    // the same ship under another entry number of the same annex stays a separate entry
    expect(props(main('32014R0833/XLII/616'), 'imoNumber')).toEqual(['9333670']);
  });

  it('states its version as the latest listing date', () => {
    const dates = [...rawRows(REG_269), ...rawRows(REG_833)]
      .map((r) => /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(r['startDate']!))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`)
      .sort();
    expect(report.versionHint).toBe(dates[dates.length - 1]);
  });
});

// the full dataset lives outside the repository; the bundled extracts above are always tested
describe.skipIf(!existsSync(CONSOLIDATED))('euCsvReader on the whole consolidated folder', () => {
  it('reads every regulation file, header-only ones giving no records', async () => {
    const files = readdirSync(CONSOLIDATED).filter((f) => f.endsWith('.csv'));
    const raw = files.flatMap((f) => rawRows(path.join(CONSOLIDATED, f)));
    const { records, report } = await readAll(euCsvReader, [CONSOLIDATED]);
    expect(report.files).toHaveLength(files.length);
    expect(report.records).toBe(raw.length);
    expect(report.records).toBe(8017);
    const entries = new Set(raw.map(entryOf));
    expect(records).toHaveLength(entries.size);
    // two unnumbered Al-Qaida entries printed twice in Annex I of 881/2002 are one entry each, with two listings
    const twice = records.filter((r) => r.entities.filter((e) => e.schema === 'Sanction').length > 1);
    expect(twice.map((r) => r.key).sort()).toEqual([
      '32002R0881/I/Person/Ali Ghaleb Himmat',
      '32002R0881/I/Person/Mustapha Nasri Ben Abdul Kader Ait El Hadi',
    ]);
    const all = records.flatMap((r) => r.entities);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
  });

  it('reads a header-only file as zero records', async () => {
    const headerOnly = readdirSync(CONSOLIDATED).filter((f) => readFileSync(path.join(CONSOLIDATED, f), 'utf8').trim() === HEADER);
    expect(headerOnly.length).toBeGreaterThan(0);
    const { records, report } = await readAll(euCsvReader, [path.join(CONSOLIDATED, headerOnly[0]!)]);
    expect(records).toHaveLength(0);
    expect(report.records).toBe(0);
  });
});

describe('euCsvReader on small files', () => {
  const row = {
    celex: '32014R0833',
    recordId: '7',
    programKey: 'EU-RUS',
    annex: 'IV',
    measure: 'Export control',
    startDate: '23.6.2023',
    schema: 'LegalEntity',
    name: 'Test LLC',
    alias: '"A; B"; C',
    registrationNumber: '1027700167110 (OGRN)',
    address: 'Moscow, Russia',
  };

  it('groups the rows of one printed entry into one entity with a Sanction per legal context', async () => {
    const file = tempFile(
      '32014R0833.csv',
      [HEADER, csvLine(row), csvLine({ ...row, measure: 'Financial restrictions', startDate: '24.6.2023' })].join('\n') + '\n',
    );
    const { records, report } = await readAll(euCsvReader, [file]);
    expect(report.records).toBe(2);
    expect(records).toHaveLength(1);
    const [e] = records[0]!.entities;
    expect(props(e, 'alias')).toEqual(['A; B', 'C']);
    expect(props(e, 'ogrnCode')).toEqual(['1027700167110']);
    const sanctions = records[0]!.entities.filter((x) => x.schema === 'Sanction');
    expect(sanctions.map((s) => props(s, 'provisions')[0])).toEqual(['Annex IV: Export control', 'Annex IV: Financial restrictions']);
  });

  it('reads an amendment file, with the framework act as programme URL and the amending act as source', async () => {
    const header = HEADER.replace(/^celex,/, 'amendedCelex,amendmentCelex,');
    const line = [row.celex, '32023R1214', ...csvLine(row).split(',').slice(1)].join(',');
    const { records } = await readAll(euCsvReader, [tempFile('32023R1214.csv', `${header}\n${line}\n`)]);
    expect(records).toHaveLength(1);
    expect(records[0]!.key).toBe('32014R0833/IV/7');
    const s = records[0]!.entities.find((e) => e.schema === 'Sanction');
    expect(props(s, 'programUrl')).toEqual(['https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32014R0833']);
    expect(props(s, 'sourceUrl')).toEqual(['https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32023R1214']);
  });

  it('rejects a CSV truncated inside a quoted field, naming the line the record starts on', async () => {
    const text = [HEADER, csvLine(row), csvLine({ ...row, recordId: '8', reason: 'A reason, with "quotes"' })].join('\n');
    const cut = text.slice(0, text.lastIndexOf('with'));
    const e = await readError(euCsvReader, [tempFile('truncated.csv', cut)]);
    expect(e.message).toContain('truncated.csv');
    expect(e.where).toBe('3');
    expect(e.reason).toMatch(/truncated CSV/);
  });

  it('rejects the OFAC SDN file, naming the missing columns', async () => {
    const e = await readError(euCsvReader, [OFAC_SDN]);
    expect(e.message).toContain('sdn_20240503.csv.gz');
    expect(e.where).toBe('1');
    expect(e.reason).toMatch(/^not an EU journal sanctions CSV: missing column\(s\) celex, recordId, programKey, annex, measure/);
  });

  it('rejects a CSV with other columns, naming the missing ones', async () => {
    const e = await readError(euCsvReader, [tempFile('other.csv', `${HEADER.replace('programKey', 'program').replace(',notes', '')}\n`)]);
    expect(e.reason).toMatch(/missing column\(s\) programKey, notes\b/);
  });

  it('rejects invalid UTF-8, naming the line', async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\n${csvLine(row)}\n`), Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a])]);
    const e = await readError(euCsvReader, [tempFile('latin1.csv', bytes)]);
    expect(e.where).toBe('3');
    expect(e.reason).toMatch(/invalid utf-8/);
  });

  it('rejects an empty (0-byte) file', async () => {
    const e = await readError(euCsvReader, [tempFile('empty.csv', '')]);
    expect(e.message).toContain('empty.csv');
    expect(e.reason).toMatch(/empty/);
  });

  it('rejects a row with too many fields, naming its line', async () => {
    const e = await readError(euCsvReader, [tempFile('wide.csv', `${HEADER}\n${csvLine(row)}\n${csvLine(row)},extra\n`)]);
    expect(e.where).toBe('3');
    expect(e.reason).toBe('row has 46 fields, the header has 45');
  });

  it('rejects a row whose schema is not one FORMAT.md allows', async () => {
    const e = await readError(euCsvReader, [tempFile('schema.csv', `${HEADER}\n${csvLine({ ...row, schema: 'Thing' })}\n`)]);
    expect(e.where).toBe('2');
    expect(e.reason).toMatch(/schema "Thing"/);
  });
});
