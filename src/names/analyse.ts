import { GENERIC_THRESHOLD, PARTICLE_WEIGHT, STOP_WEIGHT, genericWeights, isGenericOnly, isNasabMarker } from './generic-words.js';
import { findLegalForms, type LegalFormClass } from './legal-forms.js';
import { normalise, tokens as splitTokens } from './normalise.js';
import { patronymicMarker, patronymicOf, personParts, type PersonPart } from './person.js';
import { consonantSkeleton, phoneticKey } from './phonetic.js';
import { hangulReadings, hanjaReadings } from './scripts.js';
import { wadeGilesReadings } from './wade-giles.js';
import { detectCyrillicLanguage, latinKey, scriptOf, wordPieces, type Script } from './transliterate.js';

/**
 * The one entry point of the name layer: `analyseName` turns a name as a list writes it into
 * tokens ready for indexing and comparison. Nothing is cached here; the small memo tables of
 * latinKey and phoneticKey are bounded.
 */

export type TokenKind = 'word' | 'given' | 'patronymic' | 'family' | 'initial' | 'number';

export interface Token {
  /** The word as normalised, in its own script ("путин", "elem"). */
  text: string;
  /** Lower-case ASCII Latin spelling ("putin"). */
  latin: string;
  /** Canonical skeleton (latinKey) for comparison and indexing. */
  key: string;
  /** Double Metaphone code of the key, for candidate generation. */
  phonetic: string;
  /** Consonant skeleton of the Latin spelling (for names written without vowels). */
  skeleton: string;
  /** Weight in (0, 1]: 1 ordinary, 0.2–0.45 generic, 0.05 stop word or title; person parts see `personWeight`. */
  weight: number;
  kind: TokenKind;
  /** Script of the word as written. */
  script: Script;
  /** Position among the name's tokens (after legal forms are removed). */
  index: number;
  /** Patronymics: the father's name (latinKey) as far as the patronymic tells it. */
  stem?: string;
  /** A title or honorific (President, Президент, Dr): it says the rest is a way to refer to a person. */
  title?: true;
  /** Other Latin spellings of a word whose script has several (Hangul: 박 is Bak, Park, Pak), or the pinyin of a Wade-Giles syllable (Hsi: Xi). */
  readings?: string[];
  /** Tokens joined by the aligner ("al" + "wasel" against "alwasel"). */
  parts?: Token[];
  /**
   * Arabic names with a nasab (SALMAN BIN MUHAMMAD): `self` the person's own names before the
   * first bin/ibn, `father` the name right after one. The same word as own name on one side and
   * father's name on the other speaks of father and son, not one person.
   */
  nasab?: 'self' | 'father';
  /** A word of a person's name. */
  person?: true;
}

export interface AnalysedName {
  original: string;
  /** The name normalised, in its own scripts, parenthesised parts left out. */
  normalised: string;
  /** The whole name in Latin, legal forms included. */
  latin: string;
  /** The tokens, legal forms removed (unless the name is nothing else). */
  tokens: Token[];
  /** Classes of the legal forms found, in order, without repeats. */
  legalForms: LegalFormClass[];
  /** No token is specific: every one is generic or a stop word (or there is none). */
  genericOnly: boolean;
  /** Analysed as a person's name (schema Person, or it looks like one). */
  person: boolean;
  /**
   * Parenthesised parts, left out of the tokens: a translation, a transliteration or an acronym
   * of the name ("ELEM GROUP (ЭЛЕМ ГРУПП)", "Foreign Intelligence Service (SVR)"). The engine
   * can index them as aliases of their own.
   */
  alternatives: string[];
}

/** FtM schemata that are never people. */
const NOT_PERSON = new Set(['Company', 'Organization', 'PublicBody', 'Vessel', 'Airplane', 'Asset', 'Security', 'Address', 'CryptoWallet']);

