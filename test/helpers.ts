import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect } from 'vitest';
import type { FtmEntity } from '../src/model/entity.js';
import { DATA_DIR } from '../src/model/paths.js';
import { SourceError } from '../src/sources/errors.js';
import { ReadReport } from '../src/sources/report.js';
import type { SourceReader, SourceRecord } from '../src/sources/types.js';

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

/** A file of this name and content in a fresh temporary folder. */
export function tempFile(name: string, content: string | Buffer): string {
  return writeTemp(tempDir(), name, content);
}

/** Every record a reader yields for the inputs, with its report. */
export async function readAll(reader: SourceReader, inputs: string[]): Promise<{ records: SourceRecord[]; report: ReadReport }> {
  const report = new ReadReport();
  const records: SourceRecord[] = [];
  for await (const r of reader.read(inputs, { dataset: 'test', report })) records.push(r);
  return { records, report };
}

/** The SourceError reading the inputs ends with; fails the test if reading succeeds or fails otherwise. */
export async function readError(reader: SourceReader, inputs: string[]): Promise<SourceError> {
  try {
    await readAll(reader, inputs);
  } catch (e) {
    expect(e).toBeInstanceOf(SourceError);
    return e as SourceError;
  }
  throw new Error(`reading ${inputs.join(', ')} did not fail`);
}

/** The values of a property, none if the entity or property is missing. */
export function props(e: FtmEntity | undefined, prop: string): string[] {
  return e?.properties[prop] ?? [];
}

/** The main entity of a record: readers yield it first. */
export function mainEntity(r: SourceRecord): FtmEntity {
  return r.entities[0]!;
}

export function ofSchema(r: SourceRecord, schema: string): FtmEntity[] {
  return r.entities.filter((e) => e.schema === schema);
}

/** Looks records up by key, in the list `records()` returns when called (e.g. filled in a beforeAll). */
export function finder(records: () => SourceRecord[]) {
  const byKey = (key: string): SourceRecord => {
    const r = records().find((x) => x.key === key);
    if (!r) throw new Error(`no record ${key}`);
    return r;
  };
  return {
    byKey,
    main: (key: string): FtmEntity => mainEntity(byKey(key)),
    of: (key: string, schema: string): FtmEntity[] => ofSchema(byKey(key), schema),
  };
}
