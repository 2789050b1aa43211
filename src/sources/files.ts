import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { parseDate } from '../model/dates.js';
import { SourceError } from './errors.js';
import type { ReadContext } from './types.js';

export type TextEncoding = 'utf-8' | 'windows-1252';

/** Expands files and folders (recursively, sorted) into the list of files, checking they exist. */
export async function expandInputs(inputs: string[], accept: (file: string) => boolean = () => true): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      throw new SourceError(input, undefined, 'no such file or folder');
    }
    if (info.isDirectory()) {
      const entries = (await readdir(input, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
        .filter(accept)
        .sort();
      out.push(...entries);
    } else {
      out.push(input);
    }
  }
  return out;
}

/** The files of the inputs that end in .<extension> (or .<extension>.gz); none at all is an error. */
export async function expandInputsOfType(inputs: string[], extension: string): Promise<string[]> {
  const suffix = new RegExp(`\\.${extension}(\\.gz)?$`, 'i');
  const files = await expandInputs(inputs, (f) => suffix.test(f));
  if (files.length === 0) throw new SourceError(inputs.join(', '), undefined, `no .${extension} files found`);
  return files;
}

/** A YYYYMMDD or YYYY-MM-DD date in a file name (csl_20231130.csv, sdn_2024-05-03.csv.gz), as ISO. */
export function dateInFileName(file: string): string | undefined {
  const m = /(?:^|\D)((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?:\D|$)/.exec(path.basename(file));
  return m ? parseDate(`${m[1]}-${m[2]}-${m[3]}`) : undefined;
}

/** The file name without a .gz suffix, lower-cased: what readers look at to tell files apart. */
export function baseName(file: string): string {
  return path.basename(file).toLowerCase().replace(/\.gz$/, '');
}

async function isGzip(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/** Tracks bytes read across all files of one read, for a progress bar. */
export class ByteProgress {
  private done = 0;
  constructor(
    readonly total: number,
    private readonly ctx?: ReadContext,
  ) {}
  static async of(files: string[], ctx?: ReadContext): Promise<ByteProgress> {
    let total = 0;
    for (const f of files) {
      const s = await stat(f);
      total += s.size;
      ctx?.report.files.push({ path: f, bytes: s.size });
    }
    return new ByteProgress(total, ctx);
  }
  add(bytes: number): void {
    this.done += bytes;
    this.ctx?.progress?.(this.done, this.total);
  }
}

/** Index of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    const avail = Math.min(need, buf.length - 1 - i);
    for (let k = 1; k <= avail; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    if (avail < need) return -1; // incomplete tail: the next chunk decides
    i += need + 1;
  }
  return -1;
}

/**
 * Streams a file's text, gunzipping transparently (by magic bytes, not by name), decoding strictly
 * (invalid UTF-8 is an error naming the line), dropping a leading BOM and a trailing DOS end-of-file
 * mark (0x1A, as OFAC's legacy CSVs end).
 */
export async function* readText(
  file: string,
  opts: { encoding?: TextEncoding; progress?: ByteProgress } = {},
): AsyncGenerator<string> {
  const encoding = opts.encoding ?? 'utf-8';
  const gz = await isGzip(file);
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream = gz ? raw.pipe(createGunzip()) : raw;
  raw.on('data', (chunk) => opts.progress?.add(chunk.length));
  if (gz) raw.on('error', (e) => stream.destroy(e));
  const decoder = new TextDecoder(encoding, { fatal: true });
  let line = 1;
  let first = true;
  let pendingCtrlZ = false;
  let anyBytes = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (chunk.length) anyBytes = true;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const at = encoding === 'utf-8' ? firstInvalidUtf8(chunk) : 0;
        const lineInChunk = chunk.subarray(0, Math.max(at, 0)).reduce((n, b) => n + (b === 10 ? 1 : 0), 0);
        throw new SourceError(file, `${line + lineInChunk}`, `invalid ${encoding} text (byte 0x${chunk[Math.max(at, 0)]?.toString(16)})`);
      }
      if (first && text.length) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      if (pendingCtrlZ) text = '\u001a' + text;
      pendingCtrlZ = text.endsWith('\u001a');
      if (pendingCtrlZ) text = text.slice(0, -1);
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line++;
      if (text) yield text;
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  } catch (e) {
    if (e instanceof SourceError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'Z_BUF_ERROR' || err.code === 'Z_DATA_ERROR' || /unexpected end/i.test(err.message)) {
      throw new SourceError(file, undefined, `corrupt or truncated gzip data (${err.message})`);
    }
    throw new SourceError(file, undefined, err.message);
  }
  if (!anyBytes) throw new SourceError(file, undefined, 'the file is empty');
}
