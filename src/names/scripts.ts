import anyAscii from 'any-ascii';
import { translate as hanjaToHangul } from 'hanja/lib/translate.js';

/**
 * Comparing a word written in a script without a one-to-one Latin spelling against a Latin word.
 *
 * - Arabic and Hebrew write few vowels: محمد is "mhmd", بوتين "bwtyn". `abjadEdits` aligns such a
 *   spelling with a Latin one, letting the Latin side add vowels freely, the long-vowel letters
 *   (alif, waw, ya; Hebrew vav, yod) stand for vowels, and consonants match by class (b/p, f/v, d/t,
 *   g/k/q/c, s/z; Arabic has no p or v: فلاديمير is Vladimir).
 * - Korean names are spelled by several romanisations (Revised: Gim Jeongeun, Bak; McCune-Reischauer
 *   and custom: Kim Jong Un, Park). `hangulReadings` gives a word's Revised spelling, the customary
 *   spellings of family names, and, for loanwords (블라디미르 푸틴), the spelling without the
 *   vowel ㅡ that Korean inserts between consonants; `koreanFold` folds both sides' spellings.
 * - Japanese katakana loanwords (ウラジーミル・プーチン, "urajimiru puchin") get `kanaFold`, a fold of
 *   both sides onto Japanese sounds (l/r, ti/chi, di/ji, v before a consonant as u).
 * - Chinese characters get their Sino-Korean reading (hanja package: 金正恩 → 김정은 → Kim Jong Un)
 *   besides any-ascii's Mandarin; Japanese readings of kanji (山田 Yamada) would need a dictionary
 *   of names and are not attempted.
 */

// ---------------------------------------------------------------------------------------------
// Arabic, Hebrew

const VOWEL = /[aeiouy]/;
type Unit = { text: string; cls: string };

const DIGRAPHS = ['kh', 'sh', 'ch', 'zh', 'th', 'dh', 'gh', 'ph'];
const CONSONANT_CLASS: Record<string, string> = {
  b: 'p', p: 'p', f: 'f', v: 'f', ph: 'f', d: 't', t: 't', th: 't', dh: 't', g: 'k', k: 'k', q: 'k', c: 'k', gh: 'k',
  s: 's', z: 's', sh: 'X', ch: 'X', zh: 'X', j: 'X', x: 'X', kh: 'H', h: 'H', l: 'l', r: 'r', m: 'm', n: 'n',
};

function units(word: string): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < word.length; ) {
    const two = word.slice(i, i + 2);
    if (DIGRAPHS.includes(two)) {
      out.push({ text: two, cls: CONSONANT_CLASS[two]! });
      i += 2;
      continue;
    }
    const ch = word[i]!;
    // a doubled letter is one sound (Mohammed, Hassan)
    if (out.length > 0 && out[out.length - 1]!.text === ch) {
      i++;
      continue;
    }
    // y and w before a vowel are consonants (Yasir, Walid), elsewhere y is a vowel (Dmitriy)
    const glide = (ch === 'y' || ch === 'w') && VOWEL.test(word[i + 1] ?? '');
    out.push({ text: ch, cls: ch === 'y' && !glide ? 'V' : VOWEL.test(ch) && ch !== 'y' ? 'V' : (CONSONANT_CLASS[ch] ?? ch) });
    i++;
  }
  return out;
}

/** Letters of an abjad spelling that may stand for a vowel, and the vowels each may stand for. */
const MATRES: Record<string, RegExp> = { a: /[aeo]/, w: /[uow]/, y: /[iey]/, v: /[uov]/, i: /[iey]/, u: /[uo]/, o: /[ou]/, e: /[ei]/ };

/**
 * The fewest edits aligning a vowelless spelling (`abjad`, any-ascii of Arabic or Hebrew) with a Latin
 * spelling, where vowels added on the Latin side are free, a long-vowel letter may stand for a vowel,
 * be a consonant, or be left out (1 edit), and consonants match by class (1 edit otherwise). Returns
 * Infinity when no alignment within `maxEdits` exists.
 */
