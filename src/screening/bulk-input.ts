import { toIso2 } from '../model/countries.js';
import { parseDate } from '../model/dates.js';
import { getSchema, hasSchema, propertyType } from '../model/ftm.js';
import type { ScreeningQuery } from './types.js';

/**
 * What a screening input may hold: the checks shared by bulk screening (one CSV row per query)
 * and the HTTP API (yente-style example entities). Bad input gets a clear reason; the caller
 * reports it (bulk: by line number; API: 400) and never drops it silently.
 */

export const MAX_NAME_LENGTH = 1000;
export const MAX_VALUE_LENGTH = 1000;

export const REQUIRED_COLUMNS = ['id', 'name'] as const;
export const OPTIONAL_COLUMNS = ['schema', 'country', 'birth_date', 'identifier'] as const;
export type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** The input's header lacks required columns, or repeats one. */
export class InputHeaderError extends Error {
  override name = 'InputHeaderError';
  constructor(
    message: string,
    readonly missing: string[],
  ) {
    super(message);
  }
}

export interface Header {
  /** column → position in the row */
  index: Partial<Record<Column, number>>;
  /** columns of the file that are not read */
  ignored: string[];
  width: number;
}

/** Reads the header row: `id,name` required, `schema,country,birth_date,identifier` optional (any order, any case). */
export function checkHeader(cells: string[]): Header {
  const names = cells.map((c) => c.replace(/^\uFEFF/, '').trim().toLowerCase());
  const known = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
  const index: Header['index'] = {};
  const ignored: string[] = [];
  names.forEach((name, i) => {
    if (!known.has(name)) {
      ignored.push(cells[i]!);
      return;
    }
    if (index[name as Column] !== undefined) {
      throw new InputHeaderError(`the header names the column "${name}" twice`, []);
    }
    index[name as Column] = i;
  });
  const missing = REQUIRED_COLUMNS.filter((c) => index[c] === undefined);
  if (missing.length) {
    throw new InputHeaderError(
      `the header lacks the required column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(' and ')} ` +
        `(found: ${cells.length ? cells.map((c) => `"${c}"`).join(', ') : 'nothing'}; expected id,name and optionally ${OPTIONAL_COLUMNS.join(',')})`,
      missing,
    );
  }
  return { index, ignored, width: cells.length };
}

/** C0 and C1 control characters other than tab, line feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Tabs and line breaks inside a value count as spaces; runs of spaces collapse. */
export function tidy(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Why a value cannot be used (control characters, too long), or undefined. */
export function valueProblem(value: string, what: string, max = MAX_VALUE_LENGTH): string | undefined {
  const bad = CONTROL.exec(value);
  if (bad) return `control character ${codePoint(bad[0])} in ${what}`;
  const length = [...value].length;
  if (length > max) return `${what} of ${length.toLocaleString('en-US')} characters is longer than the limit of ${max.toLocaleString('en-US')}`;
  return undefined;
}

/** Why a name cannot be screened (empty, one character, too long, control characters), or undefined. */
export function nameProblem(raw: string, what = 'name'): string | undefined {
  const problem = valueProblem(raw, what, MAX_NAME_LENGTH);
  if (problem) return problem;
  const name = tidy(raw);
  if (!name) return `empty ${what}`;
  if ([...name].length < 2) return `${what} of one character ("${name}") cannot be screened`;
  return undefined;
}

/** A schema that screening accepts: a known FtM schema whose entities can be matched. */
export function schemaProblem(schema: string): string | undefined {
  if (!hasSchema(schema)) return `unknown schema "${schema}"`;
  if (!getSchema(schema).matchable) return `schema "${schema}" cannot be screened (it is not matchable)`;
  return undefined;
}

function hasProperty(schema: string, prop: string): boolean {
  return propertyType(schema, prop) !== undefined;
}

export interface InputRow {
  id: string;
  name: string;
  schema?: string;
  country?: string;
  birth_date?: string;
  identifier?: string;
}

export type RowOutcome = { query: ScreeningQuery } | { error: string };

/**
 * One input row as a query: `name` → name; `country` → country (ISO code or name); `birth_date` →
 * birthDate (Person) or incorporationDate (organisations); `identifier` → idNumber (Person) or
 * registrationNumber. Without a schema: Person when a birth date is given, else LegalEntity.
 */
export function rowToQuery(row: InputRow): RowOutcome {
  for (const [column, value] of Object.entries(row)) {
    if (value === undefined || column === 'name') continue;
    const problem = valueProblem(value, column);
    if (problem) return { error: problem };
  }
  const problem = nameProblem(row.name);
  if (problem) return { error: problem };
  const birth = row.birth_date?.trim() || undefined;
  const schema = row.schema?.trim() || (birth ? 'Person' : 'LegalEntity');
  const bad = schemaProblem(schema);
  if (bad) return { error: bad };
  if (!hasProperty(schema, 'name')) return { error: `schema "${schema}" has no names to screen` };
  const properties: Record<string, string[]> = { name: [tidy(row.name)] };

  const country = row.country?.trim();
  if (country) {
    const iso = toIso2(country);
    if (!iso) return { error: `unknown country "${country}" (expected an ISO code or a country name)` };
    if (hasProperty(schema, 'country')) properties['country'] = [iso.toLowerCase()];
  }
  if (birth) {
    const date = parseDate(birth);
    if (!date) return { error: `invalid birth_date "${birth}" (expected a date such as 1970-01-31, 1970-01 or 1970)` };
    const prop = schema === 'Person' || hasProperty(schema, 'birthDate') ? 'birthDate' : 'incorporationDate';
    if (!hasProperty(schema, prop)) return { error: `birth_date given for a ${schema}, which has no date of birth or incorporation` };
    properties[prop] = [date];
  }
  const identifier = row.identifier ? tidy(row.identifier) : '';
  if (identifier) {
    const order = hasProperty(schema, 'birthDate') ? ['idNumber', 'registrationNumber'] : ['registrationNumber', 'idNumber'];
    const prop = order.find((p) => hasProperty(schema, p));
    if (!prop) return { error: `identifier given for a ${schema}, which has no identifier property` };
    properties[prop] = [identifier];
  }
  return { query: { schema, properties } };
}
