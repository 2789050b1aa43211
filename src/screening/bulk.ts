import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import { parse } from 'csv-parse';
import { configHash, DecisionBook, queryFingerprint } from '../store/audit.js';
import type { Decision, LoggedResult, NewScreeningLogEntry, ScreeningSource, Store } from '../store/store.js';
import { CSV_COLUMNS, csvLines, csvRow, type BulkLine, type BulkResult } from './bulk-format.js';
import { checkHeader, InputHeaderError, rowToQuery, tidy, type Column, type Header, type InputRow } from './bulk-input.js';
import { MatcherLoadError, moduleUrl, type BulkTask, type MatchExecutor, type TaskOutcome } from './bulk-pool.js';
import type { Matcher, MatchOptions, ScreeningQuery } from './types.js';

export { InputHeaderError } from './bulk-input.js';
export { InlineExecutor, MatcherLoadError, WorkerPool, type MatchExecutor } from './bulk-pool.js';

/**
 * Builds a Matcher over the store file (optionally only some datasets). Bulk screening imports
 * the module that exports it in every worker thread: the real one is `createMatcher` of
 * src/screening/engine.ts.
 */
export type MatcherFactory = (dbPath: string, datasets?: string[]) => Promise<Matcher>;

/** The screening engine's module (compiled .js in a build, the .ts source in development). */
export function defaultMatcherModule(): URL {
  const js = new URL('./engine.js', import.meta.url);
  const ts = new URL('./engine.ts', import.meta.url);
  return !existsSync(fileURLToPath(js)) && existsSync(fileURLToPath(ts)) ? ts : js;
}

/** The factory module as a file URL, after checking it exists; a clear error otherwise. */
export function resolveMatcherModule(module?: string | URL): URL {
  const url = module === undefined ? defaultMatcherModule() : moduleUrl(module);
  if (!existsSync(fileURLToPath(url))) {
    throw new MatcherLoadError(
      module === undefined
        ? `the screening engine is not available in this build (${fileURLToPath(url)} is missing; it must export createMatcher(dbPath, datasets?))`
        : `no matcher module at ${fileURLToPath(url)}`,
    );
  }
  return url;
}

/** Imports a factory module in this thread (the server builds its one matcher this way). */
export async function loadMatcherFactory(module?: string | URL): Promise<MatcherFactory> {
  const url = resolveMatcherModule(module);
  let mod: { createMatcher?: unknown; default?: unknown };
  try {
    mod = (await import(url.href)) as typeof mod;
  } catch (e) {
    throw new MatcherLoadError(`cannot load the matcher module ${fileURLToPath(url)}: ${(e as Error).message}`);
  }
  const factory = mod.createMatcher ?? mod.default;
  if (typeof factory !== 'function') throw new MatcherLoadError(`${fileURLToPath(url)} does not export a createMatcher function`);
  return factory as MatcherFactory;
}

/** More rows than the caller allows (the API's upload limit). */
export class BulkLimitError extends Error {
  override name = 'BulkLimitError';
}

export type BulkFormat = 'jsonl' | 'csv' | 'json';

export interface RowError {
  line: number;
  id: string | null;
  message: string;
}

export interface BulkOptions {
  /** CSV text with a header row */
  input: Readable;
  output: Writable;
  format: BulkFormat;
  executor: MatchExecutor;
  limit: number;
  /** default: the algorithm's */
  threshold?: number;
  datasets?: string[];
  /** the store for the audit log and reviewer decisions; without it, neither applies */
  store?: Store;
  /** write every screening to the audit log (needs `store`) */
  log?: boolean;
  source?: ScreeningSource;
  /** decisions in force (default: all of the store's, read once) */
  decisions?: DecisionBook;
  /** input rows per batch sent to a worker */
  batchSize?: number;
  /** refuse inputs with more data rows (BulkLimitError) */
  maxRows?: number;
  onHeader?(header: Header): void;
  onRowError?(error: RowError): void;
  /** rows written so far */
  onProgress?(rows: number): void;
}

