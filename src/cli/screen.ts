import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import cliProgress from 'cli-progress';
import { resolveAudit } from '../config.js';
import { InputHeaderError, resolveMatcherModule, screenBulk, WorkerPool, type BulkSummary } from '../screening/bulk.js';
import { SourceError, UsageError } from '../sources/errors.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';

export interface ScreenFlags {
  input: string;
  dataset?: string[];
  threshold?: string;
  limit: string;
  format: string;
  output?: string;
  workers?: string;
  matcher?: string;
  audit?: boolean;
}

function number(text: string | undefined, what: string, min: number, max: number, integer: boolean): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${what} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not "${text}"`);
  }
  return n;
}

/** Rows done on a bar over the bytes of the input; on a terminal only. */
function rowsBar(totalBytes: number, stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY || process.env['CI']) return { update(_rows: number, _bytes: number) {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: 'screening              [{bar}] {percentage}% | {rows} rows | {duration_formatted}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(1, totalBytes), 0, { rows: 0 });
  return {
    update(rows: number, bytes: number) {
      bar.update(Math.min(bytes, totalBytes), { rows: rows.toLocaleString('en-US') });
    },
    stop() {
      bar.stop();
    },
  };
}

async function checkDatasets(store: Store, wanted: string[] | undefined): Promise<void> {
  const known = (await store.datasets()).map((d) => d.name);
  if (known.length === 0) throw new UsageError('the store has no datasets to screen against; load lists first with: sanctrace ingest <format> <path> --dataset <name>');
  for (const d of wanted ?? []) {
    if (!known.includes(d)) throw new UsageError(`no dataset named "${d}"; loaded: ${known.join(', ')}`);
  }
}

/**
 * `sanctrace screen`: bulk screening of a CSV file on all cores, output in input order. Each
 * worker thread builds its own matcher with the engine's createMatcher(dbPath, datasets).
 */
export async function screenCommand(db: string, flags: ScreenFlags): Promise<BulkSummary> {
  if (!['jsonl', 'csv'].includes(flags.format)) throw new UsageError(`unknown format "${flags.format}"; known: jsonl, csv`);
  const threshold = number(flags.threshold, '--threshold', 0, 1, false);
  const limit = number(flags.limit, '--limit', 1, 500, true)!;
  const workers = number(flags.workers, '--workers', 1, 256, true) ?? Math.max(1, availableParallelism());
  const input = path.resolve(flags.input);
  if (!existsSync(input) || !statSync(input).isFile()) throw new SourceError(input, undefined, 'no such file');
  const log = resolveAudit(flags.audit === false ? false : undefined);
  const module = resolveMatcherModule(flags.matcher);

  // The store is closed while the workers build their matchers from the same file.
  const first = await openStore(db);
  try {
    await checkDatasets(first, flags.dataset);
  } finally {
    await first.close();
  }
  const pool = await WorkerPool.start({ factoryModule: module, dbPath: db, datasets: flags.dataset, workers });
  let store: Store | undefined;
  const out = flags.output ? createWriteStream(flags.output) : process.stdout;
  const bar = rowsBar(statSync(input).size);
  let bytes = 0;
  try {
    store = await openStore(db);
    // Counts the bytes the parser has pulled, for the progress bar (a 'data' listener would
    // start the flow before the parser is attached).
    const source = createReadStream(input).pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done(null, chunk);
        },
      }),
    );
    const name = path.relative(process.cwd(), input) || input;
    const summary = await screenBulk({
      input: source,
      output: out,
      format: flags.format as 'jsonl' | 'csv',
      executor: pool,
      limit,
      threshold,
      datasets: flags.dataset,
      store,
      log,
      source: 'bulk',
      onHeader: (h) => {
        if (h.ignored.length) process.stderr.write(`sanctrace: ${name}: ignoring column${h.ignored.length > 1 ? 's' : ''} ${h.ignored.map((c) => `"${c}"`).join(', ')}\n`);
      },
      onRowError: (e) => process.stderr.write(`sanctrace: ${name}:${e.line}: ${e.message}${e.id ? ` (id ${e.id})` : ''}\n`),
      onProgress: (rows) => bar.update(rows, bytes),
    }).catch((e) => {
      if (e instanceof InputHeaderError) throw new SourceError(input, '1', e.message);
      throw e;
    });
    bar.stop();
    const versions = Object.entries(summary.datasetVersions).map(([d, v]) => `${d} ${v}`).join(', ');
    process.stderr.write(
      `sanctrace: screened ${summary.screened.toLocaleString('en-US')} of ${summary.rows.toLocaleString('en-US')} rows ` +
        `(${summary.errors.toLocaleString('en-US')} not screenable, ${summary.withMatches.toLocaleString('en-US')} with matches, ` +
        `${summary.suppressed.toLocaleString('en-US')} results suppressed) with ${summary.algorithm.name} ${summary.algorithm.version} ` +
        `against ${versions}; ${log ? `${summary.logged.toLocaleString('en-US')} audit log entries` : 'audit log off'}\n`,
    );
    return summary;
  } finally {
    bar.stop();
    await pool.close();
    await store?.close();
    if (flags.output) {
      out.end();
      await once(out, 'finish');
    }
  }
}
