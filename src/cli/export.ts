import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Store } from '../store/store.js';
import { UsageError } from '../sources/errors.js';
import { toFtmJson } from '../model/extensions.js';

/**
 * Streams current entities as FtM JSON lines (loadable back with `ingest ftm`); sanctrace's
 * extension properties travel in a top-level `extensions` object so the lines stay valid FtM.
 */
export async function exportCommand(store: Store, flags: { format: string; dataset?: string[]; output?: string }): Promise<void> {
  if (flags.format !== 'ftm') throw new UsageError(`unknown export format "${flags.format}"; known: ftm`);
  const known = new Set((await store.datasets()).map((d) => d.name));
  for (const d of flags.dataset ?? []) if (!known.has(d)) throw new UsageError(`no dataset named "${d}"`);
  const out = flags.output ? createWriteStream(flags.output) : process.stdout;
  for await (const entity of store.entities({ datasets: flags.dataset })) {
    if (!out.write(JSON.stringify(toFtmJson(entity)) + '\n')) await once(out, 'drain');
  }
  if (flags.output) {
    out.end();
    await once(out, 'finish');
  }
}
