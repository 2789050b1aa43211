/**
 * The matcher of cross-referencing worker threads: built from a snapshot of the listed entities
 * (JSON lines written by crossref.ts), so that the workers never open the store file the main
 * thread holds open. Loaded by the bulk screening pool as a factory module.
 */
import { readFileSync } from 'node:fs';
import { ScreeningEngine } from '../screening/engine.js';
import { ScreeningIndex } from '../screening/index.js';
import type { StoredEntity } from '../store/store.js';

/** Snapshot file layout: the first line holds the dataset versions, each further line one entity. */
export async function createMatcher(snapshot: string): Promise<ScreeningEngine> {
  const lines = readFileSync(snapshot, 'utf8').split('\n');
  const index = new ScreeningIndex();
  const versions = JSON.parse(lines[0] || '{}') as Record<string, string>;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line) index.upsert(JSON.parse(line) as StoredEntity);
  }
  Object.assign(index.versions, versions);
  return new ScreeningEngine(index);
}
