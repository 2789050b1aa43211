import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { DATA_DIR } from '../../../src/model/paths.js';
import type { FtmEntity } from '../../../src/model/entity.js';
import { bodsReader } from '../../../src/sources/ownership/bods.js';
import { props, readAll, readError, tempFile } from '../../helpers.js';

const BODS = path.join(DATA_DIR, 'ownership', 'bods');

interface Loaded {
  all: FtmEntity[];
  named: (name: string) => FtmEntity;
  /** edges (Ownership/Directorship) from the party named `from` to the entity named `to` */
  edges: (from: string, to: string) => FtmEntity[];
}

async function load(file: string): Promise<Loaded & { report: Awaited<ReturnType<typeof readAll>>['report'] }> {
  const { records, report } = await readAll(bodsReader, [path.join(BODS, file)]);
  // entities merged by id, as the store keeps them (a note on a subject comes as its own record)
  const byId = new Map<string, FtmEntity>();
  for (const e of records.flatMap((r) => r.entities)) {
    const seen = byId.get(e.id);
    if (seen) for (const [p, v] of Object.entries(e.properties)) seen.properties[p] = [...(seen.properties[p] ?? []), ...v];
    else byId.set(e.id, { ...e, properties: { ...e.properties } });
  }
  const all = [...byId.values()];
  const named = (name: string) => {
    const found = all.filter((e) => props(e, 'name').includes(name));
    expect(found, name).toHaveLength(1);
    return found[0]!;
  };
  const edges = (from: string, to: string) => {
    const a = named(from).id;
    const b = named(to).id;
    return all.filter((e) => (props(e, 'owner')[0] === a && props(e, 'asset')[0] === b) || (props(e, 'director')[0] === a && props(e, 'organization')[0] === b));
  };
  return { all, named, edges, report };
}

const view = (e: FtmEntity) => ({
  schema: e.schema,
  type: props(e, 'ownershipType')[0] ?? props(e, 'role')[0],
  direct: e.schema === 'Ownership' ? props(e, 'role')[0] : undefined,
  pct: props(e, 'percentage')[0],
  start: props(e, 'startDate')[0],
  end: props(e, 'endDate')[0],
});

