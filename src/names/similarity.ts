import { distance } from 'fastest-levenshtein';
import type { AnalysedName, Token } from './analyse.js';
import { GENERIC_THRESHOLD, STOP_WEIGHT, expandAbbreviation, nameAbbreviation, particleClass } from './generic-words.js';
import { legalFormSimilarity } from './legal-forms.js';
import { consonantSkeleton, phoneticKey } from './phonetic.js';
import { isGivenName, sameGivenName } from './person.js';
import { latinKey } from './transliterate.js';
import { joinedReadings } from './wade-giles.js';
import { abjadConsonants, abjadEdits, kanaFold, koreanFold, sameSyllables } from './scripts.js';

/**
 * Token and name similarity. Tokens are compared on their keys (latinKey), with the method that
 * decided kept for explanations; names are compared by aligning their tokens one to one, order
 * free, and weighing what pairs and what is left over.
 */

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix of at most 4). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > flagsA.length || lb > flagsB.length) {
    flagsA = new Uint8Array(Math.max(la, lb) * 2);
    flagsB = new Uint8Array(Math.max(la, lb) * 2);
  }
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && a.charCodeAt(i) === b.charCodeAt(j)) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[j] === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** 1 − Levenshtein distance / length of the longer string. */
export function levenshteinSimilarity(a: string, b: string): number {
  const max = Math.max(a.length, b.length);
  return max === 0 ? 1 : 1 - distance(a, b) / max;
}

export type MatchMethod = 'exact' | 'key' | 'equivalent' | 'phonetic' | 'skeleton' | 'script' | 'inflection' | 'stem' | 'initial' | 'edit' | 'number' | 'none';

export interface TokenComparison {
  /** In [0, 1]. */
  similarity: number;
  /**
   * How: `exact` same word or same Latin spelling; `key` same latinKey (a variant romanisation);
   * `phonetic` edit similarity lifted by a shared Double Metaphone code; `skeleton` same consonant
   * skeleton, one side written without vowels (Arabic, Hebrew); `script` one side in Arabic,
   * Hebrew, Hangul or katakana, compared by that script's rules (scripts.ts), or a Wade-Giles
   * spelling read as pinyin (wade-giles.ts); `inflection` a
   * Baltic case ending on a foreign name (Putinas, Vladimirs); `equivalent` one given name in two
   * languages (Vladimir/Volodymyr, Aleksei/Oleksii); `stem` two patronymics, compared by the father's
   * name they carry (Nikolaevich/Anatolyevich are far apart however alike their endings);
   * `initial` an initial and a word it starts; `edit` edit similarity of the keys; `number` numbers
   * (equal or not); `none` nothing in common.
   */
  method: MatchMethod;
  /** Levenshtein distance between the keys, for `edit`, `phonetic` and `key`. */
  distance?: number;
}

const VOWELLESS = new Set(['arabic', 'hebrew']);
const CJK = new Set(['han', 'hangul']);

// Classes for the weighted edit distance: vowels, and consonants that romanisations swap.
const CLASS = new Int8Array(128);
for (const c of 'aeiouy') CLASS[c.charCodeAt(0)] = 1;
for (const [n, group] of [[2, 'bp'], [3, 'dt'], [4, 'gkqc'], [5, 'sz'], [6, 'fv'], [7, 'jzh']] as const) {
  for (const c of group) if (CLASS[c.charCodeAt(0)] === 0) CLASS[c.charCodeAt(0)] = n;
}
/** Cost of inserting or dropping a character: 0.6 for a vowel or h, 1 otherwise. */
const INDEL = new Float64Array(128).fill(1);
for (const c of 'aeiouyh') INDEL[c.charCodeAt(0)] = 0.6;
let row = new Float64Array(64);
let costB = new Float64Array(64);
let classB = new Int8Array(64);

/**
 * Levenshtein distance where the differences romanisations make cost less: a vowel for a vowel
 * 0.5 (Zomor/Zumar, Mohamed/Muhamad), a consonant for its voiced or unvoiced twin 0.6 (b/p, d/t,
 * g/k, s/z, f/v), inserting or dropping a vowel or h 0.6; any other edit 1.
 */
