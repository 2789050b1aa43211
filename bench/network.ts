import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { BUNDLED_LISTS, bundledIngest } from '../src/ingest/bundled.js';
import { ingest } from '../src/ingest/ingest.js';
import { buildNetwork, NetworkBuilder, type EntityInput } from '../src/network/build.js';
import { readCache, writeCache } from '../src/network/cache.js';
import { parseUserDate } from '../src/network/dates.js';
import type { Network } from '../src/network/network.js';
import { findPaths, type PathTarget } from '../src/network/paths.js';
import { ultimateOwners } from '../src/network/ubo.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import type { Store } from '../src/store/store.js';

/**
 * Network benchmark: graph build time and memory from the store (the bundled lists; plus the
 * synthetic world when SANCTRACE_BENCH_DB names a store holding it), path and UBO query latency,
 * and a generated graph of 1,000,000 nodes and 3,000,000 edges (issue 6 targets: build ≤ 30 s and
 * ≤ 4 GB; 4-hop path p95 ≤ 50 ms; UBO over 1,000 upstream owners ≤ 50 ms). One JSON object.
 * Run with --expose-gc for exact heap figures: `node --expose-gc dist/bench/network.js`.
 */
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const round = (x: number, d = 3) => Number(x.toFixed(d));

/** CPU seconds of this process since `from` (the machine is shared: wall time includes waiting). */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return round((u.user + u.system) / 1e6, 2);
}

function percentile(sorted: number[], p: number): number {
  return round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0);
}

/** JS heap plus typed-array buffers (the graph's columns live outside the heap). */
function heapUsed(): number {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Wall-clock latency of `run` over n runs after a warm-up (the argument says whether a run is measured). */
function latency(run: (measured: boolean) => void, n: number): { queries: number; p50_ms: number; p95_ms: number; max_ms: number; cpu_ms_per_query: number } {
  for (let i = 0; i < Math.min(20, n); i++) run(false);
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    run(true);
    times.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  // CPU time per query shows the work apart from waiting for a core on a loaded machine
  return { queries: n, p50_ms: percentile(times, 0.5), p95_ms: percentile(times, 0.95), max_ms: round(times.at(-1)!), cpu_ms_per_query: round((used.user + used.system) / 1000 / n) };
}

/** Path queries from random entities: to any sanctioned entity and to another random entity, 4 hops, 3 alternatives. */
function pathQueries(net: Network, n: number, seed: number) {
  const g = net.graph;
  const random = rng(seed);
  const entities: string[] = [];
  for (let i = 0; i < g.nodeCount; i++) if (g.nodeKind(i) === 'entity' && g.degree(i) > 0) entities.push(g.ids[i]!);
  const pick = () => entities[Math.floor(random() * entities.length)]!;
  let found = 0;
  const query = (target: () => PathTarget) => (measured: boolean) => {
    const from = pick();
    let t = target();
    if (t.kind === 'entity' && t.id === from) t = { kind: 'sanctioned' };
    if (findPaths(net, { from, target: t, maxHops: 4, paths: 3 }).paths.length && measured) found++;
  };
  const toSanctioned = latency(query(() => ({ kind: 'sanctioned' })), n);
  const sanctionedFound = found;
  found = 0;
  const toEntity = latency(query(() => ({ kind: 'entity', id: pick() })), n);
  return {
    to_sanctioned: { ...toSanctioned, with_a_path: sanctionedFound },
    to_entity: { ...toEntity, with_a_path: found },
  };
}

/** Writing and reading the on-disk snapshot the CLI keeps between commands. */
async function cacheRoundTrip(net: Network) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sanctrace-bench-cache-')), 'network.v8');
  let t = performance.now();
  await writeCache(file, 'bench', net);
  const write = (performance.now() - t) / 1000;
  t = performance.now();
  const back = await readCache(file, 'bench');
  const read = (performance.now() - t) / 1000;
  const bytes = statSync(file).size;
  rmSync(path.dirname(file), { recursive: true, force: true });
  return { cache_write_seconds: round(write, 2), cache_read_seconds: round(read, 2), cache_mb: mb(bytes), cache_nodes: back?.graph.nodeCount };
}

