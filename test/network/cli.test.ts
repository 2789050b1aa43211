import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Command, CommanderError } from 'commander';
import { existsSync, rmSync } from 'node:fs';
import { networkService, registerNetworkCommands, type NetworkCliOptions } from '../../src/cli/trace.js';
import { defaultCacheFile } from '../../src/network/cache.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { withStore } from '../../src/cli/context.js';
import { UsageError } from '../../src/sources/errors.js';
import { StoreError } from '../../src/store/store.js';
import { ZALA } from './fixtures.js';
import { networkStore, REGISTRY } from './store-fixture.js';
import { ingest } from '../../src/ingest/ingest.js';
import { tempDir, writeTemp } from '../helpers.js';

/**
 * The network commands on a program of their own, with main.ts's exit codes (0 ok, 1 failure,
 * 2 usage), until main.ts registers them (then test/cli-run.ts's cli() runs them the same way).
 */
async function run(db: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runWith({}, db, ...args);
}

async function runWith(options: NetworkCliOptions, db: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  const program = new Command('sanctrace').exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  registerNetworkCommands(program, (fn) => withStore({ db }, fn), options);
  try {
    await program.parseAsync(['node', 'sanctrace', ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    if (e instanceof CommanderError) return { code: 2, stdout, stderr };
    if (e instanceof UsageError) return { code: 2, stdout, stderr: stderr + `sanctrace: ${e.message}\n` };
    if (e instanceof StoreError) return { code: 1, stdout, stderr: stderr + `sanctrace: error: ${e.message}\n` };
    throw e;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('sanctrace trace / ubo / neighbours', () => {
  let db: string;
  beforeAll(async () => {
    const s = await networkStore();
    db = s.db;
    await s.store.close();
  });

  it('trace --to-sanctioned: the Kazakh firm reaches listed Zakharov through its founder (same INN, name and birth date)', async () => {
    const r = await run(db, 'trace', '--from', 'kz-co', '--to-sanctioned', '--at', '2024-06-01', '--format', 'json');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.paths[0].nodes).toEqual(['kz-co', 'kz-zakharov', 'value:identifier:183111242406', ZALA.zakharov]);
    expect(a.nodes.find((n: { id: string }) => n.id === ZALA.zakharov).sanctioned).toBe(true);
    expect(a.edges.every((e: { text: string; type: string }) => e.text && e.type)).toBe(true);
    const text = await run(db, 'trace', '--from', 'kz-co', '--to-sanctioned', '--at', '2024-06-01', '--paths', '1');
    expect(text.stdout).toMatch(/^From Sary Dala Trade LLP \(kz-co\) to any sanctioned entity/);
    expect(text.stdout).toMatch(/Path 1 \(3 links\): Sary Dala Trade LLP → Захаров Александр Вячеславович → «183111242406» → Alexander ZAKHAROV/);
    expect(text.stdout).toMatch(/1\. Захаров Александр Вячеславович \(Person, RU\) owns Sary Dala Trade LLP \(Company, KZ\): 100 %; since 2022-04-20 \(no end date stated\); Ownership kz-own/);
    // the listings in force on that day, as the extract dates them
    expect(text.stdout).toMatch(/Alexander ZAKHAROV is sanctioned: 8 listings: Council of the European Union, .* and 4 more; the sanction topic; the earliest from 2023-07-01\n/);
  });

  it('trace --same-as links records across datasets first; --edges, --to, --to-country; dates exclude', async () => {
    const plain = await run(db, 'trace', '--from', 'kz-co', '--to-sanctioned', '--edges', 'ownership,shipment', '--format', 'json');
    expect(JSON.parse(plain.stdout).paths).toEqual([]);
    const resolved = await run(db, 'trace', '--from', 'kz-co', '--to-sanctioned', '--edges', 'ownership,shipment,same_as', '--same-as', '--format', 'json');
    expect(JSON.parse(resolved.stdout).paths.map((p: { nodes: string[] }) => p.nodes.at(-1))).toEqual(expect.arrayContaining([ZALA.zakharov, ZALA.cst]));
    const to = await run(db, 'trace', '--from', 'kz-co', '--to', 'ru-cst', '--format', 'json');
    expect(JSON.parse(to.stdout).paths[0].nodes).toEqual(['kz-co', 'ru-cst']);
    // the drones were shipped in January 2023: not yet by the end of 2022
    const before = await run(db, 'trace', '--from', 'kz-co', '--to-country', 'RU', '--edges', 'shipment', '--at', '2022-12-31');
    expect(before.stdout).toMatch(/no path of at most 4 links/);
    const window = await run(db, 'trace', '--from', 'kz-co', '--to-country', 'RU', '--edges', 'shipment', '--window', '2023-01-01..2023-01-31', '--format', 'json');
    expect(JSON.parse(window.stdout).paths[0].steps[0].edges[0].shipments).toMatchObject({ lines: 1, goods: [{ hs: '880699', quantity: 40 }], value: { USD: 52000 } });
  });

  it('ubo and neighbours', async () => {
    const u = await run(db, 'ubo', ZALA.cst, '--at', '2024-06-01');
    expect(u.code).toBe(0);
    expect(u.stdout).toMatch(/^Beneficial owners of LLC CST \(NK-abdzbEBkqyT29GyREbiURZ\) on 2024-06-01, threshold 25 %:\n  • Alexander ZAKHAROV \(NK-aU5ybkbRFJucf8YMwsJvDw\): 51 %/);
    const ten = JSON.parse((await run(db, 'ubo', 'kz-co', '--threshold', '10%', '--at', '2023-01-01', '--format', 'json')).stdout);
    expect(ten.threshold).toBe(0.1);
    expect(ten.beneficial_owners.map((o: { node: { id: string } }) => o.node.id)).toEqual(['kz-zakharov']);
    const n = await run(db, 'neighbours', ZALA.zakharov, '--edges', 'family', '--limit', '2');
    expect(n.stdout).toMatch(/family: 4 of 4 links \(2 neighbours shown\)/);
    expect(n.stdout).toMatch(/Note: more neighbours than the limit of 2 per type/);
  });

  it('keeps the built graph for the next command of the same store, until a dataset changes', async () => {
    const cache = defaultCacheFile(db)!;
    rmSync(cache, { force: true });
    const first = await runWith({ dbPath: () => db }, db, 'ubo', ZALA.cst, '--at', '2024-06-01', '--format', 'json');
    expect(existsSync(cache)).toBe(true);
    const second = await runWith({ dbPath: () => db }, db, 'ubo', ZALA.cst, '--at', '2024-06-01', '--format', 'json');
    expect(second.stdout).toBe(first.stdout);
    const store = await DuckDbStore.open(db);
    try {
      const service = networkService(store, { dbPath: () => db });
      await service.network();
      expect(service.origin).toBe('cache');
      // a new version of a dataset: rebuilt
      const file = writeTemp(tempDir(), 'registry2.ftm.json', REGISTRY.map((e) => JSON.stringify(e)).join('\n') + '\n' + JSON.stringify({ id: 'kz-new', schema: 'Company', properties: { name: ['New LLP'] } }) + '\n');
      await ingest(store, { format: 'ftm', inputs: [file], dataset: 'kz-registry', version: '2024-02-01' });
      const fresh = networkService(store, { dbPath: () => db });
      expect((await fresh.network()).graph.node('kz-new')).toBeDefined();
      expect(fresh.origin).toBe('built');
      expect(networkService(store, { dbPath: () => db }, { SANCTRACE_NETWORK_CACHE: 'off' })).toMatchObject({ cacheFile: undefined });
    } finally {
      await store.close();
      rmSync(cache, { force: true });
    }
  });

  it('bad input: exit 2 for usage, 1 for an unknown id, each with a clear message', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [['trace', '--from', 'kz-co'], 2, /give exactly one target/],
      [['trace', '--from', 'kz-co', '--to-sanctioned', '--max-hops', '12'], 2, /max hops must be a whole number from 1 to 8, not 12/],
      [['trace', '--from', 'kz-co', '--to-sanctioned', '--at', '2023-02-30'], 2, /"2023-02-30" is not a date/],
      [['trace', '--from', 'kz-co', '--to-sanctioned', '--edges', 'ownership,friendship'], 2, /unknown edge type "friendship"/],
      [['trace', '--from', 'nobody', '--to-sanctioned'], 1, /error: no entity "nobody" in the network/],
      [['ubo', 'kz-co', '--threshold', '250%'], 2, /the threshold cannot be above 100 %/],
      [['ubo', 'nobody'], 1, /no entity "nobody"/],
      [['neighbours', 'kz-co', '--window', '2023..2022'], 2, /the window 2023\.\.2022 ends before it starts/],
    ];
    for (const [args, code, message] of cases) {
      const r = await run(db, ...args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), code]);
      expect(r.stderr).toMatch(message);
    }
  });
});
