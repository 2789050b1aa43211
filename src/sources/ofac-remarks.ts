import { countryKey, toIso2 } from '../model/countries.js';
import { parseDate, parseDateOrRange } from '../model/dates.js';
import { kzBin, ruInn, ruOgrn } from '../model/identifiers.js';

/**
 * The Remarks field of OFAC's legacy CSV (sdn.csv / cons_prim.csv): "; "-separated segments such
 * as `DOB 10 Dec 1948`, `Tax ID No. 7744001497 (Russia)`, `a.k.a. 'BNC'` or `Linked To: HIZBALLAH`.
 * `parseRemarks` turns each segment into one fact; the reader decides which FtM property of which
 * schema a fact lands in. A segment that is not recognised comes back as a note, verbatim.
 */

/** An identifier stated in the remarks: `<label> <number> (<country>) issued <date> expires <date>`. */
export interface OfacIdentifier {
  /** OFAC's own label, e.g. "Tax ID No.", "Passport", "Registration Number" */
  label: string;
  number: string;
  /** ISO2, when the parenthesis names a country */
  country?: string;
  /** the date text after "issued" / "expires", as written */
  issued?: string;
  expires?: string;
  /** the FtM property the number belongs to, by the label (undefined: no specific property) */
  prop?: IdProp;
  passport: boolean;
  /** further properties the number validates as (innCode, ogrnCode, registrationNumber of a KZ BIN, okpoCode) */
  extra: Array<{ prop: IdProp; value: string }>;
}

export type IdProp =
  | 'passportNumber'
  | 'taxNumber'
  | 'vatCode'
  | 'registrationNumber'
  | 'idNumber'
  | 'socialSecurityNumber'
  | 'licenseNumber'
  | 'leiCode'
  | 'swiftBic'
  | 'dunsCode'
  | 'bikCode'
  | 'isinCode'
  | 'ticker'
  | 'uscCode'
  | 'okpoCode'
  | 'ogrnCode'
  | 'innCode'
  | 'imoNumber'
  | 'mmsi'
  | 'serialNumber';

/** The kinds of property a plain fact can name; the reader maps the pseudo ones by schema. */
export type FactProp =
  | 'birthDate'
  | 'birthPlace'
  | 'nationality'
  | 'citizenship'
  | 'gender'
  | 'position'
  | 'website'
  | 'email'
  | 'phone'
  | 'incorporationDate'
  | 'sector'
  | 'classification'
  | 'model'
  | 'buildDate'
  | 'flag'
  | 'pastFlags'
  | 'callSign'
  | 'type'
  | 'registrationCountry';

export type RemarkFact =
  /** `country`: for a birth place, the country it names (ISO2) */
  | { kind: 'prop'; prop: FactProp; values: string[]; country?: string; text: string }
  | { kind: 'name'; prop: 'weakAlias' | 'previousName'; value: string; text: string }
  /** `names` holds the name as written, and as it would read with the remark's final '.' */
  | { kind: 'link'; names: string[]; text: string }
  | { kind: 'operator'; name: string; text: string }
  | { kind: 'identifier'; id: OfacIdentifier; text: string }
  | { kind: 'wallet'; currency: string; address: string; text: string }
  | { kind: 'sanction'; prop: 'provisions' | 'listingDate' | 'startDate' | 'programUrl'; value: string; text: string }
  | { kind: 'note'; text: string };

// ---------------------------------------------------------------------------------------------
// Countries as OFAC spells them ("Korea, North", "Virgin Islands, British", "Region: Crimea")

const OFAC_COUNTRY_NAMES: Record<string, string> = {
  'cote d ivoire': 'CI',
  'man isle of': 'IM',
  'virgin islands british': 'VG',
  'virgin islands us': 'VI',
  'bahamas the': 'BS',
  'gambia the': 'GM',
  'macedonia the former yugoslav republic of': 'MK',
  'north macedonia the republic of': 'MK',
  'micronesia federated states of': 'FM',
  'bosnia herzegovina': 'BA',
  'burma': 'MM',
  'region crimea': 'UA',
};

const countryCache = new Map<string, string | undefined>();

