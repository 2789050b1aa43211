import { DerivedEntities, EntityBuilder } from '../model/builder.js';
import { toIso2 } from '../model/countries.js';
import type { FtmEntity } from '../model/entity.js';
import { makeId } from '../model/ids.js';
import type { ReadContext, SourceReader } from './types.js';
import { clean, join, yearsBetween } from './values.js';
import type { XmlNode } from './xml.js';
import { readXmlList, type XmlListFormat } from './xml-list.js';

const AUTHORITY = 'European Union';

/** Attributes that are bookkeeping of the EU database, not facts about the subject. */
const BOOKKEEPING = new Set(['regulationLanguage', 'logicalId']);
const KNOWN_ATTRS: Record<string, Set<string>> = {
  subjectType: new Set(['code', 'classificationCode']),
  sanctionEntity: new Set(['designationDetails', 'unitedNationId', 'euReferenceNumber', 'logicalId', 'designationDate']),
  regulation: new Set([
    'regulationType', 'organisationType', 'publicationDate', 'entryIntoForceDate', 'numberTitle', 'programme',
    'logicalId', 'publicationUrl',
  ]),
  nameAlias: new Set([
    'firstName', 'middleName', 'lastName', 'wholeName', 'function', 'gender', 'title', 'nameLanguage', 'strong',
  ]),
  citizenship: new Set(['region', 'countryIso2Code', 'countryDescription']),
  birthdate: new Set([
    'circa', 'calendarType', 'city', 'zipCode', 'birthdate', 'dayOfMonth', 'monthOfYear', 'year', 'yearRangeFrom',
    'yearRangeTo', 'region', 'place', 'countryIso2Code', 'countryDescription',
  ]),
  address: new Set([
    'city', 'street', 'poBox', 'zipCode', 'region', 'place', 'asAtListingTime', 'countryIso2Code', 'countryDescription',
  ]),
  identification: new Set([
    'diplomatic', 'knownExpired', 'knownFalse', 'reportedLost', 'revokedByIssuer', 'issuedBy', 'issuedDate', 'validFrom',
    'validTo', 'latinNumber', 'nameOnDocument', 'number', 'region', 'countryIso2Code', 'countryDescription',
    'identificationTypeCode', 'identificationTypeDescription',
  ]),
};
const ID_FLAGS: Record<string, string> = {
  diplomatic: 'diplomatic document',
  knownExpired: 'known to be expired',
  knownFalse: 'known to be false',
  reportedLost: 'reported lost',
  revokedByIssuer: 'revoked by the issuer',
};
/** contactInfo keys of an address and the main-entity property they fill. */
const CONTACT_PROPS: Record<string, string> = { PHONE: 'phone', FAX: 'phone', EMAIL: 'email', WEB: 'website', WEBSITE: 'website' };

function attr(node: XmlNode, name: string): string | undefined {
  return clean(node.attrs[name]);
}

function isTrue(node: XmlNode, name: string): boolean {
  return attr(node, name)?.toLowerCase() === 'true';
}

/** The country of an element: the ISO code unless "00", else the description unless "UNKNOWN". */
function countryOf(node: XmlNode): { value?: string; description?: string } {
  const code = attr(node, 'countryIso2Code');
  const description = attr(node, 'countryDescription');
  const desc = description && description.toUpperCase() !== 'UNKNOWN' ? description : undefined;
  return { value: code && code !== '00' ? code : desc, description: desc };
}

/** Attributes of an element that no mapping covers, flattened for `notes`. */
function unknownAttrs(node: XmlNode): string[] {
  const known = KNOWN_ATTRS[node.name] ?? new Set<string>();
  return Object.entries(node.attrs)
    .filter(([k, v]) => !known.has(k) && !BOOKKEEPING.has(k) && clean(v))
    .map(([k, v]) => `${node.name}@${k}: ${clean(v)}`);
}

/** Attributes and children no mapping covers, flattened for `notes`. */
function leftovers(node: XmlNode, handledChildren: Set<string>): string[] {
  const out = unknownAttrs(node);
  for (const c of node.children) if (!handledChildren.has(c.name)) out.push(...describe(c));
  return out;
}

