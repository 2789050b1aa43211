import { DuckDbStore } from './duckdb/duckdb-store.js';
import type { Store } from './store.js';

/** Opens the embedded store file (created and migrated on first use). */
export async function openStore(db: string): Promise<Store> {
  return DuckDbStore.open(db);
}
