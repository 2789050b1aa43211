import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../src/model/paths.js';
import { cslCsvReader } from '../../src/sources/csl.js';
import type { ReadReport } from '../../src/sources/report.js';
import type { SourceRecord } from '../../src/sources/types.js';
import { finder, props, readAll, readError, tempFile } from '../helpers.js';

const CSL_FILE = path.join(DATA_DIR, 'lists', 'csl', 'csl_sample_20231130.csv.gz');
const OFAC_SDN = path.join(DATA_DIR, 'lists', 'ofac', 'sdn_20240503.csv.gz');
const RAW = gunzipSync(readFileSync(CSL_FILE)).toString('utf8');
const HEADER_LINE = RAW.slice(0, RAW.indexOf('\n'));
const COLUMNS = HEADER_LINE.split(',');

/**
 * The upstream sample was cut mid-record (its last line opened the record of _id 11476 inside a
 * quoted address); data/ ships it without that partial line (see data/SOURCES.md).
 */
const COMPLETE = RAW;

function dataRows(text: string): string[][] {
  const rows = parse(text, { relax_column_count: true }) as string[][];
  return rows.filter((r) => r.join(',') !== HEADER_LINE);
}

function csvLine(values: Record<string, string>): string {
  return COLUMNS.map((c) => `"${(values[c] ?? '').replace(/"/g, '""')}"`).join(',');
}

