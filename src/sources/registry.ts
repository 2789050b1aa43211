import { UsageError } from './errors.js';
import type { SourceReader } from './types.js';
import { ftmReader } from './ftm.js';
import { ofacCsvReader } from './ofac.js';
import { unXmlReader } from './un.js';
import { euCsvReader } from './eu-csv.js';
import { euXmlReader } from './eu-xml.js';
import { ukCsvReader } from './uk/index.js';
import { cslCsvReader } from './csl.js';
import { mappingReader } from './mapping/index.js';
import { bodsReader } from './ownership/bods.js';
import { gleifReader } from './ownership/gleif.js';
import { pscReader } from './ownership/psc.js';

/** Every format `sanctrace ingest` reads, by its CLI name. */
const READERS: SourceReader[] = [ofacCsvReader, unXmlReader, euCsvReader, euXmlReader, ukCsvReader, cslCsvReader, ftmReader, mappingReader, bodsReader, gleifReader, pscReader];

export function readerFor(format: string): SourceReader {
  const reader = READERS.find((r) => r.format === format);
  if (!reader) throw new UsageError(`unknown format "${format}"; known formats: ${formats().join(', ')}`);
  return reader;
}

export function formats(): string[] {
  return READERS.map((r) => r.format);
}
