import anyAscii from 'any-ascii';
import { hangulFamilySpelling } from './scripts.js';

/**
 * Transliteration of normalised name text (see normalise.ts) into lower-case ASCII Latin, and the
 * canonical skeleton `latinKey` that folds the usual variant romanisations of one name together.
 *
 * Cyrillic has dedicated tables per language (Russian BGN/passport-like, Ukrainian, Belarusian,
 * Kazakh, Kyrgyz/Mongolian, Serbian/Macedonian), chosen from the letters a name uses; Greek has its
 * own table with the ELOT digraphs; Latin letters that stand for Slavic sounds (č š ž ş ż ţ đ…)
 * become their digraphs; Chinese and Korean syllables are spelt one by one; everything else goes
 * through any-ascii.
 */

export type CyrillicLanguage = 'ru' | 'uk' | 'be' | 'kk' | 'ky' | 'sr';

const BASE: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // letters of other Cyrillic alphabets, for names whose language is not detected
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u', ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h',
  ђ: 'dj', ћ: 'c', џ: 'dzh', ј: 'j', љ: 'lj', њ: 'nj', ѓ: 'gj', ќ: 'kj', ѕ: 'dz', ӣ: 'i', ӯ: 'u', ҳ: 'h',
  ҷ: 'j', ҡ: 'k', ҙ: 'z', ҫ: 's', ӑ: 'a', ӗ: 'e', ӧ: 'o', ӱ: 'u', ӓ: 'a', ӹ: 'y', ӈ: 'n', ҕ: 'g', ӄ: 'k',
};

const TABLES: Record<CyrillicLanguage, Record<string, string>> = {
  ru: BASE,
  uk: { ...BASE, г: 'h', ґ: 'g', и: 'y', і: 'i', ї: 'yi', є: 'ye', е: 'e' },
  be: { ...BASE, г: 'h', ў: 'u', і: 'i' },
  kk: { ...BASE, ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i' },
  ky: { ...BASE, ң: 'n', ө: 'o', ү: 'u' },
  sr: { ...BASE, х: 'h', ц: 'c', ђ: 'dj', ћ: 'c', џ: 'dzh', ј: 'j', љ: 'lj', њ: 'nj', ѓ: 'gj', ќ: 'kj', ѕ: 'dz' },
};

/** Languages whose е is "ye" at the start of a word and after a vowel or a hard or soft sign. */
const IOTATED_E = new Set<CyrillicLanguage>(['ru', 'be', 'kk', 'ky']);
const CYRILLIC_VOWELS = new Set('аеёиоуыэюяіїєәөұүўъь'.split(''));

/**
 * The Cyrillic language a name is written in, from its letters: Kazakh (ә ғ қ ұ һ), Kyrgyz or
 * Mongolian (ң ө ү), Serbian or Macedonian (ђ ћ џ ј љ њ ѓ ќ ѕ), Belarusian (ў, or і with ы/э),
 * Ukrainian (ї є ґ, or і without ы/э), otherwise Russian.
 */
export function detectCyrillicLanguage(text: string): CyrillicLanguage {
  if (/[әғқұһ]/.test(text)) return 'kk';
  if (/[ңөү]/.test(text)) return 'ky';
  if (/[ђћџјљњѓќѕ]/.test(text)) return 'sr';
  if (/ў/.test(text)) return 'be';
  if (/[їєґ]/.test(text)) return 'uk';
  if (/і/.test(text)) return /[ыэ]/.test(text) ? 'be' : 'uk';
  return 'ru';
}

/** The language a single word decides by itself, if its letters do. */
function decisiveLanguage(word: string): CyrillicLanguage | undefined {
  if (/[әғқұһ]/.test(word)) return 'kk';
  if (/[ңөү]/.test(word)) return 'ky';
  if (/[ђћџјљњѓќѕ]/.test(word)) return 'sr';
  if (/ў/.test(word)) return 'be';
  if (/[їєґ]/.test(word)) return 'uk';
  return undefined;
}

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n',
  ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};
// Greek digraphs (ELOT 743); "start" forms apply at the beginning of a word
const GREEK_DIGRAPHS: Record<string, [string, string]> = {
  ου: ['ou', 'ou'], αι: ['ai', 'ai'], ει: ['ei', 'ei'], οι: ['oi', 'oi'], υι: ['yi', 'yi'], αυ: ['av', 'av'],
  ευ: ['ev', 'ev'], ηυ: ['iv', 'iv'], μπ: ['b', 'mb'], ντ: ['d', 'nt'], γκ: ['g', 'ng'], γγ: ['ng', 'ng'],
  γχ: ['nch', 'nch'], τσ: ['ts', 'ts'], τζ: ['tz', 'tz'],
};

