import { DerivedEntities, EntityBuilder } from '../model/builder.js';
import { toIso2 } from '../model/countries.js';
import { parseDate } from '../model/dates.js';
import type { FtmEntity } from '../model/entity.js';
import { makeId } from '../model/ids.js';
import type { ReadContext, SourceReader } from './types.js';
import { clean, join, yearsBetween } from './values.js';
import type { XmlNode } from './xml.js';
import { readXmlList, type XmlListFormat } from './xml-list.js';

const AUTHORITY = 'United Nations Security Council';
const NAME_PARTS = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'] as const;
/** Where each UN name part goes on a Person; the joined parts are the full name. */
const NAME_PART_PROPS: Record<(typeof NAME_PARTS)[number], string> = {
  FIRST_NAME: 'firstName',
  SECOND_NAME: 'secondName',
  THIRD_NAME: 'middleName',
  FOURTH_NAME: 'lastName',
};
/** The list writes "na" (not available) in a few empty name parts. */
const NOT_AVAILABLE = /^(na|n\/a)$/i;
const PASSPORT = /pass(e)?port|pasaporte/i;

function text(node: XmlNode, name: string): string | undefined {
  return clean(node.children.find((c) => c.name === name)?.text);
}

/** Values of repeated `<X><VALUE>…</VALUE></X>` containers. */
function listValues(node: XmlNode): string[] {
  const out: string[] = [];
  for (const v of node.children) {
    const t = clean(v.text);
    if (t) out.push(t);
  }
  return out;
}

/** A source element flattened to one line, for `notes` when no property fits it. */
function describe(node: XmlNode, prefix = ''): string[] {
  const label = prefix + node.name;
  const own = node.text.trim();
  const out: string[] = own && node.children.length === 0 ? [`${label}: ${own}`] : [];
  for (const c of node.children) out.push(...describe(c, `${label}/`));
  return out;
}

/** An xs:date may carry a time zone ("2015-04-07-04:00"); the day is what the list states. */
function xsDate(value: string | undefined): string | undefined {
  const m = value ? /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})$/.exec(value) : null;
  return m ? m[1] : value;
}

/** One UN list entry (INDIVIDUAL or ENTITY) mapped to its FtM entities. */
class EntryMapper {
  readonly main: EntityBuilder;
  readonly sanction: EntityBuilder;
  private readonly extra: DerivedEntities;
  private readonly sanctionDescription: string[] = [];
  private readonly updated: string[] = [];

  constructor(
    private readonly node: XmlNode,
    private readonly key: string,
    private readonly ctx: ReadContext,
    private readonly where: string,
  ) {
    const schema = node.name === 'INDIVIDUAL' ? 'Person' : 'Organization';
    this.main = new EntityBuilder(schema, makeId(ctx.dataset, key), ctx.report.valueProblem);
    this.extra = new DerivedEntities(ctx.report.valueProblem);
    const program = text(node, 'UN_LIST_TYPE');
    this.sanction = new EntityBuilder('Sanction', makeId(ctx.dataset, key, 'sanction', program ?? 'un'), ctx.report.valueProblem);
  }

  private get isPerson(): boolean {
    return this.main.schema === 'Person';
  }

  private note(line: string | undefined): void {
    this.main.add('notes', line);
  }

  /** Adds a country by name; a name that is not a known country is kept verbatim in notes too. */
  private country(b: EntityBuilder, prop: string, raw: string | undefined, label: string): void {
    if (!raw) return;
    b.add(prop, raw);
    if (!toIso2(raw)) this.note(`${label}: ${raw}`);
  }

