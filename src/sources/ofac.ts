import path from 'node:path';
import { EntityBuilder } from '../model/builder.js';
import type { FtmEntity } from '../model/entity.js';
import { isA } from '../model/ftm.js';
import { parseDate } from '../model/dates.js';
import { makeId } from '../model/ids.js';
import { SourceError } from './errors.js';
import { readCsvRows } from './csv.js';
import { ByteProgress, baseName, dateInFileName, expandInputs, readText } from './files.js';
import { ofacCountry, parseRemarks, type OfacIdentifier, type RemarkFact } from './ofac-remarks.js';
import type { ReadContext, SourceReader, SourceRecord } from './types.js';

/**
 * OFAC's legacy CSV files: the SDN list (sdn.csv, add.csv, alt.csv, sdn_comments.csv) and the
 * consolidated non-SDN lists in the same layout (cons_prim.csv, cons_add.csv, cons_alt.csv,
 * cons_comments.csv). No header row, `-0-` for an empty field, a 0x1A byte at the end.
 * One record per primary row (ent_num), with its addresses, aliases and the facts in its Remarks.
 */

const AUTHORITY = 'Office of Foreign Assets Control';
type ListId = 'sdn' | 'cons';
type Role = 'main' | 'add' | 'alt' | 'comments';

const LISTS: Record<ListId, { title: string; url: string }> = {
  sdn: {
    title: 'SDN list',
    url: 'https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists',
  },
  cons: {
    title: 'consolidated non-SDN list',
    url: 'https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists',
  },
};

/** Columns of each file of the legacy layout (OFAC's data specification). */
const COLUMNS: Record<Role, number> = { main: 12, add: 6, alt: 5, comments: 2 };
const ROLE_NAMES: Record<Role, string> = {
  main: 'main file (sdn / cons_prim)',
  add: 'address file (add / cons_add)',
  alt: 'alias file (alt / cons_alt)',
  comments: 'comments file (sdn_comments / cons_comments)',
};

/** OFAC cuts the Remarks field at this length and continues it in the comments file. */
const REMARKS_LIMIT = 1000;

interface FileRole {
  list: ListId;
  role: Role;
}

/** Which file of the set a file is, by its name (sdn*, cons_prim*, add*, cons_alt*, *comments*…). */
export function ofacFileRole(file: string): FileRole | undefined {
  const name = baseName(file);
  if (!/\.csv$/.test(name)) return undefined;
  const cons = name.startsWith('cons');
  if (name.includes('comments')) return { list: cons ? 'cons' : 'sdn', role: 'comments' };
  if (/^cons_prim/.test(name)) return { list: 'cons', role: 'main' };
  if (/^cons_add/.test(name)) return { list: 'cons', role: 'add' };
  if (/^cons_alt/.test(name)) return { list: 'cons', role: 'alt' };
  if (/^sdn/.test(name)) return { list: 'sdn', role: 'main' };
  if (/^add/.test(name)) return { list: 'sdn', role: 'add' };
  if (/^alt/.test(name)) return { list: 'sdn', role: 'alt' };
  return undefined;
}

/** `-0-` is OFAC's empty value. */
function val(raw: string | undefined): string {
  const t = (raw ?? '').trim();
  return t === '-0-' ? '' : t;
}

// ---------------------------------------------------------------------------------------------
// Reading and checking the files

/** Rejects a file of another format before the CSV parser sees it (XML, JSON). */
async function sniff(file: string): Promise<void> {
  for await (const chunk of readText(file)) {
    const head = chunk.trimStart().slice(0, 200);
    if (head.startsWith('<')) throw new SourceError(file, '1', 'not an OFAC legacy CSV: the file is XML');
    if (head.startsWith('{') || head.startsWith('[')) throw new SourceError(file, '1', 'not an OFAC legacy CSV: the file is JSON');
    if (head) break;
  }
}

interface Row {
  fields: string[];
  line: number;
}