/** Latin letters that stand for a digraph in name romanisation (after normalise). */
const LATIN_SPECIAL: Record<string, string> = {
  č: 'ch', š: 'sh', ž: 'zh', ř: 'r', ě: 'e', ň: 'n', ď: 'd', ť: 't', ľ: 'l', ǧ: 'g', ǰ: 'j', ȟ: 'h', ǩ: 'k',
  ǎ: 'a', ǐ: 'i', ǒ: 'o', ǔ: 'u', ǚ: 'u', ş: 'sh', ș: 'sh', ţ: 'ts', ț: 'ts', ż: 'zh', đ: 'dj', ð: 'd',
  þ: 'th', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', ı: 'i', ŋ: 'ng', ħ: 'h', ə: 'a', ĸ: 'k', ſ: 's',
};

const LOWER_ASCII = /^[a-z0-9 ]*$/;
const HAN_OR_HANGUL = /[\p{Script=Han}\p{Script=Hangul}]/u;
const CLEAN_INNER = /(?<=[a-z0-9])['`’‘]+(?=[a-z0-9])/g;
const NOT_ALNUM = /[^a-z0-9]+/g;

function isCyrillic(code: number): boolean {
  return (code >= 0x0400 && code <= 0x052f) || (code >= 0x1c80 && code <= 0x1c8f) || (code >= 0xa640 && code <= 0xa69f);
}

function isGreek(code: number): boolean {
  return code >= 0x0370 && code <= 0x03ff;
}

function cleanup(s: string): string {
  return s.toLowerCase().replace(CLEAN_INNER, '').replace(NOT_ALNUM, ' ').trim();
}

/**
 * A Cyrillic word: by the language its own letters decide (Kazakh қ, Ukrainian ї…); a word with
 * і alone by the name's language; any other word by the Russian table, so the Russian words of a
 * Kazakh or Ukrainian name ("ЭЛЕМ ГРУПП" beside "Жауапкершілігі") keep their г = g.
 */
function cyrillicWord(word: string, nameLang: CyrillicLanguage): string {
  const lang = decisiveLanguage(word) ?? (word.includes('і') ? nameLang : 'ru');
  const table = TABLES[lang];
  const iotated = IOTATED_E.has(lang);
  let out = '';
  let prev = '';
  for (const ch of word) {
    let t: string | undefined;
    if ((ch === 'е' || ch === 'ё') && iotated) t = prev === '' || CYRILLIC_VOWELS.has(prev) ? 'ye' : 'e';
    else t = table[ch];
    out += t ?? ch;
    prev = ch;
  }
  return out;
}

function greekWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const di = GREEK_DIGRAPHS[word.slice(i, i + 2)];
    if (di) {
      out += i === 0 ? di[0] : di[1];
      i++;
      continue;
    }
    const ch = word[i]!;
    out += GREEK[ch] ?? ch;
  }
  return out;
}

/**
 * One normalised word (no spaces) in Latin letters. Mixed-script words are handled letter by letter,
 * so a Latin word with a stray Cyrillic "о" still reads right. May return several space-separated
 * words (Chinese and Korean syllables inside a mixed word are spelt one by one).
 */
function wordToLatin(word: string, lang: CyrillicLanguage): string {
  if (LOWER_ASCII.test(word)) return word;
  let out = '';
  let run = ''; // characters for any-ascii
  let cyr = '';
  let greek = '';
  const flushRun = () => {
    if (run) out += anyAscii(run);
    run = '';
  };
  const flushCyr = () => {
    if (cyr) out += cyrillicWord(cyr, lang);
    cyr = '';
  };
  const flushGreek = () => {
    if (greek) out += greekWord(greek);
    greek = '';
  };
  for (const ch of word) {
    const code = ch.codePointAt(0)!;
    if (isCyrillic(code)) {
      flushRun();
      flushGreek();
      cyr += ch;
      continue;
    }
    flushCyr();
    if (isGreek(code)) {
      flushRun();
      greek += ch;
      continue;
    }
    flushGreek();
    if (code < 0x80) {
      flushRun();
      out += ch;
    } else if (LATIN_SPECIAL[ch] !== undefined) {
      flushRun();
      out += LATIN_SPECIAL[ch];
    } else if (code === 0x030c || code === 0x0327 || code === 0x0326 || code === 0x0307) {
      // a mark normalise kept on a letter with no precomposed form: the base letter stands
    } else if (HAN_OR_HANGUL.test(ch)) {
      flushRun();
      out += ` ${anyAscii(ch)} `;
    } else if (ch === 'ւ' && run.endsWith('ո')) {
      // Armenian ու is u (any-ascii gives "ow")
      run = run.slice(0, -1);
      flushRun();
      out += 'u';
    } else {
      run += ch;
    }
  }
  flushRun();
  flushCyr();
  flushGreek();
  return cleanup(out);
}

