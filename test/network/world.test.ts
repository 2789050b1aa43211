import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildWorld, loadWorld } from '../../src/demo/world/build.js';
import type { Truth, TruthScheme } from '../../src/demo/world/truth.js';
import { ingest } from '../../src/ingest/ingest.js';
import { buildNetwork } from '../../src/network/build.js';
import { parseUserDate, type TimeFilter } from '../../src/network/dates.js';
import type { Network } from '../../src/network/network.js';
import { mirrorCompanies } from '../../src/network/mirror.js';
import { findPaths } from '../../src/network/paths.js';
import { ultimateOwners } from '../../src/network/ubo.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { LISTS, tempDir } from '../helpers.js';

/**
 * The synthetic world against its ground truth (truth.json): every planted route (supplier → hub
 * intermediary → buyer) is found by trace over the shipments of the scheme's period, and so is the
 * owner, family, successor or ownership-chain link behind it; the decoy whose common owner left
 * before the trade began is not linked as of the shipments. Built at scale 0.1 with the real OFAC
 * list beside it (the planted listed buyer is an OFAC entry).
 */
const CONTROL = ['ownership', 'directorship', 'family', 'succession'];

describe('trace on the synthetic world', () => {
  let store: DuckDbStore;
  let truth: Truth;
  let net: Network;

  beforeAll(async () => {
    const dir = tempDir('sanctrace-world-');
    const built = await buildWorld({ outDir: path.join(dir, 'world'), scale: 0.1 });
    truth = built.truth;
    store = await DuckDbStore.open(path.join(dir, 'world.duckdb'));
    await loadWorld(store, built.dataFiles);
    await ingest(store, { format: 'ofac-csv', inputs: [path.join(LISTS, 'ofac')], dataset: 'us_ofac_sdn' });
    net = await buildNetwork(store);
  }, 300_000);
  afterAll(async () => store?.close());

  const period = (s: { period: TruthScheme['period'] }): TimeFilter => ({ from: parseUserDate(s.period!.first)!, to: parseUserDate(s.period!.last)! });

  it('holds every planted scheme, with the synthetic marker on its entities', () => {
    expect(truth.schemes.length).toBeGreaterThanOrEqual(12);
    for (const s of truth.schemes) for (const e of s.entities) expect(net.graph.node(e.id), `${s.id} ${e.id}`).toBeDefined();
    const hub = net.graph.node(truth.schemes[0]!.route.intermediaries[0]!)!;
    expect(net.graph.datasets(hub)).toEqual(['demo-synthetic']);
  });

  it('finds every route: supplier → hub → buyer over the shipments of the scheme, for every hub, supplier and buyer', () => {
    const missed: string[] = [];
    for (const s of truth.schemes) {
      const time = period(s);
      const shipsTo = (from: string, to: string) => findPaths(net, { from, target: { kind: 'entity', id: to }, types: ['shipment'], time, maxHops: 1 }).paths.length > 0;
      const seenSuppliers = new Set<string>();
      const seenBuyers = new Set<string>();
      for (const hub of s.route.intermediaries) {
        const suppliers = s.route.suppliers.filter((x) => shipsTo(x, hub));
        const buyers = s.route.buyers.filter((x) => shipsTo(hub, x));
        if (!suppliers.length) missed.push(`${s.id}: no supplier ships to ${hub}`);
        if (s.route.buyers.length && !buyers.length) missed.push(`${s.id}: ${hub} ships to no buyer`);
        for (const x of suppliers) seenSuppliers.add(x);
        for (const x of buyers) seenBuyers.add(x);
        // the whole route, as trace finds it from the supplier
        for (const supplier of suppliers) {
          for (const buyer of buyers) {
            const route = findPaths(net, { from: supplier, target: { kind: 'entity', id: buyer }, types: ['shipment'], time, maxHops: 2, paths: 10 });
            if (!route.paths.some((p) => p.nodes.join() === [supplier, hub, buyer].join())) missed.push(`${s.id}: ${supplier} → ${hub} → ${buyer}`);
          }
        }
      }
      for (const x of s.route.suppliers) if (!seenSuppliers.has(x)) missed.push(`${s.id}: supplier ${x} on no route`);
      for (const x of s.route.buyers) if (!seenBuyers.has(x)) missed.push(`${s.id}: buyer ${x} on no route`);
    }
    expect(missed).toEqual([]);
  });

  it('finds the link behind each route: common owner, parents and son, brothers, successor, ownership chain, shared address', () => {
    const missed: string[] = [];
    let traced = 0;
    for (const s of truth.schemes) {
      const time = period(s);
      const routeMembers = new Set([...s.route.suppliers, ...s.route.intermediaries, ...s.route.buyers]);
      for (const link of s.route.links) {
        const ties = s.links.filter((t) => link.ties.includes(t.id));
        // the ties' connected groups: each joins route members (or a route member and the link's parties)
        const group = new Map<string, string>();
        const find = (x: string): string => (group.get(x) ?? x) === x ? x : find(group.get(x)!);
        for (const t of ties) group.set(find(t.from), find(t.to));
        const members = new Map<string, string[]>();
        for (const x of new Set(ties.flatMap((t) => [t.from, t.to]))) members.set(find(x), [...(members.get(find(x)) ?? []), x]);
        for (const nodes of members.values()) {
          const ends = nodes.filter((x) => routeMembers.has(x));
          const others = nodes.filter((x) => !routeMembers.has(x) && link.parties.includes(x));
          const pairs: Array<[string, string]> = ends.length >= 2 ? ends.slice(1).map((x) => [ends[0]!, x]) : ends.length === 1 ? others.map((x) => [ends[0]!, x]) : [];
          for (const [from, to] of pairs) {
            // control links and, for the address cluster, the shared values (address, phone)
            const types = link.kind === 'shared-address' ? [...CONTROL, 'address', 'phone'] : CONTROL;
            const a = findPaths(net, { from, target: { kind: 'entity', id: to }, types, time, maxHops: 6 });
            traced++;
            if (!a.paths.length) {
              missed.push(`${s.id} ${link.kind}: ${from} ⇢ ${to}`);
              continue;
            }
            // the shortest path runs over the planted ties where they join its nodes
            const used = new Set(a.paths[0]!.steps.flatMap((st) => st.edges.map((e) => e.entity)));
            const onPath = new Set(a.paths[0]!.nodes);
            for (const t of ties) if (onPath.has(t.from) && onPath.has(t.to) && !used.has(t.id)) missed.push(`${s.id} ${link.kind}: tie ${t.id} not on the path`);
          }
        }
        if (link.kind === 'listed-counterparty') {
          for (const hub of s.route.intermediaries) {
            const a = findPaths(net, { from: hub, target: { kind: 'sanctioned' }, maxHops: 3 });
            traced++;
            if (!a.paths.some((p) => p.nodes.includes(link.parties[0]!))) missed.push(`${s.id}: ${hub} ⇢ listed buyer ${link.parties[0]}`);
          }
        }
      }
    }
    expect(missed).toEqual([]);
    expect(traced).toBeGreaterThanOrEqual(10);
  });

  it('mirror companies: one owner or one family on both sides of a cross-border trade, not the owner who left', () => {
    const pairs = mirrorCompanies(net, { time: { from: parseUserDate('2022-03-01')!, to: parseUserDate('2024-12-31')! }, limit: 10_000 }).pairs;
    const has = (a: string, b: string) => pairs.some((p) => (p.a.id === a && p.b.id === b) || (p.a.id === b && p.b.id === a));
    let checked = 0;
    for (const s of truth.schemes.filter((x) => x.route.links.some((l) => l.kind === 'family' || l.kind === 'same-owner'))) {
      const link = s.route.links.find((l) => l.kind === 'family' || l.kind === 'same-owner')!;
      // the firms the tied people control: a hub on one side, its supplier or buyer on the other
      const assets = new Set(s.links.filter((t) => link.ties.includes(t.id)).map((t) => t.to));
      const hub = s.route.intermediaries.find((x) => assets.has(x));
      const other = [...s.route.suppliers, ...s.route.buyers].find((x) => assets.has(x));
      if (hub && other) {
        expect(has(hub, other), `${s.id} ${link.kind}`).toBe(true);
        checked++;
      }
    }
    // S01 one owner, S02 parents and son, S13 brothers
    expect(checked).toBeGreaterThanOrEqual(3);
    const decoy = truth.decoys.find((d) => d.kind === 'ended-ownership')!;
    const [hub, buyer] = [decoy.links.find((l) => l.end_date)!.to, decoy.links.find((l) => !l.end_date)!.to];
    expect(has(hub, buyer)).toBe(false);
  });

  it('UBO of the hub behind layered holdings: the listed Russian firm holds what the chain multiplies to, and its listed twin is named', () => {
    const s = truth.schemes.find((x) => x.route.links.some((l) => l.kind === 'ownership-chain'))!;
    const link = s.route.links.find((l) => l.kind === 'ownership-chain')!;
    const hub = s.route.intermediaries[0]!;
    const listed = link.parties[0]!;
    // the chain's ties: held by the link's parties (the listed firm and its holdings), not the local co-owner
    const ties = s.links.filter((t) => link.ties.includes(t.id) && link.parties.includes(t.from));
    // the chain's percentages as the truth states them ("owns 100%")
    const expected = ties.filter((t) => t.schema === 'Ownership').reduce((share, t) => share * Number(/owns ([\d.]+)%/.exec(t.detail)![1]) / 100, 1);
    const a = ultimateOwners(net, { id: hub, at: parseUserDate(s.period!.first)! });
    const owner = a.owners.find((o) => o.node.id === listed)!;
    expect(owner.share.min).toBeCloseTo(expected, 6);
    expect(owner.status).toBe('beneficial_owner');
    expect(owner.chains[0]!.links.map((l) => l.entities[0])).toEqual(expect.arrayContaining(ties.filter((t) => t.schema === 'Ownership').map((t) => t.id)));
    expect(owner.sanctioned_twins.map((t) => t.via)).toEqual([expect.stringMatching(/^the identifier /)]);
    expect(net.graph.datasets(net.graph.node(owner.sanctioned_twins[0]!.id)!)).toEqual(['us_ofac_sdn']);
    expect(a.notes.some((n) => n.startsWith('sanctioned among the owners: ') && n.includes('through its twin'))).toBe(true);
  });

  it('an "as of" date after a common owner left excludes the link; without a date it is there', () => {
    const decoy = truth.decoys.find((d) => d.kind === 'ended-ownership');
    expect(decoy, 'the world plants an ended-ownership decoy').toBeDefined();
    const ended = decoy!.links.find((l) => l.end_date)!;
    const owner = ended.from;
    const hub = ended.to;
    const buyer = decoy!.links.find((l) => l.from === owner && l.to !== hub)!.to;
    const shipments = decoy!.shipments.length;
    expect(shipments).toBeGreaterThan(0);
    const query = { from: hub, target: { kind: 'entity', id: buyer } as const, types: ['ownership', 'directorship', 'family'], maxHops: 2 };
    expect(findPaths(net, query).paths[0]!.nodes).toEqual([hub, owner, buyer]);
    // as of the first day after the ownership ended (the trade began later), and over 2022
    const after = parseUserDate(ended.end_date!)! + 1;
    expect(findPaths(net, { ...query, time: { at: after } }).paths).toEqual([]);
    expect(findPaths(net, { ...query, time: { from: parseUserDate('2022-01-01')!, to: parseUserDate('2022-12-31')! } }).paths).toEqual([]);
    // the shipments themselves are found, hub to buyer
    expect(findPaths(net, { from: hub, target: { kind: 'entity', id: buyer }, types: ['shipment'], maxHops: 1 }).paths).toHaveLength(1);
  });
});
