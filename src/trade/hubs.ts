/**
 * Diversion-hub detection on trade statistics. For every country outside the sanctioning
 * coalition, compare a baseline window with a later window on whatever flows the data holds:
 *
 * - rise: log growth of the coalition's exports of the goods of interest to the country, with a
 *   materiality floor; minus the log growth of control goods of the same HS chapters
 *   (difference-in-differences) when the data holds them;
 * - substitution: the share of the country's increase that falls on goods whose exports to Russia
 *   fell (good by good, capped at Russia's fall);
 * - pass-through and the change in Russia's share of the country's exports, where the country's
 *   own exports to Russia are in the data;
 * - the change in the mirror gap (coalition-reported exports against the country's reported
 *   imports from the coalition), where both sides report.
 *
 * Each measure is standardised robustly across countries (median and MAD); the score is the mean
 * of the standardised measures a country has. Every result carries the codes, supplying
 * reporters and months behind it, with baseline and later values.
 */
import { UsageError } from '../sources/errors.js';
import type { Store, TradeAggregateResult, TradeCodeSelection } from '../store/store.js';
import { areaName, COALITION, NAMED_HUBS } from './areas.js';
import { seriesInGoods, seriesTier, type GoodsSet } from './goods.js';
import { bridgeOfSeries, chapterOf, describe, hsEdition, seriesOf } from './hs.js';
import { defaultWindows, formatWindow, monthLabel, windowMonths, type Window } from './periods.js';
import { growthRatio, logGrowth, median } from './stats.js';

export interface HubOptions {
  datasets?: string[];
  baseline?: Window;
  period?: Window;
  goods: GoodsSet;
  /** exporters whose shipments count as supply (default: the coalition) */
  suppliers?: string[];
  currency?: string;
  /** materiality floor, in currency units per month (default 10,000) */
  floor?: number;
  /** codes listed per country (default 5) */
  drivers?: number;
}

export interface ValuePair {
  baseline: number;
  period: number;
  growth: number | null;
}

export interface HubDriver extends ValuePair {
  /** HS6 code, a heading's undetailed amount ("8802"), or the codes of an HS 2017↔2022 bridge series */
  code: string;
  description: string;
  chpl_tier: string | null;
  /** change in value per month, later window against the baseline */
  change_per_month: number;
  /** log growth of this code minus that of the control goods of its chapter, for this country */
  did: number | null;
  /** the same code's exports to Russia */
  russia: ValuePair | null;
  /** HS 2017 and HS 2022 codes joined by the bridge, when the code is a bridge series */
  bridged?: Record<string, string[]>;
}

export interface HubResult {
  country: string;
  name: string;
  /** 1 = most likely hub; null for Russia, listed as the reference whose fall the hubs replace */
  rank: number | null;
  score: number;
  baseline_value: number;
  period_value: number;
  growth: number | null;
  log_growth: number;
  currency: string;
  /** control goods (same chapters, not in the goods set): values and log growth */
  control: (ValuePair & { log_growth: number }) | null;
  did: number | null;
  /** share of the country's increase that falls on codes whose exports to Russia fell (capped at Russia's fall) */
  substitution: number | null;
  /** log growth counting only the increases that replace Russia's decrease of the same code */
  substitution_growth: number | null;
  pass_through: number | null;
  russia_share_change: number | null;
  mirror_gap_change: number | null;
  /** the robust z of each measure the score averages */
  components: Record<string, number>;
  named_hub: boolean;
  drivers: HubDriver[];
  partners: Array<ValuePair & { reporter: string; name: string }>;
  months: Array<{ month: string; window: 'baseline' | 'period'; value: number }>;
}

export interface HubReport {
  method: { summary: string; steps: string[] };
  datasets: string[];
  currency: string;
  windows: { baseline: string; period: string; baseline_months: number; period_months: number };
  goods: { spec: string; all: boolean; parts: GoodsSet['parts']; series: number; control_series: number };
  floor: number;
  bridged: boolean;
  countries: HubResult[];
  /** flows whose reporter or partner is not a country (EU27, World, n.e.s., confidential…): reported, never summed */
  areas: Array<{ reporter: string; partner: string; kind: string; flow: string; goods: boolean } & ValuePair>;
  notes: string[];
}

export const DEFAULT_FLOOR = 10_000;
const RUSSIA = 'RU';

interface Sums {
  b: number;
  p: number;
}

