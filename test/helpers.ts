import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DATA_DIR } from '../src/model/paths.js';

export const LISTS = path.join(DATA_DIR, 'lists');

export function tempDir(prefix = 'sanctrace-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Text of a bundled (possibly gzipped) data file, read independently of the readers. */
export function rawText(relativeToLists: string, encoding: BufferEncoding = 'utf8'): string {
  const buf = readFileSync(path.join(LISTS, relativeToLists));
  return (buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf).toString(encoding);
}

export function writeTemp(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}
