/**
 * Facts about one party that several rules need: where it is, when it was registered (from the
 * registry, from what its BIN/INN/OGRN encodes, or from a remark), its nationality, its
 * addresses and its activity codes — each with the evidence it rests on.
 */
import { caption } from '../model/entity.js';
import { parseDate } from '../model/dates.js';
import { recogniseIdentifier, kzBin, ruOgrn, kgInn, type IdentifierFacts } from '../model/identifiers.js';
import { normalise, toLatin } from '../names/index.js';
import type { ContextEntity, FlagContext } from './context.js';
import { dayOf, lastDayOf } from './dates.js';
import type { Evidence } from './types.js';

export function prop(e: ContextEntity, name: string): string[] {
  return e.properties[name] ?? [];
}

export function nameOf(e: ContextEntity | undefined, fallback = ''): string {
  return e ? caption(e) : fallback;
}

/** A party's name for sentences, from its id. */
export function nameOfId(ctx: FlagContext, id: string | undefined): string {
  if (!id) return 'an unknown party';
  return nameOf(ctx.parties.get(id), id);
}

export function isPerson(e: ContextEntity): boolean {
  return e.schema === 'Person';
}

export function isOrganisation(e: ContextEntity): boolean {
  return e.schema !== 'Person';
}

/** ISO2 countries of a party: its own country fields, then those of its address entities. */
export function countriesOf(ctx: FlagContext, e: ContextEntity): string[] {
  const out = new Set<string>();
  for (const p of ['country', 'jurisdiction', 'mainCountry']) for (const c of prop(e, p)) out.add(c.toUpperCase());
  for (const a of prop(e, 'addressEntity')) {
    const address = ctx.addresses.get(a);
    if (address) for (const c of prop(address, 'country')) out.add(c.toUpperCase());
  }
  return [...out];
}

// --- registration date ---------------------------------------------------------------------

export interface RegistrationFact {
  /** partial ISO date as the source states or encodes it */
  date: string;
  earliest: number;
  latest: number;
  /** how precise: 0 registry date, 1 an identifier's date, 2 a remark */
  rank: number;
  evidence: Evidence;
}

const IDENTIFIER_PROPS = ['registrationNumber', 'taxNumber', 'innCode', 'ogrnCode', 'idNumber', 'vatCode', 'okpoCode'];
const REMARK_PROPS = ['notes', 'summary', 'description'];
const REMARK_DATE = /(?:established|incorporated|incorporation|registered|registration|founded|date of registration|organization established date)\b[^0-9A-Za-z]{0,4}(?:date|on|in)?[^0-9A-Za-z]{0,4}(\d{1,2}[./ -][A-Za-z0-9]{1,9}[./ -]\d{4}|\d{4}-\d{2}-\d{2}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [A-Za-z]{3,9}\.? \d{4})/i;

const KIND_NAMES: Record<string, string> = {
  'kz-bin': 'Kazakh BIN',
  'ru-ogrn': 'Russian OGRN',
  'ru-ogrnip': 'Russian OGRNIP',
  'kg-inn': 'Kyrgyz INN',
};

function identifierDate(value: string, prop: string, countries: string[]): IdentifierFacts | undefined {
  const tries: IdentifierFacts[] = [];
  if (prop === 'ogrnCode') tries.push(ruOgrn(value));
  else {
    // Only decode a number as a national scheme when the party is of that country: a 12-digit
    // number of another country could pass a Kazakh check digit by chance.
    if (countries.includes('KZ')) tries.push(kzBin(value));
    if (countries.includes('KG')) tries.push(kgInn(value));
    if (countries.includes('RU')) {
      const facts = recogniseIdentifier(value, 'RU');
      if (facts) tries.push(facts);
    }
  }
  return tries.find((f) => f.valid && f.date && f.dateMeaning === 'registration');
}

function datasetsLabel(e: { datasets: string[] }): string {
  return e.datasets.join(', ');
}