export function abjadEdits(abjad: string, latin: string, maxEdits = 1): number {
  const a = units(abjad);
  const b = units(latin);
  const n = a.length;
  const m = b.length;
  // dp[i][j]: fewest edits aligning a[0..i) with b[0..j)
  let prev = new Array<number>(m + 1).fill(Infinity);
  let cur = new Array<number>(m + 1).fill(Infinity);
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = b[j - 1]!.cls === 'V' ? prev[j - 1]! : prev[j - 1]! + 1;
  for (let i = 1; i <= n; i++) {
    const u = a[i - 1]!;
    const mater = MATRES[u.text];
    cur[0] = prev[0]! + 1;
    for (let j = 1; j <= m; j++) {
      const w = b[j - 1]!;
      let best = Infinity;
      // a Latin vowel the abjad does not write
      if (w.cls === 'V') best = cur[j - 1]!;
      // an abjad letter left out (a silent alif, a final ta marbuta), or a Latin consonant added
      best = Math.min(best, prev[j]! + 1, cur[j - 1]! + 1);
      if (mater && mater.test(w.text)) best = Math.min(best, prev[j - 1]!);
      else if (u.cls === w.cls) best = Math.min(best, prev[j - 1]!);
      else best = Math.min(best, prev[j - 1]! + 1);
      cur[j] = best;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m]! <= maxEdits ? prev[m]! : Infinity;
}

/** The consonants an abjad spelling writes, long-vowel letters (which may be vowels) not counted. */
export function abjadConsonants(abjad: string): number {
  return units(abjad).filter((u) => u.cls !== 'V' && !MATRES[u.text]).length;
}

// ---------------------------------------------------------------------------------------------
// Korean

const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const MEDIALS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];
const EU = 18;
const NO_INITIAL = 11;

interface Syllable {
  initial: number;
  medial: number;
  final: number;
}

function syllables(word: string): Syllable[] | undefined {
  const out: Syllable[] = [];
  for (const ch of word) {
    const code = ch.codePointAt(0)! - 0xac00;
    if (code < 0 || code > 11171) return undefined;
    out.push({ initial: Math.floor(code / 588), medial: Math.floor((code % 588) / 28), final: code % 28 });
  }
  return out;
}

/** Customary Latin spellings of Korean family names (passports, lists, the press). */
const FAMILY_NAMES: Record<string, string[]> = {
  김: ['kim'], 이: ['lee', 'yi', 'rhee', 'ri', 'li'], 박: ['park', 'pak'], 최: ['choi', 'choe'], 정: ['jung', 'chung', 'jeong', 'chong'],
  강: ['kang'], 조: ['cho', 'jo'], 윤: ['yoon', 'yun'], 장: ['jang', 'chang'], 임: ['lim', 'im', 'rim'], 한: ['han'], 오: ['oh', 'o'],
  서: ['seo', 'suh'], 신: ['shin', 'sin'], 권: ['kwon', 'gwon'], 황: ['hwang'], 안: ['ahn', 'an'], 송: ['song'], 류: ['ryu', 'yoo', 'yu'],
  유: ['yoo', 'yu'], 홍: ['hong'], 전: ['jeon', 'chun', 'jun', 'chon'], 고: ['ko', 'koh', 'go'], 문: ['moon', 'mun'], 양: ['yang'],
  손: ['son', 'sohn'], 배: ['bae', 'pae'], 백: ['baek', 'paek', 'paik'], 허: ['heo', 'huh', 'ho'], 노: ['roh', 'noh', 'no'], 남: ['nam'],
  심: ['sim', 'shim'], 하: ['ha'], 곽: ['kwak'], 성: ['sung', 'seong'], 차: ['cha'], 주: ['joo', 'ju', 'chu'], 우: ['woo', 'u'],
  구: ['koo', 'ku', 'gu'], 민: ['min'], 나: ['na', 'ra'], 진: ['jin', 'chin'], 지: ['ji', 'chi'], 엄: ['eom', 'um'], 채: ['chae'],
  원: ['won'], 천: ['cheon', 'chun'], 방: ['bang', 'pang'], 공: ['kong'], 현: ['hyun', 'hyeon'], 리: ['ri', 'lee'], 량: ['ryang'],
};

