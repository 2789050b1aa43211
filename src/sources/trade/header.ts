/** The header of a CSV trade table (plain or gzipped): its columns, delimiter and first data row. */
import { parse } from 'csv-parse/sync';
import { SourceError } from '../errors.js';
import { readText } from '../files.js';

export interface CsvHead {
  columns: string[];
  delimiter: string;
  /** the first data row by column name, if any */
  first: Record<string, string> | undefined;
}

const DELIMITERS = [',', ';', '\t', '|'];

/** Counts a character outside double quotes. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

export async function readHead(file: string): Promise<CsvHead> {
  let text = '';
  for await (const chunk of readText(file)) {
    text += chunk;
    if (text.split('\n').length > 2 || text.length > 1 << 20) break;
  }
  const lines = text.split(/\r?\n/);
  const header = lines[0] ?? '';
  if (!header.trim()) throw new SourceError(file, '1', 'no header line');
  const delimiter = DELIMITERS.map((d) => [d, countOutsideQuotes(header, d)] as const).sort((a, b) => b[1] - a[1])[0]![0];
  let headerCells: string[];
  try {
    headerCells = (parse(header, { delimiter, relax_column_count: true, bom: true }) as string[][])[0] ?? [];
  } catch (e) {
    throw new SourceError(file, '1', `the header cannot be read as CSV (${(e as Error).message})`);
  }
  // The first data row (a hint only, e.g. for the version): it may be cut off or span lines.
  let firstRow: string[] | undefined;
  try {
    firstRow = (parse(text, { delimiter, relax_column_count: true, bom: true, to: 2 }) as string[][])[1];
  } catch {
    firstRow = undefined;
  }
  const columns = headerCells.map((c) => c.trim());
  const first = firstRow ? Object.fromEntries(columns.map((c, i) => [c, firstRow[i] ?? ''])) : undefined;
  return { columns, delimiter, first };
}

/** A column name compared loosely: lower case, letters and digits only ("Trade Value (US$)" → "tradevalueus"). */
export const looseName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The header's name for the first of the candidates it has (compared loosely), or undefined. */
export function findColumn(columns: string[], ...candidates: string[]): string | undefined {
  for (const c of candidates) {
    const found = columns.find((col) => looseName(col) === looseName(c));
    if (found) return found;
  }
  return undefined;
}

/** Like findColumn, but the column must be there. */
export function needColumn(file: string, columns: string[], what: string, ...candidates: string[]): string {
  const found = findColumn(columns, ...candidates);
  if (!found) throw new SourceError(file, '1', `no ${what} column (expected ${candidates.join(' or ')}); the header has: ${columns.join(', ')}`);
  return found;
}
