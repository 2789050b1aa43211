import { describe, expect, it } from 'vitest';
import { parseUserDate } from '../../src/network/dates.js';
import { NetworkQueryError } from '../../src/network/errors.js';
import { findPaths } from '../../src/network/paths.js';
import { articleWorld, entities, network, zalaEntities, ZALA } from './fixtures.js';

const at = (d: string) => ({ at: parseUserDate(d)! });

describe('paths in time', () => {
  const net = network(articleWorld());

  it('finds the supplier → son\'s hub → Russian buyer route and the family link behind it, explained link by link', () => {
    const a = findPaths(net, { from: 'rheinau', target: { kind: 'entity', id: 'nord' }, time: at('2022-05-25'), paths: 5 });
    expect(a.paths[0]!.nodes).toEqual(['rheinau', 'steppe', 'nord']);
    expect(a.paths[0]!.explanation).toEqual([
      '1. Rheinau Messtechnik GmbH (Company, DE) shipped goods to Steppe Trade LLP (Company, KZ): 1 customs line on 2022-05-02: HS 85423100 ×2,598 pcs; declared value 184,300 EUR',
      '2. Steppe Trade LLP (Company, KZ) shipped goods to Nord Vektor OOO (Company, RU): 1 customs line on 2022-05-20: HS 85423100 ×2,598 pcs; declared value 201,600 EUR',
    ]);
    // the owners' side: Karl owns Rheinau; his son owns the hub
    const family = findPaths(net, { from: 'karl', target: { kind: 'entity', id: 'steppe' }, time: at('2022-05-25'), types: ['ownership', 'family', 'directorship'] });
    expect(family.paths[0]!.nodes).toEqual(['karl', 'max', 'steppe']);
    expect(family.paths[0]!.steps[0]!.edges[0]!.text).toBe('Karl Weber (Person, DE) related to Max Weber (Person, KZ) (son); no dates stated (treated as valid at any time); Family fam-km');
    expect(family.paths[0]!.steps[1]!.edges.map((e) => e.type).sort()).toEqual(['directorship', 'ownership']);
    // the alternative: through the parents' company and the mother
    expect(family.paths[1]!.nodes).toEqual(['karl', 'rheinau', 'anna', 'max', 'steppe']);
    // both families and both parents' holdings state no dates
    expect(family.notes).toEqual(['4 links on these paths state no dates and were treated as valid as of 2022-05-25']);
  });

  it('an "as of" date before a link starts or after it ends excludes it', () => {
    const owners = { types: ['ownership'], from: 'ivan', target: { kind: 'entity', id: 'steppe' } as const };
    expect(findPaths(net, { ...owners, time: at('2022-03-20') }).paths.map((p) => p.nodes)).toEqual([['ivan', 'steppe']]);
    const later = findPaths(net, { ...owners, time: at('2022-05-20') });
    expect(later.paths).toEqual([]);
    expect(later.notes).toEqual(['no path of at most 4 links to Steppe Trade LLP (Company, KZ) using links of type ownership valid as of 2022-05-20']);
    // without a date the ended link counts
    expect(findPaths(net, owners).paths).toHaveLength(1);
    // a window overlapping the link
    expect(findPaths(net, { ...owners, time: { from: parseUserDate('2022-01-01')!, to: parseUserDate('2022-03-31', 'end')! } }).paths).toHaveLength(1);
  });

  it('to any sanctioned entity: only while the sanction is in force', () => {
    const before = findPaths(net, { from: 'tengri', target: { kind: 'sanctioned' }, time: at('2022-07-01') });
    expect(before.paths).toEqual([]);
    const after = findPaths(net, { from: 'tengri', target: { kind: 'sanctioned' }, time: { from: parseUserDate('2022-01-01')!, to: parseUserDate('2023-12-31')! } });
    expect(after.paths[0]!.nodes).toEqual(['tengri', 'nord']);
    expect(after.nodes.find((n) => n.id === 'nord')).toMatchObject({ sanctioned: true, sanctions: [{ id: 'sanction-nord', start: '2023-05-19', programs: ['RUSSIA-EO14024'] }] });
  });

  it('to any entity in a country, with alternatives shortest first', () => {
    const a = findPaths(net, { from: 'dutch', target: { kind: 'country', country: 'RU' }, paths: 4 });
    // Nord Vektor is a Russian company; Петров Иван a Russian national
    expect(a.paths.slice(0, 2).map((p) => p.nodes).sort()).toEqual([
      ['dutch', 'tengri', 'ivan-kz'],
      ['dutch', 'tengri', 'nord'],
    ]);
    // then the same phone number: Polder Drones and Tengri Hub
    expect(a.paths.slice(2).map((p) => p.nodes)).toContainEqual(['dutch', 'value:phone:273550101', 'tengri', 'nord']);
    expect(a.paths.map((p) => p.hops)).toEqual([2, 2, 3, 3]);
    // the same owner behind the hub and the buyer, found through his two records
    const owner = findPaths(net, { from: 'tengri', target: { kind: 'entity', id: 'nord' }, types: ['ownership', 'name_birth'] });
    expect(owner.paths[0]!.nodes).toEqual(['tengri', 'ivan-kz', 'value:name_birth:1960-05-01 ivan petrov', 'ivan', 'nord']);
    expect(owner.paths[0]!.steps[1]!.text).toBe('Петров Иван (Person, RU) has the name and birth date «Ivan Petrov (born 1960-05-01)» (name, birthDate)');
  });

  it('limits hops and edge types, and goods for shipments', () => {
    expect(findPaths(net, { from: 'rheinau', target: { kind: 'entity', id: 'nord' }, maxHops: 1 }).paths).toEqual([]);
    expect(findPaths(net, { from: 'rheinau', target: { kind: 'entity', id: 'nord' }, types: ['ownership'] }).paths).toEqual([]);
    expect(findPaths(net, { from: 'dutch', target: { kind: 'entity', id: 'nord' }, types: ['shipment'], hs: ['8542'] }).paths).toEqual([]);
    expect(findPaths(net, { from: 'dutch', target: { kind: 'entity', id: 'nord' }, types: ['shipment'], hs: ['8806'] }).paths).toHaveLength(1);
  });

  it('does not pass through hubs, and says which', () => {
    const rows: Array<[string, string, Record<string, string>]> = [['a', 'Company', { name: 'A' }], ['b', 'Company', { name: 'B', jurisdiction: 'ru' }], ['agent', 'Company', { name: 'Registered Agent Ltd' }]];
    for (let i = 0; i < 30; i++) {
      rows.push([`c${i}`, 'Company', { name: `Client ${i}` }], [`r${i}`, 'Representation', { agent: 'agent', client: `c${i}` }]);
    }
    rows.push(['ra', 'Representation', { agent: 'agent', client: 'a' }], ['rb', 'Representation', { agent: 'agent', client: 'b' }]);
    const hubby = network(entities(...rows));
    const blocked = findPaths(hubby, { from: 'a', target: { kind: 'country', country: 'ru' }, hubLimit: 20 });
    expect(blocked.paths).toEqual([]);
    expect(blocked.hubs_not_crossed).toEqual([{ id: 'agent', caption: 'Registered Agent Ltd', links: 32 }]);
    expect(findPaths(hubby, { from: 'a', target: { kind: 'country', country: 'ru' } }).paths[0]!.nodes).toEqual(['a', 'agent', 'b']);
  });

  it('answers bad input clearly', () => {
    const error = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(NetworkQueryError);
        return `${(e as NetworkQueryError).kind}: ${(e as Error).message}`;
      }
      throw new Error('no error');
    };
    expect(error(() => findPaths(net, { from: 'nobody', target: { kind: 'sanctioned' } }))).toMatch(/^not_found: no entity "nobody"/);
    expect(error(() => findPaths(net, { from: 'ivan', target: { kind: 'entity', id: 'nobody' } }))).toMatch(/^not_found: no target entity "nobody"/);
    expect(error(() => findPaths(net, { from: 'ivan', target: { kind: 'sanctioned' }, maxHops: 9 }))).toBe('invalid: max hops must be a whole number from 1 to 8, not 9');
    expect(error(() => findPaths(net, { from: 'ivan', target: { kind: 'sanctioned' }, maxHops: 0 }))).toBe('invalid: max hops must be a whole number from 1 to 8, not 0');
    expect(error(() => findPaths(net, { from: 'ivan', target: { kind: 'country', country: 'Russia' } }))).toBe('invalid: a country is a two-letter ISO code (RU, KZ…), not "Russia"');
    expect(error(() => findPaths(net, { from: 'ivan', target: { kind: 'entity', id: 'ivan' } }))).toBe('invalid: the start and the target are the same entity');
  });
});

