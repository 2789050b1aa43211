import { EntityBuilder } from '../model/builder.js';
import { toIso2 } from '../model/countries.js';
import { parseDate, parseDateOrRange } from '../model/dates.js';
import type { FtmEntity } from '../model/entity.js';
import { hasSchema } from '../model/ftm.js';
import { makeId } from '../model/ids.js';
import { kgInn, kzBin, recogniseIdentifier, ruInn, ruOgrn } from '../model/identifiers.js';
import { readCsvObjects, type CsvRow } from './csv.js';
import { SourceError } from './errors.js';
import { ByteProgress, expandInputsOfType } from './files.js';
import { completeGroups } from './row-groups.js';
import type { ReadContext, SourceReader, SourceRecord } from './types.js';

/**
 * The per-regulation CSV transcription of the EU Official Journal (OpenSanctions
 * eu_journal_sanctions, see its FORMAT.md): one file per framework act (CELEX number), one row
 * per designated entity per legal context (annex, programme, measure).
 *
 * What one entry is: `recordId` is the number the act prints in one annex, so it restarts in
 * every annex (in 32014R0269 entry 1 of I.PERSONS is a person, entry 1 of I.ENTITIES a company).
 * An entry is therefore (framework CELEX, annex, recordId) — plus schema if an annex reuses a
 * number for two schemata, which FORMAT.md allows — or, when the act prints no number,
 * (framework CELEX, annex, schema, name). Rows of the same entry (the same printed entry repeated
 * for another programme or measure, as FORMAT.md asks transcribers to do) become one entity with
 * one Sanction per row. Rows of different annexes are never merged, even when the name is the
 * same: the annexes do not say they are the same party (two "Maria" vessels, two persons named
 * Sergey Pavlovich IVANOV), so matching them is left to entity resolution.
 * `report.records` counts data rows; the number of yielded records is the number of entries.
 */

const ENTITY_COLUMNS = [
  'schema', 'name', 'alias', 'weakAlias', 'previousName', 'country', 'nationality', 'jurisdiction',
  'birthDate', 'birthPlace', 'position', 'passportNumber', 'gender', 'appearance', 'ethnicity',
  'fatherName', 'motherName', 'incorporationDate', 'legalForm', 'sector', 'registrationNumber',
  'taxNumber', 'idNumber', 'innCode', 'ogrnCode', 'kppCode', 'okpoCode', 'leiCode', 'swiftBic',
  'ticker', 'imoNumber', 'mmsi', 'flag', 'address', 'phone', 'email', 'website', 'notes',
];
const META_COLUMNS = ['recordId', 'programKey', 'annex', 'measure', 'startDate', 'reason'];
export const EU_CONSOLIDATED_COLUMNS = ['celex', ...META_COLUMNS, ...ENTITY_COLUMNS];
export const EU_AMENDMENT_COLUMNS = ['amendedCelex', 'amendmentCelex', ...META_COLUMNS, ...ENTITY_COLUMNS];

const SCHEMATA = new Set(['Person', 'LegalEntity', 'Organization', 'Company', 'Vessel', 'Asset']);
const NAME_COLUMNS = ['alias', 'weakAlias', 'previousName'];
const COUNTRY_COLUMNS = ['country', 'nationality', 'jurisdiction', 'flag'];
const DATE_COLUMNS = ['birthDate', 'incorporationDate'];
const IDENTIFIER_COLUMNS = [
  'passportNumber', 'registrationNumber', 'taxNumber', 'idNumber', 'innCode', 'ogrnCode', 'kppCode',
  'okpoCode', 'leiCode', 'swiftBic', 'ticker', 'imoNumber', 'mmsi',
];
/** Identifier columns that name one numbering system; a piece labelled as another system leaves them. */
const SPECIFIC_ID_COLUMNS = new Set(['innCode', 'ogrnCode', 'kppCode', 'okpoCode', 'leiCode', 'swiftBic', 'ticker', 'imoNumber', 'mmsi']);
/** Columns of Russian numbering systems (an INN can also be Kyrgyz: that one is checked, not assumed). */
const RUSSIAN_ID_COLUMNS = new Set(['ogrnCode', 'kppCode', 'okpoCode']);
/** Vessel and security identifiers stay properties; the others also become Identification entities. */
const NO_IDENTIFICATION = new Set(['ticker', 'imoNumber', 'mmsi']);
const ID_TYPE_OF_COLUMN: Record<string, string> = {
  passportNumber: 'Passport', registrationNumber: 'Registration number', taxNumber: 'Tax number',
  idNumber: 'ID number', innCode: 'INN', ogrnCode: 'OGRN', kppCode: 'KPP', okpoCode: 'OKPO',
  leiCode: 'LEI', swiftBic: 'SWIFT/BIC',
};

