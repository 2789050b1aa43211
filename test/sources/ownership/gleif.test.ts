import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { DATA_DIR } from '../../../src/model/paths.js';
import { makeId } from '../../../src/model/ids.js';
import { gleifReader } from '../../../src/sources/ownership/gleif.js';
import { props, readAll, readError, tempFile } from '../../helpers.js';

const GLEIF = path.join(DATA_DIR, 'ownership', 'gleif');
const count = (file: string, element: string) => (readFileSync(path.join(GLEIF, file), 'utf8').match(new RegExp(`<[a-z]+:${element}[\\s>]`, 'g')) ?? []).length;

describe('GLEIF golden copy: LEI-CDF, RR-CDF, reporting exceptions', async () => {
  const { records, report } = await readAll(gleifReader, [GLEIF]);
  const all = records.flatMap((r) => r.entities);
  const byLei = (lei: string) => all.filter((e) => e.id === makeId('test', lei));
  const entity = (lei: string) => byLei(lei).find((e) => e.schema !== undefined && props(e, 'name').length)!;

  it('reads every LEI and relationship record of the files', () => {
    expect(report.records).toBe(count('lei-data.xml', 'LEIRecord') + count('rr-data.xml', 'RelationshipRecord') + count('repex-data.xml', 'Exception'));
    expect(all.filter((e) => props(e, 'leiCode').length)).toHaveLength(count('lei-data.xml', 'LEIRecord'));
    expect(report.versionHint).toBe('2023-06-09'); // the latest ContentDate of the three files (repex)
  });

  it('an LEI record: LEI, legal name, previous names, jurisdiction, ELF legal form by name, addresses, statuses', () => {
    expect(entity('213800BJPX8V9HVY1Y11')).toMatchObject({
      schema: 'Company',
      properties: {
        leiCode: ['213800BJPX8V9HVY1Y11'],
        name: ['Swedeit Italian Aktiebolag'],
        jurisdiction: ['se'],
        legalForm: ['Aktiebolag (AB)'], // ELF XJHM
        registrationNumber: ['556543-1193'],
        incorporationDate: ['1997-06-05'],
        status: ['active'],
        notes: ['LEI registration status: ISSUED'],
      },
    });
    const dentsu = entity('213800FERQ5LE3H7WJ58');
    expect(props(dentsu, 'previousName')).toEqual(['DENTSU AEGIS NETWORK LTD.', 'AEGIS GROUP PLC']);
    expect(props(dentsu, 'legalForm')).toEqual(['Private Limited Company (Ltd)']); // ELF H0PO, English row first
    // a fund is a LegalEntity; a Delaware LLC's jurisdiction is the United States
    expect(entity('001GPB6A9XPE8XJICC14').schema).toBe('LegalEntity');
    expect(props(entity('00GBW0Z2GYIER7DHDS71'), 'jurisdiction')).toEqual(['us']);
    // a retired LEI of an inactive company
    expect(entity('00TR8NKAEL48RGTZEW89').properties).toMatchObject({ status: ['inactive'], notes: ['LEI registration status: RETIRED'], country: ['ky', 'cw'] });
  });

  it('parents: the direct and the ultimate accounting-consolidation parent as Ownership over the child, with period', () => {
    const child = makeId('test', '010CMKZ3VON21WF2ZD45');
    const parents = all.filter((e) => e.schema === 'Ownership' && props(e, 'asset')[0] === child && props(e, 'ownershipType')[0] === 'accounting consolidation');
    expect(parents.map((p) => [props(p, 'owner')[0], props(p, 'role')[0], props(p, 'startDate')[0]]).sort()).toEqual([
      [makeId('test', '3C7474T6CDKPR9K6YT90'), 'ultimate parent', '2018-02-06'],
      [makeId('test', 'ZZG38T0MDR3QY1ETUA76'), 'direct parent', '2018-02-06'],
    ]);
    const ultimate = parents.find((p) => props(p, 'role')[0] === 'ultimate parent')!;
    expect(props(ultimate, 'description')[0]).toMatch(/accounting period 2020-01-01 – 2020-12-31.*accounting standard: us gaap/);
    expect(props(ultimate, 'summary')).toEqual(['relationship record lapsed, fully corroborated']);
  });

  it('funds: the manager represents the fund; an umbrella fund holds its sub-fund', () => {
    const fund = makeId('test', '001GPB6A9XPE8XJICC14');
    expect(all.find((e) => e.schema === 'Representation' && props(e, 'client')[0] === fund)).toMatchObject({ properties: { agent: [makeId('test', '5493001Z012YSB2A0K51')], role: ['fund manager'] } });
    expect(all.find((e) => e.schema === 'Ownership' && props(e, 'asset')[0] === fund)).toMatchObject({ properties: { owner: [makeId('test', 'C7J4FOV6ELAVE39B7M82')], ownershipType: ['umbrella fund'] } });
    const rels = all.filter((e) => e.schema === 'Ownership' || e.schema === 'Representation');
    expect(rels).toHaveLength(count('rr-data.xml', 'RelationshipRecord'));
  });

  it('reporting exceptions: a note on entities read, counted for the others', () => {
    const notes = byLei('004L5FPTUREIWK9T2N63').flatMap((e) => props(e, 'notes'));
    expect(notes).toContain('GLEIF reporting exception: no direct accounting consolidation parent reported: non consolidating');
    const unread = report.unusable.get('reporting exception for an LEI whose record is not in the files')!;
    expect(unread.count + all.filter((e) => props(e, 'notes').some((n) => n.startsWith('GLEIF reporting exception'))).length).toBe(count('repex-data.xml', 'Exception'));
  });

  it('bad input: another XML, a truncated file, a record without LEI', async () => {
    expect((await readError(gleifReader, [tempFile('x.xml', '<?xml version="1.0"?><sanctions/>')])).message).toMatch(/not a GLEIF LEI-CDF, RR-CDF or reporting-exception file: root element is sanctions/);
    const lei = readFileSync(path.join(GLEIF, 'lei-data.xml'), 'utf8');
    expect((await readError(gleifReader, [tempFile('lei.xml', lei.slice(0, 3000))])).message).toMatch(/lei\.xml:\d+: truncated XML/);
    const noLei = '<lei:LEIData xmlns:lei="http://www.gleif.org/data/schema/leidata/2016"><lei:LEIRecords><lei:LEIRecord><lei:Entity/></lei:LEIRecord></lei:LEIRecords></lei:LEIData>';
    expect((await readError(gleifReader, [tempFile('nolei.xml', noLei)])).message).toMatch(/nolei\.xml:1: LEI record without LEI/);
  });
});

