import { EntityBuilder } from '../model/builder.js';
import { toIso2 } from '../model/countries.js';
import { parseDate, parseDateOrRange } from '../model/dates.js';
import type { FtmEntity } from '../model/entity.js';
import { makeId } from '../model/ids.js';
import { ruInn, ruOgrn } from '../model/identifiers.js';
import { readCsvObjects, type CsvRow } from './csv.js';
import { SourceError } from './errors.js';
import { ByteProgress, dateInFileName, expandInputsOfType } from './files.js';
import { completeGroups } from './row-groups.js';
import type { ReadContext, SourceReader, SourceRecord } from './types.js';

/**
 * The US Consolidated Screening List as trade.gov publishes it in CSV: the restricted-party lists
 * of Treasury (SDN, SSI, CMIC, …), Commerce/BIS (Entity List, Denied Persons, Unverified, MEU)
 * and State (ISN, ITAR debarred) in one table, one row per party per list.
 *
 * One record is one `_id`: the same party on two lists (an SSI bank that is also on the NS-MBS
 * list, a PLC member who is also an SDN) has two rows with the same `_id`; they become one
 * entity with one Sanction per list. `report.records` counts data rows.
 */

export const CSL_COLUMNS = [
  '_id', 'source', 'entity_number', 'type', 'programs', 'name', 'title', 'addresses',
  'federal_register_notice', 'start_date', 'end_date', 'standard_order', 'license_requirement',
  'license_policy', 'call_sign', 'vessel_type', 'gross_tonnage', 'gross_registered_tonnage',
  'vessel_flag', 'vessel_owner', 'remarks', 'source_list_url', 'alt_names', 'citizenships',
  'dates_of_birth', 'nationalities', 'places_of_birth', 'source_information_url', 'ids',
];

export const PUBLISHER = 'US Government (trade.gov Consolidated Screening List)';

type Row = Record<string, string>;