export const AUTHORITY = 'European Union';

export function eurLexUrl(celex: string): string {
  return `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${celex}`;
}

// ---------------------------------------------------------------------------------------------
// Cell values

/**
 * Splits a multi-valued cell as FORMAT.md defines it: `;`-separated, spaces after the separator
 * skipped, an element that contains `;` or `"` CSV-quoted with doubled quotes (what Python's csv
 * reader does with delimiter=";" and skipinitialspace=True). Empty elements are dropped.
 */
export function splitMulti(cell: string): string[] {
  const out: string[] = [];
  const n = cell.length;
  let i = 0;
  if (!cell.trim()) return out;
  while (i <= n) {
    while (cell[i] === ' ') i++;
    let value = '';
    if (cell[i] === '"') {
      i++;
      while (i < n) {
        if (cell[i] === '"') {
          if (cell[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += cell[i++];
      }
    }
    while (i < n && cell[i] !== ';') value += cell[i++];
    value = value.trim();
    if (value) out.push(value);
    i++;
  }
  return out;
}


/** ISO2 of a country name, code or nationality adjective ("Russian" → RU), or undefined. */
export function countryOf(text: string): string | undefined {
  const t = text.trim().replace(/[.]+$/, '').trim();
  if (!t) return undefined;
  return toIso2(t);
}

const COUNTRY_QUALIFIERS =
  /^(?:assumed|allegedly|possibly|presumably|probably|reportedly)\s+|\s*\((?:presumed|assumed|possibly)\)$|\s+(?:since \d{4}|by birth)$|\s*\((?:as at|until|since) [^)]*\)$/i;

/**
 * Countries in one cell element as the source words them: "Russian", "Myanmar/Burma",
 * "(a) German, (b) Moroccan", "Italian since 1990". `exact` is false when some wording is not a
 * country (a qualifier, a remark) — the caller then keeps the element verbatim in notes.
 */
export function countriesIn(text: string): { values: string[]; exact: boolean } {
  const whole = countryOf(text);
  if (whole) return { values: [whole], exact: true };
  const codes: string[] = [];
  let exact = true;
  const parts = text
    .replace(/(^|[\s,;])\(?[a-h]\)\s*/g, '$1,')
    .split(/\s*(?:[,;/]|\.\s+|\band\/or\b|\band\b|\bor\b)\s*/i)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    let p = part;
    let q: string;
    while ((q = p.replace(COUNTRY_QUALIFIERS, '')) !== p) {
      p = q.trim();
      exact = false;
    }
    const paren = /^(.*?)\s*\(([^()]*)\)$/.exec(p);
    let code = countryOf(p);
    if (!code && paren) {
      // "Congolese (DRC)", "Democratic People’s Republic of Korea (DPRK)"
      code = countryOf(paren[2]!) ?? countryOf(paren[1]!);
      exact = false;
    }
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else exact = false;
  }
  return { values: codes, exact: exact && codes.length > 0 };
}

const DATE_QUALIFIER =
  /^\(?(?:approximately|approx\.?|circa|ca\.|about|around|on or around|probably|possibly|presumably|established|founded(?: in)?)\)?:?\s+|\s+(?:circa|approx\.?)$|\s*\(\s*(?:approximately|approx\.?|presumed|probably|possibly|gregorian calendar)\s*\)$/i;

function stripDateQualifiers(text: string): { text: string; qualified: boolean } {
  let t = text.trim();
  let qualified = false;
  for (let q = t.replace(DATE_QUALIFIER, '').trim(); q !== t; q = t.replace(DATE_QUALIFIER, '').trim()) {
    t = q;
    qualified = true;
  }
  return { text: t, qualified };
}

/**
 * Dates in one cell element: "19.4.1952", "Approximately 1952", "Between 1958 and 1963",
 * "9.6.1971 or 28.9.1969", "(a) 1.1.1960, (b) 2.2.1961", "24.4.1991 as ‘…’". `exact` is false when
 * some wording is not a date (a qualifier such as "approximately", a remark) — the caller then
 * keeps the element verbatim in notes.
 */
export function datesIn(text: string): { values: string[]; exact: boolean } {
  let t = text
    .trim()
    .replace(/\.$/, '')
    .replace(/^\(([^()]*)\)$/, '$1')
    .replace(/([A-Za-z])\.(\d)/g, '$1. $2')
    .replace(/(\d)\.\s+(\d{4})\b/g, '$1.$2')
    .replace(/^(\d{1,2})\.(\d{1,2})\s+(\d{4})$/, '$1.$2.$3')
    .replace(/\(or ([^()]*)\)/gi, 'or $1');
  const whole = stripDateQualifiers(t);
  t = whole.text;
  let exact = !whole.qualified;
  const direct = parseDateOrRange(t);
  if (direct.length) return { values: direct, exact };
  const dates: string[] = [];
  const parts = t
    .replace(/(^|[\s,;])\(?(?:[a-h]|i{1,3}|iv)\)\s*/g, '$1,')
    .split(/\s*(?:[,;/]|\bor\b)\s*/i)
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    const p = stripDateQualifiers(part);
    if (p.qualified) exact = false;
    let found = parseDateOrRange(p.text);
    if (!found.length) {
      exact = false;
      // a date followed by a remark: "24.4.1991 as ‘…’", "5.9.1990 (Singapore)"
      const lead = /^(\d{1,2}\.\d{1,2}\.\d{4}|\d{4})(?=[\s(]|$)/.exec(p.text);
      const d = lead ? parseDate(lead[1]!) : undefined;
      found = d ? [d] : [];
    }
    for (const d of found) if (!dates.includes(d)) dates.push(d);
  }
  return { values: dates, exact: exact && dates.length > 0 };
}

// ---------------------------------------------------------------------------------------------
// Identifiers

/** One identifier printed in a cell element, with what the source says about it. */
export interface IdPiece {
  number: string;
  /** the printed label: "Tax ID/INN", "BIN", "CR No." */
  label?: string;
  country?: string;
  /** printed wording that is neither number, label nor country ("issued on 1.2.2010") */
  extra?: string;
}

/** Splits on top-level separators only (not inside parentheses). */
function splitTopLevel(text: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      sep.lastIndex = i;
      const m = sep.exec(text);
      if (m && m.index === i) {
        out.push(text.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

/** Strips trailing parentheticals ("1234 (Tax ID/INN)", nested ones too) off a piece. */
function trailingParens(text: string): { rest: string; inner: string[] } {
  let rest = text.trim();
  const inner: string[] = [];
  while (rest.endsWith(')')) {
    let depth = 0;
    let open = -1;
    for (let i = rest.length - 1; i >= 0; i--) {
      if (rest[i] === ')') depth++;
      else if (rest[i] === '(' && --depth === 0) {
        open = i;
        break;
      }
    }
    if (open < 0) break;
    inner.unshift(rest.slice(open + 1, -1).trim());
    rest = rest.slice(0, open).trim();
  }
  return { rest, inner };
}

const LABEL_KEYWORD =
  'No|Nos|no|nos|N°|number|Number|INN|ИНН|KPP|OKPO|OGRN|OGRNIP|TIN|BIN|IIN|USCC|CR|Cr|UEN|TRN|BRN|CIN|SRN|LEI|SWIFT/BIC|SWIFT|BIC|IMO|[Pp]assport|[Cc]ard|[Dd]ocument';
/** A printed label before the number: "Cr. No. 123", "Yemen passport number 0034", "SRN: 1127…", "(TIN) 97…". */
const LEADING_LABEL = new RegExp(
  `^(\\([^()\\d]+\\)|(?:[\\p{L}'’.()]+\\s+){0,6}?(?:${LABEL_KEYWORD})\\.?(?:\\s*[:–-])?|[^:\\d]{2,60}:)\\s*(?=[\\p{Lu}\\d])`,
  'u',
);
const TRAILING_WORD = /\s+(?:on|expires?|expired|expiring|issued|valid|until|dated|from|revoked|place of issue)\b/giu;
const IDENTIFIER_LIKE = /^(?=.*\d|[\p{Lu}]{6,}$)[\p{L}\d][\p{L}\d\-‐./ ()]*$/u;
/** Wording after an identifier that qualifies it rather than being another identifier. */
const QUALIFIER_PIECE = /^(?:issued|expires?|expired|expiring|valid|officially|under|in|at|place|date|revoked|might|name)\b/i;

/** Where wording about a number ("issued on …", "expires …") starts outside parentheses, or -1. */
function trailingWordsAt(text: string): number {
  TRAILING_WORD.lastIndex = 0;
  for (let m = TRAILING_WORD.exec(text); m; m = TRAILING_WORD.exec(text)) {
    const before = text.slice(0, m.index);
    const depth = (before.match(/\(/g)?.length ?? 0) - (before.match(/\)/g)?.length ?? 0);
    if (depth === 0 && /\d/.test(before)) return m.index;
  }
  return -1;
}

/** Country named by the first words of a label ("Trinidad and Tobago National ID Card" → TT). */
function leadingCountry(label: string): string | undefined {
  const words = label.replace(/[():]/g, ' ').trim().split(/\s+/);
  for (let k = Math.min(words.length, 4); k >= 1; k--) {
    const c = countryOf(words.slice(0, k).join(' '));
    if (c) return c;
  }
  return undefined;
}

function addExtra(piece: IdPiece, text: string): void {
  piece.extra = [piece.extra, text].filter(Boolean).join('; ');
}

function applyInner(piece: IdPiece, inner: string): void {
  const whole = countryOf(inner);
  if (whole) {
    piece.country ??= whole;
    return;
  }
  // "China, Unified Social Credit Code", "Russia, Registration Number (OGRN)"
  const comma = /^([^,]+),\s*(.+)$/.exec(inner);
  if (comma && countryOf(comma[1]!)) {
    piece.country ??= countryOf(comma[1]!);
    if (!piece.label) piece.label = comma[2]!;
    else addExtra(piece, inner);
    return;
  }
  if (!/\d/.test(inner) && !piece.label) {
    piece.label = inner;
    // "Russian foreign travel passport number", "issued by the DPRK"
    const c = leadingCountry(inner) ?? countryOf(/\bby the ([\p{L} ]+)$/u.exec(inner)?.[1] ?? '');
    if (c) piece.country ??= c;
    return;
  }
  addExtra(piece, inner);
  const c = leadingCountry(inner);
  if (c) piece.country ??= c;
}

/** One piece of an element ("Iraq number A6489694 (expires on 31 Aug. 2021)"), or undefined if it is no identifier. */
function parsePiece(chunk: string): IdPiece | undefined {
  let text = chunk.trim().replace(/^[-–‐]\s*/, '');
  const outer = /^\(([^()]*\d[^()]*)\)$/.exec(text);
  if (outer) text = outer[1]!;
  let extra: string | undefined;
  const cut = trailingWordsAt(text);
  if (cut >= 0) {
    extra = text.slice(cut).trim();
    text = text.slice(0, cut).trim();
  }
  const { rest, inner } = trailingParens(text);
  const piece: IdPiece = { number: rest };
  if (extra) piece.extra = extra;
  const lead = LEADING_LABEL.exec(rest);
  if (lead) {
    const label = lead[1]!.replace(/^\((.*)\)$/, '$1').replace(/\s*[:–-]$/, '').trim();
    piece.label = label;
    piece.number = rest.slice(lead[0].length).trim();
    const c = leadingCountry(label);
    if (c) piece.country = c;
  } else {
    // "Saudi Arabia 2135314355"
    const m = /^([\p{L} ()’']+?)\s+(?=[\p{L}\d-]*\d)/u.exec(rest);
    const c = m ? countryOf(m[1]!) : undefined;
    if (c) {
      piece.country = c;
      piece.number = rest.slice(m![0].length).trim();
    }
  }
  for (const i of inner) applyInner(piece, i);
  piece.number = piece.number.replace(/^IMO\s+/i, '').trim();
  return IDENTIFIER_LIKE.test(piece.number) ? piece : undefined;
}

/**
 * The identifiers printed in one cell element: "7704274402 (Tax ID/INN)", "Cr. No. 1234",
 * "7706107510, KPP 770601001, OKPO 00044434", "(a) 123456 (British passport issued on 1.2.2010),
 * (b) 654321". Wording after an identifier that is no identifier ("issued in Iran", a country)
 * qualifies the one before. Returns undefined when the element does not start with an identifier.
 */
export function parseIdentifiers(raw: string): IdPiece[] | undefined {
  const text = raw
    .trim()
    .replace(/(^|[\s,;])\(?(?:[a-h]|i{1,3}|iv|\d)\)\s+/g, '$1; ')
    .replace(/^[-–‐;\s]+/, '')
    .replace(/[.,;\s]+$/, '');
  const chunks = splitTopLevel(text, /\s*[,;]\s*|\s+\/\s*|\s*\/\s+|\s+and\s+|(?<=\d)\s+[–‐]\s+/y);
  // "7701234567 OKPO: 12345678 KPP: 123456789": labels after a number start a new piece
  const split = chunks.flatMap((c) => c.split(/\s+(?=(?:KPP|OKPO|OGRN|OGRNIP|INN|TIN|BIN)\b\s*:?\s*\d)/));
  const pieces: IdPiece[] = [];
  for (const chunk of split) {
    const piece = parsePiece(chunk);
    const prev = pieces[pieces.length - 1];
    if (piece && !QUALIFIER_PIECE.test(chunk)) {
      pieces.push(piece);
    } else if (prev) {
      const c = countryOf(chunk);
      if (c) prev.country ??= c;
      else addExtra(prev, chunk);
    } else {
      return undefined;
    }
  }
  return pieces.length ? pieces : undefined;
}

const DATE_TEXT = String.raw`(\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{4}|\d{4})`;
const ISSUED = new RegExp(String.raw`\bissued(?:\s+on)?\s*` + DATE_TEXT, 'i');
const EXPIRES = new RegExp(String.raw`\b(?:expires?|expired|expiring|expiration date|valid until|date of expiration:?)(?:\s+on)?\s*` + DATE_TEXT, 'i');

/** Issue and expiry dates a document's wording states ("issued on 4.10.2000, expired 3.10.2005"). */
function documentDates(text: string): { issued?: string; expires?: string } {
  const norm = (d: string | undefined) => (d ? parseDate(d.replace(/\.\s+(?=\d)/g, '.').replace(/([A-Za-z])\.\s/, '$1 ')) : undefined);
  return { issued: norm(ISSUED.exec(text)?.[1]), expires: norm(EXPIRES.exec(text)?.[1]) };
}

interface IdTarget {
  props: string[];
  /** the numbering system when recognised from an unlabelled number */
  recognised?: string;
  country?: string;
}

/** Which specific properties a printed label points at. */
function labelProps(label: string, number: string, country: string | undefined, report: (reason: string) => void): IdTarget {
  const props: string[] = [];
  let idCountry: string | undefined;
  if (/\bOGRN(?:IP)?\b/i.test(label)) {
    props.push('ogrnCode');
    if (!ruOgrn(number).valid) report(`ogrnCode: labelled OGRN but ${ruOgrn(number).problem}`);
    idCountry = 'RU';
  }
  if (/\bKPP\b/i.test(label)) {
    props.push('kppCode');
    idCountry = 'RU';
  }
  if (/\bOKPO\b/i.test(label)) {
    props.push('okpoCode');
    idCountry = 'RU';
  }
  if (/\bLEI\b/.test(label)) props.push('leiCode');
  if (/\bSWIFT\b|\bBIC\b/.test(label)) props.push('swiftBic');
  if (/\bUSCC\b|unified social credit/i.test(label)) props.push('uscCode');
  if (/\bIMO\b/.test(label)) props.push('imoNumber');
  if (/passport/i.test(label)) props.push('passportNumber');
  if (/\bINN\b/.test(label)) {
    const inn = ruInn(number);
    const kg = kgInn(number);
    if (inn.valid && (!country || country === 'RU')) {
      props.push('innCode');
      idCountry = 'RU';
    } else if (kg.valid && (!country || country === 'KG')) {
      props.push('taxNumber');
      idCountry = 'KG';
    } else {
      props.push('taxNumber');
    }
  } else if (/\bTIN\b|\bTRN\b|\bGSTIN\b|\bVAT\b|tax/i.test(label)) props.push('taxNumber');
  if (/\bBIN\b/.test(label)) {
    if (kzBin(number).valid) idCountry = 'KZ';
    else report(`registrationNumber: labelled BIN but ${kzBin(number).problem}`);
  }
  return { props, country: idCountry };
}

/** What an unlabelled number is, when the entity's country has a numbering system we can check. */
function recognise(number: string, country: string | undefined): IdTarget {
  if (country !== 'RU' && country !== 'KZ' && country !== 'KG') return { props: [] };
  const facts = recogniseIdentifier(number, country);
  switch (facts?.kind) {
    case 'ru-inn':
      return { props: ['innCode'], recognised: 'INN', country: 'RU' };
    case 'ru-ogrn':
    case 'ru-ogrnip':
      return { props: ['ogrnCode'], recognised: facts.kind === 'ru-ogrn' ? 'OGRN' : 'OGRNIP', country: 'RU' };
    case 'kz-bin':
      return { props: [], recognised: 'BIN', country: 'KZ' };
    case 'kz-iin':
      return { props: [], recognised: 'IIN', country: 'KZ' };
    case 'kg-inn':
      return { props: ['taxNumber'], recognised: 'INN', country: 'KG' };
    default:
      return { props: [] };
  }
}

// ---------------------------------------------------------------------------------------------
// Rows → entities

type Row = Record<string, string>;

/** The framework act the row belongs to and the act it was transcribed from. */
function actsOf(row: Row): { framework: string; source: string } {
  if ('amendedCelex' in row) return { framework: row['amendedCelex']!.trim(), source: row['amendmentCelex']!.trim() };
  return { framework: row['celex']!.trim(), source: row['celex']!.trim() };
}

/** The entry a row belongs to (see the module comment). */
function entryKey(row: Row, schemaClash: boolean): { key: string; idParts: string[] } {
  const { framework } = actsOf(row);
  const annex = row['annex']!.trim();
  const recordId = row['recordId']!.trim();
  const schema = row['schema']!.trim();
  if (recordId) {
    const parts = [framework, annex || '-', recordId, ...(schemaClash ? [schema] : [])];
    return { key: parts.join('/'), idParts: [parts.join('-')] };
  }
  const name = row['name']!.trim();
  return { key: [framework, annex || '-', schema, name].join('/'), idParts: [framework, annex, schema, name] };
}

/** The country an address names: its last comma part that is a country ("…, Republic of Kazakhstan", "125493 Russian Federation, Moscow, …"). */
function addressCountry(address: string): string | undefined {
  const parts = address.split(',').reverse();
  for (const part of parts) {
    const code = countryOf(part.replace(/\(.*\)$/, '').replace(/^[\d\s-]+|[\d\s-]+$/g, ''));
    if (code) return code;
  }
  return undefined;
}

function addressCountries(addresses: string[]): string[] {
  const out: string[] = [];
  for (const a of addresses) {
    const code = addressCountry(a);
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

class EntryBuilder {
  readonly main: EntityBuilder;
  readonly others = new Map<string, FtmEntity>();
  private sanctionKeys = new Map<string, number>();
  private readonly problem: (reason: string) => void;

  constructor(
    readonly schema: string,
    readonly id: string,
    readonly key: string,
    private readonly ctx: ReadContext,
  ) {
    this.main = new EntityBuilder(schema, id, ctx.report.valueProblem);
    this.problem = (reason: string) => ctx.report.skip(reason, key);
  }

  addRow(row: Row): void {
    const b = this.main;
    const multi = (c: string) => splitMulti(row[c] ?? '');
    b.add('name', row['name']!.trim());
    for (const c of NAME_COLUMNS) b.addOrNote(c, multi(c), c);
    for (const c of COUNTRY_COLUMNS) b.addOrNote(c, multi(c), c, countriesIn);
    for (const c of DATE_COLUMNS) b.addOrNote(c, multi(c), c, datesIn);
    b.addOrNote('gender', multi('gender').map((g) => g.replace(/\.$/, '')), 'gender');
    for (const c of ['birthPlace', 'position', 'appearance', 'ethnicity', 'fatherName', 'motherName', 'legalForm', 'sector', 'phone', 'email', 'website', 'notes']) {
      b.addOrNote(c, multi(c), c);
    }

    const addresses = multi('address');
    const countries = this.entityCountries(row, addresses);
    for (const full of addresses) this.addAddress(full);
    for (const c of IDENTIFIER_COLUMNS) for (const v of multi(c)) this.addIdentifier(c, v, countries);

    // columns a newer FORMAT.md may add: kept, never lost
    for (const [c, v] of Object.entries(row)) {
      if (!EU_CONSOLIDATED_COLUMNS.includes(c) && !EU_AMENDMENT_COLUMNS.includes(c) && v.trim()) b.add('notes', `${c}: ${v.trim()}`);
    }
    this.addSanction(row);
  }

  private entityCountries(row: Row, addresses: string[]): string | undefined {
    const found = new Set<string>();
    for (const c of ['jurisdiction', 'country', 'nationality']) {
      for (const v of splitMulti(row[c] ?? '')) for (const code of countriesIn(v).values) found.add(code);
    }
    if (!found.size) for (const code of addressCountries(addresses)) found.add(code);
    return found.size === 1 ? [...found][0] : undefined;
  }

  private addAddress(full: string): void {
    const only = countryOf(full);
    if (only && this.main.hasProp('country')) {
      // an "address" that names only a country ("Russian Federation")
      this.main.add('country', only);
      return;
    }
    const id = makeId(this.ctx.dataset, this.key, 'address', full);
    const a = new EntityBuilder('Address', id, this.ctx.report.valueProblem).add('full', full);
    const country = addressCountry(full);
    if (country) {
      a.add('country', country);
      if (this.main.hasProp('country')) this.main.add('country', country);
    }
    this.others.set(id, a.build());
    this.main.add('address', full).add('addressEntity', id);
  }

  private addIdentifier(column: string, raw: string, entityCountry: string | undefined): void {
    const pieces = parseIdentifiers(raw);
    if (!pieces) {
      this.main.add('notes', `${column}: ${raw}`);
      this.problem(`${column}: not an identifier (kept in notes)`);
      return;
    }
    for (const piece of pieces) {
      const country = piece.country ?? entityCountry;
      const target = piece.label ? labelProps(piece.label, piece.number, country, this.problem) : recognise(piece.number, country);
      if (!piece.label && column === 'innCode' && !ruInn(piece.number).valid && !kgInn(piece.number).valid) {
        this.problem(`innCode: fails the INN check digits (kept)`);
      }
      if (!piece.label && column === 'ogrnCode' && !ruOgrn(piece.number).valid) this.problem(`ogrnCode: ${ruOgrn(piece.number).problem} (kept)`);
      const props = [...target.props];
      const leavesColumn = SPECIFIC_ID_COLUMNS.has(column) && props.some((p) => p !== column);
      if (!leavesColumn && !props.includes(column)) props.unshift(column);
      let placed = false;
      for (const p of props) {
        if (this.main.hasProp(p)) {
          this.main.add(p, piece.number);
          placed = true;
        }
      }
      if (NO_IDENTIFICATION.has(column) && !piece.label) {
        if (!placed) this.main.add('notes', `${column}: ${raw}`);
        continue;
      }
      const isPassport = props.includes('passportNumber');
      const type = piece.label ?? target.recognised ?? ID_TYPE_OF_COLUMN[column] ?? column;
      const id = makeId(this.ctx.dataset, this.key, 'id', type, piece.number);
      const e = new EntityBuilder(isPassport ? 'Passport' : 'Identification', id, this.ctx.report.valueProblem)
        .add('holder', this.id)
        .add('number', piece.number)
        .add('type', type);
      if (isPassport) e.add('passportNumber', piece.number);
      const idCountry = piece.country ?? target.country ?? (RUSSIAN_ID_COLUMNS.has(column) && !piece.label ? 'RU' : undefined);
      if (idCountry) {
        const iso = countryOf(idCountry);
        if (iso) e.add('country', iso);
        else e.add('summary', idCountry);
      }
      const { issued, expires } = documentDates(piece.extra ?? '');
      e.add('startDate', issued).add('endDate', expires);
      if (raw !== piece.number) e.add('summary', raw);
      this.others.set(id, e.build());
    }
  }

  private addSanction(row: Row): void {
    const { framework, source } = actsOf(row);
    const programKey = row['programKey']!.trim();
    const annex = row['annex']!.trim();
    const measure = row['measure']!.trim();
    const recordId = row['recordId']!.trim();
    const base = [programKey, annex, measure].join('|');
    const n = (this.sanctionKeys.get(base) ?? 0) + 1;
    this.sanctionKeys.set(base, n);
    const id = makeId(this.ctx.dataset, this.key, 'sanction', base, ...(n > 1 ? [n] : []));
    const s = new EntityBuilder('Sanction', id, this.ctx.report.valueProblem)
      .add('entity', this.id)
      .add('authority', AUTHORITY)
      .add('program', programKey)
      .add('programId', programKey)
      .add('programUrl', eurLexUrl(framework))
      .add('sourceUrl', eurLexUrl(source))
      .add('provisions', [annex ? `Annex ${annex}: ${measure}` : measure])
      .add('recordId', recordId)
      .add('reason', row['reason']?.trim())
      .add('description', `CELEX ${framework}${source !== framework ? ` as amended by CELEX ${source}` : ''}${annex ? `, Annex ${annex}` : ''}${recordId ? `, entry ${recordId}` : ''}`);
    const start = row['startDate']!.trim();
    if (start) {
      const d = parseDate(start.replace(/([A-Za-z])\.(\d)/g, '$1. $2'));
      if (d) s.add('startDate', d).add('listingDate', d);
      else {
        s.add('startDate', start); // reported by the builder
        s.add('summary', `startDate: ${start}`);
      }
    }
    this.others.set(id, s.build());
    this.main.add('topics', 'sanction');
    if (/export control/i.test(measure)) this.main.add('topics', 'export.control');
    this.main.add('sourceUrl', eurLexUrl(source));
  }

  build(): FtmEntity[] {
    return [this.main.build(), ...this.others.values()];
  }
}

// ---------------------------------------------------------------------------------------------
// Files

/** The rows of one file, with the header checked and every row's field count checked. */
function fileRows(file: string, progress?: ByteProgress): AsyncGenerator<CsvRow<Row>> {
  return readCsvObjects(file, (header) => (header[0] === 'amendedCelex' ? EU_AMENDMENT_COLUMNS : EU_CONSOLIDATED_COLUMNS), {
    progress,
    what: 'an EU journal sanctions CSV',
    exactWidth: true,
  });
}

function checkRow(row: Row, file: string, line: number): void {
  const where = String(line);
  const schema = row['schema']!.trim();
  if (!SCHEMATA.has(schema) || !hasSchema(schema)) {
    throw new SourceError(file, where, `schema "${schema}" is not one of ${[...SCHEMATA].join(', ')}`);
  }
  if (!row['name']!.trim()) throw new SourceError(file, where, 'the required "name" is empty');
  const { framework, source } = actsOf(row);
  if (!/^[0-9][0-9]{4}[A-Z][0-9A-Z()]+$/.test(framework) || !/^[0-9][0-9]{4}[A-Z][0-9A-Z()]+$/.test(source)) {
    throw new SourceError(file, where, `not a CELEX number: "${framework || source}"`);
  }
  if (!row['programKey']!.trim()) throw new SourceError(file, where, 'the required "programKey" is empty');
  if (!row['measure']!.trim()) throw new SourceError(file, where, 'the required "measure" is empty');
}

function clashKey(row: Row): string {
  const { framework } = actsOf(row);
  return [framework, row['annex']!.trim(), row['recordId']!.trim()].join('/');
}

function maxDate(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

export const euCsvReader: SourceReader = {
  format: 'eu-csv',
  title: 'EU Official Journal sanctions (OpenSanctions eu_journal_sanctions CSV, one file per regulation)',
  publisher: AUTHORITY,
  async *read(inputs: string[], ctx: ReadContext): AsyncIterable<SourceRecord> {
    const files = await expandInputsOfType(inputs, 'csv');
    const progress = await ByteProgress.of(files, ctx);
    for (const file of files) {
      // Pass 1: check the whole file and learn which rows share an entry, so that pass 2 can
      // stream, holding back only the rows of entries that span several rows.
      const seen: Row[] = [];
      const schemasPerNumber = new Map<string, Set<string>>();
      let latest: string | undefined;
      for await (const { row, line } of fileRows(file)) {
        checkRow(row, file, line);
        const light: Row = { recordId: row['recordId']!, annex: row['annex']!, schema: row['schema']!, name: row['name']! };
        if ('amendedCelex' in row) {
          light['amendedCelex'] = row['amendedCelex']!;
          light['amendmentCelex'] = row['amendmentCelex']!;
        } else light['celex'] = row['celex']!;
        seen.push(light);
        if (row['recordId']!.trim()) {
          const k = clashKey(row);
          let set = schemasPerNumber.get(k);
          if (!set) schemasPerNumber.set(k, (set = new Set()));
          set.add(row['schema']!.trim());
        }
        const d = parseDate(row['startDate']!.trim().replace(/([A-Za-z])\.(\d)/g, '$1. $2'));
        latest = maxDate(latest, d?.length === 10 ? d : undefined);
      }
      const keyOf = (row: Row) => entryKey(row, (schemasPerNumber.get(clashKey(row))?.size ?? 0) > 1);
      const rowsPerEntry = new Map<string, number>();
      for (const row of seen) {
        const { key } = keyOf(row);
        rowsPerEntry.set(key, (rowsPerEntry.get(key) ?? 0) + 1);
      }
      seen.length = 0;
      ctx.report.noteVersion(latest);

      for await (const { key, rows } of completeGroups(fileRows(file, progress), (r) => keyOf(r.row).key, rowsPerEntry)) {
        ctx.report.records += rows.length;
        const last = rows.at(-1)!.row;
        const entry = new EntryBuilder(last['schema']!.trim(), makeId(ctx.dataset, ...keyOf(last).idParts), key, ctx);
        for (const r of rows) entry.addRow(r.row);
        yield { key, entities: entry.build() };
      }
    }
  },
};