/** Every registration date a party's data gives, most precise first. */
export function registrationFacts(ctx: FlagContext, e: ContextEntity): RegistrationFact[] {
  const out: RegistrationFact[] = [];
  for (const d of prop(e, 'incorporationDate')) {
    out.push({
      date: d,
      earliest: dayOf(d),
      latest: lastDayOf(d),
      rank: 0,
      evidence: { kind: 'statement', id: e.id, value: d, label: `incorporationDate (${datasetsLabel(e)})` },
    });
  }
  const countries = countriesOf(ctx, e);
  const numbers: Array<{ value: string; prop: string; country?: string; from: ContextEntity }> = [];
  for (const p of IDENTIFIER_PROPS) for (const v of prop(e, p)) numbers.push({ value: v, prop: p, from: e });
  for (const ident of ctx.identifications.get(e.id) ?? []) {
    for (const v of prop(ident, 'number')) numbers.push({ value: v, prop: 'number', country: prop(ident, 'country')[0]?.toUpperCase(), from: ident });
  }
  const seen = new Set<string>();
  for (const n of numbers) {
    const facts = identifierDate(n.value, n.prop, n.country ? [n.country, ...countries] : countries);
    if (!facts || seen.has(facts.digits)) continue;
    seen.add(facts.digits);
    out.push({
      date: facts.date!,
      earliest: dayOf(facts.date),
      latest: lastDayOf(facts.date),
      rank: 1,
      evidence: {
        kind: 'statement',
        id: n.from.id,
        value: n.value,
        label: `${KIND_NAMES[facts.kind] ?? facts.kind} ${facts.digits} encodes registration in ${facts.date} (${n.prop}, ${datasetsLabel(n.from)})`,
      },
    });
  }
  for (const p of REMARK_PROPS) {
    for (const text of prop(e, p)) {
      const m = REMARK_DATE.exec(text);
      const date = m ? parseDate(m[1]!.replace(/ (?=\d{4}$)/, ' ')) : undefined;
      if (!date) continue;
      out.push({
        date,
        earliest: dayOf(date),
        latest: lastDayOf(date),
        rank: 2,
        evidence: { kind: 'statement', id: e.id, value: text, label: `remark (${p}, ${datasetsLabel(e)})` },
      });
    }
  }
  return out.sort((a, b) => a.rank - b.rank || (a.latest - a.earliest) - (b.latest - b.earliest));
}

/**
 * When the party was registered, as far as the data tells: on/after a date ('after'), before it
 * ('before'), or 'unknown' (no date, or a date as coarse as "2022" that straddles it).
 */
export function registeredRelativeTo(facts: RegistrationFact[], cutoff: number): { side: 'after' | 'before' | 'unknown'; fact?: RegistrationFact } {
  const best = facts[0];
  if (!best) return { side: 'unknown' };
  if (best.earliest >= cutoff) return { side: 'after', fact: best };
  if (best.latest < cutoff) return { side: 'before', fact: best };
  // a coarse fact straddles the cutoff: a more precise one of a lower rank may settle it
  for (const f of facts.slice(1)) {
    if (f.earliest >= cutoff) return { side: 'after', fact: f };
    if (f.latest < cutoff) return { side: 'before', fact: f };
  }
  return { side: 'unknown', fact: best };
}

// --- nationality -----------------------------------------------------------------------------

export interface NationalityFact {
  country: string;
  /** 1 for a stated nationality or citizenship; lower for a country of residence */
  strength: number;
  evidence: Evidence;
}

export function nationalityFacts(ctx: FlagContext, e: ContextEntity): NationalityFact[] {
  const out: NationalityFact[] = [];
  if (isPerson(e)) {
    for (const p of ['nationality', 'citizenship']) {
      for (const c of prop(e, p)) out.push({ country: c.toUpperCase(), strength: 1, evidence: { kind: 'statement', id: e.id, value: c.toUpperCase(), label: `${p} of ${nameOf(e)}` } });
    }
    if (out.length === 0) {
      for (const c of prop(e, 'country')) out.push({ country: c.toUpperCase(), strength: 0.6, evidence: { kind: 'statement', id: e.id, value: c.toUpperCase(), label: `country of ${nameOf(e)} (no nationality stated)` } });
    }
  } else {
    for (const c of countriesOf(ctx, e)) out.push({ country: c, strength: 0.8, evidence: { kind: 'statement', id: e.id, value: c, label: `country of ${nameOf(e)}` } });
  }
  return out;
}

// --- addresses -------------------------------------------------------------------------------

export interface AddressFact {
  text: string;
  /** comparable tokens: transliterated, filler words dropped, sorted */
  tokens: string[];
  key: string;
  country?: string;
  /** the Address entity, when the address is one */
  addressId?: string;
}