/** ISO2 of a country as OFAC writes it; undefined when the text is not a country. */
export function ofacCountry(raw: string): string | undefined {
  const text = raw.trim();
  if (countryCache.has(text)) return countryCache.get(text);
  let iso: string | undefined;
  const s = text.replace(/^Region:\s*/i, '');
  if (s && s !== '-0-' && /^[\p{L}][\p{L} ,.'’()-]*$/u.test(s)) {
    iso = toIso2(s) ?? OFAC_COUNTRY_NAMES[countryKey(s)];
    const comma = s.indexOf(', ');
    if (!iso && comma > 0) {
      // "Congo, Democratic Republic of the" → "Democratic Republic of the Congo"
      iso = toIso2(`${s.slice(comma + 2)} ${s.slice(0, comma)}`) ?? toIso2(s.slice(0, comma));
    }
  }
  countryCache.set(text, iso);
  return iso;
}

// ---------------------------------------------------------------------------------------------
// Identifier labels: OFAC's ID types as they appear in the legacy Remarks

type IdClass = IdProp | 'passport' | 'tax' | 'registration' | 'okpo' | 'none';

const ID_LABELS: Array<[IdClass, string[]]> = [
  ['passport', ['Passport', 'Diplomatic Passport', 'Passport Booklet', 'Passport Booklet:', 'British National Overseas Passport', 'Stateless Person Passport']],
  ['tax', [
    'Tax ID No.', 'NIT #', 'RFC', 'R.F.C.', 'R.F.C. #', 'RUC #', 'RIF #', 'C.U.I.T.', 'CUIT', 'C.U.I.L.', 'US FEIN',
    'Italian Fiscal Code', 'Italian Fiscal Code:', 'RTN', 'N.I.F.', 'NIF', 'C.I.F.', 'Paraguayan tax identification number',
    'Numero Unico de Identificacao Tributaria (NUIT)', 'RSIN', 'Romanian Tax Registration', 'Fiscal Code',
  ]],
  ['vatCode', ['V.A.T. Number']],
  ['registration', [
    'Registration Number', 'Registration ID', 'Business Registration Number', 'Business Registration Document #',
    'Commercial Registry Number', 'Company Number', 'UK Company Number', 'C.R. No.', 'Folio Mercantil No.',
    'Matricula Mercantil No', 'Chamber of Commerce Number', 'Istanbul Chamber of Comm. No.',
    'Dubai Chamber of Commerce Membership No.', 'Certificate of Incorporation Number', 'Public Registration Number',
    'Central Registration System Number', 'Enterprise Number', 'Business Number', 'Economic Register Number (CBLS)',
    'Registered Charity No.', 'File Number', 'Branch Unit Number', 'Romanian C.R.', 'Registration Certificate Number (Dubai)',
    'C.I.N.', 'Organization Code', 'MSB Registration Number', 'LE Number', 'Company ID:',
    'Russian State Individual Business Registration Number Pattern (OGRNIP)', 'Trade Registry Number',
  ]],
  ['okpo', ['Government Gazette Number']],
  ['licenseNumber', ['License', 'Trade License No.', 'Tourism License No.', 'Afghan Money Service Provider License Number', 'Pilot License Number']],
  ['idNumber', [
    'National ID No.', 'Identification Number', 'Cedula No.', 'D.N.I.', 'C.U.R.P.', 'C.U.R.P. #', 'Personal ID Card',
    'National Foreign ID Number', 'Credencial electoral', 'Electoral Registry No.', 'Cartilla de Servicio Militar Nacional',
    'Birth Certificate Number', 'I.F.E.', 'Residency Number', 'C.U.I.', 'C.U.I.P.', 'Turkish Identification Number',
    'Numero de Identidad', "Citizen's Card Number", 'Kenyan ID No.', 'Tazkira National ID Card', 'Travel Document Number',
    'Refugee ID Card', 'Immigration No.', 'VisaNumberID', 'SRE Permit No.', 'Permit Number', 'Moroccan Personal ID No.',
    'Bosnian Personal ID No.', 'UAE Identification', 'Public Security and Immigration No.', 'Military Registration Number',
    "Seafarer's Identification Document", "Driver's License No.", 'Stateless Person ID Card', 'Residency Permit',
    'N.I.E.', 'CNP (Personal Numerical Code)', 'Romanian Permanent Resident CAN',
  ]],
  ['socialSecurityNumber', ['SSN']],
  ['leiCode', ['Legal Entity Number']],
  ['swiftBic', ['SWIFT/BIC']],
  ['dunsCode', ['D-U-N-S Number']],
  ['bikCode', ['BIK (RU)']],
  ['isinCode', ['ISIN', 'Identification Number ISIN:']],
  ['ticker', ['Equity Ticker']],
  ['uscCode', ['Unified Social Credit Code (USCC)', 'United Social Credit Code Certificate (USCCC)']],
  ['imoNumber', ['Vessel Registration Identification IMO', 'Identification Number IMO', 'Company Number IMO', 'International Maritime Organization No.']],
  ['mmsi', ['MMSI']],
  ['serialNumber', ["Aircraft Manufacturer's Serial Number (MSN)", 'Aircraft Serial Identification']],
  ['registrationNumber', ['Aircraft Tail Number', 'Vessel Registration Identification']],
  ['none', ['Chinese Commercial Code', 'Trademark number']],
];

const LABEL_CLASS = new Map<string, IdClass>();
for (const [cls, labels] of ID_LABELS) for (const l of labels) LABEL_CLASS.set(l, cls);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One alternation of every label, longest first, so "Identification Number IMO" wins over "Identification Number". */
const ID_RE = new RegExp(
  `^(${[...LABEL_CLASS.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})\\s+(.+)$`,
);

/** `<number> (<country>) issued <date> expires <date>`; the parenthesis and dates are optional. */
const ID_TAIL_RE = /^(.+?)(?:\s+\(([^()]+)\))?(?:\s+issued\s+(.+?))?(?:\s+expires\s+(.+?))?$/;

const CIS_OKPO = new Set(['RU', 'BY', 'UA', 'KZ', 'KG']);

function classify(label: string, number: string, country: string | undefined): Pick<OfacIdentifier, 'prop' | 'passport' | 'extra'> {
  const cls = LABEL_CLASS.get(label)!;
  const extra: OfacIdentifier['extra'] = [];
  const digitsOnly = /^\d[\d\s-]*$/.test(number);
  let prop: IdProp | undefined;
  switch (cls) {
    case 'passport':
      return { prop: 'passportNumber', passport: true, extra };
    case 'tax':
      prop = 'taxNumber';
      if (digitsOnly && country === 'RU' && ruInn(number).valid) extra.push({ prop: 'innCode', value: ruInn(number).digits });
      if (digitsOnly && country === 'KZ' && kzBin(number).valid) extra.push({ prop: 'registrationNumber', value: number });
      break;
    case 'registration':
      prop = 'registrationNumber';
      if (digitsOnly && country === 'RU') {
        const ogrn = ruOgrn(number);
        if (ogrn.valid) extra.push({ prop: 'ogrnCode', value: ogrn.digits });
      }
      break;
    case 'okpo':
      // OFAC's label for the Soviet-era OKPO classifier code of RU/BY/UA/KZ/KG entities
      if (country && CIS_OKPO.has(country)) return { prop: 'okpoCode', passport: false, extra };
      prop = 'registrationNumber';
      break;
    case 'none':
      prop = undefined;
      break;
    default:
      prop = cls;
  }
  if (prop === 'idNumber' && digitsOnly && country === 'KZ' && kzBin(number).valid) {
    extra.push({ prop: 'registrationNumber', value: number });
  }
  return { prop, passport: false, extra };
}

/** Parses `Tax ID No. 7744001497 (Russia)` and the like; undefined when the label is not an ID type. */
export function parseIdentifier(segment: string): OfacIdentifier | undefined {
  const m = ID_RE.exec(segment);
  if (!m) return undefined;
  const label = m[1]!;
  const tail = ID_TAIL_RE.exec(m[2]!.trim());
  if (!tail) return undefined;
  let number = tail[1]!.trim();
  let country: string | undefined;
  if (tail[2] !== undefined) {
    country = ofacCountry(tail[2]);
    // "(Stuttgart)", "(Medellin)": a parenthesis that is not a country stays part of the number
    if (!country) number = `${number} (${tail[2]})`;
  }
  if (label === 'International Maritime Organization No.' || label === 'BIK (RU)') number = number.replace(/^\((.*)\)$/, '$1');
  if (LABEL_CLASS.get(label) === 'imoNumber') number = `IMO${number.replace(/\s+/g, '')}`;
  const cls = LABEL_CLASS.get(label);
  // a number has a digit; SWIFT/BIC codes, tickers and aircraft tail numbers may be letters only
  if (!number || (!/\d/.test(number) && cls !== 'swiftBic' && cls !== 'ticker' && cls !== 'registrationNumber')) return undefined;
  return { label, number, country, issued: tail[3], expires: tail[4], ...classify(label, number, country) };
}

// ---------------------------------------------------------------------------------------------
// Birth dates: `10 Dec 1948`, `circa 1951`, `Sep 1938`, `1951 to 1953`, `01 Jan 1961 to 31 Dec 1962`

export function parseBirthDates(text: string): string[] {
  const s = text.trim().replace(/^circa\s+/i, '');
  const range = /^(.+?)\s+to\s+(.+)$/i.exec(s);
  if (range) {
    const from = parseDate(range[1]!);
    const to = parseDate(range[2]!);
    if (!from || !to) return [];
    const fy = Number(from.slice(0, 4));
    const ty = Number(to.slice(0, 4));
    const wholeYears = (from.length === 4 || from.endsWith('-01-01')) && (to.length === 4 || to.endsWith('-12-31'));
    if (wholeYears && ty >= fy && ty - fy <= 30) return Array.from({ length: ty - fy + 1 }, (_, i) => String(fy + i));
    return [from, to];
  }
  return parseDateOrRange(s);
}

// ---------------------------------------------------------------------------------------------
// Segment rules, compiled once

const ALIAS_RE = /^([afnd])\.[kb]\.a\.,?\s+'(.*)'$/;
const LINKED_RE = /^Linked To:\s*(.+)$/;
const DOB_RE = /^DOB\s+(.+)$/;
const POB_RE = /^POB\s+(.+)$/;
const NATIONALITY_RE = /^(nationality|citizen)\s+(?!of Registration)(.+)$/i;
const GENDER_RE = /^Gender\s+(Male|Female)$/i;
const LISTING_RE = /^(Listing|Effective) Date \(([^)]+)\):?\s+(.+)$/;
const PROVISION_RE =
  /^(?:Additional Sanctions Information -|Secondary sanctions risk:|Transactions Prohibited For Persons Owned or Controlled By U\.S\.|Executive Order \d+|CAATSA Section|PEESA Information:|IFCA Determination -|Purchase\/Sales For Divestment Date|United States financial institutions are prohibited)/;