function describe(node: XmlNode): string[] {
  const attrs = Object.entries(node.attrs)
    .filter(([k, v]) => !BOOKKEEPING.has(k) && clean(v))
    .map(([k, v]) => `${k}=${clean(v)}`);
  const own = clean(node.text);
  const head = join([own, ...attrs], '; ');
  const out = head ? [`${node.name}: ${head}`] : [];
  for (const c of node.children) out.push(...describe(c).map((line) => `${node.name}/${line}`));
  return out;
}

interface ActSummary {
  numberTitle?: string;
  regulationType?: string;
  publicationDate?: string;
  publicationUrl?: string;
}

/** One sanctionEntity mapped to its FtM entities. */
class EntryMapper {
  readonly main: EntityBuilder;
  private readonly sanctions: DerivedEntities;
  private readonly extra: DerivedEntities;
  private readonly acts = new Map<string, ActSummary>();

  constructor(
    private readonly node: XmlNode,
    private readonly key: string,
    private readonly ctx: ReadContext,
  ) {
    const subject = node.children.find((c) => c.name === 'subjectType');
    const code = subject ? (attr(subject, 'code') ?? '').toLowerCase() : '';
    const cls = subject ? (attr(subject, 'classificationCode') ?? '').toUpperCase() : '';
    const schema = code === 'person' || cls === 'P' ? 'Person' : code === 'enterprise' || cls === 'E' ? 'Organization' : 'LegalEntity';
    this.main = new EntityBuilder(schema, makeId(ctx.dataset, key), ctx.report.valueProblem);
    this.sanctions = new DerivedEntities(ctx.report.valueProblem);
    this.extra = new DerivedEntities(ctx.report.valueProblem);
    if (schema === 'LegalEntity') this.note(`subjectType: ${join([code, cls], ' / ') ?? 'none'}`);
  }

  private get isPerson(): boolean {
    return this.main.schema === 'Person';
  }

  private note(line: string | undefined): void {
    this.main.add('notes', line);
  }

  /** Adds a country; one that is not a known country is also kept verbatim in notes. */
  private country(b: EntityBuilder, prop: string, node: XmlNode, label: string): void {
    const { value, description } = countryOf(node);
    if (!value) return;
    b.add(prop, value);
    if (!toIso2(value)) this.note(`${label}: ${join([value, description], ' / ')}`);
  }

  /** regulationSummary elements: the act behind each detail, kept on the Sanction. */
  private collectActs(node: XmlNode): void {
    for (const c of node.children) {
      if (c.name !== 'regulationSummary') continue;
      const act: ActSummary = {
        numberTitle: attr(c, 'numberTitle'),
        regulationType: attr(c, 'regulationType'),
        publicationDate: attr(c, 'publicationDate'),
        publicationUrl: attr(c, 'publicationUrl'),
      };
      const k = JSON.stringify(act);
      if (!this.acts.has(k)) this.acts.set(k, act);
    }
  }

  map(): FtmEntity[] {
    const { main, node } = this;
    main.add('topics', 'sanction');
    this.names(node.children.filter((c) => c.name === 'nameAlias'));
    this.collectActs(node);
    for (const c of node.children) {
      this.collectActs(c);
      switch (c.name) {
        case 'subjectType':
          for (const line of unknownAttrs(c)) this.note(line);
          break;
        case 'nameAlias':
        case 'regulation':
        case 'regulationSummary':
          break;
        case 'remark':
          this.note(c.text.trim() || undefined);
          break;
        case 'citizenship':
          this.citizenship(c);
          break;
        case 'birthdate':
          this.birthdate(c);
          break;
        case 'address':
          this.address(c);
          break;
        case 'identification':
          this.identification(c);
          break;
        default:
          for (const line of describe(c)) this.note(line);
      }
    }
    for (const line of unknownAttrs(node)) this.note(line);
    this.regulations(node.children.filter((c) => c.name === 'regulation'));
    return [main.build(), ...this.sanctions.build(), ...this.extra.build()];
  }