export function weightedDistance(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  if (lb + 1 > row.length) {
    row = new Float64Array((lb + 1) * 2);
    costB = new Float64Array((lb + 1) * 2);
    classB = new Int8Array((lb + 1) * 2);
  }
  row[0] = 0;
  for (let j = 1; j <= lb; j++) {
    const cb = b.charCodeAt(j - 1);
    costB[j] = cb < 128 ? INDEL[cb]! : 1;
    classB[j] = cb < 128 ? CLASS[cb]! : 0;
    row[j] = row[j - 1]! + costB[j]!;
  }
  for (let i = 1; i <= la; i++) {
    const ca = a.charCodeAt(i - 1);
    const dA = ca < 128 ? INDEL[ca]! : 1;
    const x = ca < 128 ? CLASS[ca]! : 0;
    let diag: number = row[0]!;
    row[0] = diag + dA;
    for (let j = 1; j <= lb; j++) {
      let sub = 0;
      if (ca !== b.charCodeAt(j - 1)) sub = x !== 0 && x === classB[j] ? (x === 1 ? 0.5 : 0.6) : 1;
      let v = diag + sub;
      const up = row[j]! + dA;
      if (up < v) v = up;
      const left = row[j - 1]! + costB[j]!;
      if (left < v) v = left;
      diag = row[j]!;
      row[j] = v;
    }
  }
  return row[lb]!;
}

/**
 * Edit similarity of two keys: the mean of Jaro-Winkler and the weighted edit similarity. When it
 * provably stays under `min` (the weighted distance is at least 0.6 per letter of length
 * difference), the weighted distance is not computed and the bound is returned.
 */
function editSimilarity(a: string, b: string, min = 0): number {
  const jw = jaroWinkler(a, b);
  const max = Math.max(a.length, b.length);
  const bound = (jw + 1 - (0.6 * Math.abs(a.length - b.length)) / max) / 2;
  if (bound < min) return bound;
  return (jw + 1 - weightedDistance(a, b) / max) / 2;
}

const FEMININE = /^(.+(?:ov|ev|in|sk))a$/;

/** A short form of a given name against the name it cuts (Ben / Benjamin, Abiy / Abiyot). */
const SHORT_NAME_SIMILARITY = 0.8;

/**
 * Whether `short` opens a person's name as a cut of the given name opening the other (Ben
 * Netanyahu / Benjamin Netanyahu): three letters or more, two or more fewer, same Latin start.
 */
function shortGivenName(short: Token, long: Token): boolean {
  if (!short.person || !long.person || short.index !== 0 || long.index !== 0 || short.script !== 'latin' || long.script !== 'latin') return false;
  if (short.kind === 'patronymic' || long.kind === 'patronymic') return false;
  return short.latin.length >= 3 && long.latin.length >= short.latin.length + 2 && long.latin.startsWith(short.latin);
}
/**
 * Whether a short form stands for these words run together: US for United States, and in
 * people's names initials run together for given names (JC for Jean-Claude, AK for Ajay Kumar).
 */
function expandsTo(short: string, parts: readonly Token[]): boolean {
  const full = nameAbbreviation(short);
  if (full !== undefined) return full === parts.map((p) => p.latin).join(' ');
  if (short.length !== parts.length || particleClass(short) !== undefined || isGivenName(short)) return false;
  return parts.every((p, i) => (p.kind === 'given' || p.kind === 'word') && p.weight >= GENERIC_THRESHOLD && p.latin.length > 1 && p.latin[0] === short[i]);
}


/** How two tokens compare, without regard to their kinds (see alignTokens for that). */
export function tokenSimilarity(a: Token, b: Token): TokenComparison {
  return compareTokens(a, b, 0);
}

/**
 * tokenSimilarity, allowed to stop early with any similarity under `min` when it cannot reach
 * `min` (the aligner only needs pairs above its threshold).
 */
