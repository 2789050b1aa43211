import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { FtmEntity } from '../../src/model/entity.js';
import { ReadReport } from '../../src/sources/report.js';
import type { SourceRecord } from '../../src/sources/types.js';
import { ukCsvReader } from '../../src/sources/uk/index.js';
import { LISTS, mainEntity, ofSchema, props, rawText, readAll, tempDir, writeTemp } from '../helpers.js';

const UK_DIR = path.join(LISTS, 'uk');
const CONLIST = path.join(LISTS, 'ofsi', 'ConList_excerpt_2020.csv');

/** A normalised table, parsed independently of the reader. */
function table(name: string): Array<Record<string, string>> {
  return parse(rawText(`uk/${name}.csv.gz`), { columns: true }) as Array<Record<string, string>>;
}

/** dd/mm/yyyy → yyyy-mm-dd */
function iso(ddmmyyyy: string): string {
  const [d, m, y] = ddmmyyyy.split('/');
  return `${y}-${m}-${d}`;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The Identification/Passport entity of a record with this number. */
function idEntity(r: SourceRecord, number: string): FtmEntity | undefined {
  return r.entities.find((e) => (e.schema === 'Identification' || e.schema === 'Passport') && props(e, 'number').includes(number));
}

describe('UK Sanctions List, normalised tables (uk-csv)', () => {
  let records: SourceRecord[];
  let report: ReadReport;
  let byKey: Map<string, SourceRecord>;
  const subjects = table('subjects');

  beforeAll(async () => {
    ({ records, report } = await readAll(ukCsvReader, [UK_DIR]));
    byKey = new Map(records.map((r) => [r.key, r]));
  });

  it('yields one record per subject, in file order, with one main entity per subject type', () => {
    const ids = subjects.map((s) => s['unique_id']!);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(6046);
    expect(report.records).toBe(ids.length);
    expect(records.map((r) => r.key)).toEqual(ids);

    const byType = (t: string) => subjects.filter((s) => s['subject_type'] === t).map((s) => s['unique_id']!);
    expect(byType('individual').every((id) => mainEntity(byKey.get(id)!).schema === 'Person')).toBe(true);
    expect(byType('ship').every((id) => mainEntity(byKey.get(id)!).schema === 'Vessel')).toBe(true);
    expect(byType('entity').every((id) => ['Company', 'Organization'].includes(mainEntity(byKey.get(id)!).schema))).toBe(true);
    expect(byType('individual').length + byType('ship').length + byType('entity').length).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('RUS')).length).toBe(3252);

    // every entity id is unique and deterministic in form
    const all = records.flatMap((r) => r.entities.map((e) => e.id));
    expect(new Set(all).size).toBe(all.length);
    expect(mainEntity(byKey.get('RUS0001')!).id).toBe('test-rus0001');
  });

  it('states the newest last_updated as the version and reports what it could not use', () => {
    const newest = subjects.map((s) => iso(s['last_updated']!)).sort().at(-1);
    expect(newest).toBe('2026-04-29');
    expect(report.versionHint).toBe(newest);
    expect(report.files.map((f) => path.basename(f.path)).sort()).toEqual([
      'subject_countries.csv.gz',
      'subject_dobs.csv.gz',
      'subject_identifiers.csv.gz',
      'subject_names.csv.gz',
      'subjects.csv.gz',
    ]);
    // every side row belongs to a subject here, so nothing is skipped for that reason
    const known = new Set(subjects.map((s) => s['unique_id']));
    for (const t of ['subject_names', 'subject_identifiers', 'subject_dobs', 'subject_countries']) {
      expect(table(t).every((r) => known.has(r['unique_id']))).toBe(true);
      expect(report.unusable.has(`${t}.csv: unique_id not in subjects.csv`)).toBe(false);
    }
    // two birth places that are no country today: reported once each, kept in notes
    expect([...report.unusable.keys()]).toEqual(['birthCountry: not a known country']);
    expect(report.unusable.get('birthCountry: not a known country')!.count).toBe(2);
    expect(props(mainEntity(byKey.get('GHR0164')!), 'notes')).toContain('birth country: Occupied Golan Heights');
    expect(props(mainEntity(byKey.get('RUS0115')!), 'notes')).toContain('birth country: Former German Democratic Republic');
  });

  it('keeps every name, birth date, country and identifier row of the side tables', () => {
    for (const n of table('subject_names')) {
      const e = mainEntity(byKey.get(n['unique_id']!)!);
      const full = squash(n['full_name']!);
      if (n['name_type'] === 'primary') expect(props(e, 'name')).toContain(full);
      else if (n['alias_strength'] === 'low_quality_aka') expect(props(e, 'weakAlias')).toContain(full);
      else expect(props(e, 'alias')).toContain(full);
    }
    for (const d of table('subject_dobs')) {
      const dates = props(mainEntity(byKey.get(d['unique_id']!)!), 'birthDate');
      const expected = d['precision'] === 'exact' ? `${d['year']}-${d['month']}-${d['day']}` : d['precision'] === 'month_year' ? `${d['year']}-${d['month']}` : d['year']!;
      expect(dates).toContain(expected);
    }
    const countryProp: Record<string, string> = { birth: 'birthCountry', nationality: 'nationality', address: 'country' };
    for (const c of table('subject_countries')) {
      if (!c['iso']) continue;
      expect(props(mainEntity(byKey.get(c['unique_id']!)!), countryProp[c['country_type']!]!)).toContain(c['iso']!.toLowerCase());
    }
    for (const i of table('subject_identifiers')) {
      const r = byKey.get(i['unique_id']!)!;
      const raw = squash(i['raw_value']!.replace(/[\u00a0\u202f]/g, ' ')).replace(/^'|'$/g, '').trim();
      const ids = r.entities.filter((e) => e.schema === 'Identification' || e.schema === 'Passport');
      expect(ids.every((e) => props(e, 'holder')[0] === mainEntity(r).id)).toBe(true);
      if (i['identifier_type'] === 'imo') {
        expect(props(mainEntity(r), 'imoNumber')).toContain(`IMO${raw.replace(/^IMO/, '')}`);
        continue;
      }
      // the value is an identifier's number, or (labelled, several in one text) its stated summary
      const kept = ids.some((e) => props(e, 'number').includes(raw.replace(/,$/, '')) || props(e, 'summary').some((s) => squash(s).includes(raw)));
      expect(kept, `${i['unique_id']} ${raw}`).toBe(true);
      if (i['identifier_type'] === 'passport') expect(ofSchema(r, 'Passport').length).toBeGreaterThan(0);
    }
  });

  it('gives every subject its sanction: regime, UK list ID, dates, OFSI group ID, UN reference', () => {
    for (const s of subjects) {
      const r = byKey.get(s['unique_id']!)!;
      const [sanction, ...more] = ofSchema(r, 'Sanction');
      expect(more).toHaveLength(0);
      expect(props(sanction, 'entity')).toEqual([mainEntity(r).id]);
      expect(props(sanction, 'authority')).toEqual(['UK Foreign, Commonwealth and Development Office']);
      expect(props(sanction, 'programId')).toEqual([s['unique_id']!.slice(0, 3)]);
      expect(props(sanction, 'recordId')).toEqual([s['unique_id']]);
      expect(props(sanction, 'listingDate')).toEqual([iso(s['date_designated']!)]);
      expect(props(sanction, 'modifiedAt')).toEqual([iso(s['last_updated']!)]);
      expect(props(sanction, 'authorityId')).toEqual(s['ofsi_group_id'] ? [s['ofsi_group_id']] : []);
      expect(props(sanction, 'unscId')).toEqual(s['un_reference_number'] ? [s['un_reference_number']] : []);
      expect(props(mainEntity(r), 'topics')).toEqual(['sanction']);
    }
    expect(props(ofSchema(byKey.get('RUS0001')!, 'Sanction')[0], 'program')).toEqual(['Russia']);
    expect(props(ofSchema(byKey.get('AQD0190')!, 'Sanction')[0], 'program')).toEqual(["ISIL (Da'esh) and Al-Qaida"]);
  });

  it('maps a Russia-regime person: names, name parts, aliases, nationalities, passports', () => {
    const r = byKey.get('RUS0270')!; // Roman ABRAMOVICH
    const e = mainEntity(r);
    expect(e.schema).toBe('Person');
    expect(props(e, 'name')).toEqual(['Roman Arkadyevich ABRAMOVICH']);
    expect(props(e, 'alias')).toEqual(['Roman ABRAMOVICH']);
    expect(props(e, 'firstName')).toEqual(['Roman']);
    expect(props(e, 'secondName')).toEqual(['Arkadyevich']);
    expect(props(e, 'lastName')).toEqual(['ABRAMOVICH']);
    expect(props(e, 'nationality').sort()).toEqual(['il', 'pt', 'ru']);
    expect(props(e, 'birthCountry')).toEqual(['ru']);
    expect(props(e, 'passportNumber').sort()).toEqual(['24132276', 'CB982788']);
    const israeli = idEntity(r, '24132276')!;
    expect(israeli.schema).toBe('Passport');
    expect(props(israeli, 'country')).toEqual(['il']);
    expect(props(israeli, 'summary')).toEqual(['Israeli passport']);
    expect(props(idEntity(r, 'CB982788'), 'country')).toEqual(['pt']);
    const sanction = ofSchema(r, 'Sanction')[0];
    expect(props(sanction, 'program')).toEqual(['Russia']);
    expect(props(sanction, 'authorityId')).toEqual(['14212']);
    expect(props(sanction, 'listingDate')).toEqual(['2022-03-10']);

    // a Russian passport stated as "Russian number: 0258399"
    const deynego = byKey.get('RUS0091')!;
    expect(props(mainEntity(deynego), 'passportNumber')).toEqual(['0258399']);
    expect(props(idEntity(deynego, '0258399'), 'country')).toEqual(['ru']);
    expect(props(mainEntity(deynego), 'nationality')).toEqual(['ua']);

    // a national ID that is a valid Russian INN (12 digits) on a Russian subject
    const sinelin = mainEntity(byKey.get('RUS1500')!);
    expect(props(sinelin, 'idNumber')).toEqual(['772805709397']);
    expect(props(sinelin, 'innCode')).toEqual(['772805709397']);
  });

  it('maps a person with several birth years, strong and weak aliases and a dated passport', () => {
    const r = byKey.get('AFG0014')!;
    const e = mainEntity(r);
    expect(props(e, 'name')).toEqual(['AKHTAR MOHAMMAD MANSOUR SHAH MOHAMMED']);
    expect(props(e, 'firstName')).toEqual(['AKHTAR']);
    expect(props(e, 'secondName')).toEqual(['MOHAMMAD']);
    expect(props(e, 'middleName')).toEqual(['MANSOUR']);
    expect(props(e, 'lastName')).toEqual(['SHAH MOHAMMED']);
    expect(props(e, 'alias').sort()).toEqual(['Akhtar Mohammad Mansour Khan Muhammad', 'Akhtar Muhammad Mansoor']);
    expect(props(e, 'weakAlias')).toEqual(['Naib Imam']);
    expect(props(e, 'birthDate').sort()).toEqual(['1956', '1957', '1965', '1973']);
    expect(props(e, 'nationality')).toEqual(['af']);
    const passport = idEntity(r, 'SE-011697')!;
    expect(props(passport, 'country')).toEqual(['af']);
    expect(props(passport, 'startDate')).toEqual(['1988-01-25']);
    expect(props(passport, 'endDate')).toEqual(['2000-02-23']);
    expect(props(passport, 'summary')).toEqual(['Afghan. Issued on 25 Jan 1988 in Kabul. Expiry date 23 Feb 2000.']);
    expect(props(ofSchema(r, 'Sanction')[0], 'unscId')).toEqual(['TAi.011']);

    // exact birth dates
    expect(props(mainEntity(byKey.get('DRC0067')!), 'birthDate').sort()).toEqual(['1961-06-04', '1975', '1976-03-22', '1976-10-20']);
  });

  it('maps Russia-regime entities with OGRN, INN, KPP, SWIFT and BIK and their address country', () => {
    const mrtz = byKey.get('RUS2154')!;
    const e = mainEntity(mrtz);
    expect(e.schema).toBe('Company');
    expect(props(e, 'name')).toEqual(['Joint Stock Company NPO Moskovskiy Radiotekhnicheskiy Zavod']);
    expect(props(e, 'alias')).toContain('JSC NPO MRTZ');
    expect(props(e, 'country')).toEqual(['ru']);
    expect(props(e, 'ogrnCode')).toEqual(['1027739090708']);
    expect(props(e, 'registrationNumber')).toEqual(['1027739090708']);
    expect(props(e, 'innCode')).toEqual(['7731018133']);
    expect(props(e, 'taxNumber')).toEqual(['7731018133']);
    const ogrn = idEntity(mrtz, '1027739090708')!;
    expect(props(ogrn, 'type')).toEqual(['OGRN']);
    expect(props(ogrn, 'country')).toEqual(['ru']);
    expect(props(ogrn, 'summary')).toEqual(['OGRN: 1027739090708 INN: 7731018133']);
    expect(props(idEntity(mrtz, '7731018133'), 'type')).toEqual(['INN']);

    const metallurg = mainEntity(byKey.get('RUS2746')!);
    expect(props(metallurg, 'innCode')).toEqual(['7703010220']);
    expect(props(metallurg, 'ogrnCode')).toEqual(['1027739246490']);
    expect(props(metallurg, 'swiftBic')).toEqual(['MECCRUM1']);
    expect(props(metallurg, 'bikCode')).toEqual(['044525125']);

    // "Tax ID No. … (Russia); Registration Number … (Russia)"
    const tsargrad = mainEntity(byKey.get('RUS1408')!);
    expect(props(tsargrad, 'innCode')).toEqual(['7743141413']);
    expect(props(tsargrad, 'ogrnCode')).toEqual(['1167700052618']);

    // a Belarusian UNN is a tax number but no Russian INN; the Russian INN/KPP pair is split
    const synesis = byKey.get('BEL0065')!;
    expect(props(mainEntity(synesis), 'taxNumber').sort()).toEqual(['190950894', '7704734000']);
    expect(props(mainEntity(synesis), 'innCode')).toEqual(['7704734000']);
    expect(props(mainEntity(synesis), 'kppCode')).toEqual(['770301001']);
    expect(props(idEntity(synesis, '190950894'), 'country')).toEqual(['by']);
    expect(props(mainEntity(synesis), 'country').sort()).toEqual(['by', 'ru']);

    // an entity without registration numbers stays an Organization
    expect(mainEntity(byKey.get('AFG0001')!).schema).toBe('Organization');
  });

  it('maps ships with their IMO number and other names', () => {
    const thea = byKey.get('RUS2342')!;
    expect(mainEntity(thea).schema).toBe('Vessel');
    expect(props(mainEntity(thea), 'name')).toEqual(['THEA']);
    expect(props(mainEntity(thea), 'alias')).toEqual(['SEAGRACE / PACIFIC ALLIANCE']);
    expect(props(mainEntity(thea), 'imoNumber')).toEqual(['IMO9290309']);
    expect(props(idEntity(thea, 'IMO9290309'), 'type')).toEqual(['IMO number']);
    expect(props(ofSchema(thea, 'Sanction')[0], 'program')).toEqual(['Russia']);

    const petrel = mainEntity(byKey.get('DPR0075')!);
    expect(props(petrel, 'alias').sort()).toEqual(['Jal Vahini', 'Jal_Vahini', 'Tian Tai 36']);
    expect(props(petrel, 'imoNumber')).toEqual(['IMO9562233']);
    expect(props(mainEntity(byKey.get('DPR0076')!), 'imoNumber')).toEqual(['IMO8628597']);
  });
});

