import { Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { SourceError } from './errors.js';
import { readText, type ByteProgress, type TextEncoding } from './files.js';

export interface CsvRow<T> {
  row: T;
  /** line number of the row's first line in the file */
  line: number;
}

export interface CsvOptions {
  encoding?: TextEncoding;
  progress?: ByteProgress;
  delimiter?: string;
  /** csv-parse's relax_quotes: tolerate stray quotes inside unquoted fields */
  relaxQuotes?: boolean;
}

/** Streams the rows of a CSV file as arrays of strings, each with its line number. */
export async function* readCsvRows(file: string, opts: CsvOptions = {}): AsyncGenerator<CsvRow<string[]>> {
  // Line numbers come from each record's raw text (csv-parse's `info` option costs more than the parse).
  const options: Options = {
    delimiter: opts.delimiter ?? ',',
    relax_column_count: true,
    relax_quotes: opts.relaxQuotes ?? false,
    raw: true,
  };
  const parser = parse(options);
  const source = Readable.from(readText(file, { encoding: opts.encoding, progress: opts.progress }));
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  let line = 1;
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const start = line;
      // raw ends with the record delimiter, or part of it ("\r" of "\r\n"): one line, plus any
      // newlines inside quoted fields
      const raw = rec.raw;
      const body = raw.endsWith('\n') || raw.endsWith('\r') ? raw.length - 1 : raw.length;
      line++;
      for (let i = raw.indexOf('\n'); i >= 0 && i < body; i = raw.indexOf('\n', i + 1)) line++;
      if (rec.record.length === 1 && rec.record[0] === '') continue; // empty line
      yield { row: rec.record, line: start };
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    const err = e as Error & { code?: string };
    // `line` is where the record being parsed starts
    throw new SourceError(file, String(line), CSV_ERRORS[err.code ?? ''] ?? `malformed CSV: ${err.message}`);
  }
}

/** csv-parse's error codes in the words of someone looking at the file. */
const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'truncated CSV: the file ends inside a quoted field',
  INVALID_OPENING_QUOTE: 'malformed CSV: a quote inside an unquoted field',
  CSV_INVALID_CLOSING_QUOTE: 'malformed CSV: text after a closing quote',
};

export interface CsvObjectOptions extends CsvOptions {
  /** what the file should be, for the error when columns are missing: "a Consolidated Screening List CSV" */
  what?: string;
  /** skip data rows that repeat the header (files concatenated with their headers) */
  skipRepeatedHeader?: boolean;
  /** every row exactly as wide as the header: no empty fields beyond it either */
  exactWidth?: boolean;
}

/**
 * Streams a CSV with a header row as objects keyed by column name. Checks the header (the required
 * columns, which may depend on the header, are present; no column twice) and that every row is as
 * wide as the header (empty fields beyond it are tolerated unless `exactWidth`).
 */
export async function* readCsvObjects(
  file: string,
  required: string[] | ((header: string[]) => string[]),
  opts: CsvObjectOptions = {},
): AsyncGenerator<CsvRow<Record<string, string>>> {
  let header: string[] | undefined;
  for await (const { row, line } of readCsvRows(file, opts)) {
    if (!header) {
      header = row.map((h) => h.trim());
      checkHeader(file, header, typeof required === 'function' ? required(header) : required, opts.what);
      continue;
    }
    if (opts.skipRepeatedHeader && row.length === header.length && row.every((v, i) => v.trim() === header![i])) continue;
    const obj: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) obj[header[i]!] = row[i] ?? '';
    if (row.length > header.length && (opts.exactWidth || row.slice(header.length).some((v) => v.trim() !== ''))) {
      throw new SourceError(file, String(line), `row has ${row.length} fields, the header has ${header.length}`);
    }
    if (row.length < header.length) {
      throw new SourceError(file, String(line), `row has ${row.length} fields, the header has ${header.length} (truncated?)`);
    }
    yield { row: obj, line };
  }
  if (!header) throw new SourceError(file, undefined, 'no header row');
}

function checkHeader(file: string, header: string[], required: string[], what: string | undefined): void {
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) {
    const found = header.slice(0, 8).join(',') + (header.length > 8 ? ',…' : '');
    throw new SourceError(file, '1', `${what ? `not ${what}: ` : ''}missing column(s) ${missing.join(', ')} (header: ${found})`);
  }
  const twice = header.find((h, i) => header.indexOf(h) !== i);
  if (twice !== undefined) throw new SourceError(file, '1', `column "${twice}" appears twice in the header`);
}