function compareTokens(a: Token, b: Token, min: number): TokenComparison {
  if (a.kind === 'number' || b.kind === 'number') {
    return a.kind === b.kind && a.key === b.key ? { similarity: 1, method: 'number' } : { similarity: 0, method: 'number' };
  }
  if (a.text === b.text) return { similarity: 1, method: 'exact' };
  // Chinese characters and Hangul on both sides: a different character is a different name
  if (CJK.has(a.script) && a.script === b.script) {
    const same = sameSyllables(a.text, b.text);
    if (same === false) return { similarity: 0, method: 'none' };
    if (same === true) return { similarity: 0.95, method: 'key', distance: 0 };
  }
  if (a.latin === b.latin) return { similarity: 1, method: 'exact' };
  const ka = a.key;
  const kb = b.key;
  if (a.kind === 'initial' || b.kind === 'initial' || ka.length === 1 || kb.length === 1) {
    const [i, w] = ka.length <= kb.length ? [a, b] : [b, a];
    if (i.key.length === 1 && w.key.length > 1 && (w.latin[0] === i.latin[0] || w.key[0] === i.key[0])) return { similarity: 0.9, method: 'initial' };
    return { similarity: i.key === w.key ? 1 : 0, method: i.key === w.key ? 'exact' : 'none' };
  }
  if (ka === kb) return { similarity: 0.95, method: 'key', distance: 0 };
  if (LATIN_LIKE.has(a.script) && LATIN_LIKE.has(b.script) && (a.readings?.includes(b.latin) || b.readings?.includes(a.latin))) {
    return { similarity: 0.93, method: 'script', distance: distance(ka, kb) };
  }
  if ((a.parts && expandsTo(b.latin, a.parts)) || (b.parts && expandsTo(a.latin, b.parts))) return { similarity: 0.95, method: 'equivalent' };
  // a generic word and its short form (Co/Company, Int'l/International), or one particle spelt two ways (bin/ben/ibn)
  if (expandAbbreviation(ka) === expandAbbreviation(kb) || (particleClass(a.latin) !== undefined && particleClass(a.latin) === particleClass(b.latin))) {
    return { similarity: 0.95, method: 'equivalent', distance: distance(ka, kb) };
  }
  // feminine surname forms are other people: Petrov / Petrova, Rotenberg / Rotenberga
  if (Math.abs(ka.length - kb.length) === 1) {
    const fa = FEMININE.exec(ka);
    const fb = FEMININE.exec(kb);
    if ((fa && fa[1] === kb) || (fb && fb[1] === ka)) return { similarity: 0.7, method: 'edit', distance: 1 };
  }
  // two patronymics: compare the fathers' names, not the shared -ovich
  if (a.stem !== undefined && b.stem !== undefined) {
    if (a.stem === b.stem) return { similarity: 0.9, method: 'stem' };
    const st = editSimilarity(a.stem, b.stem) * 0.95;
    return { similarity: st, method: st > 0 ? 'stem' : 'none', distance: distance(ka, kb) };
  }
  // given names of the lexicon: the same name in another language, or two different names
  const same = sameGivenName(ka, kb);
  if (same === 1) return { similarity: 0.93, method: 'equivalent', distance: distance(ka, kb) };
  const scripted = scriptSimilarity(a, b);
  if (scripted >= 0.9) return { similarity: scripted, method: 'script', distance: distance(ka, kb) };
  if (balticEnding(ka, kb) || balticEnding(kb, ka)) return { similarity: 0.93, method: 'inflection', distance: distance(ka, kb) };
  // a word written without vowels (Arabic, Hebrew) against a Latin spelling: same consonants;
  // one consonant is enough only for short words (علي "ly" and Ali)
  const skeleton =
    VOWELLESS.has(a.script) !== VOWELLESS.has(b.script) &&
    a.skeleton === b.skeleton &&
    (a.skeleton.length >= 2 || (a.skeleton.length === 1 && a.latin.length <= 4 && b.latin.length <= 4));
  const phonetic = a.phonetic !== '' && a.phonetic === b.phonetic && a.phonetic.length >= 2;
  let similarity = editSimilarity(ka, kb, skeleton ? 0 : phonetic ? min - 0.1 : min);
  if (same === 0) return { similarity: Math.min(similarity, 0.5), method: 'edit', distance: distance(ka, kb) };
  let method: MatchMethod = similarity > 0 ? 'edit' : 'none';
  if (phonetic && similarity >= 0.6) {
    const lifted = Math.min(0.9, similarity + 0.1);
    if (lifted > similarity) {
      similarity = lifted;
      method = 'phonetic';
    }
  }
  if (skeleton) {
    // three consonants in common say more than one
    const sk = a.skeleton.length >= 3 ? 0.9 : a.skeleton.length === 2 ? 0.85 : 0.8;
    if (similarity < sk) {
      similarity = sk;
      method = 'skeleton';
    }
  }
  if (scripted > similarity) {
    similarity = scripted;
    method = 'script';
  }
  if (similarity < SHORT_NAME_SIMILARITY && (shortGivenName(a, b) || shortGivenName(b, a))) {
    similarity = SHORT_NAME_SIMILARITY;
    method = 'equivalent';
  }
  if (similarity < min) return { similarity, method };
  return { similarity, method, distance: distance(ka, kb) };
}

