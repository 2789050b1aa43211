import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readCache, writeCache } from '../../src/network/cache.js';
import { parseUserDate } from '../../src/network/dates.js';
import { findPaths } from '../../src/network/paths.js';
import { ultimateOwners } from '../../src/network/ubo.js';
import { tempDir } from '../helpers.js';
import { articleWorld, network, zalaEntities, ZALA } from './fixtures.js';

describe('the graph cache', () => {
  it('answers the same after a round trip through the file; a stale or broken file is ignored', async () => {
    const file = path.join(tempDir(), 'nested', 'network.v8');
    const net = network([...articleWorld(), ...(await zalaEntities())]);
    await writeCache(file, 'key-1', net);
    const back = (await readCache(file, 'key-1'))!;
    expect(back.graph.nodeCount).toBe(net.graph.nodeCount);
    expect(back.graph.edgeCount).toBe(net.graph.edgeCount);
    expect(back.report).toEqual(net.report);
    const query = { from: 'rheinau', target: { kind: 'entity', id: 'nord' } as const, time: { at: parseUserDate('2022-05-25')! }, paths: 5 };
    expect(findPaths(back, query)).toEqual(findPaths(net, query));
    const ubo = { id: ZALA.cst, at: parseUserDate('2023-06-01')! };
    expect(ultimateOwners(back, ubo)).toEqual(ultimateOwners(net, ubo));
    // new edges can still be added after loading
    back.graph.addEdge({ type: 'same_as', source: back.graph.node('ivan')!, target: back.graph.node('ivan-kz')!, ref: -1 });
    expect(back.graph.degree(back.graph.node('ivan')!)).toBe(net.graph.degree(net.graph.node('ivan')!) + 1);
    expect(await readCache(file, 'key-2')).toBeUndefined();
    writeFileSync(file, 'not a snapshot');
    expect(await readCache(file, 'key-1')).toBeUndefined();
  });
});
