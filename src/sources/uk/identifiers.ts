import { DerivedEntities, type EntityBuilder } from '../../model/builder.js';
import { parseDate } from '../../model/dates.js';
import type { FtmEntity } from '../../model/entity.js';
import { digitsOnly, ruInn, ruOgrn } from '../../model/identifiers.js';
import { makeId } from '../../model/ids.js';
import type { ReadContext } from '../types.js';
import { countryInRemark, resolveCountry } from './countries.js';

const DATE_TEXT = String.raw`(\d{1,2}(?:st|nd|rd|th)?[\s./-]+(?:[A-Za-z]{3,9}\.?|\d{1,2})[\s./-]+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})`;
const ISSUED_RE = new RegExp(String.raw`(?:issued(?:\s+on)?|issue date|date of issue|delivered on|date of delivery)[\s:]+` + DATE_TEXT, 'i');
const EXPIRES_RE = new RegExp(
  String.raw`(?:expires?|expired|expire date|expiry(?: date)?|expiration(?: date)?|date of expir(?:y|ation)|valid until)(?:\s+on)?[\s:]+` +
    DATE_TEXT,
  'i',
);

/** Issue and expiry dates a free-text identifier remark states. */
export function remarkDates(text: string): { startDate?: string; endDate?: string } {
  const start = ISSUED_RE.exec(text)?.[1];
  const end = EXPIRES_RE.exec(text)?.[1];
  return {
    startDate: start ? parseDate(start.replace(/(\d)(st|nd|rd|th)/, '$1').replace(/\s+/g, ' ')) : undefined,
    endDate: end ? parseDate(end.replace(/(\d)(st|nd|rd|th)/, '$1').replace(/\s+/g, ' ')) : undefined,
  };
}

/** Excel's text marker (a leading apostrophe) and stray blanks around an identifier. */
export function cleanNumber(raw: string): string {
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
export function labelledNumber(raw: string): { number: string; label?: string; country?: string; remark?: string } {
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

export type IdKind =
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

export interface IdSpec {
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
export class Identifications {
  private readonly documents: DerivedEntities;
  constructor(
    private readonly ctx: ReadContext,
    private readonly key: string,
    private readonly holder: EntityBuilder,
  ) {
    this.documents = new DerivedEntities(ctx.report.valueProblem);
  }

  add(spec: IdSpec): void {
    const number = spec.number.replace(/\s+/g, ' ').trim();
    if (!number) return;
    const id = makeId(this.ctx.dataset, this.key, 'id', spec.kind, number);
    const b = this.documents.get(spec.kind === 'passport' ? 'Passport' : 'Identification', id, (d) => d.add('holder', this.holder.id).add('number', number));
    b.add('type', spec.type);
    if (spec.country) b.add('country', spec.country);
    if (spec.summary && spec.summary.trim() !== number) b.add('summary', spec.summary.trim());
    b.add('startDate', spec.startDate).add('endDate', spec.endDate);
    for (const prop of HOLDER_PROPS[spec.kind]) if (this.holder.hasProp(prop)) this.holder.add(prop, number);
    for (const [prop, value] of Object.entries(spec.extra ?? {})) if (this.holder.hasProp(prop)) this.holder.add(prop, value);
  }

  entities(): FtmEntity[] {
    return this.documents.build();
  }
}

/** Russian numbering systems: INN has 10 digits (organisations) or 12 (people), OGRN 13 or 15 (OGRNIP). */
const RUSSIAN_CODES = {
  inn: { lengths: [10, 12], check: ruInn, props: ['innCode', 'taxNumber'] },
  ogrn: { lengths: [13, 15], check: ruOgrn, props: ['ogrnCode', 'registrationNumber'] },
} as const;

/**
 * The holder properties of a number shaped as a Russian INN or OGRN (checked digits if
 * `requireValid`); none when it is not one, or of another country.
 */
export function russianCodeExtra(
  system: keyof typeof RUSSIAN_CODES,
  number: string,
  country: string | undefined,
  requireValid: boolean,
): Record<string, string> {
  const { lengths, check, props } = RUSSIAN_CODES[system];
  const digits = digitsOnly(number);
  if (country && country !== 'RU') return {};
  if (!/^[\d\s-]+$/.test(number) || !(lengths as readonly number[]).includes(digits.length)) return {};
  if (requireValid && !check(digits).valid) return {};
  return Object.fromEntries(props.map((p) => [p, digits]));
}

/** What an individual's "national identification number" is, by its remark. */
export function nationalId(number: string, info: string, russian: boolean): IdSpec {
  const country = countryInRemark(info);
  const dates = remarkDates(info);
  const base = { number, summary: info || undefined, country, ...dates };
  if (/social security/i.test(info)) return { ...base, kind: 'ssn', type: 'social security number' };
  if (/(?<!\p{L})(INN|ИНН)(?!\p{L})/u.test(info)) {
    return { ...base, kind: 'inn', type: 'INN', country: country ?? 'RU', extra: russianCodeExtra('inn', number, country ?? 'RU', false) };
  }
  if (/(?<!\p{L})(TIN|NIF|TRN)(?!\p{L})|\btax|\btaxpayer|\bfiscal/iu.test(info)) {
    return { ...base, kind: 'tax', type: 'tax identification number', extra: russianCodeExtra('inn', number, country, true) };
  }
  // Russian INNs often stand in this field without a remark: keep them as INN too when valid.
  const extra = russian && !country ? russianCodeExtra('inn', number, 'RU', true) : {};
  return { ...base, kind: 'national', type: 'national identification number', extra };
}