const add = (m: Map<string, Sums>, key: string, w: 'baseline' | 'period', v: number) => {
  let s = m.get(key);
  if (!s) m.set(key, (s = { b: 0, p: 0 }));
  if (w === 'baseline') s.b += v;
  else s.p += v;
};

function overlap(a: Window, b: Window): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/**
 * Robust z against a reference set: (x − median) / max(1.4826 × MAD, minScale). The minimum scale
 * keeps a measure on which the countries happen to agree closely from turning small differences
 * into large scores.
 */
function zAgainst(values: number[], reference: number[], minScale: number): number[] {
  if (reference.length === 0) return values.map(() => 0);
  const m = median(reference);
  const scale = Math.max(1.4826 * median(reference.map((v) => Math.abs(v - m))), minScale);
  return values.map((v) => (v - m) / scale);
}

/** Smallest scale per measure: 0.1 in log units (≈ 10%), 0.05 for Russia's share, 0.1 for pass-through. */
const MIN_SCALE: Record<string, number> = { rise: 0.1, substitution: 0.1, pass_through: 0.1, russia_share_change: 0.05, mirror_gap_change: 0.1 };

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const roundOrNull = (x: number | null, digits = 4) => (x === null || !Number.isFinite(x) ? null : round(x, digits));

/** Display code of a series: HS6, heading, or the bridge's HS 2022 codes. */
function displayCode(series: string): string {
  const b = bridgeOfSeries(series);
  return b ? (b.codes['HS2022'] ?? []).join('+') : series;
}

export async function detectHubs(store: Store, opts: HubOptions): Promise<HubReport> {
  const floor = opts.floor ?? DEFAULT_FLOOR;
  if (!(floor > 0)) throw new UsageError('--floor must be a positive amount per month');
  const datasetNames = opts.datasets?.length ? opts.datasets : (await store.tradeDatasets()).map((d) => d.name);
  if (datasetNames.length === 0) {
    throw new UsageError('no trade datasets in the store: load one with sanctrace ingest eurostat-cn8|comext|comtrade|baci <path> --dataset <name>');
  }
  const coverage = await store.tradeCoverage({ datasets: datasetNames });
  let currency = opts.currency?.toUpperCase();
  if (!currency) {
    if (coverage.currencies.length > 1) {
      const infos = (await store.tradeDatasets()).filter((d) => datasetNames.includes(d.name));
      throw new UsageError(
        `mixed currencies in the trade data (${infos.map((d) => `${d.name}: ${d.currencies.join('/')}`).join('; ')}): values in different currencies are never summed; choose one with --currency or --dataset`,
      );
    }
    currency = coverage.currencies[0] ?? 'EUR';
  } else if (!coverage.currencies.includes(currency)) {
    throw new UsageError(`no trade rows in ${currency}; the data holds ${coverage.currencies.join(', ') || 'nothing'}`);
  }
  const defaults = opts.baseline && opts.period ? undefined : defaultWindows(coverage);
  const baseline = opts.baseline ?? defaults!.baseline;
  const period = opts.period ?? defaults!.period;
  if (overlap(baseline, period)) throw new UsageError(`the baseline ${formatWindow(baseline)} and the period ${formatWindow(period)} overlap`);
  const mB = windowMonths(baseline);
  const mP = windowMonths(period);
  const notes: string[] = [];

  // Codes → analysis series; goods of interest and control goods of the same chapters.
  const codes = await store.tradeCodes({ datasets: datasetNames, currency });
  const editions = new Set(codes.map((c) => hsEdition(c.nomenclature, 0)));
  const years = [Math.floor(baseline.from / 12), Math.floor(baseline.to / 12), Math.floor(period.from / 12), Math.floor(period.to / 12)];
  const bridging = editions.has('HS2017') && editions.has('HS2022') && years.some((y) => y < 2022) && years.some((y) => y >= 2022);
  const seriesCodes = new Map<string, string[]>();
  const goodsSeries = new Set<string>();
  const entries = codes.map((c) => {
    const series = seriesOf(hsEdition(c.nomenclature, 0), c.code, bridging);
    const goods = seriesInGoods(opts.goods, series);
    if (goods) goodsSeries.add(series);
    return { ...c, series, goods };
  });
  const descriptions = new Map<string, string>();
  for (const e of entries) if (e.description && e.code.length === 6) descriptions.set(e.code, e.description);
  const seriesChapter = (series: string): string | undefined => {
    const b = bridgeOfSeries(series);
    return b ? chapterOf(b.codes['HS2022']?.[0] ?? '') : chapterOf(series);
  };
  const goodsChapters = new Set([...goodsSeries].map(seriesChapter).filter((c): c is string => !!c));
  const selection: TradeCodeSelection[] = [];
  const controlSeries = new Set<string>();
  for (const e of entries) {
    const chapter = seriesChapter(e.series);
    const control = !opts.goods.all && !e.goods && chapter !== undefined && goodsChapters.has(chapter) && e.code !== 'TOTAL';
    if (!e.goods && !control) continue;
    if (control) controlSeries.add(e.series);
    selection.push({ nomenclature: e.nomenclature, code: e.code, series: e.series, goods: e.goods });
    const list = seriesCodes.get(e.series) ?? [];
    list.push(e.code);
    seriesCodes.set(e.series, list);
  }
  if (goodsSeries.size === 0) throw new UsageError(`no code of the goods "${opts.goods.spec}" is in the data`);
  if (bridging) {
    const joined = [...goodsSeries, ...controlSeries].filter((s) => bridgeOfSeries(s));
    if (joined.length) notes.push(`HS 2017 ↔ HS 2022 bridge applied (the windows straddle the change of edition): ${joined.map((s) => bridgeOfSeries(s)!.label).join('; ')}`);
  }
  const above = [...goodsSeries].filter((s) => /^\d{2,4}$/.test(s));
  if (above.length) notes.push(`headings reported without detail are counted as such (not split into HS6): ${above.join(', ')}`);

  const coalition = [...new Set([...COALITION, ...(opts.suppliers ?? [])])];
  const agg = await store.tradeAggregate({
    datasets: datasetNames,
    currency,
    baseline,
    period,
    codes: selection,
    coalition,
    suppliers: opts.suppliers,
    russia: RUSSIA,
  });
  const report = analyse(agg, {
    goodsSeries,
    controlSeries,
    seriesChapter,
    floor,
    mB,
    mP,
    baseline,
    period,
    currency,
    drivers: opts.drivers ?? 5,
    descriptions,
    seriesCodes,
    notes,
  });
  return {
    method: method(opts.goods, floor, !opts.goods.all && controlSeries.size > 0),
    datasets: datasetNames,
    currency,
    windows: { baseline: formatWindow(baseline), period: formatWindow(period), baseline_months: mB, period_months: mP },
    goods: { spec: opts.goods.spec, all: opts.goods.all, parts: opts.goods.parts, series: goodsSeries.size, control_series: controlSeries.size },
    floor,
    bridged: bridging,
    ...report,
  };
}