const MORE_INFO_RE = /^For more information(?: on directives)?, please (?:visit|reference) the following link:\s*(\S+?)\.?$/i;
const WALLET_RE = /^Digital Currency Address - (\w+)\s+(\S+)$/;
const EMAIL_RE = /^(?:Email Address|E-?mail:?)\s*(\S+@\S+)$/i;
const EMAIL_BARE_RE = /^(\S+@[\w-]+\.[\w.-]+)(?: \(email\)\.?)?$/i;
const WEBSITE_RE = /^Website:?\s+(\S+)$/i;
const WEBSITE_BARE_RE = /^((?:https?:\/\/|www\.)\S+?)(?: \(website\))?$/i;
const PHONE_RE = /^(?:Phone Number|Phone No\.|Phone:?|PHONE|Telephone No\.|Telephone:?)\s+(.+)$/;
const SIMPLE_RE: Array<[RegExp, FactProp]> = [
  [/^Organization Established Date\s+(.+)$/, 'incorporationDate'],
  [/^Organization Type:\s*(.+)$/, 'sector'],
  [/^Target Type\s+(.+)$/, 'classification'],
  [/^(?:Alt\. )?Position:\s*(.+)$/, 'position'],
  [/^Title\s+(.+)$/, 'position'],
  [/^Aircraft Model\s+(.+)$/, 'model'],
  [/^Aircraft Manufacture Date\s+(.+)$/, 'buildDate'],
  [/^Vessel Year of Build\s+(.+)$/, 'buildDate'],
  [/^Other Vessel Call Sign\s+(.+)$/, 'callSign'],
  [/^Other Vessel Type\s+(.+)$/, 'type'],
];
const COUNTRY_RE: Array<[RegExp, FactProp]> = [
  [/^Former Vessel Flag\s+(.+)$/, 'pastFlags'],
  [/^Other Vessel Flag\s+(.+)$/, 'flag'],
  [/^Nationality of Registration\s+(.+)$/, 'registrationCountry'],
  [/^Registration Country\s+(.+)$/, 'registrationCountry'],
];
const DATE_PROPS = new Set<FactProp>(['incorporationDate', 'buildDate']);
const OPERATOR_RE = /^Aircraft Operator\s+(.+)$/;