/** The rows of one file of the set, each checked for the column count and a numeric ent_num. */
async function* rows(file: string, role: Role, progress?: ByteProgress): AsyncGenerator<Row> {
  await sniff(file);
  const expected = COLUMNS[role];
  let first = true;
  for await (const { row, line } of readCsvRows(file, { progress })) {
    if (row.length === 1 && row[0]!.trim() === '') continue;
    if (row.length !== expected) {
      throw new SourceError(
        file,
        String(line),
        `not an OFAC legacy CSV ${ROLE_NAMES[role]}: expected ${expected} columns, found ${row.length}`,
      );
    }
    const key = row[0]!.trim();
    if (!/^\d+$/.test(key)) {
      throw new SourceError(
        file,
        String(line),
        first ? `not an OFAC legacy CSV: the first column should be the entry number (ent_num), found "${key.slice(0, 40)}"` : `ent_num "${key.slice(0, 40)}" is not a number`,
      );
    }
    first = false;
    yield { fields: row, line };
  }
}

interface AddressRow {
  addNum: string;
  street: string;
  cityLine: string;
  country: string;
  remarks: string;
}

interface AltRow {
  altNum: string;
  type: string;
  name: string;
  remarks: string;
  where: string;
}

interface ListFiles {
  main?: string;
  add?: string;
  alt?: string;
  comments?: string;
}

/** Everything known before the main files stream: the names of all entries and the side tables. */
interface Index {
  /** SDN_Name → ent_nums, over every main file of the read (Linked To, vessel owners) */
  byName: Map<string, string[]>;
  byUpperName: Map<string, string[]>;
  keys: Map<ListId, Set<string>>;
  addresses: Map<string, AddressRow[]>;
  aliases: Map<string, AltRow[]>;
  comments: Map<string, string[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `ent_num,"SDN_Name",…` at the start of a line: all the first pass needs. */
const NAME_LINE = /^(\d+),(?:"((?:[^"]|"")*)"|([^,]*)),/;

/**
 * First pass over a main file: every entry's number and name, so side rows can be matched and
 * "Linked To: NAME" resolved whatever the order. A plain line scan (the second pass parses and
 * checks every row properly).
 */
async function indexMain(file: string, list: ListId, index: Index): Promise<void> {
  await sniff(file);
  const keys = index.keys.get(list) ?? new Set<string>();
  index.keys.set(list, keys);
  const take = (line: string) => {
    const m = NAME_LINE.exec(line);
    if (!m) return;
    const name = val(m[2] !== undefined ? m[2].replace(/""/g, '"') : m[3]);
    const key = m[1]!;
    keys.add(key);
    // an entity on both the SDN and a non-SDN list keeps its ent_num: one entry, not two namesakes
    if (!index.byName.get(name)?.includes(key)) push(index.byName, name, key);
    if (!index.byUpperName.get(name.toUpperCase())?.includes(key)) push(index.byUpperName, name.toUpperCase(), key);
  };
  let buf = '';
  for await (const chunk of readText(file)) {
    buf += chunk;
    let start = 0;
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n', start)) {
      take(buf.slice(start, i));
      start = i + 1;
    }
    buf = buf.slice(start);
  }
  take(buf);
}

