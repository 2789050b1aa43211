import path from 'node:path';
import { DerivedEntities, EntityBuilder } from '../../model/builder.js';
import { parseDate } from '../../model/dates.js';
import type { FtmEntity } from '../../model/entity.js';
import { digitsOnly } from '../../model/identifiers.js';
import { makeId } from '../../model/ids.js';
import { readCsvRows } from '../csv.js';
import { SourceError } from '../errors.js';
import { readText, type ByteProgress, type TextEncoding } from '../files.js';
import type { ReadContext, SourceRecord } from '../types.js';
import { addCountry, countryInRemark } from './countries.js';
import { Identifications, nationalId, remarkDates } from './identifiers.js';

/*
 * The legacy OFSI Consolidated List "ConList.csv": one row per name, rows sharing a Group ID are
 * one subject; one record per Group ID.
 */

export const OFSI = 'HM Treasury Office of Financial Sanctions Implementation';
const CONLIST_URL = 'https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets';

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

/** "(1) A (2) B", "1) A 2) B", "(1)-(2) A" → ["A", "B"]; text without numbering → [text]. */
function splitNumbered(text: string): string[] {
  return text
    .split(/(?:^|\s)\(?\d{1,2}\)(?:\s*-\s*\(?\d{1,2}\))?\s*/)
    .map((s) => s.trim().replace(/[;,]$/, '').trim())
    .filter(Boolean);
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
  const addresses = new DerivedEntities(ctx.report.valueProblem);
  const sanctions = new DerivedEntities(ctx.report.valueProblem);
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
    b.addOrNote('title', get('Title'), 'Title');
    b.addOrNote('birthDate', conListDate(get('DOB')), 'DOB');
    b.addOrNote('birthPlace', splitNumbered(get('Town of Birth')), 'Town of Birth');
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
    b.addOrNote('position', get('Position'), 'Position');

    const lines = ['Address 1', 'Address 2', 'Address 3', 'Address 4', 'Address 5', 'Address 6'].map(get);
    const postcode = get('Post/Zip Code');
    const country = get('Country');
    if (country) addCountry(b, 'country', country, 'Country');
    if (lines.some(Boolean) || postcode) {
      const full = [...lines, postcode, country].filter(Boolean).join(', ');
      const aid = makeId(ctx.dataset, gid, 'address', full);
      addresses.get('Address', aid, (a) => {
        a.add('full', full)
          .add('street', lines[0])
          .add('street2', lines.slice(1, 5).filter(Boolean).join(', '))
          .add('city', lines[5])
          .add('postalCode', postcode);
        if (country) addCountry(a, 'country', country, 'Country');
      });
      b.add('address', full).add('addressEntity', aid);
    }

    const other = (c['Other Information'] ?? '').trim();
    b.add('notes', other);
    const regime = get('Regime');
    const s = sanctions.get('Sanction', makeId(ctx.dataset, gid, 'sanction', regime || 'ofsi'), (n) =>
      n
        .add('entity', id)
        .add('authority', OFSI)
        .add('country', 'gb')
        .add('program', regime)
        .add('authorityId', gid)
        .add('sourceUrl', CONLIST_URL),
    );
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
  return [b.build(), ...sanctions.build(), ...ids.entities(), ...addresses.build()];
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
export async function checkConList(file: string): Promise<void> {
  // Windows-1252 decodes any bytes: the encoding is decided when the file is read
  for await (const { row, line } of readCsvRows(file, { encoding: 'windows-1252' })) {
    if (conListLeadRow(row.map((v) => v.trim()), file, line) === 'header') return;
  }
  throw new SourceError(file, undefined, 'no header row');
}

export async function* readConList(file: string, ctx: ReadContext, progress: ByteProgress): AsyncGenerator<SourceRecord> {
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
  ctx.report.noteVersion(stated ?? maxUpdated);
  for (const [gid, rows] of groups) {
    ctx.report.records++;
    yield { key: gid, entities: buildGroup(gid, rows, file, ctx) };
  }
}
