import { BUNDLED_LISTS, bundledIngest } from '../ingest/bundled.js';
import { ingest } from '../ingest/ingest.js';
import type { Store } from '../store/store.js';
import { describeIngest } from './ingest.js';
import { formatNumber, table } from './output.js';
import { progressBar } from './progress.js';

/** The main job: loads the bundled real lists into the store and prints what it holds. */
export async function demoCommand(store: Store, dbPath: string): Promise<void> {
  const started = performance.now();
  for (const list of BUNDLED_LISTS) {
    const bar = progressBar(list.dataset);
    let result;
    try {
      result = await ingest(store, { ...bundledIngest(list), progress: bar.update });
    } finally {
      bar.stop();
    }
    process.stdout.write(describeIngest(list.dataset, result) + '\n');
  }
  const rows = await store.datasets();
  const total = rows.reduce((n, r) => n + r.entities, 0);
  process.stdout.write(
    `\nStore ${dbPath} holds ${rows.length} datasets, ${formatNumber(total)} entities ` +
      `(${((performance.now() - started) / 1000).toFixed(1)} s):\n\n` +
      table(
        rows.map((r) => ({ ...r, records: formatNumber(r.records), entities: formatNumber(r.entities) })),
        ['name', 'format', 'version', 'records', 'entities'],
      ) +
      '\n\nNext: npx sanctrace serve (screening API) · npx sanctrace screen --input names.csv · npx sanctrace delta <dataset> · npx sanctrace export --format ftm\n',
  );
}
