import { Command, Option } from 'commander';
import { NetworkQueryError } from '../network/errors.js';
import { findPaths, type PathAnswer, type PathTarget } from '../network/paths.js';
import type { NodeView } from '../network/view.js';
import { edgeTypes, hsPrefixes, timeFilter, wholeNumber } from '../network/query-input.js';
import { defaultCacheFile } from '../network/cache.js';
import { NetworkService } from '../network/service.js';
import { UsageError } from '../sources/errors.js';
import { StoreError, type Store } from '../store/store.js';
import { registerNeighboursCommand } from './neighbours.js';
import { printJson } from './output.js';
import { registerUboCommand } from './ubo.js';

/** Runs a function with the store the global options name (main.ts: `(fn) => withStore(db(), fn)`). */
export type StoreRunner = <T>(fn: (store: Store) => Promise<T>) => Promise<T>;

export interface NetworkCliOptions {
  /** the store file the global options name: the built graph is cached per store file */
  dbPath?: () => string;
}

/** Registers `trace`, `ubo` and `neighbours` on the program. */
export function registerNetworkCommands(program: Command, withStore: StoreRunner, options: NetworkCliOptions = {}): void {
  const service = (store: Store) => networkService(store, options);
  registerTraceCommand(program, withStore, service);
  registerUboCommand(program, withStore, service);
  registerNeighboursCommand(program, withStore, service);
}

export type ServiceFactory = (store: Store) => NetworkService;

/**
 * The network of the store, cached on disk between commands unless SANCTRACE_NETWORK_CACHE=off
 * (entity resolution builds the screening engine only when asked for).
 */
export function networkService(store: Store, options: NetworkCliOptions = {}, env: NodeJS.ProcessEnv = process.env): NetworkService {
  const off = ['off', '0', 'false', 'no'].includes((env['SANCTRACE_NETWORK_CACHE'] ?? '').trim().toLowerCase());
  const db = options.dbPath?.();
  // the screening engine is loaded only for --same-as
  const matcher = async () => (await import('../screening/engine.js')).buildMatcher(store);
  return new NetworkService(store, {}, matcher, off || !db ? undefined : defaultCacheFile(db));
}

/** Network query errors as CLI errors: a bad parameter is a usage error (exit 2), an unknown id a failure (exit 1). */
export async function asCliErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof NetworkQueryError) throw e.kind === 'invalid' ? new UsageError(e.message) : new StoreError(e.message);
    throw e;
  }
}

export function formatOption(): Option {
  return new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');
}

/** Progress note on a terminal only (building the network takes seconds on large stores). */
export function note(text: string): void {
  if (process.stderr.isTTY && !process.env['CI']) process.stderr.write(`${text}\n`);
}

export interface TraceFlags {
  from: string;
  to?: string;
  toSanctioned?: boolean;
  toCountry?: string;
  toEndUser?: boolean;
  at?: string;
  window?: string;
  maxHops?: string;
  edges?: string;
  hs?: string;
  paths?: string;
  hubLimit?: string;
  sameAs?: boolean;
  format: string;
}

function target(flags: TraceFlags): PathTarget {
  const given = [flags.to !== undefined, !!flags.toSanctioned, flags.toCountry !== undefined, !!flags.toEndUser].filter(Boolean).length;
  if (given !== 1) throw new UsageError('give exactly one target: --to ID, --to-sanctioned, --to-country CC or --to-end-user');
  if (flags.to !== undefined) return { kind: 'entity', id: flags.to };
  if (flags.toSanctioned) return { kind: 'sanctioned' };
  if (flags.toCountry !== undefined) return { kind: 'country', country: flags.toCountry };
  return { kind: 'end_user' };
}

export async function traceCommand(store: Store, flags: TraceFlags, service: NetworkService = networkService(store)): Promise<PathAnswer> {
  return asCliErrors(async () => {
    const query = {
      from: flags.from,
      target: target(flags),
      time: timeFilter(flags.at, flags.window),
      maxHops: wholeNumber('--max-hops', flags.maxHops),
      types: edgeTypes(flags.edges),
      hs: hsPrefixes(flags.hs),
      paths: wholeNumber('--paths', flags.paths),
      hubLimit: wholeNumber('--hub-limit', flags.hubLimit),
    };
    note('sanctrace: reading the network (built from the store, or its cache)…');
    const net = await service.network();
    if (flags.sameAs) {
      note('sanctrace: resolving the entities around the start against every dataset…');
      const hops = Math.max(0, (query.maxHops ?? 4) - 1);
      await service.resolveAround(flags.from, hops);
    }
    const answer = findPaths(net, query);
    if (flags.format === 'json') printJson(answer);
    else process.stdout.write(renderPaths(answer));
    return answer;
  });
}

