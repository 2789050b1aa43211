import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { toBulkResult, type BulkResult } from './bulk-format.js';
import type { Algorithm, Matcher, MatchOptions, ScreeningQuery } from './types.js';

/** One query to screen, with its options. */
export interface BulkTask {
  query: ScreeningQuery;
  options: MatchOptions;
}

export type TaskOutcome = { results: BulkResult[] } | { error: string };

/** Runs screening tasks: in this thread (the server's matcher) or on a pool of worker threads. */
export interface MatchExecutor {
  readonly algorithm: Algorithm;
  datasetVersions(): Record<string, string>;
  /** how many batches it usefully runs at once */
  readonly parallelism: number;
  run(tasks: BulkTask[]): Promise<TaskOutcome[]>;
  close(): Promise<void>;
}

/** Screens in the calling thread with a matcher that is already built (POST /screen). */
export class InlineExecutor implements MatchExecutor {
  readonly parallelism = 1;
  constructor(private readonly matcher: Matcher) {}

  get algorithm(): Algorithm {
    return this.matcher.algorithm;
  }

  datasetVersions(): Record<string, string> {
    return this.matcher.datasetVersions();
  }

  async run(tasks: BulkTask[]): Promise<TaskOutcome[]> {
    // Yield between batches so a server stays responsive during a large upload.
    await new Promise((resolve) => setImmediate(resolve));
    return tasks.map((t) => {
      try {
        return { results: this.matcher.match(t.query, t.options).map(toBulkResult) };
      } catch (e) {
        return { error: `screening failed: ${(e as Error).message}` };
      }
    });
  }

  async close(): Promise<void> {}
}

// --- worker threads -----------------------------------------------------------------------

export interface WorkerData {
  /** file URL of the module exporting createMatcher(dbPath, datasets?) */
  factoryModule: string;
  dbPath: string;
  datasets?: string[];
}

export type WorkerRequest = { type: 'batch'; id: number; tasks: BulkTask[] };

export type WorkerReply =
  | { type: 'ready'; algorithm: Algorithm; datasetVersions: Record<string, string> }
  | { type: 'failed'; message: string }
  | { type: 'done'; id: number; outcomes: TaskOutcome[] };

/** The matcher could not be built (missing factory module, failing factory). */
export class MatcherLoadError extends Error {
  override name = 'MatcherLoadError';
}

/**
 * Loader hooks for running the TypeScript sources in a worker (tests and `tsc`-less development
 * only; a build runs the compiled .js): `.js` imports fall back to `.ts`, which TypeScript's
 * transpileModule turns into JavaScript.
 */
function tsHooks(typescriptPath: string): string {
  return `
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import path from 'node:path';
const ts = createRequire(${JSON.stringify(typescriptPath)})(${JSON.stringify(typescriptPath)});
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    if (specifier.endsWith('.js') && (specifier.startsWith('.') || specifier.startsWith('file:'))) {
      return next(specifier.slice(0, -3) + '.ts', context);
    }
    throw e;
  }
}
export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const file = fileURLToPath(url);
  const out = ts.transpileModule(await readFile(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false },
  });
  return { format: 'module', source: out.outputText, shortCircuit: true };
}`;
}

