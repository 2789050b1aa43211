import { compactIdentifier } from '../model/identifiers.js';
import { caption } from '../model/entity.js';
import { isA, model, propertyType } from '../model/ftm.js';
import type { Token } from '../names/analyse.js';
import type { StoredEntity } from '../store/store.js';
import { namesOf, type EntityName } from './names-of.js';
import type { IndexedEntity } from './types.js';

/** Entities screening looks at: parties (people, companies, organisations…) and vessels, aircraft. */
export function isScreened(schema: string): boolean {
  try {
    return isA(schema, 'LegalEntity') || schema === 'Vessel' || schema === 'Airplane';
  } catch {
    return false;
  }
}

/** The FtM schemata isScreened admits, for filtering the store. */
export const SCREENED_SCHEMATA = model.getSchemata().map((s) => s.name).filter(isScreened);

export interface IndexedName {
  entity: number;
  name: EntityName;
}

/** Postings list: ids in insertion order. */
class Postings {
  private readonly map = new Map<string, number[]>();
  add(key: string, id: number): void {
    if (!key) return;
    const list = this.map.get(key);
    if (!list) this.map.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  }
  get(key: string): number[] | undefined {
    return this.map.get(key);
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  get size(): number {
    return this.map.size;
  }
}

function trigrams(key: string): string[] {
  const padded = `_${key}_`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

/**
 * The in-memory screening index: every name and alias of every screened entity, analysed once,
 * with postings from token keys, phonetic codes and consonant skeletons to names, a trigram index
 * over the token vocabulary for typos, and identifier postings to entities. Entities are replaced
 * or removed in place when a dataset changes (removed names become tombstones).
 */
export class ScreeningIndex {
  readonly entities: Array<IndexedEntity | undefined> = [];
  readonly entityNames: EntityName[][] = [];
  private readonly entityNameIds: number[][] = [];
  readonly names: IndexedName[] = [];
  private readonly alive: boolean[] = [];
  private readonly byId = new Map<string, number>();
  readonly tokenPostings = new Postings();
  readonly phoneticPostings = new Postings();
  readonly skeletonPostings = new Postings();
  readonly identifierPostings = new Postings();
  private readonly vocabulary = new Postings(); // trigram → token keys (as ids into vocabKeys)
  private readonly vocabKeys: string[] = [];
  private readonly vocabIds = new Map<string, number>();
  /** dataset → version the index holds */
  readonly versions: Record<string, string> = {};

  get size(): number {
    return this.byId.size;
  }

  get nameCount(): number {
    return this.names.length;
  }

  entityIndex(id: string): number | undefined {
    return this.byId.get(id);
  }

  getEntity(id: string): IndexedEntity | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.entities[i];
  }

  isAlive(nameId: number): boolean {
    return this.alive[nameId] === true;
  }

  /** Adds an entity, or replaces the one with the same id. */
  upsert(entity: StoredEntity): void {
    if (!isScreened(entity.schema)) return;
    this.remove(entity.id);
    const idx = this.entities.length;
    const indexed: IndexedEntity = {
      id: entity.id,
      schema: entity.schema,
      properties: entity.properties,
      caption: caption(entity),
      datasets: entity.datasets,
      first_seen: entity.first_seen,
      last_seen: entity.last_seen,
      last_change: entity.last_change,
    };
    this.entities.push(indexed);
    this.byId.set(entity.id, idx);
    const names = namesOf(entity.schema, entity.properties);
    this.entityNames.push(names);
    const ids: number[] = [];
    this.entityNameIds.push(ids);
    for (const name of names) {
      const nameId = this.names.length;
      ids.push(nameId);
      this.names.push({ entity: idx, name });
      this.alive.push(true);
      for (const t of name.analysed.tokens) this.indexToken(t, nameId);
    }
    for (const [prop, values] of Object.entries(entity.properties)) {
      if (propertyType(entity.schema, prop) !== 'identifier') continue;
      for (const v of values) {
        const norm = compactIdentifier(v);
        if (norm.length >= 5) this.identifierPostings.add(norm, idx);
      }
    }
  }

  private indexToken(t: Token, nameId: number): void {
    this.tokenPostings.add(t.key, nameId);
    if (t.phonetic.length >= 2) this.phoneticPostings.add(t.phonetic, nameId);
    if (t.skeleton.length >= 2) this.skeletonPostings.add(t.skeleton, nameId);
    if (t.key.length >= 4 && !this.vocabIds.has(t.key)) {
      const id = this.vocabKeys.length;
      this.vocabKeys.push(t.key);
      this.vocabIds.set(t.key, id);
      for (const g of trigrams(t.key)) this.vocabulary.add(g, id);
    }
  }

  remove(id: string): void {
    const idx = this.byId.get(id);
    if (idx === undefined) return;
    this.byId.delete(id);
    this.entities[idx] = undefined;
    for (const n of this.entityNameIds[idx] ?? []) this.alive[n] = false;
    this.entityNames[idx] = [];
    this.entityNameIds[idx] = [];
  }

  /** Vocabulary keys sharing at least `minShare` of their trigrams with `key` (typo candidates). */
  similarKeys(key: string, minShare = 0.5, limit = 12): string[] {
    const grams = trigrams(key);
    const counts = new Map<number, number>();
    for (const g of grams) for (const id of this.vocabulary.get(g) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    const out: Array<[string, number]> = [];
    for (const [id, shared] of counts) {
      const other = this.vocabKeys[id]!;
      // a key of n letters has n trigrams once padded
      const share = shared / Math.max(grams.length, other.length);
      if (share >= minShare && other !== key) out.push([other, share]);
    }
    return out.sort((a, b) => b[1] - a[1]).slice(0, limit).map(([k]) => k);
  }
}