export function renderPaths(a: PathAnswer): string {
  const out: string[] = [];
  out.push(`From ${a.from.caption} (${a.from.id}) to ${a.target.description}`);
  out.push(`using ${a.filter}, at most ${a.max_hops} links.`);
  out.push('');
  a.paths.forEach((p, i) => {
    const names = p.nodes.map((id) => {
      const n = a.nodes.find((x) => x.id === id);
      return n ? (n.kind === 'pivot' ? `«${n.caption}»` : n.caption) : id;
    });
    out.push(`Path ${i + 1} (${p.hops} link${p.hops === 1 ? '' : 's'}): ${names.join(' → ')}`);
    p.steps.forEach((s, k) => {
      s.edges.forEach((e, j) => out.push(`  ${j === 0 ? `${k + 1}.` : '  '} ${e.text}`));
    });
    const last = a.nodes.find((n) => n.id === p.nodes.at(-1));
    if (last?.sanctioned) out.push(`     ${last.caption} is sanctioned: ${describeSanctions(last)}`);
    out.push('');
  });
  if (a.hubs_not_crossed.length) out.push(`Hubs not crossed: ${a.hubs_not_crossed.slice(0, 5).map((h) => `${h.caption} (${h.links} links)`).join(', ')}`);
  for (const n of a.notes) out.push(`Note: ${n}`);
  return out.join('\n') + '\n';
}

/** "3 listings: Office of Foreign Assets Control, European Union; the earliest from 2023-02-24". */
export function describeSanctions(n: NodeView): string {
  const authorities = [...new Set(n.sanctions.flatMap((s) => s.authorities))];
  const starts = n.sanctions.map((s) => s.start).filter((s): s is string => !!s).sort();
  const listings = n.sanctions.filter((s) => s.id).length;
  const parts = [`${listings || 'no'} listing${listings === 1 ? '' : 's'}`];
  if (authorities.length) parts[0] += `: ${authorities.slice(0, 4).join(', ')}${authorities.length > 4 ? ` and ${authorities.length - 4} more` : ''}`;
  if (n.sanctions.some((s) => !s.id)) parts.push('the sanction topic');
  if (starts.length) parts.push(`the earliest from ${starts[0]}`);
  return parts.join('; ');
}

export function registerTraceCommand(program: Command, withStore: StoreRunner, service: ServiceFactory = (s) => networkService(s)): void {
  program
    .command('trace')
    .description('paths between entities, shortest first: to another entity, to any sanctioned entity, to any entity in a country or to a listed end user; each link explained with its dates')
    .requiredOption('--from <id>', 'the entity to start from')
    .option('--to <id>', 'a target entity')
    .option('--to-sanctioned', 'any sanctioned entity')
    .option('--to-country <cc>', 'any entity in this country (ISO2, e.g. RU)')
    .option('--to-end-user', 'any listed military end user (EU 833/2014 Annex IV, US MEU / Entity List)')
    .option('--at <date>', 'only links valid on this day (YYYY-MM-DD); shipments on or before it')
    .option('--window <from..to>', 'only links valid at some time in this window; shipments within it')
    .option('--max-hops <n>', 'at most this many links (1-8)', '4')
    .option('--edges <types>', 'only these link types, comma-separated (ownership,directorship,family,shipment,address…)')
    .option('--hs <codes>', 'shipments of these HS code prefixes only, comma-separated')
    .option('--paths <n>', 'alternative paths (1-20)', '3')
    .option('--hub-limit <n>', 'do not pass through nodes with more links than this', '1000')
    .option('--same-as', 'first link the entities around the start to the same entities in other datasets (screening engine; slower)')
    .addOption(formatOption())
    .action(async (flags: TraceFlags) => {
      await withStore((store) => traceCommand(store, flags, service(store)));
    });
}
