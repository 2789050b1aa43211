import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Store } from '../store/store.js';
import { UsageError } from '../sources/errors.js';

/** Streams current entities as FtM JSON lines (loadable back with `ingest ftm`). */
export async function exportCommand(store: Store, flags: { format: string; dataset?: string[]; output?: string }): Promise<void> {
  if (flags.format !== 'ftm') throw new UsageError(`unknown export format "${flags.format}"; known: ftm`);
  const known = new Set((await store.datasets()).map((d) => d.name));
  for (const d of flags.dataset ?? []) if (!known.has(d)) throw new UsageError(`no dataset named "${d}"`);
  const out = flags.output ? createWriteStream(flags.output) : process.stdout;
  for await (const entity of store.entities({ datasets: flags.dataset })) {
    if (!out.write(JSON.stringify(entity) + '\n')) await once(out, 'drain');
  }
  if (flags.output) {
    out.end();
    await once(out, 'finish');
  }
}