describe('BODS 0.4 examples: the ownership chains their documentation describes', () => {
  it('indirect ownership: Person 1 holds 30 % of Company A through Company B, which holds 60 %', async () => {
    const { edges, named } = await load('indirect-ownership.json');
    expect(edges('Company B', 'Company A').map(view)).toEqual([{ schema: 'Ownership', type: 'shareholding', direct: 'direct', pct: '60', start: '2017-11-01', end: undefined }]);
    expect(edges('Person 1', 'Company B').map(view)).toEqual([{ schema: 'Ownership', type: 'interest not stated', direct: 'unknown', pct: undefined, start: undefined, end: undefined }]);
    const indirect = edges('Person 1', 'Company A');
    expect(indirect.map(view)).toEqual([{ schema: 'Ownership', type: 'shareholding', direct: 'indirect', pct: '30', start: '2017-11-01', end: undefined }]);
    expect(props(indirect[0], 'status')).toEqual(['beneficial ownership or control']);
    expect(named('Person 1').properties).toMatchObject({ birthDate: ['1965-11'], nationality: ['gb'] });
    expect(props(named('Company A'), 'registrationNumber')).toEqual(['XE9999']);
  });

  it('mixed: Person 1 held 50 % of Company A indirectly (via Company B) from 2017, and 50 % directly from 2019', async () => {
    const { edges } = await load('mixed-direct-and-indirect-ownership.json');
    expect(edges('Company B', 'Company A').map(view)).toEqual([{ schema: 'Ownership', type: 'shareholding', direct: 'direct', pct: '50', start: '2017-11-01', end: undefined }]);
    expect(edges('Person 1', 'Company A').map(view).sort((a, b) => a.start!.localeCompare(b.start!))).toEqual([
      { schema: 'Ownership', type: 'shareholding', direct: 'indirect', pct: '50', start: '2017-11-01', end: undefined },
      { schema: 'Ownership', type: 'shareholding', direct: 'direct', pct: '50', start: '2019-05-01', end: undefined },
    ]);
  });

  it('multiple indirect: Person 1 holds 60 % of Company B through Companies C and D (50 % each)', async () => {
    const { edges } = await load('multiple-indirect-ownership.json');
    for (const via of ['Company C', 'Company D']) {
      expect(edges(via, 'Company B').map((e) => view(e).pct)).toEqual(['50']);
      expect(edges('Person 1', via)).toHaveLength(1);
    }
    expect(edges('Person 1', 'Company B').map(view)).toEqual([{ schema: 'Ownership', type: 'shareholding', direct: 'indirect', pct: '60', start: '2017-11-01', end: undefined }]);
    const second = await load('mutilple-indirect-ownership-2.json');
    expect(second.edges('Company B', 'Company A').map((e) => view(e).pct)).toEqual(['40']);
    expect(second.edges('Company C', 'Company A').map((e) => view(e).pct)).toEqual(['20']);
    expect(second.edges('Person 1', 'Company A').map((e) => [view(e).direct, view(e).pct])).toEqual([['indirect', '60']]);
  });

  it('joint ownership: a joint shareholding arrangement holds 100 %, each of two people 50 % of it', async () => {
    const { edges, named } = await load('joint-ownership.json');
    expect(named('Joint shareholding').schema).toBe('LegalEntity');
    expect(edges('Joint shareholding', 'CHRINON LTD').map((e) => view(e).pct)).toEqual(['100']);
    expect(edges('Natalie Coleman', 'Joint shareholding').map((e) => view(e).pct)).toEqual(['50']);
    expect(edges('Roberto Lopez', 'Joint shareholding').map((e) => view(e).pct)).toEqual(['50']);
    expect(props(named('CHRINON LTD'), 'jurisdiction')).toEqual(['gb']);
  });

  it('state-owned enterprise: the state controls the ministry, which holds Gasgrid directly (23.5 %) and through Suomen Kaasuverkko (76.5 %)', async () => {
    const { edges, named } = await load('bods-package-fi-soe.json');
    expect(named('Suomen tasavalta').schema).toBe('PublicBody');
    expect(named('Valtiovarainministerio').properties).toMatchObject({ alias: ['Finansministeriet'], legalForm: ['governmentDepartment: ministerio'] });
    expect(edges('Suomen Kaasuverkko Oy', 'Gasgrid Finland Oy').map((e) => view(e).pct)).toEqual(['76.5']);
    expect(edges('Valtiovarainministerio', 'Gasgrid Finland Oy').map((e) => view(e).pct)).toEqual(['23.5']);
    expect(edges('Valtiovarainministerio', 'Suomen Kaasuverkko Oy').map((e) => view(e).pct)).toEqual(['100']);
    expect(edges('Suomen tasavalta', 'Valtiovarainministerio').map(view)).toEqual([{ schema: 'Ownership', type: 'control: other influence or control', direct: 'direct', pct: undefined, start: undefined, end: undefined }]);
    expect(edges('Suomen tasavalta', 'Gasgrid Finland Oy').map((e) => [view(e).direct, view(e).pct])).toEqual([['indirect', '100']]);
  });

  it('share ranges: "at least 25 %, less than 50 %" and "more than 25 %, less than 50 %" are both 25-50, told apart in the summary', async () => {
    const pep = await load('full-pep-declaration.json');
    const held = pep.edges('Michael Hubbard', 'Platinum Emerald and Plutonim Mining Limited');
    expect(held.map((e) => [props(e, 'ownershipType')[0], props(e, 'percentage')[0], props(e, 'summary')[0]])).toEqual([
      ['shareholding', '25-50', 'share at least 25 %, less than 50 %'],
      ['voting rights', '25-50', 'share at least 25 %, less than 50 %'],
    ]);
    expect(pep.named('Michael Hubbard').properties).toMatchObject({ topics: ['role.pep'], position: ['Member of Parliament'] });
    const linking = await load('bods-package-linking-annotations.json');
    expect(linking.edges('Mr Jeremy Hunt', 'MARE POND PROPERTIES LIMITED').map((e) => [props(e, 'percentage')[0], props(e, 'summary')[0]])).toEqual([['25-50', 'share more than 25 %, less than 50 %']]);
    const entityOwning = await load('bods-package-entity-owning-entity.json');
    expect(entityOwning.edges('MVJ LIMITED', 'JENEX LIMITED').map((e) => [props(e, 'percentage')[0], props(e, 'summary')[0]])).toEqual([['75-100', 'share at least 75 %, less than 100 %']]);
  });

  it('changes over time: Riyadh\'s 50 % ends on 3 April 2021, Declan holds 50 % until 21 January 2022, Patrick ends with 100 %', async () => {
    const { edges, report } = await load('fermcat.json');
    const v = (from: string) => edges(from, 'Fermcat Ltd').map(view).sort((a, b) => a.schema.localeCompare(b.schema));
    expect(v('Riyadh Byrne-Amin')).toEqual([
      { schema: 'Directorship', type: 'board member', direct: undefined, pct: undefined, start: '2019-09-11', end: '2021-04-03' },
      { schema: 'Ownership', type: 'shareholding', direct: 'direct', pct: '50', start: '2019-09-11', end: '2021-04-03' },
    ]);
    expect(v('Declan Byrne-Amin')).toEqual([{ schema: 'Ownership', type: 'shareholding', direct: 'direct', pct: '50', start: '2021-04-03', end: '2022-01-21' }]);
    expect(v("Patrick O'Donohue")).toEqual([
      { schema: 'Directorship', type: 'board member', direct: undefined, pct: undefined, start: '2019-09-11', end: undefined },
      { schema: 'Ownership', type: 'shareholding', direct: 'direct', pct: '100', start: '2019-09-11', end: undefined },
    ]);
    expect(report.unusable.get('entity or person statement superseded by a later statement of the same record')?.count).toBeGreaterThan(0);
  });

  it('share history: Maria Esteves 100 % → 40 % → 30 %, each ending where the next starts; the last ends when the record closes', async () => {
    const { edges } = await load('tecido.json');
    const shares = edges('Maria Esteves', 'Tecido Ltd').filter((e) => props(e, 'ownershipType')[0] === 'shareholding').map(view);
    expect(shares.sort((a, b) => a.start!.localeCompare(b.start!)).map((s) => [s.pct, s.start, s.end])).toEqual([
      ['100', '2002-03-09', '2021-09-24'],
      ['40', '2021-09-24', '2022-09-21'],
      ['30', '2022-09-21', '2023-03-03'],
    ]);
    expect(edges('Maria Esteves', 'Tecido Ltd').filter((e) => e.schema === 'Directorship').map((e) => props(e, 'role')[0])).toEqual(['board chair', 'board chair', 'board chair']);
  });

  it('trusts and nominees: control types as typed Ownership, a nominee board seat as Directorship, unnamed parties as a note', async () => {
    const levent = await load('levent.json');
    expect(levent.edges('Bella Buxton', 'Levent Trust').map((e) => props(e, 'ownershipType')[0]).sort()).toEqual(['control: settlor', 'control: trustee']);
    expect(props(levent.named('Levent Trust'), 'notes')).toEqual([expect.stringMatching(/beneficiaryOfLegalArrangement.*beneficiary is underage/)]);
    const nom = await load('nomination.json');
    expect(nom.edges('Silvia Teixeira Perez', 'Perez-Rivero nomination').map((e) => props(e, 'ownershipType')[0])).toEqual(['control: nominator']);
    expect(nom.edges('Perez-Rivero nomination', 'Los Corazones de Plata').map((e) => [e.schema, props(e, 'role')[0]])).toEqual([['Directorship', 'board member']]);
    expect(nom.edges('Silvia Teixeira Perez', 'Los Corazones de Plata').map((e) => [props(e, 'ownershipType')[0], props(e, 'role')[0]])).toEqual([['control: other influence or control', 'indirect']]);
    const listed = await load('listed-company-exempt-from-disclosure.json');
    expect(props(listed.named('Listed Company OS-17'), 'notes')).toEqual([expect.stringMatching(/subjectExemptFromDisclosure: Exempt from disclosure as a company listed/)]);
  });

  it('reads every shipped example without an error, LEIs as leiCode', async () => {
    const { records } = await readAll(bodsReader, [BODS]);
    const all = records.flatMap((r) => r.entities);
    expect(all.find((e) => props(e, 'name').includes('AstraZeneca PLC'))?.properties['leiCode']).toHaveLength(1);
  });

  it('bad input: not BODS, an older BODS, malformed JSON', async () => {
    expect((await readError(bodsReader, [tempFile('x.json', '[{"id": 1}]')])).message).toMatch(/x\.json:item 1: not a BODS 0\.4 statement/);
    const old = '[{"statementID":"a","statementType":"entityStatement","publicationDetails":{"bodsVersion":"0.2"}}]';
    expect((await readError(bodsReader, [tempFile('old.json', old)])).message).toMatch(/old\.json:item 1: BODS 0\.2; this reader reads BODS 0\.4/);
    expect((await readError(bodsReader, [tempFile('bad.json', '[\n{"recordId": "a",\n')])).message).toMatch(/bad\.json:\d+: malformed JSON/);
  });
});