const FILLER = new Set([
  'street', 'str', 'st', 'ul', 'ulitsa', 'ulica', 'ulitca', 'road', 'rd', 'avenue', 'ave', 'av', 'prospekt', 'prospect', 'pr', 'pr-t', 'prt',
  'building', 'bldg', 'bld', 'office', 'of', 'ofis', 'room', 'rm', 'floor', 'fl', 'suite', 'ste', 'unit', 'dom', 'd', 'house', 'korpus', 'k',
  'str-e', 'strasse', 'straße', 'mkr', 'mikrorayon', 'microdistrict', 'district', 'the', 'and', 'no', 'nr', 'number', 'city', 'g', 'gorod',
  'republic', 'respublika', 'oblast', 'region', 'lane', 'boulevard', 'blvd', 'bulvar', 'ploshchad', 'square', 'sq', 'kv', 'apt', 'apartment',
  'flat', 'kvartira', 'cad', 'caddesi', 'sok', 'sokak', 'mah', 'mahallesi', 'daire',
]);

const RESIDENTIAL = /(?:^|[^\p{L}])(apt\.?|apartment|flat|kv\.?|кв\.?|квартира|kvartira|пәтер|päter|daire|residential|residence)(?=$|[^\p{L}])/iu;

export function addressTokens(text: string): string[] {
  const latin = toLatin(normalise(text));
  const words = latin.split(' ').filter((w) => w && !FILLER.has(w));
  return [...new Set(words)].sort();
}

/** Whether an address text names a flat or a residence. */
export function residentialMarker(text: string): string | undefined {
  const m = RESIDENTIAL.exec(text);
  return m ? m[1] : undefined;
}

function addressText(a: ContextEntity): string {
  const full = prop(a, 'full')[0];
  if (full) return full;
  return ['street', 'street2', 'postalCode', 'city', 'region']
    .flatMap((p) => prop(a, p))
    .join(', ');
}

export function addressesOf(ctx: FlagContext, e: ContextEntity): AddressFact[] {
  const out: AddressFact[] = [];
  const seen = new Set<string>();
  const add = (text: string, country?: string, addressId?: string) => {
    const tokens = addressTokens(text);
    if (tokens.length < 2) return;
    // postal codes are often left out or written differently: the key does without them
    const key = (country ?? '') + '|' + tokens.filter((t) => !/^\d{4,}$/.test(t)).join(' ');
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ text, tokens, key, country, addressId });
  };
  for (const id of prop(e, 'addressEntity')) {
    const a = ctx.addresses.get(id);
    if (a) add(addressText(a), prop(a, 'country')[0]?.toUpperCase(), a.id);
  }
  const country = countriesOf(ctx, e)[0];
  for (const text of prop(e, 'address')) add(text, country);
  return out;
}

/** Jaccard similarity of two token sets (sorted, unique). */
export function tokenSimilarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

// --- activity codes ----------------------------------------------------------------------------

export interface ActivityCode {
  /** NACE Rev. 2 code as "46.52" (or the division "46") */
  code: string;
  evidence: Evidence;
}

const ACTIVITY_PROPS = ['classification', 'sector', 'okvedCode'];
const DOTTED = /(?:^|[^\d.])(\d{2})\.(\d{1,2})(?:\.\d+)*(?!\d)/;
const PLAIN = /^\s*(?:nace|oked|okved|nace rev\.? ?2)?[\s:]*(\d{2})(\d{1,2})?\d*\s*$/i;

/** NACE-compatible activity codes (NACE Rev. 2, or OKED/OKVED 2 which follow it to four digits). */
export function activityCodes(e: ContextEntity): ActivityCode[] {
  const out: ActivityCode[] = [];
  for (const p of ACTIVITY_PROPS) {
    for (const text of prop(e, p)) {
      const dotted = DOTTED.exec(text);
      const plain = dotted ? undefined : PLAIN.exec(text);
      const m = dotted ?? plain;
      if (!m) continue;
      const code = m[2] ? `${m[1]}.${m[2]!.length === 1 ? m[2] : m[2]}` : m[1]!;
      out.push({ code, evidence: { kind: 'statement', id: e.id, value: text, label: `${p} (${datasetsLabel(e)})` } });
    }
  }
  return out;
}
