import type { Command } from 'commander';
import { neighbours, type NeighbourAnswer } from '../network/neighbours.js';
import { edgeTypes, hsPrefixes, timeFilter, wholeNumber } from '../network/query-input.js';
import type { NetworkService } from '../network/service.js';
import type { Store } from '../store/store.js';
import { printJson } from './output.js';
import { asCliErrors, formatOption, networkService, note, type ServiceFactory, type StoreRunner } from './trace.js';

export interface NeighbourFlags {
  edges?: string;
  at?: string;
  window?: string;
  hs?: string;
  limit?: string;
  format: string;
}

export async function neighboursCommand(store: Store, id: string, flags: NeighbourFlags, service: NetworkService = networkService(store)): Promise<NeighbourAnswer> {
  return asCliErrors(async () => {
    const query = { id, types: edgeTypes(flags.edges), time: timeFilter(flags.at, flags.window), hs: hsPrefixes(flags.hs), limit: wholeNumber('--limit', flags.limit) };
    note('sanctrace: reading the network (built from the store, or its cache)…');
    const net = await service.network();
    const answer = neighbours(net, query);
    if (flags.format === 'json') printJson(answer);
    else process.stdout.write(renderNeighbours(answer));
    return answer;
  });
}

export function renderNeighbours(a: NeighbourAnswer): string {
  const out: string[] = [];
  const n = a.node;
  out.push(`${n.caption} (${n.schema}${n.countries.length ? `, ${n.countries.join('/').toUpperCase()}` : ''}; ${n.id})${n.sanctioned ? ' — SANCTIONED' : ''}`);
  out.push(`${a.filter}:`);
  for (const [type, c] of Object.entries(a.counts).sort((x, y) => x[0].localeCompare(y[0]))) {
    out.push(`  ${type}: ${c.admitted} of ${c.total} link${c.total === 1 ? '' : 's'}${c.shown < c.admitted ? ` (${c.shown} neighbours shown)` : ''}`);
    for (const e of a.edges.filter((x) => x.type === type)) out.push(`    ${e.text}`);
  }
  for (const x of a.notes) out.push(`Note: ${x}`);
  return out.join('\n') + '\n';
}

export function registerNeighboursCommand(program: Command, withStore: StoreRunner, service: ServiceFactory = (s) => networkService(s)): void {
  program
    .command('neighbours')
    .description("an entity's links by type, filtered by type and date, with counts for hubs")
    .argument('<id>', 'the entity')
    .option('--edges <types>', 'only these link types, comma-separated')
    .option('--at <date>', 'only links valid on this day (YYYY-MM-DD)')
    .option('--window <from..to>', 'only links valid at some time in this window')
    .option('--hs <codes>', 'shipments of these HS code prefixes only')
    .option('--limit <n>', 'neighbours shown per link type (1-1000)', '50')
    .addOption(formatOption())
    .action(async (id: string, flags: NeighbourFlags) => {
      await withStore((store) => neighboursCommand(store, id, flags, service(store)));
    });
}