const PERSON_WEIGHTS: Record<PersonPart, number> = {
  given: 1, family: 1, word: 1, patronymic: 0.6, initial: 0.5, particle: PARTICLE_WEIGHT, title: STOP_WEIGHT, number: 1,
};

/** Weight of a token playing this part in a person's name. */
export function personWeight(part: PersonPart): number {
  return PERSON_WEIGHTS[part];
}

const PARENS = /[([{]([^()[\]{}]*)[)\]}]/g;
const HAS_LETTER = /\p{L}/u;
const DIGITS = /^\d+$/;
const ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;
const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th', 'y', 'yi', 'iy', 'ya', 'ye', 'go', 'oe', 'aya', 'oy', 'iy']);

/** The name without its parenthesised parts, and those parts. */
const HAS_PAREN = /[([{]/;

function splitParentheses(name: string): { main: string; inner: string[] } {
  if (!HAS_PAREN.test(name)) return { main: name, inner: [] };
  const inner: string[] = [];
  let main = name;
  for (let guard = 0; guard < 5 && PARENS.test(main); guard++) {
    PARENS.lastIndex = 0;
    main = main.replace(PARENS, (_, content: string) => {
      if (HAS_LETTER.test(content) || /\d/.test(content)) inner.push(content.trim());
      return ' ';
    });
  }
  PARENS.lastIndex = 0;
  if (!HAS_LETTER.test(main)) return { main: name, inner: [] };
  return { main, inner: [...new Set(inner)] };
}

interface Word {
  text: string;
  latin: string;
}

function wordsOf(text: string, normalised?: string): Word[] {
  const norm = normalised ?? normalise(text);
  if (norm === '') return [];
  const lang = detectCyrillicLanguage(norm);
  const out: Word[] = [];
  const words = splitTokens(norm);
  for (const w of words) {
    for (const p of wordPieces(w, lang, words.length === 1)) {
      const ord = ORDINAL.exec(p.latin);
      if (ord) out.push({ text: p.text, latin: ord[1]! });
      else if (ORDINAL_SUFFIX.has(p.latin) && out.length > 0 && DIGITS.test(out[out.length - 1]!.latin)) continue;
      else out.push(p);
    }
  }
  return numbersAsDigits(out);
}

// English number words as digits, so "Brigade Forty-Four" meets "Brigade 44" and "Three Percenters" "3 Percenters".
const UNIT_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  first: 1, second: 2, third: 3,
};
const TEN_WORDS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

function numbersAsDigits(words: Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const tens = TEN_WORDS[w.latin];
    if (tens !== undefined) {
      const next = words[i + 1]?.latin;
      const unit = next === undefined ? undefined : (UNIT_WORDS[next] ?? (/^[1-9]$/.test(next) ? Number(next) : undefined));
      if (unit !== undefined && unit > 0 && unit < 10) {
        out.push({ text: `${w.text} ${words[i + 1]!.text}`, latin: String(tens + unit) });
        i++;
      } else out.push({ text: w.text, latin: String(tens) });
      continue;
    }
    const unit = UNIT_WORDS[w.latin];
    out.push(unit !== undefined ? { text: w.text, latin: String(unit) } : w);
  }
  return out;
}

// Digits written for letters in people's names (I9or Sech1n): only inside words that also have letters.
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g' };
const LETTERS_AND_DIGITS = /^(?=.*[a-z])(?=.*\d)[a-z\d]+$/;

function undoLeet(words: Word[]): Word[] {
  return words.map((w) => (LETTERS_AND_DIGITS.test(w.latin) ? { text: w.text, latin: w.latin.replace(/\d/g, (d) => LEET[d] ?? d) } : w));
}

// Roman numerals after the first word of an organisation's or a vessel's name are series numbers (Trust XV, Solutions II).
const ROMAN = /^(?:x{0,2})(?:ix|iv|v?i{0,3})$/;
const ROMAN_VALUE: Record<string, number> = { i: 1, v: 5, x: 10 };

function romanNumber(latin: string): string | undefined {
  if ((latin.length < 2 && latin !== 'x') || !ROMAN.test(latin)) return undefined;
  let total = 0;
  for (let i = 0; i < latin.length; i++) {
    const v = ROMAN_VALUE[latin[i]!]!;
    const next = ROMAN_VALUE[latin[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return String(total);
}

/** Numbers ending a name after its specific words (Victory 3, Snow Storm 2) are a series mark and weigh this much. */
const SERIES_NUMBER_WEIGHT = 0.3;
/** "Plant No. 360", "Завод № 9": a number so marked is what the name is, not a series mark. */
const NUMBERED = /(?:№|#|\bno\.?|\bnr\.?|\bnumber)\s*\d+\s*$/iu;

/** Marks own names and fathers' names in a person's name with a nasab (see Token.nasab). */
function markNasab(tokens: Token[], from: number): void {
  const first = tokens.findIndex((t, i) => i > from && isNasabMarker(t.latin) && t.kind === 'word');
  if (first < 0) return;
  const fathers: Token[] = [];
  for (let i = first; i < tokens.length; i++) {
    if (!isNasabMarker(tokens[i]!.latin)) continue;
    const father = tokens.slice(i + 1).find((t) => t.weight >= GENERIC_THRESHOLD);
    if (father && !fathers.includes(father)) fathers.push(father);
  }
  if (fathers.length === 0) return; // a trailing "bin" says nothing of whose name is whose
  for (let i = from; i < first; i++) if (tokens[i]!.weight >= GENERIC_THRESHOLD) tokens[i]!.nasab = 'self';
  for (const f of fathers) f.nasab = 'father';
}

/** Whether a name whose schema does not say looks like a person's: a patronymic in place, or "FAMILY, Given". */
function looksLikePerson(keys: readonly string[], weights: readonly number[], comma: boolean): boolean {
  if (keys.length < 2 || keys.length > 6) return false;
  if (weights.some((w) => w < 1)) return false; // generic words: an organisation
  if (keys.some((k, i) => i >= 1 && (patronymicMarker(k) || (keys.length >= 3 && patronymicOf(k)?.style === 'slavic')))) return true;
  return comma && keys.length <= 4;
}

function makeToken(w: Word, key: string, kind: TokenKind, weight: number, index: number): Token {
  const script = scriptOf(w.text);
  const token: Token = {
    text: w.text,
    latin: w.latin,
    key,
    phonetic: phoneticKey(key),
    skeleton: consonantSkeleton(w.latin, script === 'hebrew'),
    weight,
    kind,
    script,
    index,
  };
  const readings = script === 'hangul' ? hangulReadings(w.text) : script === 'han' ? hanjaReadings(w.text, index === 0) : [];
  const other = readings.filter((r) => r !== w.latin);
  if (other.length > 0) token.readings = other;
  return token;
}

/**
 * Analyses one name (one alias as the list gives it). `schema` is the FtM schema when known:
 * Person gets person parts (given, patronymic, family, initial) and no legal forms but ИП;
 * Company, Organization and the like get generic-word weights and legal forms; LegalEntity or
 * nothing is guessed from the name.
 */
export function analyseName(name: string, schema?: string): AnalysedName {
  const { main, inner } = splitParentheses(name);
  const schemaPerson = schema === 'Person';
  const maybePerson = schemaPerson || schema === undefined || !NOT_PERSON.has(schema);
  // "PUTIN, Vladimir Vladimirovich": the words before the comma are the family name
  let words: Word[];
  let familyFirst = 0;
  const normMain = normalise(main);
  const comma = main.indexOf(',');
  if (maybePerson && comma > 0) {
    const fam = wordsOf(main.slice(0, comma));
    const rest = wordsOf(main.slice(comma + 1));
    words = [...fam, ...rest];
    if (fam.length >= 1 && fam.length <= 3 && rest.length >= 1) familyFirst = fam.length;
  } else {
    words = wordsOf(main, normMain);
  }
  if (schemaPerson) words = undoLeet(words);
  const latin = words.map((w) => w.latin);
  const keys = latin.map(latinKey);

  // legal forms (a person's name keeps its words, bar ИП)
  const forms = findLegalForms(words.map((w) => w.text), latin, keys, { person: schemaPerson });
  const legalForms: LegalFormClass[] = [];
  const removed = new Set<number>();
  for (const f of forms) {
    if (!legalForms.includes(f.cls)) legalForms.push(f.cls);
    for (let i = f.start; i < f.end; i++) removed.add(i);
  }
  for (const alt of inner) {
    const ws = wordsOf(alt);
    const l = ws.map((w) => w.latin);
    for (const f of findLegalForms(ws.map((w) => w.text), l, l.map(latinKey), { person: schemaPerson })) {
      if (!legalForms.includes(f.cls)) legalForms.push(f.cls);
    }
  }
  let keep = words.map((_, i) => i);
  if (removed.size < words.length) keep = keep.filter((i) => !removed.has(i));
  const kw = keep.map((i) => words[i]!);
  const kk = keep.map((i) => keys[i]!);
  const familyKept = keep.filter((i) => i < familyFirst).length;
  const orgWeights = genericWeights(kk);

  const person = kw.length > 0 && (schemaPerson || (maybePerson && legalForms.length === 0 && looksLikePerson(kk, orgWeights, familyFirst > 0)));
  const tokens: Token[] = [];
  if (person) {
    const parts = personParts(kk, familyKept, kw.map((w) => w.latin));
    kw.forEach((w, i) => {
      const part = parts[i]!;
      const kind: TokenKind = part === 'particle' || part === 'title' ? 'word' : part;
      const marker = part === 'patronymic' && patronymicMarker(kk[i]!) !== undefined;
      const t = makeToken(w, kk[i]!, kind, marker ? PARTICLE_WEIGHT : PERSON_WEIGHTS[part], i);
      if (part === 'patronymic' && !marker) t.stem = patronymicOf(kk[i]!)?.stem ?? kk[i];
      if (part === 'title') t.title = true;
      t.person = true;
      tokens.push(t);
    });
    markNasab(tokens, familyKept);
    if (tokens.every((t) => t.script === 'latin')) {
      const wadeGiles = wadeGilesReadings(tokens.map((t) => t.latin));
      if (wadeGiles) tokens.forEach((t, i) => wadeGiles[i]!.length > 0 && (t.readings = wadeGiles[i]));
    }
  } else {
    const numeric = kw.map((w, i) => (i > 0 ? romanNumber(w.latin) : undefined) ?? (DIGITS.test(w.latin) ? w.latin : undefined));
    // the trailing numbers after a specific word: Snow Storm 2, Trust XV, Series 2007-1 (not 123 Aviation Repair Plant, Plant No. 123)
    let tail = kw.length;
    while (tail > 0 && numeric[tail - 1] !== undefined) tail--;
    const series = !NUMBERED.test(main) && orgWeights.slice(0, tail).some((wt, i) => wt >= GENERIC_THRESHOLD && numeric[i] === undefined);
    kw.forEach((w, i) => {
      const value = numeric[i];
      const number = value !== undefined;
      const weight = number ? (series && i >= tail ? SERIES_NUMBER_WEIGHT : 1) : orgWeights[i]!;
      const t = makeToken(number ? { text: w.text, latin: value } : w, value ?? kk[i]!, number ? 'number' : 'word', weight, i);
      tokens.push(t);
    });
  }
  const genericOnly = person ? tokens.length === 0 : isGenericOnly(tokens.map((t) => t.weight));
  return {
    original: name,
    normalised: normMain,
    latin: latin.join(' '),
    tokens,
    legalForms,
    genericOnly,
    person,
    alternatives: inner,
  };
}

/** Whether a token is generic (weighs less than an ordinary word by the generic-word table). */
export function isGenericToken(t: Token): boolean {
  return t.weight < GENERIC_THRESHOLD;
}