export interface BulkSummary {
  /** data rows read (header excluded) */
  rows: number;
  screened: number;
  errors: number;
  /** rows with at least one result at or above the threshold */
  withMatches: number;
  /** results left out by false-positive decisions */
  suppressed: number;
  /** audit log entries written */
  logged: number;
  algorithm: { name: string; version: string };
  datasetVersions: Record<string, string>;
}

interface Slot {
  seq: number;
  line: number;
  id: string | null;
  name: string;
  query?: ScreeningQuery;
  fingerprint?: string;
  decisions?: Map<string, Decision>;
  options?: MatchOptions;
  outcome?: TaskOutcome;
  error?: string;
  ready: boolean;
}

const PARSE_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'the input ends inside a quoted field (a quote is not closed)',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field',
  CSV_INVALID_CLOSING_QUOTE: 'text after a closing quote',
};

interface CsvRecord {
  record: string[];
  raw: string;
}

/**
 * The CSV records of a stream, in order, with backpressure; a parse error is thrown after every
 * record parsed before it (a stream's own async iterator would drop those).
 */
async function* csvRecords(input: Readable): AsyncGenerator<CsvRecord> {
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, raw: true });
  const queue: CsvRecord[] = [];
  let head = 0;
  let error: Error | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  parser.on('data', (r: CsvRecord) => {
    queue.push(r);
    if (queue.length - head >= 1024) parser.pause();
    signal();
  });
  parser.on('error', (e) => {
    error ??= e;
    signal();
  });
  parser.on('end', () => {
    ended = true;
    signal();
  });
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  try {
    for (;;) {
      if (head < queue.length) {
        const r = queue[head]!;
        queue[head++] = undefined as unknown as CsvRecord;
        if (head === queue.length) {
          queue.length = 0;
          head = 0;
        }
        if (parser.isPaused() && queue.length - head < 256) parser.resume();
        yield r;
        continue;
      }
      if (error) throw error;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    input.unpipe(parser);
    parser.destroy();
    if (!ended) input.destroy(); // stopped early: release the file
  }
}

/**
 * Screens a CSV input (`id,name[,schema,country,birth_date,identifier]`) and writes one output
 * line per input row, in input order, whatever order the workers finish in. Rows that cannot
 * be screened get an `{id, line, error}` line and an `onRowError` call; screening goes on. The
 * input is streamed: memory holds only the batches in flight.
 */
