import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ingest } from '../src/ingest/ingest.js';
import { BUNDLED_LISTS, bundledIngest } from '../src/ingest/bundled.js';
import { DATA_DIR } from '../src/model/paths.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';

/** One benchmark scenario in its own process, so peak memory is its own. Prints one JSON object. */
async function main(scenario: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sanctrace-bench-'));
  const store = await DuckDbStore.open(path.join(dir, 'bench.duckdb'));
  const lists =
    scenario === 'sdn'
      ? [{ dataset: 'us_ofac_sdn', format: 'ofac-csv', inputs: [path.join(DATA_DIR, 'lists', 'ofac')] }]
      : BUNDLED_LISTS.map(bundledIngest);
  const started = performance.now();
  let records = 0;
  let entities = 0;
  let statements = 0;
  const perList: Record<string, number> = {};
  for (const l of lists) {
    const t = performance.now();
    const r = await ingest(store, l);
    perList[l.dataset] = Math.round(performance.now() - t);
    records += r.version.records;
    entities += r.version.entities;
    statements += r.version.statements;
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(
    JSON.stringify({
      scenario,
      seconds: Number(seconds.toFixed(3)),
      records,
      entities,
      statements,
      records_per_second: Math.round(records / seconds),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      ms_per_list: perList,
    }) + '\n',
  );
}

await main(process.argv[2] ?? 'all');
