import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../src/model/paths.js';
import type { ReadReport } from '../../src/sources/report.js';
import type { SourceRecord } from '../../src/sources/types.js';
import { unXmlReader } from '../../src/sources/un.js';
import { finder, props, readAll, readError, tempDir, tempFile } from '../helpers.js';

const UN_FILE = path.join(DATA_DIR, 'lists', 'un', 'UN_consolidated_20260227.xml.gz');
const RAW = gunzipSync(readFileSync(UN_FILE)).toString('utf8');

describe('unXmlReader on the UN consolidated list of 2026-02-27', () => {
  let records: SourceRecord[];
  let report: ReadReport;
  const { main, of } = finder(() => records);

  beforeAll(async () => {
    ({ records, report } = await readAll(unXmlReader, [UN_FILE]));
  });

  it('reads every INDIVIDUAL and ENTITY, counted independently from the raw XML', () => {
    const individuals = RAW.match(/<INDIVIDUAL>/g)?.length ?? 0;
    const entities = RAW.match(/<ENTITY>/g)?.length ?? 0;
    expect(individuals).toBe(730);
    expect(entities).toBe(273);
    expect(report.records).toBe(individuals + entities);
    expect(records).toHaveLength(1003);
    expect(records.filter((r) => r.entities[0]!.schema === 'Person')).toHaveLength(individuals);
    expect(records.filter((r) => r.entities[0]!.schema === 'Organization')).toHaveLength(entities);
    const refs = [...RAW.matchAll(/<REFERENCE_NUMBER>([^<]+)<\/REFERENCE_NUMBER>/g)].map((m) => m[1]!.trim());
    expect(records.map((r) => r.key).sort()).toEqual([...refs].sort());
  });

  it('gives every entry one Sanction and unique, deterministic ids', () => {
    const all = records.flatMap((r) => r.entities);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    for (const r of records) {
      const sanctions = r.entities.filter((e) => e.schema === 'Sanction');
      expect(sanctions).toHaveLength(1);
      expect(props(sanctions[0], 'entity')).toEqual([r.entities[0]!.id]);
      expect(props(sanctions[0], 'authority')).toEqual(['United Nations Security Council']);
      expect(props(sanctions[0], 'unscId')).toEqual([r.key]);
    }
    expect(main('TAi.153').id).toBe('test-tai.153');
  });

  it('keeps every document with a number and every address, counted from the raw XML', () => {
    const numbers = [...RAW.matchAll(/<NUMBER>([^<]*)<\/NUMBER>/g)].filter((m) => m[1]!.trim()).length;
    const docs = records.flatMap((r) => r.entities).filter((e) => e.schema === 'Passport' || e.schema === 'Identification');
    expect(docs).toHaveLength(numbers);
    // Non-empty address blocks, an exact repeat within one entry counted once (TAi.172, QDe.108 have one).
    let addresses = 0;
    for (const entry of RAW.matchAll(/<(INDIVIDUAL|ENTITY)>([\s\S]*?)<\/\1>/g)) {
      const blocks = [...entry[2]!.matchAll(/<(INDIVIDUAL|ENTITY)_ADDRESS>([\s\S]*?)<\/\1_ADDRESS>/g)]
        .map((m) => m[2]!.replace(/\s+/g, ' ').trim())
        .filter((b) => /<(STREET|CITY|STATE_PROVINCE|ZIP_CODE|COUNTRY)>\s*[^<\s]/.test(b));
      addresses += new Set(blocks).size;
    }
    expect(addresses).toBe(741);
    expect(records.flatMap((r) => r.entities).filter((e) => e.schema === 'Address')).toHaveLength(addresses);
  });

  it('states the generation date of the file as its version', () => {
    const generated = /dateGenerated="(\d{4}-\d{2}-\d{2})T/.exec(RAW)![1];
    expect(report.versionHint).toBe(generated);
    expect(report.versionHint).toBe('2026-02-27');
  });

  it('maps a person with several birth dates, a BETWEEN range, several birth places and weak aliases (TAi.153)', () => {
    const p = main('TAi.153');
    expect(p.schema).toBe('Person');
    expect(props(p, 'name')).toEqual(['FAIZULLAH KHAN NOORZAI']);
    expect(props(p, 'firstName')).toEqual(['FAIZULLAH']);
    expect(props(p, 'secondName')).toEqual(['KHAN']);
    expect(props(p, 'middleName')).toEqual(['NOORZAI']);
    // FOURTH_NAME is "na" (not available): not a name, and reported as left out
    expect(props(p, 'lastName')).toEqual([]);
    expect([...report.unusable.keys()].some((k) => k.startsWith('FOURTH_NAME "na"'))).toBe(true);
    expect(props(p, 'birthDate').sort()).toEqual(['1961', '1962', '1966', '1968', '1969', '1970']);
    expect(props(p, 'notes')).toContain('Date of birth: between 1968 and 1970');
    expect(props(p, 'birthPlace')).toEqual([
      'Lowy Kariz, Spin Boldak District, Kandahar Province, Afghanistan',
      'Kadanay, Spin Boldak District, Kandahar Province, Afghanistan',
      'Chaman, Baluchistan Province, Pakistan',
    ]);
    expect(props(p, 'birthCountry')).toEqual(['af', 'pk']);
    expect(props(p, 'alias')).toEqual([
      'فیض الله خان نورزی', // NAME_ORIGINAL_SCRIPT
      'Haji Faizullah Noor',
      'Faizullah Noorzai Akhtar Mohammed Mira Khan',
      'حاجى فیض الله خان نورزى',
      'Haji Faizullah Noori',
    ]);
    expect(props(p, 'weakAlias')).toEqual(['Haji Pazullah Noorzai', 'Haji Mullah Faizullah']);
    expect(props(p, 'notes')).toContain('Alias "Faizullah Noorzai Akhtar Mohammed Mira Khan": previously listed as');
    expect(props(p, 'title')).toEqual(['Haji']);
    expect(props(p, 'nationality')).toEqual(['af']);
    expect(props(p, 'notes')[0]).toMatch(/^Prominent Taliban financier\. As of mid-2009/);
    expect(props(p, 'modifiedAt')).toEqual(['2012-06-01']);

    const addresses = of('TAi.153', 'Address');
    expect(addresses.map((a) => props(a, 'full'))).toEqual([
      ['Boghra Road, Miralzei Village, Chaman, Baluchistan Province, Pakistan'],
      ['Kalay Rangin, Spin Boldak District, Kandahar Province, Afghanistan'],
    ]);
    expect(addresses[0]!.properties).toMatchObject({
      street: ['Boghra Road'],
      city: ['Miralzei Village, Chaman'],
      region: ['Baluchistan Province'],
      country: ['pk'],
    });
    expect(props(p, 'addressEntity')).toEqual(addresses.map((a) => a.id));
    expect(props(p, 'address')).toEqual(addresses.map((a) => props(a, 'full')[0]));
    expect(props(p, 'country')).toEqual(['pk', 'af']);

    const [s] = of('TAi.153', 'Sanction');
    expect(s!.properties).toMatchObject({
      program: ['Taliban'],
      unscId: ['TAi.153'],
      listingDate: ['2011-10-04'],
      modifiedAt: ['2012-06-01'],
      recordId: ['2975510'],
    });
    expect(props(s, 'reason')[0]).toMatch(/^Prominent Taliban financier/);
    expect(props(s, 'description')[0]).toContain('LAST_DAY_UPDATED: 2011-11-29, 2012-06-01');
  });

  it('maps a passport, an approximate birth year, titles and a designation (TAi.011)', () => {
    const p = main('TAi.011');
    expect(props(p, 'name')).toEqual(['AKHTAR MOHAMMAD MANSOUR SHAH MOHAMMED']);
    expect(props(p, 'lastName')).toEqual(['SHAH MOHAMMED']);
    expect(props(p, 'birthDate')).toEqual(['1960', '1966']);
    expect(props(p, 'notes')).toContain('Date of birth: approximately 1960');
    expect(props(p, 'title')).toEqual(['Maulavi', 'Mullah']);
    expect(props(p, 'position')).toEqual(['Minister of Civil Aviation and Transportation under the Taliban regime']);
    expect(props(p, 'weakAlias')).toEqual(['Naib Imam']);
    expect(props(p, 'passportNumber')).toEqual(['SE-011697']);
    expect(props(p, 'modifiedAt')).toEqual(['2016-12-23']);
    const [passport] = of('TAi.011', 'Passport');
    expect(passport!.properties).toEqual({
      holder: [p.id],
      number: ['SE-011697'],
      type: ['Passport'],
      country: ['af'],
      startDate: ['1988-01-25'],
      description: ['Issued in Kabul, Afghanistan'],
      summary: ['expired on 23 Feb. 2000'],
    });
  });

  it('keeps birth dates stated on aliases and a historic nationality (QDi.290)', () => {
    const p = main('QDi.290');
    expect(props(p, 'birthDate')).toEqual(['1955', '1964-04-13', '1965-04-13', '1964-05-12']);
    expect(props(p, 'notes')).toContain('Alias "Lom-ali Butayev (Butaev)": date of birth 1955');
    expect(props(p, 'nationality')).toEqual(['ru', 'su']);
    expect(report.unusable.has('nationality: not a known country')).toBe(false);
    expect(props(p, 'alias')).toContain('Умаров Доку Хаматович');
    expect(props(p, 'passportNumber')).toEqual(['96 03 464086']);
    expect(props(of('QDi.290', 'Passport')[0], 'startDate')).toEqual(['2003-06-01']);
  });

  it('maps national identification numbers to Identification and idNumber', () => {
    const withIds = records.filter((r) => r.entities.some((e) => e.schema === 'Identification'));
    expect(withIds.length).toBeGreaterThan(50);
    for (const r of withIds) {
      for (const doc of r.entities.filter((e) => e.schema === 'Identification')) {
        expect(props(doc, 'holder')).toEqual([r.entities[0]!.id]);
        const number = props(doc, 'number')[0]!;
        const onMain = ['idNumber', 'taxNumber', 'socialSecurityNumber'].flatMap((k) => props(r.entities[0], k));
        expect(onMain).toContain(number);
      }
    }
  });

  it('maps a DPRK entity with its aliases and addresses (KPe.010)', () => {
    const o = main('KPe.010');
    expect(o.schema).toBe('Organization');
    expect(props(o, 'name')).toEqual(['GREEN PINE ASSOCIATED CORPORATION']);
    expect(props(o, 'alias')).toEqual([
      "CHO'NGSONG UNITED TRADING COMPANY",
      'CHONGSONG YONHAP',
      "CH'O'NGSONG YO'NHAP",
      "CHOSUN CHAWO'N KAEBAL T'UJA HOESA",
      'JINDALLAE',
      "KU'MHAERYONG COMPANY LTD.",
      'NATURAL RESOURCES DEVELOPMENT AND INVESTMENT CORPORATION',
      "SAEINGP'IL COMPANY",
      'National Resources Development and Investment Corporation',
      'Saeng Pil Trading Corporation',
    ]);
    expect(props(o, 'country')).toEqual(['kp']);
    const addresses = of('KPe.010', 'Address');
    expect(addresses).toHaveLength(3);
    expect(addresses[1]!.properties).toEqual({
      full: ["Nungrado, Pyongyang, Democratic People's Republic of Korea"],
      street: ['Nungrado'],
      city: ['Pyongyang'],
      country: ['kp'],
    });
    const [s] = of('KPe.010', 'Sanction');
    expect(s!.properties).toMatchObject({ program: ['DPRK'], listingDate: ['2012-05-02'], modifiedAt: ['2017-06-05'] });
  });

  it('keeps former names (f.k.a.) apart from aliases (CDe.001)', () => {
    const o = main('CDe.001');
    expect(props(o, 'alias')).toEqual(['Allied Democratic Forces']);
    expect(props(o, 'previousName')).toEqual([
      'Forces Démocratiques Alliées-Armée Nationale de Libération de l’Ouganda',
      'ADF/NALU',
      'NALU',
    ]);
    const [addr] = of('CDe.001', 'Address');
    expect(addr!.properties).toMatchObject({ region: ['North Kivu'], country: ['cd'] });
  });

  it('reads a listing date written with a time zone (QDi.352: 2015-04-07-04:00)', () => {
    expect(props(of('QDi.352', 'Sanction')[0], 'listingDate')).toEqual(['2015-04-07']);
    expect(report.unusable.has('listingDate: not a date')).toBe(false);
  });

  it('reports nothing else as unusable', () => {
    expect([...report.unusable.keys()].sort()).toEqual([
      'FOURTH_NAME "na" means not available; left out of the name',
    ]);
  });
});

