import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../src/model/paths.js';
import { euXmlReader } from '../../src/sources/eu-xml.js';
import type { ReadReport } from '../../src/sources/report.js';
import type { SourceRecord } from '../../src/sources/types.js';
import { finder, props, readAll, readError, tempFile } from '../helpers.js';

/** A real excerpt of the official FSF XML of 2018-12-21 (see data/SOURCES.md). */
const REAL_FILE = path.join(DATA_DIR, 'lists', 'eu_fsf', 'eu_fsf_excerpt_20181221.xml');
const REAL = readFileSync(REAL_FILE, 'utf8');
/** HAND-MADE, invented values in the documented layout, for the parts the real excerpt lacks. */
const HANDMADE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'eu_fsf_handmade.xml');
const HANDMADE = readFileSync(HANDMADE_FILE, 'utf8');

describe('euXmlReader on a real excerpt of the official FSF XML (2018-12-21)', () => {
  let records: SourceRecord[];
  let report: ReadReport;
  const { main, of } = finder(() => records);

  beforeAll(async () => {
    ({ records, report } = await readAll(euXmlReader, [REAL_FILE]));
  });

  it('reads every sanctionEntity, counted independently from the raw XML', () => {
    const count = REAL.match(/<sanctionEntity[\s>]/g)?.length ?? 0;
    expect(count).toBe(2);
    expect(report.records).toBe(count);
    expect(records.map((r) => r.key)).toEqual([...REAL.matchAll(/<sanctionEntity [^>]*logicalId="(\d+)"/g)].map((m) => m[1]));
    expect(report.unusableTotal).toBe(0);
  });

  it('states the generation date as the version', () => {
    expect(report.versionHint).toBe('2018-12-21');
  });

  it('maps a person with a passport (logicalId 1, EU.36.64)', () => {
    const p = main('1');
    expect(p.id).toBe('test-1');
    expect(p.properties).toEqual({
      topics: ['sanction'],
      name: ['Robert Gabriel Mugabe'],
      firstName: ['Robert'],
      middleName: ['Gabriel'],
      lastName: ['Mugabe'],
      position: ['Former President'],
      gender: ['male'],
      birthDate: ['1924-02-21'],
      passportNumber: ['AD001095'],
    });
    const [passport] = of('1', 'Passport');
    // countryIso2Code "00" / UNKNOWN is no country
    expect(passport!.properties).toEqual({
      holder: ['test-1'],
      number: ['AD001095'],
      type: ['National passport'],
      summary: ['(passport)'],
    });
    const [s] = of('1', 'Sanction');
    expect(s!.properties).toMatchObject({
      entity: ['test-1'],
      authority: ['European Union'],
      authorityId: ['EU.36.64'],
      recordId: ['1'],
      program: ['ZWE'],
      provisions: ['2018/223 (OJ L43)'],
      sourceUrl: ['http://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:32018R0223&from=EN'],
      listingDate: ['2018-02-16'],
      startDate: ['2018-02-16'],
    });
    expect(props(s, 'unscId')).toEqual([]);
    expect(props(s, 'description')).toContain(
      'Regulation: 2018/223 (OJ L43); amendment by the commission; published 2018-02-16; in force 2018-02-16; regulation logicalId 110201',
    );
    // the acts behind single details (regulationSummary) are kept on the Sanction
    expect(props(s, 'description')).toContain(
      'Act behind listed details: 151/2012 (OJ L49); amendment; published 2012-02-22; http://eur-lex.europa.eu/LexUriServ/LexUriServ.do?uri=OJ:L:2012:049:0002:0016:EN:PDF',
    );
  });

  it('maps an enterprise with its names in many languages (logicalId 207, EU.3523.13)', () => {
    const o = main('207');
    expect(o.schema).toBe('Organization');
    expect(props(o, 'name')).toEqual(['İslami Büyük Doğu Akıncılar Cephesi']);
    const aliases = props(o, 'alias');
    expect(aliases).toHaveLength(18);
    expect(aliases).toContain('Great Islamic Eastern Warriors Front');
    expect(aliases).toContain('Μέγα Ισλαµικό Μέτωπο των Πολεµιστών της Ανατολής');
    expect(aliases).toContain('IBDA-C');
    expect(props(o, 'weakAlias')).toEqual([]);
    const [s] = of('207', 'Sanction');
    expect(s!.properties).toMatchObject({
      program: ['TERR'],
      authorityId: ['EU.3523.13'],
      provisions: ['2018/468 (OJ L79)'],
      listingDate: ['2018-03-22'],
      startDate: ['2018-03-23'],
    });
    expect(props(s, 'description').filter((d) => d.startsWith('Act behind listed details'))).toHaveLength(6);
  });

  it('reads a gzipped copy the same way', async () => {
    const gz = tempFile('eu_fsf.xml.gz', gzipSync(readFileSync(REAL_FILE)));
    const { records: again } = await readAll(euXmlReader, [gz]);
    expect(again).toEqual(records);
  });
});

