/**
 * RF14: a unit price far from the usual price of its HS6 code — robust z-score of the log unit
 * price against the median and MAD of the lines of the same code, unit and currency.
 */
import type { Shipment } from '../context.js';
import { nameOfId } from '../facts.js';
import { concernOf } from '../goods.js';
import { CoverageCounter, flag, fmt, round, shipmentEvidence, type Rule } from '../rule.js';
import type { Evidence, Flag } from '../types.js';

const NEEDS = 'needs shipment lines with an HS6 code, a value with its currency and a quantity (or net weight), and enough lines of the same code to know its usual price';

/** MAD scaled to a normal distribution's standard deviation. */
const MAD_SCALE = 1.4826;

export function median(sorted: number[]): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) >> 1]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

interface Priced {
  s: Shipment;
  unit: string;
  price: number;
  log: number;
}

function priced(s: Shipment): Priced | undefined {
  if (!s.hs6 || s.value === undefined || s.value <= 0) return undefined;
  if (s.quantity !== undefined && s.quantity > 0) return { s, unit: s.unit ?? 'unit', price: s.value / s.quantity, log: Math.log(s.value / s.quantity) };
  if (s.netWeight !== undefined && s.netWeight > 0) return { s, unit: 'kg', price: s.value / s.netWeight, log: Math.log(s.value / s.netWeight) };
  return undefined;
}

export interface PriceAnomaly {
  line: Priced;
  median: number;
  z: number;
  sample: number;
}

/** Lines whose unit price is anomalous, and how many lines could be judged per dataset. */
export function priceAnomalies(shipments: Shipment[], minSample: number, threshold: number, minRatio = 1): { anomalies: PriceAnomaly[]; judged: Set<string> } {
  const groups = new Map<string, Priced[]>();
  for (const s of shipments) {
    const p = priced(s);
    if (!p) continue;
    const k = `${s.hs6}|${p.unit}|${s.currency ?? ''}`;
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  const anomalies: PriceAnomaly[] = [];
  const judged = new Set<string>();
  for (const g of groups.values()) {
    if (g.length < minSample) continue;
    const logs = g.map((p) => p.log).sort((a, b) => a - b);
    const med = median(logs);
    const mad = median(logs.map((x) => Math.abs(x - med)).sort((a, b) => a - b)) * MAD_SCALE;
    if (!(mad > 0)) continue;
    for (const p of g) {
      judged.add(p.s.id);
      const z = (p.log - med) / mad;
      if (Math.abs(z) >= threshold && Math.abs(p.log - med) >= Math.log(minRatio)) anomalies.push({ line: p, median: Math.exp(med), z, sample: g.length });
    }
  }
  return { anomalies, judged };
}

export const rf14: Rule = {
  code: 'RF14',
  title: 'Price anomaly',
  indicator: {
    text: 'The declared unit price is far from the usual price of the goods: over- or under-invoicing.',
    sources: [
      'DOJ/Commerce/Treasury Tri-Seal compliance note, 2 March 2023, and BIS red flags: a customer significantly overpays compared with known market prices',
      'FATF/Egmont Group, Trade-based money laundering risk indicators (2021): prices inconsistent with the goods\' market value',
    ],
  },
  needs: NEEDS,
  evaluate(ctx) {
    const cfg = ctx.config.rf14;
    const coverage = new CoverageCounter('RF14', NEEDS);
    const { anomalies, judged } = priceAnomalies(ctx.shipments, cfg.minSample, cfg.robustZ, cfg.minRatio);
    for (const s of ctx.shipments) coverage.count(s.datasets, judged.has(s.id));
    const byParty = new Map<string, PriceAnomaly[]>();
    for (const a of anomalies) {
      for (const id of [a.line.s.sender, a.line.s.receiver]) {
        if (!id) continue;
        const list = byParty.get(id);
        if (list) list.push(a);
        else byParty.set(id, [a]);
      }
    }
    const flags: Flag[] = [];
    for (const [id, list] of [...byParty.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      list.sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
      const worst = list[0]!;
      const concern = list.some((a) => concernOf(a.line.s.hs, ctx.config));
      const score = Math.min(1, (Math.abs(worst.z) / (2 * cfg.robustZ)) * (concern ? 1.2 : 1));
      const direction = worst.z > 0 ? 'above' : 'below';
      const ratio = worst.line.price / worst.median;
      const cur = worst.line.s.currency ? ` ${worst.line.s.currency}` : '';
      const evidence: Evidence[] = [];
      for (const a of list.slice(0, 5)) {
        evidence.push(shipmentEvidence(ctx, a.line.s));
        evidence.push({ kind: 'number', value: round(a.line.price, 4), label: `unit price${a.line.s.currency ? ' ' + a.line.s.currency : ''} per ${a.line.unit}, HS ${a.line.s.hs6}` });
        evidence.push({ kind: 'number', value: round(a.median, 4), label: `median unit price of ${a.sample} lines of HS ${a.line.s.hs6}` });
        evidence.push({ kind: 'number', value: round(a.z, 2), label: 'robust z-score (log unit price, median/MAD)' });
      }
      flags.push(
        flag({
          code: 'RF14',
          entity_id: id,
          score,
          summary:
            `${nameOfId(ctx, id)} has ${list.length} line${list.length === 1 ? '' : 's'} priced far from the usual: HS ${worst.line.s.hs6} at ${fmt(round(worst.line.price, 2))}${cur} per ${worst.line.unit}, ` +
            `${ratio >= 1 ? `${fmt(round(ratio, 1))} times` : `${fmt(round(ratio * 100, 1))}% of`} the median of ${fmt(round(worst.median, 2))}${cur} (${direction} it by ${fmt(round(Math.abs(worst.z), 1))} robust deviations).`,
          evidence,
          goods: [...new Set(list.map((a) => a.line.s.hs6!))],
        }),
      );
    }
    return { flags, coverage: coverage.records() };
  },
};