async function fromStore(store: Store, label: string) {
  // reading the store alone, then the whole build (read + graph)
  let t = performance.now();
  let read = 0;
  for await (const e of store.entities()) if (e.id) read++;
  const readSeconds = (performance.now() - t) / 1000;
  const heapBefore = heapUsed();
  t = performance.now();
  const cpu = process.cpuUsage();
  const net = await buildNetwork(store);
  const buildSeconds = (performance.now() - t) / 1000;
  const buildCpu = cpuSeconds(cpu);
  const heapGraph = heapUsed() - heapBefore;
  return {
    net,
    figures: {
      source: label,
      entities_read: read,
      store_read_seconds: round(readSeconds, 2),
      build_seconds: round(buildSeconds, 2),
      build_cpu_seconds: buildCpu,
      graph_build_seconds_without_store_read: round(buildSeconds - readSeconds, 2),
      graph_memory_mb: mb(heapGraph),
      rss_mb: mb(process.memoryUsage().rss),
      nodes: net.report.nodes,
      edges: net.report.edges,
      shipment_lines: net.report.shipmentLines,
      sanctioned_nodes: net.report.sanctionedNodes,
      skipped: net.report.skipped,
      ...(await cacheRoundTrip(net)),
    },
  };
}

/** 1,000,000 nodes and 3,000,000 edges of mixed types, streamed into the builder (not through the store). */
function generated(nodes: number, edges: number) {
  const random = rng(42);
  const b = new NetworkBuilder({ pivots: false });
  // dates drawn from a precomputed table: formatting them is the generator's cost, not the build's
  const calendar: string[] = [];
  for (let d = Date.UTC(2005, 0, 1); d < Date.UTC(2025, 0, 1); d += 86_400_000) calendar.push(new Date(d).toISOString().slice(0, 10));
  const day = (y0: number, span: number) => calendar[Math.min(calendar.length - 1, (y0 - 2005) * 365 + Math.floor(random() * span * 365))]!;
  const heapBefore = heapUsed();
  const started = performance.now();
  const cpu = process.cpuUsage();
  // a few hubs: 1 in 10,000 nodes takes a share of the links (registered agents, big traders)
  const node = () => (random() < 0.05 ? Math.floor(random() * (nodes / 10_000)) * 10_000 : Math.floor(random() * nodes));
  const countries = ['ru', 'kz', 'kg', 'am', 'ge', 'de', 'nl', 'cn', 'hk', 'ae', 'tr', 'us'];
  for (let i = 0; i < nodes; i++) {
    const person = i % 5 === 2;
    const e: EntityInput = { id: `n${i}`, schema: person ? 'Person' : 'Company', properties: { name: [`${person ? 'Person' : 'Company'} ${i}`], country: [countries[i % countries.length]!] } };
    b.add(e);
    if (i % 100 === 7) b.add({ id: `s${i}`, schema: 'Sanction', properties: { entity: [`n${i}`], program: ['BENCH'], startDate: [day(2014, 10)] } });
  }
  const kinds = ['Ownership', 'Ownership', 'Ownership', 'Directorship', 'Directorship', 'Family', 'UnknownLink', 'EconomicActivity', 'EconomicActivity', 'EconomicActivity'];
  for (let j = 0; j < edges; j++) {
    const a = node();
    let c = node();
    if (a === c) c = (c + 1) % nodes;
    const kind = kinds[j % kinds.length]!;
    const id = `e${j}`;
    if (kind === 'Ownership') b.add({ id, schema: kind, properties: { owner: [`n${a}`], asset: [`n${c}`], percentage: [String(1 + Math.floor(random() * 100))], startDate: [day(2005, 15)] } });
    else if (kind === 'Directorship') b.add({ id, schema: kind, properties: { director: [`n${a}`], organization: [`n${c}`], startDate: [day(2005, 15)], ...(random() < 0.3 ? { endDate: [day(2020, 5)] } : {}) } });
    else if (kind === 'Family') b.add({ id, schema: kind, properties: { person: [`n${a}`], relative: [`n${c}`], relationship: ['sibling'] } });
    else if (kind === 'UnknownLink') b.add({ id, schema: kind, properties: { subject: [`n${a}`], object: [`n${c}`] } });
    else b.add({ id, schema: kind, properties: { sender: [`n${a}`], receiver: [`n${c}`], date: [day(2019, 6)], hsCode: ['854231'], quantity: ['100'], value: ['1000'], currency: ['USD'] } });
  }
  const net = b.finish();
  const seconds = (performance.now() - started) / 1000;
  const cpuTime = cpuSeconds(cpu);
  const heap = heapUsed() - heapBefore;
  return { net, seconds, cpuTime, heap };
}

