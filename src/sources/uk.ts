import path from 'node:path';
import { EntityBuilder } from '../model/builder.js';
import { countryKey, demonymToIso2, toIso2 } from '../model/countries.js';
import { parseDate } from '../model/dates.js';
import type { FtmEntity } from '../model/entity.js';
import { propertyType } from '../model/ftm.js';
import { digitsOnly, ruInn, ruOgrn } from '../model/identifiers.js';
import { makeId } from '../model/ids.js';
import { readCsvRows } from './csv.js';
import { SourceError } from './errors.js';
import { ByteProgress, baseName, expandInputs, readText, type TextEncoding } from './files.js';
import type { ReadContext, SourceReader, SourceRecord } from './types.js';

/*
 * Two layouts of the UK lists:
 * (a) the normalised relational copy of the FCDO UK Sanctions List: subjects.csv plus the side
 *     tables subject_names / subject_identifiers / subject_dobs / subject_countries, keyed by
 *     unique_id (RUS0001…); one record per subject.
 * (b) the legacy OFSI Consolidated List "ConList.csv": one row per name, rows sharing a Group ID
 *     are one subject; one record per Group ID.
 */

const FCDO = 'UK Foreign, Commonwealth and Development Office';
const OFSI = 'HM Treasury Office of Financial Sanctions Implementation';
const UK_LIST_URL = 'https://www.gov.uk/government/publications/the-uk-sanctions-list';
const CONLIST_URL = 'https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets';

/** UK sanctions regimes by the prefix of the UK Sanctions List unique ID. */
export const UK_REGIMES: Readonly<Record<string, string>> = {
  AFG: 'Afghanistan',
  AQD: "ISIL (Da'esh) and Al-Qaida",
  BEL: 'Belarus',
  BIH: 'Bosnia and Herzegovina',
  BUR: 'Burundi',
  CAF: 'Central African Republic',
  CHW: 'Chemical Weapons',
  CTD: 'Counter-Terrorism (Domestic)',
  CTI: 'Counter-Terrorism (International)',
  CYB: 'Cyber',
  DPR: "Democratic People's Republic of Korea",
  DRC: 'Democratic Republic of the Congo',
  EGY: 'Egypt',
  GAC: 'Global Anti-Corruption',
  GHR: 'Global Human Rights',
  GIM: 'Global Irregular Migration and Trafficking in Persons',
  GUB: 'Guinea-Bissau',
  GUC: 'Republic of Guinea',
  HAI: 'Haiti',
  INU: 'Iran (Nuclear)',
  IRN: 'Iran',
  IRQ: 'Iraq',
  LEB: 'Lebanon',
  LIB: 'Libya',
  MAL: 'Mali',
  MOL: 'Moldova',
  MYA: 'Myanmar',
  NIC: 'Nicaragua',
  RUS: 'Russia',
  SOM: 'Somalia',
  SSU: 'South Sudan',
  SUD: 'Sudan',
  SYR: 'Syria',
  TUN: 'Tunisia',
  UKR: 'Ukraine',
  VEN: 'Venezuela',
  YEM: 'Yemen',
  ZIM: 'Zimbabwe',
};

// ---------------------------------------------------------------------------------------------
// Countries: codes and names through the shared table, plus the demonyms the UK lists use
// ("Iraqi", "Russian passport", "CAR diplomatic passport").


