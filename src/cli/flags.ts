/**
 * `sanctrace flags`: computes the red flags and the risk ranking (or reuses the last run when
 * nothing changed) and prints the worklist — ranked parties with their flags — or one party's
 * flags with their evidence, or the ranked routes.
 */
import { Option, type Command } from 'commander';
import { resolveFlagsConfig } from '../flags/config.js';
import { sanctionsDatasets } from '../flags/crossref.js';
import { runFlagJob, type FlagJobSummary } from '../flags/job.js';
import { loadHubContext } from '../flags/hubs-context.js';
import { parseRuleCodes } from '../flags/registry.js';
import type { EntityScore, RouteScore } from '../flags/rank.js';
import type { Flag } from '../flags/types.js';
import { UsageError } from '../sources/errors.js';
import { FlagTables } from '../store/duckdb/flags.js';
import type { Store } from '../store/store.js';
import { withStore, type GlobalFlags } from './context.js';
import { printJson, table } from './output.js';

export interface FlagsFlags {
  dataset?: string[];
  entity?: string;
  format: 'text' | 'json' | 'csv';
  limit?: string;
  top?: string;
  code?: string[];
  country?: string;
  minScore?: string;
  includeListed?: boolean;
  routes?: boolean;
  recompute?: boolean;
  config?: string;
  hubs?: boolean;
}

function count(text: string | undefined, what: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new UsageError(`${what} must be a whole number from 1 to 100000, not "${text}"`);
  return n;
}

