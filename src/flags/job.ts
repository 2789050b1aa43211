/**
 * The flag job: read the store once, run every rule, rank entities and routes, and store the
 * result (replacing the previous one). Skipped when nothing it reads has changed since the last
 * run: dataset versions, cross-reference run, configuration, trade-hub scores and the flag code.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FlagTables, type FlagRunSummary } from '../store/duckdb/flags.js';
import type { Store } from '../store/store.js';
import { configHash, type FlagsConfig } from './config.js';
import { loadContext, type CrossrefLink, type HubContext } from './context.js';
import { evaluateRules } from './evaluate.js';
import { rankEntities, rankRoutes } from './rank.js';
import { NOT_COMPUTABLE } from './registry.js';
import { round } from './rule.js';
import type { Coverage, RuleCode } from './types.js';

export interface FlagJobOptions {
  config: FlagsConfig;
  /** recompute even if nothing changed */
  recompute?: boolean;
  /** trade-hub scores to weigh flags with (see hubs-context.ts) */
  hubs?: HubContext;
  /** only these rules */
  codes?: RuleCode[];
  /** called with a phase name as the job goes */
  onPhase?: (phase: string) => void;
}

export interface FlagJobSummary extends FlagRunSummary {
  reused: boolean;
  dataset_versions: Record<string, string>;
  crossref_run: number | null;
  hubs: string | null;
  /** load: reading the store (read: its passes, see context.ts); rules: per rule; rank: entities and routes; save: writing the run */
  seconds: { load: number; read?: Record<string, number>; rules: Partial<Record<RuleCode, number>>; rank: number; save: number; total: number };
  counts: { flags: number; entities: number; subjects: number; routes: number; by_code: Record<string, number>; crossref_links: number };
  coverage: Coverage[];
  not_computable: typeof NOT_COMPUTABLE;
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

let codeHash: string | undefined;

/** A hash of the flag code itself (this folder and rules/): a new sanctrace recomputes the flags. */
function flagCodeHash(): string {
  if (codeHash) return codeHash;
  const h = createHash('sha256');
  const dir = path.dirname(fileURLToPath(import.meta.url));
  for (const sub of ['.', 'rules']) {
    const folder = path.join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const f of readdirSync(folder).filter((x) => /\.(js|ts)$/.test(x)).sort()) h.update(f).update(readFileSync(path.join(folder, f)));
  }
  return (codeHash = h.digest('hex').slice(0, 16));
}

export async function runFlagJob(store: Store, opts: FlagJobOptions): Promise<FlagJobSummary> {
  const t0 = performance.now();
  const tables = await FlagTables.of(store);
  const versions: Record<string, string> = {};
  for (const d of await store.datasets()) versions[d.name] = d.version;
  const crossrefRun = await tables.latestCrossrefRun();
  const cfgHash = configHash(opts.config);
  const hubsHash = opts.hubs ? hashOf([...opts.hubs.countries.entries(), [...opts.hubs.goods.entries()].map(([c, g]) => [c, [...g.entries()]]), opts.hubs.method]) : null;
  const inputHash = hashOf({ versions, crossref: crossrefRun?.id ?? null, config: cfgHash, hubs: hubsHash, codes: opts.codes ?? null, code: flagCodeHash() });
  const previous = await tables.latestRun();
  if (!opts.recompute && previous && previous.input_hash === inputHash) return { ...(previous as FlagJobSummary), reused: true };

  opts.onPhase?.('reading the store');
  const links = await tables.crossrefLinks();
  const crossrefLinks: CrossrefLink[] = links.map((l) => ({
    subject_id: l.subject_id,
    listed_id: l.listed_id,
    score: l.score,
    explanation: (l.explanations as Array<{ detail?: string }>).map((x) => x.detail ?? '').filter(Boolean),
  }));
  const lists = Array.isArray(crossrefRun?.settings['lists']) ? (crossrefRun!.settings['lists'] as string[]) : [];
  const ctx = await loadContext(store, { config: opts.config, crossref: crossrefLinks, hubs: opts.hubs, sanctionsDatasets: lists });
  const tLoad = performance.now();
  opts.onPhase?.('running the rules');
  const evaluation = evaluateRules(ctx, opts.codes);
  opts.onPhase?.('ranking');
  const tRules = performance.now();
  const entities = rankEntities(ctx, evaluation.flags);
  const routes = rankRoutes(ctx, evaluation.flags, entities);
  const tRank = performance.now();
  const byCode: Record<string, number> = {};
  for (const f of evaluation.flags) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  const summary = {
    reused: false,
    dataset_versions: versions,
    crossref_run: crossrefRun?.id ?? null,
    hubs: opts.hubs?.method ?? null,
    counts: {
      flags: evaluation.flags.length,
      entities: entities.length,
      subjects: entities.filter((e) => !e.listed && !e.list_only).length,
      routes: routes.length,
      by_code: byCode,
      crossref_links: links.length,
    },
    coverage: evaluation.coverage,
    not_computable: NOT_COMPUTABLE,
    seconds: { load: 0, rules: evaluation.seconds, rank: 0, save: 0, total: 0 },
  };
  opts.onPhase?.('saving');
  const seconds = { load: round((tLoad - t0) / 1000), read: ctx.readSeconds, rules: evaluation.seconds, rank: round((tRank - tRules) / 1000), save: 0, total: 0 };
  const saved = await tables.saveRun({ config_hash: cfgHash, input_hash: inputHash, summary: { ...summary, seconds }, flags: evaluation.flags, entities, routes });
  const tSave = performance.now();
  seconds.save = round((tSave - tRank) / 1000);
  seconds.total = round((tSave - t0) / 1000);
  const final = { ...(saved as FlagJobSummary), ...summary, seconds, reused: false };
  await tables.updateRunSummary(final);
  return final;
}
