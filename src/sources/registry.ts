import { UsageError } from './errors.js';
import type { SourceReader } from './types.js';
import { ftmReader } from './ftm.js';

/** Every format `sanctrace ingest` reads, by its CLI name. */
const READERS: SourceReader[] = [ftmReader];

export function readerFor(format: string): SourceReader {
  const reader = READERS.find((r) => r.format === format);
  if (!reader) throw new UsageError(`unknown format "${format}"; known formats: ${formats().join(', ')}`);
  return reader;
}

export function formats(): string[] {
  return READERS.map((r) => r.format);
}