describe('cslCsvReader on the complete records of the sample', () => {
  let records: SourceRecord[];
  let report: ReadReport;
  let rows: Array<Record<string, string>>;
  const { main, of } = finder(() => records);

  beforeAll(async () => {
    rows = dataRows(COMPLETE).map((r) => Object.fromEntries(COLUMNS.map((c, i) => [c, r[i]!])));
    ({ records, report } = await readAll(cslCsvReader, [CSL_FILE]));
  });

  it('reads every data row once, skipping the repeated header, counted independently', () => {
    expect(RAW.split('\n')[1]).toBe(HEADER_LINE);
    expect(rows).toHaveLength(4226);
    expect(report.records).toBe(rows.length);
    const ids = new Set(rows.map((r) => r['_id']));
    expect(ids.size).toBe(4219);
    expect(records).toHaveLength(ids.size);
    expect(new Set(records.map((r) => r.key))).toEqual(ids);
    expect(report.versionHint).toBe('2023-11-30');
  });

  it('gives every row a Sanction by its source list, and every entity a unique deterministic id', () => {
    const all = records.flatMap((r) => r.entities);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    const sanctions = all.filter((e) => e.schema === 'Sanction');
    expect(sanctions).toHaveLength(rows.length);
    const perSource = (list: string) => rows.filter((r) => r['source'] === list).length;
    for (const list of new Set(rows.map((r) => r['source']!))) {
      expect(sanctions.filter((s) => props(s, 'authority')[0] === list)).toHaveLength(perSource(list));
    }
    expect(perSource('Entity List (EL) - Bureau of Industry and Security')).toBe(919);
    for (const r of records) {
      for (const s of r.entities.filter((e) => e.schema === 'Sanction')) expect(props(s, 'entity')).toEqual([r.entities[0]!.id]);
    }
    expect(main('17016').id).toBe('test-17016');
  });

  it('chooses the schema from the type', () => {
    const schemaOf = (key: string) => main(key).schema;
    const typeOf = (t: string) => new Set(rows.filter((r) => r['type'] === t).map((r) => r['_id']));
    for (const id of typeOf('Individual')) expect(schemaOf(id!)).toBe('Person');
    for (const id of typeOf('Vessel')) expect(schemaOf(id!)).toBe('Vessel');
    for (const id of typeOf('')) expect(schemaOf(id!)).toBe('LegalEntity');
    for (const id of typeOf('Entity')) expect(['Company', 'Organization']).toContain(schemaOf(id!));
    expect(schemaOf('17016')).toBe('Company');
  });

  it('keeps every name and alternative name', () => {
    for (const r of rows) {
      const e = main(r['_id']!);
      expect(props(e, 'name')).toContain(r['name']!.replace(/\s+/g, ' ').trim());
      const aliases = r['alt_names']!.split(/;\s+/).map((a) => a.replace(/\s+/g, ' ').trim()).filter(Boolean);
      for (const a of aliases) expect(props(e, 'alias')).toContain(a);
    }
  });

  it('merges a bank listed on both NS-MBS and SSI into one company with two Sanctions, INN/OGRN/OKPO checked', () => {
    const key = '17016';
    const e = main(key);
    expect(props(e, 'name')).toEqual(['Gazprombank Joint Stock Company', 'GAZPROMBANK JOINT STOCK COMPANY']);
    expect(props(e, 'alias')).toContain('Joint Stock Bank of the Gas Industry Gazprombank');
    expect(props(e, 'innCode')).toEqual(['7744001497']);
    expect(props(e, 'taxNumber')).toEqual(['7744001497']);
    expect(props(e, 'ogrnCode')).toEqual(['1027700167110']);
    expect(props(e, 'registrationNumber')).toEqual(['1027700167110']);
    expect(props(e, 'okpoCode')).toEqual(['09807684']);
    expect(props(e, 'swiftBic')).toEqual(['GAZPRUMM']);
    expect(props(e, 'website')).toEqual(['www.gazprombank.ru']);
    expect(props(e, 'incorporationDate')).toEqual(['1990-07-31']);
    expect(props(e, 'address')).toEqual(['16 Nametkina Street, Bldg. 1, Moscow, 117420, RU']);
    expect(props(of(key, 'Address')[0], 'country')).toEqual(['ru']);
    const ids = of(key, 'Identification').map((i) => [props(i, 'type')[0], props(i, 'number')[0], props(i, 'country')[0]]);
    expect(ids).toEqual([
      ['Registration Number', '1027700167110', 'ru'],
      ['Government Gazette Number', '09807684', 'ru'],
      ['Tax ID No.', '7744001497', 'ru'],
      ['SWIFT/BIC', 'GAZPRUMM', undefined],
    ]);
    const sanctions = of(key, 'Sanction');
    expect(sanctions.map((s) => props(s, 'authority')[0])).toEqual([
      'Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department',
      'Sectoral Sanctions Identifications List (SSI) - Treasury Department',
    ]);
    for (const s of sanctions) {
      expect(props(s, 'program')).toEqual(['UKRAINE-EO13662', 'RUSSIA-EO14024']);
      expect(props(s, 'authorityId')).toEqual(['17016']);
      expect(props(s, 'provisions')).toContain('Executive Order 13662 Directive Determination: Subject to Directive 1');
    }
    expect(props(sanctions[1], 'sourceUrl')).toEqual(['https://www.treasury.gov/ofac/downloads/consolidated/consolidated.xml']);
  });

  it('maps an Entity List company in Russia with all its addresses and licence terms', () => {
    const key = rows.find((r) => r['name'] === 'Melkom ' && r['source']!.startsWith('Entity List'))!['_id']!;
    const e = main(key);
    expect(e.schema).toBe('LegalEntity');
    expect(props(e, 'name')).toEqual(['Melkom']);
    expect(props(e, 'alias')).toEqual(['Melcom', 'Melkom JSC']);
    const addresses = of(key, 'Address');
    expect(addresses).toHaveLength(7);
    expect(props(addresses[0], 'full')).toEqual(['Ulitsa Ordzhonikidze 10, Moscow, 119071, RU']);
    expect(addresses.every((a) => props(a, 'country')[0] === 'ru')).toBe(true);
    expect(props(e, 'addressEntity')).toEqual(addresses.map((a) => a.id));
    expect(props(e, 'topics')).toEqual(['sanction', 'export.control']);
    const [s] = of(key, 'Sanction');
    expect(props(s, 'authority')).toEqual(['Entity List (EL) - Bureau of Industry and Security']);
    expect(props(s, 'summary')).toEqual(['Federal Register notice: 77 FR 61249 No. 195']);
    expect(props(s, 'provisions')).toEqual([
      'License requirement: For all items subject to the EAR. (See §744.11 of the EAR).',
      'License policy: Presumption of denial.',
    ]);
    expect(props(s, 'sourceUrl')).toEqual(['https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list']);
  });

  it('maps an SDN person with several birth dates, birth place, passport and remarks', () => {
    const key = '2686';
    const e = main(key);
    expect(e.schema).toBe('Person');
    expect(props(e, 'name')).toEqual(['NASRALLAH, Hasan']);
    expect(props(e, 'alias')).toEqual(['NASRALLAH, Hasan Abd-al-Karim']);
    expect(props(e, 'position')).toEqual(['Secretary General of Hizballah']);
    expect(props(e, 'birthDate')).toEqual(['1960-08-31', '1953-08-31', '1955-08-31', '1958-08-31']);
    expect(props(e, 'birthPlace')).toEqual(['Al Basuriyah, Lebanon']);
    expect(props(e, 'passportNumber')).toEqual(['042833']);
    expect(props(e, 'gender')).toEqual(['male']);
    expect(props(e, 'notes')).toEqual(['(Linked To: HIZBALLAH)']);
    const [passport] = of(key, 'Passport');
    expect(props(passport, 'number')).toEqual(['042833']);
    expect(props(passport, 'country')).toEqual(['lb']);
    expect(props(of(key, 'Sanction')[0], 'program')).toEqual(['SYRIA', 'SDGT']);
  });

  it('reads passport issue and expiry dates', () => {
    const [passport] = of('6944', 'Passport').filter((p) => props(p, 'number')[0] === 'G 649385');
    expect(props(passport, 'startDate')).toEqual(['2006-09-08']);
    expect(props(passport, 'endDate')).toEqual(['2011-07-17']);
  });

  it('maps a vessel with call sign, type, tonnage, flag and owner', () => {
    const key = '4238';
    const e = main(key);
    expect(e.schema).toBe('Vessel');
    expect(props(e, 'name')).toEqual(['MAR AZUL']);
    expect(props(e, 'callSign')).toEqual(['CL2192']);
    expect(props(e, 'type')).toEqual(['Tug']);
    expect(props(e, 'grossRegisteredTonnage')).toEqual(['212']);
    expect(props(e, 'flag')).toEqual(['cu']);
    const [owner] = of(key, 'LegalEntity');
    expect(props(owner, 'name')).toEqual(['Samir de Navegacion S.A.']);
    expect(props(e, 'owner')).toEqual([owner!.id]);
  });

  it('maps a CMIC company: USCC, tickers, ISINs and CMIC dates', () => {
    const key = '30882';
    const e = main(key);
    expect(e.schema).toBe('Company');
    expect(props(e, 'uscCode')).toEqual(['9111000071093019X7']);
    expect(props(e, 'ticker')).toContain('0728 HK');
    expect(props(e, 'isinCode')).toHaveLength(5);
    expect(props(e, 'legalForm')).toEqual(['Public Company']);
    expect(props(e, 'alias')).toContain('China Telecom Corp Ltd');
    const [s] = of(key, 'Sanction');
    expect(props(s, 'listingDate')).toEqual(['2021-06-03']);
    expect(props(s, 'startDate')).toEqual(['2021-08-02']);
    expect(props(s, 'provisions')).toContain('Purchase/Sales For Divestment Date (CMIC): 2022-06-03');
  });

  it('reports a Russian "Tax ID No." that fails the INN check instead of calling it an INN', () => {
    const issue = [...report.unusable.entries()].find(([reason]) => reason.startsWith('ids: RU Tax ID No. is not a valid INN'));
    expect(issue?.[1].examples).toEqual(['18708 "5039441"']);
    expect(props(main('18708'), 'innCode')).toEqual([]);
    expect(props(main('18708'), 'taxNumber')).toContain('5039441');
  });
});

