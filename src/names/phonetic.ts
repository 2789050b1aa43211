import { doubleMetaphone } from 'double-metaphone';

/**
 * Phonetic codes of tokens, for candidate generation (blocking) and as supporting evidence:
 * tokens that share a code are worth comparing even when their spellings differ, and a shared code
 * lifts an edit-distance similarity a little (Jon/John, Mohamed/Muhammad). A shared code is never
 * enough on its own: Putin and Patina share one too.
 *
 * - `phoneticKey`: Double Metaphone (primary code) of the latinKey form, so the folds of latinKey
 *   apply first (Wladimir and Vladimir both give FLTMR).
 * - `consonantSkeleton`: the consonants of the Latin spelling folded into broad classes, vowels and
 *   the semivowels w/y dropped. It is what names written without vowels have in common with their
 *   Latin spellings: Arabic محمد (any-ascii "mhmd") and Mohamed, خالد ("khld") and Khaled, Hebrew
 *   "dvd" and David all share one. Meant for tokens from Arabic or Hebrew script.
 * Both are memoised in bounded maps (cleared when full).
 */

const DM_CACHE = new Map<string, string>();
const DM_CACHE_MAX = 50_000;
const HAS_LETTER = /[a-z]/;

/** Double Metaphone primary code of a latinKey; '' for numbers. Memoised in a bounded map. */
export function phoneticKey(key: string): string {
  if (!HAS_LETTER.test(key)) return '';
  let code = DM_CACHE.get(key);
  if (code === undefined) {
    code = doubleMetaphone(key)[0];
    if (DM_CACHE.size >= DM_CACHE_MAX) DM_CACHE.clear();
    DM_CACHE.set(key, code);
  }
  return code;
}

/** Both Double Metaphone codes (primary, alternate) of a latinKey. */
export function phoneticKeys(key: string): [string, string] {
  if (!HAS_LETTER.test(key)) return ['', ''];
  return doubleMetaphone(key);
}

const SKELETON_RULES: [RegExp, string][] = [
  [/kh/g, 'H'],
  [/sh|ch|zh|j|x/g, 'X'],
  [/gh/g, 'k'],
  [/th|dh/g, 't'],
  [/ph/g, 'f'],
  [/[aeiouyw'`]/g, ''],
  [/[bp]/g, 'p'],
  [/[fv]/g, 'f'],
  [/[dt]/g, 't'],
  [/[gkqc]/g, 'k'],
  [/[zs]/g, 's'],
  [/h/g, 'H'],
  [/(.)\1+/g, '$1'],
];

/**
 * The consonant skeleton of a Latin spelling: vowels and w/y dropped, consonants folded into classes
 * (b/p, f/v, d/t, g/k/q/c, s/z; sh/ch/zh/j as one; kh and h as one). For Hebrew-script tokens pass
 * `hebrew`: there any-ascii writes the vowel letter ו as v (dropped but at the start of a word)
 * and פ as f (folded with p).
 */
const SKELETON_CACHE = new Map<string, string>();

export function consonantSkeleton(latin: string, hebrew = false): string {
  if (!HAS_LETTER.test(latin)) return latin;
  // Hebrew: ו is a vowel letter except at the start of a word; פ is p or f
  let s = hebrew ? latin.replace(/(?!^)v/g, '').replace(/f/g, 'p') : latin;
  const cached = SKELETON_CACHE.get(s);
  if (cached !== undefined) return cached;
  const input = s;
  for (const [re, to] of SKELETON_RULES) s = s.replace(re, to);
  if (SKELETON_CACHE.size >= DM_CACHE_MAX) SKELETON_CACHE.clear();
  SKELETON_CACHE.set(input, s);
  return s;
}
