import type { EntityBuilder } from '../../model/builder.js';
import { countryKey, demonymToIso2, toIso2 } from '../../model/countries.js';

// Countries: codes and names through the shared table, plus the demonyms the UK lists use
// ("Iraqi", "Russian passport", "CAR diplomatic passport").

/** ISO2 (upper case) of a country name, code or demonym; undefined if it is none. */
export function resolveCountry(text: string): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  return toIso2(t) ?? (countryKey(t) === 'car' ? 'CF' : undefined);
}

/** Like resolveCountry, but 2–3 letter words only as known demonyms ("ID card" is no Indonesia). */
function resolveCountryWords(text: string): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= 3) return countryKey(t) === 'car' ? 'CF' : demonymToIso2(t);
  return resolveCountry(t);
}

/** The country a free-text identifier remark names: "Afghan. Issued…", "(Syria)", "Russian INN". */
export function countryInRemark(text: string): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  const whole = resolveCountryWords(t);
  if (whole) return whole;
  for (const m of t.matchAll(/\(([^()]{2,60})\)/g)) {
    const c = resolveCountryWords(m[1]!) ?? leadingWordsCountry(m[1]!);
    if (c) return c;
  }
  const head = t.split(/[.,;:(]/)[0]!.trim();
  const c = resolveCountryWords(head) ?? leadingWordsCountry(t);
  if (c) return c;
  const issued = /\b(?:issued (?:in|by)|issuing country:?) (?:the )?([\p{L} '-]{3,40}?)\s*(?:[.,;()]|$)/iu.exec(t);
  return issued ? resolveCountryWords(issued[1]!) : undefined;
}

export function leadingWordsCountry(text: string): string | undefined {
  const words = text.trim().replace(/^(?:an?|the)\s+/i, '').split(/[\s,.;:]+/);
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const c = resolveCountryWords(words.slice(0, n).join(' '));
    if (c) return c;
  }
  return undefined;
}

/**
 * A country for a country property: the code if there is one, else the name. A value that is no
 * country is reported (by the builder) and also kept in notes under its label.
 */
export function addCountry(b: EntityBuilder, prop: string, value: string, label: string, code?: string): void {
  const raw = value.replace(/\s+/g, ' ').trim();
  if (!raw && !code) return;
  if (!b.hasProp(prop)) {
    b.add('notes', `${label}: ${raw || code}`);
    return;
  }
  const iso = (code && toIso2(code)) || resolveCountry(raw);
  if (iso) {
    b.add(prop, iso);
    return;
  }
  b.add('notes', `${label}: ${raw || code}`);
  // "Afghanistan (since 2009)": the country, with the remark kept in notes
  const bare = resolveCountry(raw.replace(/\([^()]*\)/g, ' '));
  if (bare) {
    b.add(prop, bare);
    return;
  }
  let seen = reportedCountries.get(b);
  if (!seen) reportedCountries.set(b, (seen = new Set()));
  if (!seen.has(`${prop}\u001f${raw}`)) b.add(prop, raw || code); // reported as not a country
  seen.add(`${prop}\u001f${raw}`);
}

/** Values already reported as no country, per entity: a value repeated on many rows counts once. */
const reportedCountries = new WeakMap<EntityBuilder, Set<string>>();
