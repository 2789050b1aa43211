import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { DATA_DIR } from '../../src/model/paths.js';
import { parseUserDate } from '../../src/network/dates.js';
import { NetworkQueryError } from '../../src/network/errors.js';
import { ultimateOwners, type UboAnswer } from '../../src/network/ubo.js';
import { bodsReader } from '../../src/sources/ownership/bods.js';
import { readAll } from '../helpers.js';
import { entities, network, zalaEntities, ZALA } from './fixtures.js';

const day = (d: string) => parseUserDate(d)!;
/** owner caption → [min, max] share */
const shares = (a: UboAnswer) => Object.fromEntries(a.owners.map((o) => [o.node.caption, [o.share.min, o.share.max]]));

describe('UBO on the OpenSanctions extract (Russian registry data on Zala Aero / LLC CST)', async () => {
  const net = network(await zalaEntities());

  it('2024: Zakharov 51 %, Kalashnikov (Izhmash) 49 %, as the registry states', () => {
    const a = ultimateOwners(net, { id: ZALA.cst, at: day('2024-06-01') });
    expect(shares(a)).toEqual({ 'Alexander ZAKHAROV': [0.51, 0.51], 'OJSC IZHMASH': [0.49, 0.49] });
    expect(a.beneficial_owners.map((o) => [o.node.id, o.status])).toEqual([[ZALA.zakharov, 'beneficial_owner']]);
    expect(a.beneficial_owners[0]!.chains[0]).toMatchObject({ share: { min: 0.51, max: 0.51 }, links: [{ owner: ZALA.zakharov, asset: ZALA.cst, entities: ['ru-dfe0a021cb69f99e198bb8cbbcb93e81130b32a7'] }] });
    expect(a.notes).toContain('OJSC IZHMASH (Company) holds 49 % and has no known owner on 2024-06-01: its beneficial owners are not in the data');
    expect(a.directors.map((d) => d.node.id).sort()).toEqual([ZALA.abashkin, ZALA.zakharov].sort());
  });

  it('2023: two records of Zakharov\'s holding overlap (48 % and 51 %): the range, and the disagreement said', () => {
    const a = ultimateOwners(net, { id: ZALA.cst, at: day('2023-06-01') });
    expect(shares(a)).toEqual({ 'Alexander ZAKHAROV': [0.48, 0.51], 'OJSC IZHMASH': [0.49, 0.49], 'Joint-Stock Company "TransKomplektHolding"': [0.02, 0.02] });
    expect(a.notes.find((n) => n.startsWith('records of the same holding disagree'))).toMatch(/Alexander ZAKHAROV .* in LLC CST .*: 48 %, 51 %/);
  });

  it('2022: Zakharov and his wife hold 49–52 % together (a family group); she alone 1 %', () => {
    const a = ultimateOwners(net, { id: ZALA.cst, at: day('2022-06-01') });
    expect(shares(a)['Svetlana ZAKHAROVA']).toEqual([0.01, 0.01]);
    expect(a.groups).toEqual([expect.objectContaining({ members: [ZALA.zakharov, ZALA.svetlana], share: { min: 0.49, max: 0.52 }, status: 'beneficial_owner' })]);
    // at 10 % she is still below
    const ten = ultimateOwners(net, { id: ZALA.cst, at: day('2022-06-01'), threshold: 0.1 });
    expect(ten.owners.find((o) => o.node.id === ZALA.svetlana)!.status).toBe('below_threshold');
  });

  it('before Izhmash\'s 49 % (29 March 2016) only its undated "subsidiary of" record, with no share; nothing before 2015-11-25', () => {
    const early = ultimateOwners(net, { id: ZALA.cst, at: day('2016-01-01') });
    expect(shares(early)).toEqual({ 'Alexander ZAKHAROV': [0.48, 0.51], 'OJSC IZHMASH': [0, 1] });
    expect(early.owners.find((o) => o.node.id === ZALA.kalashnikov)!.chains[0]!.links[0]!.entities).toEqual(['NK-3NyeuT6JeJDLhGEyH3JD52']);
    const none = ultimateOwners(net, { id: ZALA.cst, at: day('2015-01-01') });
    expect(none.owners.map((o) => [o.node.caption, o.status])).toEqual([['OJSC IZHMASH', 'possible']]);
    expect(ultimateOwners(net, { id: ZALA.sps, at: day('2019-01-01') }).notes).toEqual(['no ownership link of ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "СПС" (Company, RU) is valid on 2019-01-01']);
  });

  it('a short-lived 100 % holding: Aeroscan in March 2024 only', () => {
    expect(shares(ultimateOwners(net, { id: ZALA.aeroscan, at: day('2024-03-10') }))).toEqual({ 'Alexander ZAKHAROV': [1, 1] });
    expect(ultimateOwners(net, { id: ZALA.aeroscan, at: day('2024-04-10') }).owners).toEqual([]);
  });

  it('a holding stated in shares but not as a percentage is a range from 0', () => {
    // Zala Aero JSC: 10,000 shares, no percentage (2024-03-22 to 2024-06-24)
    const a = ultimateOwners(net, { id: ZALA.zalaAeroJsc, at: day('2024-05-01') });
    expect(a.owners.map((o) => [o.node.id, o.share, o.status])).toEqual([[ZALA.zakharov, { min: 0, max: 1 }, 'possible']]);
    expect(a.notes).toContain('1 ownership link states no share: chains through it range from 0 %');
  });
});