interface Context {
  goodsSeries: Set<string>;
  controlSeries: Set<string>;
  seriesChapter: (s: string) => string | undefined;
  floor: number;
  mB: number;
  mP: number;
  baseline: Window;
  period: Window;
  currency: string;
  drivers: number;
  descriptions: Map<string, string>;
  seriesCodes: Map<string, string[]>;
  notes: string[];
}

/** Per-month values of a sums pair, and their growths. */
function pair(s: Sums | undefined, ctx: Context): ValuePair & { bm: number; pm: number } {
  const b = s?.b ?? 0;
  const p = s?.p ?? 0;
  const bm = b / ctx.mB;
  const pm = p / ctx.mP;
  return { baseline: b, period: p, growth: growthRatio(bm, pm), bm, pm };
}

function analyse(agg: TradeAggregateResult, ctx: Context): Pick<HubReport, 'countries' | 'areas' | 'notes'> {
  // Cells by country: goods series, control chapters, and the country's own flows.
  const supplyBySeries = new Map<string, Map<string, Sums>>();
  const supplyControlByChapter = new Map<string, Map<string, Sums>>();
  const own = new Map<string, Map<string, Sums>>(); // country → "imports:coalition" … → goods sums
  const countries = new Set<string>();
  for (const c of agg.cells) {
    const goods = ctx.goodsSeries.has(c.series);
    if (c.role === 'supply') {
      countries.add(c.country);
      if (goods) {
        const m = supplyBySeries.get(c.country) ?? new Map();
        add(m, c.series, c.window, c.value);
        supplyBySeries.set(c.country, m);
      } else {
        const chapter = ctx.seriesChapter(c.series) ?? '??';
        const m = supplyControlByChapter.get(c.country) ?? new Map();
        add(m, chapter, c.window, c.value);
        supplyControlByChapter.set(c.country, m);
      }
    } else if (goods) {
      countries.add(c.country);
      const m = own.get(c.country) ?? new Map();
      add(m, `${c.role}:${c.pclass}`, c.window, c.value);
      add(m, `${c.role}:all`, c.window, c.value);
      own.set(c.country, m);
    }
  }
  const russiaSeries = supplyBySeries.get(RUSSIA) ?? new Map<string, Sums>();
  const suppliersByCountry = new Map<string, Map<string, Sums>>();
  for (const s of agg.suppliers) {
    const m = suppliersByCountry.get(s.country) ?? new Map<string, Sums>();
    add(m, s.reporter, s.window, s.value);
    suppliersByCountry.set(s.country, m);
  }
  const monthsByCountry = new Map<string, TradeAggregateResult['months']>();
  for (const m of agg.months) {
    const list = monthsByCountry.get(m.country) ?? [];
    list.push(m);
    monthsByCountry.set(m.country, list);
  }
  if (!supplyBySeries.has(RUSSIA)) ctx.notes.push('no coalition exports to Russia in scope: substitution is not computed');

  type Work = Omit<HubResult, 'rank' | 'score' | 'components'> & { measures: Record<string, number | null> };
  const work: Work[] = [];
  for (const country of countries) {
    const series = supplyBySeries.get(country) ?? new Map<string, Sums>();
    const total: Sums = { b: 0, p: 0 };
    for (const s of series.values()) {
      total.b += s.b;
      total.p += s.p;
    }
    const t = pair(total, ctx);
    const lg = logGrowth(t.bm, t.pm, ctx.floor);
    // control goods, weighted like the goods: each chapter's control growth by the chapter's share of the goods' baseline
    const chapters = supplyControlByChapter.get(country);
    let control: HubResult['control'] = null;
    if (chapters && chapters.size) {
      const c: Sums = { b: 0, p: 0 };
      const goodsByChapter = new Map<string, number>();
      for (const [s, v] of series) {
        const ch = ctx.seriesChapter(s) ?? '??';
        goodsByChapter.set(ch, (goodsByChapter.get(ch) ?? 0) + v.b + v.p);
      }
      let weightSum = 0;
      let weighted = 0;
      for (const [ch, v] of chapters) {
        c.b += v.b;
        c.p += v.p;
        const w = goodsByChapter.get(ch) ?? 0;
        if (w > 0) {
          weighted += w * logGrowth(v.b / ctx.mB, v.p / ctx.mP, ctx.floor);
          weightSum += w;
        }
      }
      const cp = pair(c, ctx);
      control = { baseline: cp.baseline, period: cp.period, growth: cp.growth, log_growth: weightSum > 0 ? weighted / weightSum : logGrowth(cp.bm, cp.pm, ctx.floor) };
    }
    const did = control ? lg - control.log_growth : null;

    // substitution: the part of the country's increase that replaces Russia's decrease, good by good
    let rise = 0;
    let replaced = 0;
    for (const [s, v] of series) {
      const d = v.p / ctx.mP - v.b / ctx.mB;
      if (d <= 0) continue;
      rise += d;
      const ru = russiaSeries.get(s);
      const drop = ru ? ru.b / ctx.mB - ru.p / ctx.mP : 0;
      replaced += Math.min(d, Math.max(drop, 0));
    }
    const hasRussia = country !== RUSSIA && supplyBySeries.has(RUSSIA);
    const substitution = hasRussia && rise > 0 ? replaced / rise : null;
    const substitutionGrowth = hasRussia ? Math.log((t.bm + replaced + ctx.floor) / (t.bm + ctx.floor)) : null;

    // the country's own flows (where it reports)
    const o = own.get(country);
    const get = (k: string) => pair(o?.get(k), ctx);
    let passThrough: number | null = null;
    let russiaShare: number | null = null;
    let mirror: number | null = null;
    if (o && country !== RUSSIA) {
      const onward = get('exports:russia');
      const imports = o.has('imports:all') ? get('imports:all') : t;
      const dIn = imports.pm - imports.bm;
      if ((o.has('exports:russia')) && dIn > ctx.floor) passThrough = (onward.pm - onward.bm) / dIn;
      const exportsAll = get('exports:all');
      if (o.has('exports:all') && exportsAll.bm > 0 && exportsAll.pm > 0) russiaShare = onward.pm / exportsAll.pm - onward.bm / exportsAll.bm;
      const fromCoalition = o.get('imports:coalition');
      if (fromCoalition && fromCoalition.b > 0 && fromCoalition.p > 0 && total.b > 0) {
        const ic = pair(fromCoalition, ctx);
        mirror = Math.log((t.pm + ctx.floor) / (ic.pm + ctx.floor)) - Math.log((t.bm + ctx.floor) / (ic.bm + ctx.floor));
      }
    }

    // drivers: codes by their change (rises first; for a country that fell, the largest falls)
    const fell = t.pm < t.bm;
    const ranked = [...series.entries()]
      .map(([s, v]) => ({ s, v, p: pair(v, ctx) }))
      .sort((a, b) => (fell ? a.p.pm - a.p.bm - (b.p.pm - b.p.bm) : b.p.pm - b.p.bm - (a.p.pm - a.p.bm)))
      .slice(0, ctx.drivers);
    const list = ranked.map(({ s, p }) => {
      const ch = ctx.seriesChapter(s) ?? '??';
      const cv = chapters?.get(ch);
      const codeDid = cv ? logGrowth(p.bm, p.pm, ctx.floor) - logGrowth(cv.b / ctx.mB, cv.p / ctx.mP, ctx.floor) : null;
      const ru = russiaSeries.get(s);
      const b = bridgeOfSeries(s);
      const driver: HubDriver = {
        code: displayCode(s),
        description: describe(s, ctx.descriptions),
        chpl_tier: seriesTier(s) ?? null,
        baseline: round(p.baseline, 2),
        period: round(p.period, 2),
        growth: roundOrNull(p.growth),
        change_per_month: round(p.pm - p.bm, 2),
        did: roundOrNull(codeDid),
        russia: country !== RUSSIA && ru ? (({ baseline, period, growth }) => ({ baseline: round(baseline, 2), period: round(period, 2), growth: roundOrNull(growth) }))(pair(ru, ctx)) : null,
      };
      if (b) driver.bridged = b.codes;
      return driver;
    });

    const partners = suppliersByCountry.get(country) ?? new Map<string, Sums>();
    const partnerList = [...partners.entries()]
      .map(([reporter, v]) => {
        const p = pair(v, ctx);
        return { reporter, name: areaName(reporter), baseline: round(p.baseline, 2), period: round(p.period, 2), growth: roundOrNull(p.growth), d: p.pm - p.bm };
      })
      .sort((a, b) => (fell ? a.d - b.d : b.d - a.d))
      .slice(0, 5)
      .map(({ d: _d, ...rest }) => rest);
    const months = (monthsByCountry.get(country) ?? [])
      .map((m) => ({
        month: m.months === 12 ? String(Math.floor(m.month0 / 12)) : monthLabel(m.month0),
        window: (m.month0 >= ctx.period.from && m.month0 <= ctx.period.to ? 'period' : 'baseline') as 'baseline' | 'period',
        value: round(m.value, 2),
        m0: m.month0,
      }))
      .sort((a, b) => a.m0 - b.m0)
      .map(({ m0: _m, ...rest }) => rest);

    work.push({
      country,
      name: areaName(country),
      baseline_value: round(total.b, 2),
      period_value: round(total.p, 2),
      growth: roundOrNull(t.growth),
      log_growth: round(lg),
      currency: ctx.currency,
      control: control ? { baseline: round(control.baseline, 2), period: round(control.period, 2), growth: roundOrNull(control.growth), log_growth: round(control.log_growth) } : null,
      did: roundOrNull(did),
      substitution: roundOrNull(substitution),
      substitution_growth: roundOrNull(substitutionGrowth),
      pass_through: roundOrNull(passThrough),
      russia_share_change: roundOrNull(russiaShare),
      mirror_gap_change: roundOrNull(mirror),
      named_hub: NAMED_HUBS.includes(country),
      drivers: list,
      partners: partnerList,
      months,
      measures: { rise: did ?? lg, substitution: substitutionGrowth, pass_through: passThrough, russia_share_change: russiaShare, mirror_gap_change: mirror },
    });
  }

  // Robust standardisation across the countries (Russia scored against the others, not part of the reference).
  const scored: HubResult[] = work.map(({ measures: _m, ...w }) => ({ ...w, rank: 0, score: 0, components: {} }));
  for (const key of ['rise', 'substitution', 'pass_through', 'russia_share_change', 'mirror_gap_change']) {
    const idx = work.map((w, i) => [i, w.measures[key]] as const).filter((x): x is readonly [number, number] => x[1] !== null && Number.isFinite(x[1]));
    if (idx.length === 0) continue;
    const reference = idx.filter(([i]) => work[i]!.country !== RUSSIA).map(([, v]) => v);
    const z = zAgainst(idx.map(([, v]) => v), reference, MIN_SCALE[key]!);
    idx.forEach(([i], k) => (scored[i]!.components[key] = round(z[k]!, 3)));
  }
  for (const s of scored) {
    const zs = Object.values(s.components);
    s.score = zs.length ? round(zs.reduce((a, b) => a + b, 0) / zs.length, 3) : 0;
  }
  // Russia is the reference, listed last; the others are ranked by score.
  scored.sort((a, b) => Number(a.country === RUSSIA) - Number(b.country === RUSSIA) || b.score - a.score || b.period_value - a.period_value || a.country.localeCompare(b.country));
  let rank = 0;
  for (const s of scored) s.rank = s.country === RUSSIA ? null : ++rank;
  if (!work.some((w) => w.pass_through !== null)) ctx.notes.push('no country in scope reports its own exports to Russia and its imports: pass-through not computed');
  if (!work.some((w) => w.mirror_gap_change !== null)) ctx.notes.push('no country in scope reports its imports from the coalition for both windows: mirror gap not computed');

  const areas = new Map<string, { reporter: string; partner: string; kind: string; flow: string; goods: boolean } & Sums>();
  for (const a of agg.areas) {
    const key = [a.reporter, a.partner, a.flow, a.goods].join('|');
    let e = areas.get(key);
    if (!e) {
      const kind = [a.reporter_kind !== 'country' ? `reporter ${a.reporter_kind}` : '', a.partner_kind !== 'country' ? `partner ${a.partner_kind}` : ''].filter(Boolean).join(', ');
      areas.set(key, (e = { reporter: a.reporter, partner: a.partner, kind, flow: a.flow, goods: a.goods, b: 0, p: 0 }));
    }
    if (a.window === 'baseline') e.b += a.value;
    else e.p += a.value;
  }
  const areaList = [...areas.values()]
    .map(({ b, p, ...rest }) => ({ ...rest, baseline: round(b, 2), period: round(p, 2), growth: roundOrNull(growthRatio(b / ctx.mB, p / ctx.mP)) }))
    .sort((a, b) => b.period + b.baseline - (a.period + a.baseline));
  if (areaList.length) ctx.notes.push(`${areaList.length} flows with an aggregate, unspecified or confidential reporter or partner are listed under "areas" and not summed with countries`);
  return { countries: scored, areas: areaList, notes: ctx.notes };
}

