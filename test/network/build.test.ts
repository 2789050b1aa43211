import { describe, expect, it } from 'vitest';
import { parseUserDate } from '../../src/network/dates.js';
import { NODE_SANCTIONED } from '../../src/network/graph.js';
import { neighbours } from '../../src/network/neighbours.js';
import { parseShareText } from '../../src/network/shares.js';
import { addressKey, phoneKey, identifierKey, nameBirthKey, websiteKey } from '../../src/network/pivots.js';
import { articleWorld, entities, network } from './fixtures.js';

const day = (d: string) => parseUserDate(d)!;

describe('building the graph from FtM entities', () => {
  const net = network(articleWorld());
  const g = net.graph;

  it('relationship entities become typed, dated edges; customs lines become one flow per sender and receiver', () => {
    expect(net.report.edges).toMatchObject({ ownership: 6, family: 2, directorship: 1, shipment: 4 });
    expect(net.report.shipmentLines).toBe(5);
    const old = g.node('ivan')!;
    const steppe = g.node('steppe')!;
    const edges: number[] = [];
    g.forEachEdge(old, (e, other) => void (other === steppe && edges.push(e)));
    expect(edges).toHaveLength(1);
    expect(g.edgeType(edges[0]!)).toBe('ownership');
    expect(g.share(edges[0]!)).toEqual({ min: 1, max: 1 });
    expect(g.validAt(edges[0]!, { at: day('2022-03-20') })).toBe(true);
    expect(g.validAt(edges[0]!, { at: day('2022-05-01') })).toBe(false);
    // Tengri → Nord: two lines in one flow, two currencies
    const tengriNord = net.flows.summary([...Array(net.flows.flowCount).keys()].find((f) => g.ids[net.flows.from[f]!] === 'tengri' && g.ids[net.flows.to[f]!] === 'nord')!);
    expect(tengriNord).toMatchObject({ lines: 2, first: '2022-06-01', last: '2022-07-01', value: { USD: 200000 }, lineIds: ['l4', 'l5'] });
    expect(tengriNord.goods).toEqual([{ hs: '880690', lines: 2, quantity: 500, unit: 'pcs' }]);
  });

  it('values held by two entities become shared nodes; a value held once does not', () => {
    // the address of Tengri Hub and Steppe Trade; the phone written two ways (+7 727… and 8 727…)
    const shared = g.ids.filter((id) => id.startsWith('value:'));
    expect(shared.sort()).toEqual([
      'value:address:101 7 almaty bi office tole',
      'value:name_birth:1960-05-01 ivan petrov',
      'value:phone:273550101',
    ]);
    expect(net.report.unsharedValues).toBeGreaterThan(0);
    const answer = neighbours(net, { id: 'value:phone:273550101' });
    expect(answer.nodes.map((n) => n.id).sort()).toEqual(['dutch', 'tengri', 'value:phone:273550101']);
  });

  it('a Sanction entity flags its entity with programme and dates; dated sanctions count only while in force', () => {
    const nord = g.node('nord')!;
    expect(g.hasFlag(nord, NODE_SANCTIONED)).toBe(true);
    expect(g.sanctionsUnder(nord, { at: day('2022-06-01') })).toEqual([]);
    expect(g.sanctionsUnder(nord, { at: day('2023-06-01') })[0]).toMatchObject({ id: 'sanction-nord', programs: ['RUSSIA-EO14024'] });
    expect(g.sanctionsUnder(nord, undefined)).toHaveLength(1);
  });

  it('keeps references to entities that are not there as bare nodes, and counts what it skips', () => {
    const n = network(
      entities(
        ['o1', 'Ownership', { owner: 'ghost', asset: 'c1', percentage: '30' }],
        ['c1', 'Company', { name: 'Real Co' }],
        ['o2', 'Ownership', { owner: 'c1' }],
        ['o3', 'Ownership', { owner: 'c1', asset: 'c1', percentage: 'about a third' }],
        ['l1', 'EconomicActivity', { receiver: 'c1', date: '2022-01-01' }],
      ),
    );
    expect(n.graph.nodeKind(n.graph.node('ghost')!)).toBe('missing');
    expect(n.report.skipped).toEqual({
      'Ownership without both owner and asset': 1,
      'ownership percentage that is not a share (kept as not stated)': 1,
      'Ownership of an entity with itself': 1,
      'customs line without both a sender and a receiver (or declarant)': 1,
      'referenced entities not in the store (kept as bare nodes)': 1,
    });
  });
});

describe('value keys and shares', () => {
  it('compares values the way sources write them differently', () => {
    expect(addressKey('Moscow, 127055, Perunovsky 3')).toBe(addressKey('3 Perunovsky, 127055 Moscow'));
    expect(addressKey('Moscow, Russia')).toBeUndefined();
    expect(phoneKey('+7 (495) 123-45-67')).toBe(phoneKey('8 495 1234567'));
    expect(phoneKey('12-34')).toBeUndefined();
    expect(websiteKey('https://www.Zala-Aero.com/')).toBe('zala-aero.com');
    expect(identifierKey('7704 123 450')).toBe('7704123450');
    expect(identifierKey('0000000')).toBeUndefined();
    expect(nameBirthKey('Захаров Александр', '1965-09-21')).toBe(nameBirthKey('Aleksandr ZAKHAROV', '1965-09-21'));
    expect(nameBirthKey('Ivan Petrov', '1960')).toBeUndefined();
  });

  it('reads exact shares, bands and open bounds as ranges', () => {
    expect(parseShareText('51')).toEqual({ min: 0.51, max: 0.51, stated: true });
    expect(parseShareText('51,5 %')).toEqual({ min: 0.515, max: 0.515, stated: true });
    expect(parseShareText('25-50')).toEqual({ min: 0.25, max: 0.5, stated: true });
    expect(parseShareText('> 75')).toEqual({ min: 0.75, max: 1, stated: true });
    expect(parseShareText('150')).toBeUndefined();
    expect(parseShareText('majority')).toBeUndefined();
  });
});