  map(): FtmEntity[] {
    const { main, sanction, node } = this;
    main.add('topics', 'sanction');
    this.names();
    for (const c of node.children) {
      switch (c.name) {
        case 'FIRST_NAME':
        case 'SECOND_NAME':
        case 'THIRD_NAME':
        case 'FOURTH_NAME':
          break; // done in names()
        case 'DATAID':
          sanction.add('recordId', clean(c.text));
          break;
        case 'VERSIONNUM':
        case 'SORT_KEY':
        case 'SORT_KEY_LAST_MOD':
          if (clean(c.text)) this.sanctionDescription.push(`${c.name}: ${clean(c.text)}`);
          break;
        case 'UN_LIST_TYPE':
          sanction.add('program', clean(c.text));
          break;
        case 'REFERENCE_NUMBER':
          sanction.add('unscId', clean(c.text));
          break;
        case 'LISTED_ON':
          sanction.add('listingDate', xsDate(clean(c.text)));
          break;
        case 'DELISTED_ON':
          sanction.add('endDate', xsDate(clean(c.text)));
          break;
        case 'NAME_ORIGINAL_SCRIPT':
          main.add('alias', clean(c.text));
          break;
        case 'GENDER':
          this.main.addOrNote('gender', clean(c.text), 'GENDER');
          break;
        case 'COMMENTS1': {
          const t = c.text.trim();
          if (t) {
            sanction.add('reason', t);
            main.add('notes', t);
          }
          break;
        }
        case 'TITLE':
          for (const v of listValues(c)) this.main.addOrNote('title', v, 'Title');
          break;
        case 'DESIGNATION':
          for (const v of listValues(c)) this.main.addOrNote('position', v, 'Designation');
          break;
        case 'NATIONALITY':
          for (const v of listValues(c)) this.country(main, this.isPerson ? 'nationality' : 'country', v, 'Nationality');
          break;
        case 'LIST_TYPE':
          for (const v of listValues(c)) this.sanctionDescription.push(`LIST_TYPE: ${v}`);
          break;
        case 'LAST_DAY_UPDATED':
          this.updated.push(...listValues(c).map((v) => xsDate(v)!));
          break;
        case 'INDIVIDUAL_ALIAS':
        case 'ENTITY_ALIAS':
          this.alias(c);
          break;
        case 'INDIVIDUAL_ADDRESS':
        case 'ENTITY_ADDRESS':
          this.address(c);
          break;
        case 'INDIVIDUAL_DATE_OF_BIRTH':
          this.birthDate(c);
          break;
        case 'INDIVIDUAL_PLACE_OF_BIRTH':
          this.birthPlace(c);
          break;
        case 'INDIVIDUAL_DOCUMENT':
          this.document(c);
          break;
        default:
          for (const line of describe(c)) this.note(line);
      }
    }
    if (this.updated.length) {
      const last = [...this.updated].sort().at(-1);
      sanction.add('modifiedAt', last);
      main.add('modifiedAt', last);
      if (this.updated.length > 1) this.sanctionDescription.push(`LAST_DAY_UPDATED: ${this.updated.join(', ')}`);
    }
    sanction
      .add('entity', main.id)
      .add('authority', AUTHORITY)
      .add('description', this.sanctionDescription.length ? this.sanctionDescription.join('\n') : undefined);
    return [main.build(), sanction.build(), ...this.extra.build()];
  }

  private names(): void {
    const parts: string[] = [];
    for (const part of NAME_PARTS) {
      const value = text(this.node, part);
      if (!value) continue;
      if (NOT_AVAILABLE.test(value)) {
        this.ctx.report.skip(`${part} "${value}" means not available; left out of the name`, this.where);
        continue;
      }
      parts.push(value);
      if (this.isPerson) this.main.add(NAME_PART_PROPS[part], value);
    }
    this.main.add('name', parts.join(' ') || undefined);
    if (parts.length === 0) this.ctx.report.skip('entry without a name', this.where);
  }