function csvCell(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function short(text: string, n: number): string {
  return text.length > n ? text.slice(0, n - 1) + '…' : text;
}

function evidenceLines(f: Flag): string[] {
  return f.evidence.map((e) => {
    const parts = [e.kind, e.id ? `[${e.id}]` : '', e.value !== undefined ? `= ${e.value}` : ''].filter(Boolean).join(' ');
    return `      - ${e.label}${parts ? `  (${parts})` : ''}`;
  });
}

/** What the rules could not evaluate on the datasets asked for (default: those that are not lists). */
function notEvaluated(run: FlagJobSummary, lists: Set<string>, datasets?: string[]): string[] {
  const lines: string[] = [];
  let skipped = 0;
  for (const c of run.coverage ?? []) {
    if (c.status === 'evaluated') continue;
    if (datasets?.length ? !datasets.includes(c.dataset) : lists.has(c.dataset)) {
      skipped++;
      continue;
    }
    lines.push(`  ${c.code} on ${c.dataset}: ${c.status === 'partial' ? `${c.evaluated} of ${c.subjects} evaluated; the rest ` : 'not evaluated: '}${c.needs}`);
  }
  for (const n of run.not_computable ?? []) lines.push(`  ${n.title}: not evaluated, ${n.needs}`);
  if (skipped) lines.push(`  (${skipped} more on other datasets: --dataset D or --format json)`);
  return lines;
}

function runLine(run: FlagJobSummary): string {
  const s = run.seconds;
  const how = run.reused ? `reused run ${run.id} (nothing changed since ${run.at})` : `run ${run.id}, ${s?.total ?? '?'} s`;
  return `${run.counts?.flags ?? 0} flags on ${run.counts?.entities ?? 0} parties, ${run.counts?.routes ?? 0} routes (${how}; cross-reference run ${run.crossref_run ?? 'none'}; trade-hub context ${run.hubs ? 'used' : 'none'})`;
}

async function printEntity(store: Store, tables: FlagTables, id: string, run: FlagJobSummary, format: FlagsFlags['format']): Promise<void> {
  const score = await tables.entityScore(id);
  const flags = await tables.flagsOf([id]);
  const routes = await tables.routes(id, 10);
  const reviews = await tables.reviews([id]);
  if (!score) {
    const entity = await store.getEntity(id);
    if (!entity) throw new UsageError(`no entity with id "${id}" in the store`);
  }
  if (format === 'json') {
    printJson({ run: { id: run.id, at: run.at }, entity_id: id, score: score ?? null, flags, routes, reviews });
    return;
  }
  if (format === 'csv') {
    process.stdout.write('entity_id,code,severity,score,summary\n');
    for (const f of flags) process.stdout.write([f.entity_id, f.code, f.severity, f.score, f.summary].map(csvCell).join(',') + '\n');
    return;
  }
  if (!score) {
    process.stdout.write(`${id}: no red flags.\n`);
    return;
  }
  const out: string[] = [
    `${score.caption} (${score.schema}${score.country ? `, ${score.country}` : ''}) — risk ${score.score}, rank ${score.rank}${score.listed ? ' (a listed party)' : ''}`,
    `  datasets: ${score.datasets.join(', ')}`,
    '  score, term by term (weight × flag score × trade context = contribution):',
  ];
  for (const t of score.terms) {
    out.push(`    ${t.code}  ${t.weight} × ${t.score} × ${t.context} = ${t.contribution}${t.context_reason ? `  (${t.context_reason})` : ''}`);
  }
  out.push('  flags:');
  for (const f of flags) {
    out.push(`    ${f.code} ${f.severity} ${f.score}: ${f.summary}`);
    out.push(...evidenceLines(f));
  }
  if (routes.length) {
    out.push('  routes:');
    for (const r of routes) out.push(`    #${r.rank} ${r.score}: ${[r.names.supplier ?? '?', r.names.intermediary, r.names.buyer ?? '?'].join(' → ')} (${r.goods.join(', ')}; ${r.first ?? ''}…${r.last ?? ''})`);
  }
  for (const r of reviews) out.push(`  reviewed ${r.at} by ${r.reviewer}: ${r.status}${r.note ? ` — ${r.note}` : ''}`);
  process.stdout.write(out.join('\n') + '\n');
}

function printRoutes(routes: RouteScore[], format: FlagsFlags['format']): void {
  if (format === 'json') return printJson({ routes });
  if (format === 'csv') {
    process.stdout.write('rank,score,supplier,intermediary,buyer,supplier_name,intermediary_name,buyer_name,goods,first,last,lines,codes\n');
    for (const r of routes) {
      process.stdout.write([r.rank, r.score, r.supplier, r.intermediary, r.buyer, r.names.supplier, r.names.intermediary, r.names.buyer, r.goods.join(' '), r.first, r.last, r.lines, r.terms.map((t) => t.code).join(' ')].map(csvCell).join(',') + '\n');
    }
    return;
  }
  const rows = routes.map((r) => ({
    rank: r.rank,
    score: r.score,
    route: short([`${r.names.supplier ?? '?'}${r.countries.supplier ? ` (${r.countries.supplier})` : ''}`, `${r.names.intermediary}${r.countries.intermediary ? ` (${r.countries.intermediary})` : ''}`, `${r.names.buyer ?? '?'}${r.countries.buyer ? ` (${r.countries.buyer})` : ''}`].join(' → '), 90),
    flags: r.terms.map((t) => t.code).join(' '),
    goods: short(r.goods.join(' '), 30),
  }));
  process.stdout.write(table(rows, ['rank', 'score', 'route', 'flags', 'goods']) + '\n');
}

function printWorklist(run: FlagJobSummary, total: number, entities: EntityScore[], flags: Flag[], format: FlagsFlags['format'], gaps: string[]): void {
  if (format === 'json') {
    const byEntity = new Map<string, Flag[]>();
    for (const f of flags) (byEntity.get(f.entity_id) ?? byEntity.set(f.entity_id, []).get(f.entity_id)!).push(f);
    printJson({ run, total, entities: entities.map((e) => ({ ...e, flags: byEntity.get(e.entity_id) ?? [] })) });
    return;
  }
  if (format === 'csv') {
    process.stdout.write('rank,entity_id,caption,schema,country,score,flags,codes,first_reason\n');
    for (const e of entities) process.stdout.write([e.rank, e.entity_id, e.caption, e.schema, e.country, e.score, e.flag_count, e.terms.map((t) => t.code).join(' '), e.first_reason].map(csvCell).join(',') + '\n');
    return;
  }
  const rows = entities.map((e) => ({
    rank: e.rank,
    score: e.score,
    entity: short(e.caption, 40),
    country: e.country ?? '',
    flags: e.terms.map((t) => t.code).join(' '),
    'first reason': short(e.first_reason, 100),
  }));
  const lines = [runLine(run), '', table(rows, ['rank', 'score', 'entity', 'country', 'flags', 'first reason']), '', `${entities.length} of ${total} flagged parties shown.`];
  if (gaps.length) lines.push('', 'Not evaluated (the data lacks what the rule needs):', ...gaps);
  process.stdout.write(lines.join('\n') + '\n');
}

export async function flagsCommand(store: Store, flags: FlagsFlags): Promise<FlagJobSummary> {
  const limit = count(flags.top ?? flags.limit, flags.top ? '--top' : '--limit', 50);
  const codes = parseRuleCodes(flags.code);
  const minScore = flags.minScore === undefined ? undefined : Number(flags.minScore);
  if (minScore !== undefined && !Number.isFinite(minScore)) throw new UsageError(`--min-score must be a number, not "${flags.minScore}"`);
  const known = new Set((await store.datasets()).map((d) => d.name));
  for (const d of flags.dataset ?? []) if (!known.has(d)) throw new UsageError(`no dataset named "${d}"; loaded: ${[...known].join(', ') || 'none'}`);
  const config = resolveFlagsConfig(flags.config);
  const hubs = flags.hubs === false ? undefined : await loadHubContext(store, config);
  const quiet = !process.stderr.isTTY || flags.format !== 'text';
  const run = await runFlagJob(store, { config, recompute: flags.recompute, hubs, onPhase: quiet ? undefined : (p) => process.stderr.write(`flags: ${p}…\n`) });
  const tables = await FlagTables.of(store);
  if (flags.entity) {
    await printEntity(store, tables, flags.entity, run, flags.format);
    return run;
  }
  if (flags.routes) {
    printRoutes(await tables.routes(undefined, limit), flags.format);
    return run;
  }
  const { total, entities } = await tables.worklist({ datasets: flags.dataset, codes, country: flags.country, minScore, includeListed: flags.includeListed ? true : undefined, limit });
  const shown = flags.format === 'json' ? await tables.flagsOf(entities.map((e) => e.entity_id)) : [];
  const lists = new Set(await sanctionsDatasets(store));
  printWorklist(run, total, entities, shown, flags.format, flags.format === 'text' ? notEvaluated(run, lists, flags.dataset) : []);
  return run;
}

/** Registers `sanctrace flags` on the program; `db` gives the global --db option. */
export function registerFlagsCommand(program: Command, db: () => GlobalFlags): Command {
  return program
    .command('flags')
    .description('red flags with evidence and the risk ranking: computes them (or reuses the last run) and lists the ranked parties')
    .option('--dataset <name...>', 'only parties of these datasets (a list dataset shows its listed parties)')
    .option('--entity <id>', "one party's score term by term, its flags with evidence, its routes")
    .option('--code <codes...>', 'only parties with one of these flags (RF01 … RF17)')
    .option('--country <iso2>', 'only parties of this country')
    .option('--min-score <x>', 'only parties scoring at least this')
    .option('--limit <n>', 'parties (or routes) listed (default 50)')
    .option('--top <n>', 'same as --limit')
    .option('--routes', 'list the ranked routes (supplier → intermediary → buyer) instead of parties')
    .option('--include-listed', 'rank listed parties and list-only entries too')
    .option('--recompute', 'compute again even if nothing changed')
    .option('--config <file>', 'JSON file overriding weights and thresholds (see docs/flags.md)')
    .option('--no-hubs', 'do not weigh flags with the trade-hub scores')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .action(async (flags: FlagsFlags) => {
      await withStore(db(), (store) => flagsCommand(store, flags));
    });
}