/**
 * Normalised text (see normalise.ts) in lower-case ASCII Latin, words separated by single spaces.
 * `lang` forces a Cyrillic language; by default it is detected from the whole text, and a word
 * with letters of its own language (Kazakh қ, Ukrainian ї…) uses that language.
 */
export function toLatin(normalised: string, lang?: CyrillicLanguage): string {
  if (LOWER_ASCII.test(normalised)) return normalised;
  const language = lang ?? detectCyrillicLanguage(normalised);
  const words = normalised.split(' ');
  let out = '';
  for (const w of words) {
    for (const p of wordPieces(w, language)) out = out ? `${out} ${p.latin}` : p.latin;
  }
  return out;
}

/** A piece of a normalised word and its Latin spelling (one Latin word). */
export interface Piece {
  text: string;
  latin: string;
}

const HAN_HANGUL_ONLY = /^[\p{Script=Han}\p{Script=Hangul}]+$/u;
const HANGUL_ONLY = /^\p{Script=Hangul}+$/u;

/**
 * The Latin words of one normalised word, each with the piece of the word it spells: usually one
 * piece; a Chinese or Korean word of 2–3 syllables written `alone` (the shape of a personal name:
 * 김정은, 习近平) gives the family syllable and the given syllables joined; a longer Chinese word one piece per syllable, a longer
 * Korean word one piece.
 */
export function wordPieces(word: string, lang: CyrillicLanguage = 'ru', alone = true): Piece[] {
  if (LOWER_ASCII.test(word)) return word === '' ? [] : [{ text: word, latin: word }];
  if (HAN_HANGUL_ONLY.test(word)) {
    const chars = Array.from(word);
    const syl = chars.map((c) => cleanup(anyAscii(c)));
    // a name written in parts (민서 성수 김, 小红 李) has its given name as one word
    if (!alone && chars.length <= 3) return [{ text: word, latin: syl.join('') }];
    if (chars.length <= 3 && chars.length >= 2) {
      // a Korean family name in its customary spelling (이 Lee, 박 Park), the Revised one among its readings
      const family = hangulFamilySpelling(chars[0]!) ?? syl[0]!;
      return [{ text: chars[0]!, latin: family }, { text: chars.slice(1).join(''), latin: syl.slice(1).join('') }];
    }
    // a longer Korean word is not a name of family + given syllables but one word (블라디미르)
    if (HANGUL_ONLY.test(word)) return [{ text: word, latin: syl.join('') }];
    return chars.map((c, i) => ({ text: c, latin: syl[i]! })).filter((p) => p.latin !== '');
  }
  const l = wordToLatin(word, lang);
  return l === '' ? [] : l.split(' ').map((latin) => ({ text: word, latin }));
}

/** The Latin words of one normalised word, as toLatin would spell them in a name of `lang`. */
export function wordLatin(word: string, lang: CyrillicLanguage = 'ru'): string[] {
  return wordPieces(word, lang).map((p) => p.latin);
}

// ---------------------------------------------------------------------------------------------
// latinKey: the canonical skeleton of one Latin word

