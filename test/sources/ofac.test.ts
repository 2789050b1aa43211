import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeId } from '../../src/model/ids.js';
import { ofacCsvReader } from '../../src/sources/ofac.js';
import { ReadReport } from '../../src/sources/report.js';
import type { SourceRecord } from '../../src/sources/types.js';
import { LISTS, mainEntity, ofSchema, rawText, readAll, tempDir, writeTemp } from '../helpers.js';

/** The lines of a raw (gunzipped) file that start with an ent_num: one per entry. */
function entryLines(relative: string): string[] {
  return rawText(relative).split(/\r?\n/).filter((l) => /^\d+,/.test(l));
}

function entNums(relative: string): Set<string> {
  return new Set(entryLines(relative).map((l) => l.slice(0, l.indexOf(','))));
}

function byKey(records: SourceRecord[]): Map<string, SourceRecord> {
  return new Map(records.map((r) => [r.key, r]));
}

function id(key: string): string {
  return makeId('test', key);
}

const SDN_2024 = 'ofac/sdn_20240503.csv.gz';
const ADD_2025 = 'ofac/add_20250106.csv.gz';
const ALT_2025 = 'ofac/alt_20250106.csv.gz';

describe('OFAC legacy CSV: the 2024 SDN list with add/alt/comments of 2025', () => {
  let records: SourceRecord[];
  let report: ReadReport;
  let recs: Map<string, SourceRecord>;

  beforeAll(async () => {
    ({ records, report } = await readAll(ofacCsvReader, [path.join(LISTS, 'ofac')]));
    recs = byKey(records);
  });

  it('reads every entry of sdn.csv once', () => {
    const lines = entryLines(SDN_2024);
    expect(lines).toHaveLength(14965);
    expect(report.records).toBe(lines.length);
    expect(records).toHaveLength(lines.length);
    expect(new Set(records.map((r) => r.key))).toEqual(entNums(SDN_2024));
    expect(report.versionHint).toBe('2024-05-03');
  });

  it('types each entry by SDN_Type', () => {
    const lines = entryLines(SDN_2024);
    const count = (type: string) => lines.filter((l) => new RegExp(`^\\d+,"(?:[^"]|"")*","${type}",`).test(l)).length;
    const schemas = records.map((r) => mainEntity(r).schema);
    expect(schemas.filter((s) => s === 'Person')).toHaveLength(count('individual'));
    expect(schemas.filter((s) => s === 'Vessel')).toHaveLength(count('vessel'));
    expect(schemas.filter((s) => s === 'Airplane')).toHaveLength(count('aircraft'));
    const others = lines.filter((l) => /^\d+,"(?:[^"]|"")*",-0- ,/.test(l)).length;
    expect(schemas.filter((s) => s === 'Company' || s === 'Organization')).toHaveLength(others);
    expect(count('individual')).toBe(6854);
    // one Sanction per entry
    expect(records.every((r) => ofSchema(r, 'Sanction').length === 1)).toBe(true);
  });

  it('counts the add/alt rows of newer entries (not in the 2024 list) as unusable, per file', () => {
    const keys = entNums(SDN_2024);
    const orphans = (rel: string) => entryLines(rel).filter((l) => !keys.has(l.slice(0, l.indexOf(',')))).length;
    const addOrphans = orphans(ADD_2025);
    const altOrphans = orphans(ALT_2025);
    expect(addOrphans).toBeGreaterThan(1000);
    expect(report.unusable.get('add row whose ent_num is not in the main file (add_20250106.csv.gz)')?.count).toBe(addOrphans);
    expect(report.unusable.get('alt row whose ent_num is not in the main file (alt_20250106.csv.gz)')?.count).toBe(altOrphans);
    // address rows of listed entries that say nothing (every field -0-)
    const empty = entryLines(ADD_2025).filter((l) => keys.has(l.slice(0, l.indexOf(','))) && /^\d+,\d+,-0- ,-0- ,-0- ,-0- $/.test(l)).length;
    expect(report.unusable.get('address row with every field empty (add_20250106.csv.gz)')?.count).toBe(empty);
    // every other address row of a listed entry became one Address entity
    const usable = entryLines(ADD_2025).filter((l) => keys.has(l.slice(0, l.indexOf(',')))).length - empty;
    expect(records.reduce((n, r) => n + ofSchema(r, 'Address').length, 0)).toBe(usable);
  });

  it('maps a Russian state-owned company (EO 14024) with INN, OGRN, OKPO, aliases and address', () => {
    const rec = recs.get('34337')!;
    const company = mainEntity(rec);
    expect(company.schema).toBe('Company');
    expect(company.id).toBe(id('34337'));
    const p = company.properties;
    expect(p['name']).toEqual(['JOINT STOCK COMPANY MANAGEMENT COMPANY OF THE RUSSIAN DIRECT INVESTMENT FUND']);
    expect(p['alias']).toEqual([
      'AKTSIONERNOYE OBSHCHESTVO UPRAVLYAYUSHCHAYA KOMPANIYA ROSSIYSKOGO FONDA PRYAMYKH INVESTITSIY',
      'AKTSIONERNOE OBSHCHESTVO UPRAVLYAYUSHCHAYA KOMPANIYA ROSSISKOGO FONDA PRYAMYKH INVESTITSI',
    ]);
    expect(p['previousName']).toEqual([
      'LIMITED LIABILITY COMPANY MANAGEMENT COMPANY OF RDIF',
      'OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU UPRAVLYAYUSHCHAYA KOMPANIYA RFPI',
    ]);
    expect(p['weakAlias']).toEqual(['JSC MC RDIF', 'AO UK RFPI']);
    expect(p['taxNumber']).toEqual(['7703425673']);
    expect(p['innCode']).toEqual(['7703425673']);
    expect(p['registrationNumber']).toEqual(['1177746367017']);
    expect(p['ogrnCode']).toEqual(['1177746367017']);
    expect(p['okpoCode']).toEqual(['15110384']);
    expect(p['incorporationDate']).toEqual(['2017-04-11']);
    expect(p['sector']).toEqual(['Trusts, funds and similar financial entities']);
    expect(p['classification']).toEqual(['Financial Institution', 'State-Owned Enterprise']);
    expect(p['website']).toEqual(['www.rdif.ru', 'www.investinrussia.com']);
    expect(p['topics']).toEqual(['sanction']);
    expect(p['notes']).toBeUndefined();

    const ids = ofSchema(rec, 'Identification').map((e) => [e.properties['type']![0], e.properties['number']![0], e.properties['country']![0]]);
    expect(ids).toEqual([
      ['Tax ID No.', '7703425673', 'ru'],
      ['Government Gazette Number', '15110384', 'ru'],
      ['Registration Number', '1177746367017', 'ru'],
    ]);
    expect(ofSchema(rec, 'Identification').every((e) => e.properties['holder']![0] === company.id)).toBe(true);

    const [address] = ofSchema(rec, 'Address');
    expect(address!.properties).toMatchObject({
      full: ['Naberezhnaya Presnenskaya, Dom 8 Stroyeniye 1, Etaj 7, Moscow 123112, Russia'],
      street: ['Naberezhnaya Presnenskaya, Dom 8 Stroyeniye 1, Etaj 7'],
      city: ['Moscow'],
      postalCode: ['123112'],
      country: ['ru'],
    });
    expect(p['addressEntity']).toEqual([address!.id]);
    expect(p['address']).toEqual(address!.properties['full']);

    const [sanction] = ofSchema(rec, 'Sanction');
    expect(sanction!.properties).toMatchObject({
      entity: [company.id],
      authority: ['Office of Foreign Assets Control'],
      country: ['us'],
      program: ['RUSSIA-EO14024'],
      recordId: ['34337'],
    });
    expect(sanction!.properties['sourceUrl']![0]).toMatch(/ofac\.treasury\.gov\/specially-designated-nationals/);
  });

  it('keeps directive listing and effective dates on the Sanction and resolves Linked To', () => {
    const rec = recs.get('18669')!; // LIMITED LIABILITY COMPANY SBERBANK CAPITAL
    const [sanction] = ofSchema(rec, 'Sanction');
    expect(sanction!.properties['program']).toEqual(['UKRAINE-EO13662', 'RUSSIA-EO14024']);
    expect(sanction!.properties['listingDate']).toEqual(['2022-02-24']);
    expect(sanction!.properties['startDate']).toEqual(['2022-03-26']);
    expect(sanction!.properties['provisions']).toContain('Listing Date (EO 14024 Directive 2): 24 Feb 2022');
    expect(sanction!.properties['provisions']).toContain('Executive Order 13662 Directive Determination - Subject to Directive 1');
    expect(mainEntity(rec).properties['ogrnCode']).toEqual(['1087746887678']);
    const sberbank = entryLines(SDN_2024).find((l) => l.includes(',"PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA",'))!;
    const [link] = ofSchema(rec, 'UnknownLink');
    expect(link!.properties).toEqual({ subject: [id('18669')], object: [id(sberbank.slice(0, sberbank.indexOf(',')))], role: ['Linked To'] });
  });

  it('maps a person with several DOBs, aliases, passports and a title', () => {
    const rec = recs.get('2686')!;
    const person = mainEntity(rec);
    expect(person.schema).toBe('Person');
    expect(person.properties).toMatchObject({
      name: ['NASRALLAH, Hasan'],
      lastName: ['NASRALLAH'],
      firstName: ['Hasan'],
      alias: ['NASRALLAH, Hasan Abd-al-Karim'],
      birthDate: ['1960-08-31', '1953-08-31', '1955-08-31', '1958-08-31'],
      birthPlace: ['Al Basuriyah, Lebanon'],
      birthCountry: ['lb'],
      gender: ['male'],
      position: ['Secretary General of Hizballah'],
      passportNumber: ['042833'],
    });
    // the title repeated in the Remarks is not a note
    expect(person.properties['notes']).toBeUndefined();
    const [passport] = ofSchema(rec, 'Passport');
    expect(passport!.properties).toEqual({
      holder: [person.id],
      number: ['042833'],
      type: ['Passport'],
      country: ['lb'],
      passportNumber: ['042833'],
    });
    const hizballah = entryLines(SDN_2024).find((l) => /^\d+,"HIZBALLAH",/.test(l))!;
    expect(ofSchema(rec, 'UnknownLink')[0]!.properties['object']).toEqual([id(hizballah.slice(0, hizballah.indexOf(',')))]);

    const julaidan = recs.get('7263')!;
    expect(mainEntity(julaidan).properties['alias']).toHaveLength(8);
    expect(mainEntity(julaidan).properties['weakAlias']).toEqual(['ABU AL-HASAN AL MADANI']);
    expect(mainEntity(julaidan).properties['birthDate']).toEqual(['1958-01-22', '1958-01-20']);
    const passports = ofSchema(julaidan, 'Passport').map((e) => e.properties);
    expect(passports).toContainEqual({
      holder: [id('7263')],
      number: ['B 524420'],
      type: ['Passport'],
      startDate: ['1998-07-15'],
      endDate: ['2003-05-22'],
      passportNumber: ['B 524420'],
    });
  });

  it('appends the comments continuation to Remarks cut at 1000 characters', () => {
    const rec = recs.get('28263')!; // TIAN, Yinyin: "a.k.a. 'snowsjo" + "hn'; Linked To: LAZARUS GROUP."
    expect(mainEntity(rec).properties['weakAlias']).toEqual(['tianyinyin0404', 'snowsjohn']);
    expect(ofSchema(rec, 'UnknownLink')[0]!.properties['object']).toEqual([id('27307')]);
    expect(mainEntity(recs.get('27307')!).properties['name']).toEqual(['LAZARUS GROUP']);
    expect(ofSchema(rec, 'CryptoWallet')).toHaveLength(8);
    // a continuation for an entry whose 2024 Remarks are not cut is reported, not glued on
    expect(report.unusable.get('comments row for an entry whose Remarks are not cut at 1000 characters; not appended (comments file of another date?)')?.examples[0]).toMatch(/ent_num 34682$/);
    expect(report.unusable.get('comments row whose ent_num is not in the main file (sdn_comments_20250103.csv.gz)')?.count).toBe(2);
  });

  it('maps a vessel with IMO, MMSI, flags, tonnage and former names', () => {
    const rec = recs.get('15036')!;
    const vessel = mainEntity(rec);
    expect(vessel.schema).toBe('Vessel');
    expect(vessel.properties).toMatchObject({
      name: ['ARTAVIL'],
      callSign: ['T2EU4'],
      type: ['Crude/Oil Products Tanker'],
      tonnage: ['99144'],
      grossRegisteredTonnage: ['56068'],
      flag: ['ir'],
      pastFlags: ['mt', 'tv', 'tz'],
      imoNumber: ['IMO9187629'],
      mmsi: ['572469210'],
      notes: ['alt. Former Vessel Flag None Identified'],
    });
    expect(vessel.properties['previousName']).toContain('ALPHA');
    const nitc = entryLines(SDN_2024).find((l) => /^\d+,"NATIONAL IRANIAN TANKER COMPANY",/.test(l))!;
    expect(ofSchema(rec, 'UnknownLink')[0]!.properties['object']).toEqual([id(nitc.slice(0, nitc.indexOf(',')))]);
    // vessels hold no Identification documents in FtM
    expect(ofSchema(rec, 'Identification')).toHaveLength(0);
    // a vessel owner that is no listed entry stays a note
    expect(mainEntity(recs.get('4238')!).properties['notes']).toEqual(['Vessel owner: Samir de Navegacion S.A.']);
  });

  it('maps an aircraft', () => {
    const plane = mainEntity(recs.get('15431')!);
    expect(plane.schema).toBe('Airplane');
    expect(plane.properties).toMatchObject({
      name: ['EP-GOM'],
      model: ['IL76-TD'],
      buildDate: ['1992'],
      serialNumber: ['1023409321'],
    });
    expect(plane.properties['notes']).toContain('Aircraft Construction Number (also called L/N or S/N or F/N) 8401');
  });

  it('reports Linked To names that match no entry, or several', () => {
    // ROSNEFT, GAZPROM… are on the non-SDN list, not in sdn.csv
    expect(report.unusable.get('Linked To: no entry of that name in the main file(s)')?.count).toBe(8);
    expect(report.unusable.get('Linked To: the name matches several entries')?.count).toBe(2);
  });

  it('gives the same ids on every read', async () => {
    const again = await readAll(ofacCsvReader, [path.join(LISTS, 'ofac', 'sdn_20240503.csv.gz'), path.join(LISTS, 'ofac', 'alt_20250106.csv.gz')]);
    const ids = (rs: SourceRecord[]) => rs.slice(0, 500).map((r) => r.entities.filter((e) => e.schema !== 'Address').map((e) => e.id));
    expect(ids(again.records)).toEqual(ids(records));
  });
});

