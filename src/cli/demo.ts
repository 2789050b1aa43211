import path from 'node:path';
import { BUNDLED_LISTS, bundledIngest } from '../ingest/bundled.js';
import { ingest } from '../ingest/ingest.js';
import { DATA_DIR } from '../model/paths.js';
import type { Store } from '../store/store.js';
import { ingestTrade } from '../trade/ingest.js';
import { detectHubs, type HubReport } from '../trade/hubs.js';
import { parseGoods } from '../trade/goods.js';
import { ensureWorld } from '../demo/world/build.js';
import { crossref } from '../flags/crossref.js';
import { resolveFlagsConfig } from '../flags/config.js';
import { loadHubContext } from '../flags/hubs-context.js';
import { runFlagJob } from '../flags/job.js';
import { FlagTables } from '../store/duckdb/flags.js';
import { UsageError } from '../sources/errors.js';
import { defaultWorldDir } from './demo-world.js';
import { describeIngest } from './ingest.js';
import { formatNumber, table } from './output.js';
import { progressBar } from './progress.js';

/** The real trade table the demo loads: EU member states' exports of sanctioned CN8 goods, 2020–2022. */
export const DEMO_TRADE = {
  format: 'eurostat-cn8',
  file: path.join(DATA_DIR, 'trade', 'eurostat_comext_cn8_exports_monthly_2020_2022_ch85_88_90.csv.gz'),
  dataset: 'eu_cn8',
};

export interface DemoFlags {
  /** size of the synthetic world (seed: the default) */
  scale?: string;
  /** false: build the store and print the summary, do not serve */
  serve?: boolean;
  port?: string;
  host?: string;
}

export interface DemoSummary {
  seconds: Record<string, number>;
  hubs: HubReport['countries'];
  top: Array<{ rank: number; entity_id: string; caption: string; country?: string; score: number; flags: string[]; first_reason: string }>;
}

function number(text: string | undefined, what: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${what} must be a positive number, not "${text}"`);
  return n;
}

const pct = (g: number | null) => (g === null ? 'new' : `${g >= 0 ? '+' : ''}${Math.round(g * 100)}%`);
const short = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/**
 * The main job, step by step: the bundled real lists and the real EU trade extract, the seeded
 * synthetic registry-and-customs world, cross-referencing against the lists, diversion hubs, red
 * flags and the ranking; then a short summary. Every step reuses what an earlier run left in the
 * store when its inputs have not changed, so a second run takes seconds.
 */
export async function buildDemo(
  store: Store,
  dbPath: string,
  flags: DemoFlags = {},
  say: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Promise<DemoSummary> {
  const seconds: Record<string, number> = {};
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      seconds[name] = Math.round((performance.now() - t0) / 100) / 10;
    }
  };

  await step('lists', async () => {
    for (const list of BUNDLED_LISTS) {
      const bar = progressBar(list.dataset);
      try {
        say(describeIngest(list.dataset, await ingest(store, { ...bundledIngest(list), progress: bar.update })));
      } finally {
        bar.stop();
      }
    }
  });

  await step('trade', async () => {
    const r = await ingestTrade(store, { format: DEMO_TRADE.format, inputs: [DEMO_TRADE.file], dataset: DEMO_TRADE.dataset });
    say(
      r.status === 'unchanged'
        ? `${DEMO_TRADE.dataset}: unchanged since version ${r.version.version}; nothing loaded`
        : `${DEMO_TRADE.dataset}: loaded version ${r.version.version} — ${formatNumber(r.version.records)} trade rows (real: Eurostat Comext)`,
    );
  });

  await step('world', async () => {
    const bar = progressBar('demo-synthetic');
    let w;
    try {
      w = await ensureWorld(store, { outDir: defaultWorldDir(dbPath), scale: number(flags.scale, '--world-scale', 1), progress: bar.update });
    } finally {
      bar.stop();
    }
    say(`${describeIngest('demo-synthetic', w.load)} (SYNTHETIC: ${w.built ? 'generated' : 'reused'} from seed ${w.truth.generator.seed}, ${w.truth.schemes.length} planted schemes)`);
  });

  await step('crossref', async () => {
    const c = await crossref(store, {});
    say(`cross-referencing (${c.mode}): ${formatNumber(c.screened)} parties screened, ${formatNumber(c.links)} links to listed parties`);
  });

  const hubs = await step('hubs', () => detectHubs(store, { goods: parseGoods('chpl') }));

  const top = await step('flags', async () => {
    const config = resolveFlagsConfig();
    const run = await runFlagJob(store, { config, hubs: await loadHubContext(store, config) });
    say(`red flags${run.reused ? ' (unchanged inputs: last run reused)' : ''}: ${formatNumber(run.counts.flags)} flags on ${formatNumber(run.counts.entities)} parties, ${formatNumber(run.counts.routes)} routes ranked`);
    const { entities } = await (await FlagTables.of(store)).worklist({ limit: 10 });
    return entities.map((e) => ({
      rank: e.rank,
      entity_id: e.entity_id,
      caption: e.caption,
      country: e.country,
      score: e.score,
      flags: e.terms.map((t) => t.code),
      first_reason: e.first_reason,
    }));
  });
  return { seconds, hubs: hubs.countries, top };
}

/** The summary the main job prints: top hubs, top flagged parties with their first reason, timings. */
export function demoSummaryText(s: DemoSummary, dbPath: string): string {
  const hubRows = s.hubs
    .filter((h) => h.rank !== null)
    .slice(0, 5)
    .map((h) => ({
      rank: h.rank,
      country: `${h.name} (${h.country})`,
      growth: pct(h.growth),
      'driven by': h.drivers.slice(0, 2).map((d) => `${d.code} ${short(d.description, 28)} ${pct(d.growth)}`).join('; '),
    }));
  const russia = s.hubs.find((h) => h.rank === null);
  const flagRows = s.top.map((e) => ({
    rank: e.rank,
    score: e.score.toFixed(2),
    party: short(e.caption, 34),
    country: e.country ?? '',
    flags: e.flags.join(' '),
    'first reason': short(e.first_reason, 70),
  }));
  const timings = Object.entries(s.seconds).map(([k, v]) => `${k} ${v} s`).join(' · ');
  return [
    '',
    `Top diversion hubs — EU exports of CHPL goods, same months of 2021 vs 2022${russia ? ` (Russia itself: ${pct(russia.growth)})` : ''}:`,
    table(hubRows, ['rank', 'country', 'growth', 'driven by']),
    '',
    'Top flagged parties (dataset demo-synthetic is SYNTHETIC):',
    table(flagRows, ['rank', 'score', 'party', 'country', 'flags', 'first reason']),
    '',
    `Store ${dbPath}; ${timings}`,
  ].join('\n');
}

/** `sanctrace demo`: the main job, then the API and the UI (unless --no-serve). */
export async function demoCommand(store: Store, dbPath: string, flags: DemoFlags = {}): Promise<DemoSummary> {
  const summary = await buildDemo(store, dbPath, flags);
  process.stdout.write(demoSummaryText(summary, dbPath) + '\n');
  return summary;
}
