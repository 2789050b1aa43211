import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import type { DatasetSummary } from '../store/store.js';
import { NetworkGraph, type GraphSnapshot } from './graph.js';
import type { BuildReport, Network } from './network.js';
import { FlowTable, type FlowSnapshot } from './shipments.js';

/**
 * The built graph kept on disk between commands, so that `sanctrace trace` does not re-read the
 * whole store each time: a V8-serialised snapshot of the columns, valid for one set of dataset
 * versions (name, version and load time of each) and one build configuration. Any new load of any
 * dataset makes it stale; it is then rebuilt and rewritten. Same-as links are not kept.
 */
export const CACHE_FORMAT = 1;

interface CacheFile {
  format: number;
  key: string;
  graph: GraphSnapshot;
  flows: FlowSnapshot;
  report: BuildReport;
  versions: Record<string, string>;
}

/** The key of a store's current content: every dataset's name, version and load time, and the build options. */
export function cacheKey(datasets: DatasetSummary[], options: unknown): string {
  const content = datasets.map((d) => `${d.name}@${d.version}@${d.loaded_at}`).sort().join('\n');
  return createHash('sha256').update(content).update(JSON.stringify(options ?? {})).digest('hex');
}

/** Where the cache of a store file lives: the temporary folder, one file per store path. */
export function defaultCacheFile(dbPath: string): string | undefined {
  if (dbPath === ':memory:') return undefined;
  const name = createHash('sha1').update(path.resolve(dbPath)).digest('hex').slice(0, 16);
  return path.join(tmpdir(), 'sanctrace', `network-${name}.v8`);
}

export async function readCache(file: string, key: string): Promise<Network | undefined> {
  let data: CacheFile;
  try {
    data = v8.deserialize(await readFile(file)) as CacheFile;
  } catch {
    return undefined; // missing or unreadable: rebuilt
  }
  if (data?.format !== CACHE_FORMAT || data.key !== key) return undefined;
  return { graph: NetworkGraph.fromSnapshot(data.graph), flows: FlowTable.fromSnapshot(data.flows), sameAs: [], report: data.report, versions: data.versions };
}

/** Writes the cache (to a temporary name first, so readers never see half a file). */
export async function writeCache(file: string, key: string, net: Network): Promise<void> {
  const data: CacheFile = { format: CACHE_FORMAT, key, graph: net.graph.snapshot(), flows: net.flows.snapshot(), report: net.report, versions: net.versions };
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, v8.serialize(data));
  await rename(tmp, file);
}
