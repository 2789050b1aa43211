import { compactIdentifier } from '../model/identifiers.js';
import { propertyType } from '../model/ftm.js';
import type { ScreeningIndex } from './index.js';
import type { EntityName } from './names-of.js';
import type { ScreeningQuery } from './types.js';
import type { Token } from '../names/analyse.js';
import { kanaLatinGuess } from '../names/scripts.js';
import { joinedReadings } from '../names/wade-giles.js';
import { latinKey } from '../names/transliterate.js';

/** Postings longer than this share of all names are too common to find anything by (generic words). */
const COMMON_SHARE = 0.05;
/** Weight of a lookup by phonetic code, consonant skeleton or a vocabulary neighbour, against the key itself. */
const FUZZY_FACTOR = 0.6;
/** Candidates below this share of the best candidate's evidence are dropped (beyond the first MIN_KEPT). */
const RELATIVE_FLOOR = 0.25;
const MIN_KEPT = 10;
/** An identifier in common puts a candidate first. */
const IDENTIFIER_BOOST = 100;

/**
 * Candidate entities for a query, best first: names sharing token keys, phonetic codes, consonant
 * skeletons or near-spellings (trigram neighbours) with the query's names, weighted by token
 * weight and rarity (idf); and entities sharing an identifier. Scratch buffers are reused, so one
 * generator serves one thread.
 */
export class CandidateGenerator {
  private scratch = new Float32Array(0);
  /** per name: the number of the last token that reached it (so a token counts once per name) */
  private stamps = new Int32Array(0);
  private stamp = 0;
  private touched: number[] = [];

  constructor(private readonly index: ScreeningIndex) {}

  generate(query: ScreeningQuery, names: EntityName[], limit: number): Candidate[] {
    const index = this.index;
    const total = Math.max(1, index.nameCount);
    if (this.scratch.length < total) {
      const size = Math.max(total, this.scratch.length * 2);
      this.scratch = new Float32Array(size);
      this.stamps = new Int32Array(size);
    }
    const acc = this.scratch;
    const stamps = this.stamps;
    const touched = this.touched;
    touched.length = 0;
    const common = Math.max(50, Math.floor(total * COMMON_SHARE));

    const visit = (list: number[] | undefined, weight: number) => {
      if (!list || list.length === 0) return;
      if (list.length > common && weight < 1) return;
      const add = weight * Math.log(1 + total / list.length);
      const n = Math.min(list.length, common);
      const stamp = this.stamp;
      for (let i = 0; i < n; i++) {
        const id = list[i]!;
        if (stamps[id] === stamp) continue;
        stamps[id] = stamp;
        if (acc[id] === 0) touched.push(id);
        acc[id] = acc[id]! + add;
      }
    };

    for (const name of names) {
      for (const guess of scriptGuesses(name.analysed.tokens)) {
        this.stamp = this.stamp === 0x7fffffff ? 1 : this.stamp + 1;
        visit(index.tokenPostings.get(guess), FUZZY_FACTOR);
        for (const k of index.similarKeys(guess)) visit(index.tokenPostings.get(k), FUZZY_FACTOR);
      }
      for (const t of name.analysed.tokens) {
        this.stamp = this.stamp === 0x7fffffff ? 1 : this.stamp + 1;
        const exact = index.tokenPostings.get(t.key);
        visit(exact, t.weight);
        const phonetic = t.phonetic.length >= 2 ? index.phoneticPostings.get(t.phonetic) : undefined;
        visit(phonetic, t.weight * FUZZY_FACTOR);
        if (t.skeleton.length >= 2) visit(index.skeletonPostings.get(t.skeleton), t.weight * FUZZY_FACTOR);
        // near spellings only for a word neither spelled nor sounding like any listed one
        if (t.key.length >= 4 && !exact && !phonetic) {
          for (const k of index.similarKeys(t.key)) visit(index.tokenPostings.get(k), t.weight * FUZZY_FACTOR);
        }
      }
    }

    let max = 0;
    for (const id of touched) if (acc[id]! > max) max = acc[id]!;
    // names far behind the best share only common or fuzzy tokens with the query
    const nameFloor = max * RELATIVE_FLOOR;
    const byEntity = new Map<number, Candidate>();
    for (const id of touched) {
      const score = acc[id]!;
      acc[id] = 0;
      if (score < nameFloor || !index.isAlive(id)) continue;
      const e = index.names[id]!.entity;
      const c = byEntity.get(e);
      if (!c) byEntity.set(e, { entity: e, score, names: [id] });
      else {
        c.names.push(id);
        if (score > c.score) c.score = score;
      }
    }
    for (const [prop, values] of Object.entries(query.properties)) {
      if (propertyType(query.schema, prop) !== 'identifier') continue;
      for (const v of values) {
        for (const e of index.identifierPostings.get(compactIdentifier(v)) ?? []) {
          if (!index.entities[e]) continue;
          const c = byEntity.get(e);
          if (c) c.score += IDENTIFIER_BOOST;
          else byEntity.set(e, { entity: e, score: IDENTIFIER_BOOST, names: [] });
        }
      }
    }
    const ranked = [...byEntity.values()].sort((a, b) => b.score - a.score || a.entity - b.entity);
    // candidates far behind the best share only common or fuzzy tokens with the query
    const floor = (ranked[0]?.score ?? 0) * RELATIVE_FLOOR;
    return ranked.filter((c, i) => i < MIN_KEPT || c.score >= floor).slice(0, limit);
  }
}

/** An entity worth scoring, with the names of it the query's tokens reached (empty: found by identifier). */
export interface Candidate {
  entity: number;
  score: number;
  names: number[];
}

/**
 * Latin keys to look up for the words of a name written in Hangul, Chinese characters or katakana,
 * whose own spellings seldom meet a listed Latin one: a word's other readings (a Korean loanword
 * without its inserted vowels: 블라디미르 "bladimir"; the Korean reading of Chinese characters:
 * 金 Kim), Hangul syllables written apart joined (푸 틴 → putin), katakana read as the Latin it
 * transcribes (プーチン → putin).
 */
function scriptGuesses(tokens: readonly Token[]): string[] {
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.script === 'hangul' || t.script === 'han') {
      for (const r of t.readings ?? []) if (r.length >= 3) out.add(latinKey(r));
      const next = tokens[i + 1];
      if (next?.script === 'hangul') out.add(latinKey(t.latin + next.latin));
    } else if (t.script === 'kana') {
      out.add(latinKey(kanaLatinGuess(t.latin)));
    } else if (t.readings) {
      // Wade-Giles syllables: their pinyin, and run together with the next (Chin ping → jinping)
      for (const r of t.readings) out.add(latinKey(r));
      const next = tokens[i + 1];
      if (next) for (const r of joinedReadings([t, next])) out.add(latinKey(r));
    }
  }
  return [...out].filter((k) => k.length >= 3);
}
