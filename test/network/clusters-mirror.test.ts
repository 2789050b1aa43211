import { describe, expect, it } from 'vitest';
import { sharedAttributeClusters } from '../../src/network/clusters.js';
import { parseUserDate } from '../../src/network/dates.js';
import { mirrorCompanies } from '../../src/network/mirror.js';
import { neighbours } from '../../src/network/neighbours.js';
import { articleWorld, entities, network, zalaEntities, ZALA } from './fixtures.js';

const window = (from: string, to: string) => ({ from: parseUserDate(from)!, to: parseUserDate(to)! });

describe('shared-attribute clusters', () => {
  const net = network(articleWorld());

  it('companies sharing an address, a phone, an owner, or owners with the same name and birth date', () => {
    const all = sharedAttributeClusters(net);
    const view = all.clusters.map((c) => [c.kind, c.members.map((m) => m.id).sort()]);
    expect(view).toContainEqual(['address', ['steppe', 'tengri']]);
    expect(view).toContainEqual(['phone', ['dutch', 'tengri']]);
    expect(view).toContainEqual(['owner', ['nord', 'steppe']]);
    expect(view).toContainEqual(['person_name_birth', ['nord', 'steppe', 'tengri']]);
    expect(all.clusters.find((c) => c.kind === 'address')!.text).toBe('2 companies share the address Tole bi 101, office 7, Almaty');
  });

  it('respects dates: Ivan Petrov no longer owns Steppe Trade in June 2022', () => {
    const june = sharedAttributeClusters(net, { time: { at: parseUserDate('2022-06-01')! }, kinds: ['owner', 'person_name_birth'] });
    expect(june.clusters.map((c) => [c.kind, c.members.map((m) => m.id).sort()])).toEqual([['person_name_birth', ['nord', 'tengri']]]);
  });

  it('around one entity, and bad kinds', () => {
    expect(sharedAttributeClusters(net, { id: 'dutch' }).clusters.map((c) => c.kind)).toEqual(['phone']);
    expect(() => sharedAttributeClusters(net, { kinds: ['colour' as never] })).toThrow('unknown cluster kind "colour"');
  });
});

describe('mirror companies', () => {
  const net = network(articleWorld());

  it('one person on both sides (two records: same name and birth date), and parents → son across a border', () => {
    const a = mirrorCompanies(net, { time: window('2022-05-01', '2022-07-31') });
    expect(a.pairs.map((p) => [p.relation, p.a.id, p.b.id, p.controllers.map((c) => c.id).sort()])).toEqual([
      ['same name and birth date', 'tengri', 'nord', ['ivan', 'ivan-kz']],
      ['family', 'rheinau', 'steppe', ['karl', 'max']],
      ['family', 'rheinau', 'steppe', ['anna', 'max']],
    ]);
    const son = a.pairs[1]!;
    expect(son.text).toMatch(/^Karl Weber and Max Weber \(family\) control Rheinau Messtechnik GmbH \(DE\) and Steppe Trade LLP \(KZ\), which trade with each other: .*2,598 pcs/);
    expect(son.evidence.map((e) => e.type).sort()).toEqual(['directorship', 'family', 'ownership', 'ownership']);
  });

  it('a control link that ended before the shipments does not count; without dates it does', () => {
    const undated = mirrorCompanies(net);
    expect(undated.pairs.map((p) => [p.relation, p.a.id, p.b.id])).toContainEqual(['same person', 'steppe', 'nord']);
    const during = mirrorCompanies(net, { time: window('2022-05-01', '2022-07-31') });
    expect(during.pairs.map((p) => [p.a.id, p.b.id])).not.toContainEqual(['steppe', 'nord']);
    expect(mirrorCompanies(net, { id: 'dutch' }).pairs).toEqual([]);
    expect(mirrorCompanies(network(entities(['a', 'Company', { name: 'A' }]))).notes).toEqual(['no shipments at any time: mirror companies need customs lines']);
  });
});

describe('neighbourhoods on real data', async () => {
  const net = network(await zalaEntities());

  it("Zakharov's links by type, filtered by date, capped with counts", () => {
    const all = neighbours(net, { id: ZALA.zakharov });
    expect(all.counts).toMatchObject({ ownership: { total: 10, admitted: 10 }, family: { total: 4, admitted: 4 }, directorship: { total: 2, admitted: 2 } });
    const in2024 = neighbours(net, { id: ZALA.zakharov, types: ['ownership'], time: { at: parseUserDate('2024-03-10')! } });
    expect(in2024.counts.ownership).toEqual({ total: 10, admitted: 2, shown: 2 });
    expect(in2024.nodes.map((n) => n.id).sort()).toEqual([ZALA.aeroscan, ZALA.cst, ZALA.zakharov].sort());
    const capped = neighbours(net, { id: ZALA.zakharov, types: ['family'], limit: 2 });
    expect(capped.counts.family).toEqual({ total: 4, admitted: 4, shown: 2 });
    expect(capped.truncated).toBe(true);
    expect(capped.notes[0]).toBe('more neighbours than the limit of 2 per type: see counts');
    // sanctioned neighbours come first: all four relatives are listed
    expect(capped.nodes.filter((n) => n.id !== ZALA.zakharov).every((n) => n.sanctioned)).toBe(true);
    expect(() => neighbours(net, { id: ZALA.zakharov, limit: 0 })).toThrow('limit must be a whole number from 1 to 1000, not 0');
  });

  it('draws: every edge names nodes that are in the answer, with type, dates and a sentence', () => {
    const a = neighbours(net, { id: ZALA.cst });
    const ids = new Set(a.nodes.map((n) => n.id));
    for (const e of a.edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(e.text.length).toBeGreaterThan(10);
    }
    const dir = a.edges.find((e) => e.entity === 'ru-a9285fbd0d02aebe28295dd37885191822789ad8')!;
    expect(dir).toMatchObject({ type: 'directorship', source: ZALA.abashkin, target: ZALA.cst, start: '2017-10-23', end: null, undated: false, label: 'ГЕНЕРАЛЬНЫЙ ДИРЕКТОР' });
    expect(a.node).toMatchObject({ id: ZALA.cst, caption: 'LLC CST', schema: 'Company', countries: ['ru'], sanctioned: true, kind: 'entity' });
  });
});