  private names(nodes: XmlNode[]): void {
    const strong = (n: XmlNode) => attr(n, 'strong')?.toLowerCase() !== 'false';
    const whole = (n: XmlNode) =>
      attr(n, 'wholeName') ?? join([attr(n, 'firstName'), attr(n, 'middleName'), attr(n, 'lastName')], ' ');
    // The primary name: the first strong name without a language tag, else the first strong one.
    const primary =
      nodes.find((n) => strong(n) && whole(n) && !attr(n, 'nameLanguage')) ?? nodes.find((n) => strong(n) && whole(n)) ?? nodes.find((n) => whole(n));
    if (!primary) this.ctx.report.skip('sanctionEntity without a name', `${this.key}`);
    for (const n of nodes) {
      const name = whole(n);
      if (name) {
        if (n === primary) this.main.add('name', name);
        else this.main.add(strong(n) ? 'alias' : 'weakAlias', name);
      }
      const label = `Name "${name ?? ''}"`;
      if (this.isPerson) {
        this.main.add('firstName', attr(n, 'firstName')).add('middleName', attr(n, 'middleName')).add('lastName', attr(n, 'lastName'));
      } else {
        for (const part of ['firstName', 'middleName', 'lastName']) if (attr(n, part)) this.note(`${label} ${part}: ${attr(n, part)}`);
      }
      this.main.addOrNote('position', attr(n, 'function'), `${label} function`);
      this.main.addOrNote('title', attr(n, 'title'), `${label} title`);
      this.main.addOrNote('gender', attr(n, 'gender'), `${label} gender`);
      for (const c of n.children) if (c.name === 'remark') this.note(`${label}: ${c.text.trim()}`);
      for (const line of leftovers(n, new Set(['remark', 'regulationSummary']))) this.note(`${label}: ${line}`);
    }
  }

  private citizenship(node: XmlNode): void {
    this.country(this.main, this.isPerson ? 'nationality' : 'country', node, 'Citizenship');
    const region = attr(node, 'region');
    if (region) this.note(`Citizenship region: ${region}`);
    for (const c of node.children) if (c.name === 'remark') this.note(`Citizenship: ${c.text.trim()}`);
    for (const line of leftovers(node, new Set(['remark', 'regulationSummary']))) this.note(line);
  }

  private birthdate(node: XmlNode): void {
    const full = attr(node, 'birthdate');
    const year = attr(node, 'year');
    const month = attr(node, 'monthOfYear');
    const day = attr(node, 'dayOfMonth');
    const from = attr(node, 'yearRangeFrom');
    const to = attr(node, 'yearRangeTo');
    const values: string[] = [];
    if (full) values.push(full);
    else if (year) {
      const parts = [year, month?.padStart(2, '0'), month && day ? day.padStart(2, '0') : undefined];
      values.push(join(parts, '-')!);
    }
    const details: string[] = [];
    if (!full && !year && (month || day)) details.push(`day ${day ?? '?'} of month ${month ?? '?'}, year unknown`);
    if (from || to) {
      values.push(...yearsBetween(from, to));
      details.push(`between ${from ?? '?'} and ${to ?? '?'}`);
    }
    if (isTrue(node, 'circa')) details.push('circa');
    const calendar = attr(node, 'calendarType');
    if (calendar && calendar.toUpperCase() !== 'GREGORIAN') details.push(`${calendar} calendar`);
    for (const v of values) this.main.addOrNote('birthDate', v, 'Date of birth');
    const { value: country, description } = countryOf(node);
    const place = join([attr(node, 'place'), attr(node, 'city'), attr(node, 'zipCode'), attr(node, 'region'), description ?? country]);
    this.main.addOrNote('birthPlace', place, 'Place of birth');
    if (country) {
      if (this.isPerson) this.country(this.main, 'birthCountry', node, 'Country of birth');
      else this.note(`Country of birth: ${country}`);
    }
    for (const c of node.children) if (c.name === 'remark') details.push(c.text.trim());
    details.push(...leftovers(node, new Set(['remark', 'regulationSummary'])));
    const stated = join(values, ' / ');
    if (details.length) this.note(`Date of birth${stated ? ` ${stated}` : ''}: ${details.join('; ')}`);
  }

