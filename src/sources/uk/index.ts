import path from 'node:path';
import { SourceError } from '../errors.js';
import { ByteProgress, expandInputsOfType } from '../files.js';
import type { ReadContext, SourceReader, SourceRecord } from '../types.js';
import { checkConList, OFSI, readConList } from './conlist.js';
import { FCDO, readNormalised, tableOf, TABLES, type NormalisedSet } from './normalised.js';

/*
 * Two layouts of the UK lists: the normalised relational copy of the FCDO UK Sanctions List
 * (subjects.csv and its side tables, see normalised.ts) and the legacy OFSI Consolidated List
 * ConList.csv (see conlist.ts). Files named as the tables are the first, any other CSV the second.
 */

/** Sorts the inputs into sets of normalised tables (by folder) and ConList-style files. */
function classify(files: string[]): { sets: NormalisedSet[]; others: string[] } {
  const sets = new Map<string, NormalisedSet>();
  const others: string[] = [];
  for (const file of files) {
    const table = tableOf(file);
    if (!table) {
      others.push(file);
      continue;
    }
    const folder = path.dirname(file);
    let set = sets.get(folder);
    if (!set) sets.set(folder, (set = { folder, files: {} }));
    if (set.files[table]) throw new SourceError(file, undefined, `two copies of ${TABLES[table].file} in one folder (also ${path.basename(set.files[table]!)})`);
    set.files[table] = file;
  }
  return { sets: [...sets.values()], others };
}

export const ukCsvReader: SourceReader = {
  format: 'uk-csv',
  title: 'UK Sanctions List (normalised CSV tables) and OFSI Consolidated List CSV',
  publisher: `${FCDO}; ${OFSI}`,
  async *read(inputs: string[], ctx: ReadContext): AsyncIterable<SourceRecord> {
    const files = await expandInputsOfType(inputs, 'csv');
    const { sets, others } = classify(files);
    for (const file of others) await checkConList(file);
    const progress = await ByteProgress.of(files, ctx);
    for (const set of sets) yield* readNormalised(set, ctx, progress);
    for (const file of others) yield* readConList(file, ctx, progress);
  },
};