/** Multi-valued CSL cells are joined with "; ". */
function multi(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(/;\s+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Schema

/** Legal-form words that make an "Entity" a company rather than another organisation. */
const COMPANY_NAME =
  /\b(?:L\.?L\.?C|LTD|LIMITED|INC|INCORPORATED|CORP|CORPORATION|CO|COMPANY|COMPANIES|PLC|LLP|L\.?P|S\.?A|S\.?A\.?S|S\.?R\.?L|S\.?P\.?A|S\.?L|GMBH|AG|B\.?V|N\.?V|A\.?S|OY|AB|JSC|OJSC|CJSC|PJSC|PAO|OAO|ZAO|OOO|AO|TOO|LLP|PTE|SDN\s+BHD|BHD|FZE|FZCO|DMCC|DE\s+C\.?V|HOLDINGS?|BANK|BANCO|TRADING|INDUSTR(?:Y|IES)|ENTERPRISES?|GROUP|SHIPPING|AIRLINES?|PETROLEUM|MINING)\b\.?/i;
const COMPANY_ID_LABEL =
  /^(?:Registration (?:ID|Number)|Tax ID No\.|SWIFT\/BIC|ISIN|Equity Ticker|Unified Social Credit Code|Government Gazette Number|Legal Entity Number|C\.R\. No\.|Company Number|UK Company Number|Business Registration|Certificate of Incorporation|Public Registration Number|BIK \(RU\)|Target Type)/i;

function schemaOf(type: string, names: string[], ids: string[]): string {
  switch (type.trim().toLowerCase()) {
    case 'individual':
      return 'Person';
    case 'vessel':
      return 'Vessel';
    case 'aircraft':
      return 'Airplane';
    case 'entity':
      if (ids.some((i) => COMPANY_ID_LABEL.test(i)) || names.some((n) => COMPANY_NAME.test(n))) return 'Company';
      return 'Organization';
    default:
      return 'LegalEntity';
  }
}

const SCHEMA_RANK: Record<string, number> = { LegalEntity: 0, Organization: 1, Company: 2, Person: 2, Vessel: 2, Airplane: 2 };

// ---------------------------------------------------------------------------------------------
// ids

interface IdKind {
  /** the main entity's property for the number */
  prop?: string;
  passport?: boolean;
  /** Russian numbering systems checked with identifiers.ts */
  ru?: 'inn' | 'ogrn' | 'okpo';
  /** identifies a security (ISIN, ticker), not the party */
  security?: boolean;
}

/** Labels of identity documents and registry numbers, in order; the first match wins. */
const ID_KINDS: Array<[RegExp, IdKind]> = [
  [/passport|travel document/i, { prop: 'passportNumber', passport: true }],
  [/^Tax ID No\.?$/i, { prop: 'taxNumber', ru: 'inn' }],
  [/^(?:Registration (?:ID|Number)|Public Registration Number)$/i, { prop: 'registrationNumber', ru: 'ogrn' }],
  [/^Government Gazette Number$/i, { prop: 'registrationNumber', ru: 'okpo' }],
  [/^SWIFT\/BIC$/i, { prop: 'swiftBic' }],
  [/^Legal Entity Number$/i, { prop: 'leiCode' }],
  [/^ISIN$/i, { prop: 'isinCode', security: true }],
  [/^Equity Ticker$/i, { prop: 'ticker', security: true }],
  [/Unified Social Credit Code|\bUSCC\b/i, { prop: 'uscCode' }],
  [/^BIK/i, { prop: 'bikCode' }],
  [/V\.?A\.?T\.? Number/i, { prop: 'vatCode' }],
  [/^SSN$/i, { prop: 'socialSecurityNumber' }],
  [/^MMSI$/i, { prop: 'mmsi' }],
  [/Vessel Registration Identification/i, { prop: 'imoNumber' }],
  [/^License$/i, { prop: 'licenseNumber' }],
  [/Serial Number \(MSN\)/i, { prop: 'serialNumber' }],
  [/tax|FEIN|^NIT\b|^RUC\b|R\.?F\.?C|C\.?U\.?I\.?T|Fiscal Code/i, { prop: 'taxNumber' }],
  [/Registration|Company Number|C\.R\. No|Incorporation Number|Charity No|^LE Number|Aircraft Tail Number/i, { prop: 'registrationNumber' }],
  [/ID No|ID Card|ID Number|Identification|Cedula|D\.N\.I|C\.U\.R\.P|Electoral|Credencial|License No|Immigration No|VisaNumberID|Serial No|Personal ID/i, { prop: 'idNumber' }],
];

/** Labels that are facts about the party, not identifiers: label → property. */
const FACTS: Array<[RegExp, string]> = [
  [/^Website$/i, 'website'],
  [/^Email Address$/i, 'email'],
  [/^Phone Number$/i, 'phone'],
  [/^Gender$/i, 'gender'],
  [/^Organization Established Date$/i, 'incorporationDate'],
  [/^Nationality of Registration$/i, 'jurisdiction'],
  [/^Nationality Country$/i, 'nationality'],
  [/^Citizenship Country$/i, 'citizenship'],
  [/^Target Type$/i, 'legalForm'],
  [/^Organization Type:?$/i, 'sector'],
  [/^Issuer Name$/i, 'alias'],
  [/^Former Vessel Flag$/i, 'pastFlags'],
  [/^Vessel Year of Build$/i, 'buildDate'],
  [/^Aircraft Model$/i, 'model'],
  [/^Aircraft Manufacturer/i, 'manufacturer'],
];

/** Labels about the listing itself (directives, secondary-sanctions risk, CMIC dates). */
const SANCTION_INFO =
  /Executive Order|Directive|Secondary sanctions risk|Additional Sanctions Information|Transactions Prohibited|CAATSA|IFCA|Listing Date|Effective Date|Divestment Date|Sanctions/i;

function isCountryCode(text: string): boolean {
  return /^[A-Z]{2}$/.test(text) && toIso2(text) !== undefined;
}

/** Dates as CSL prints them ("1960-03-07", "circa 1960", "Feb 1960"); `exact` false when qualified or unparsed. */
export function cslDates(text: string): { values: string[]; exact: boolean } {
  const t = text.trim();
  const qualified = /^(?:circa|approximately|about|ca\.?)\s+/i.test(t);
  const values = parseDateOrRange(t.replace(/^(?:circa|approximately|about|ca\.?)\s+/i, ''));
  return { values, exact: values.length > 0 && !qualified };
}

// ---------------------------------------------------------------------------------------------
// Rows → entities

function topicsOf(source: string): string[] {
  if (/Bureau of Industry and Security/i.test(source)) return ['sanction', 'export.control'];
  if (/ITAR Debarred|\(DTC\)/i.test(source)) return ['sanction', 'debarment'];
  return ['sanction'];
}

class PartyBuilder {
  readonly main: EntityBuilder;
  /** derived entities, built last: a Sanction gets provisions from `ids` after it is made */
  private readonly others = new Map<string, EntityBuilder>();
  private readonly sanctionsPerSource = new Map<string, number>();

  constructor(
    readonly schema: string,
    readonly key: string,
    private readonly ctx: ReadContext,
  ) {
    this.main = new EntityBuilder(schema, makeId(ctx.dataset, key), ctx.report.valueProblem);
  }

  private get id(): string {
    return this.main.id;
  }

  private problem(reason: string, value: string): void {
    this.ctx.report.skip(reason, `${this.key} ${JSON.stringify(value)}`);
  }

  addRow(row: Row): void {
    const b = this.main;
    b.add('name', row['name']!.trim());
    b.addOrNote('alias', multi(row['alt_names']), 'alt_names');
    b.addOrNote(this.schema === 'Person' ? 'position' : 'title', multi(row['title']), 'title');
    b.addOrNote('citizenship', multi(row['citizenships']), 'citizenships');
    b.addOrNote('nationality', multi(row['nationalities']), 'nationalities');
    b.addOrNote('birthPlace', multi(row['places_of_birth']), 'places_of_birth');
    b.addOrNote('birthDate', multi(row['dates_of_birth']), 'dates_of_birth', cslDates);
    b.add('notes', row['remarks']!.trim()); // free text: kept whole, not split on "; "
    for (const full of multi(row['addresses'])) this.addAddress(full);
    this.addVessel(row);
    const sanction = this.addSanction(row);
    for (const element of multi(row['ids'])) this.addId(element, sanction);
    b.add('topics', topicsOf(row['source']!));
    for (const [c, v] of Object.entries(row)) {
      if (!CSL_COLUMNS.includes(c) && v.trim()) b.add('notes', `${c}: ${v.trim()}`);
    }
  }

  private addAddress(full: string): void {
    if (isCountryCode(full)) {
      // an "address" that is only a country code ("PS")
      this.main.addOrNote('country', full, 'addresses');
      return;
    }
    const id = makeId(this.ctx.dataset, this.key, 'address', full);
    const a = new EntityBuilder('Address', id, this.ctx.report.valueProblem).add('full', full);
    const last = full.split(',').pop()!.trim();
    const country = isCountryCode(last) ? last : /^[A-Za-z .'-]{4,}$/.test(last) ? toIso2(last) : undefined;
    if (country) a.add('country', country);
    this.others.set(id, a);
    this.main.add('address', full).add('addressEntity', id);
  }

  private addVessel(row: Row): void {
    const fields: Array<[string, string]> = [
      ['call_sign', 'callSign'],
      ['vessel_type', 'type'],
      ['gross_tonnage', 'tonnage'],
      ['gross_registered_tonnage', 'grossRegisteredTonnage'],
      ['vessel_flag', 'flag'],
    ];
    for (const [column, prop] of fields) this.main.addOrNote(prop, row[column], column);
    const owner = row['vessel_owner']!.trim();
    if (!owner) return;
    if (!this.main.hasProp('owner')) {
      this.main.add('notes', `vessel_owner: ${owner}`);
      return;
    }
    const id = makeId(this.ctx.dataset, this.key, 'owner', owner);
    this.others.set(id, new EntityBuilder('LegalEntity', id, this.ctx.report.valueProblem).add('name', owner));
    this.main.add('owner', id);
  }

  private addSanction(row: Row): EntityBuilder {
    const source = row['source']!.trim();
    const n = (this.sanctionsPerSource.get(source) ?? 0) + 1;
    this.sanctionsPerSource.set(source, n);
    const id = makeId(this.ctx.dataset, this.key, 'sanction', source, ...(n > 1 ? [n] : []));
    const programs = multi(row['programs']);
    const s = new EntityBuilder('Sanction', id, this.ctx.report.valueProblem)
      .add('entity', this.id)
      .add('authority', source)
      .add('program', programs)
      .add('programId', programs)
      .add('authorityId', row['entity_number']!.trim())
      .add('recordId', row['_id']!.trim())
      .add('sourceUrl', row['source_list_url']!.trim())
      .add('programUrl', row['source_information_url']!.trim())
      .add('country', 'us');
    const start = row['start_date']!.trim();
    if (start) s.add('startDate', start).add('listingDate', start);
    s.add('endDate', row['end_date']!.trim());
    const fr = row['federal_register_notice']!.trim();
    if (fr) s.add('summary', `Federal Register notice: ${fr}`);
    const labelled: Array<[string, string]> = [
      ['license_requirement', 'License requirement'],
      ['license_policy', 'License policy'],
      ['standard_order', 'Standard order'],
    ];
    for (const [column, label] of labelled) {
      const v = row[column]!.trim();
      if (v) s.add('provisions', `${label}: ${v}`);
    }
    this.others.set(id, s);
    return s;
  }

  private addId(element: string, sanction: EntityBuilder): void {
    const parts = element.split(/,\s+/).map((p) => p.trim());
    const label = parts[0]!.replace(/\s*[:-]$/, '').trim();
    const rest = parts.slice(1);
    const value = rest.join(', ');
    if (!value) {
      this.main.add('notes', `ids: ${element}`);
      return;
    }
    if (SANCTION_INFO.test(label)) {
      sanction.add('provisions', `${label}: ${value}`);
      if (/^Listing Date \(CMIC\)$/i.test(label)) sanction.add('listingDate', value);
      if (/^Effective Date \(CMIC\)$/i.test(label) && !sanction.has('startDate')) sanction.add('startDate', value);
      return;
    }
    const fact = FACTS.find(([re]) => re.test(label));
    if (fact) {
      this.main.addOrNote(fact[1], value, `ids: ${label}`);
      return;
    }
    const kind = ID_KINDS.find(([re]) => re.test(label))?.[1];
    if (!kind) {
      this.main.add('notes', `ids: ${element}`);
      this.problem('ids: unknown label (kept in notes)', element);
      return;
    }
    this.addIdentification(label, rest, element, kind);
  }

  /** "Passport, A1234567, IR, 12 Jan 2001, 11 Jan 2011": number, country, issue and expiry dates. */
  private addIdentification(label: string, rest: string[], element: string, kind: IdKind): void {
    let number = rest[0]!;
    const tail = rest.slice(1);
    let country: string | undefined;
    if (tail.length && isCountryCode(tail[0]!)) country = tail.shift()!;
    const dates: string[] = [];
    const leftover: string[] = [];
    for (const t of tail) {
      const d = parseDate(t);
      if (d) dates.push(d);
      else leftover.push(t);
    }
    if (kind.prop === 'imoNumber') number = number.replace(/^IMO\s+/i, '');
    const props = [kind.prop!];
    if (country === 'RU' && kind.ru === 'inn') {
      const f = ruInn(number);
      if (f.valid) props.push('innCode');
      else this.problem(`ids: RU Tax ID No. is not a valid INN, ${f.problem} (kept as taxNumber)`, number);
    }
    if (country === 'RU' && kind.ru === 'ogrn') {
      const f = ruOgrn(number);
      if (f.valid) props.push('ogrnCode');
      else this.problem(`ids: RU registration number is not a valid OGRN, ${f.problem} (kept as registrationNumber)`, number);
    }
    // OFAC prints the OKPO code of Russian organisations as "Government Gazette Number"
    if (country === 'RU' && kind.ru === 'okpo' && /^\d{8}(?:\d{2})?$/.test(number)) props.splice(0, props.length, 'okpoCode');
    let placed = false;
    for (const p of props) {
      if (this.main.hasProp(p)) {
        this.main.add(p, number);
        placed = true;
      }
    }
    if (kind.security) {
      // securities identify shares, not the party: properties only
      if (!placed) this.main.add('notes', `ids: ${element}`);
      return;
    }
    const id = makeId(this.ctx.dataset, this.key, 'id', label, number);
    const e = new EntityBuilder(kind.passport ? 'Passport' : 'Identification', id, this.ctx.report.valueProblem)
      .add('holder', this.id)
      .add('number', number)
      .add('type', label)
      .add('country', country);
    if (kind.passport) e.add('passportNumber', number);
    if (dates.length === 2) e.add('startDate', dates[0]).add('endDate', dates[1]);
    else if (dates.length) e.add('date', dates);
    if (leftover.length || !placed || dates.length === 1) e.add('summary', element);
    this.others.set(id, e);
  }

  build(): FtmEntity[] {
    return [this.main.build(), ...[...this.others.values()].map((b) => b.build())];
  }
}

// ---------------------------------------------------------------------------------------------
// Files

/** The data rows of one file: header checked, a repeated header line skipped, field counts checked. */
function fileRows(file: string, progress?: ByteProgress): AsyncGenerator<CsvRow<Row>> {
  return readCsvObjects(file, CSL_COLUMNS, { progress, what: 'a Consolidated Screening List CSV', skipRepeatedHeader: true, exactWidth: true });
}

function checkRow(row: Row, file: string, line: number): void {
  const where = String(line);
  if (!row['_id']!.trim()) throw new SourceError(file, where, 'the row has no _id');
  if (!row['name']!.trim()) throw new SourceError(file, where, `_id ${row['_id']}: the row has no name`);
  if (!row['source']!.trim()) throw new SourceError(file, where, `_id ${row['_id']}: the row has no source list`);
  const type = row['type']!.trim().toLowerCase();
  if (type && !['individual', 'entity', 'vessel', 'aircraft'].includes(type)) {
    throw new SourceError(file, where, `_id ${row['_id']}: unknown type "${row['type']}"`);
  }
}

export const cslCsvReader: SourceReader = {
  format: 'csl-csv',
  title: 'US Consolidated Screening List (trade.gov CSV)',
  publisher: PUBLISHER,
  async *read(inputs: string[], ctx: ReadContext): AsyncIterable<SourceRecord> {
    const files = await expandInputsOfType(inputs, 'csv');
    const progress = await ByteProgress.of(files, ctx);
    for (const file of files) {
      // Pass 1: check the whole file (a truncated file fails before anything is yielded) and
      // count the rows of each _id, so that pass 2 streams and holds back only repeated _ids.
      const rowsPerId = new Map<string, number>();
      let latest: string | undefined;
      for await (const { row, line } of fileRows(file)) {
        checkRow(row, file, line);
        const key = row['_id']!.trim();
        rowsPerId.set(key, (rowsPerId.get(key) ?? 0) + 1);
        const d = parseDate(row['start_date']!.trim());
        if (d && d.length === 10 && (!latest || d > latest)) latest = d;
      }
      ctx.report.noteVersion(dateInFileName(file) ?? latest);

      for await (const { key, rows } of completeGroups(fileRows(file, progress), (r) => r.row['_id']!.trim(), rowsPerId)) {
        ctx.report.records += rows.length;
        yield { key, entities: buildParty(key, rows.map((r) => r.row), ctx) };
      }
    }
  },
};

function buildParty(key: string, rows: Row[], ctx: ReadContext): FtmEntity[] {
  let schema = 'LegalEntity';
  for (const row of rows) {
    const s = schemaOf(row['type']!, [row['name']!, ...multi(row['alt_names'])], multi(row['ids']));
    const [rank, current] = [SCHEMA_RANK[s] ?? 0, SCHEMA_RANK[schema] ?? 0];
    if (rank === 2 && current === 2 && s !== schema) {
      ctx.report.skip(`rows of one _id disagree on the type (${schema}, ${s}); using ${schema}`, key);
    } else if (rank > current) schema = s;
  }
  const party = new PartyBuilder(schema, key, ctx);
  for (const row of rows) party.addRow(row);
  return party.build();
}