  private address(node: XmlNode): void {
    const street = attr(node, 'street');
    const poBox = attr(node, 'poBox');
    const city = attr(node, 'city');
    const zip = attr(node, 'zipCode');
    const region = attr(node, 'region');
    const place = attr(node, 'place');
    const { value: country, description } = countryOf(node);
    const remarks: string[] = [];
    if (isTrue(node, 'asAtListingTime')) remarks.push('address at the time of listing');
    for (const c of node.children) {
      if (c.name === 'remark') remarks.push(c.text.trim());
      else if (c.name === 'contactInfo') {
        const key = (attr(c, 'key') ?? '').toUpperCase();
        const value = attr(c, 'value');
        const prop = CONTACT_PROPS[key];
        if (value && prop && this.main.hasProp(prop)) this.main.add(prop, value.split(/\s*[,;]\s*/));
        else if (value) this.note(`Contact ${key || 'info'}: ${value}`);
        if (key === 'FAX' && value) this.note(`Fax: ${value}`);
      }
    }
    remarks.push(...leftovers(node, new Set(['remark', 'contactInfo', 'regulationSummary'])));
    const full = join([street, poBox, place, city, zip, region, description ?? country]);
    if (!full) {
      if (remarks.length) this.note(`Address: ${remarks.join('; ')}`);
      return;
    }
    const id = makeId(this.ctx.dataset, this.key, 'address', attr(node, 'logicalId') ?? full);
    const addr = this.extra.get('Address', id);
    addr.add('full', full).add('street', street).add('postOfficeBox', poBox).add('city', city).add('postalCode', zip).add('region', region);
    this.country(addr, 'country', node, 'Address country');
    addr.add('remarks', remarks);
    this.main.add('address', full).add('addressEntity', id);
    this.country(this.main, 'country', node, 'Address country');
  }

  private identification(node: XmlNode): void {
    const code = attr(node, 'identificationTypeCode');
    const description = attr(node, 'identificationTypeDescription');
    const number = attr(node, 'number');
    const latin = attr(node, 'latinNumber');
    const summary: string[] = [];
    for (const [flag, text] of Object.entries(ID_FLAGS)) if (isTrue(node, flag)) summary.push(text);
    const onDoc = attr(node, 'nameOnDocument');
    if (onDoc) summary.push(`name on document: ${onDoc}`);
    const region = attr(node, 'region');
    if (region) summary.push(`region: ${region}`);
    for (const c of node.children) if (c.name === 'remark') summary.push(c.text.trim());
    summary.push(...leftovers(node, new Set(['remark', 'regulationSummary'])));
    const typeText = description ?? code;
    if (!number && !latin) {
      this.note(`Identification without a number: ${join([typeText, countryOf(node).description, ...summary], '; ') ?? ''}`);
      return;
    }
    const passport = code?.toLowerCase() === 'passport' || /passport/i.test(description ?? '');
    const id = makeId(this.ctx.dataset, this.key, 'id', typeText ?? '', number ?? latin!);
    const doc = this.extra.get(passport ? 'Passport' : 'Identification', id);
    doc.add('holder', this.main.id).add('number', [number, latin]).add('type', typeText).add('authority', attr(node, 'issuedBy'));
    this.country(doc, 'country', node, 'Document country');
    doc.add('startDate', [attr(node, 'issuedDate'), attr(node, 'validFrom')]).add('endDate', attr(node, 'validTo'));
    doc.add('summary', summary);
    const prop = this.identifierProp(passport, code, description);
    this.main.add(prop, [number, latin]);
  }

  /** The main-entity property for an identifier, by the EU type code or its description. */
  private identifierProp(passport: boolean, code: string | undefined, description: string | undefined): string {
    const c = (code ?? '').toLowerCase();
    const d = description ?? '';
    const rules: Array<[boolean, string]> = [
      [passport, 'passportNumber'],
      [c === 'swiftbic' || /swift|\bBIC\b/i.test(d), 'swiftBic'],
      [c === 'imo' || /\bIMO\b/.test(d), 'imoNumber'],
      [/\bINN\b/.test(d), 'innCode'],
      [/OGRN/.test(d), 'ogrnCode'],
      [c === 'fiscalcode' || /tax|fiscal/i.test(d), 'taxNumber'],
      [c === 'regnumber' || /registration/i.test(d), 'registrationNumber'],
    ];
    const pick = rules.find(([hit]) => hit)?.[1] ?? 'idNumber';
    return this.main.hasProp(pick) ? pick : 'idNumber';
  }

