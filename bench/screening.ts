import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingest } from '../src/ingest/ingest.js';
import { BUNDLED_LISTS, bundledIngest } from '../src/ingest/bundled.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { buildMatcher } from '../src/screening/engine.js';

/**
 * Screening speed on the bundled lists: index build from the store, and single-query latency
 * (p50/p95) for queries made from listed names (every 20th name, its schema) and for the same
 * names with one letter changed. Prints one JSON object.
 */
function percentile(sorted: number[], p: number): number {
  return Number(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!.toFixed(3));
}

function typo(name: string, i: number): string {
  const pos = 1 + (i % Math.max(1, name.length - 2));
  return name.slice(0, pos) + (name[pos] === 'e' ? 'a' : 'e') + name.slice(pos + 1);
}

const dir = mkdtempSync(path.join(tmpdir(), 'sanctrace-bench-screen-'));
const store = await DuckDbStore.open(path.join(dir, 'bench.duckdb'));
try {
  for (const l of BUNDLED_LISTS) await ingest(store, bundledIngest(l));
  const started = performance.now();
  const engine = await buildMatcher(store);
  const buildSeconds = (performance.now() - started) / 1000;
  const rssAfterBuild = process.memoryUsage().rss;
  const queries = engine.index.names
    .filter((_, i) => i % 20 === 0)
    .map((n, i) => ({ schema: engine.index.entities[n.entity]?.schema ?? 'LegalEntity', name: n.name.analysed.original, i }));
  const run = (make: (q: (typeof queries)[number]) => string) => {
    for (const q of queries.slice(0, 200)) engine.match({ schema: q.schema, properties: { name: [make(q)] } }, { limit: 5, threshold: 0.7 });
    const times: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      engine.match({ schema: q.schema, properties: { name: [make(q)] } }, { limit: 5, threshold: 0.7 });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { queries: times.length, p50_ms: percentile(times, 0.5), p95_ms: percentile(times, 0.95), p99_ms: percentile(times, 0.99) };
  };
  process.stdout.write(
    JSON.stringify(
      {
        benchmark: 'screening',
        index: { entities: engine.index.size, names: engine.index.nameCount, build_seconds: Number(buildSeconds.toFixed(2)), rss_mb: Math.round(rssAfterBuild / 2 ** 20) },
        exact_names: run((q) => q.name),
        one_typo: run((q) => typo(q.name, q.i)),
        targets: { p50_ms: 1, p95_ms: 5, build_seconds: 5 },
      },
      null,
      2,
    ) + '\n',
  );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