const C = 'bcdfghjklmnpqrstvwxzJ';
/** A rule: pattern, replacement, and a letter the word must contain for the rule to apply. */
type Rule = [RegExp, string, string?];
/** Applied in order; J is a placeholder for the ж/дж sound (zh, dzh, j…), kept apart from the й glides. */
const KEY_RULES: Rule[] = [
  // endings first, while the spelling is still as written
  [/itx$|itj$/, 'ich', 't'], // Catalan, Scandinavian -itx/-itj = -ich
  [/[vw]ici?$|[vw]it[sz]j?$/, 'vich', 'i'], // -ović, -ovici, Turkish -oviç stripped, Greek -οβιτς, Dutch -ovitsj
  // foreign spellings of Slavic consonants
  [/schtsch|shtsh|chtch|szcz|shch/g, 'sh', 'h'], // щ (folded with ш)
  [/tsch|tsj|tch|cz/g, 'ch', 'c'], // ч: German, Dutch, French, Polish
  [/cs(?=[aeiouy]|$)/g, 'ch', 'c'], // Hungarian cs
  [/dsch|dzs/g, 'J', 'd'], // German, Hungarian дж
  [/sch|sz/g, 'sh', 's'], // German, Polish ш
  // word-initial iotated vowels: Yevgeny/Evgeny/Ievgenii, Iurii/Yuri, Iakov/Yakov
  [/^[yi]e/, 'e', 'e'],
  [/^i(?=[aou])/, 'y', 'i'],
  // j as й only after a vowel and before a consonant or the end (Sergej, Dmitrij, Gajdar): in the
  // lists j is mostly the English, Arabic, Turkic j (Majid, Najib, Nurgojo, Tejarat, Nejad)
  [/(?<=[aeiouy])j(?=[^aeiouj]|$)/g, 'y', 'j'],
  // ж and дж: zh, dzh, dj, French and Kazakh j
  [/dzh|dj|zh|j/g, 'J'],
  [/kh/g, 'h', 'h'],
  [/gh/g, 'g', 'h'],
  [/ph/g, 'f', 'h'],
  [/th/g, 't', 'h'],
  [/ck/g, 'k', 'k'],
  [/q/g, 'k', 'q'],
  [/x/g, 'ks', 'x'],
  [/w/g, 'v', 'w'],
  [/tz/g, 'ts', 'z'],
  [/c(?=[eiy])/g, 's', 'c'],
  [/c(?!h)/g, 'k', 'c'],
  // vowels: French ou, English oo
  [/ou|oo/g, 'u', 'o'],
  // ё after a consonant: Pyotr/Piotr/Petr, Fyodor/Fedor, Solovyov/Solovyev
  [new RegExp(`(?<=[${C}])[yi]o(?=[${C}])`, 'g'), 'e', 'o'],
  // glides before a vowel: Nikolayevich/Nikolaevich, Mayak/Maiak, Tatyana/Tatiana, Vasilyev/Vasiliev/Vasilev
  [/(?<=[aeiou])[yi](?=[aeiou])/g, ''],
  [new RegExp(`(?<=[${C}])[yi]+(?=[aeiou])`, 'g'), ''],
  // remaining y is a vowel (ы) or a final й: Dmitry/Dmitriy/Dmitrii, Sergey/Sergei
  [/(?!^)y|^y(?![aeiou])/g, 'i', 'y'],
  // silent final h after a vowel: Abdullah/Abdulla, Sarah/Sara
  [/(?<=[aeiou])h$/, '', 'h'],
  // silent final e and -er after a consonant: Poutine/Putin, Alexandre/Alexander/Aleksandr, Peter/Petr
  [/(?<=..[^aeiou])e$/, '', 'e'],
  [/(?<=..[^aeiou])er$/, 'r', 'r'],
  // double letters
  [/(.)\1+/g, '$1'],
];

const HAS_LETTER = /[a-z]/;
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_MAX = 50_000;

/**
 * The canonical skeleton of one lower-case Latin word: folds the spellings that different
 * romanisations give one name (Yevgeny/Evgeny/Evgenii/Ievgenii → evgeni; Aleksandr/Alexander →
 * aleksandr; Yuriy/Yury/Iurii → yuri; Putin/Poutine/Putyin → putin; kh/h, x/ks, w/v, ph/f,
 * ck/k, q/k, ts/tz, zh/dzh/j, -iy/-y/-ii endings, glides, double letters). Keys are for comparison
 * only: different names can share one (Maria and Mara both give "mara"). Numbers are returned
 * unchanged. A bounded memo (cleared when full) keeps repeated words cheap.
 */
export function latinKey(word: string): string {
  if (!HAS_LETTER.test(word)) return word;
  const cached = KEY_CACHE.get(word);
  if (cached !== undefined) return cached;
  let s = word;
  for (const [re, to, guard] of KEY_RULES) if (guard === undefined || s.includes(guard)) s = s.replace(re, to);
  s = s.replace(/J/g, 'j');
  if (s === '') s = word;
  if (KEY_CACHE.size >= KEY_CACHE_MAX) KEY_CACHE.clear();
  KEY_CACHE.set(word, s);
  return s;
}

/** The script a normalised word is mostly written in. */
export type Script = 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'han' | 'hangul' | 'kana' | 'other' | 'digits';

export function scriptOf(word: string): Script {
  let latin = 0;
  let cyr = 0;
  let other = 0;
  let digits = 0;
  let first: Script | undefined;
  for (const ch of word) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x30 && code <= 0x39) digits++;
    else if (code < 0x250) latin++;
    else if (isCyrillic(code)) cyr++;
    else {
      other++;
      if (first === undefined) {
        if (isGreek(code)) first = 'greek';
        else if ((code >= 0x0600 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x077f) || (code >= 0xfb50 && code <= 0xfeff)) first = 'arabic';
        else if (code >= 0x0590 && code <= 0x05ff) first = 'hebrew';
        else if (code >= 0xac00 && code <= 0xd7a3) first = 'hangul';
        else if (code >= 0x3040 && code <= 0x30ff) first = 'kana';
        else if (HAN_OR_HANGUL.test(ch)) first = 'han';
        else first = 'other';
      }
    }
  }
  if (latin === 0 && cyr === 0 && other === 0) return digits > 0 ? 'digits' : 'other';
  if (cyr >= latin && cyr >= other) return 'cyrillic';
  if (latin >= other) return 'latin';
  return first ?? 'other';
}
