import path from 'node:path';
import { readCsvRows } from '../csv.js';
import { SourceError } from '../errors.js';
import { readText, type ByteProgress } from '../files.js';
import type { CsvSettings, Row } from './spec.js';

export type DataKind = 'csv' | 'jsonl';

const CSV_FILE = /\.(csv|tsv|txt)(\.gz)?$/i;
const JSONL_FILE = /\.(jsonl|ndjson|json)(\.gz)?$/i;

export function dataKind(file: string): DataKind | undefined {
  return CSV_FILE.test(file) ? 'csv' : JSONL_FILE.test(file) ? 'jsonl' : undefined;
}

/** A row read from a data file, or a row that cannot be read as one (a bad row, counted). */
export type DataRow = { line: number; row: Row; problem?: undefined } | { line: number; row?: undefined; problem: string };

export interface RowSource {
  /** the file's columns (CSV header) if it has a header, for the missing-column check */
  header?: string[];
  rows: AsyncGenerator<DataRow>;
}

class CsvRow implements Row {
  constructor(
    private readonly index: Map<string, number>,
    private readonly values: string[],
    private readonly nulls: Set<string>,
  ) {}
  get(column: string): string[] {
    const i = this.index.get(column);
    const v = i === undefined ? undefined : this.values[i]?.trim();
    return v === undefined || this.nulls.has(v) ? [] : [v];
  }
}

function scalarValues(v: unknown, out: string[], nulls: Set<string>): void {
  if (v === null || v === undefined) return;
  if (Array.isArray(v)) {
    for (const x of v) scalarValues(x, out, nulls);
    return;
  }
  const s = (typeof v === 'object' ? JSON.stringify(v) : String(v)).trim();
  if (!nulls.has(s)) out.push(s);
}

/** A JSON value at a key, or at a dotted path through nested objects. */
export function lookup(obj: Record<string, unknown>, column: string): unknown {
  if (column in obj) return obj[column];
  if (!column.includes('.')) return undefined;
  let cur: unknown = obj;
  for (const part of column.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

class JsonRow implements Row {
  constructor(
    private readonly obj: Record<string, unknown>,
    private readonly nulls: Set<string>,
  ) {}
  get(column: string): string[] {
    const out: string[] = [];
    scalarValues(lookup(this.obj, column), out, this.nulls);
    return out;
  }
  has(column: string): boolean {
    return lookup(this.obj, column) !== undefined;
  }
}

async function* csvRows(file: string, csv: CsvSettings, nulls: Set<string>, progress: ByteProgress | undefined, headerOut: { header?: string[] }): AsyncGenerator<DataRow> {
  const delimiter = csv.delimiter ?? (/\.tsv(\.gz)?$/i.test(file) ? '\t' : ',');
  let index: Map<string, number> | undefined;
  let width = 0;
  for await (const { row, line } of readCsvRows(file, { delimiter, encoding: csv.encoding, progress })) {
    if (!index) {
      const header = row.map((h) => h.trim());
      const twice = header.find((h, i) => h !== '' && header.indexOf(h) !== i);
      if (twice !== undefined) throw new SourceError(file, '1', `column "${twice}" appears twice in the header`);
      index = new Map(header.map((h, i) => [h, i]));
      width = header.length;
      headerOut.header = header;
      yield { line, problem: 'header' };
      continue;
    }
    if (row.length !== width && !(row.length > width && row.slice(width).every((v) => v.trim() === ''))) {
      yield { line, problem: `row has ${row.length} fields, the header has ${width}` };
      continue;
    }
    yield { line, row: new CsvRow(index, row, nulls) };
  }
  if (!index) throw new SourceError(file, undefined, 'no header row');
}

async function* jsonlRows(file: string, nulls: Set<string>, progress: ByteProgress | undefined, seen: (row: JsonRow) => void): AsyncGenerator<DataRow> {
  let buf = '';
  let line = 0;
  const parseLine = (text: string, n: number): DataRow | undefined => {
    const t = text.trim();
    if (!t) return undefined;
    if (n === 1 && t === '[') throw new SourceError(file, '1', 'a JSON array; mappings read JSON lines (one object per line)');
    let obj: unknown;
    try {
      obj = JSON.parse(t);
    } catch (e) {
      return { line: n, problem: `not a JSON object (${(e as Error).message})` };
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      if (n === 1 && Array.isArray(obj)) throw new SourceError(file, '1', 'a JSON array; mappings read JSON lines (one object per line)');
      return { line: n, problem: 'not a JSON object' };
    }
    const row = new JsonRow(obj as Record<string, unknown>, nulls);
    seen(row);
    return { line: n, row };
  };
  for await (const chunk of readText(file, { progress })) {
    buf += chunk;
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const r = parseLine(buf.slice(0, i), ++line);
      buf = buf.slice(i + 1);
      if (r) yield r;
    }
  }
  const r = parseLine(buf, ++line);
  if (r) yield r;
}

/**
 * Rows of one data file. CSV: the header row comes first as a row with problem "header" (so the
 * caller can check columns before any data row). JSON lines: `columnsSeen` reports, at the end,
 * which of the asked columns occurred in at least one line.
 */
export function readRows(
  file: string,
  opts: { csv: CsvSettings; nulls: Set<string>; progress?: ByteProgress; columns: string[] },
): RowSource & { columnsSeen(): Set<string> } {
  const kind = dataKind(file);
  if (kind === 'csv') {
    const headerOut: { header?: string[] } = {};
    const source = {
      rows: csvRows(file, opts.csv, opts.nulls, opts.progress, headerOut),
      get header() {
        return headerOut.header;
      },
      columnsSeen: () => new Set(headerOut.header ?? []),
    };
    return source;
  }
  if (kind === 'jsonl') {
    const missing = new Set(opts.columns);
    return {
      rows: jsonlRows(file, opts.nulls, opts.progress, (row) => {
        for (const c of missing) if (row.has(c)) missing.delete(c);
      }),
      columnsSeen: () => new Set(opts.columns.filter((c) => !missing.has(c))),
    };
  }
  throw new SourceError(file, undefined, `not a data file a mapping reads (${path.extname(file) || 'no extension'}; expected .csv, .tsv, .jsonl or .ndjson)`);
}
