/**
 * Text normalisation for names, before any transliteration: Unicode NFKC, case folding, control
 * characters stripped, punctuation turned into token boundaries, whitespace collapsed.
 *
 * Diacritics are removed "where appropriate": marks that do not change how a letter is
 * transliterated go (Latin acute, grave, circumflex, diaeresis, ring, tilde, macron, cedilla on c,
 * breve on g…; Greek tonos; Cyrillic stress marks; Arabic harakat; Hebrew points), while marks that
 * make a different letter stay for the transliterator: the caron (č š ž → ch sh zh), the cedilla or
 * comma below on s and t (ş ș ţ ț → sh ts), the dot above on z (ż → zh), and on Cyrillic the breve
 * and diaeresis (й ў ё ї, which are not и у е і). Marks of other scripts (Devanagari vowel signs,
 * Thai…) are left alone for any-ascii.
 *
 * Apostrophes and quote marks between two letters are dropped (Gol'dberg → goldberg, O'Brien →
 * obrien, Obʺyedineniye → obyedineniye, Мар'яна → маряна); elsewhere they, and every other
 * punctuation mark or symbol («» “” „ ( ) - / . , ; : …), become a space. `&` becomes "and".
 */

// Apostrophe-like characters: ' ’ ‘ ʼ ʻ ` ´ ′ ʹ ʺ ＇ (not the straight double quote, which lists use
// as a quotation mark glued to the name: ООО"Ромашка")
const APOSTROPHES = '\'\u2019\u2018\u02BC\u02BB`\u00B4\u2032\u02B9\u02BA\uFF07';
const INNER_APOSTROPHE = new RegExp(`(?<=[\\p{L}\\p{M}])[${APOSTROPHES}]+(?=\\p{L})`, 'gu');
const WHITESPACE_CONTROLS = /[\t\n\r\v\f\u0085\u2028\u2029]/g;
const CONTROLS = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;
const NUMERO = /[№#]/g;
const AMPERSAND = /&/g;
const PUNCTUATION = /[\p{P}\p{S}\p{Z}]+/gu;
const SPACES = / {2,}/g;
const ASCII = /^[\x20-\x7E]*$/;
// A letter followed by combining marks of the Combining Diacritical Marks block.
const LETTER_MARKS = /(\p{L})([\u0300-\u036F]+)/gu;
// Arabic harakat, superscript alef and tatweel; Hebrew points and cantillation.
const SCRIPT_POINTS = /[\u064B-\u065F\u0670\u0640\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/g;
const LATIN_LETTER = /^[a-z]$/;
const CYRILLIC_LETTER = /^[\u0400-\u04FF\u0500-\u052F]$/;

function keepMarks(base: string, marks: string): string {
  if (CYRILLIC_LETTER.test(base)) {
    // keep breve (й ў) and diaeresis (ё ї ӧ); drop stress marks
    let kept = '';
    for (const m of marks) if (m === '\u0306' || m === '\u0308') kept += m;
    return base + kept;
  }
  if (LATIN_LETTER.test(base)) {
    let kept = '';
    for (const m of marks) {
      if (m === '\u030C') kept += m; // caron
      else if ((m === '\u0327' || m === '\u0326') && (base === 's' || base === 't')) kept += m; // ş ș ţ ț
      else if (m === '\u0307' && base === 'z') kept += m; // ż
    }
    return base + kept;
  }
  if (base >= '\u0370' && base <= '\u03FF') return base; // Greek: tonos, dialytika
  return base + marks;
}

/** Removes the diacritics that carry no transliteration value (see the module comment). */
export function stripDiacritics(text: string): string {
  if (ASCII.test(text)) return text;
  return text.normalize('NFD').replace(LETTER_MARKS, (_, base: string, marks: string) => keepMarks(base, marks)).replace(SCRIPT_POINTS, '').normalize('NFC');
}

/**
 * The normalised form of a name: NFKC, lower case, controls stripped, selected diacritics removed,
 * punctuation as single spaces, trimmed. Script is kept (Cyrillic stays Cyrillic).
 */
const ASCII_INNER_APOSTROPHE = /(?<=[a-z])['`]+(?=[a-z])/g;
const ASCII_OTHER = /[^a-z0-9]+/g;
const HAS_APOSTROPHE = new RegExp(`[${APOSTROPHES}]`);

// Dotted abbreviations are one word: A.B.C. = ABC, G.m.b.H. = GmbH, J.P. Morgan = JP Morgan.
// (Latin only: Arabic legal forms such as ش.ذ.م.م are matched letter by letter.)
const DOTTED_ABBREVIATION = /(?<![\p{L}\p{N}])(?:[A-Za-z]\.){1,}[A-Za-z](?![\p{L}\p{N}])\.?/gu;

// Slashed ones too: M/V, M/T (ship-name prefixes).
const SLASHED_ABBREVIATION = /(?<![\p{L}\p{N}])([A-Za-z])\/([A-Za-z])(?![\p{L}\p{N}])/gu;

function joinAbbreviations(text: string): string {
  let s = text.includes('.') ? text.replace(DOTTED_ABBREVIATION, (m) => m.replace(/\./g, '')) : text;
  if (s.includes('/')) s = s.replace(SLASHED_ABBREVIATION, '$1$2');
  return s;
}

export function normalise(text: string): string {
  let s = joinAbbreviations(text);
  const ascii = ASCII.test(s);
  if (ascii) {
    s = s.toLowerCase();
    if (s.includes('&')) s = s.replace(AMPERSAND, ' and ');
    if (s.includes("'") || s.includes('`')) s = s.replace(ASCII_INNER_APOSTROPHE, '');
    return s.replace(ASCII_OTHER, ' ').trim();
  }
  s = s.replace(NUMERO, ' ').normalize('NFKC').replace(WHITESPACE_CONTROLS, ' ').replace(CONTROLS, '').toLowerCase();
  s = stripDiacritics(s.replace(/ß/g, 'ss').replace(/ı/g, 'i'));
  s = s.replace(AMPERSAND, ' and ');
  if (HAS_APOSTROPHE.test(s)) s = s.replace(INNER_APOSTROPHE, '');
  return s.replace(PUNCTUATION, ' ').replace(SPACES, ' ').trim();
}

/** The tokens of a normalised string. */
export function tokens(normalised: string): string[] {
  return normalised === '' ? [] : normalised.split(' ');
}
