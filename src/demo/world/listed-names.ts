/**
 * Keeps invented names off the sanctions lists: the names of every party on the bundled lists
 * (data/lists, read with the list readers) reduced to a comparison key — the name's words in their
 * canonical Latin form, legal forms left out, in any order — so that "ТОО «Альфа Трейд»" and
 * "ALFA TRADE LLP", or "Петров Иван Сергеевич" and "PETROV, Ivan Sergeyevich", count as the same
 * name. The generator draws again when a name it made has the key of a listed name.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_LISTS, bundledIngest } from '../../ingest/bundled.js';
import { expandInputs } from '../../sources/files.js';
import { analyseName } from '../../names/index.js';
import { readerFor } from '../../sources/registry.js';
import { ReadReport } from '../../sources/report.js';

export interface NameGuard {
  /** false when the name has the key of a name on the lists */
  allowed(name: string, schema: 'Company' | 'Person'): boolean;
}

/** Lets every name through (for callers that check otherwise). */
export const OPEN_GUARD: NameGuard = { allowed: () => true };

const NAME_PROPS = ['name', 'alias', 'weakAlias', 'previousName'] as const;

/** The comparison key of a name: its words' canonical keys, sorted; empty when nothing specific is left. */
export function nameKey(name: string, schema?: string): string {
  const analysed = analyseName(name, schema);
  return analysed.tokens.map((t) => t.key).filter((k) => k.length > 0).sort().join(' ');
}

/** Every name and alias of every party on the bundled lists, as `schema \u0000 name`. */
export async function listedNames(): Promise<Set<string>> {
  const names = new Set<string>();
  for (const list of BUNDLED_LISTS) {
    const spec = bundledIngest(list);
    const reader = readerFor(spec.format);
    for await (const record of reader.read(spec.inputs, { dataset: spec.dataset, report: new ReadReport() })) {
      for (const entity of record.entities) {
        for (const prop of NAME_PROPS) for (const value of entity.properties[prop] ?? []) names.add(`${entity.schema}\u0000${value}`);
      }
    }
  }
  return names;
}

async function computeKeys(): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const entry of await listedNames()) {
    const [schema, name] = entry.split('\u0000') as [string, string];
    const k = nameKey(name, schema);
    if (k) keys.add(k);
  }
  return keys;
}

/**
 * A fingerprint of what the keys depend on: the bytes of the bundled list files and of the code
 * that reads names (the name layer and this module), so a cached key set is never stale.
 */
async function fingerprint(): Promise<string> {
  const hash = createHash('sha1');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const namesDir = path.join(here, '..', '..', 'names');
  const code = (await readdir(namesDir)).filter((f) => /\.(js|ts)$/.test(f)).sort().map((f) => path.join(namesDir, f));
  const self = fileURLToPath(import.meta.url);
  const lists = await expandInputs(BUNDLED_LISTS.flatMap((l) => bundledIngest(l).inputs));
  for (const f of [...code, self, ...lists.sort()]) hash.update(path.basename(f)).update(await readFile(f));
  return hash.digest('hex').slice(0, 20);
}

let cached: Promise<Set<string>> | undefined;

/**
 * Keys of the listed names: computed from the bundled lists once, then kept in the system's
 * temporary folder under a fingerprint of the lists and the name code (reading every list takes
 * seconds; the cache makes later builds start at once). Read once per process.
 */
export function listedNameKeys(): Promise<Set<string>> {
  cached ??= (async () => {
    const file = path.join(tmpdir(), `sanctrace-listed-name-keys-${await fingerprint()}.txt`);
    if (existsSync(file)) return new Set((await readFile(file, 'utf8')).split('\n').filter((k) => k.length > 0));
    const keys = await computeKeys();
    const partial = `${file}.${process.pid}.tmp`;
    try {
      await writeFile(partial, [...keys].sort().join('\n') + '\n');
      await rename(partial, file);
    } catch {
      // an unwritable temporary folder only costs the next build the same seconds
    }
    return keys;
  })();
  return cached;
}

/** A guard against the bundled lists; `exempt` names (the planted listed parties) pass. */
export async function listedNameGuard(exempt: readonly string[] = []): Promise<NameGuard & { keys: Set<string> }> {
  const keys = await listedNameKeys();
  const free = new Set(exempt.map((n) => nameKey(n)));
  return {
    keys,
    allowed(name, schema) {
      const k = nameKey(name, schema);
      return !k || free.has(k) || !keys.has(k);
    },
  };
}
