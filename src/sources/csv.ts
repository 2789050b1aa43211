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
  const options: Options = {
    delimiter: opts.delimiter ?? ',',
    relax_column_count: true,
    relax_quotes: opts.relaxQuotes ?? false,
    skip_empty_lines: true,
    info: true,
    raw: true,
  };
  const parser = parse(options);
  const source = Readable.from(readText(file, { encoding: opts.encoding, progress: opts.progress }));
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; raw: string; info: { lines: number } }>) {
      // info.lines is the record's last line; a quoted field may span several
      const extra = rec.raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0;
      yield { row: rec.record, line: rec.info.lines - extra };
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    const err = e as Error & { lines?: number; code?: string };
    throw new SourceError(file, err.lines ? String(err.lines) : undefined, `malformed CSV: ${err.message}`);
  }
}

/**
 * Streams a CSV with a header row as objects keyed by column name. Checks that the required
 * columns are present (the error names the missing ones).
 */
export async function* readCsvObjects(
  file: string,
  required: string[],
  opts: CsvOptions & { skipRepeatedHeader?: boolean } = {},
): AsyncGenerator<CsvRow<Record<string, string>>> {
  let header: string[] | undefined;
  for await (const { row, line } of readCsvRows(file, opts)) {
    if (!header) {
      header = row.map((h) => h.trim());
      const missing = required.filter((c) => !header!.includes(c));
      if (missing.length) {
        throw new SourceError(file, '1', `missing column(s) ${missing.join(', ')}; found ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''}`);
      }
      continue;
    }
    if (opts.skipRepeatedHeader && row.every((v, i) => v.trim() === header![i])) continue;
    const obj: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) obj[header[i]!] = row[i] ?? '';
    if (row.length > header.length && row.slice(header.length).some((v) => v.trim() !== '')) {
      throw new SourceError(file, String(line), `row has ${row.length} fields, the header has ${header.length}`);
    }
    if (row.length < header.length) {
      throw new SourceError(file, String(line), `row has ${row.length} fields, the header has ${header.length} (truncated?)`);
    }
    yield { row: obj, line };
  }
  if (!header) throw new SourceError(file, undefined, 'no header row');
}
