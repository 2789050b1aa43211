import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWorld, loadWorld } from '../src/demo/world/build.js';
import { openStore } from '../src/store/open.js';

/**
 * `sanctrace demo build` time: generation (with the listed-names check) and the mapping ingest into
 * a fresh store, at scale 1 (target ≤ 60 s in all) and at scale 10 (generation; loading too with
 * BENCH_DEMO_LOAD10=1). Each scale runs in a fresh process so that its peak memory is its own.
 * Prints one JSON object.
 */
async function scenario(scale: number, load: boolean): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sanctrace-bench-world-'));
  try {
    const stages: Record<string, number> = {};
    const built = await buildWorld({ seed: 1, scale, outDir: path.join(dir, 'demo-world'), onStage: (s, sec) => (stages[s] = Number(sec.toFixed(2))) });
    const result: Record<string, unknown> = {
      scale,
      build_seconds: Number(built.seconds.toFixed(2)),
      stages,
      companies: built.truth.counts['companies'],
      people: built.truth.counts['people'],
      shipment_lines: built.truth.counts['shipment_lines'],
    };
    if (load) {
      const store = await openStore(path.join(dir, 'bench.duckdb'));
      const started = performance.now();
      try {
        const r = await loadWorld(store, built.dataFiles);
        const seconds = (performance.now() - started) / 1000;
        Object.assign(result, {
          load_seconds: Number(seconds.toFixed(2)),
          total_seconds: Number((built.seconds + seconds).toFixed(2)),
          records: r.version.records,
          entities: r.version.entities,
          statements: r.version.statements,
          rows_per_second: Math.round(r.version.records / seconds),
        });
      } finally {
        await store.close();
      }
    }
    result['peak_rss_mb'] = Math.round(process.resourceUsage().maxRSS / 1024);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'scenario') {
  const out = await scenario(Number(process.argv[3]), process.argv[4] === 'load');
  process.stdout.write(JSON.stringify(out) + '\n');
} else {
  const self = fileURLToPath(import.meta.url);
  const run = (scale: number, load: boolean) => JSON.parse(execFileSync(process.execPath, [self, 'scenario', String(scale), load ? 'load' : 'build'], { encoding: 'utf8', maxBuffer: 1 << 24 }));
  const one = run(1, true);
  const ten = run(10, process.env['BENCH_DEMO_LOAD10'] === '1');
  process.stdout.write(
    JSON.stringify(
      {
        benchmark: 'demo-build',
        machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, load_average: os.loadavg().map((x) => Number(x.toFixed(2))) },
        scale_1: { ...one, target_seconds: 60, meets_target: one.total_seconds <= 60 },
        scale_10: ten,
      },
      null,
      2,
    ) + '\n',
  );
}