const LATIN_LIKE = new Set(['latin', 'cyrillic', 'greek']);

/**
 * Similarity of a word in Arabic, Hebrew, Hangul, katakana or Chinese characters (Korean readings) to a word in Latin (or Cyrillic)
 * letters by the rules of its script (scripts.ts); 0 for other pairs. Arabic/Hebrew: when the
 * Latin spelling is the vowelless one with vowels added, 0.95 for three consonants or more, 0.88
 * for two, 0.8 for one (short words only). Hangul, katakana and Chinese characters read in
 * Korean: 0.95 when the folded spellings of any reading agree, else their folded edit similarity,
 * scaled down.
 */
function scriptSimilarity(a: Token, b: Token): number {
  const [s, l] = LATIN_LIKE.has(b.script) ? [a, b] : [a, b].reverse() as [Token, Token];
  if (!LATIN_LIKE.has(l.script) || LATIN_LIKE.has(s.script)) return 0;
  if (s.script === 'arabic' || s.script === 'hebrew') {
    if (Math.min(abjadEdits(s.latin, l.latin, 0), abjadEdits(s.latin, l.key, 0)) > 0) return 0;
    // two consonants fit many words (سارا "sr": Sara, Yasir, Surra); three or more say more
    const consonants = abjadConsonants(s.latin);
    return consonants >= 3 ? 0.95 : consonants === 2 ? 0.88 : l.latin.length <= 4 ? 0.8 : 0;
  }
  let fold: ((x: string) => string) | undefined;
  if (s.script === 'hangul' || s.script === 'han') fold = koreanFold;
  else if (s.script === 'kana') fold = kanaFold;
  if (!fold) return 0;
  const target = [fold(l.latin), fold(l.key)];
  let best = 0;
  // Chinese characters: their Mandarin spelling is compared as any word is; here their Korean readings
  for (const reading of s.script === 'han' ? (s.readings ?? []) : [s.latin, ...(s.readings ?? [])]) {
    const f = fold(reading);
    for (const t of target) {
      if (f === t) return 0.95;
      best = Math.max(best, levenshteinSimilarity(f, t) * 0.95);
    }
  }
  return best;
}

/** Baltic case endings added to foreign names: Lithuanian Putinas/Vladimiras, Latvian Putins. */
const BALTIC_ENDING = /^(as|is|ys|us|s)$/;

function balticEnding(long: string, short: string): boolean {
  return short.length >= 4 && long.length > short.length && long.startsWith(short) && BALTIC_ENDING.test(long.slice(short.length));
}

export interface TokenPair {
  a: Token;
  b: Token;
  similarity: number;
  method: MatchMethod;
  distance?: number;
  /** Weight of the pair in the name score. */
  weight: number;
}

export interface Unpaired {
  token: Token;
  /** What leaving it unpaired costs in the name score. */
  cost: number;
}

export interface Alignment {
  pairs: TokenPair[];
  unpairedA: Unpaired[];
  unpairedB: Unpaired[];
}

/** Below this a token pair is not made: the tokens are left unpaired. */
export const PAIR_THRESHOLD = 0.7;
/** A pair with a token joined from two must be at least this close. */
const MERGE_THRESHOLD = 0.85;

/** A person's own name against a father's name (SALMAN BIN MUHAMMAD / MUHAMMAD BIN SALMAN) counts this much. */
const NASAB_SWAP_FACTOR = 0.7;