/** A company with `owners` upstream owners: 10 holdings of 10 holdings of 10 people. */
function uboTree() {
  const b = new NetworkBuilder({ pivots: false });
  b.add({ id: 'target', schema: 'Company', properties: { name: ['Target'] } });
  let owners = 0;
  for (let i = 0; i < 10; i++) {
    b.add({ id: `h${i}`, schema: 'Company', properties: { name: [`Holding ${i}`] } });
    b.add({ id: `o-h${i}`, schema: 'Ownership', properties: { owner: [`h${i}`], asset: ['target'], percentage: ['10'] } });
    owners++;
    for (let j = 0; j < 10; j++) {
      b.add({ id: `h${i}-${j}`, schema: 'Company', properties: { name: [`Sub-holding ${i}-${j}`] } });
      b.add({ id: `o-h${i}-${j}`, schema: 'Ownership', properties: { owner: [`h${i}-${j}`], asset: [`h${i}`], percentage: ['10'] } });
      owners++;
      for (let k = 0; k < 10; k++) {
        b.add({ id: `p${i}-${j}-${k}`, schema: 'Person', properties: { name: [`Owner ${i}-${j}-${k}`] } });
        b.add({ id: `o-p${i}-${j}-${k}`, schema: 'Ownership', properties: { owner: [`p${i}-${j}-${k}`], asset: [`h${i}-${j}`], percentage: ['10'], startDate: ['2015-01-01'] } });
        owners++;
      }
    }
  }
  const tree = b.finish();
  const at = parseUserDate('2024-01-01')!;
  heapUsed(); // start from a collected heap: the graphs measured before are garbage by now
  const timing = latency(() => void ultimateOwners(tree, { id: 'target', at }), 50);
  return { upstream_owners: owners, ...timing };
}

const dir = mkdtempSync(path.join(tmpdir(), 'sanctrace-bench-network-'));
const store = await DuckDbStore.open(path.join(dir, 'bench.duckdb'));
const result: Record<string, unknown> = { benchmark: 'network' };
try {
  for (const l of BUNDLED_LISTS) await ingest(store, bundledIngest(l));
  const bundled = await fromStore(store, 'bundled lists');
  result['bundled_lists'] = { ...bundled.figures, paths: pathQueries(bundled.net, 200, 1) };
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

const worldDb = process.env['SANCTRACE_BENCH_DB'];
if (worldDb) {
  const world = await DuckDbStore.open(worldDb);
  try {
    const w = await fromStore(world, `store ${path.basename(worldDb)} (${(await world.datasets()).map((d) => d.name).join(', ')})`);
    result['store_with_world'] = { ...w.figures, paths: pathQueries(w.net, 200, 2) };
  } finally {
    await world.close();
  }
} else {
  result['store_with_world'] = 'set SANCTRACE_BENCH_DB to a store holding the synthetic world (sanctrace demo) to measure it';
}

// before the big graph: its heap would make every collection (and so this figure) slower
result['ubo_1000_upstream_owners'] = { ...uboTree(), target_ms: 50 };

const big = generated(1_000_000, 3_000_000);
result['generated_1m_nodes_3m_edges'] = {
  nodes: big.net.graph.nodeCount,
  edges: big.net.graph.edgeCount,
  relationship_entities: 3_000_000,
  build_seconds: round(big.seconds, 2),
  build_cpu_seconds: big.cpuTime,
  graph_memory_mb: mb(big.heap),
  rss_mb: mb(process.memoryUsage().rss),
  peak_rss_mb: mb(process.resourceUsage().maxRSS * 1024),
  paths_4_hops: pathQueries(big.net, 300, 3),
  targets: { build_seconds: 30, memory_mb: 4096, path_p95_ms: 50 },
};
result['gc_exposed'] = !!gc;
result['load_average'] = os.loadavg().map((x) => round(x, 1));
result['machine'] = { cpus: os.cpus().length, node: process.version };
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
