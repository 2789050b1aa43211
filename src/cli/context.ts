import { resolveConfig } from '../config.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';

export interface GlobalFlags {
  db?: string;
}

/** Opens the store named by --db / SANCTRACE_DB / the default, runs `fn`, and always closes it. */
export async function withStore<T>(flags: GlobalFlags, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(resolveConfig(flags).db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
