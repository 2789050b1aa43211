import { SourceError } from '../errors.js';
import { readText, type ByteProgress } from '../files.js';

/** One JSON object of a file, with where it is (for messages): the line "12" (JSON lines) or "item 3" (an array). */
export interface JsonDoc {
  value: Record<string, unknown>;
  where: string;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function parseError(file: string, text: string, e: Error, baseLine = 1): SourceError {
  const pos = /position (\d+)/.exec(e.message);
  const line = pos ? baseLine - 1 + lineOf(text, Number(pos[1])) : baseLine;
  return new SourceError(file, String(line), `malformed JSON: ${e.message.replace(/ in JSON at position \d+.*$/, '')}`);
}

/**
 * The objects of a JSON file that is either one array of objects (BODS packages, the Companies
 * House fixtures) or JSON lines (one object per line, as bulk snapshots come). `what` names the
 * format for errors.
 */
export async function* readJsonDocs(file: string, what: string, progress?: ByteProgress): AsyncGenerator<JsonDoc> {
  let text = '';
  for await (const chunk of readText(file, { progress })) text += chunk;
  const start = text.search(/\S/);
  if (start < 0) throw new SourceError(file, undefined, 'the file is empty');
  if (text[start] === '[') {
    let arr: unknown;
    try {
      arr = JSON.parse(text);
    } catch (e) {
      throw parseError(file, text, e as Error);
    }
    if (!Array.isArray(arr)) throw new SourceError(file, undefined, `not ${what}: not a JSON array`);
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i];
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SourceError(file, `item ${i + 1}`, `not ${what}: not a JSON object`);
      yield { value: v as Record<string, unknown>, where: `item ${i + 1}` };
    }
    return;
  }
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (!t) continue;
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch (e) {
      throw parseError(file, t, e as Error, i + 1);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SourceError(file, String(i + 1), `not ${what}: not a JSON object`);
    yield { value: v as Record<string, unknown>, where: String(i + 1) };
  }
}

/** A string field, trimmed, or undefined. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t ? t : undefined;
}

export function obj(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