/** Splits the remarks into segments; the final '.' that closes the field is not part of the last one. */
export function remarkSegments(remarks: string): { segments: string[]; closingDot: boolean } {
  const text = remarks.trim();
  const closingDot = text.endsWith('.');
  const body = closingDot ? text.slice(0, -1) : text;
  return { segments: body.split(/;\s+/).map((s) => s.trim()).filter(Boolean), closingDot };
}

/**
 * One segment → one fact. `closingDot`: the segment was the last one and the field's closing '.'
 * was taken off it, which may have been part of a name ("… INDUSTRY CO.").
 */
export function parseSegment(segment: string, closingDot = false): RemarkFact {
  const text = segment;
  const s = segment.replace(/^alt\.\s+/i, '');
  let m: RegExpExecArray | null;

  if ((m = ALIAS_RE.exec(s))) {
    // In the legacy files OFAC puts only its *weak* AKAs in the Remarks (strong ones are in alt.csv)
    return { kind: 'name', prop: m[1] === 'f' ? 'previousName' : 'weakAlias', value: m[2]!.trim(), text };
  }
  if ((m = LINKED_RE.exec(s))) {
    const name = m[1]!.trim();
    return { kind: 'link', names: closingDot ? [name, `${name}.`] : [name], text };
  }
  if ((m = DOB_RE.exec(s))) {
    const values = parseBirthDates(m[1]!);
    return values.length ? { kind: 'prop', prop: 'birthDate', values, text } : { kind: 'note', text };
  }
  if ((m = POB_RE.exec(s))) {
    const place = m[1]!.trim();
    const country = ofacCountry(place.slice(place.lastIndexOf(',') + 1));
    return { kind: 'prop', prop: 'birthPlace', values: [place], country, text };
  }
  if ((m = NATIONALITY_RE.exec(s))) {
    const country = ofacCountry(m[2]!);
    if (!country) return { kind: 'note', text };
    return { kind: 'prop', prop: m[1]!.toLowerCase() === 'citizen' ? 'citizenship' : 'nationality', values: [country], text };
  }
  if ((m = GENDER_RE.exec(s))) return { kind: 'prop', prop: 'gender', values: [m[1]!.toLowerCase()], text };
  if ((m = LISTING_RE.exec(s))) {
    const date = parseDate(m[3]!);
    if (!date) return { kind: 'note', text };
    return { kind: 'sanction', prop: m[1] === 'Listing' ? 'listingDate' : 'startDate', value: date, text };
  }
  if (PROVISION_RE.test(s)) return { kind: 'sanction', prop: 'provisions', value: s, text };
  if ((m = MORE_INFO_RE.exec(s))) return { kind: 'sanction', prop: 'programUrl', value: m[1]!, text };
  if ((m = WALLET_RE.exec(s))) return { kind: 'wallet', currency: m[1]!, address: m[2]!, text };
  if ((m = EMAIL_RE.exec(s) ?? EMAIL_BARE_RE.exec(s))) return { kind: 'prop', prop: 'email', values: [m[1]!], text };
  if ((m = WEBSITE_RE.exec(s) ?? WEBSITE_BARE_RE.exec(s))) return { kind: 'prop', prop: 'website', values: [m[1]!], text };
  if ((m = PHONE_RE.exec(s))) return { kind: 'prop', prop: 'phone', values: [m[1]!], text };
  if ((m = OPERATOR_RE.exec(s))) return { kind: 'operator', name: m[1]!.trim(), text };
  for (const [re, prop] of SIMPLE_RE) {
    if ((m = re.exec(s))) {
      const value = m[1]!.trim();
      if (DATE_PROPS.has(prop)) {
        const date = parseDate(value);
        return date ? { kind: 'prop', prop, values: [date], text } : { kind: 'note', text };
      }
      return { kind: 'prop', prop, values: [value], text };
    }
  }
  for (const [re, prop] of COUNTRY_RE) {
    if ((m = re.exec(s))) {
      const country = ofacCountry(m[1]!);
      return country ? { kind: 'prop', prop, values: [country], text } : { kind: 'note', text };
    }
  }
  const id = parseIdentifier(s);
  if (id) return { kind: 'identifier', id, text };
  return { kind: 'note', text };
}

/** All facts of a Remarks field (with its comments continuation already appended). */
export function parseRemarks(remarks: string): RemarkFact[] {
  const { segments, closingDot } = remarkSegments(remarks);
  return segments.map((seg, i) => parseSegment(seg, closingDot && i === segments.length - 1));
}
