/**
 * Display transliteration of the Cyrillic names of the synthetic world into Latin, in the several
 * ways real records write them (customs declarations, passports, registries), and typos. Case is
 * kept: "Жарық" → "Zharyk", "ЖАРЫҚ" → "ZHARYK".
 */

export type Scheme = 'bgn' | 'icao' | 'simple';

const COMMON: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', ы: 'y', э: 'e',
  // Kazakh and Kyrgyz letters
  ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
};

const SCHEMES: Record<Scheme, Record<string, string>> = {
  bgn: { ...COMMON, е: 'e', ё: 'yo', ж: 'zh', й: 'y', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ь: '', ю: 'yu', я: 'ya', ң: 'ng', ғ: 'gh' },
  icao: { ...COMMON, е: 'e', ё: 'e', ж: 'zh', й: 'i', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ь: '', ю: 'iu', я: 'ia', қ: 'q' },
  simple: { ...COMMON, е: 'e', ё: 'e', ж: 'j', й: 'y', х: 'h', ц: 'c', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ь: '', ю: 'yu', я: 'ya' },
};

const VOWELS = new Set('аеёиоуыэюяәөұүі');

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

/** Latin spelling of a Cyrillic text; other characters pass through. */
export function toLatin(text: string, scheme: Scheme = 'bgn'): string {
  const table = SCHEMES[scheme];
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const low = ch.toLowerCase();
    let lat = table[low];
    if (lat === undefined) {
      out += ch;
      continue;
    }
    // BGN writes е as ye at the start of a word and after a vowel or soft/hard sign
    const prev = chars[i - 1]?.toLowerCase();
    if (scheme === 'bgn' && low === 'е' && (prev === undefined || !/\p{L}/u.test(prev) || VOWELS.has(prev) || prev === 'ь' || prev === 'ъ')) lat = 'ye';
    if (isUpper(ch) && lat.length > 0) {
      const next = chars[i + 1];
      const wordUpper = next !== undefined && /\p{L}/u.test(next) && isUpper(next);
      lat = wordUpper || lat.length === 1 ? lat.toUpperCase() : lat[0]!.toUpperCase() + lat.slice(1);
    }
    out += lat;
  }
  return out;
}

export function hasCyrillic(text: string): boolean {
  return /[\u0400-\u04ff]/.test(text);
}

/**
 * One typing slip in a name: a letter dropped, doubled, two letters swapped or a vowel changed.
 * Only inside words of four letters or more, so that the name stays recognisable.
 */
export function typo(text: string, r: { int(a: number, b: number): number; pick<T>(xs: readonly T[]): T }): string {
  const words = [...text.matchAll(/\p{L}{4,}/gu)];
  if (words.length === 0) return text;
  const w = r.pick(words);
  const start = w.index!;
  const word = w[0];
  const i = r.int(1, word.length - 2);
  let changed: string;
  switch (r.int(0, 3)) {
    case 0:
      changed = word.slice(0, i) + word.slice(i + 1);
      break;
    case 1:
      changed = word.slice(0, i) + word[i] + word.slice(i);
      break;
    case 2:
      changed = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      break;
    default: {
      const vowels = isUpper(word[i]!) ? 'AEIOU' : 'aeiou';
      const replacement = vowels[r.int(0, 4)]!;
      changed = word.slice(0, i) + replacement + word.slice(i + 1);
    }
  }
  return text.slice(0, start) + changed + text.slice(start + word.length);
}
