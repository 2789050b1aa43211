import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

/**
 * Runs every benchmark scenario in a fresh process and prints one JSON object with the figures.
 * Targets (issue 2): SDN with add/alt under 3 s; all bundled lists under 15 s; peak memory under 1 GB.
 */
const scenarioScript = fileURLToPath(new URL('./ingest-scenario.js', import.meta.url));
const runs = Number(process.env['BENCH_RUNS'] ?? 3);

function scenario(name: string) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    results.push(JSON.parse(execFileSync(process.execPath, [scenarioScript, name], { encoding: 'utf8' })));
  }
  results.sort((a, b) => a.seconds - b.seconds);
  const median = results[Math.floor(results.length / 2)];
  return { ...median, runs, seconds_min: results[0].seconds, seconds_max: results.at(-1).seconds };
}

const sdn = scenario('sdn');
const all = scenario('all');
process.stdout.write(
  JSON.stringify(
    {
      benchmark: 'ingest',
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, total_memory_gb: Math.round(os.totalmem() / 2 ** 30) },
      ingest_sdn: { ...sdn, target_seconds: 3, meets_target: sdn.seconds < 3 && sdn.peak_rss_mb < 1024 },
      ingest_all_bundled: { ...all, target_seconds: 15, meets_target: all.seconds < 15 && all.peak_rss_mb < 1024 },
    },
    null,
    2,
  ) + '\n',
);