describe('OFAC legacy CSV: other lists', () => {
  it('reads the 2022 pre-invasion SDN list alone', async () => {
    const rel = 'ofac_2022/sdn_20220223.csv.gz';
    const { records, report } = await readAll(ofacCsvReader, [path.join(LISTS, rel)]);
    expect(entryLines(rel)).toHaveLength(9121);
    expect(report.records).toBe(entryLines(rel).length);
    expect(report.versionHint).toBe('2022-02-23');
    const bnc = mainEntity(byKey(records).get('306')!);
    expect(bnc.properties['name']).toEqual(['BANCO NACIONAL DE CUBA']);
    expect(bnc.properties['weakAlias']).toEqual(['BNC']);
    expect(bnc.properties['alias']).toBeUndefined();
  });

  it('reads the consolidated non-SDN list, and resolves its links into the SDN list when read together', async () => {
    const rel = 'ofac_non_sdn/cons_prim.csv.gz';
    const { records, report } = await readAll(ofacCsvReader, [path.join(LISTS, 'ofac_non_sdn')]);
    expect(entryLines(rel)).toHaveLength(442);
    expect(report.records).toBe(entryLines(rel).length);
    const zahhar = byKey(records).get('9647')!;
    const [sanction] = ofSchema(zahhar, 'Sanction');
    expect(sanction!.properties['program']).toEqual(['SDGT', 'NS-PLC']);
    expect(sanction!.properties['sourceUrl']![0]).toMatch(/consolidated-sanctions-list-non-sdn-lists/);
    expect(report.unusable.get('Linked To: no entry of that name in the main file(s)')?.examples[0]).toMatch(/→ HAMAS$/);

    const both = await readAll(ofacCsvReader, [path.join(LISTS, 'ofac'), path.join(LISTS, 'ofac_non_sdn')]);
    expect(both.report.records).toBe(14965 + 442);
    expect(both.report.unusable.get('Linked To: no entry of that name in the main file(s)')).toBeUndefined();
    const hamas = entryLines(SDN_2024).find((l) => /^\d+,"HAMAS",/.test(l))!;
    const inCons = both.records.filter((r) => r.key === '9647');
    // on both lists: one entity, a Sanction per list
    expect(inCons).toHaveLength(2);
    expect(new Set(inCons.map((r) => mainEntity(r).id)).size).toBe(1);
    expect(new Set(inCons.map((r) => ofSchema(r, 'Sanction')[0]!.id)).size).toBe(2);
    const links = both.records.filter((r) => mainEntity(r).id === id('9647')).flatMap((r) => ofSchema(r, 'UnknownLink'));
    expect(links.map((l) => l.properties['object']![0])).toContain(id(hamas.slice(0, hamas.indexOf(','))));
  });
});

