import type { FtmEntity } from '../model/entity.js';
import type { ReadReport } from './report.js';

/** One entry of a source file (a list entry, a subject, a row) and the FtM entities it yields. */
export interface SourceRecord {
  /** the source's own key for the entry (OFAC ent_num, UN reference number…) */
  key: string;
  entities: FtmEntity[];
}

export interface ReadContext {
  /** dataset name: the id namespace of every entity the reader makes */
  dataset: string;
  report: ReadReport;
  /** bytes of input consumed so far, of all bytes (compressed sizes where gzipped) */
  progress?: (done: number, total: number) => void;
}

export interface SourceReader {
  /** CLI name of the format: ofac-csv, un-xml, eu-csv, eu-xml, uk-csv, csl-csv, ftm */
  format: string;
  title: string;
  /** Default publisher/authority, shown in `datasets` and the reports. */
  publisher: string;
  /** Streams the records of the given files or folders. Throws SourceError on bad input. */
  read(inputs: string[], ctx: ReadContext): AsyncIterable<SourceRecord>;
}