/** Kind agreement: a given name against a family name, or a patronymic against either, counts less. */
function kindFactor(a: Token, b: Token): number {
  if (a.nasab && b.nasab && a.nasab !== b.nasab) return NASAB_SWAP_FACTOR;
  const ka = a.kind;
  const kb = b.kind;
  if (ka === kb || ka === 'word' || kb === 'word' || ka === 'initial' || kb === 'initial') return 1;
  if (ka === 'patronymic' || kb === 'patronymic') return 0.85;
  return 0.9; // given vs family
}

/** Unpaired tokens this heavy or more are in conflict with those of the other name. */
const CONFLICT_WEIGHT = 0.5;
/** In a person's name, tokens the other name simply lacks (middle names, a second family name) cost this much of their weight. */
export const SUBSET_FACTOR = 0.3;


/**
 * What leaving a token unpaired costs. A patronymic or an initial the other name lacks costs little
 * (a quarter, 0.3 of its weight), but a patronymic against another unpaired patronymic costs all of
 * its weight (Vladimir Leonidovich / Vladimir Mikhaylovich are two people). In a person's name, a
 * token the other name lacks while everything else pairs (BIN LADIN, Usama / BIN LADIN, Usama bin
 * Muhammad bin Awad) costs SUBSET_FACTOR of its weight; in other names it costs its weight.
 */
export function unpairedCost(t: Token, otherUnpaired: readonly Token[], person: boolean): number {
  const conflict = otherUnpaired.some((u) => u.weight >= CONFLICT_WEIGHT && u.kind !== 'initial' && u.kind !== 'number');
  if (t.kind === 'patronymic') return otherUnpaired.some((u) => u.kind === 'patronymic') ? t.weight : t.weight * 0.25;
  // an initial against another initial or given name the other name has in its place: another person (William G. / William W.)
  if (t.kind === 'initial') return otherUnpaired.some((u) => u.kind === 'initial' || u.kind === 'given') ? t.weight : t.weight * 0.3;
  if (person && !conflict) return t.weight * SUBSET_FACTOR;
  return t.weight;
}

function joined(parts: Token[]): Token {
  const first = parts[0]!;
  const latin = parts.map((p) => p.latin).join('');
  const key = latinKey(latin);
  return {
    text: parts.map((p) => p.text).join(' '),
    latin,
    key,
    phonetic: phoneticKey(key),
    skeleton: consonantSkeleton(latin, first.script === 'hebrew'),
    weight: Math.max(...parts.map((p) => p.weight)),
    kind: parts.find((p) => p.kind !== 'word')?.kind ?? 'word',
    script: first.script,
    index: first.index,
    parts,
    ...(parts.some((p) => p.readings) ? { readings: joinedReadings(parts).filter((r) => r !== latin) } : {}),
  };
}

interface Candidate {
  a: Token;
  b: Token;
  ai: number;
  /** tokens of side a joined into `a`: ai … ai + an - 1 */
  an: number;
  bi: number;
  bn: number;
  cmp: TokenComparison;
  score: number;
}

/** The similarity the aligner pairs two tokens by: tokenSimilarity times the agreement of their kinds. */
export function pairSimilarity(a: Token, b: Token): number {
  return tokenSimilarity(a, b).similarity * kindFactor(a, b);
}

function consider(out: Candidate[], a: Token, b: Token, ai: number, an: number, bi: number, bn: number, min: number): void {
  const cmp = compareTokens(a, b, min);
  if (cmp.method === 'initial' && (an > 1 || bn > 1)) return;
  const score = cmp.similarity * kindFactor(a, b);
  if (score >= min) out.push({ a, b, ai, an, bi, bn, cmp, score });
}

/** Whether joining `parts` might give z: lengths close, same first letter (or consonant). */
function mergeable(parts: readonly Token[], z: Token): boolean {
  if (z.kind === 'number' || parts.some((p) => p.kind === 'number' || p.key.length === 1)) return false;
  let len = 0;
  for (const p of parts) len += p.key.length;
  if (expandsTo(z.latin, parts)) return true;
  if (Math.abs(len - z.key.length) > 3) return false;
  const x = parts[0]!;
  if (x.readings && z.script === 'latin') return true; // Wade-Giles syllables read as pinyin: Tse tung / Zedong
  return x.key[0] === z.key[0] || (x.skeleton !== '' && x.skeleton[0] === z.skeleton[0]);
}

