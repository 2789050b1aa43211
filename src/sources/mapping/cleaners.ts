import { toIso2 } from '../../model/countries.js';
import { parseDate } from '../../model/dates.js';
import { cleanHsCode, cleanNumber } from '../../model/extensions.js';
import { compactIdentifier, kgInn, kzBin, kzIin, ruInn, ruOgrn, type IdentifierFacts } from '../../model/identifiers.js';

/** A value cleaned, or the reason it cannot be. */
export type Cleaned = { value: string; reason?: undefined } | { value?: undefined; reason: string };

export type Cleaner = (value: string) => Cleaned;

/** A share given as a number or a range: "25", "25,5 %", "25-50", "25 to 50" → "25", "25.5", "25-50". */
export function cleanPercentage(raw: string): string | undefined {
  const t = raw.replace(/%/g, '').trim();
  const range = /^(.+?)\s*(?:-|–|—|to|\.\.)\s*(.+)$/i.exec(t);
  if (range && !/^-/.test(t)) {
    const lo = cleanNumber(range[1]!);
    const hi = cleanNumber(range[2]!);
    if (lo === undefined || hi === undefined || Number(lo) > Number(hi)) return undefined;
    return `${lo}-${hi}`;
  }
  const n = cleanNumber(t);
  return n !== undefined && Number(n) >= 0 ? n : undefined;
}

export const CLEANERS: Record<string, Cleaner> = {
  upper: (v) => ({ value: v.toUpperCase() }),
  lower: (v) => ({ value: v.toLowerCase() }),
  digits: (v) => {
    const d = v.replace(/\D+/g, '');
    return d ? { value: d } : { reason: `no digits in "${v}"` };
  },
  identifier: (v) => {
    const c = compactIdentifier(v);
    return c ? { value: c } : { reason: `not an identifier: "${v}"` };
  },
  number: (v) => {
    const n = cleanNumber(v);
    return n !== undefined ? { value: n } : { reason: `not a number: "${v}"` };
  },
  percentage: (v) => {
    const p = cleanPercentage(v);
    return p !== undefined ? { value: p } : { reason: `not a percentage: "${v}"` };
  },
  country: (v) => {
    const c = toIso2(v);
    return c ? { value: c.toLowerCase() } : { reason: `not a known country: "${v}"` };
  },
  date: (v) => {
    const d = parseDate(v);
    return d ? { value: d } : { reason: `not a date: "${v}"` };
  },
  hscode: (v) => {
    const h = cleanHsCode(v);
    return h ? { value: h } : { reason: `not an HS code: "${v}"` };
  },
};

/** LEI (ISO 17442): 18 letters or digits and two check digits, ISO 7064 MOD 97-10. */
export function leiValid(raw: string): boolean {
  const lei = raw.trim().toUpperCase();
  if (!/^[A-Z0-9]{18}\d{2}$/.test(lei)) return false;
  let rem = 0;
  for (const ch of lei) {
    const v = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    rem = (v >= 10 ? rem * 100 + v : rem * 10 + v) % 97;
  }
  return rem === 1;
}

function fromFacts(check: (raw: string) => IdentifierFacts, label: string): Cleaner {
  return (v) => {
    const facts = check(v);
    return facts.valid ? { value: v } : { reason: `not a valid ${label}: "${v}" (${facts.problem})` };
  };
}

/** Identifier checks by name; a value that fails is invalid. */
export const VALIDATORS: Record<string, Cleaner> = {
  'kz-bin': fromFacts(kzBin, 'Kazakh BIN'),
  'kz-iin': fromFacts(kzIin, 'Kazakh IIN'),
  'ru-inn': fromFacts(ruInn, 'Russian INN'),
  'ru-ogrn': fromFacts(ruOgrn, 'Russian OGRN'),
  'kg-inn': fromFacts(kgInn, 'Kyrgyz INN'),
  lei: (v) => (leiValid(v) ? { value: v.trim().toUpperCase() } : { reason: `not a valid LEI: "${v}"` }),
};