describe('cslCsvReader on bad input', () => {
  const row = { _id: '1', source: 'Entity List (EL) - Bureau of Industry and Security', name: 'Test', addresses: 'Moscow, RU' };

  it('rejects a CSV truncated inside a quoted field, naming the line the record starts on', async () => {
    const text = [HEADER_LINE, csvLine(row), csvLine({ ...row, _id: '2', remarks: 'cut, here' })].join('\n');
    const e = await readError(cslCsvReader, [tempFile('cut.csv', text.slice(0, text.lastIndexOf('here')))]);
    expect(e.message).toContain('cut.csv');
    expect(e.where).toBe('3');
    expect(e.reason).toMatch(/^truncated CSV/);
  });

  it('rejects the OFAC SDN file, naming the missing columns', async () => {
    const e = await readError(cslCsvReader, [OFAC_SDN]);
    expect(e.message).toContain('sdn_20240503.csv.gz');
    expect(e.where).toBe('1');
    expect(e.reason).toMatch(/^not a Consolidated Screening List CSV: missing column\(s\) _id, source, entity_number, type, programs/);
  });

  it('rejects a CSV with other columns, naming the missing ones', async () => {
    const e = await readError(cslCsvReader, [tempFile('other.csv', `${HEADER_LINE.replace(',ids', '').replace('_id,', 'id,')}\n`)]);
    expect(e.reason).toMatch(/missing column\(s\) _id, ids \(header: id,source/);
  });

  it('rejects invalid UTF-8, naming the line', async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER_LINE}\n${csvLine(row)}\n"2","`), Buffer.from([0xe9, 0x22, 0x0a])]);
    const e = await readError(cslCsvReader, [tempFile('latin1.csv', bytes)]);
    expect(e.where).toBe('3');
    expect(e.reason).toMatch(/invalid utf-8/);
  });

  it('rejects an empty file', async () => {
    const e = await readError(cslCsvReader, [tempFile('empty.csv', '')]);
    expect(e.reason).toMatch(/empty/);
  });

  it('rejects a row with too many fields, naming its line', async () => {
    const e = await readError(cslCsvReader, [tempFile('wide.csv', `${HEADER_LINE}\n${csvLine(row)}\n${csvLine(row)},"x"\n`)]);
    expect(e.where).toBe('3');
    expect(e.reason).toBe('row has 30 fields, the header has 29');
  });

  it('rejects a row without _id', async () => {
    const e = await readError(cslCsvReader, [tempFile('noid.csv', `${HEADER_LINE}\n${csvLine({ ...row, _id: '' })}\n`)]);
    expect(e.where).toBe('2');
    expect(e.reason).toMatch(/no _id/);
  });
});