describe('euXmlReader on the HAND-MADE fixture (invented values, documented layout)', () => {
  let records: SourceRecord[];
  let report: ReadReport;
  const { main, of } = finder(() => records);

  beforeAll(async () => {
    ({ records, report } = await readAll(euXmlReader, [HANDMADE_FILE]));
  });

  it('reads its three entities', () => {
    expect(report.records).toBe(HANDMADE.match(/<sanctionEntity[\s>]/g)!.length);
    expect(records.map((r) => r.key)).toEqual(['900001', '900002', '900003']);
    expect(report.versionHint).toBe('2026-01-15');
  });

  it('maps names, citizenship, birth dates with a circa year range, addresses with contacts', () => {
    const p = main('900001');
    expect(p.properties).toMatchObject({
      name: ['Ivan Petrovich HANDMADE'],
      firstName: ['Ivan'],
      middleName: ['Petrovich'],
      lastName: ['HANDMADE'],
      alias: ['Иван Петрович ХЭНДМЕЙД'],
      weakAlias: ['Vanya H.'],
      position: ['Director of Example Works'],
      title: ['Dr.'],
      gender: ['male'],
      nationality: ['ru'],
      birthDate: ['1961-07-14', '1962-03', '1963', '1964', '1965'],
      birthPlace: ['Testograd, RUSSIAN FEDERATION'],
      birthCountry: ['ru'],
      phone: ['+7 000 000 00 00'],
      email: ['ivan@example.invalid'],
      address: ['1 Example Street, Moscow, 101000, RUSSIAN FEDERATION'],
      country: ['ru'],
      passportNumber: ['750000001'],
      innCode: ['770000000001'],
    });
    expect(props(p, 'notes')).toEqual([
      'Name "Vanya H.": low quality alias',
      'Hand-made person. Associated with Handmade Example Trading LLC.',
      'Date of birth 1963 / 1964 / 1965: between 1963 and 1965; circa',
    ]);
    const [addr] = of('900001', 'Address');
    expect(props(p, 'addressEntity')).toEqual([addr!.id]);
    expect(addr!.properties).toEqual({
      full: ['1 Example Street, Moscow, 101000, RUSSIAN FEDERATION'],
      street: ['1 Example Street'],
      city: ['Moscow'],
      postalCode: ['101000'],
      country: ['ru'],
      remarks: ['address at the time of listing', 'residence'],
    });
  });

  it('maps identification documents with their flags and dates', () => {
    const [passport] = of('900001', 'Passport');
    expect(passport!.properties).toEqual({
      holder: ['test-900001'],
      number: ['750000001'],
      type: ['National passport'],
      authority: ['Example Passport Office'],
      country: ['ru'],
      startDate: ['2015-01-02'],
      endDate: ['2025-01-01'],
      summary: ['known to be false', 'name on document: IVAN HANDMADE', 'forged'],
    });
    const [inn] = of('900001', 'Identification');
    expect(inn!.properties).toMatchObject({ number: ['770000000001'], type: ['Tax identification number (INN)'] });
    const [reg] = of('900002', 'Identification');
    expect(reg!.properties).toMatchObject({ number: ['1027700000000'], type: ['Registration Number'], startDate: ['2010-06-01'], summary: ['OGRN'] });
    expect(props(main('900002'), 'registrationNumber')).toEqual(['1027700000000']);
  });

  it('makes one Sanction per programme, listed at the first regulation of that programme', () => {
    const sanctions = of('900001', 'Sanction');
    expect(sanctions.map((s) => props(s, 'program'))).toEqual([['UKR'], ['BLR']]);
    const [ukr, blr] = sanctions;
    expect(ukr!.properties).toMatchObject({
      authority: ['European Union'],
      authorityId: ['EU.9999.1'],
      unscId: ['QDi.999'],
      reason: ['Listed for testing only'],
      listingDate: ['2022-02-25'],
      provisions: ['2022/999 (OJ L99)', '2023/998 (OJ L98)'],
      sourceUrl: ['https://eur-lex.europa.eu/example/2022-999', 'https://eur-lex.europa.eu/example/2023-998'],
    });
    // designationDate and the entry-into-force dates
    expect(props(ukr, 'startDate')).toEqual(['2022-02-25', '2022-02-26', '2023-03-10']);
    expect(props(blr, 'listingDate')).toEqual(['2024-05-20']);
  });

  it('maps an enterprise: function, web contact and unknown elements go to notes', () => {
    const o = main('900002');
    expect(o.schema).toBe('Organization');
    expect(props(o, 'website')).toEqual(['www.example.invalid']);
    expect(props(o, 'notes')).toEqual([
      'Name "Handmade Example Trading LLC" function: Trader of dual-use goods',
      'futureElement: kept in notes; flavour=unknown',
    ]);
    const [addr] = of('900002', 'Address');
    expect(addr!.properties).toEqual({
      full: ['PO Box 77, Dubai, UNITED ARAB EMIRATES'],
      postOfficeBox: ['PO Box 77'],
      region: ['Dubai'],
      country: ['ae'],
    });
  });

  it('gives an entity without regulation still its Sanction', () => {
    const [s] = of('900003', 'Sanction');
    expect(s!.properties).toEqual({ entity: ['test-900003'], authority: ['European Union'], recordId: ['900003'] });
  });
});