describe('paths on the OpenSanctions extract', async () => {
  const net = network(await zalaEntities());

  it('to a listed end user: CST is on the US Entity List (BIS)', () => {
    const a = findPaths(net, { from: ZALA.nikita, target: { kind: 'end_user' } });
    expect(a.paths[0]!.nodes).toEqual([ZALA.nikita, ZALA.zakharov, ZALA.cst]);
    const cst = a.nodes.find((n) => n.id === ZALA.cst)!;
    expect(cst.end_user).toBe(true);
    expect(cst.sanctions.filter((s) => s.end_user).map((s) => s.authorities[0])).toEqual(['Entity List (EL) - Bureau of Industry and Security']);
    expect(net.report.endUserNodes).toBe(1);
  });

  it('a son reaches his father\'s company only through links valid then', () => {
    const types = ['family', 'ownership'];
    const t2021 = findPaths(net, { from: ZALA.nikita, target: { kind: 'entity', id: ZALA.sps }, types, time: { at: parseUserDate('2021-06-01')! } });
    expect(t2021.paths[0]!.nodes).toEqual([ZALA.nikita, ZALA.zakharov, ZALA.sps]);
    expect(t2021.paths[0]!.steps[1]!.edges[0]!.text).toMatch(/owns ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "СПС" \(Company, RU\): 75 %; 2020-01-10 to 2022-11-22; Ownership ru-5528524ef7d9bfc955a598ba8fd2cbe084a549d5$/);
    expect(findPaths(net, { from: ZALA.nikita, target: { kind: 'entity', id: ZALA.sps }, types, time: { at: parseUserDate('2023-01-01')! } }).paths).toEqual([]);
  });
});
