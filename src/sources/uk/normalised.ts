import { EntityBuilder } from '../../model/builder.js';
import { toIso2 } from '../../model/countries.js';
import { parseDate } from '../../model/dates.js';
import type { FtmEntity } from '../../model/entity.js';
import { makeId } from '../../model/ids.js';
import { readCsvObjects } from '../csv.js';
import { SourceError } from '../errors.js';
import { baseName, type ByteProgress } from '../files.js';
import type { ReadContext, SourceRecord } from '../types.js';
import { businessIdSpecs } from './business-ids.js';
import { addCountry, countryInRemark, resolveCountry } from './countries.js';
import { cleanNumber, Identifications, labelledNumber, nationalId, remarkDates, russianCodeExtra } from './identifiers.js';
import { UK_REGIMES } from './regimes.js';

/*
 * The normalised relational copy of the FCDO UK Sanctions List: subjects.csv plus the side tables
 * subject_names / subject_identifiers / subject_dobs / subject_countries, keyed by unique_id
 * (RUS0001…); one record per subject.
 */

export const FCDO = 'UK Foreign, Commonwealth and Development Office';
const UK_LIST_URL = 'https://www.gov.uk/government/publications/the-uk-sanctions-list';

export const TABLES = {
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

export type TableName = keyof typeof TABLES;
const SIDE_TABLES: TableName[] = ['names', 'identifiers', 'dobs', 'countries'];

export function tableOf(file: string): TableName | undefined {
  const base = baseName(file);
  return (Object.keys(TABLES) as TableName[]).find((t) => TABLES[t].file === base);
}

interface TableRow {
  row: Record<string, string>;
  line: number;
  /** non-empty values of columns the reader does not know, for notes */
  extra: Array<[string, string]>;
}

async function* readTable(file: string, table: TableName, progress: ByteProgress): AsyncGenerator<TableRow> {
  const { required, known } = TABLES[table];
  for await (const { row, line } of readCsvObjects(file, [...required], { progress })) {
    const extra = Object.entries(row)
      .filter(([c, v]) => !(known as readonly string[]).includes(c) && v.trim())
      .map(([c, v]): [string, string] => [c, v.trim()]);
    yield { row, line, extra };
  }
}

interface SideRow extends TableRow {
  where: string;
}

/** A side table read whole, rows grouped by unique_id in file order. */
async function readSide(file: string, table: TableName, progress: ByteProgress): Promise<Map<string, SideRow[]>> {
  const out = new Map<string, SideRow[]>();
  for await (const r of readTable(file, table, progress)) {
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
    b.addOrNote('birthDate', dobValue(r.row), 'date of birth');
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
          ids.add({ ...spec, kind: 'ogrn', type: own.label, country: 'RU', summary, extra: russianCodeExtra('ogrn', own.number, 'RU', false) });
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

export interface NormalisedSet {
  folder: string;
  files: Partial<Record<TableName, string>>;
}

export async function* readNormalised(set: NormalisedSet, ctx: ReadContext, progress: ByteProgress): AsyncGenerator<SourceRecord> {
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
  for await (const r of readTable(subjectsFile, 'subjects', progress)) {
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
    ctx.report.noteVersion(parseDate(r.row['last_updated'] ?? ''));
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
