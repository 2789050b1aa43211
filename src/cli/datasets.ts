import type { Store } from '../store/store.js';
import { formatNumber, printJson, table } from './output.js';

export async function datasetsCommand(store: Store, flags: { format?: string }): Promise<void> {
  const rows = await store.datasets();
  if (flags.format === 'json') {
    printJson(rows.map(({ name, version, records, entities, loaded_at }) => ({ name, version, records, entities, loaded_at })));
    return;
  }
  if (rows.length === 0) {
    process.stdout.write('No datasets loaded. Load one with: sanctrace ingest <format> <path> --dataset <name>\n');
    return;
  }
  process.stdout.write(
    table(
      rows.map((r) => ({
        ...r,
        kind: r.kind ?? 'entities',
        records: formatNumber(r.records),
        entities: r.kind === 'trade' ? '' : formatNumber(r.entities),
        rows: r.rows === undefined ? '' : formatNumber(r.rows),
      })),
      ['name', 'kind', 'format', 'version', 'versions', 'records', 'entities', 'rows', 'loaded_at'],
    ) + '\n',
  );
}
