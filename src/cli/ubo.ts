import type { Command } from 'commander';
import { today } from '../network/dates.js';
import { timeFilter, threshold } from '../network/query-input.js';
import type { NetworkService } from '../network/service.js';
import { formatShare } from '../network/shares.js';
import { ultimateOwners, type UboAnswer } from '../network/ubo.js';
import { UsageError } from '../sources/errors.js';
import type { Store } from '../store/store.js';
import { printJson } from './output.js';
import { asCliErrors, formatOption, networkService, note, type ServiceFactory, type StoreRunner } from './trace.js';

export interface UboFlags {
  threshold?: string;
  at?: string;
  chains?: string;
  format: string;
}

export async function uboCommand(store: Store, id: string, flags: UboFlags, service: NetworkService = networkService(store)): Promise<UboAnswer> {
  return asCliErrors(async () => {
    const time = timeFilter(flags.at);
    const chains = flags.chains === undefined ? undefined : Number(flags.chains);
    if (chains !== undefined && !(Number.isInteger(chains) && chains >= 1 && chains <= 100)) throw new UsageError(`--chains must be a whole number from 1 to 100, not "${flags.chains}"`);
    note('sanctrace: reading the network (built from the store, or its cache)…');
    const net = await service.network();
    const answer = ultimateOwners(net, { id, threshold: threshold(flags.threshold), at: time && 'at' in time ? time.at : today(), chainsPerOwner: chains });
    if (flags.format === 'json') printJson(answer);
    else process.stdout.write(renderUbo(answer));
    return answer;
  });
}

const pct = (r: { min: number; max: number }) => formatShare(r.min, r.max);

export function renderUbo(a: UboAnswer): string {
  const out: string[] = [];
  out.push(`Beneficial owners of ${a.entity.caption} (${a.entity.id}) on ${a.as_of}, threshold ${pct({ min: a.threshold, max: a.threshold })}:`);
  if (!a.beneficial_owners.length) out.push('  none found');
  for (const o of a.beneficial_owners) out.push(`  ${o.status === 'possible' ? '? ' : '• '}${o.node.caption} (${o.node.id}): ${pct(o.share)}${o.status === 'possible' ? ' (possibly: the shares are ranges)' : ''}`);
  out.push('');
  out.push('All owners, direct and indirect:');
  for (const o of a.owners) {
    out.push(`  ${o.node.caption} (${o.node.schema}${o.node.countries.length ? `, ${o.node.countries.join('/').toUpperCase()}` : ''}): ${pct(o.share)} — ${o.status.replace(/_/g, ' ')}${o.node.sanctioned ? ' — SANCTIONED' : ''}`);
    for (const c of o.chains) out.push(`      ${c.text}`);
    for (const n of o.notes) out.push(`      (${n})`);
  }
  for (const g of a.groups) out.push(`Family holding together: ${g.captions.join(' + ')} = ${pct(g.share)} (${g.status.replace(/_/g, ' ')})`);
  for (const c of a.controllers) out.push(`Control: ${c.node.caption} — ${c.via}`);
  if (a.directors.length) out.push(`Directors: ${a.directors.map((d) => `${d.node.caption}${d.role ? ` (${d.role})` : ''}`).join('; ')}`);
  for (const n of a.notes) out.push(`Note: ${n}`);
  return out.join('\n') + '\n';
}

export function registerUboCommand(program: Command, withStore: StoreRunner, service: ServiceFactory = (s) => networkService(s)): void {
  program
    .command('ubo')
    .description('ultimate beneficial owners of an entity on a day: shares multiplied along ownership chains, ranges, families, control, with the chains as evidence')
    .argument('<id>', 'the entity')
    .option('--threshold <share>', 'beneficial ownership threshold: 0.25, 25% or 10%', '0.25')
    .option('--at <date>', 'the day (YYYY-MM-DD; default today)')
    .option('--chains <n>', 'chains cited per owner', '5')
    .addOption(formatOption())
    .action(async (id: string, flags: UboFlags) => {
      await withStore((store) => uboCommand(store, id, flags, service(store)));
    });
}