  private alias(node: XmlNode): void {
    const name = text(node, 'ALIAS_NAME');
    const quality = text(node, 'QUALITY');
    const details: string[] = [];
    const known = new Set(['ALIAS_NAME', 'QUALITY', 'NOTE', 'DATE_OF_BIRTH', 'CITY_OF_BIRTH', 'COUNTRY_OF_BIRTH']);
    const dob = xsDate(text(node, 'DATE_OF_BIRTH'));
    const city = text(node, 'CITY_OF_BIRTH');
    const country = text(node, 'COUNTRY_OF_BIRTH');
    const aliasNote = text(node, 'NOTE');
    if (dob) {
      this.main.addOrNote('birthDate', dob, `Alias "${name ?? ''}" date of birth`);
      details.push(`date of birth ${dob}`);
    }
    if (city || country) {
      this.main.addOrNote('birthPlace', join([city, country]), `Alias "${name ?? ''}" place of birth`);
      if (country && this.isPerson) this.country(this.main, 'birthCountry', country, 'Country of birth');
      details.push(`place of birth ${join([city, country])}`);
    }
    if (aliasNote) details.push(aliasNote);
    for (const c of node.children) if (!known.has(c.name)) details.push(...describe(c));
    if (!name) {
      if (quality || details.length) this.note(`Alias without a name${quality ? ` (${quality})` : ''}${details.length ? `: ${details.join('; ')}` : ''}`);
      return;
    }
    const q = (quality ?? '').toLowerCase();
    if (q === 'low') this.main.add('weakAlias', name);
    else if (q === 'f.k.a.' || q === 'fka') this.main.add('previousName', name);
    else {
      this.main.add('alias', name);
      if (q && q !== 'good' && q !== 'a.k.a.' && q !== 'aka') details.unshift(`quality ${quality}`);
    }
    if (details.length) this.note(`Alias "${name}": ${details.join('; ')}`);
  }

  private address(node: XmlNode): void {
    const street = text(node, 'STREET');
    const city = text(node, 'CITY');
    const region = text(node, 'STATE_PROVINCE');
    const postalCode = text(node, 'ZIP_CODE');
    const country = text(node, 'COUNTRY');
    const remarks = text(node, 'NOTE');
    const known = new Set(['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY', 'NOTE']);
    const other = node.children.filter((c) => !known.has(c.name)).flatMap((c) => describe(c));
    const full = join([street, city, region, postalCode, country]);
    if (!full) {
      if (remarks || other.length) this.note(`Address: ${join([remarks, ...other], '; ')}`);
      return;
    }
    const id = makeId(this.ctx.dataset, this.key, 'address', join([full, remarks], ' | ')!);
    const addr = this.extra.get('Address', id);
    addr.add('full', full).add('street', street).add('city', city).add('region', region).add('postalCode', postalCode);
    this.country(addr, 'country', country, 'Address country');
    addr.add('remarks', remarks);
    for (const line of other) addr.add('remarks', line);
    this.main.add('address', full).add('addressEntity', id);
    this.country(this.main, 'country', country, 'Address country');
  }

  private birthDate(node: XmlNode): void {
    const type = text(node, 'TYPE_OF_DATE');
    const date = xsDate(text(node, 'DATE'));
    const year = text(node, 'YEAR');
    const from = text(node, 'FROM_YEAR');
    const to = text(node, 'TO_YEAR');
    const dobNote = text(node, 'NOTE');
    const known = new Set(['TYPE_OF_DATE', 'DATE', 'YEAR', 'FROM_YEAR', 'TO_YEAR', 'NOTE']);
    const other = node.children.filter((c) => !known.has(c.name)).flatMap((c) => describe(c));
    const values: string[] = [];
    if (date) values.push(date);
    if (year) values.push(year);
    let stated = join([date, year], ' / ');
    if (from || to) {
      values.push(...yearsBetween(from, to));
      stated = join([stated, `between ${from ?? '?'} and ${to ?? '?'}`], ' / ');
    }
    // The date is sometimes written only in the note ("Nov. 1973").
    if (values.length === 0 && dobNote && parseDate(dobNote)) values.push(dobNote);
    for (const v of values) this.main.addOrNote('birthDate', v, 'Date of birth');
    const qualifier = type && type !== 'EXACT' && type !== 'BETWEEN' ? type.toLowerCase() : undefined;
    if (qualifier || from || to || dobNote || other.length) {
      const what = join([qualifier, stated], ' ');
      const extra = join([dobNote, ...other], '; ');
      this.note(`Date of birth: ${what && extra ? `${what} (${extra})` : (what ?? extra)}`);
    }
  }

