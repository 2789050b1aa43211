/** A trade-statistics format `sanctrace ingest` reads: from files to load plans the store executes. */
import type { TradeTableSpec } from '../../trade/flows.js';

export interface TradeFilePlan {
  specs: TradeTableSpec[];
  /** a date the source states about itself (Eurostat "dataset last updated"…), ISO */
  versionHint?: string;
}

export interface TradeFormat {
  /** CLI name: eurostat-cn8, comext, comtrade, baci */
  format: string;
  title: string;
  publisher: string;
  /** Recognises each file's layout by its header and describes how to read it. */
  plan(files: string[]): Promise<TradeFilePlan>;
}

/** Text meaning "no figure" in trade tables besides an empty cell: Eurostat ':', Comtrade 'NA'… */
export const MISSING = [':', 'NA', 'N/A', 'null', '..'];

/** Files in folders that look like tables. */
export const TABLE_FILE = /\.(csv|tsv|dat|txt)(\.gz)?$/i;