describe('OFAC legacy CSV: bad input', () => {
  const SDN_ROWS =
    '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n' +
    '173,"ANGLO-CARIBBEAN CO., LTD.",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n' +
    '306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. \'BNC\'."\r\n';

  it('reads a small well-formed file with its end-of-file mark', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'sdn.csv', SDN_ROWS + '\u001a');
    const { records } = await readAll(ofacCsvReader, [file]);
    expect(records.map((r) => mainEntity(r).schema)).toEqual(['Organization', 'Company', 'Organization']);
  });

  it('names the file and the reason of a truncated file', async () => {
    const dir = tempDir();
    const gz = readFileSync(path.join(LISTS, SDN_2024));
    const cut = writeTemp(dir, 'sdn_cut.csv.gz', gz.subarray(0, gz.length >> 1));
    await expect(readAll(ofacCsvReader, [cut])).rejects.toThrow(/sdn_cut\.csv\.gz: corrupt or truncated gzip data/);
    // a plain file that stops inside the quoted Remarks of its 3rd row
    const inQuotes = writeTemp(dir, 'sdn_q.csv', SDN_ROWS.slice(0, SDN_ROWS.length - 10));
    await expect(readAll(ofacCsvReader, [inQuotes])).rejects.toThrow(/sdn_q\.csv:3: truncated CSV: the file ends inside a quoted field/);
    // a plain file that stops between fields
    const midRow = writeTemp(dir, 'sdn_r.csv', SDN_ROWS + '424,"BOUTIQUE LA MAISON",-0- ,"CUBA"');
    await expect(readAll(ofacCsvReader, [midRow])).rejects.toThrow(/sdn_r\.csv:4: not an OFAC legacy CSV main file \(sdn \/ cons_prim\): expected 12 columns, found 4/);
  });

  it('rejects a file of another format', async () => {
    const un = path.join(LISTS, 'un', 'UN_consolidated_20260227.xml.gz');
    await expect(readAll(ofacCsvReader, [un])).rejects.toThrow(/UN_consolidated_20260227\.xml\.gz: not an OFAC legacy CSV file name/);
    const dir = tempDir();
    const disguised = path.join(dir, 'sdn.csv.gz');
    copyFileSync(un, disguised);
    await expect(readAll(ofacCsvReader, [disguised])).rejects.toThrow(/sdn\.csv\.gz:1: not an OFAC legacy CSV: the file is XML/);
    const withHeader = writeTemp(dir, 'sdn_h.csv', 'ent_num,SDN_Name,SDN_Type,Program,Title,Call_Sign,Vess_type,Tonnage,GRT,Vess_flag,Vess_owner,Remarks\r\n' + SDN_ROWS);
    await expect(readAll(ofacCsvReader, [withHeader])).rejects.toThrow(/sdn_h\.csv:1: not an OFAC legacy CSV: the first column should be the entry number \(ent_num\), found "ent_num"/);
  });

  it('rejects a wrong column count, naming the line', async () => {
    const dir = tempDir();
    const addAsSdn = writeTemp(dir, 'sdn.csv', '36,25,-0- ,"Havana","Cuba",-0- \r\n');
    await expect(readAll(ofacCsvReader, [addAsSdn])).rejects.toThrow(/sdn\.csv:1: not an OFAC legacy CSV main file \(sdn \/ cons_prim\): expected 12 columns, found 6/);
    const folder = path.join(dir, 'set');
    mkdirSync(folder);
    writeTemp(folder, 'sdn.csv', SDN_ROWS);
    writeTemp(folder, 'add.csv', '36,25,-0- ,"Havana","Cuba",-0- \r\n173,129,"Ibex House, The Minories","London EC3N 1DY"\r\n');
    await expect(readAll(ofacCsvReader, [folder])).rejects.toThrow(/add\.csv:2: not an OFAC legacy CSV address file \(add \/ cons_add\): expected 6 columns, found 4/);
  });

  it('rejects invalid encoding, stray quotes and an empty file', async () => {
    const dir = tempDir();
    const latin1 = writeTemp(dir, 'sdn_l.csv', Buffer.concat([Buffer.from(SDN_ROWS), Buffer.from('424,"BOUTIQUE \xe0 LA MAISON",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n', 'latin1')]));
    await expect(readAll(ofacCsvReader, [latin1])).rejects.toThrow(/sdn_l\.csv:4: invalid utf-8 text/);
    const quote = writeTemp(dir, 'sdn_s.csv', SDN_ROWS.replace('"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n173', '"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0 "x"\r\n173'));
    await expect(readAll(ofacCsvReader, [quote])).rejects.toThrow(/sdn_s\.csv:1: malformed CSV: a quote inside an unquoted field/);
    const empty = writeTemp(dir, 'sdn_e.csv', '');
    await expect(readAll(ofacCsvReader, [empty])).rejects.toThrow(/sdn_e\.csv: the file is empty/);
    const onlyEof = writeTemp(dir, 'sdn_z.csv', '\u001a');
    await expect(readAll(ofacCsvReader, [onlyEof])).rejects.toThrow(/sdn_z\.csv: no entries/);
    const gzEmpty = writeTemp(dir, 'sdn_g.csv.gz', gzipSync(Buffer.alloc(0)));
    await expect(readAll(ofacCsvReader, [gzEmpty])).rejects.toThrow(/sdn_g\.csv\.gz: the file is empty/);
  });

  it('needs the main file, one per list, and a known file name', async () => {
    const dir = tempDir();
    const onlyAdd = path.join(dir, 'only-add');
    mkdirSync(onlyAdd);
    writeTemp(onlyAdd, 'add.csv', '36,25,-0- ,"Havana","Cuba",-0- \r\n');
    await expect(readAll(ofacCsvReader, [onlyAdd])).rejects.toThrow(/add\.csv: the main file of the SDN list \(sdn\*\.csv\) is missing/);
    const two = path.join(dir, 'two');
    mkdirSync(two);
    writeTemp(two, 'sdn_20220223.csv', SDN_ROWS);
    writeTemp(two, 'sdn_20240503.csv', SDN_ROWS);
    await expect(readAll(ofacCsvReader, [two])).rejects.toThrow(/two main files for the SDN list \(sdn_20220223\.csv and sdn_20240503\.csv\)/);
    const other = writeTemp(dir, 'list.csv', SDN_ROWS);
    await expect(readAll(ofacCsvReader, [other])).rejects.toThrow(/list\.csv: not an OFAC legacy CSV file name/);
    const dup = writeTemp(dir, 'sdn_d.csv', SDN_ROWS + SDN_ROWS.split('\r\n')[0] + '\r\n');
    await expect(readAll(ofacCsvReader, [dup])).rejects.toThrow(/sdn_d\.csv:4: ent_num 36 appears twice/);
  });
});