/** Runs of two and three adjacent tokens of `side` joined against single tokens of `other`. */
function considerJoins(out: Candidate[], side: readonly Token[], other: readonly Token[], sideIsA: boolean): void {
  for (const n of [2, 3]) {
    for (let i = 0; i + n <= side.length; i++) {
      const run = side.slice(i, i + n);
      for (let j = 0; j < other.length; j++) {
        if (!mergeable(run, other[j]!)) continue;
        const merged = joined(run);
        if (sideIsA) consider(out, merged, other[j]!, i, n, j, 1, MERGE_THRESHOLD);
        else consider(out, other[j]!, merged, j, 1, i, n, MERGE_THRESHOLD);
      }
    }
  }
}

/**
 * The best one-to-one pairing of two names' tokens, order free: every pair of tokens (and, for
 * names written in one word on one side and two on the other — "Al Wasel"/"Alwasel", "Abdul
 * Rahman"/"Abdulrahman" — two adjacent tokens joined against one) is compared, and pairs are taken
 * greedily from the most similar down, each token used once, pairs under PAIR_THRESHOLD left out.
 * Ties go to the heavier pair. The rest are returned unpaired with what they cost (unpairedCost;
 * `person` when both names are people's).
 */
export function alignTokens(a: readonly Token[], b: readonly Token[], options: { person?: boolean } = {}): Alignment {
  const cands: Candidate[] = [];
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) consider(cands, a[i]!, b[j]!, i, 1, j, 1, PAIR_THRESHOLD);
  considerJoins(cands, a, b, true);
  considerJoins(cands, b, a, false);
  cands.sort((x, y) => y.score - x.score || y.a.weight + y.b.weight - (x.a.weight + x.b.weight) || x.an + x.bn - (y.an + y.bn));
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  const pairs: TokenPair[] = [];
  const free = (used: Uint8Array, i: number, n: number) => {
    for (let k = i; k < i + n; k++) if (used[k]) return false;
    return true;
  };
  for (const c of cands) {
    if (!free(usedA, c.ai, c.an) || !free(usedB, c.bi, c.bn)) continue;
    usedA.fill(1, c.ai, c.ai + c.an);
    usedB.fill(1, c.bi, c.bi + c.bn);
    const initial = c.cmp.method === 'initial';
    const weight = ((c.a.weight + c.b.weight) / 2) * (initial ? 0.5 : 1);
    const pair: TokenPair = { a: c.a, b: c.b, similarity: c.score, method: c.cmp.method, weight };
    if (c.cmp.distance !== undefined) pair.distance = c.cmp.distance;
    pairs.push(pair);
  }
  // two different series marks are one difference (Snow Storm 1 / Snow Storm 2), not two tokens each name lacks
  const numberA = a.findIndex((t, i) => !usedA[i] && t.kind === 'number' && t.weight < 1);
  const numberB = b.findIndex((t, j) => !usedB[j] && t.kind === 'number' && t.weight < 1);
  if (numberA >= 0 && numberB >= 0) {
    usedA[numberA] = 1;
    usedB[numberB] = 1;
    pairs.push({ a: a[numberA]!, b: b[numberB]!, similarity: 0, method: 'number', weight: (a[numberA]!.weight + b[numberB]!.weight) / 2 });
  }
  const restA = a.filter((_, i) => !usedA[i]);
  const restB = b.filter((_, j) => !usedB[j]);
  const person = options.person ?? false;
  const unpairedA = restA.map((t) => ({ token: t, cost: unpairedCost(t, restB, person) }));
  const unpairedB = restB.map((t) => ({ token: t, cost: unpairedCost(t, restA, person) }));
  return { pairs, unpairedA, unpairedB };
}

/** What a pair of this similarity contributes: full at 1, nothing at 0.5, straight in between. */
export function pairValue(similarity: number): number {
  return Math.max(0, (similarity - 0.5) / 0.5);
}

/** A person referred to by title and family name scores this share of what the name pair scores. */
const TITLE_REFERENCE_FACTOR = 0.95;