/** Family names whose hanja read otherwise as a name than as a word (金 is 김 Kim, not 금 geum). */
const HANJA_FAMILY: Record<string, string> = { 金: '김' };

/**
 * Korean readings of a word in Chinese characters, where the word has the shape of a Korean name's
 * part: a family name's customary spellings (`family`: 金 Kim, 朴 Park), or a given name of two
 * syllables (正恩 Jeongeun). A lone character is not read: one syllable read as Korean meets too
 * many Latin words by chance (朱 ju / Chou).
 */
export function hanjaReadings(word: string, family: boolean): string[] {
  const chars = Array.from(word);
  if (family) {
    const hangul = HANJA_FAMILY[word] ?? hanjaToHangul(word, 'SUBSTITUTION');
    return chars.length === 1 ? (FAMILY_NAMES[hangul] ?? []) : [];
  }
  if (chars.length < 2) return [];
  const hangul = hanjaToHangul(word, 'SUBSTITUTION');
  return hangul === word ? [] : hangulReadings(hangul);
}

/** The most common Latin spelling of a Korean family name (이 Lee, 박 Park, 김 Kim), if known. */
export function hangulFamilySpelling(syllable: string): string | undefined {
  return FAMILY_NAMES[syllable]?.[0];
}

/**
 * Latin readings of a Hangul word: its Revised Romanisation, customary spellings when it is one
 * family-name syllable, and the loanword reading (블라디미르 → "bladimir": the inserted ㅡ left out,
 * ㄹㄹ as l).
 */
export function hangulReadings(word: string): string[] {
  const syl = syllables(word);
  if (!syl || syl.length === 0) return [];
  const revised = syl.map((s) => INITIALS[s.initial]! + MEDIALS[s.medial]! + FINALS[s.final]!).join('');
  const out = new Set<string>([revised]);
  for (const v of FAMILY_NAMES[word] ?? []) out.add(v);
  if (syl.length >= 2 && syl.some((s) => s.medial === EU && s.initial !== NO_INITIAL)) {
    let loan = '';
    syl.forEach((s, i) => {
      const initial = INITIALS[s.initial]!;
      // ㄹ after a final ㄹ is one l; an initial ㄹ elsewhere in a loanword is r or l
      loan += i > 0 && syl[i - 1]!.final === 8 && s.initial === 5 ? '' : initial;
      if (!(s.medial === EU && s.initial !== NO_INITIAL)) loan += MEDIALS[s.medial]!;
      loan += s.final === 8 ? 'l' : FINALS[s.final]!;
    });
    out.add(loan);
  }
  return [...out];
}

const KOREAN_FOLDS: [RegExp, string][] = [
  [/-/g, ''],
  [/eui|ui/g, 'i'],
  [/eo|eu|oo|u/g, 'o'],
  [/ee/g, 'i'],
  [/ae|ai/g, 'e'],
  [/ch|j|zh/g, 'c'],
  [/sh/g, 's'],
  [/g/g, 'k'],
  [/d/g, 't'],
  [/[bvf]/g, 'p'],
  [/r/g, 'l'],
  [/h$/g, ''],
  [/(.)\1+/g, '$1'],
];

/** A spelling folded so the romanisations of Korean meet (Jeong/Jung/Chung, Gim/Kim, Seong/Sung). */
export function koreanFold(spelling: string): string {
  return memoFold(KOREAN_CACHE, KOREAN_FOLDS, spelling);
}

/** Folds are asked for the same Latin words over and over (every candidate of a query): memoised in bounded maps, cleared when full. */
const FOLD_CACHE_MAX = 50_000;
const KOREAN_CACHE = new Map<string, string>();
const KANA_CACHE = new Map<string, string>();

