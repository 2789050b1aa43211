import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { DATA_DIR } from '../../../src/model/paths.js';
import { makeId } from '../../../src/model/ids.js';
import type { FtmEntity } from '../../../src/model/entity.js';
import { natureOfControl, pscReader } from '../../../src/sources/ownership/psc.js';
import { props, readAll, readError, tempDir, tempFile, writeTemp } from '../../helpers.js';

const PSC = path.join(DATA_DIR, 'ownership', 'uk_psc');

/** PSC lines of the shipped files, read straight from the JSON (not through the reader). */
function pscLines(): Array<{ company_number: string; data: Record<string, unknown> }> {
  return ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16']
    .flatMap((n) => JSON.parse(readFileSync(path.join(PSC, `psc-data-${n}.json`), 'utf8')))
    .filter((l: { data: { kind: string } }) => !l.data.kind.startsWith('totals#'));
}

describe('UK PSC snapshot', async () => {
  const { records, report } = await readAll(pscReader, [PSC]);
  const all = records.flatMap((r) => r.entities);
  const company = (n: string) => makeId('test', `gb-${n}`);
  const controlOf = (n: string) => all.filter((e) => e.schema === 'Ownership' && props(e, 'asset')[0] === company(n));
  const owner = (o: FtmEntity) => all.find((e) => e.id === props(o, 'owner')[0] && props(e, 'name').length)!;

  it('every nature of control of every PSC becomes one Ownership of its company', () => {
    const lines = pscLines();
    const natures = lines.reduce((n, l) => n + ((l.data['natures_of_control'] as string[] | undefined)?.length ?? 0), 0);
    expect(all.filter((e) => e.schema === 'Ownership')).toHaveLength(natures);
    expect(report.records).toBe(lines.length + 2); // + the two companies of company-data-1.json
    expect(report.versionHint).toBe('2024-12-19');
  });

  it('an individual: name parts, nationality, residence, month and year of birth; shares 75-100 from notified_on', () => {
    const [own] = controlOf('08209948');
    expect(own!.properties).toMatchObject({ ownershipType: ['shareholding'], percentage: ['75-100'], summary: ['share at least 75 %, up to 100 %'], startDate: ['2021-12-13'] });
    expect(owner(own!)).toMatchObject({
      schema: 'Person',
      properties: { name: ['Mr Marc Anthony Feldman'], firstName: ['Marc'], middleName: ['Anthony'], lastName: ['Feldman'], nationality: ['gb'], country: ['gb'], birthDate: ['1961-12'] },
    });
    // the company from the basic company data, with the PSC statement that preceded him as a note
    const c = all.filter((e) => e.id === company('08209948'));
    expect(c.flatMap((e) => props(e, 'name'))).toEqual(['! LTD']);
    expect(c.flatMap((e) => props(e, 'notes'))).toEqual(['PSC statement: no individual or entity with signficant control (2016-09-11 – 2021-12-13)']);
  });

  it('natures of control: share and voting bands, the right to appoint directors and significant influence as control, ceased_on', () => {
    const kuczkowski = controlOf('10308742');
    expect(kuczkowski.map((o) => [props(o, 'ownershipType')[0], props(o, 'percentage')[0] ?? null]).sort()).toEqual([
      ['control: right to appoint and remove directors', null],
      ['control: significant influence or control', null],
      ['shareholding', '75-100'],
      ['voting rights', '75-100'],
    ]);
    expect(new Set(kuczkowski.map((o) => props(o, 'endDate')[0]))).toEqual(new Set(['2018-02-27']));
    expect(owner(kuczkowski[0]!).properties).toMatchObject({ nationality: ['pl'], country: ['pl'], birthDate: ['1979-10'] });
    const wpp = controlOf('06452920').map((o) => [props(o, 'ownershipType')[0], props(o, 'percentage')[0], props(o, 'summary')[0]]);
    expect(wpp.sort()).toEqual([
      ['shareholding', '75-100', 'share at least 75 %, up to 100 %'],
      ['voting rights', '25-50', 'share more than 25 %, up to 50 %'],
    ]);
  });

  it('a UK-registered corporate PSC is that company: chains of UK companies join up', () => {
    const [own] = controlOf('04120481');
    expect(props(own, 'owner')).toEqual([company('03530981')]);
    expect(owner(own!)).toMatchObject({ schema: 'Company', properties: { name: ['Clientlogic Holding Limited'], registrationNumber: ['03530981'], jurisdiction: ['gb'] } });
    // a foreign corporate PSC keeps its own registration and jurisdiction
    expect(owner(controlOf('02847483')[0]!).properties).toMatchObject({ registrationNumber: ['41-0406690'], jurisdiction: ['us'] });
  });

  it('overseas entities and legal persons: held as trust / firm, a government as Organization', () => {
    const [trust] = controlOf('OE029880');
    expect(props(trust, 'role')).toEqual(['person with significant control as trustee of a trust, of a registered overseas entity']);
    const czech = controlOf('OE031044');
    expect(czech.map((o) => props(o, 'percentage')[0])).toEqual(['25-100', '25-100']);
    expect(owner(czech[0]!)).toMatchObject({ schema: 'Organization', properties: { jurisdiction: ['cz'] } });
  });

  it('a super-secure PSC without company data is counted, not lost', () => {
    expect(report.unusable.get('PSC statement for a company whose company data is not in the files')?.examples).toEqual(['psc-data-7.json:item 1 (02443921)']);
  });

  it('reads BasicCompanyData CSV too', async () => {
    const dir = tempDir();
    const csv = writeTemp(dir, 'BasicCompanyData.csv', 'CompanyName, CompanyNumber,RegAddress.PostTown,CompanyStatus,IncorporationDate\n"!? LTD",11399177,ROMILEY,Active,05/06/2018\n');
    const lines = (JSON.parse(readFileSync(path.join(PSC, 'psc-data-3.json'), 'utf8')) as unknown[]).map((l) => JSON.stringify(l));
    const psc = writeTemp(dir, 'psc.jsonl', lines.join('\n') + '\n');
    const { records } = await readAll(pscReader, [csv, psc]);
    const ents = records.flatMap((r) => r.entities);
    expect(ents.find((e) => e.id === makeId('test', 'gb-11399177'))).toMatchObject({ properties: { name: ['!? LTD'], incorporationDate: ['2018-06-05'], status: ['Active'] } });
  });

  it('reads every documented nature-of-control code family', () => {
    expect(natureOfControl('ownership-of-shares-50-to-75-percent')).toMatchObject({ type: 'shareholding', share: { min: 50, max: 75, minExclusive: true, maxExclusive: true } });
    expect(natureOfControl('voting-rights-25-to-50-percent-as-firm')).toMatchObject({ type: 'voting rights', held: 'as member of a firm' });
    expect(natureOfControl('right-to-appoint-and-remove-members-limited-liability-partnership')).toMatchObject({ type: 'control: right to appoint and remove members', control: true });
    expect(natureOfControl('part-right-to-share-surplus-assets-25-to-50-percent-limited-liability-partnership')).toBeUndefined();
    expect(natureOfControl('right-to-share-surplus-assets-75-to-100-percent-limited-liability-partnership')).toMatchObject({ type: 'rights to surplus assets on dissolution' });
  });

  it('bad input: not a PSC line, malformed JSON, a line without company number', async () => {
    expect((await readError(pscReader, [tempFile('x.json', '[{"foo": 1}]')])).message).toMatch(/x\.json:item 1: not a Companies House PSC snapshot line/);
    expect((await readError(pscReader, [tempFile('y.jsonl', '{"company_number":"1","data":{"kind":"individual-person-with-significant-control"\n')])).message).toMatch(/y\.jsonl:1: malformed JSON/);
    expect((await readError(pscReader, [tempFile('z.jsonl', '{"data":{"kind":"individual-person-with-significant-control","name":"A"}}\n')])).message).toMatch(/z\.jsonl:1: PSC line without a valid company_number/);
  });
});
