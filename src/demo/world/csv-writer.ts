import { createWriteStream, type WriteStream } from 'node:fs';

/** A CSV cell: quoted when it holds a comma, quote, or line break. */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes a CSV file row by row through a buffer, waiting for the stream to drain, so that files of
 * millions of rows never sit in memory. UTF-8 without BOM, `\n` line ends.
 */
export class CsvWriter {
  private readonly stream: WriteStream;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    readonly path: string,
    readonly columns: readonly string[],
  ) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.buffer.push(columns.join(',') + '\n');
  }

  async row(values: ReadonlyArray<string | number | undefined | null>): Promise<void> {
    if (values.length !== this.columns.length) throw new Error(`${this.path}: row of ${values.length} cells for ${this.columns.length} columns`);
    const line = values.map(csvCell).join(',') + '\n';
    this.buffer.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(resolve);
    });
  }
}