function memoFold(cache: Map<string, string>, rules: readonly [RegExp, string][], spelling: string): string {
  const cached = cache.get(spelling);
  if (cached !== undefined) return cached;
  let s = spelling;
  for (const [re, to] of rules) s = s.replace(re, to);
  if (cache.size >= FOLD_CACHE_MAX) cache.clear();
  cache.set(spelling, s);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Japanese kana

const KANA_FOLDS: [RegExp, string][] = [
  [/l/g, 'r'],
  [/v(?=[^aeiou]|$)/g, 'u'],
  [/v/g, 'b'],
  [/w(?=[^aeiou]|$)/g, 'u'],
  [/chi|ti/g, 'ci'],
  [/tsu|tu/g, 'cu'],
  [/ji|di|zi/g, 'ji'],
  [/shi|si/g, 'si'],
  [/fu|hu/g, 'fu'],
  [/(.)\1+/g, '$1'],
  // a final vowel Japanese adds to a final consonant
  [/(?<=[^aeioun])[uo]$/, ''],
];

/** A spelling folded onto Japanese sounds, for katakana loanwords against their Latin originals. */
export function kanaFold(spelling: string): string {
  return memoFold(KANA_CACHE, KANA_FOLDS, spelling);
}

/**
 * A likely Latin spelling of a katakana loanword, for finding candidates: the vowel Japanese adds
 * to a final consonant dropped, chi/ji read as ti/di (プーチン "puchin" → putin).
 */
export function kanaLatinGuess(spelling: string): string {
  return spelling.replace(/(.)\1+/g, '$1').replace(/chi/g, 'ti').replace(/ji/g, 'di').replace(/(?<=[^aeioun])[uo]$/, '');
}

// Hangul syllables: (initial × 21 + medial) × 28 + final, from U+AC00
const HANGUL_BASE = 0xac00;
const RIEUL = 5;
const NIEUN = 2;
const IEUNG = 11;
/** Medials before which an initial ㄴ falls silent at the start of a word in South Korean spelling: ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ. */
const IOTATED = new Set([2, 6, 7, 12, 17, 20]);

/**
 * A Hangul syllable with the South Korean initial-sound rule undone, so the North Korean 리, 룡, 로
 * meet the South Korean 이, 용, 노: initial ㄹ read as ㄴ, and ㄴ before an iotated vowel as ㅇ.
 */
function initialSoundFold(ch: string): string {
  const code = ch.charCodeAt(0) - HANGUL_BASE;
  if (code < 0 || code > 11171) return ch;
  let initial = Math.floor(code / 588);
  const medial = Math.floor((code % 588) / 28);
  const final = code % 28;
  if (initial === RIEUL) initial = NIEUN;
  if (initial === NIEUN && IOTATED.has(medial)) initial = IEUNG;
  return String.fromCharCode(HANGUL_BASE + initial * 588 + medial * 28 + final);
}

/**
 * Whether two words written in Chinese characters or Hangul are the same syllable by syllable:
 * in these scripts each character is a unit of the name, so 김정은 and 김종은, 习近平 and 习近朋 are
 * different names however close their romanisations. Characters agree when equal, when Hangul
 * syllables agree under the initial-sound rule (리/이), or when Chinese characters share their
 * reading (a simplified and a traditional form: 习/習). Undefined when the words are not both in
 * one of these scripts or differ in length.
 */
export function sameSyllables(a: string, b: string): boolean | undefined {
  const ca = [...a];
  const cb = [...b];
  if (ca.length !== cb.length || ca.length === 0) return undefined;
  for (let i = 0; i < ca.length; i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    if (x === y) continue;
    const hx = HANGUL_SYLLABLE.test(x);
    const hy = HANGUL_SYLLABLE.test(y);
    if (hx && hy) {
      if (initialSoundFold(x) !== initialSoundFold(y)) return false;
    } else if (HAN_CHARACTER.test(x) && HAN_CHARACTER.test(y)) {
      if (anyAscii(x).toLowerCase() !== anyAscii(y).toLowerCase()) return false;
    } else return undefined;
  }
  return true;
}

const HANGUL_SYLLABLE = /^[\uac00-\ud7a3]$/;
const HAN_CHARACTER = /^\p{Script=Han}$/u;