describe('UBO on the BODS examples: the chains and shares their documentation describes', () => {
  const load = async (file: string) => {
    const { records } = await readAll(bodsReader, [path.join(DATA_DIR, 'ownership', 'bods', file)]);
    const net = network(records.flatMap((r) => r.entities));
    const id = (name: string) => net.graph.ids.find((x) => net.graph.captions[net.graph.node(x)!] === name)!;
    return { net, id };
  };

  it('indirect: Person 1 holds 30 % of Company A through Company B (60 %), as stated', async () => {
    const { net, id } = await load('indirect-ownership.json');
    const a = ultimateOwners(net, { id: id('Company A'), at: day('2020-01-01') });
    expect(shares(a)).toEqual({ 'Company B': [0.6, 0.6], 'Person 1': [0.3, 0.3] });
    const p = a.owners.find((o) => o.node.caption === 'Person 1')!;
    expect(p.stated_indirect).toEqual({ min: 0.3, max: 0.3 });
    expect(p.chains.map((c) => c.text)).toEqual(['Person 1 —?→ Company B —60 %→ Company A = 0–60 %']);
    expect(p.notes[0]).toBe('states an indirect holding of 30 %, used instead of its chains (0–60 %)');
    expect(a.beneficial_owners.map((o) => o.node.caption)).toEqual(['Person 1']);
  });

  it('mixed: 50 % indirect from 2017, plus 50 % direct from 2019', async () => {
    const { net, id } = await load('mixed-direct-and-indirect-ownership.json');
    expect(shares(ultimateOwners(net, { id: id('Company A'), at: day('2018-01-01') }))['Person 1']).toEqual([0.5, 0.5]);
    expect(shares(ultimateOwners(net, { id: id('Company A'), at: day('2020-01-01') }))['Person 1']).toEqual([1, 1]);
  });

  it('joint ownership: each of two people holds 50 % of CHRINON LTD through the joint arrangement', async () => {
    const { net, id } = await load('joint-ownership.json');
    const a = ultimateOwners(net, { id: id('CHRINON LTD'), at: day('2020-01-01') });
    expect(shares(a)).toEqual({ 'Joint shareholding': [1, 1], 'Natalie Coleman': [0.5, 0.5], 'Roberto Lopez': [0.5, 0.5] });
    expect(a.owners.find((o) => o.node.caption === 'Roberto Lopez')!.chains[0]!.text).toBe('Roberto Lopez —50 %→ Joint shareholding —100 %→ CHRINON LTD = 50 %');
  });

  it('state-owned: the ministry holds Gasgrid 23.5 % directly and 76.5 % through Suomen Kaasuverkko: 100 %', async () => {
    const { net, id } = await load('bods-package-fi-soe.json');
    const a = ultimateOwners(net, { id: id('Gasgrid Finland Oy'), at: day('2020-01-01') });
    const ministry = a.owners.find((o) => o.node.caption === 'Valtiovarainministerio')!;
    expect(ministry.share).toEqual({ min: 1, max: 1 });
    expect(ministry.chains.map((c) => c.share)).toEqual([{ min: 0.765, max: 0.765 }, { min: 0.235, max: 0.235 }]);
    expect(shares(a)['Suomen tasavalta']).toEqual([1, 1]);
  });

  it('share bands: "at least 25 %, less than 50 %" is a range, and a possible owner at 50 %', async () => {
    const { net, id } = await load('full-pep-declaration.json');
    const a = ultimateOwners(net, { id: id('Platinum Emerald and Plutonim Mining Limited'), at: day('2020-01-01') });
    expect(shares(a)['Michael Hubbard']).toEqual([0.25, 0.5]);
    expect(a.owners.find((o) => o.node.caption === 'Michael Hubbard')!.status).toBe('beneficial_owner');
    expect(ultimateOwners(net, { id: id('Platinum Emerald and Plutonim Mining Limited'), at: day('2020-01-01'), threshold: 0.5 }).owners[0]!.status).toBe('possible');
  });

  it('share history: Maria Esteves 100 % → 40 % → 30 %', async () => {
    const { net, id } = await load('tecido.json');
    const held = (d: string) => shares(ultimateOwners(net, { id: id('Tecido Ltd'), at: day(d) }))['Maria Esteves'];
    expect([held('2010-01-01'), held('2022-01-01'), held('2023-01-01')]).toEqual([[1, 1], [0.4, 0.4], [0.3, 0.3]]);
    expect(held('2024-01-01')).toBeUndefined();
  });
});