  private regulations(nodes: XmlNode[]): void {
    const entity = this.node;
    const common = (b: EntityBuilder) =>
      b
        .add('entity', this.main.id)
        .add('authority', AUTHORITY)
        .add('authorityId', attr(entity, 'euReferenceNumber'))
        .add('unscId', attr(entity, 'unitedNationId'))
        .add('reason', entity.attrs['designationDetails']?.trim() || undefined)
        .add('startDate', attr(entity, 'designationDate'))
        .add('recordId', attr(entity, 'logicalId'));
    const sanctionFor = (programme: string | undefined): EntityBuilder =>
      this.sanctions.get('Sanction', makeId(this.ctx.dataset, this.key, 'sanction', programme ?? 'eu'), common);
    const listing = new Map<EntityBuilder, string[]>();
    for (const r of nodes) {
      const b = sanctionFor(attr(r, 'programme'));
      b.add('program', attr(r, 'programme')).add('provisions', attr(r, 'numberTitle'));
      const urls = [attr(r, 'publicationUrl'), ...r.children.filter((c) => c.name === 'publicationUrl').map((c) => clean(c.text))];
      b.add('sourceUrl', urls);
      const published = attr(r, 'publicationDate');
      if (published) listing.set(b, [...(listing.get(b) ?? []), published]);
      b.add('startDate', attr(r, 'entryIntoForceDate'));
      const line = join(
        [
          attr(r, 'numberTitle'),
          attr(r, 'regulationType') && `${attr(r, 'regulationType')}${attr(r, 'organisationType') ? ` by the ${attr(r, 'organisationType')}` : ''}`,
          !attr(r, 'regulationType') && attr(r, 'organisationType') ? `by the ${attr(r, 'organisationType')}` : undefined,
          published && `published ${published}`,
          attr(r, 'entryIntoForceDate') && `in force ${attr(r, 'entryIntoForceDate')}`,
          attr(r, 'logicalId') && `regulation logicalId ${attr(r, 'logicalId')}`,
          ...leftovers(r, new Set(['publicationUrl', 'regulationSummary'])),
        ],
        '; ',
      );
      b.add('description', line && `Regulation: ${line}`);
    }
    // The listing date is the publication of the first regulation of the programme.
    for (const [b, dates] of listing) b.add('listingDate', [...dates].sort()[0]);
    if (this.sanctions.size === 0) sanctionFor(undefined);
    const first = this.sanctions.builders()[0]!;
    for (const act of this.acts.values()) {
      const line = join([act.numberTitle, act.regulationType, act.publicationDate && `published ${act.publicationDate}`, act.publicationUrl], '; ');
      first.add('description', line && `Act behind listed details: ${line}`);
    }
  }
}

/**
 * The EU Financial Sanctions Files XML (export/sanctionEntity, namespace
 * http://eu.europa.ec/fpi/fsd/export): one record per sanctionEntity, keyed by its logicalId.
 */
const EU_FSF: XmlListFormat = {
  // the official namespace is http://eu.europa.ec/fpi/fsd/export; the .eu spelling is accepted too
  root: { names: ['export'], namespace: /^https?:\/\/eu\.europa\.(ec|eu)\/fpi\/fsd\/export\/?$/, what: 'an EU FSF export' },
  entries: ['sanctionEntity'],
  dateAttribute: 'generationDate',
  ids: (node) => [
    { name: 'logicalId', value: attr(node, 'logicalId') },
    { name: 'euReferenceNumber', value: attr(node, 'euReferenceNumber') },
  ],
  map: (node, key, ctx) => new EntryMapper(node, key, ctx).map(),
};

export const euXmlReader: SourceReader = {
  format: 'eu-xml',
  title: 'EU Financial Sanctions Files (FSF) consolidated list (XML)',
  publisher: AUTHORITY,
  read: (inputs, ctx) => readXmlList(inputs, ctx, EU_FSF),
};