describe('euXmlReader on bad input', () => {
  it('rejects the real excerpt cut in the middle, naming the file and line', async () => {
    const cut = REAL.slice(0, REAL.indexOf('\n', Math.floor(REAL.length / 2)));
    const file = tempFile('eu_truncated.xml', cut);
    const err = await readError(euXmlReader, [file]);
    expect(err.file).toBe(file);
    expect(err.where).toBe(String(cut.split('\n').length));
    // the cut falls just after a nameAlias start tag of entity 207
    expect(err.reason).toBe('truncated XML: the document ends inside an element (unclosed tag: nameAlias)');
    expect(err.message).toContain(`eu_truncated.xml:${err.where}: truncated XML`);
  });

  it('rejects a CSV fed to the XML reader', async () => {
    const file = tempFile('fsf.xml', 'fileGenerationDate;Entity_LogicalId;Entity_EU_ReferenceNumber\n28/10/2022;13;EU.27.28\n');
    const err = await readError(euXmlReader, [file]);
    expect(err.reason).toMatch(/^not an EU FSF export: not an XML document/);
    expect(err.message).toContain('fsf.xml:');
  });

  it('rejects the UN consolidated list', async () => {
    const err = await readError(euXmlReader, [path.join(DATA_DIR, 'lists', 'un', 'UN_consolidated_20260227.xml.gz')]);
    expect(err.reason).toBe('not an EU FSF export: root element is CONSOLIDATED_LIST');
  });

  it('rejects an export in another namespace', async () => {
    const err = await readError(euXmlReader, [tempFile('other.xml', '<export xmlns="urn:example:other"><sanctionEntity logicalId="1"/></export>')]);
    expect(err.reason).toBe('not an EU FSF export: namespace is urn:example:other');
  });

  it('rejects an empty file', async () => {
    const err = await readError(euXmlReader, [tempFile('empty.xml', '')]);
    expect(err.reason).toBe('the file is empty');
  });

  it('rejects text that is not UTF-8, naming the line', async () => {
    const head = Buffer.from(REAL.split('\n').slice(0, 4).join('\n') + '\n');
    const bytes = Buffer.concat([head, Buffer.from('<nameAlias wholeName="M'), Buffer.from([0xfc]), Buffer.from('ller"/>\n')]);
    const err = await readError(euXmlReader, [tempFile('latin1.xml', bytes)]);
    expect(err.reason).toMatch(/invalid utf-8/);
    expect(err.where).toBe('5');
  });
});