describe('unXmlReader on bad input', () => {
  it('rejects a file truncated in the middle, naming the file and line', async () => {
    const cut = RAW.slice(0, RAW.indexOf('\n', Math.floor(RAW.length / 2)));
    const file = tempFile('un_truncated.xml', cut);
    const err = await readError(unXmlReader, [file]);
    expect(err.file).toBe(file);
    expect(err.where).toBe(String(cut.split('\n').length));
    expect(err.reason).toBe('truncated XML: the document ends inside an element (unclosed tag: INDIVIDUAL)');
    expect(err.message).toContain(`un_truncated.xml:${err.where}: truncated XML`);
  });

  it('rejects a truncated gzip file', async () => {
    const gz = gzipSync(Buffer.from(RAW));
    const file = tempFile('un_truncated.xml.gz', gz.subarray(0, Math.floor(gz.length / 2)));
    const err = await readError(unXmlReader, [file]);
    expect(err.file).toBe(file);
    expect(err.reason).toMatch(/truncated|corrupt/);
  });

  it('rejects malformed XML in the middle, naming the line', async () => {
    const lines = RAW.split('\n');
    lines[100] = '<BROKEN attr=>';
    const err = await readError(unXmlReader, [tempFile('un_malformed.xml', lines.join('\n'))]);
    expect(err.where).toBe('101');
    expect(err.reason).toMatch(/^malformed XML: /);
    expect(err.reason).not.toMatch(/^malformed XML: \d+:\d+/);
  });

  it('rejects a CSV fed to the XML reader', async () => {
    const file = tempFile('sdn.xml', '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- \n');
    const err = await readError(unXmlReader, [file]);
    expect(err.reason).toMatch(/^not a UN consolidated list: not an XML document/);
    expect(err.where).toMatch(/^\d+$/);
    expect(err.message).toContain('sdn.xml:');
  });

  it('rejects an XML document with another root element', async () => {
    const file = tempFile('eu.xml', '<?xml version="1.0"?>\n<export xmlns="http://eu.europa.ec/fpi/fsd/export"><sanctionEntity/></export>\n');
    const err = await readError(unXmlReader, [file]);
    expect(err.reason).toBe('not a UN consolidated list: root element is export');
    expect(err.message).toContain('eu.xml');
  });

  it('rejects an empty file', async () => {
    const err = await readError(unXmlReader, [tempFile('empty.xml', '')]);
    expect(err.reason).toBe('the file is empty');
  });

  it('rejects text that is not UTF-8, naming the line', async () => {
    const head = Buffer.from(RAW.split('\n').slice(0, 7).join('\n') + '\n');
    const bytes = Buffer.concat([head, Buffer.from('      <FIRST_NAME>JOS'), Buffer.from([0xc9]), Buffer.from('</FIRST_NAME>\n')]);
    const err = await readError(unXmlReader, [tempFile('latin1.xml', bytes)]);
    expect(err.reason).toMatch(/invalid utf-8/);
    expect(err.where).toBe('8');
  });

  it('finds no XML in a folder without any', async () => {
    const dir = tempDir();
    const err = await readError(unXmlReader, [dir]);
    expect(err.reason).toBe('no .xml files found');
  });
});