describe('OFSI Consolidated List, legacy ConList.csv (uk-csv)', () => {
  let records: SourceRecord[];
  let report: ReadReport;
  let byKey: Map<string, SourceRecord>;
  // parsed independently: Windows-1252, header with an extra leading empty column
  const rows = parse(new TextDecoder('windows-1252').decode(readFileSync(CONLIST)), { relax_column_count: true }) as string[][];
  const header = rows[0]!;
  const data = rows.slice(1);

  beforeAll(async () => {
    ({ records, report } = await readAll(ukCsvReader, [CONLIST]));
    byKey = new Map(records.map((r) => [r.key, r]));
  });

  it('yields one record per Group ID and keeps the name of every row', () => {
    expect(header[0]).toBe('');
    expect(header.at(-1)).toBe('Group ID');
    expect(data.length).toBe(77);
    const groups = [...new Set(data.map((r) => r.at(-1)!))];
    expect(groups.length).toBe(41);
    expect(report.records).toBe(groups.length);
    expect(records.map((r) => r.key)).toEqual(groups);
    expect(report.versionHint).toBe('2020-02-20');
    for (const row of data) {
      // data rows lack the leading empty column: Name 6 is the first field, Name 1…5 follow
      const full = squash([...row.slice(1, 6), row[0]].filter(Boolean).join(' '));
      const e = mainEntity(byKey.get(row.at(-1)!)!);
      expect([...props(e, 'name'), ...props(e, 'alias'), ...props(e, 'weakAlias')]).toContain(full);
    }
  });

  it('maps a person with two nationalities, birth places, passports and a national ID', () => {
    const r = byKey.get('12999')!;
    const e = mainEntity(r);
    expect(e.schema).toBe('Person');
    expect(props(e, 'name')).toEqual(['Mohamed Adam Brema ABDALLAH']);
    expect(props(e, 'birthDate').sort()).toEqual(['1969', '1970', '1970-01-01', '1971', '1971-01-01']);
    expect(props(e, 'birthPlace')).toEqual(['Ndele, Central African Republic', 'Algenana, Sudan']);
    expect(props(e, 'nationality')).toEqual(['cf', 'sd']);
    expect(props(e, 'passportNumber')).toEqual(['D00001184', 'P04838205']);
    expect(props(idEntity(r, 'D00001184'), 'country')).toEqual(['cf']);
    expect(props(e, 'idNumber')).toEqual(['202-2708-8368']);
    expect(props(idEntity(r, '202-2708-8368'), 'country')).toEqual(['sd']);
    expect(props(e, 'position')).toEqual([
      'a) General, b) Minister for Security, c) Director General of the Extraordinary Committee for the Defence of Democratic Achievements',
    ]);
    const [address] = ofSchema(r, 'Address');
    expect(props(address, 'full')).toEqual(['Birao, Central African Republic']);
    expect(props(e, 'addressEntity')).toEqual([address!.id]);
    // Windows-1252 curly quotes decoded
    expect(props(e, 'notes')[0]).toContain('“Fundamental” splinter group');
    const sanction = ofSchema(r, 'Sanction')[0];
    expect(props(sanction, 'program')).toEqual(['Central African Republic']);
    expect(props(sanction, 'authorityId')).toEqual(['12999']);
    expect(props(sanction, 'listingDate')).toEqual(['2014-06-24']);
    expect(props(sanction, 'modifiedAt')).toEqual(['2019-09-23']);
  });

  it('takes the name from the "Prime Alias" row and aliases from the others', () => {
    const e = mainEntity(byKey.get('13814')!);
    expect(props(e, 'name')).toEqual(['Yasser Aziz ABBAS']);
    expect(props(e, 'firstName')).toEqual(['Yasser']);
    expect(props(e, 'lastName')).toEqual(['ABBAS']);
    expect(props(e, 'alias').sort()).toEqual(['Yaser Aziz ABAS', 'Yaser Aziz ABBAS', 'Yasr Aziz ABAS', 'Yasr Aziz ABBAS', 'Yasser Aziz ABAS']);
    expect(props(e, 'birthDate')).toEqual(['1978-08-22']);
    expect(props(e, 'nationality')).toEqual(['sy']);

    // a group of alias rows only (the excerpt cut it): the alias names it; "00/00/1980" is 1980
    const q = byKey.get('13349')!;
    expect(props(mainEntity(q), 'name')).toEqual(['Sheikh Farooq AL-QAHTANI']);
    expect(props(mainEntity(q), 'birthDate')).toEqual(['1980', '1981']);
    expect(props(mainEntity(q), 'nationality')).toEqual(['sa', 'qa']);
    expect(props(mainEntity(q), 'country')).toEqual(['af']);
    expect(props(mainEntity(q), 'notes')).toContain('Country: Afghanistan (since 2009)');
    const passport = idEntity(q, '592667')!;
    expect(props(passport, 'country')).toEqual(['qa']);
    expect(props(passport, 'startDate')).toEqual(['2007-05-03']);
    expect(props(ofSchema(q, 'Sanction')[0], 'unscId')).toEqual(['QDe.004']);
  });

  it('maps an entity with its address', () => {
    const r = byKey.get('10657')!;
    const e = mainEntity(r);
    expect(e.schema).toBe('Organization');
    expect(props(e, 'name')).toEqual(['3M MIZAN MACHINERY MANUFACTURING']);
    expect(props(e, 'alias')).toEqual(['3MG']);
    const [address] = ofSchema(r, 'Address');
    expect(props(address, 'full')).toEqual(['PO Box 16595-365, Tehran, Iran']);
    expect(props(address, 'country')).toEqual(['ir']);
    expect(props(e, 'address')).toEqual(['PO Box 16595-365, Tehran, Iran']);
    expect(props(ofSchema(r, 'Sanction')[0], 'program')).toEqual(['Iran (nuclear proliferation)']);
    expect(props(ofSchema(r, 'Sanction')[0], 'unscId')).toEqual(['E.29.I.11']);
  });

  it('reads a UTF-8 ConList with a "Last Updated" line, alias quality and extra columns', async () => {
    const dir = tempDir();
    const file = writeTemp(
      dir,
      'ConList.csv',
      'Last Updated,05/03/2024\n' +
        'Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,DOB,Name Non-Latin Script,Group Type,Alias Type,Alias Quality,Regime,Listed On,Last Updated,Group ID,Email Address\n' +
        'PETROV,Ivan,,,,,,,Иван ПЕТРОВ,Individual,Primary name,,Russia,01/03/2022,01/03/2022,15000,a@b.ru\n' +
        'PETROFF,Ivan,,,,,,00/05/1970,,Individual,Alias,Low quality,Russia,01/03/2022,01/03/2022,15000,\n',
    );
    const { records: recs, report: rep } = await readAll(ukCsvReader, [file]);
    expect(rep.records).toBe(1);
    expect(rep.versionHint).toBe('2024-03-05');
    const e = mainEntity(recs[0]!);
    expect(props(e, 'name')).toEqual(['Ivan PETROV']);
    expect(props(e, 'alias')).toEqual(['Иван ПЕТРОВ']);
    expect(props(e, 'weakAlias')).toEqual(['Ivan PETROFF']);
    expect(props(e, 'birthDate')).toEqual(['1970-05']);
    expect(props(e, 'notes')).toEqual(['Email Address: a@b.ru']);
  });
});

