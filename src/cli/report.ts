import { writeFileSync } from 'node:fs';
import type { Store } from '../store/store.js';
import { UsageError } from '../sources/errors.js';
import { StoreError } from '../store/store.js';
import { buildCaseFile, caseFileHtml, caseFileMarkdown, UnknownEntityError } from '../report/case-file.js';
import { detectHubs } from '../trade/hubs.js';
import { parseGoods } from '../trade/goods.js';
import { networkService } from './trace.js';

export interface ReportFlags {
  format: 'md' | 'html';
  output?: string;
}

/** `sanctrace report ID`: the case file of an entity as Markdown or printable HTML. */
export async function reportCommand(store: Store, id: string, flags: ReportFlags, dbPath?: string): Promise<void> {
  if (flags.format !== 'md' && flags.format !== 'html') throw new UsageError(`--format must be md or html, not "${flags.format}"`);
  const trade = (await store.datasets()).some((d) => (d as { kind?: string }).kind === 'trade');
  const hubs = trade ? (await detectHubs(store, { goods: parseGoods('chpl') })).countries : undefined;
  let file;
  try {
    file = await buildCaseFile(store, id, { network: networkService(store, { dbPath: dbPath ? () => dbPath : undefined }), hubs });
  } catch (e) {
    if (e instanceof UnknownEntityError) throw new StoreError(e.message);
    throw e;
  }
  const text = flags.format === 'html' ? caseFileHtml(file) : caseFileMarkdown(file);
  if (flags.output) writeFileSync(flags.output, text);
  else process.stdout.write(text);
}