describe('UBO arithmetic on hand-made chains', () => {
  it('multiplies along chains, sums over chains, and handles a cycle', () => {
    const net = network(
      entities(
        ['p', 'Person', { name: 'Pavel Top' }],
        ['q', 'Person', { name: 'Quinn Minor' }],
        ['h', 'Company', { name: 'Holding' }],
        ['a', 'Company', { name: 'Alpha' }],
        ['b', 'Company', { name: 'Beta' }],
        ['x', 'Company', { name: 'Target' }],
        ['o1', 'Ownership', { owner: 'p', asset: 'h', percentage: '80' }],
        ['o2', 'Ownership', { owner: 'h', asset: 'a', percentage: '50' }],
        ['o3', 'Ownership', { owner: 'h', asset: 'x', percentage: '10' }],
        ['o4', 'Ownership', { owner: 'a', asset: 'x', percentage: '60' }],
        ['o5', 'Ownership', { owner: 'a', asset: 'b', percentage: '30' }],
        ['o6', 'Ownership', { owner: 'b', asset: 'a', percentage: '20' }], // cross-holding: a ⇄ b
        ['o7', 'Ownership', { owner: 'q', asset: 'b', percentage: '70' }],
        ['o8', 'Ownership', { owner: 'q', asset: 'x', percentage: '5' }],
      ),
    );
    const a = ultimateOwners(net, { id: 'x', at: day('2024-01-01') });
    // Holding: 10 % + 50 % × 60 % = 40 %; Pavel: 80 % of that = 32 %
    // Beta: 20 % × 60 % = 12 %; Quinn: 5 % + 70 % × 12 % = 13.4 %
    expect(shares(a)).toEqual({ Alpha: [0.6, 0.6], Holding: [0.4, 0.4], 'Pavel Top': [0.32, 0.32], 'Quinn Minor': [0.134, 0.134], Beta: [0.12, 0.12] });
    expect(a.cycles).toEqual([['a', 'b'].sort()]);
    expect(a.notes.some((n) => n.startsWith('ownership cycle among the owners (Alpha ⇄ Beta)') || n.startsWith('ownership cycle among the owners (Beta ⇄ Alpha)'))).toBe(true);
    expect(a.beneficial_owners.map((o) => o.node.id)).toEqual(['p']);
    expect(ultimateOwners(net, { id: 'x', at: day('2024-01-01'), threshold: 0.1 }).beneficial_owners.map((o) => o.node.id)).toEqual(['p', 'q']);
    const pavel = a.owners.find((o) => o.node.id === 'p')!;
    expect(pavel.chains.map((c) => c.text)).toEqual(['Pavel Top —80 %→ Holding —50 %→ Alpha —60 %→ Target = 24 %', 'Pavel Top —80 %→ Holding —10 %→ Target = 8 %']);
  });

  it('without a cycle, the dependency-order sum equals the sum over chains', () => {
    // a diamond, twice: many chains to the top
    const rows: Array<[string, string, Record<string, string>]> = [['top', 'Person', { name: 'Top' }], ['x', 'Company', { name: 'X' }]];
    let below = ['x'];
    for (let level = 0; level < 4; level++) {
      const here = [`l${level}a`, `l${level}b`];
      for (const h of here) rows.push([h, 'Company', { name: h }]);
      for (const b of below) for (const h of here) rows.push([`${h}-${b}`, 'Ownership', { owner: h, asset: b, percentage: '50' }]);
      below = here;
    }
    for (const b of below) rows.push([`top-${b}`, 'Ownership', { owner: 'top', asset: b, percentage: '50' }]);
    const a = ultimateOwners(network(entities(...rows)), { id: 'x', at: day('2024-01-01'), chainsPerOwner: 100 });
    const top = a.owners.find((o) => o.node.id === 'top')!;
    // 16 chains of five 50 % links each: 16 / 32
    expect(top.share).toEqual({ min: 0.5, max: 0.5 });
    expect(top.chains).toHaveLength(16);
    expect(top.chains.every((c) => c.share.min === 1 / 32)).toBe(true);
  });

  it('control without shares; a person reaching the threshold only with relatives; bad input', () => {
    const net = network(
      entities(
        ['x', 'Company', { name: 'X' }],
        ['t', 'LegalEntity', { name: 'Trust' }],
        ['s', 'Person', { name: 'Settlor' }],
        ['f', 'Person', { name: 'Father' }],
        ['d', 'Person', { name: 'Daughter' }],
        ['o1', 'Ownership', { owner: 't', asset: 'x', percentage: '60' }],
        ['o2', 'Ownership', { owner: 's', asset: 't', ownershipType: 'control: settlor' }],
        ['o3', 'Ownership', { owner: 'f', asset: 'x', percentage: '15' }],
        ['o4', 'Ownership', { owner: 'd', asset: 'x', percentage: '15' }],
        ['fam', 'Family', { person: 'f', relative: 'd', relationship: 'daughter' }],
      ),
    );
    const a = ultimateOwners(net, { id: 'x', at: day('2024-01-01') });
    expect(a.controllers.map((c) => [c.node.id, c.via])).toEqual([['s', 'control: settlor of Trust, which holds 60 % of X']]);
    expect(a.groups.map((g) => [g.members, g.share, g.status])).toEqual([[['d', 'f'], { min: 0.3, max: 0.3 }, 'beneficial_owner']]);
    expect(a.owners.find((o) => o.node.id === 'f')!.status).toBe('below_threshold');
    expect(() => ultimateOwners(net, { id: 'nobody' })).toThrow(NetworkQueryError);
    expect(() => ultimateOwners(net, { id: 'x', threshold: 25 })).toThrow('the threshold is a fraction above 0 and at most 1 (0.25 = 25 %), not 25');
  });
});