/** ISO2 (upper case) of a country name, code or demonym; undefined if it is none. */
function resolveCountry(text: string): string | undefined {
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
function countryInRemark(text: string): string | undefined {
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

function leadingWordsCountry(text: string): string | undefined {
  const words = text.trim().replace(/^(?:an?|the)\s+/i, '').split(/[\s,.;:]+/);
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const c = resolveCountryWords(words.slice(0, n).join(' '));
    if (c) return c;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Small helpers on builders.

function has(b: EntityBuilder, prop: string): boolean {
  return propertyType(b.schema, prop) !== undefined;
}

/** Adds a value to a property the schema has; otherwise keeps it verbatim in notes. */
function addOrNote(b: EntityBuilder, prop: string, value: string | undefined, label: string): void {
  if (!value || !value.trim()) return;
  if (has(b, prop)) b.add(prop, value);
  else b.add('notes', `${label}: ${value.trim()}`);
}

/**
 * A country for a country property: the code if there is one, else the name. A value that is no
 * country is reported (by the builder) and also kept in notes under its label.
 */
function addCountry(b: EntityBuilder, prop: string, value: string, label: string, code?: string): void {
  const raw = value.replace(/\s+/g, ' ').trim();
  if (!raw && !code) return;
  if (!has(b, prop)) {
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

/** "(1) A (2) B", "1) A 2) B", "(1)-(2) A" → ["A", "B"]; text without numbering → [text]. */
function splitNumbered(text: string): string[] {
  return text
    .split(/(?:^|\s)\(?\d{1,2}\)(?:\s*-\s*\(?\d{1,2}\))?\s*/)
    .map((s) => s.trim().replace(/[;,]$/, '').trim())
    .filter(Boolean);
}

const DATE_TEXT = String.raw`(\d{1,2}(?:st|nd|rd|th)?[\s./-]+(?:[A-Za-z]{3,9}\.?|\d{1,2})[\s./-]+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})`;
const ISSUED_RE = new RegExp(String.raw`(?:issued(?:\s+on)?|issue date|date of issue|delivered on|date of delivery)[\s:]+` + DATE_TEXT, 'i');
const EXPIRES_RE = new RegExp(
  String.raw`(?:expires?|expired|expire date|expiry(?: date)?|expiration(?: date)?|date of expir(?:y|ation)|valid until)(?:\s+on)?[\s:]+` +
    DATE_TEXT,
  'i',
);

/** Issue and expiry dates a free-text identifier remark states. */
function remarkDates(text: string): { startDate?: string; endDate?: string } {
  const start = ISSUED_RE.exec(text)?.[1];
  const end = EXPIRES_RE.exec(text)?.[1];
  return {
    startDate: start ? parseDate(start.replace(/(\d)(st|nd|rd|th)/, '$1').replace(/\s+/g, ' ')) : undefined,
    endDate: end ? parseDate(end.replace(/(\d)(st|nd|rd|th)/, '$1').replace(/\s+/g, ' ')) : undefined,
  };
}

/** Excel's text marker (a leading apostrophe) and stray blanks around an identifier. */
function cleanNumber(raw: string): string {
  return raw
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .replace(/^'+/, '')
    .replace(/'+$/, '')
    .trim();
}

/**
 * A passport / national ID value that carries its own label or country: "Russian number: 0258399",
 * "Kuwait, number 273030601222", "INN - 771808684004", "Indonesia, number T710219 (issued in …)".
 */
function labelledNumber(raw: string): { number: string; label?: string; country?: string; remark?: string } {
  let t = cleanNumber(raw).replace(/[,;]+$/, '').trim();
  let remark: string | undefined;
  const paren = /^(.*?)\s*\(([^()]*)\)$/.exec(t);
  if (paren && /\p{L}{3}/u.test(paren[2]!)) {
    t = paren[1]!.trim();
    remark = paren[2]!.trim();
  }
  const label = /^(INN|TIN|OGRNIP|OGRN|Taxpayer No\.?)\s*[:\-–]?\s*(\S.*)$/i.exec(t);
  if (label) return { number: label[2]!.trim(), label: label[1]!, remark };
  const prefixed = /^(\p{L}[\p{L} ]*?)\s*,?\s*(?:number|no\.?)?\s*[:\-–]?\s+(\S.*)$/iu.exec(t);
  const country = prefixed && prefixed[1]!.length > 3 ? resolveCountry(prefixed[1]!) : undefined;
  if (country) return { number: prefixed![2]!.trim(), country, remark };
  return { number: t, remark };
}

// ---------------------------------------------------------------------------------------------
// Identifiers → Identification/Passport entities and the matching property of the holder.

type IdKind =
  | 'passport' | 'national' | 'ssn' | 'inn' | 'tax' | 'ogrn' | 'registration' | 'kpp' | 'okpo' | 'bik'
  | 'swift' | 'lei' | 'uscc' | 'vat' | 'bvd' | 'license' | 'imo' | 'other';

/** The holder's properties each kind of identifier fills (where its schema has them). */
const HOLDER_PROPS: Record<IdKind, string[]> = {
  passport: ['passportNumber'],
  national: ['idNumber'],
  ssn: ['socialSecurityNumber'],
  inn: ['taxNumber'],
  tax: ['taxNumber'],
  ogrn: ['registrationNumber'],
  registration: ['registrationNumber'],
  kpp: ['kppCode'],
  okpo: ['okpoCode'],
  bik: ['bikCode'],
  swift: ['swiftBic'],
  lei: ['leiCode'],
  uscc: ['uscCode'],
  vat: ['vatCode'],
  bvd: ['bvdId'],
  license: ['licenseNumber'],
  imo: ['imoNumber'],
  other: [],
};

interface IdSpec {
  kind: IdKind;
  /** Identification.type: what the source calls it */
  type: string;
  number: string;
  country?: string;
  /** the source's own text about it (kept verbatim) */
  summary?: string;
  startDate?: string;
  endDate?: string;
  /** extra holder properties, e.g. innCode when a tax number is a valid Russian INN */
  extra?: Record<string, string>;
}

/** Collects the identifiers of one subject, merging repeats of the same number. */
class Identifications {
  private readonly byId = new Map<string, EntityBuilder>();
  constructor(
    private readonly ctx: ReadContext,
    private readonly key: string,
    private readonly holder: EntityBuilder,
  ) {}

  add(spec: IdSpec): void {
    const number = spec.number.replace(/\s+/g, ' ').trim();
    if (!number) return;
    const id = makeId(this.ctx.dataset, this.key, 'id', spec.kind, number);
    let b = this.byId.get(id);
    if (!b) {
      b = new EntityBuilder(spec.kind === 'passport' ? 'Passport' : 'Identification', id, this.ctx.report.valueProblem);
      b.add('holder', this.holder.id).add('number', number);
      this.byId.set(id, b);
    }
    b.add('type', spec.type);
    if (spec.country) b.add('country', spec.country);
    if (spec.summary && spec.summary.trim() !== number) b.add('summary', spec.summary.trim());
    b.add('startDate', spec.startDate).add('endDate', spec.endDate);
    for (const prop of HOLDER_PROPS[spec.kind]) if (has(this.holder, prop)) this.holder.add(prop, number);
    for (const [prop, value] of Object.entries(spec.extra ?? {})) if (has(this.holder, prop)) this.holder.add(prop, value);
  }

  entities(): FtmEntity[] {
    return [...this.byId.values()].map((b) => b.build());
  }
}

/** Russian INN: 10 digits (organisations) or 12 (people). */
function innExtra(number: string, country: string | undefined, requireValid: boolean): Record<string, string> {
  const digits = digitsOnly(number);
  if (country && country !== 'RU') return {};
  if (!/^[\d\s-]+$/.test(number) || (digits.length !== 10 && digits.length !== 12)) return {};
  if (requireValid && !ruInn(digits).valid) return {};
  return { innCode: digits, taxNumber: digits };
}

function ogrnExtra(number: string, country: string | undefined, requireValid: boolean): Record<string, string> {
  const digits = digitsOnly(number);
  if (country && country !== 'RU') return {};
  if (!/^[\d\s-]+$/.test(number) || (digits.length !== 13 && digits.length !== 15)) return {};
  if (requireValid && !ruOgrn(digits).valid) return {};
  return { ogrnCode: digits, registrationNumber: digits };
}

/** What an individual's "national identification number" is, by its remark. */
function nationalId(number: string, info: string, russian: boolean): IdSpec {
  const country = countryInRemark(info);
  const dates = remarkDates(info);
  const base = { number, summary: info || undefined, country, ...dates };
  if (/social security/i.test(info)) return { ...base, kind: 'ssn', type: 'social security number' };
  if (/(?<!\p{L})(INN|ИНН)(?!\p{L})/u.test(info)) {
    return { ...base, kind: 'inn', type: 'INN', country: country ?? 'RU', extra: innExtra(number, country ?? 'RU', false) };
  }
  if (/(?<!\p{L})(TIN|NIF|TRN)(?!\p{L})|\btax|\btaxpayer|\bfiscal/iu.test(info)) {
    return { ...base, kind: 'tax', type: 'tax identification number', extra: innExtra(number, country, true) };
  }
  // Russian INNs often stand in this field without a remark: keep them as INN too when valid.
  const extra = russian && !country ? innExtra(number, 'RU', true) : {};
  return { ...base, kind: 'national', type: 'national identification number', extra };
}

// Business registration numbers: free text such as "OGRN: 1027739090708 INN: 7731018133",
// "Tax ID No. 7743141413 (Russia); Registration Number 1167700052618 (Russia)".

interface Label {
  re: RegExp;
  kind: IdKind;
}

function label(pattern: string, kind: IdKind, caseSensitive = false): Label {
  return { re: new RegExp(`(?<![\\p{L}])(?:${pattern})(?![\\p{L}])`, caseSensitive ? 'gu' : 'giu'), kind };
}

const ID_LABELS: Label[] = [
  label('Unified Social Credit Code', 'uscc'),
  label('USCC', 'uscc', true),
  label('Legal Entity (?:Identifier|Number)', 'lei'),
  label('LEI', 'lei', true),
  label('Russian Bank Identification Code', 'bik'),
  label('BIK(?:\\s*\\(RU\\))?(?: number)?', 'bik'),
  label('SWIFT\\s*/\\s*BIC', 'swift'),
  label('SWIFT(?: code)?', 'swift'),
  label('BIC', 'swift', true),
  label('BvD ID(?: number)?', 'bvd'),
  label('BvD number', 'bvd'),
  label('BvD account number', 'other'),
  label('VAT(?: Tax)? Number', 'vat'),
  label('National ID Number', 'national'),
  label('Tax(?:payer)? Identification Number', 'tax'),
  label('Taxpayer ID', 'tax'),
  label('Tax ID(?: Number| No\\.?)?', 'tax'),
  label('Tax Identifier', 'tax'),
  label('Tax number', 'tax'),
  label('TIN(?: number)?', 'tax', true),
  label('NIP|PAN|УНН', 'tax', true),
  label('INN(?: number)?', 'inn'),
  label('ИНН', 'inn'),
  label('OGRN(?:IP)?|PSRN', 'ogrn', true),
  label('KPP|PPC', 'kpp', true),
  label('OKPO', 'okpo', true),
  label('Government Gazette Number', 'okpo'),
  label('OKTMO', 'other', true),
  label('Central Bank Licen[cs]e', 'license'),
  label('Licen[cs]e (?:No\\.?|number)', 'license'),
  label('Registered Russian Bank No\\.?', 'license'),
  label('State Registration Number', 'registration'),
  label('SRN', 'registration', true),
  label('(?:Company|Business|Commercial) Registration Number', 'registration'),
  label('Business Identification Number', 'registration'),
  label('(?:Commercial|Trade) Register Number', 'registration'),
  label('business regist(?:er|ry) number', 'registration'),
  label('Registration (?:Number|No\\.?)', 'registration'),
  label('Company (?:House )?(?:number|no\\.?)', 'registration'),
  label('UID Number|CH-ID|UEN ID|LLPIN Number|USREOU code|Organisation code', 'registration'),
  label('CIN|CRN|BRN|BIN|CR(?: No\\.?| Number)?|BR(?: No\\.?)?', 'registration', true),
  label('IP Identification|ISN Number|Cedar Rose number|Acuris Unique ID|OFAC UID Number|SPARK code', 'other'),
];

/** Priority when a source stacks labels ("Tax Identification Number: INN:", "BIN/OGRN"). */
const SPECIFIC: IdKind[] = ['inn', 'ogrn', 'kpp', 'okpo', 'bik', 'swift', 'lei', 'uscc', 'vat', 'bvd', 'national', 'license', 'tax', 'registration', 'other'];

interface LabelHit {
  start: number;
  end: number;
  kind: IdKind;
  text: string;
}

function findLabels(text: string): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const l of ID_LABELS) {
    for (const m of text.matchAll(l.re)) hits.push({ start: m.index!, end: m.index! + m[0].length, kind: l.kind, text: m[0] });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: LabelHit[] = [];
  for (const h of hits) if (!out.length || h.start >= out[out.length - 1]!.end) out.push(h);
  return out;
}

const TOKEN_RE = /[\p{L}\p{N}](?:[\p{L}\p{N}._/-]*[\p{L}\p{N}])?/gu;
const SWIFT_SHAPE = /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;

interface Piece {
  value: string;
  start: number;
  end: number;
  country?: string;
  date?: string;
}

/**
 * The identifier values in a stretch of text between labels: tokens with digits (runs of short
 * digit groups such as "114 237 300 24 30" joined), SWIFT-shaped codes where `codes` is set,
 * "(Russia)" after a value as its country, "dated 27/07/1992" as its date. Also returns a
 * country named at the end of the stretch ("… Russia INN"), which belongs to the next label.
 */
function scanValues(text: string, offset: number, codes: boolean): { pieces: Piece[]; trailingCountry?: string } {
  const pieces: Piece[] = [];
  const marks: Array<{ at: number; country?: string; date?: string }> = [];
  // mask "dated …" and bracketed remarks (same length, so positions hold) and note what they say
  const masked = text
    .replace(/dated\s+(\d{1,2}[./]\d{1,2}[./]\d{4})/gi, (m: string, d: string, at: number) => {
      marks.push({ at, date: parseDate(d) });
      return ' '.repeat(m.length);
    })
    .replace(/\(([^()]*)\)/g, (m: string, inner: string, at: number) => {
      marks.push({ at, country: resolveCountry(inner) ?? leadingWordsCountry(inner) });
      return ' '.repeat(m.length);
    });
  let trailingCountry: string | undefined;
  const tokens = [...masked.matchAll(TOKEN_RE)].map((m) => ({ value: m[0], start: m.index!, end: m.index! + m[0].length }));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!/\d/.test(t.value) && !(codes && SWIFT_SHAPE.test(t.value))) {
      const c = t.value.length > 3 ? resolveCountry(t.value) : undefined;
      if (c) trailingCountry = c;
      continue;
    }
    trailingCountry = undefined;
    let value = t.value;
    let end = t.end;
    // "114 237 300 24 30": digit groups split by single spaces, some shorter than five digits
    if (/^\d+$/.test(value)) {
      const group = [t];
      let j = i + 1;
      while (j < tokens.length && /^\d+$/.test(tokens[j]!.value) && masked.slice(tokens[j - 1]!.end, tokens[j]!.start) === ' ') {
        group.push(tokens[j]!);
        j++;
      }
      if (group.length > 1 && group.some((g) => g.value.length < 5)) {
        value = group.map((g) => g.value).join(' ');
        end = group[group.length - 1]!.end;
        i = j - 1;
      }
    }
    pieces.push({ value, start: offset + t.start, end: offset + end });
  }
  // a country in brackets or a "dated" belongs to the value just before it
  for (const mark of marks) {
    let before: Piece | undefined;
    for (const p of pieces) if (p.end <= offset + mark.at) before = p;
    if (!before) continue;
    if (mark.country) before.country = mark.country;
    if (mark.date) before.date = mark.date;
  }
  return { pieces, trailingCountry };
}

interface LabelledPiece extends Piece {
  kinds: IdKind[];
  labels: string[];
  labelCountry?: string;
}

/** Splits "1234567890/123456789" (INN/KPP) into its two values. */
function splitInnKpp(p: LabelledPiece): LabelledPiece[] {
  const m = /^(\d{10})\s*\/\s*(\d{9})$/.exec(p.value);
  if (!m) return [p];
  return [
    { ...p, value: m[1]!, kinds: p.kinds.length ? p.kinds : ['inn'], labels: p.labels.length ? p.labels : ['INN'] },
    { ...p, value: m[2]!, kinds: ['kpp'], labels: ['KPP'] },
  ];
}

/**
 * Reads the identifiers out of a business registration text. Values without a label get the
 * kind 'registration' with `unlabelled` set, for the caller to recognise.
 */
function parseBusinessIds(raw: string): Array<LabelledPiece & { unlabelled: boolean }> {
  const text = raw
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/^\s*'+|'+\s*$/g, '')
    // "7743444827Russia OGRN": a country glued to the number before it
    .replace(/(\d)([A-Z][a-z]{3,})(?!\p{L})/gu, (m: string, d: string, w: string) => (resolveCountry(w) ? `${d} ${w}` : m));
  const hits = findLabels(text);
  const out: Array<LabelledPiece & { unlabelled: boolean }> = [];
  if (!hits.length) {
    // one bare value per ";"/","/"·" part, kept whole ("M 354838 D 0001")
    let pos = 0;
    for (const part of text.split(/[;,·]/)) {
      const start = pos;
      pos += part.length + 1;
      const { pieces } = scanValues(part, start, false);
      let value = part
        .replace(/\([^()]*\)/g, ' ')
        .replace(/dated\s+\S+/gi, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      // "Russia - 1027739339715"
      const lead = /^([\p{L} ]{4,}?)\s*[-–:]\s*(\S.*)$/u.exec(value);
      const leadCountry = lead ? resolveCountry(lead[1]!) : undefined;
      if (leadCountry) value = lead![2]!;
      if (!value) continue;
      const country = pieces.find((p) => p.country)?.country ?? leadCountry;
      const date = pieces.find((p) => p.date)?.date;
      if (/^\d{10}\s*\/\s*\d{9}$/.test(value)) value = value.replace(/\s+/g, '');
      for (const p of splitInnKpp({ value, start, end: pos, country, date, kinds: [], labels: [] })) {
        out.push({ ...p, unlabelled: p.kinds.length === 0 });
      }
    }
    return out;
  }
  // stretches: [before first label] then each label's value text
  interface Stretch {
    hit?: LabelHit;
    text: string;
    offset: number;
  }
  const stretches: Stretch[] = [{ text: text.slice(0, hits[0]!.start), offset: 0 }];
  hits.forEach((h, i) => stretches.push({ hit: h, text: text.slice(h.end, hits[i + 1]?.start ?? text.length), offset: h.end }));
  let current: { kinds: IdKind[]; labels: string[]; country?: string } | undefined;
  let pendingCountry: string | undefined;
  let stackable = false; // the previous label had no value yet: a label right after it stacks
  const pieces: LabelledPiece[] = [];
  for (let i = 0; i < stretches.length; i++) {
    const s = stretches[i]!;
    if (s.hit) {
      const before = text.slice(0, s.hit.start);
      const prev = pieces[pieces.length - 1];
      const gap = prev ? text.slice(prev.end, s.hit.start) : '';
      const inBrackets = /\(\s*$/.test(before);
      const nextHasValue = /[\p{N}]/u.test(s.text.replace(/\([^()]*\)/g, ''));
      // "1217800095248 - OGRN", "7706061801 (INN)": a label after its value
      const postfix =
        prev !== undefined &&
        prev.kinds.length === 0 &&
        /^[\s\-–—(:]*(?:[\p{L}]+\s+)?[\s\-–—(:]*$/u.test(gap) &&
        (inBrackets || !nextHasValue) &&
        !stackable;
      if (postfix) {
        const c = resolveCountry(gap.replace(/[^\p{L}\s]/gu, ''));
        prev.kinds = [s.hit.kind];
        prev.labels = [s.hit.text];
        if (c) prev.labelCountry = c;
        current = undefined;
      } else if (stackable && current) {
        current.kinds.push(s.hit.kind);
        current.labels.push(s.hit.text);
      } else {
        current = { kinds: [s.hit.kind], labels: [s.hit.text], country: pendingCountry };
      }
      pendingCountry = undefined;
    }
    const codes = current?.kinds.some((k) => k === 'swift' || k === 'lei' || k === 'bvd') ?? false;
    const { pieces: found, trailingCountry } = scanValues(s.text, s.offset, codes);
    stackable = s.hit !== undefined && found.length === 0 && /^[\s:/\-–—().]*$/.test(s.text);
    for (const p of found) {
      pieces.push({ ...p, kinds: current ? [...current.kinds] : [], labels: current ? [...current.labels] : [], labelCountry: current?.country });
    }
    pendingCountry = trailingCountry ?? (i === 0 ? leadingWordsCountry(s.text) : undefined);
  }
  for (const p of pieces) for (const q of splitInnKpp(p)) out.push({ ...q, unlabelled: q.kinds.length === 0 });
  return out;
}

/** Identification specs of one business registration text of a subject. */
function businessIdSpecs(raw: string, info: string, subjectCountries: Set<string>): IdSpec[] {
  const summary = [raw.replace(/\s+/g, ' ').trim(), info.trim()].filter(Boolean).join(' — ');
  const parsed = parseBusinessIds(raw);
  if (!parsed.length) {
    const number = cleanNumber(raw);
    return number ? [{ kind: 'registration', type: 'business registration number', number, summary }] : [];
  }
  const specs: IdSpec[] = [];
  const hint = subjectCountries.size === 1 ? [...subjectCountries][0] : subjectCountries.has('RU') ? 'RU' : undefined;
  for (const p of parsed) {
    const country = p.country ?? p.labelCountry;
    const base = { number: p.value, summary, country, startDate: p.date };
    if (p.unlabelled) {
      // a bare number: a Russian INN or OGRN when it validates as one and the subject is Russian
      const ctxCountry = country ?? hint;
      const inn = ctxCountry === 'RU' ? innExtra(p.value, 'RU', true) : {};
      const ogrn = ctxCountry === 'RU' ? ogrnExtra(p.value, 'RU', true) : {};
      if (inn['innCode']) specs.push({ ...base, kind: 'inn', type: 'INN', number: inn['innCode'], country: 'RU', extra: inn });
      else if (ogrn['ogrnCode']) specs.push({ ...base, kind: 'ogrn', type: 'OGRN', number: ogrn['ogrnCode'], country: 'RU', extra: ogrn });
      else specs.push({ ...base, kind: 'registration', type: 'business registration number' });
      continue;
    }
    let kind = SPECIFIC.find((k) => p.kinds.includes(k)) ?? 'other';
    // "SWIFT/BIN KHJBSDKH / 5040942458": a value not shaped as a SWIFT code is the other label's
    if (kind === 'swift' && !SWIFT_SHAPE.test(p.value)) kind = SPECIFIC.find((k) => k !== 'swift' && p.kinds.includes(k)) ?? 'other';
    const type = p.labels.map((l) => l.replace(/\s+/g, ' ').trim()).join(' / ');
    const numeric = /^[\d\s-]+$/.test(p.value);
    const number = numeric && ['inn', 'ogrn', 'kpp', 'okpo', 'bik'].includes(kind) ? digitsOnly(p.value) : p.value;
    let extra: Record<string, string> = {};
    if (kind === 'inn') extra = innExtra(number, country, false);
    else if (kind === 'tax') extra = innExtra(number, country ?? (hint === 'RU' ? 'RU' : undefined), true);
    else if (kind === 'ogrn') extra = ogrnExtra(number, country, false);
    else if (kind === 'registration') extra = ogrnExtra(number, country ?? (hint === 'RU' ? 'RU' : undefined), true);
    // INN, OGRN and KPP are Russian by definition; BIK and OKPO codes exist across the CIS
    const russian = extra['innCode'] || extra['ogrnCode'] || kind === 'kpp';
    specs.push({ ...base, kind, type, number, country: country ?? (russian ? 'RU' : undefined), extra });
  }
  return specs;
}

// ---------------------------------------------------------------------------------------------
// Strict CSV tables: a header, required columns, every row as wide as the header.

interface TableRow {
  row: Record<string, string>;
  line: number;
  /** non-empty values of columns the reader does not know, for notes */
  extra: Array<[string, string]>;
}

async function* readTable(
  file: string,
  required: string[],
  known: string[],
  opts: { encoding?: TextEncoding; progress?: ByteProgress },
): AsyncGenerator<TableRow> {
  let header: string[] | undefined;
  for await (const { row, line } of readCsvRows(file, opts)) {
    if (!header) {
      header = row.map((h) => h.trim());
      const missing = required.filter((c) => !header!.includes(c));
      if (missing.length) {
        throw new SourceError(
          file,
          String(line),
          `missing column(s) ${missing.join(', ')}; found ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''}`,
        );
      }
      continue;
    }
    if (row.length !== header.length && !(row.length > header.length && row.slice(header.length).every((v) => !v.trim()))) {
      throw new SourceError(file, String(line), `row has ${row.length} fields, the header has ${header.length}${row.length < header.length ? ' (truncated?)' : ''}`);
    }
    const obj: Record<string, string> = {};
    const extra: Array<[string, string]> = [];
    header.forEach((h, i) => {
      const v = row[i] ?? '';
      obj[h] = v;
      if (!known.includes(h) && v.trim()) extra.push([h, v.trim()]);
    });
    yield { row: obj, line, extra };
  }
  if (!header) throw new SourceError(file, undefined, 'no header row');
}

// ---------------------------------------------------------------------------------------------
// (a) The normalised UK Sanctions List tables.

const TABLES = {
  subjects: {
    file: 'subjects.csv',
    required: ['unique_id', 'subject_type', 'un_reference_number', 'ofsi_group_id', 'date_designated', 'last_updated'],
    known: ['unique_id', 'subject_type', 'un_reference_number', 'ofsi_group_id', 'date_designated', 'last_updated'],
  },
  names: {
    file: 'subject_names.csv',
    required: ['unique_id', 'name_type', 'full_name'],
    known: ['name_id', 'unique_id', 'name_type', 'alias_strength', 'full_name', 'name_6', 'name_1', 'name_2', 'name_3', 'name_4', 'name_5'],
  },
  identifiers: {
    file: 'subject_identifiers.csv',
    required: ['unique_id', 'raw_value', 'identifier_type'],
    known: ['id', 'unique_id', 'ofsi_group_id', 'raw_value', 'identifier_type', 'additional_info'],
  },
  dobs: {
    file: 'subject_dobs.csv',
    required: ['unique_id', 'year'],
    known: ['dob_id', 'unique_id', 'year', 'month', 'day', 'precision', 'parse_issues'],
  },
  countries: {
    file: 'subject_countries.csv',
    required: ['unique_id', 'raw_value', 'country_type'],
    known: ['id', 'unique_id', 'raw_value', 'country_type', 'iso', 'resolution_method', 'iso_available'],
  },
} as const;

type TableName = keyof typeof TABLES;
const SIDE_TABLES: TableName[] = ['names', 'identifiers', 'dobs', 'countries'];

function tableOf(file: string): TableName | undefined {
  const base = baseName(file);
  return (Object.keys(TABLES) as TableName[]).find((t) => TABLES[t].file === base);
}

interface SideRow extends TableRow {
  where: string;
}

/** A side table read whole, rows grouped by unique_id in file order. */
async function readSide(file: string, table: TableName, progress: ByteProgress): Promise<Map<string, SideRow[]>> {
  const out = new Map<string, SideRow[]>();
  const t = TABLES[table];
  for await (const r of readTable(file, [...t.required], [...t.known], { progress })) {
    const uid = r.row['unique_id']!.trim();
    let list = out.get(uid);
    if (!list) out.set(uid, (list = []));
    list.push({ ...r, where: `${file}:${r.line}` });
  }
  return out;
}

/** Rows that differ only in their row id are one fact (the copy repeats many). */
function distinct(rows: SideRow[], cols: string[]): SideRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = cols.map((c) => (r.row[c] ?? '').trim()).join('\u001f');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function notesFromExtra(b: EntityBuilder, table: string, rows: TableRow[]): void {
  for (const r of rows) for (const [col, v] of r.extra) b.add('notes', `${table}.${col}: ${v}`);
}

const NON_LATIN = /(?!\p{Script=Latin})\p{L}/u;

function subjectSchema(type: string, businessIds: boolean): string | undefined {
  switch (type.trim().toLowerCase()) {
    case 'individual':
      return 'Person';
    case 'ship':
      return 'Vessel';
    case 'entity':
      // a registered business (INN, OGRN, company number…) is a Company; ministries, armed
      // groups and the like stay Organizations
      return businessIds ? 'Company' : 'Organization';
    default:
      return undefined;
  }
}

interface SubjectSides {
  names: SideRow[];
  identifiers: SideRow[];
  dobs: SideRow[];
  countries: SideRow[];
}

function addSubjectName(b: EntityBuilder, r: SideRow, person: boolean, ctx: ReadContext): void {
  const row = r.row;
  const parts = ['name_1', 'name_2', 'name_3', 'name_4', 'name_5', 'name_6'].map((c) => (row[c] ?? '').trim());
  const full = (row['full_name'] ?? '').trim() || parts.filter(Boolean).join(' ');
  if (!full) {
    ctx.report.skip('subject_names: row without a name', r.where);
    return;
  }
  const type = (row['name_type'] ?? '').trim().toLowerCase();
  const weak = /low/i.test(row['alias_strength'] ?? '');
  const nonLatin = NON_LATIN.test(full);
  if (type === 'primary' && !nonLatin) {
    b.add('name', full);
  } else if (type === 'primary' || type === 'primary_variation' || type === 'alias' || /latin|script/.test(type)) {
    b.add(weak ? 'weakAlias' : 'alias', full);
  } else {
    b.add(weak ? 'weakAlias' : 'alias', full);
    ctx.report.skip(`subject_names: name_type "${type}" not known; the name is kept as an alias`, r.where);
  }
  // name_1…name_5 are the given names, name_6 the family name (OFSI's layout)
  if (person && !nonLatin && (type === 'primary' || type === 'primary_variation') && parts.slice(0, 5).some(Boolean)) {
    b.add('firstName', parts[0]).add('secondName', parts[1]).add('middleName', parts.slice(2, 5)).add('lastName', parts[5]);
  }
}

function dobValue(row: Record<string, string>): string {
  const y = (row['year'] ?? '').trim();
  const m = (row['month'] ?? '').trim();
  const d = (row['day'] ?? '').trim();
  const precision = (row['precision'] ?? '').trim().toLowerCase();
  if (!/^\d+$/.test(m) || precision === 'year_only') return y;
  if (!/^\d+$/.test(d) || precision === 'month_year') return `${y}-${m.padStart(2, '0')}`;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

const COUNTRY_PROPS: Record<string, string> = {
  birth: 'birthCountry',
  nationality: 'nationality',
  citizenship: 'citizenship',
  address: 'country',
  residence: 'country',
  location: 'country',
  flag: 'flag',
  jurisdiction: 'jurisdiction',
  incorporation: 'jurisdiction',
};

function buildSubject(uid: string, subject: TableRow, sides: SubjectSides, ctx: ReadContext): FtmEntity[] {
  const row = subject.row;
  const countries = distinct(sides.countries, ['country_type', 'raw_value', 'iso']);
  const identifiers = distinct(sides.identifiers, ['identifier_type', 'raw_value', 'additional_info', 'ofsi_group_id']);
  const type = row['subject_type'] ?? '';
  const schema = subjectSchema(type, identifiers.some((r) => /business|registration|company/i.test(r.row['identifier_type'] ?? ''))) ?? 'LegalEntity';
  const id = makeId(ctx.dataset, uid);
  const b = new EntityBuilder(schema, id, ctx.report.valueProblem);
  b.add('topics', 'sanction');
  if (!subjectSchema(type, false)) b.add('notes', `subject_type: ${type}`);
  notesFromExtra(b, 'subjects', [subject]);

  const person = schema === 'Person';
  for (const r of distinct(sides.names, TABLES.names.known.filter((c) => c !== 'name_id'))) addSubjectName(b, r, person, ctx);
  if (!b.has('name')) {
    const first = b.get('alias')[0] ?? b.get('weakAlias')[0];
    if (first) b.add('name', first);
  }
  notesFromExtra(b, 'subject_names', sides.names);

  const subjectCountries = new Set<string>();
  for (const r of countries) {
    const ctype = (r.row['country_type'] ?? '').trim().toLowerCase();
    const raw = r.row['raw_value'] ?? '';
    const iso = (r.row['iso'] ?? '').trim();
    const prop = COUNTRY_PROPS[ctype];
    if (!prop) {
      b.add('notes', `${ctype || 'country'}: ${raw.trim() || iso}`);
      continue;
    }
    addCountry(b, prop, raw, `${ctype} country`, iso || undefined);
    const code = (iso && toIso2(iso)) || resolveCountry(raw);
    if (code) subjectCountries.add(code);
  }
  notesFromExtra(b, 'subject_countries', sides.countries);

  for (const r of distinct(sides.dobs, ['year', 'month', 'day', 'precision'])) {
    addOrNote(b, 'birthDate', dobValue(r.row), 'date of birth');
  }
  notesFromExtra(b, 'subject_dobs', sides.dobs);

  const ids = new Identifications(ctx, uid, b);
  const russian = subjectCountries.has('RU');
  const groupIds = new Set<string>();
  for (const r of identifiers) {
    const idType = (r.row['identifier_type'] ?? '').trim().toLowerCase();
    const raw = r.row['raw_value'] ?? '';
    const info = (r.row['additional_info'] ?? '').replace(/\s+/g, ' ').trim();
    const number = cleanNumber(raw);
    const gid = (r.row['ofsi_group_id'] ?? '').trim();
    if (gid) groupIds.add(gid);
    if (!number) {
      ctx.report.skip('subject_identifiers: row without a value', r.where);
      continue;
    }
    if (idType === 'passport' || idType === 'national') {
      const own = labelledNumber(raw);
      const remark = [own.remark, info].filter(Boolean).join('; ');
      const summary = own.number !== number ? [number, info].filter(Boolean).join(' — ') : info || undefined;
      if (idType === 'passport') {
        const country = own.country ?? countryInRemark(remark);
        ids.add({ kind: 'passport', type: 'passport', number: own.number, country, summary, ...remarkDates(remark) });
      } else {
        const spec = nationalId(own.number, [own.label, remark].filter(Boolean).join(' '), russian);
        if (own.label && /OGRN/i.test(own.label)) {
          ids.add({ ...spec, kind: 'ogrn', type: own.label, country: 'RU', summary, extra: ogrnExtra(own.number, 'RU', false) });
        } else {
          ids.add({ ...spec, country: own.country ?? spec.country, summary });
        }
      }
    } else if (idType === 'imo') {
      const imo = /^(?:IMO)?\s*(\d{7})$/i.exec(number);
      ids.add({ kind: 'imo', type: 'IMO number', number: imo ? `IMO${imo[1]}` : number, summary: info || undefined });
    } else if (/business|registration|company/.test(idType)) {
      for (const spec of businessIdSpecs(raw, info, subjectCountries)) ids.add(spec);
    } else {
      ids.add({ kind: 'other', type: idType || 'identifier', number, summary: info || undefined, country: countryInRemark(info) });
    }
  }
  notesFromExtra(b, 'subject_identifiers', sides.identifiers);

  const prefix = /^[A-Za-z]+/.exec(uid)?.[0]?.toUpperCase() ?? uid;
  const sanction = new EntityBuilder('Sanction', makeId(ctx.dataset, uid, 'sanction', prefix), ctx.report.valueProblem)
    .add('entity', id)
    .add('authority', FCDO)
    .add('country', 'gb')
    .add('program', UK_REGIMES[prefix] ?? prefix)
    .add('programId', prefix)
    .add('recordId', uid)
    .add('authorityId', row['ofsi_group_id'])
    .add('authorityId', [...groupIds])
    .add('unscId', row['un_reference_number'])
    .add('listingDate', row['date_designated'])
    .add('modifiedAt', row['last_updated'])
    .add('sourceUrl', UK_LIST_URL);

  return [b.build(), sanction.build(), ...ids.entities()];
}

interface NormalisedSet {
  folder: string;
  files: Partial<Record<TableName, string>>;
}

async function* readNormalised(set: NormalisedSet, ctx: ReadContext, progress: ByteProgress): AsyncGenerator<SourceRecord> {
  const subjectsFile = set.files.subjects;
  if (!subjectsFile) {
    const present = SIDE_TABLES.filter((t) => set.files[t]).map((t) => TABLES[t].file);
    throw new SourceError(
      set.folder,
      undefined,
      `subjects.csv is missing: ${present.join(', ')} ${present.length > 1 ? 'are' : 'is'} keyed by unique_id to subjects.csv, which is not in this folder`,
    );
  }
  const sides = new Map<TableName, Map<string, SideRow[]>>();
  for (const t of SIDE_TABLES) {
    const f = set.files[t];
    sides.set(t, f ? await readSide(f, t, progress) : new Map());
  }
  const take = (t: TableName, uid: string): SideRow[] => {
    const m = sides.get(t)!;
    const rows = m.get(uid) ?? [];
    m.delete(uid);
    return rows;
  };
  const seen = new Set<string>();
  for await (const r of readTable(subjectsFile, [...TABLES.subjects.required], [...TABLES.subjects.known], { progress })) {
    ctx.report.records++;
    const uid = r.row['unique_id']!.trim();
    const where = `${subjectsFile}:${r.line}`;
    if (!uid) {
      ctx.report.skip('subjects: row without unique_id', where);
      continue;
    }
    if (seen.has(uid)) {
      ctx.report.skip('subjects: unique_id repeated; the first row is kept', `${where} ${uid}`);
      continue;
    }
    seen.add(uid);
    const updated = parseDate(r.row['last_updated'] ?? '');
    if (updated && (!ctx.report.versionHint || updated > ctx.report.versionHint)) ctx.report.versionHint = updated;
    const entities = buildSubject(uid, r, {
      names: take('names', uid),
      identifiers: take('identifiers', uid),
      dobs: take('dobs', uid),
      countries: take('countries', uid),
    }, ctx);
    yield { key: uid, entities };
  }
  for (const t of SIDE_TABLES) {
    for (const [uid, rows] of sides.get(t)!) {
      for (const r of rows) ctx.report.skip(`${TABLES[t].file}: unique_id not in subjects.csv`, `${r.where} ${uid}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// (b) The legacy OFSI Consolidated List (ConList.csv).

const CONLIST_REQUIRED = ['Name 6', 'Group Type', 'Alias Type', 'Regime', 'Group ID'];
const CONLIST_KNOWN = new Set([
  '', 'Name 6', 'Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5', 'Title', 'DOB', 'Town of Birth', 'Country of Birth',
  'Nationality', 'Passport Details', 'NI Number', 'Position', 'Address 1', 'Address 2', 'Address 3', 'Address 4',
  'Address 5', 'Address 6', 'Post/Zip Code', 'Country', 'Other Information', 'Group Type', 'Alias Type', 'Alias Quality',
  'Regime', 'Listed On', 'UK Sanctions List Date Designated', 'UK Sanctions List Ref', 'Last Updated', 'Group ID',
  'Name Non-Latin Script',
]);

/** OFSI dates: dd/mm/yyyy with 00 for an unknown day or month ("00/00/1980" is 1980). */
function conListDate(text: string): string {
  const t = text.trim();
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (!m) return t;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), m[3]!];
  if (mo === 0) return y;
  if (d === 0) return `${y}-${String(mo).padStart(2, '0')}`;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function conListSchema(groupType: string): string {
  const t = groupType.trim().toLowerCase();
  if (t === 'individual') return 'Person';
  if (t === 'entity') return 'Organization';
  if (t === 'ship') return 'Vessel';
  return 'LegalEntity';
}

/** Passport / national ID free text: "(1) D00001184 (CAR passport) (2) no: P04838205 (…)". */
function freeTextIds(text: string): Array<{ number?: string; part: string }> {
  return splitNumbered(text).map((part) => {
    const bare = part.replace(/\([^()]*\)/g, ' ');
    const tokens = bare.match(/[A-Za-z0-9][A-Za-z0-9/-]*/g) ?? [];
    const number = tokens.find((t) => /\d/.test(t) && digitsOnly(t).length >= 4 && !/^\d{4}$/.test(t) && !parseDate(t));
    return { number, part };
  });
}

async function isUtf8(file: string): Promise<boolean> {
  try {
    for await (const chunk of readText(file)) void chunk;
    return true;
  } catch (e) {
    if (e instanceof SourceError && /^invalid utf-8/.test(e.reason)) return false;
    throw e;
  }
}

interface ConRow {
  cells: Record<string, string>;
  line: number;
}

function buildGroup(gid: string, rows: ConRow[], file: string, ctx: ReadContext): FtmEntity[] {
  const first = rows[0]!.cells;
  const schema = conListSchema(first['Group Type'] ?? '');
  const id = makeId(ctx.dataset, gid);
  const b = new EntityBuilder(schema, id, ctx.report.valueProblem);
  b.add('topics', 'sanction');
  const person = schema === 'Person';
  const ids = new Identifications(ctx, gid, b);
  const addresses = new Map<string, EntityBuilder>();
  const sanctions = new Map<string, EntityBuilder>();
  const aliasesWhenNoPrimary: string[] = [];

  for (const { cells: c, line } of rows) {
    const get = (k: string): string => (c[k] ?? '').replace(/\s+/g, ' ').trim();
    const given = ['Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5'].map(get);
    const full = [...given, get('Name 6')].filter(Boolean).join(' ');
    const aliasType = get('Alias Type').toLowerCase();
    const weak = /low/i.test(get('Alias Quality'));
    if (full) {
      if (/prim(e|ary)/.test(aliasType) && !/variation/.test(aliasType)) {
        b.add('name', full);
        if (person) b.add('firstName', given[0]).add('secondName', given[1]).add('middleName', given.slice(2)).add('lastName', get('Name 6'));
      } else if (/^(fka|former)/.test(aliasType)) {
        b.add('previousName', full);
      } else {
        b.add(weak ? 'weakAlias' : 'alias', full);
        if (!weak) aliasesWhenNoPrimary.push(full);
      }
    }
    b.add('alias', get('Name Non-Latin Script'));
    addOrNote(b, 'title', get('Title'), 'Title');
    if (get('DOB')) addOrNote(b, 'birthDate', conListDate(get('DOB')), 'DOB');
    for (const place of splitNumbered(get('Town of Birth'))) addOrNote(b, 'birthPlace', place, 'Town of Birth');
    for (const country of splitNumbered(get('Country of Birth'))) addCountry(b, 'birthCountry', country, 'Country of Birth');
    for (const nat of splitNumbered(get('Nationality'))) addCountry(b, 'nationality', nat, 'Nationality');
    for (const { number, part } of freeTextIds(get('Passport Details'))) {
      if (number) ids.add({ kind: 'passport', type: 'passport', number, country: countryInRemark(part.replace(number, ' ')), summary: part, ...remarkDates(part) });
      else b.add('notes', `Passport Details: ${part}`);
    }
    for (const { number, part } of freeTextIds(get('NI Number'))) {
      if (number) {
        const spec = nationalId(number, part.replace(number, ' ').trim(), false);
        ids.add({ ...spec, summary: part });
      } else b.add('notes', `NI Number: ${part}`);
    }
    addOrNote(b, 'position', get('Position'), 'Position');

    const lines = ['Address 1', 'Address 2', 'Address 3', 'Address 4', 'Address 5', 'Address 6'].map(get);
    const postcode = get('Post/Zip Code');
    const country = get('Country');
    if (country) addCountry(b, 'country', country, 'Country');
    if (lines.some(Boolean) || postcode) {
      const full = [...lines, postcode, country].filter(Boolean).join(', ');
      const aid = makeId(ctx.dataset, gid, 'address', full);
      let a = addresses.get(aid);
      if (!a) {
        a = new EntityBuilder('Address', aid, ctx.report.valueProblem)
          .add('full', full)
          .add('street', lines[0])
          .add('street2', lines.slice(1, 5).filter(Boolean).join(', '))
          .add('city', lines[5])
          .add('postalCode', postcode);
        if (country) addCountry(a, 'country', country, 'Country');
        addresses.set(aid, a);
      }
      b.add('address', full).add('addressEntity', aid);
    }

    const other = (c['Other Information'] ?? '').trim();
    b.add('notes', other);
    const regime = get('Regime');
    const sid = makeId(ctx.dataset, gid, 'sanction', regime || 'ofsi');
    let s = sanctions.get(sid);
    if (!s) {
      s = new EntityBuilder('Sanction', sid, ctx.report.valueProblem)
        .add('entity', id)
        .add('authority', OFSI)
        .add('country', 'gb')
        .add('program', regime)
        .add('authorityId', gid)
        .add('sourceUrl', CONLIST_URL);
      sanctions.set(sid, s);
    }
    s.add('listingDate', get('Listed On'))
      .add('startDate', get('UK Sanctions List Date Designated'))
      .add('recordId', get('UK Sanctions List Ref'))
      .add('modifiedAt', get('Last Updated'));
    for (const m of other.matchAll(/UN\s*Ref(?:erence)?(?:\s*(?:No\.?|number))?[\s.:]*([A-Za-z]+(?:\.[A-Za-z0-9]+)+)/gi)) s.add('unscId', m[1]);
    for (const [col, v] of Object.entries(c)) {
      if (!CONLIST_KNOWN.has(col) && v.trim()) b.add('notes', `${col}: ${v.trim()}`);
      if (col === '' && v.trim()) b.add('notes', `(unnamed column, ${path.basename(file)}:${line}): ${v.trim()}`);
    }
  }
  // excerpts and some groups carry only alias rows: the first one names the entity
  if (!b.has('name')) {
    const first = aliasesWhenNoPrimary[0] ?? b.get('weakAlias')[0];
    b.add('name', first);
    for (const prop of ['alias', 'weakAlias']) {
      const list = b.properties[prop];
      if (list && first) b.properties[prop] = list.filter((v) => v !== first);
      if (b.properties[prop]?.length === 0) delete b.properties[prop];
    }
  }
  return [b.build(), ...[...sanctions.values()].map((s) => s.build()), ...ids.entities(), ...[...addresses.values()].map((a) => a.build())];
}

/**
 * What a leading row of a ConList-style file is: OFSI's "Last Updated" line or the header.
 * Throws when it is neither, or the header lacks a required column.
 */
function conListLeadRow(cells: string[], file: string, line: number): 'stated-date' | 'header' {
  const firstCell = cells.find(Boolean) ?? '';
  if (/^last updated$/i.test(firstCell) && !cells.includes('Group ID')) return 'stated-date';
  if (!cells.includes('Name 6') || !cells.includes('Group ID')) {
    throw new SourceError(
      file,
      String(line),
      `not a UK sanctions list CSV: expected the UK Sanctions List tables (subjects.csv, subject_names.csv, …) or an OFSI ConList header (Name 6, Name 1…5, …, Group ID); found ${cells.slice(0, 8).join(', ')}${cells.length > 8 ? ', …' : ''}`,
    );
  }
  const missing = CONLIST_REQUIRED.filter((h) => !cells.includes(h));
  if (missing.length) throw new SourceError(file, String(line), `missing column(s) ${missing.join(', ')}`);
  return 'header';
}

/** Fails early, before any record is read, on a file that is not a ConList. */
async function checkConList(file: string): Promise<void> {
  // Windows-1252 decodes any bytes: the encoding is decided when the file is read
  for await (const { row, line } of readCsvRows(file, { encoding: 'windows-1252' })) {
    if (conListLeadRow(row.map((v) => v.trim()), file, line) === 'header') return;
  }
  throw new SourceError(file, undefined, 'no header row');
}

async function* readConList(file: string, ctx: ReadContext, progress: ByteProgress): AsyncGenerator<SourceRecord> {
  // OFSI published ConList.csv in Windows-1252; newer copies are UTF-8
  const encoding: TextEncoding = (await isUtf8(file)) ? 'utf-8' : 'windows-1252';
  let header: string[] | undefined;
  let stated: string | undefined;
  const groups = new Map<string, ConRow[]>();
  let maxUpdated: string | undefined;
  for await (const { row, line } of readCsvRows(file, { encoding, progress })) {
    if (!header) {
      const cells = row.map((v) => v.trim());
      if (conListLeadRow(cells, file, line) === 'stated-date') {
        const firstCell = cells.find(Boolean)!;
        stated = parseDate(cells[cells.indexOf(firstCell) + 1] ?? '');
      } else {
        header = cells;
      }
      continue;
    }
    // the published file has an extra empty column in front of the header only
    let names = header;
    if (row.length === header.length - 1 && header[0] === '') names = header.slice(1);
    else if (row.length !== header.length && !(row.length > header.length && row.slice(header.length).every((v) => !v.trim()))) {
      throw new SourceError(file, String(line), `row has ${row.length} fields, the header has ${header.length}${row.length < header.length - 1 ? ' (truncated?)' : ''}`);
    }
    const cells: Record<string, string> = {};
    names.forEach((h, i) => (cells[h] = row[i] ?? ''));
    const gid = (cells['Group ID'] ?? '').trim() || `row-${line}`;
    let list = groups.get(gid);
    if (!list) groups.set(gid, (list = []));
    list.push({ cells, line });
    const updated = parseDate(conListDate(cells['Last Updated'] ?? ''));
    if (updated && (!maxUpdated || updated > maxUpdated)) maxUpdated = updated;
  }
  if (!header) throw new SourceError(file, undefined, 'no header row');
  const version = stated ?? maxUpdated;
  if (version && (!ctx.report.versionHint || version > ctx.report.versionHint)) ctx.report.versionHint = version;
  for (const [gid, rows] of groups) {
    ctx.report.records++;
    yield { key: gid, entities: buildGroup(gid, rows, file, ctx) };
  }
}

// ---------------------------------------------------------------------------------------------

/** Sorts the inputs into sets of normalised tables (by folder) and ConList-style files. */
function classify(files: string[]): { sets: NormalisedSet[]; others: string[] } {
  const sets = new Map<string, NormalisedSet>();
  const others: string[] = [];
  for (const file of files) {
    const table = tableOf(file);
    if (!table) {
      others.push(file);
      continue;
    }
    const folder = path.dirname(file);
    let set = sets.get(folder);
    if (!set) sets.set(folder, (set = { folder, files: {} }));
    if (set.files[table]) throw new SourceError(file, undefined, `two copies of ${TABLES[table].file} in one folder (also ${path.basename(set.files[table]!)})`);
    set.files[table] = file;
  }
  return { sets: [...sets.values()], others };
}

export const ukCsvReader: SourceReader = {
  format: 'uk-csv',
  title: 'UK Sanctions List (normalised CSV tables) and OFSI Consolidated List CSV',
  publisher: `${FCDO}; ${OFSI}`,
  async *read(inputs: string[], ctx: ReadContext): AsyncIterable<SourceRecord> {
    const files = await expandInputs(inputs, (f) => /\.csv(\.gz)?$/i.test(f));
    if (files.length === 0) throw new SourceError(inputs.join(', '), undefined, 'no .csv files found');
    const { sets, others } = classify(files);
    for (const file of others) await checkConList(file);
    const progress = await ByteProgress.of(files, ctx);
    for (const set of sets) yield* readNormalised(set, ctx, progress);
    for (const file of others) yield* readConList(file, ctx, progress);
  },
};
