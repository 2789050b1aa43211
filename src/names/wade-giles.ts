/**
 * Chinese names in Wade-Giles (Mao Tse-tung, Hsi Chin-ping, Chiang Ching-kuo: older lists, Taiwan,
 * the press before 1979) read as the pinyin spellings lists use now (Mao Zedong, Xi Jinping).
 *
 * Lists drop Wade-Giles' apostrophes and umlauts, so an initial that was aspirated (p', t', k',
 * ch', ts') cannot be told from one that was not: both readings are given. A name is read only
 * when every word of it is a Wade-Giles syllable, or two or three of them joined by hyphens
 * (the given name "Chin-ping"), so ordinary words are left alone.
 */

// Initials, longest first, with their pinyin readings (unaspirated, then aspirated).
const INITIALS: Array<[string, string[]]> = [
  ['hs', ['x']], ['ch', ['zh', 'ch', 'j', 'q']], ['ts', ['z', 'c']], ['tz', ['z', 'c']], ['ss', ['s']], ['sz', ['s']],
  ['sh', ['sh']], ['p', ['b', 'p']], ['t', ['d', 't']], ['k', ['g', 'k']], ['j', ['r']], ['m', ['m']], ['f', ['f']],
  ['n', ['n']], ['l', ['l']], ['h', ['h']], ['s', ['s']], ['w', ['w']], ['y', ['y']],
];

// Finals of Wade-Giles with their pinyin spelling (ü written u, as lists do).
const FINALS: Record<string, string> = {
  a: 'a', ai: 'ai', an: 'an', ang: 'ang', ao: 'ao', e: 'e', eh: 'e', ei: 'ei', en: 'en', eng: 'eng', erh: 'er',
  i: 'i', ia: 'ia', iang: 'iang', iao: 'iao', ieh: 'ie', ien: 'ian', ih: 'i', in: 'in', ing: 'ing', iu: 'iu',
  iung: 'iong', o: 'o', ou: 'ou', u: 'u', ua: 'ua', uai: 'uai', uan: 'uan', uang: 'uang', uei: 'ui', ui: 'ui',
  un: 'un', ung: 'ong', uo: 'uo', ueh: 'ue',
};

// j and q (palatal) only before i and u(ü); zh and ch not before i (zhi is written chih)
const PALATAL = /^[iu]/;

/** The pinyin readings of one Wade-Giles syllable, or undefined if it is not one. */
export function wadeGilesSyllable(syllable: string): string[] | undefined {
  for (const [initial, readings] of [...INITIALS, ['', ['']] as [string, string[]]]) {
    if (!syllable.startsWith(initial)) continue;
    const rest = syllable.slice(initial.length);
    let final = FINALS[rest];
    if (final === undefined) continue;
    // ko, ho, k'o: the o after a velar is pinyin e (Ho → He, Ko → Ge)
    if (rest === 'o' && (initial === 'k' || initial === 'h')) final = 'e';
    const out = new Set<string>();
    for (const r of readings) {
      if ((r === 'j' || r === 'q') && !PALATAL.test(final)) continue;
      if ((r === 'zh' || r === 'ch') && PALATAL.test(final) && rest !== 'ih' && !final.startsWith('u')) continue;
      if (r === 'x' && !PALATAL.test(final)) continue;
      out.add(r + final);
    }
    if (out.size > 0) return [...out];
  }
  return undefined;
}

/** A syllable's readings combined with the next's, capped (three syllables with four readings each is enough). */
function combine(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (const x of a) for (const y of b) if (out.length < 32) out.push(x + y);
  return out;
}

/**
 * Pinyin readings of each word of a name (the words' Latin spellings; hyphens have already split
 * "Chin-ping" in two), other than the word itself, or undefined when the name is not Wade-Giles
 * throughout or reads as it is written.
 */
export function wadeGilesReadings(words: readonly string[]): string[][] | undefined {
  if (words.length < 2 || words.length > 4) return undefined;
  const out: string[][] = [];
  let changed = false;
  for (const w of words) {
    const r = wadeGilesSyllable(w);
    if (!r) return undefined;
    const other = r.filter((x) => x !== w);
    if (other.length > 0) changed = true;
    out.push(other);
  }
  return changed ? out : undefined;
}

/** Readings of syllables written apart, run together ("chin" + "ping" → jinping, qinping, …). */
export function joinedReadings(parts: ReadonlyArray<{ latin: string; readings?: string[] }>): string[] {
  let acc = [''];
  for (const p of parts) acc = combine(acc, [p.latin, ...(p.readings ?? [])]);
  return acc;
}
