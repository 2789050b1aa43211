/**
 * Identifiers that carry facts (DOMAIN.md §3): Kazakh BIN/IIN, Russian INN/OGRN, Kyrgyz INN.
 * Every cleaner keeps the digits-only form beside the original; validators check lengths, check
 * digits and the date the number encodes.
 */

export type IdentifierKind = 'kz-bin' | 'kz-iin' | 'ru-inn' | 'ru-ogrn' | 'ru-ogrnip' | 'kg-inn';

export interface IdentifierFacts {
  kind: IdentifierKind;
  /** digits-only form */
  digits: string;
  valid: boolean;
  /** why it is invalid, when it is */
  problem?: string;
  /** registration date (companies) or birth date (people) encoded in the number, partial ISO */
  date?: string;
  dateMeaning?: 'registration' | 'birth';
}

/** Digits-only form of an identifier ("7744 001-497" → "7744001497"); empty if none. */
export function digitsOnly(raw: string): string {
  return raw.replace(/\D+/g, '');
}

/** Compact form used to compare identifiers that mix letters and digits ("AB 12-34" → "AB1234"). */
export function compactIdentifier(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function n(digits: string, i: number): number {
  return digits.charCodeAt(i) - 48;
}

function weighted(digits: string, weights: number[]): number {
  return weights.reduce((sum, w, i) => sum + w * n(digits, i), 0);
}

function validDate(y: number, m: number, d?: number): boolean {
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const p2 = (x: number) => String(x).padStart(2, '0');

/** Two-digit year → four digits, taking the most recent year not in the future of `pivot`. */
function fullYear(yy: number, pivot = new Date().getUTCFullYear()): number {
  const century = Math.floor(pivot / 100) * 100;
  return century + yy > pivot ? century - 100 + yy : century + yy;
}

function kzCheckDigitOk(digits: string): boolean {
  const w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  let c = weighted(digits, w1) % 11;
  if (c === 10) {
    c = weighted(digits, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]) % 11;
    if (c === 10) return false;
  }
  return c === n(digits, 11);
}

/** Kazakhstan BIN (legal entities): YYMM of registration, then a type digit 4–6, 12 digits with a check digit. */
export function kzBin(raw: string): IdentifierFacts {
  const digits = digitsOnly(raw);
  const facts: IdentifierFacts = { kind: 'kz-bin', digits, valid: false };
  if (digits.length !== 12) return { ...facts, problem: `a BIN has 12 digits, this has ${digits.length}` };
  const yy = Number(digits.slice(0, 2));
  const mm = Number(digits.slice(2, 4));
  if (!/[456]/.test(digits[4]!)) return { ...facts, problem: `5th digit ${digits[4]} is not a legal-entity type (4, 5 or 6)` };
  const year = fullYear(yy);
  if (!validDate(year, mm)) return { ...facts, problem: `month ${digits.slice(2, 4)} is not a month` };
  if (!kzCheckDigitOk(digits)) return { ...facts, problem: 'check digit does not match' };
  return { ...facts, valid: true, date: `${year}-${p2(mm)}`, dateMeaning: 'registration' };
}

/** Kazakhstan IIN (people): YYMMDD birth date, a century/gender digit, 12 digits with a check digit. */
export function kzIin(raw: string): IdentifierFacts {
  const digits = digitsOnly(raw);
  const facts: IdentifierFacts = { kind: 'kz-iin', digits, valid: false };
  if (digits.length !== 12) return { ...facts, problem: `an IIN has 12 digits, this has ${digits.length}` };
  const centuryDigit = n(digits, 6);
  if (centuryDigit < 1 || centuryDigit > 6) return { ...facts, problem: `7th digit ${centuryDigit} is not a century/gender digit` };
  const year = 1800 + Math.floor((centuryDigit - 1) / 2) * 100 + Number(digits.slice(0, 2));
  const mm = Number(digits.slice(2, 4));
  const dd = Number(digits.slice(4, 6));
  if (!validDate(year, mm, dd)) return { ...facts, problem: `${digits.slice(0, 6)} is not a birth date` };
  if (!kzCheckDigitOk(digits)) return { ...facts, problem: 'check digit does not match' };
  return { ...facts, valid: true, date: `${year}-${p2(mm)}-${p2(dd)}`, dateMeaning: 'birth' };
}

/** Russian INN: 10 digits for organisations, 12 for individuals, with check digits. */
export function ruInn(raw: string): IdentifierFacts {
  const digits = digitsOnly(raw);
  const facts: IdentifierFacts = { kind: 'ru-inn', digits, valid: false };
  if (digits.length === 10) {
    const c = (weighted(digits, [2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
    return c === n(digits, 9) ? { ...facts, valid: true } : { ...facts, problem: 'check digit does not match' };
  }
  if (digits.length === 12) {
    const c11 = (weighted(digits, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
    const c12 = (weighted(digits, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
    return c11 === n(digits, 10) && c12 === n(digits, 11)
      ? { ...facts, valid: true }
      : { ...facts, problem: 'check digits do not match' };
  }
  return { ...facts, problem: `an INN has 10 or 12 digits, this has ${digits.length}` };
}

/** Russian OGRN (13 digits, legal entities) or OGRNIP (15 digits, sole traders); digits 2–3 are the year of registration. */
export function ruOgrn(raw: string): IdentifierFacts {
  const digits = digitsOnly(raw);
  if (digits.length !== 13 && digits.length !== 15) {
    return { kind: 'ru-ogrn', digits, valid: false, problem: `an OGRN has 13 digits (OGRNIP 15), this has ${digits.length}` };
  }
  const kind: IdentifierKind = digits.length === 13 ? 'ru-ogrn' : 'ru-ogrnip';
  const body = BigInt(digits.slice(0, -1));
  const check = Number((body % (digits.length === 13 ? 11n : 13n)) % 10n);
  const facts: IdentifierFacts = { kind, digits, valid: false };
  if (check !== n(digits, digits.length - 1)) return { ...facts, problem: 'check digit does not match' };
  const year = fullYear(Number(digits.slice(1, 3)));
  return { ...facts, valid: true, date: String(year), dateMeaning: 'registration' };
}

/** Kyrgyz INN: 14 digits, a leading digit then the registration (or birth) date DDMMYYYY. */
export function kgInn(raw: string): IdentifierFacts {
  const digits = digitsOnly(raw);
  const facts: IdentifierFacts = { kind: 'kg-inn', digits, valid: false };
  if (digits.length !== 14) return { ...facts, problem: `a Kyrgyz INN has 14 digits, this has ${digits.length}` };
  const dd = Number(digits.slice(1, 3));
  const mm = Number(digits.slice(3, 5));
  const yyyy = Number(digits.slice(5, 9));
  if (yyyy < 1900 || yyyy > new Date().getUTCFullYear() || !validDate(yyyy, mm, dd)) {
    return { ...facts, problem: `${digits.slice(1, 9)} is not a DDMMYYYY date` };
  }
  const lead = digits[0]!;
  return {
    ...facts,
    valid: true,
    date: `${yyyy}-${p2(mm)}-${p2(dd)}`,
    // 1 and 2 mark people (gender); 0 and others organisations
    dateMeaning: lead === '1' || lead === '2' ? 'birth' : 'registration',
  };
}

/**
 * What an identifier is, given the country that issued it: tries the national schemes in turn and
 * returns the first that validates. Undefined when no scheme applies.
 */
export function recogniseIdentifier(raw: string, country?: string): IdentifierFacts | undefined {
  const digits = digitsOnly(raw);
  if (!/^\d[\d\s-]*$/.test(raw.trim())) return undefined;
  const tries: Array<(r: string) => IdentifierFacts> = [];
  if (country === 'KZ' || (!country && digits.length === 12)) tries.push(kzBin, kzIin);
  if (country === 'RU' || (!country && (digits.length === 10 || digits.length === 13 || digits.length === 15))) {
    tries.push(ruInn, ruOgrn);
  }
  if ((country === 'RU' || !country) && digits.length === 12) tries.push(ruInn);
  if (country === 'KG' || (!country && digits.length === 14)) tries.push(kgInn);
  for (const t of tries) {
    const facts = t(raw);
    if (facts.valid) return facts;
  }
  return undefined;
}
