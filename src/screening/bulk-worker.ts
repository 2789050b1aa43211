/**
 * A bulk screening worker thread: builds its own Matcher with the factory module it is given,
 * then screens batches of queries sent by the main thread (see bulk-pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toBulkResult } from './bulk-format.js';
import type { WorkerData, WorkerReply, WorkerRequest } from './bulk-pool.js';
import type { Matcher } from './types.js';

async function main(): Promise<void> {
  const port = parentPort!;
  const data = workerData as WorkerData;
  let matcher: Matcher;
  try {
    const mod = (await import(data.factoryModule)) as { createMatcher?: unknown; default?: unknown };
    const factory = mod.createMatcher ?? mod.default;
    if (typeof factory !== 'function') throw new Error(`${data.factoryModule} does not export a createMatcher function`);
    matcher = await (factory as (db: string, datasets?: string[]) => Promise<Matcher>)(data.dbPath, data.datasets);
  } catch (e) {
    port.postMessage({ type: 'failed', message: (e as Error).message ?? String(e) } satisfies WorkerReply);
    return;
  }
  const { name, version, description, threshold } = matcher.algorithm;
  port.postMessage({
    type: 'ready',
    algorithm: { name, version, description, threshold },
    datasetVersions: { ...matcher.datasetVersions() },
  } satisfies WorkerReply);
  port.on('message', (msg: WorkerRequest) => {
    if (msg.type !== 'batch') return;
    const outcomes = msg.tasks.map((task) => {
      try {
        return { results: matcher.match(task.query, task.options).map(toBulkResult) };
      } catch (e) {
        return { error: `screening failed: ${(e as Error).message ?? String(e)}` };
      }
    });
    port.postMessage({ type: 'done', id: msg.id, outcomes } satisfies WorkerReply);
  });
}

void main();