/** The worker entry: compiled JavaScript next to this module, else its TypeScript source. */
function workerEntry(): { url: URL; typescript: boolean } {
  const js = new URL('./bulk-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return { url: js, typescript: false };
  const ts = new URL('./bulk-worker.ts', import.meta.url);
  if (existsSync(fileURLToPath(ts))) return { url: ts, typescript: true };
  throw new MatcherLoadError(`the bulk screening worker is missing next to ${fileURLToPath(import.meta.url)}`);
}

function spawn(data: WorkerData): Worker {
  const entry = workerEntry();
  if (!entry.typescript) return new Worker(entry.url, { workerData: data });
  const typescriptPath = createRequire(import.meta.url).resolve('typescript');
  const hooks = 'data:text/javascript,' + encodeURIComponent(tsHooks(typescriptPath));
  const bootstrap = `
(async () => {
  const { register } = await import('node:module');
  register(${JSON.stringify(hooks)});
  await import(${JSON.stringify(entry.url.href)});
})().catch((e) => { throw e; });`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

interface Pending {
  resolve: (outcomes: TaskOutcome[]) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
  pending: Map<number, Pending>;
  dead?: Error;
}

/**
 * Worker threads, each with its own Matcher built by `createMatcher(dbPath, datasets)` from the
 * factory module. Batches go to the least busy worker; a worker that dies fails its batches.
 */
export class WorkerPool implements MatchExecutor {
  private nextId = 1;
  private constructor(
    private readonly slots: Slot[],
    readonly algorithm: Algorithm,
    private readonly versions: Record<string, string>,
  ) {}

  get parallelism(): number {
    return this.slots.length;
  }

  datasetVersions(): Record<string, string> {
    return this.versions;
  }

  static async start(opts: { factoryModule: string | URL; dbPath: string; datasets?: string[]; workers: number }): Promise<WorkerPool> {
    const factoryModule = opts.factoryModule instanceof URL ? opts.factoryModule.href : opts.factoryModule;
    const data: WorkerData = { factoryModule, dbPath: opts.dbPath, datasets: opts.datasets };
    const n = Math.max(1, Math.floor(opts.workers));
    const started: Slot[] = [];
    const ready: Array<Promise<Extract<WorkerReply, { type: 'ready' }>>> = [];
    for (let i = 0; i < n; i++) {
      const worker = spawn(data);
      const slot: Slot = { worker, busy: 0, pending: new Map() };
      started.push(slot);
      ready.push(
        new Promise((resolve, reject) => {
          const fail = (e: Error) => {
            slot.dead = e;
            reject(e);
            for (const p of slot.pending.values()) p.reject(e);
            slot.pending.clear();
          };
          let isReady = false;
          worker.on('message', (msg: WorkerReply) => {
            if (msg.type === 'ready') {
              isReady = true;
              resolve(msg);
            }
            else if (msg.type === 'failed') fail(new MatcherLoadError(`cannot build the matcher: ${msg.message}`));
            else if (msg.type === 'done') {
              const p = slot.pending.get(msg.id);
              slot.pending.delete(msg.id);
              slot.busy--;
              p?.resolve(msg.outcomes);
            }
          });
          worker.on('error', (e) =>
            fail(isReady ? new Error(`a screening worker failed: ${e.message}`) : new MatcherLoadError(`cannot start a screening worker: ${e.message}`)),
          );
          worker.on('exit', (code) => {
            if (slot.pending.size || !slot.dead) fail(slot.dead ?? new Error(`a screening worker stopped (exit code ${code})`));
          });
        }),
      );
    }
    let replies: Array<Extract<WorkerReply, { type: 'ready' }>>;
    try {
      replies = await Promise.all(ready);
    } catch (e) {
      await Promise.all(started.map((s) => s.worker.terminate()));
      throw e;
    }
    return new WorkerPool(started, replies[0]!.algorithm, replies[0]!.datasetVersions);
  }

  run(tasks: BulkTask[]): Promise<TaskOutcome[]> {
    const alive = this.slots.filter((s) => !s.dead);
    if (alive.length === 0) return Promise.reject(this.slots[0]?.dead ?? new Error('no screening worker is running'));
    const slot = alive.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ type: 'batch', id, tasks } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    for (const s of this.slots) s.dead ??= new Error('the worker pool is closed');
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/** A module path or URL given by a user → file URL (relative paths against the working folder). */
export function moduleUrl(module: string | URL): URL {
  if (module instanceof URL) return module;
  if (/^file:/.test(module)) return new URL(module);
  return pathToFileURL(path.resolve(module));
}
