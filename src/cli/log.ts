import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { UsageError } from '../sources/errors.js';
import type { Decision, Store } from '../store/store.js';
import { csvRow } from '../screening/bulk-format.js';

const PAGE = 1000;

async function writeTo(output: string | undefined, fn: (write: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
  const out = output ? createWriteStream(output) : process.stdout;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await fn(write);
  if (output) {
    out.end();
    await once(out, 'finish');
  }
}

/** `sanctrace log`: the screening audit log, oldest first, as JSON lines. */
export async function logCommand(store: Store, flags: { format: string; since?: string; limit?: string; output?: string }): Promise<void> {
  if (!['jsonl', 'json'].includes(flags.format)) throw new UsageError(`unknown format "${flags.format}"; known: jsonl, json`);
  const limit = flags.limit === undefined ? Infinity : Number(flags.limit);
  if (!(limit >= 0)) throw new UsageError(`--limit must be a number, not "${flags.limit}"`);
  await writeTo(flags.output, async (write) => {
    let afterId = 0;
    let n = 0;
    if (flags.format === 'json') await write('[');
    while (n < limit) {
      const page = await store.screeningLog({ since: flags.since, afterId, limit: Math.min(PAGE, limit - n) });
      if (page.length === 0) break;
      let text = '';
      for (const e of page) {
        text += flags.format === 'json' ? `${n ? ',' : ''}\n${JSON.stringify(e)}` : `${JSON.stringify(e)}\n`;
        n++;
      }
      await write(text);
      afterId = page.at(-1)!.id;
    }
    if (flags.format === 'json') await write(n ? '\n]\n' : ']\n');
  });
}

export const DECISION_COLUMNS: Array<keyof Decision> = [
  'id', 'at', 'query_fingerprint', 'query_key', 'log_id', 'entity_id', 'entity_hash', 'decision', 'reviewer', 'note',
];

/** `sanctrace decisions`: every reviewer decision, oldest first, as JSON lines or CSV. */
export async function decisionsCommand(
  store: Store,
  flags: { format: string; entity?: string; query?: string; output?: string },
): Promise<void> {
  if (!['jsonl', 'csv', 'json'].includes(flags.format)) throw new UsageError(`unknown format "${flags.format}"; known: jsonl, csv, json`);
  await writeTo(flags.output, async (write) => {
    let afterId = 0;
    let n = 0;
    if (flags.format === 'csv') await write(csvRow(DECISION_COLUMNS));
    if (flags.format === 'json') await write('[');
    for (;;) {
      const page = await store.decisions({ entityId: flags.entity, queryFingerprint: flags.query, afterId, limit: PAGE });
      if (page.length === 0) break;
      let text = '';
      for (const d of page) {
        if (flags.format === 'csv') text += csvRow(DECISION_COLUMNS.map((c) => (d[c] === null ? '' : String(d[c]))));
        else if (flags.format === 'json') text += `${n ? ',' : ''}\n${JSON.stringify(d)}`;
        else text += JSON.stringify(d) + '\n';
        n++;
      }
      await write(text);
      afterId = page.at(-1)!.id;
    }
    if (flags.format === 'json') await write(n ? '\n]\n' : ']\n');
  });
}