function method(goods: GoodsSet, floor: number, controls: boolean): HubReport['method'] {
  return {
    summary:
      'Countries ranked by how much more of the goods the sanctioning coalition ships to them in the later window than in the baseline, ' +
      (controls ? 'against control goods of the same HS chapters, ' : '') +
      'and how far that rise replaces the fall of the same goods to Russia; robustly standardised across countries.',
    steps: [
      'Supply: exports reported by coalition countries (EU member states, the UK, US, Japan, … — BIS Global Export Control Coalition) to each non-coalition country; rows summed by their own value (a heading row never counts the CN8 rows it totals); aggregate, unspecified and confidential reporters and partners are kept apart.',
      `Values per month in each window; log growth ln((later + c) / (baseline + c)) with a materiality floor c = ${floor.toLocaleString('en-US')} per month; growth as a ratio (0.5 = +50%).`,
      controls
        ? 'Difference-in-differences: minus the log growth of control goods — the other codes of the same HS chapters in the data — weighted by each chapter\'s share of the goods.'
        : goods.all
          ? 'No control goods: every code is in the goods set, the rise is the plain log growth.'
          : 'No control goods of the same chapters in the data: the rise is the plain log growth.',
      'Substitution: the share of the country\'s increase that falls on codes whose exports to Russia fell (code by code, capped at Russia\'s fall); scored as the log growth counting only those increases.',
      'Pass-through (extra exports to Russia / extra imports, when the extra imports exceed the floor) and the change in Russia\'s share of the country\'s exports, where the country reports its own trade; change in the mirror gap ln(coalition-reported exports / country-reported imports from the coalition), where both sides report.',
      'Each measure standardised across countries: (x − median) / max(1.4826 × MAD, a minimum scale of 0.1 in log units); the score is the mean of the standardised measures a country has. Russia is listed last, unranked, scored against the others so that its fall is visible.',
      'HS 2017 codes that changed in HS 2022 (8802/8806, 8525.80/.89, 8541.40-.59, 8548, 8803/8807) are joined in bridge series when the windows straddle 2022; CN8 codes roll up to HS6.',
    ],
  };
}
