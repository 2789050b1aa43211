/** `sanctrace hubs`: countries ranked as likely diversion hubs, each with the flows behind it. */
import { csvRow } from '../screening/bulk-format.js';
import { UsageError } from '../sources/errors.js';
import type { Store } from '../store/store.js';
import { parseCountries } from '../trade/areas.js';
import { parseGoods } from '../trade/goods.js';
import { detectHubs, type HubReport } from '../trade/hubs.js';
import { parseWindow } from '../trade/periods.js';
import { formatNumber, printJson, table } from './output.js';

export interface HubsFlags {
  dataset?: string[];
  baseline?: string;
  period?: string;
  goods: string;
  reporter?: string;
  currency?: string;
  floor?: string;
  drivers?: string;
  format: string;
}

const pct = (g: number | null, later?: number) =>
  g === null ? (later ? 'new' : '') : `${g >= 0 ? '+' : ''}${(g * 100).toFixed(g !== 0 && Math.abs(g) < 0.1 ? 1 : 0)}%`;
const money = (v: number) => formatNumber(Math.round(v));
const num = (x: number | null, digits = 2) => (x === null ? '' : x.toFixed(digits));

export function hubsText(r: HubReport): string {
  const lines = [
    `Hubs — goods ${r.goods.spec} (${r.goods.series} codes${r.goods.control_series ? `, ${r.goods.control_series} control codes` : ''}), ` +
      `${r.windows.baseline} vs ${r.windows.period}, ${r.currency}, datasets ${r.datasets.join(', ')}`,
    '',
    table(
      r.countries.map((c) => ({
        rank: c.rank ?? 'ref',
        country: `${c.country} ${c.name}`,
        score: num(c.score),
        baseline: money(c.baseline_value),
        period: money(c.period_value),
        growth: pct(c.growth),
        'vs control': c.did === null ? '' : num(c.did),
        substitution: c.substitution === null ? '' : pct(c.substitution).replace('+', ''),
        'top codes': c.drivers.slice(0, 3).map((d) => d.code).join(' '),
      })),
      ['rank', 'country', 'score', 'baseline', 'period', 'growth', 'vs control', 'substitution', 'top codes'],
    ),
    '',
  ];
  for (const c of r.countries) {
    lines.push(`${c.rank ?? 'reference'}. ${c.name} (${c.country}): ${money(c.baseline_value)} → ${money(c.period_value)} ${r.currency} (${pct(c.growth)})`);
    for (const d of c.drivers) {
      const ru = d.russia ? `; to Russia ${money(d.russia.baseline)} → ${money(d.russia.period)} (${pct(d.russia.growth, d.russia.period)})` : '';
      lines.push(`   ${d.code.padEnd(10)} ${money(d.baseline).padStart(14)} → ${money(d.period).padStart(14)} ${pct(d.growth, d.period).padStart(8)}${d.chpl_tier ? ` [${d.chpl_tier}]` : ''}  ${d.description.slice(0, 70)}${ru}`);
    }
    if (c.partners.length) lines.push(`   from: ${c.partners.map((p) => `${p.reporter} ${money(p.baseline)} → ${money(p.period)}`).join('; ')}`);
  }
  if (r.areas.length) {
    lines.push('', 'Not summed with countries (aggregate, unspecified or confidential reporters/partners):');
    for (const a of r.areas.slice(0, 10)) lines.push(`   ${a.reporter} → ${a.partner} ${a.flow} (${a.kind}): ${money(a.baseline)} → ${money(a.period)}`);
  }
  lines.push('', `Method: ${r.method.summary}`, ...r.method.steps.map((s) => `  - ${s}`));
  if (r.notes.length) lines.push('', 'Notes:', ...r.notes.map((n) => `  - ${n}`));
  return lines.join('\n') + '\n';
}

const CSV_COLUMNS = [
  'rank', 'country', 'name', 'score', 'baseline_value', 'period_value', 'growth', 'currency', 'did', 'substitution',
  'driver_code', 'driver_description', 'driver_chpl_tier', 'driver_baseline', 'driver_period', 'driver_growth', 'driver_russia_baseline', 'driver_russia_period',
];

/** One row per country and driver (a country without drivers has one row). */
export function hubsCsv(r: HubReport): string {
  let out = csvRow(CSV_COLUMNS);
  const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  for (const c of r.countries) {
    const base = [s(c.rank), c.country, c.name, s(c.score), s(c.baseline_value), s(c.period_value), s(c.growth), c.currency, s(c.did), s(c.substitution)];
    const drivers = c.drivers.length ? c.drivers : [undefined];
    for (const d of drivers) {
      out += csvRow([...base, s(d?.code), s(d?.description), s(d?.chpl_tier), s(d?.baseline), s(d?.period), s(d?.growth), s(d?.russia?.baseline), s(d?.russia?.period)]);
    }
  }
  return out;
}

export async function hubsCommand(store: Store, flags: HubsFlags): Promise<void> {
  let suppliers: string[] | undefined;
  if (flags.reporter) {
    const { codes, unknown } = parseCountries(flags.reporter);
    if (unknown.length) throw new UsageError(`--reporter: unknown ${unknown.map((u) => `"${u}"`).join(', ')} (ISO codes, names, EU27, coalition)`);
    suppliers = codes;
  }
  const floor = flags.floor === undefined ? undefined : Number(flags.floor);
  if (floor !== undefined && !(floor > 0)) throw new UsageError(`--floor must be a positive amount per month, not "${flags.floor}"`);
  const drivers = flags.drivers === undefined ? undefined : Number(flags.drivers);
  if (drivers !== undefined && !(Number.isInteger(drivers) && drivers >= 0)) throw new UsageError(`--drivers must be a whole number, not "${flags.drivers}"`);
  if ((flags.baseline === undefined) !== (flags.period === undefined)) throw new UsageError('give both --baseline and --period, or neither (defaults: the same months of 2021 and 2022)');
  const report = await detectHubs(store, {
    datasets: flags.dataset,
    baseline: flags.baseline ? parseWindow(flags.baseline, '--baseline') : undefined,
    period: flags.period ? parseWindow(flags.period, '--period') : undefined,
    goods: parseGoods(flags.goods),
    suppliers,
    currency: flags.currency,
    floor,
    drivers,
  });
  if (flags.format === 'json') printJson(report);
  else if (flags.format === 'csv') process.stdout.write(hubsCsv(report));
  else process.stdout.write(hubsText(report));
}