export async function screenBulk(opts: BulkOptions): Promise<BulkSummary> {
  const { executor, output, format } = opts;
  const limit = opts.limit;
  const batchSize = opts.batchSize ?? 64;
  const threshold = opts.threshold ?? executor.algorithm.threshold;
  const datasets = opts.datasets?.length ? [...opts.datasets] : undefined;
  const baseOptions: MatchOptions = { limit, threshold, ...(datasets ? { datasets } : {}) };
  const algorithm = { name: executor.algorithm.name, version: executor.algorithm.version };
  const datasetVersions = executor.datasetVersions();
  const config = configHash(algorithm, { threshold, limit, datasets: datasets ?? null });
  const store = opts.store;
  const book = opts.decisions ?? (store ? await DecisionBook.preload(store) : undefined);
  const log = Boolean(store && opts.log);
  const source = opts.source ?? 'bulk';

  const summary: BulkSummary = {
    rows: 0, screened: 0, errors: 0, withMatches: 0, suppressed: 0, logged: 0, algorithm, datasetVersions,
  };

  // --- output, in input order -----------------------------------------------------------------
  let started = false;
  let first = true;
  const write = async (text: string) => {
    if (!output.write(text)) await once(output, 'drain');
  };
  const start = async () => {
    if (started) return;
    started = true;
    if (format === 'csv') await write(csvRow([...CSV_COLUMNS]));
    if (format === 'json') await write('[');
  };

  const window = new Map<number, Slot>();
  let nextToWrite = 0;
  let written = 0;
  let failure: unknown;
  let flushing: Promise<void> = Promise.resolve();

  const finalize = async (group: Slot[]): Promise<BulkLine[]> => {
    const lines: BulkLine[] = [];
    const logged: Array<{ line: Extract<BulkLine, { results: unknown }>; entry: NewScreeningLogEntry }> = [];
    for (const slot of group) {
      const outcome = slot.outcome;
      const error = slot.error ?? (outcome && 'error' in outcome ? outcome.error : undefined);
      if (error !== undefined || !outcome || 'error' in outcome) {
        if (slot.error === undefined) opts.onRowError?.({ line: slot.line, id: slot.id, message: error ?? 'not screened' });
        summary.errors++;
        lines.push({ id: slot.id, line: slot.line, error: error ?? 'not screened' });
        continue;
      }
      summary.screened++;
      const applied = book
        ? await book.apply(slot.decisions ?? new Map(), outcome.results, (r) => r.entity_id)
        : { kept: outcome.results.map((result) => ({ result, decision: undefined })), suppressed: [] };
      const results: BulkResult[] = applied.kept
        .slice(0, limit)
        .map(({ result, decision }) => (decision ? { ...result, decision } : result));
      const suppressed: BulkResult[] = applied.suppressed.map(({ result, decision }) => ({ ...result, decision }));
      summary.suppressed += suppressed.length;
      if (results.some((r) => r.match)) summary.withMatches++;
      const line: Extract<BulkLine, { results: unknown }> = { id: slot.id!, results };
      if (suppressed.length) line.suppressed = suppressed;
      lines.push(line);
      if (log) {
        const loggedResults: LoggedResult[] = [
          ...results.map((r) => ({ entity_id: r.entity_id, score: r.score, match: r.match })),
          ...suppressed.map((r) => ({ entity_id: r.entity_id, score: r.score, match: r.match, suppressed_by: r.decision!.id })),
        ];
        logged.push({
          line,
          entry: {
            source,
            query_key: slot.id,
            query_fingerprint: slot.fingerprint!,
            query: slot.query,
            dataset_versions: datasetVersions,
            algorithm,
            config_hash: config,
            results: loggedResults,
          },
        });
      }
    }
    if (logged.length) {
      const ids = await store!.appendScreeningLog(logged.map((l) => l.entry));
      logged.forEach((l, i) => (l.line.log_id = ids[i]!.id));
      summary.logged += ids.length;
    }
    return lines;
  };

  const flushReady = async () => {
    const group: Slot[] = [];
    for (let s = window.get(nextToWrite); s?.ready; s = window.get(nextToWrite)) {
      group.push(s);
      window.delete(nextToWrite++);
    }
    if (group.length === 0) return;
    const lines = await finalize(group);
    await start();
    let text = '';
    lines.forEach((line, i) => {
      if (format === 'csv') text += csvLines(line, group[i]!.name);
      else if (format === 'json') {
        text += (first ? '\n' : ',\n') + JSON.stringify(line);
        first = false;
      } else text += JSON.stringify(line) + '\n';
    });
    await write(text);
    written += group.length;
    opts.onProgress?.(written);
  };
  const scheduleFlush = () => {
    flushing = flushing.then(flushReady).catch((e) => {
      failure ??= e;
    });
  };

  // --- dispatch -----------------------------------------------------------------------------
  const inflight = new Set<Promise<void>>();
  const maxInflight = Math.max(2, executor.parallelism * 2);
  let batch: Slot[] = [];
  const dispatch = async () => {
    if (batch.length === 0) return;
    const slots = batch;
    batch = [];
    const tasks: BulkTask[] = slots.map((s) => ({ query: s.query!, options: s.options! }));
    const p: Promise<void> = executor
      .run(tasks)
      .then((outcomes) => {
        slots.forEach((s, i) => {
          s.outcome = outcomes[i] ?? { error: 'no answer from the screening worker' };
          s.ready = true;
        });
        scheduleFlush();
      })
      .catch((e) => {
        failure ??= e;
      })
      .finally(() => inflight.delete(p));
    inflight.add(p);
    await backpressure();
  };
  /**
   * Waits while too many batches are in flight, or too many rows wait to be written (the
   * output or the audit log is slower than screening): memory holds a bounded window.
   */
  const maxUnwritten = maxInflight * batchSize * 2;
  const backpressure = async () => {
    while (!failure) {
      if (inflight.size >= maxInflight) await Promise.race(inflight);
      else if (seq - nextToWrite <= maxUnwritten) return;
      else if (window.get(nextToWrite)?.ready) await flushing; // its flush is scheduled: wait for it
      else if (inflight.size) await Promise.race(inflight); // the next row to write is in flight
      else return;
    }
  };

  let seq = 0;
  const add = (slot: Omit<Slot, 'seq' | 'ready'>, ready: boolean): Slot => {
    const s: Slot = { ...slot, seq: seq++, ready };
    window.set(s.seq, s);
    return s;
  };
  const rowError = (line: number, id: string | null, name: string, message: string) => {
    add({ line, id, name, error: message }, true);
    opts.onRowError?.({ line, id, message });
    scheduleFlush();
  };

  // --- input ----------------------------------------------------------------------------------
  let header: Header | undefined;
  let line = 1;
  let start0 = 1;
  try {
    for await (const rec of csvRecords(opts.input)) {
      start0 = line;
      const raw = rec.raw;
      const body = raw.endsWith('\n') || raw.endsWith('\r') ? raw.length - 1 : raw.length;
      line++;
      for (let i = raw.indexOf('\n'); i >= 0 && i < body; i = raw.indexOf('\n', i + 1)) line++;
      const cells = rec.record;
      if (cells.length === 1 && cells[0]!.trim() === '') continue; // empty line
      if (!header) {
        header = checkHeader(cells);
        opts.onHeader?.(header);
        continue;
      }
      if (seq - nextToWrite > maxUnwritten) await backpressure();
      if (failure) throw failure;
      summary.rows++;
      if (opts.maxRows !== undefined && summary.rows > opts.maxRows) {
        throw new BulkLimitError(`the input has more than ${opts.maxRows.toLocaleString('en-US')} rows`);
      }
      const get = (c: Column) => {
        const i = header!.index[c];
        return i === undefined ? undefined : cells[i];
      };
      const id = tidy(get('id') ?? '') || null;
      const name = get('name') ?? '';
      if (cells.length !== header.width) {
        rowError(start0, id, name, `the row has ${cells.length} field${cells.length === 1 ? '' : 's'}; the header has ${header.width}`);
        continue;
      }
      if (!id) {
        rowError(start0, id, name, 'empty id');
        continue;
      }
      const row: InputRow = { id, name };
      for (const c of ['schema', 'country', 'birth_date', 'identifier'] as const) {
        const v = get(c);
        if (v !== undefined && v.trim() !== '') row[c] = v;
      }
      const built = rowToQuery(row);
      if ('error' in built) {
        rowError(start0, id, name, built.error);
        continue;
      }
      const fingerprint = queryFingerprint(built.query);
      const decisions = book ? await book.forQuery(fingerprint) : undefined;
      const extra = book && decisions ? book.falsePositiveCount(decisions) : 0;
      batch.push(
        add(
          { line: start0, id, name, query: built.query, fingerprint, decisions, options: { ...baseOptions, limit: limit + extra } },
          false,
        ),
      );
      if (batch.length >= batchSize) await dispatch();
    }
  } catch (e) {
    if (e instanceof InputHeaderError || e instanceof BulkLimitError || e === failure) {
      await Promise.allSettled(inflight);
      throw e;
    }
    const err = e as Error & { code?: string };
    if (!err.code?.startsWith('CSV_') && !PARSE_ERRORS[err.code ?? '']) {
      await Promise.allSettled(inflight);
      throw e;
    }
    if (!header) throw new InputHeaderError(`the header cannot be read: ${PARSE_ERRORS[err.code ?? ''] ?? err.message}`, []);
    // A broken CSV structure ends the reading: say where (the record after the last one read
    // starts at `line`), and that nothing after it was read.
    summary.rows++;
    rowError(line, null, '', `${PARSE_ERRORS[err.code ?? ''] ?? `malformed CSV: ${err.message}`}; the input could not be read from this line on`);
  }
  if (!header) throw new InputHeaderError('the input is empty: expected a header line id,name[,schema,country,birth_date,identifier]', ['id', 'name']);
  if (!failure) await dispatch();
  while (inflight.size) await Promise.race(inflight);
  scheduleFlush();
  await flushing;
  if (failure) throw failure;
  await start();
  if (format === 'json') await write(first ? ']\n' : '\n]\n');
  return summary;
}