describe('uk-csv bad input', () => {
  const HEADER = 'unique_id,subject_type,un_reference_number,ofsi_group_id,date_designated,last_updated\n';
  const ROW = 'RUS0001,individual,,12944,31/12/2020,09/04/2025\n';

  function folder(files: Record<string, string | Buffer>): string {
    const dir = path.join(tempDir(), 'uk');
    mkdirSync(dir);
    for (const [name, content] of Object.entries(files)) writeTemp(dir, name, content);
    return dir;
  }

  it('names the missing subjects.csv', async () => {
    const dir = folder({ 'subject_names.csv': 'name_id,unique_id,name_type,alias_strength,full_name\n1,RUS0001,primary,,X\n' });
    await expect(readAll(ukCsvReader, [dir])).rejects.toThrow(/uk: subjects\.csv is missing: subject_names\.csv is keyed by unique_id to subjects\.csv/);
  });

  it('rejects truncated files', async () => {
    await expect(readAll(ukCsvReader, [folder({ 'subjects.csv': HEADER + ROW + 'RUS0002,indiv' })])).rejects.toThrow(
      /subjects\.csv:3: row has 2 fields, the header has 6 \(truncated\?\)/,
    );
    await expect(readAll(ukCsvReader, [folder({ 'subjects.csv': HEADER + ROW + 'RUS0002,"indiv' })])).rejects.toThrow(/subjects\.csv:3: truncated CSV: the file ends inside a quoted field/);
    const gz = gzipSync(Buffer.from(HEADER + ROW.repeat(200)));
    await expect(readAll(ukCsvReader, [folder({ 'subjects.csv.gz': gz.subarray(0, gz.length - 30) })])).rejects.toThrow(/subjects\.csv\.gz: corrupt or truncated gzip data/);
    const con = readFileSync(CONLIST);
    await expect(readAll(ukCsvReader, [folder({ 'ConList.csv': con.subarray(0, con.length - 20) })])).rejects.toThrow(/ConList\.csv:78: row has 27 fields, the header has 30 \(truncated\?\)/);
    await expect(readAll(ukCsvReader, [folder({ 'ConList.csv': con.subarray(0, con.length - 200) })])).rejects.toThrow(/ConList\.csv:78: truncated CSV: the file ends inside a quoted field/);
  });

  it('rejects files of the wrong format and missing columns', async () => {
    await expect(readAll(ukCsvReader, [folder({ 'other.csv': 'a,b,c\n1,2,3\n' })])).rejects.toThrow(/other\.csv:1: not a UK sanctions list CSV/);
    await expect(readAll(ukCsvReader, [folder({ 'subjects.csv': 'unique_id,un_reference_number,ofsi_group_id,date_designated,last_updated\nRUS0001,,1,31/12/2020,09/04/2025\n' })])).rejects.toThrow(
      /subjects\.csv:1: missing column\(s\) subject_type/,
    );
    await expect(readAll(ukCsvReader, [folder({ 'notes.txt': 'hello' })])).rejects.toThrow(/no \.csv files found/);
    // a foreign file beside good tables fails before any record is read
    let yielded = 0;
    const mixed = async () => {
      for await (const r of ukCsvReader.read([folder({ 'subjects.csv': HEADER + ROW, 'sdn.csv': '36,"AEROCARIBBEAN AIRLINES",-0-,"CUBA"\n' })], { dataset: 'test', report: new ReadReport() })) {
        void r;
        yielded++;
      }
    };
    await expect(mixed()).rejects.toThrow(/sdn\.csv:1: not a UK sanctions list CSV/);
    expect(yielded).toBe(0);
  });

  it('rejects invalid UTF-8, an empty file and a row with too many fields', async () => {
    const latin1 = Buffer.from('name_id,unique_id,name_type,alias_strength,full_name\n1,RUS0001,primary,,M\xfcller\n', 'latin1');
    await expect(readAll(ukCsvReader, [folder({ 'subjects.csv': HEADER + ROW, 'subject_names.csv': latin1 })])).rejects.toThrow(/subject_names\.csv:2: invalid utf-8 text/);
    await expect(readAll(ukCsvReader, [folder({ 'subjects.csv': '' })])).rejects.toThrow(/subjects\.csv: the file is empty/);
    await expect(readAll(ukCsvReader, [folder({ 'subjects.csv': HEADER + ROW + 'RUS0002,entity,,1,31/12/2020,09/04/2025,extra\n' })])).rejects.toThrow(
      /subjects\.csv:3: row has 7 fields, the header has 6/,
    );
  });

  it('reports side rows whose subject is not in subjects.csv', async () => {
    const dir = folder({
      'subjects.csv': HEADER + ROW,
      'subject_names.csv': 'name_id,unique_id,name_type,alias_strength,full_name,name_6,name_1,name_2,name_3,name_4,name_5\n1,RUS0001,primary,,Ivan PETROV,PETROV,Ivan,,,,\n2,XXX9999,primary,,Nobody,Nobody,,,,,\n3,RUS0001,primary,,Иван ПЕТРОВ,ПЕТРОВ,Иван,,,,\n',
      'subject_countries.csv': 'id,unique_id,raw_value,country_type,iso,resolution_method,iso_available\n1,XXX9999,Russia,birth,RU,synonym,True\n',
    });
    const { records: recs, report: rep } = await readAll(ukCsvReader, [dir]);
    expect(rep.records).toBe(1);
    expect(props(mainEntity(recs[0]!), 'name')).toEqual(['Ivan PETROV']);
    expect(props(mainEntity(recs[0]!), 'alias')).toEqual(['Иван ПЕТРОВ']); // a name in another script is an alias
    expect(props(mainEntity(recs[0]!), 'firstName')).toEqual(['Ivan']);
    expect(rep.unusable.get('subject_names.csv: unique_id not in subjects.csv')?.count).toBe(1);
    expect(rep.unusable.get('subject_names.csv: unique_id not in subjects.csv')?.examples[0]).toMatch(/subject_names\.csv:3 XXX9999$/);
    expect(rep.unusable.get('subject_countries.csv: unique_id not in subjects.csv')?.count).toBe(1);
  });
});
