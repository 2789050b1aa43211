import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork } from '../../src/network/build.js';
import { parseUserDate } from '../../src/network/dates.js';
import type { Network } from '../../src/network/network.js';
import { findPaths } from '../../src/network/paths.js';
import { ultimateOwners } from '../../src/network/ubo.js';
import { addSameAs, resolveEntities } from '../../src/network/resolution.js';
import { NetworkService } from '../../src/network/service.js';
import { buildMatcher, type ScreeningEngine } from '../../src/screening/engine.js';
import type { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { ZALA } from './fixtures.js';
import { networkStore } from './store-fixture.js';

describe('entity resolution across datasets (screening engine), never merged', () => {
  let store: DuckDbStore;
  let matcher: ScreeningEngine;
  let net: Network;

  beforeAll(async () => {
    ({ store } = await networkStore());
    matcher = await buildMatcher(store);
    net = await buildNetwork(store);
  });
  afterAll(async () => store.close());

  it('links the registry records to the listed entities with score and explanation', () => {
    const links = resolveEntities(net, matcher, { ids: ['kz-zakharov', 'ru-cst', 'kz-co'] });
    const pairs = links.map((l) => [l.a, l.b]);
    expect(pairs).toContainEqual(['kz-zakharov', ZALA.zakharov]);
    expect(pairs).toContainEqual(['ru-cst', ZALA.cst]);
    expect(pairs.some(([a]) => a === 'kz-co')).toBe(false);
    const person = links.find((l) => l.a === 'kz-zakharov')!;
    expect(person.score).toBeGreaterThan(0.9);
    expect(person.explanations.map((e) => e.feature)).toContain('birth_date');
    expect(person.method).toMatch(/^screening engine /);
    // across datasets only: the listed Zakharov is not matched with his listed relatives
    expect(resolveEntities(net, matcher, { ids: [ZALA.zakharov] }).every((l) => !l.b.startsWith('NK-'))).toBe(true);
  });

  it('the links let a trace reach the listed firm; the entities themselves stay apart', () => {
    const only = { types: ['ownership', 'shipment', 'same_as'], from: 'kz-co', target: { kind: 'sanctioned' } as const, time: { at: parseUserDate('2024-06-01')! } };
    expect(findPaths(net, only).paths).toEqual([]);
    const added = addSameAs(net, resolveEntities(net, matcher, { ids: ['kz-zakharov', 'ru-cst'] }));
    // the registry's ООО ЦСТ is also a candidate for the Perm firm of the same name (another INN): a candidate, not a fact
    expect(net.sameAs.map((l) => [l.a, l.b])).toEqual([
      ['kz-zakharov', ZALA.zakharov],
      ['ru-cst', ZALA.cst],
      ['ru-cst', ZALA.cstPerm],
    ]);
    expect(added).toBe(3);
    expect(net.sameAs[1]!.score).toBeGreaterThan(net.sameAs[2]!.score);
    const a = findPaths(net, only);
    expect(a.paths.map((p) => p.nodes)).toEqual([
      ['kz-co', 'kz-zakharov', ZALA.zakharov],
      ['kz-co', 'ru-cst', ZALA.cst],
    ]);
    expect(a.paths[0]!.steps[1]!.edges[0]).toMatchObject({ type: 'same_as', same_as: { method: expect.stringMatching(/^screening engine/) } });
    expect(a.paths[0]!.steps[1]!.text).toMatch(/may be the same as Alexander ZAKHAROV \(Person, RU\) \(score \d\.\d\d: .*identifier 183111242406 equals the listed 183111242406; screening engine .*; a candidate link, not a merge\)$/);
    expect(net.graph.node('kz-zakharov')).not.toBe(net.graph.node(ZALA.zakharov));
    // a minimum score above the links' leaves them out
    expect(findPaths(net, { ...only, minSameAsScore: 1.01 }).paths).toEqual([]);
  });

  it('UBO names the sanctioned twin of an owner: the registry\'s Zakharov shares his INN with the listed one', () => {
    const a = ultimateOwners(net, { id: 'kz-co', at: parseUserDate('2024-01-01')! });
    expect(a.owners[0]!.sanctioned_twins).toEqual(expect.arrayContaining([{ id: ZALA.zakharov, caption: 'Alexander ZAKHAROV', via: 'the identifier 183111242406' }]));
    expect(a.notes).toContain('sanctioned among the owners: Захаров Александр Вячеславович (100 %; through its twin Alexander ZAKHAROV)');
  });

  it('the service resolves around an entity once and keeps the network until a dataset changes', async () => {
    const service = new NetworkService(store, {}, async () => matcher);
    const first = await service.network();
    expect(await service.network()).toBe(first);
    const run = await service.resolveAround('kz-co', 1);
    expect(run.resolved).toBe(3);
    expect(run.links).toBeGreaterThanOrEqual(2);
    expect((await service.resolveAround('kz-co', 1)).resolved).toBe(0);
  });
});
