import { hasSchema, getSchema } from '../model/ftm.js';
import type { FtmEntity } from '../model/entity.js';
import { parseDate } from '../model/dates.js';
import { extensionProperty } from '../model/extensions.js';
import { SourceError } from './errors.js';
import { ByteProgress, expandInputs, readText } from './files.js';
import type { ReadContext, SourceReader, SourceRecord } from './types.js';

/** Splits a text stream into lines with their numbers. */
async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<{ text: string; line: number }> {
  let buf = '';
  let line = 0;
  for await (const chunk of chunks) {
    buf += chunk;
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      yield { text: buf.slice(0, i), line: ++line };
      buf = buf.slice(i + 1);
    }
  }
  if (buf) yield { text: buf, line: ++line };
}

function parseEntity(text: string, file: string, line: number): FtmEntity {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    throw new SourceError(file, String(line), `not a JSON object (${(e as Error).message})`);
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw new SourceError(file, String(line), 'not a JSON object');
  }
  const o = obj as Record<string, unknown>;
  if (typeof o['id'] !== 'string' || !o['id']) throw new SourceError(file, String(line), 'entity has no "id"');
  if (typeof o['schema'] !== 'string') throw new SourceError(file, String(line), `entity ${o['id']} has no "schema"`);
  if (!hasSchema(o['schema'])) throw new SourceError(file, String(line), `entity ${o['id']}: unknown FtM schema "${o['schema']}"`);
  const props = o['properties'] ?? {};
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    throw new SourceError(file, String(line), `entity ${o['id']}: "properties" is not an object`);
  }
  const extensions = o['extensions'] ?? {};
  if (typeof extensions !== 'object' || extensions === null || Array.isArray(extensions)) {
    throw new SourceError(file, String(line), `entity ${o['id']}: "extensions" is not an object`);
  }
  const properties: Record<string, string[]> = {};
  for (const [k, v] of [...Object.entries(props as Record<string, unknown>), ...Object.entries(extensions as Record<string, unknown>)]) {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      throw new SourceError(file, String(line), `entity ${o['id']}: property "${k}" is not a list of strings`);
    }
    if (v.length) properties[k] = [...new Set([...(properties[k] ?? []), ...(v as string[])])];
  }
  const changed = [o['last_change'], o['last_seen']].find((v): v is string => typeof v === 'string');
  return { id: o['id'], schema: o['schema'], properties, ...(changed ? { last_change: changed } : {}) };
}

/**
 * FollowTheMoney entity JSON lines (OpenSanctions, Aleph, sanctrace exports), loaded as they are:
 * ids, schemata and values unchanged. Properties the pinned model does not know are kept and
 * reported.
 */
export const ftmReader: SourceReader = {
  format: 'ftm',
  title: 'FollowTheMoney entities (JSON lines)',
  publisher: 'as stated in the entities',
  async *read(inputs: string[], ctx: ReadContext): AsyncIterable<SourceRecord> {
    const files = await expandInputs(inputs, (f) => /\.(json|jsonl|ftm|ijson)(\.gz)?$/i.test(f));
    if (files.length === 0) throw new SourceError(inputs.join(', '), undefined, 'no .json / .jsonl files found');
    const progress = await ByteProgress.of(files, ctx);
    for (const file of files) {
      for await (const { text, line } of lines(readText(file, { progress }))) {
        if (!text.trim()) continue;
        const entity = parseEntity(text, file, line);
        const known = getSchema(entity.schema).getProperties();
        for (const prop of Object.keys(entity.properties)) {
          if (!known.has(prop) && !extensionProperty(entity.schema, prop)) ctx.report.skip(`property "${prop}" is not in the pinned FtM model (${entity.schema}); kept as is`, `${file}:${line}`);
        }
        ctx.report.records++;
        // an export's newest change date is the version it represents
        const { last_change: changed, ...clean } = entity;
        const day = typeof changed === 'string' ? parseDate(changed) : undefined;
        ctx.report.noteVersion(day);
        yield { key: entity.id, entities: [clean as FtmEntity] };
      }
    }
  },
};
