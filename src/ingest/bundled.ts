import path from 'node:path';
import { DATA_DIR } from '../model/paths.js';

/** The real lists shipped in data/lists (see data/SOURCES.md), as the demo loads them. */
export interface BundledList {
  dataset: string;
  format: string;
  /** paths relative to data/lists */
  paths: string[];
  title: string;
}

export const BUNDLED_LISTS: BundledList[] = [
  { dataset: 'us_ofac_sdn', format: 'ofac-csv', paths: ['ofac'], title: 'OFAC SDN list (2024-05-03, add/alt of Jan 2025)' },
  { dataset: 'us_ofac_cons', format: 'ofac-csv', paths: ['ofac_non_sdn'], title: 'OFAC consolidated non-SDN list' },
  { dataset: 'un_sc_sanctions', format: 'un-xml', paths: ['un'], title: 'UN Security Council consolidated list' },
  { dataset: 'eu_journal_sanctions', format: 'eu-csv', paths: ['eu'], title: 'EU Reg. 269/2014 and 833/2014 (Official Journal)' },
  { dataset: 'gb_fcdo_sanctions', format: 'uk-csv', paths: ['uk'], title: 'UK Sanctions List (FCDO)' },
  { dataset: 'us_trade_csl', format: 'csl-csv', paths: ['csl'], title: 'US Consolidated Screening List (sample)' },
  { dataset: 'opensanctions_zala', format: 'ftm', paths: ['ftm'], title: 'OpenSanctions FtM extract' },
];

/** What `ingest` needs to load a bundled list. */
export function bundledIngest(list: BundledList): { dataset: string; format: string; inputs: string[] } {
  return { dataset: list.dataset, format: list.format, inputs: list.paths.map((p) => path.join(DATA_DIR, 'lists', p)) };
}