  private birthPlace(node: XmlNode): void {
    const street = text(node, 'STREET');
    const city = text(node, 'CITY');
    const region = text(node, 'STATE_PROVINCE');
    const country = text(node, 'COUNTRY');
    const placeNote = text(node, 'NOTE');
    const known = new Set(['STREET', 'CITY', 'STATE_PROVINCE', 'COUNTRY', 'NOTE']);
    const other = node.children.filter((c) => !known.has(c.name)).flatMap((c) => describe(c));
    const place = join([street, city, region, country]);
    this.main.addOrNote('birthPlace', place, 'Place of birth');
    if (country) {
      if (this.isPerson) this.country(this.main, 'birthCountry', country, 'Country of birth');
      else this.note(`Country of birth: ${country}`);
    }
    if (placeNote || other.length) this.note(`Place of birth${place ? ` ${place}` : ''}: ${join([placeNote, ...other], '; ')}`);
  }

  private document(node: XmlNode): void {
    const type = text(node, 'TYPE_OF_DOCUMENT');
    const type2 = text(node, 'TYPE_OF_DOCUMENT2');
    const number = text(node, 'NUMBER');
    const issuingCountry = text(node, 'ISSUING_COUNTRY');
    const issued = xsDate(text(node, 'DATE_OF_ISSUE'));
    const cityOfIssue = text(node, 'CITY_OF_ISSUE');
    const countryOfIssue = text(node, 'COUNTRY_OF_ISSUE');
    const docNote = text(node, 'NOTE');
    const known = new Set([
      'TYPE_OF_DOCUMENT', 'TYPE_OF_DOCUMENT2', 'NUMBER', 'ISSUING_COUNTRY', 'DATE_OF_ISSUE', 'CITY_OF_ISSUE',
      'COUNTRY_OF_ISSUE', 'NOTE',
    ]);
    const other = node.children.filter((c) => !known.has(c.name)).flatMap((c) => describe(c));
    const typeText = join([type, type2], '; ');
    const issuedIn = join([cityOfIssue, countryOfIssue]);
    if (!number) {
      const parts = join([typeText, issuingCountry, issued && `issued ${issued}`, issuedIn && `issued in ${issuedIn}`, docNote, ...other], '; ');
      if (parts) this.note(`Document without a number: ${parts}`);
      return;
    }
    const passport = PASSPORT.test(type ?? '') || PASSPORT.test(type2 ?? '');
    const id = makeId(this.ctx.dataset, this.key, 'id', typeText ?? '', number);
    const doc = this.extra.get(passport ? 'Passport' : 'Identification', id);
    doc.add('holder', this.main.id).add('number', number).add('type', [type, type2]);
    this.country(doc, 'country', issuingCountry ?? countryOfIssue, 'Document country');
    doc.add('startDate', issued);
    if (issuedIn) doc.add('description', `Issued in ${issuedIn}`);
    doc.add('summary', docNote);
    for (const line of other) doc.add('summary', line);
    const prop = passport
      ? 'passportNumber'
      : /social security/i.test(typeText ?? '') && this.isPerson
        ? 'socialSecurityNumber'
        : /fiscal|tax/i.test(typeText ?? '')
          ? 'taxNumber'
          : 'idNumber';
    this.main.add(prop, number);
  }
}

/**
 * The UN Security Council Consolidated List XML (CONSOLIDATED_LIST, sc-sanctions.xsd): one record
 * per INDIVIDUAL (Person) and ENTITY (Organization), keyed by the UN reference number.
 */
const UN_LIST: XmlListFormat = {
  root: { names: ['CONSOLIDATED_LIST'], what: 'a UN consolidated list' },
  entries: ['INDIVIDUAL', 'ENTITY'],
  dateAttribute: 'dateGenerated',
  ids: (node) => [
    { name: 'REFERENCE_NUMBER', value: text(node, 'REFERENCE_NUMBER') },
    { name: 'DATAID', value: text(node, 'DATAID') },
  ],
  map: (node, key, ctx, where) => new EntryMapper(node, key, ctx, where).map(),
};

export const unXmlReader: SourceReader = {
  format: 'un-xml',
  title: 'UN Security Council Consolidated List (XML)',
  publisher: AUTHORITY,
  read: (inputs, ctx) => readXmlList(inputs, ctx, UN_LIST),
};
