import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DATA_DIR } from '../src/model/paths.js';
import { ScreeningEngine } from '../src/screening/engine.js';
import { ScreeningIndex } from '../src/screening/index.js';

/**
 * Screening at scale: an index of SYNTHETIC names (default 1,000,000) made by combining given and
 * family names of real OFAC SDN individuals with a seeded generator, then the latency of queries
 * for names in it, with one letter changed. Prints one JSON object. Target: p95 ≤ 20 ms, index
 * memory ≤ 2 GB.
 */
const TOTAL = Number(process.env['SCALE_NAMES'] ?? 1_000_000);

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sdn = gunzipSync(readFileSync(path.join(DATA_DIR, 'lists', 'ofac', 'sdn_20240503.csv.gz'))).toString('latin1');
const given = new Set<string>();
const family = new Set<string>();
for (const m of sdn.matchAll(/^\d+,"([A-Z' -]+), ([A-Za-z' -]+)","individual"/gm)) {
  family.add(m[1]!);
  for (const g of m[2]!.split(' ')) if (g.length > 2) given.add(g);
}
const G = [...given];
const F = [...family];
const rand = mulberry32(20261124);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;

const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const index = new ScreeningIndex();
const names: string[] = [];
for (let i = 0; i < TOTAL; i++) {
  const name = `${pick(G)} ${rand() < 0.3 ? pick(G) + ' ' : ''}${pick(F)}`;
  if (i % 1000 === 0) names.push(name);
  index.upsert({ id: `synthetic-${i}`, schema: 'Person', properties: { name: [name] }, datasets: ['synthetic'], first_seen: '', last_seen: '', last_change: '' });
}
const buildSeconds = (performance.now() - started) / 1000;
global.gc?.();
const heapMb = Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);
const engine = new ScreeningEngine(index);
const times: number[] = [];
for (const [i, name] of names.entries()) {
  const pos = 1 + (i % (name.length - 2));
  const q = name.slice(0, pos) + (name[pos] === 'e' ? 'a' : 'e') + name.slice(pos + 1);
  const t = performance.now();
  engine.match({ schema: 'Person', properties: { name: [q] } }, { limit: 5, threshold: 0.7 });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const p = (x: number) => Number(times[Math.floor(times.length * x)]!.toFixed(2));
process.stdout.write(
  JSON.stringify({
    benchmark: 'screening-scale',
    synthetic_names: TOTAL,
    real_name_parts: { given: G.length, family: F.length },
    build_seconds: Number(buildSeconds.toFixed(1)),
    index_heap_mb: heapMb,
    rss_mb: Math.round(process.memoryUsage().rss / 2 ** 20),
    queries: times.length,
    p50_ms: p(0.5),
    p95_ms: p(0.95),
    targets: { p95_ms: 20, memory_mb: 2048 },
  }) + '\n',
);
