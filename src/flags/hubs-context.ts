/**
 * Trade-hub context for the ranking: the hub scores of src/trade/hubs.ts (countries whose imports
 * of high-priority goods rose while exports to Russia fell), turned into scores in [-1, 1] per
 * country and per (country, HS6 driver). Absent when the store holds no trade tables or the
 * trade module cannot rank them — the ranking then weighs flags by the rules alone.
 */
import type { Store } from '../store/store.js';
import type { FlagsConfig } from './config.js';
import type { HubContext } from './context.js';

/** The parts of a hub report this module reads (src/trade/hubs.ts HubReport). */
interface HubReportLike {
  method: { summary: string };
  windows: { baseline: string; period: string };
  goods: { spec: string };
  countries: Array<{
    country: string;
    rank: number | null;
    score: number;
    drivers: Array<{ code: string; did: number | null; growth: number | null }>;
  }>;
}

interface HubsModule {
  detectHubs(store: Store, opts: { goods: unknown }): Promise<HubReportLike>;
}

interface GoodsModule {
  parseGoods(spec: string): unknown;
}

/** A robust z-score (or log growth) squashed into (-1, 1). */
function squash(x: number, scale: number): number {
  return Math.tanh(x / scale);
}

/** Turns a hub report into the ranking's context (exported for tests). */
export function hubContextFromReport(report: HubReportLike, config: FlagsConfig): HubContext {
  const restricted = new Set(config.restrictedDestinations);
  const countries = new Map<string, number>();
  const goods = new Map<string, Map<string, number>>();
  for (const c of report.countries) {
    if (restricted.has(c.country) || c.rank === null || !Number.isFinite(c.score)) continue;
    countries.set(c.country, Math.round(squash(c.score, 2) * 1000) / 1000);
    const byGoods = new Map<string, number>();
    for (const d of c.drivers) {
      if (!/^\d{6}$/.test(d.code)) continue;
      const x = d.did ?? (d.growth !== null ? Math.log1p(Math.max(-0.99, d.growth)) : null);
      if (x === null || !Number.isFinite(x)) continue;
      byGoods.set(d.code, Math.round(squash(x, 1) * 1000) / 1000);
    }
    if (byGoods.size) goods.set(c.country, byGoods);
  }
  return {
    countries,
    goods,
    method: `hub scores of ${report.goods.spec} goods, ${report.windows.baseline} vs ${report.windows.period}; ${report.method.summary}`,
  };
}

/** The trade-hub context of the store, or undefined without trade data. */
export async function loadHubContext(store: Store, config: FlagsConfig): Promise<HubContext | undefined> {
  const trade = (await store.datasets()).filter((d) => (d as { kind?: string }).kind === 'trade');
  if (trade.length === 0) return undefined;
  // Loaded by name at run time: the trade module is optional to the flags.
  const hubsPath = '../trade/hubs.js';
  const goodsPath = '../trade/goods.js';
  let hubs: HubsModule;
  let goods: GoodsModule;
  try {
    hubs = (await import(hubsPath)) as HubsModule;
    goods = (await import(goodsPath)) as GoodsModule;
  } catch {
    return undefined;
  }
  try {
    const report = await hubs.detectHubs(store, { goods: goods.parseGoods('chpl') });
    return hubContextFromReport(report, config);
  } catch {
    // trade tables that cannot be ranked (no CHPL flows, no windows): no context rather than a failed job
    return undefined;
  }
}