/**
 * Whether a person's name is a title and one family name ("President Putin", "Putyin elnök",
 * "Президент Путин") whose family name pairs (0.85 or closer) with the family name of the other:
 * the way the press and officials refer to a person, so the other name's given names and
 * patronymic are not missing from it.
 */
function referenceByTitle(name: AnalysedName, otherName: AnalysedName, pairs: readonly TokenPair[], side: (p: TokenPair) => Token): boolean {
  if (!name.person || !name.tokens.some((t) => t.title)) return false;
  const words = name.tokens.filter((t) => !t.title);
  if (words.length !== 1 || pairs.length !== 1) return false;
  const pair = pairs[0]!;
  const own = side(pair);
  const other = own === pair.a ? pair.b : pair.a;
  if (own !== words[0] || pair.similarity < 0.85) return false;
  // the other name has more than this one word, so it is missing something
  const rest = otherName.tokens.filter((t) => !t.title && t.weight >= GENERIC_THRESHOLD);
  if (rest.length < 2) return false;
  if (other.kind === 'family') return true;
  // no part told apart: the family name is the other name's first word (Xi Jinping) or its last (Recep Tayyip Erdoğan)
  return other.kind === 'word' && (other === rest[0] || other === rest[rest.length - 1]);
}

/** A score for matches on generic words alone never goes above this. */
export const GENERIC_ONLY_CAP = 0.6;

export interface NameSimilarity {
  /** In [0, 1]. */
  score: number;
  alignment: Alignment;
  /** Agreement of the legal forms (1 same class, 0.8 same family, 0 unrelated), when both names have one. */
  legalForms?: number;
  /** A pair with a specific (not generic) token was made. */
  specific: boolean;
}

/**
 * Weighted similarity of two analysed names in [0, 1]:
 * Σ pair weight × value(similarity) / (Σ pair weight + Σ cost of unpaired tokens on both sides),
 * where value maps token similarity 0.5…1 onto 0…1, pair weight is the mean of the two tokens'
 * weights (halved for an initial against a word), and an unpaired token costs what unpairedCost
 * says (its weight; less for a patronymic, an initial, or a person's middle name the other lacks). Generic tokens weigh 0.2–0.45 and stop words
 * 0.05, so they count little either way; when no specific token pairs the score is capped at
 * GENERIC_ONLY_CAP. Numbers pair only when equal. When both names have legal forms, unrelated
 * forms take up to 5% off (ООО and LLC agree; LLC and JSC do not).
 */
export function nameSimilarity(a: AnalysedName, b: AnalysedName): NameSimilarity {
  const alignment = alignTokens(a.tokens, b.tokens, { person: a.person && b.person });
  let num = 0;
  let den = 0;
  let specific = false;
  for (const p of alignment.pairs) {
    num += p.weight * pairValue(p.similarity);
    den += p.weight;
    if (p.a.weight >= GENERIC_THRESHOLD && p.b.weight >= GENERIC_THRESHOLD && p.similarity >= 0.8) specific = true;
  }
  const titledA = referenceByTitle(a, b, alignment.pairs, (p) => p.a);
  const titledB = referenceByTitle(b, a, alignment.pairs, (p) => p.b);
  if (!titledB) for (const u of alignment.unpairedA) den += u.cost;
  if (!titledA) for (const u of alignment.unpairedB) den += u.cost;
  let score = den > 0 ? num / den : 0;
  if (titledA || titledB) score *= TITLE_REFERENCE_FACTOR;
  // the cap is for names that only share some generic words; the same generic name in full is the same name
  const complete =
    alignment.pairs.length > 0 &&
    alignment.pairs.every((p) => p.similarity >= 0.95) &&
    [...alignment.unpairedA, ...alignment.unpairedB].every((u) => u.token.weight <= STOP_WEIGHT);
  if (!specific && !complete) score = Math.min(score, GENERIC_ONLY_CAP);
  const lf = legalFormSimilarity(a.legalForms, b.legalForms);
  if (lf !== undefined) score *= 0.95 + 0.05 * lf;
  const out: NameSimilarity = { score, alignment, specific };
  if (lf !== undefined) out.legalForms = lf;
  return out;
}