async function readSide(
  file: string,
  role: Exclude<Role, 'main'>,
  list: ListId,
  index: Index,
  ctx: ReadContext,
  progress: ByteProgress,
): Promise<void> {
  const keys = index.keys.get(list)!;
  const fileName = path.basename(file);
  for await (const { fields, line } of rows(file, role, progress)) {
    const key = fields[0]!.trim();
    const where = `${file}:${line}`;
    if (!keys.has(key)) {
      ctx.report.skip(`${role} row whose ent_num is not in the main file (${fileName})`, `${where} ent_num ${key}`);
      continue;
    }
    if (role === 'add') {
      const row: AddressRow = {
        addNum: fields[1]!.trim(),
        street: val(fields[2]),
        cityLine: val(fields[3]),
        country: val(fields[4]),
        remarks: val(fields[5]),
      };
      if (!row.street && !row.cityLine && !row.country && !row.remarks) {
        ctx.report.skip(`address row with every field empty (${fileName})`, `${where} ent_num ${key}`);
        continue;
      }
      push(index.addresses, key, row);
    } else if (role === 'alt') {
      const row: AltRow = { altNum: fields[1]!.trim(), type: val(fields[2]).toLowerCase(), name: val(fields[3]), remarks: val(fields[4]), where };
      if (!row.name) {
        ctx.report.skip(`alias row without a name (${fileName})`, `${where} ent_num ${key}`);
        continue;
      }
      push(index.aliases, key, row);
    } else {
      // the continuation is cut mid-word like the remarks: keep it exactly as written
      push(index.comments, key, fields[1] ?? '');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Mapping

/** Legal forms in a name that make an entity a Company rather than another Organization (dots removed). */
const LEGAL_FORMS = new Set([
  'LLC', 'LTD', 'LIMITED', 'LTDA', 'INC', 'INCORPORATED', 'CORP', 'CORPORATION', 'CO', 'COMPANY', 'PLC', 'LLP', 'GMBH',
  'AG', 'KG', 'SA', 'SAS', 'SRL', 'SL', 'SPA', 'SARL', 'SAL', 'BV', 'NV', 'OOO', 'OAO', 'ZAO', 'PAO', 'AO', 'JSC', 'OJSC',
  'CJSC', 'PJSC', 'JSCB', 'TOO', 'FZE', 'FZCO', 'FZC', 'FZ-LLC', 'DMCC', 'PTE', 'PTY', 'BHD', 'AS', 'KFT', 'ZRT', 'DOO',
  'SAC', 'EIRL', 'CA', 'LDA', 'EOOD', 'OOD', 'EAD', 'SHERKAT', 'SHERKATE', 'SHIRKAT', 'OBSHCHESTVO', 'AKTSIONERNOE',
  'TOVARYSTVO', 'HOLDING', 'HOLDINGS', 'SIRKETI', 'SIRKET', 'CC', 'UNIPERSONAL', 'PREDPRIYATIE', 'SADECV', 'SDERL', 'SPZOO',
]);
const LEGAL_FORM_PHRASES = [' S A ', ' JOINT STOCK ', ' JOINT-STOCK ', ' SOCIEDAD ANONIMA ', ' SOCIETE ANONYME ', ' Y CIA ', ' SP Z OO ', ' S DE RL '];

function hasLegalForm(name: string): boolean {
  const tokens = name.toUpperCase().replace(/\./g, '').split(/[\s,()]+/);
  for (const t of tokens) if (LEGAL_FORMS.has(t)) return true;
  const spaced = ` ${tokens.join(' ')} `;
  return LEGAL_FORM_PHRASES.some((p) => spaced.includes(p));
}

/** OFAC "Target Type" values that say company, and those that say another kind of organisation. */
const COMPANY_TARGETS = new Set(['private company', 'public company', 'state-owned enterprise', 'financial institution']);
const ORGANIZATION_TARGETS = new Set([
  'government entity', 'unrecognized government entity', 'charity or nonprofit organization', 'criminal organization',
]);
/** "Organization Type" (ISIC activity) values that are not business activities. */
const NON_COMMERCIAL_ACTIVITY = /political organizations|public administration|public order|religious|membership organizations|central banking|defen[cs]e activities/i;
const COMPANY_ONLY_IDS = new Set(['bikCode', 'isinCode', 'ticker']);

/**
 * A non-individual, non-vessel, non-aircraft entry is a Company when OFAC's Target Type says so,
 * else when its name or an alias carries a legal form (LLC, OOO, JSC, GMBH…), it holds a
 * securities/bank identifier only companies have, or its "Organization Type" is a business
 * activity; otherwise an Organization. Target Type government/charity/criminal → Organization.
 */
export function organisationSchema(names: string[], facts: RemarkFact[]): 'Company' | 'Organization' {
  for (const f of facts) {
    if (f.kind === 'prop' && f.prop === 'classification') {
      const t = f.values[0]!.toLowerCase();
      if (COMPANY_TARGETS.has(t)) return 'Company';
      if (ORGANIZATION_TARGETS.has(t)) return 'Organization';
    }
  }
  if (names.some(hasLegalForm)) return 'Company';
  for (const f of facts) {
    if (f.kind === 'identifier' && f.id.prop && COMPANY_ONLY_IDS.has(f.id.prop)) return 'Company';
    if (f.kind === 'prop' && f.prop === 'sector' && !NON_COMMERCIAL_ACTIVITY.test(f.values[0]!)) return 'Company';
  }
  return 'Organization';
}

const NO_COUNTRY = /^(?:undetermined|unknown|none identified)$/i;

const SDN_TYPES: Record<string, string> = { individual: 'Person', vessel: 'Vessel', aircraft: 'Airplane' };

/** "Moscow, Moscow 123610" → city Moscow, region Moscow, postal code 123610 (the raw line stays in `full`). */
const POSTAL_TAIL = /^(.*?)[\s,]+((?:[A-Z]{1,3}-)?\d[\d-]*)$/;
function splitCityLine(line: string): { city?: string; region?: string; postalCode?: string } {
  if (!line) return {};
  if (/^(?:[A-Z]{1,3}-)?\d[\d-]*$/.test(line)) return { postalCode: line };
  const m = POSTAL_TAIL.exec(line);
  const place = m ? m[1]!.trim() : line;
  const comma = place.indexOf(',');
  return {
    city: comma >= 0 ? place.slice(0, comma).trim() : place,
    region: comma >= 0 ? place.slice(comma + 1).trim() || undefined : undefined,
    postalCode: m ? m[2] : undefined,
  };
}

function programsOf(raw: string): string[] {
  return raw
    .split(/\]\s*\[/)
    .map((p) => p.replace(/^\[|\]$/g, '').trim())
    .filter(Boolean);
}

/** "99,144" → "99144"; undefined when the text is not a number. */
function number(raw: string): string | undefined {
  const t = raw.replace(/,/g, '');
  return /^\d+(?:\.\d+)?$/.test(t) ? t : undefined;
}

class EntryMapper {
  readonly key: string;
  readonly mainId: string;
  main!: EntityBuilder;
  readonly sanction: EntityBuilder;
  private readonly others: EntityBuilder[] = [];
  private readonly links: EntityBuilder[] = [];
  readonly listingDates: string[] = [];

  constructor(
    private readonly fields: string[],
    private readonly list: ListId,
    private readonly where: string,
    private readonly index: Index,
    private readonly ctx: ReadContext,
  ) {
    this.key = fields[0]!.trim();
    this.mainId = makeId(ctx.dataset, this.key);
    this.sanction = new EntityBuilder('Sanction', makeId(ctx.dataset, this.key, 'sanction', list), ctx.report.valueProblem);
  }

  private entityId(key: string): string {
    return makeId(this.ctx.dataset, key);
  }

  /** The remarks with the comments continuation appended (only where OFAC cut the field). */
  private remarks(): string {
    const raw = this.fields[11] ?? '';
    const remarks = val(raw);
    const more = this.index.comments.get(this.key);
    if (!more) return remarks;
    if (raw.length < REMARKS_LIMIT) {
      this.ctx.report.skip(
        'comments row for an entry whose Remarks are not cut at 1000 characters; not appended (comments file of another date?)',
        `${this.where} ent_num ${this.key}`,
      );
      return remarks;
    }
    return remarks + more.join('');
  }

  map(): FtmEntity[] {
    const [, rawName, rawType, rawPrograms, rawTitle, rawCallSign, rawVessType, rawTonnage, rawGrt, rawFlag, rawOwner] = this.fields;
    const name = val(rawName);
    const sdnType = val(rawType).toLowerCase();
    const facts = parseRemarks(this.remarks());
    const aliases = this.index.aliases.get(this.key) ?? [];

    let schema = SDN_TYPES[sdnType];
    if (!schema && !sdnType) schema = organisationSchema([name, ...aliases.map((a) => a.name)], facts);
    const main = (this.main = new EntityBuilder(schema ?? 'LegalEntity', this.mainId, this.ctx.report.valueProblem));
    if (!schema) main.add('notes', `SDN_Type: ${val(rawType)}`);
    main.add('name', name).add('topics', 'sanction');
    if (main.schema === 'Person') this.splitName(name);

    main.addOrNote('position', val(rawTitle), 'Title');
    this.vesselColumns(val(rawCallSign), val(rawVessType), val(rawTonnage), val(rawGrt), val(rawFlag), val(rawOwner));

    for (const alt of aliases) {
      const prop = alt.type === 'fka' ? 'previousName' : 'alias';
      if (alt.type !== 'aka' && alt.type !== 'fka' && alt.type !== 'nka') {
        this.ctx.report.skip(`alias row with an unknown alt_type; kept as alias`, `${alt.where} ${alt.type}`);
      }
      main.add(prop, alt.name);
      if (alt.remarks) main.add('notes', `${alt.type} ${alt.name}: ${alt.remarks}`);
    }

    const programs = programsOf(val(rawPrograms));
    this.sanction
      .add('entity', this.mainId)
      .add('authority', AUTHORITY)
      .add('country', 'us')
      .add('program', programs)
      .add('programId', programs)
      .add('sourceUrl', LISTS[this.list].url)
      .add('recordId', this.key);

    this.addresses();
    for (const fact of facts) this.apply(fact);
    this.listingDates.push(...this.sanction.get('listingDate'));

    return [main.build(), this.sanction.build(), ...this.others.map((b) => b.build()), ...this.links.map((b) => b.build())];
  }

  /** "LAST, First" (and "LAST, First, Jr."): the list's own order; no comma, no split. */
  private splitName(name: string): void {
    const parts = name.split(',').map((p) => p.trim());
    if (parts.length < 2) return;
    this.main.add('lastName', parts[0]).add('firstName', parts[1]);
    if (parts.length > 2) this.main.add('nameSuffix', parts.slice(2).join(', '));
  }

  private vesselColumns(callSign: string, vessType: string, tonnage: string, grt: string, flag: string, owner: string): void {
    const main = this.main;
    if (main.schema !== 'Vessel') {
      const labelled: Array<[string, string]> = [
        ['Call sign', callSign], ['Vessel type', vessType], ['Tonnage', tonnage], ['GRT', grt], ['Vessel flag', flag], ['Vessel owner', owner],
      ];
      for (const [label, value] of labelled) if (value) main.add('notes', `${label}: ${value}`);
      return;
    }
    main.add('callSign', callSign).add('type', vessType);
    for (const [prop, raw, label] of [['tonnage', tonnage, 'Tonnage'], ['grossRegisteredTonnage', grt, 'GRT']] as const) {
      if (!raw) continue;
      const n = number(raw);
      if (n) main.add(prop, n);
      else main.add('notes', `${label}: ${raw}`);
    }
    if (flag) {
      const iso = ofacCountry(flag);
      if (iso) main.add('flag', iso);
      else main.add('notes', `Vessel flag: ${flag}`);
    }
    if (owner) {
      const target = this.resolve([owner]);
      if (target.kind === 'found' && target.key !== this.key) main.add('owner', this.entityId(target.key));
      else main.add('notes', `Vessel owner: ${owner}`);
    }
  }

  private resolve(names: string[]): { kind: 'found'; key: string } | { kind: 'none' } | { kind: 'ambiguous' } {
    for (const map of [this.index.byName, this.index.byUpperName]) {
      for (const n of names) {
        const keys = map.get(map === this.index.byName ? n : n.toUpperCase());
        if (!keys) continue;
        return keys.length === 1 ? { kind: 'found', key: keys[0]! } : { kind: 'ambiguous' };
      }
    }
    return { kind: 'none' };
  }

  private addresses(): void {
    for (const row of this.index.addresses.get(this.key) ?? []) {
      const full = [row.street, row.cityLine, row.country].filter(Boolean).join(', ');
      const addr = new EntityBuilder('Address', makeId(this.ctx.dataset, this.key, 'address', row.addNum), this.ctx.report.valueProblem);
      const { city, region, postalCode } = splitCityLine(row.cityLine);
      addr.add('full', full).add('street', row.street).add('city', city).add('region', region).add('postalCode', postalCode);
      // OFAC's "undetermined" claims no country; a region that is no country (Kafia Kingi, Northern
      // Mali) stays in region; the country column is in full either way
      if (row.country && !NO_COUNTRY.test(row.country)) {
        const isRegion = /^Region:/i.test(row.country);
        const iso = ofacCountry(row.country);
        if (isRegion) addr.add('region', row.country.replace(/^Region:\s*/i, ''));
        if (iso || !isRegion) addr.add('country', iso ?? row.country);
        if (iso) this.main.add('country', iso);
      }
      addr.add('remarks', row.remarks);
      this.main.add('address', full).add('addressEntity', addr.id);
      this.others.push(addr);
    }
  }

  private note(text: string): void {
    this.main.add('notes', text);
  }

  private apply(fact: RemarkFact): void {
    const main = this.main;
    const person = main.schema === 'Person';
    switch (fact.kind) {
      case 'note':
        // the legacy Remarks repeat a person's Title column
        if (person && main.get('position').includes(fact.text)) return;
        return this.note(fact.text);
      case 'name':
        main.add(fact.prop, fact.value);
        return;
      case 'prop': {
        let prop: string = fact.prop;
        if ((prop === 'nationality' || prop === 'citizenship') && !person) prop = 'country';
        if (prop === 'registrationCountry') prop = main.schema === 'Vessel' ? 'flag' : main.hasProp('jurisdiction') ? 'jurisdiction' : 'country';
        if (!main.hasProp(prop)) return this.note(fact.text);
        main.add(prop, fact.values);
        if (prop === 'birthPlace' && fact.country) main.add('birthCountry', fact.country);
        return;
      }
      case 'sanction':
        this.sanction.add(fact.prop, fact.value);
        if (fact.prop === 'listingDate' || fact.prop === 'startDate') this.sanction.add('provisions', fact.text.replace(/^alt\.\s+/i, ''));
        return;
      case 'link':
        return this.link(fact.names, fact.text);
      case 'operator': {
        const target = this.resolve([fact.name]);
        if (main.hasProp('operator') && target.kind === 'found') main.add('operator', this.entityId(target.key));
        else this.note(fact.text);
        return;
      }
      case 'wallet': {
        if (!isA(main.schema, 'LegalEntity')) return this.note(fact.text);
        const wallet = new EntityBuilder('CryptoWallet', makeId(this.ctx.dataset, this.key, 'wallet', fact.currency, fact.address), this.ctx.report.valueProblem);
        wallet.add('holder', this.mainId).add('currency', fact.currency).add('publicKey', fact.address);
        this.others.push(wallet);
        return;
      }
      case 'identifier':
        return this.identifier(fact.id, fact.text);
    }
  }

  private link(names: string[], text: string): void {
    const target = this.resolve(names);
    if (target.kind !== 'found') {
      this.ctx.report.skip(
        target.kind === 'ambiguous' ? 'Linked To: the name matches several entries' : 'Linked To: no entry of that name in the main file(s)',
        `${this.where} ent_num ${this.key} → ${names[0]}`,
      );
      // the statement itself is kept
      return this.note(text);
    }
    if (target.key === this.key) return this.note(text);
    const id = makeId(this.ctx.dataset, this.key, 'link', target.key);
    if (this.links.some((l) => l.id === id)) return;
    const link = new EntityBuilder('UnknownLink', id, this.ctx.report.valueProblem);
    link.add('subject', this.mainId).add('object', this.entityId(target.key)).add('role', 'Linked To');
    this.links.push(link);
  }

  private identifier(id: OfacIdentifier, text: string): void {
    const main = this.main;
    const person = main.schema === 'Person';
    let prop = id.prop;
    if (prop === 'passportNumber' && !person) prop = 'idNumber';
    let kept = false;
    if (prop && main.hasProp(prop)) {
      main.add(prop, id.number);
      kept = true;
    }
    for (const extra of id.extra) if (main.hasProp(extra.prop)) main.add(extra.prop, extra.value);
    // FtM identification documents belong to legal entities (people, companies), not to vessels or aircraft
    if (isA(main.schema, 'LegalEntity')) {
      const passport = id.passport && person;
      const doc = new EntityBuilder(passport ? 'Passport' : 'Identification', makeId(this.ctx.dataset, this.key, 'id', id.label, id.number), this.ctx.report.valueProblem);
      doc.add('holder', this.mainId).add('number', id.number).add('type', id.label).add('country', id.country);
      doc.add('startDate', id.issued).add('endDate', id.expires);
      // "issued 01 Jan 2008 to 31 Dec 2010", "issued under the name …": the statement as written
      if ((id.issued && !parseDate(id.issued)) || (id.expires && !parseDate(id.expires))) doc.add('description', text);
      if (passport) doc.add('passportNumber', id.number);
      if (!this.others.some((o) => o.id === doc.id)) this.others.push(doc);
    } else if (!kept || id.country || id.issued || id.expires) {
      this.note(text);
    }
  }
}

// ---------------------------------------------------------------------------------------------

async function filesOf(inputs: string[], ctx: ReadContext): Promise<Map<ListId, ListFiles>> {
  const lists = new Map<ListId, ListFiles>();
  for (const input of inputs) {
    const files = await expandInputs([input], (f) => /\.csv(\.gz)?$/i.test(f));
    const explicit = files.length === 1 && files[0] === input;
    for (const file of files) {
      const role = ofacFileRole(file);
      if (!role) {
        if (explicit) {
          throw new SourceError(
            file,
            undefined,
            'not an OFAC legacy CSV file name: expected sdn*.csv or cons_prim*.csv (main), add*/cons_add*, alt*/cons_alt*, *comments*',
          );
        }
        ctx.report.skip('file in the folder that is not part of the OFAC legacy CSV set; not read', file);
        continue;
      }
      const set = lists.get(role.list) ?? {};
      lists.set(role.list, set);
      const other = set[role.role];
      if (other && other !== file) {
        throw new SourceError(file, undefined, `two ${role.role} files for the ${LISTS[role.list].title} (${path.basename(other)} and ${path.basename(file)}): pass the one to read`);
      }
      set[role.role] = file;
    }
  }
  if (lists.size === 0) throw new SourceError(inputs.join(', '), undefined, 'no OFAC legacy CSV files found (sdn*.csv, cons_prim*.csv…)');
  for (const [list, set] of lists) {
    if (!set.main) {
      const side = set.add ?? set.alt ?? set.comments!;
      throw new SourceError(side, undefined, `the main file of the ${LISTS[list].title} (${list === 'sdn' ? 'sdn*.csv' : 'cons_prim*.csv'}) is missing`);
    }
  }
  return lists;
}

export const ofacCsvReader: SourceReader = {
  format: 'ofac-csv',
  title: 'OFAC SDN and consolidated non-SDN lists (legacy CSV: sdn/add/alt/comments)',
  publisher: AUTHORITY,
  async *read(inputs: string[], ctx: ReadContext): AsyncIterable<SourceRecord> {
    const lists = await filesOf(inputs, ctx);
    const order: ListId[] = (['sdn', 'cons'] as const).filter((l) => lists.has(l));
    const all = order.flatMap((l) => {
      const s = lists.get(l)!;
      return [s.main, s.add, s.alt, s.comments].filter((f): f is string => !!f);
    });
    const progress = await ByteProgress.of(all, ctx);

    const index: Index = {
      byName: new Map(),
      byUpperName: new Map(),
      keys: new Map(),
      addresses: new Map(),
      aliases: new Map(),
      comments: new Map(),
    };
    // first pass over the main files: every entry's name, so "Linked To: NAME" can be resolved
    for (const list of order) await indexMain(lists.get(list)!.main!, list, index);
    for (const list of order) {
      const set = lists.get(list)!;
      for (const role of ['add', 'alt', 'comments'] as const) {
        const file = set[role];
        if (file) await readSide(file, role, list, index, ctx, progress);
      }
    }

    for (const list of order) {
      const set = lists.get(list)!;
      const mainDate = dateInFileName(set.main!);
      const commentsDate = set.comments ? dateInFileName(set.comments) : undefined;
      if (mainDate && commentsDate && mainDate !== commentsDate) {
        ctx.report.skip(
          'comments file dated differently from the main file: a continuation appended to cut Remarks may belong to another version of them',
          `${set.comments} (${commentsDate}; main file ${mainDate})`,
        );
      }
    }
    const fileDates = order.map((l) => dateInFileName(lists.get(l)!.main!)).filter((d): d is string => !!d);
    if (fileDates.length) ctx.report.versionHint = fileDates.sort().at(-1);
    let maxListing: string | undefined;
    for (const list of order) {
      const file = lists.get(list)!.main!;
      // the same ent_num on the SDN and a non-SDN list is the same entity: a record on each list
      const seen = new Set<string>();
      let n = 0;
      for await (const { fields, line } of rows(file, 'main', progress)) {
        const key = fields[0]!.trim();
        if (seen.has(key)) throw new SourceError(file, String(line), `ent_num ${key} appears twice`);
        seen.add(key);
        n++;
        const mapper = new EntryMapper(fields, list, `${file}:${line}`, index, ctx);
        const entities = mapper.map();
        for (const d of mapper.listingDates) if (!maxListing || d > maxListing) maxListing = d;
        ctx.report.records++;
        yield { key: mapper.key, entities };
      }
      if (n === 0) throw new SourceError(file, undefined, 'no entries: the file holds no rows');
    }
    if (!fileDates.length) ctx.report.versionHint = maxListing;
  },
};
