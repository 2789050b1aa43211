/**
 * RF04: pass-through — the same goods (HS6 code, same quantity in the same unit) come in and go
 * out again within weeks: line by line, or as a month's total in and out.
 */
import type { FlagContext, Shipment } from '../context.js';
import { monthOfDay, isoOfMonth } from '../dates.js';
import { nameOfId } from '../facts.js';
import { concernOf } from '../goods.js';
import { CoverageCounter, country, flag, fmt, mainCountry, restricted, shipmentEvidence, type Rule } from '../rule.js';
import type { Evidence, Flag } from '../types.js';

const NEEDS = 'needs dated shipment lines with an HS code (6 digits or more) and a quantity, both in and out of the same party';

export interface PassThrough {
  intermediary: string;
  hs6: string;
  unit?: string;
  ins: Shipment[];
  outs: Shipment[];
  quantityIn: number;
  quantityOut: number;
  /** days from the first line in to the last line out */
  days: number;
  kind: 'line' | 'month';
  /** the quantity out is a large part of the quantity in, not the same */
  partial: boolean;
}

function usable(s: Shipment): boolean {
  return Boolean(s.hs6) && s.quantity !== undefined && s.quantity > 0 && !Number.isNaN(s.day);
}

function same(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(a, b);
}

/** Every pass-through of one party: line matches first, then month totals not explained by them. */
export function passThroughs(ctx: FlagContext, id: string): PassThrough[] {
  const cfg = ctx.config.rf04;
  const ins = (ctx.byReceiver.get(id) ?? []).filter(usable);
  const outs = (ctx.bySender.get(id) ?? []).filter(usable);
  if (ins.length === 0 || outs.length === 0) return [];
  const key = (s: Shipment) => `${s.hs6}|${s.unit ?? ''}`;
  const outsByKey = new Map<string, Shipment[]>();
  for (const o of outs) {
    const k = key(o);
    const list = outsByKey.get(k);
    if (list) list.push(o);
    else outsByKey.set(k, [o]);
  }
  const found: PassThrough[] = [];
  const usedIn = new Set<string>();
  const usedOut = new Set<string>();
  // line by line: each line in matched to the first unused line out of the same goods and quantity
  for (const i of ins) {
    if (i.quantity! < cfg.minQuantity) continue;
    const candidates = outsByKey.get(key(i));
    if (!candidates) continue;
    const inWindow = (c: Shipment) => !usedOut.has(c.id) && c.day >= i.day && c.day - i.day <= cfg.windowDays;
    let o = candidates.find((c) => inWindow(c) && same(c.quantity!, i.quantity!, cfg.quantityTolerance));
    const partial = !o;
    o ??= candidates.find((c) => inWindow(c) && c.quantity! <= i.quantity! && c.quantity! >= cfg.partialShare * i.quantity!);
    if (!o) continue;
    usedIn.add(i.id);
    usedOut.add(o.id);
    found.push({ intermediary: id, hs6: i.hs6!, unit: i.unit, ins: [i], outs: [o], quantityIn: i.quantity!, quantityOut: o.quantity!, days: o.day - i.day, kind: 'line', partial });
  }
  // month totals: what came in during a month goes out that month or the next
  const months = new Map<string, { ins: Shipment[]; outs: Shipment[] }>();
  const bucket = (s: Shipment, m: number) => {
    const k = `${key(s)}|${m}`;
    let b = months.get(k);
    if (!b) months.set(k, (b = { ins: [], outs: [] }));
    return b;
  };
  for (const i of ins) if (!usedIn.has(i.id)) bucket(i, monthOfDay(i.day)).ins.push(i);
  for (const o of outs) if (!usedOut.has(o.id)) bucket(o, monthOfDay(o.day)).outs.push(o);
  for (const [k, b] of months) {
    if (b.ins.length === 0) continue;
    const [hs6, unit, m] = k.split('|');
    const next = months.get(`${hs6}|${unit}|${Number(m) + 1}`);
    const qIn = b.ins.reduce((t, s) => t + s.quantity!, 0);
    if (qIn < cfg.minQuantity) continue;
    for (const outs of [b.outs, [...b.outs, ...(next?.outs ?? [])]]) {
      const later = outs.filter((o) => o.day >= b.ins[0]!.day && !usedOut.has(o.id));
      if (later.length === 0) continue;
      const qOut = later.reduce((t, s) => t + s.quantity!, 0);
      if (!same(qIn, qOut, cfg.quantityTolerance)) continue;
      const last = Math.max(...later.map((o) => o.day));
      if (last - b.ins[0]!.day > cfg.windowDays + 31) continue;
      for (const o of later) usedOut.add(o.id);
      found.push({ intermediary: id, hs6: hs6!, unit: unit || undefined, ins: b.ins, outs: later, quantityIn: qIn, quantityOut: qOut, days: last - b.ins[0]!.day, kind: 'month', partial: false });
      break;
    }
  }
  return found;
}

export const rf04: Rule = {
  code: 'RF04',
  title: 'Pass-through',
  indicator: {
    text: 'The same goods, in the same quantity, are received and shipped on within weeks: the party acts as a conduit rather than a user of the goods.',
    sources: [
      'FinCEN & BIS joint alert FIN-2022-Alert003, 28 June 2022: transshipment of items through third countries to Russia',
      'OCCRP/IStories/Der Spiegel/Vlast, 19 May 2023: 2,598 chips in and out of an Astana company in one month (DOMAIN.md §1)',
    ],
  },
  needs: NEEDS,
  evaluate(ctx) {
    const to = restricted(ctx);
    const coverage = new CoverageCounter('RF04', NEEDS);
    const flags: Flag[] = [];
    const ids = [...ctx.byReceiver.keys()].filter((id) => ctx.bySender.has(id)).sort();
    for (const id of ids) {
      const lines = [...ctx.byReceiver.get(id)!, ...ctx.bySender.get(id)!];
      const datasets = [...new Set(lines.flatMap((s) => s.datasets))];
      const evaluable = ctx.byReceiver.get(id)!.some(usable) && ctx.bySender.get(id)!.some(usable);
      coverage.count(datasets, evaluable);
      if (!evaluable) continue;
      const found = passThroughs(ctx, id);
      // one flag per route (supplier → intermediary → buyer), its pass-throughs as evidence
      const routes = new Map<string, PassThrough[]>();
      for (const p of found) {
        const k = `${p.ins[0]!.sender ?? ''}>${p.outs[0]!.receiver ?? ''}`;
        const list = routes.get(k);
        if (list) list.push(p);
        else routes.set(k, [p]);
      }
      for (const list of routes.values()) {
        const first = list[0]!;
        const supplier = first.ins[0]!.sender;
        const buyer = first.outs[0]!.receiver;
        const buyerCountry = mainCountry(ctx, buyer);
        const dest = first.outs.map((o) => o.destination).find(Boolean);
        const toRestricted = (buyerCountry && to.has(buyerCountry)) || list.some((p) => p.outs.some((o) => o.destination && to.has(o.destination)));
        const concern = list.some((p) => concernOf(p.hs6, ctx.config));
        // same quantities first: they are the stronger sign
        list.sort((a, b) => Number(a.partial) - Number(b.partial));
        const exact = list.some((p) => !p.partial);
        const evidence: Evidence[] = [];
        for (const p of list.slice(0, 5)) {
          evidence.push({ kind: 'number', value: p.quantityIn, label: `${p.kind === 'month' ? 'month total' : 'quantity'} in, HS ${p.hs6}${p.unit ? ` (${p.unit})` : ''}` });
          evidence.push({ kind: 'number', value: p.quantityOut, label: `quantity out, ${p.days} days later${p.partial ? ' (most of it, not all)' : ''}` });
          for (const s of p.ins.slice(0, 3)) evidence.push(shipmentEvidence(ctx, s, 'in: '));
          for (const s of p.outs.slice(0, 3)) evidence.push(shipmentEvidence(ctx, s, 'out: '));
        }
        if (supplier) evidence.push({ kind: 'entity', id: supplier, label: `supplier: ${nameOfId(ctx, supplier)}` });
        if (buyer) evidence.push({ kind: 'entity', id: buyer, label: `buyer: ${nameOfId(ctx, buyer)}${buyerCountry ? ` (${buyerCountry})` : ''}` });
        const p0 = list[0]!;
        const more = list.length > 1 ? ` (${list.length} times)` : '';
        const whereTo = toRestricted ? ` in ${country(buyerCountry && to.has(buyerCountry) ? buyerCountry : dest!)}` : '';
        const score = (toRestricted ? 1 : 0.6) * (concern ? 1 : ctx.config.rf04.otherGoodsFactor) * (exact ? 1 : 0.7);
        const summary =
          `${nameOfId(ctx, id)} received ${fmt(p0.quantityIn)}${p0.unit ? ' ' + p0.unit : ''} of HS ${p0.hs6} from ${nameOfId(ctx, supplier)}` +
          ` and shipped ${fmt(p0.quantityOut)}${p0.partial ? ` (${Math.round((100 * p0.quantityOut) / p0.quantityIn)}%)` : ''} on to ${nameOfId(ctx, buyer)}${whereTo} within ${p0.days} days` +
          `${p0.kind === 'month' ? ` (totals of ${isoOfMonth(monthOfDay(p0.ins[0]!.day))})` : ''}${more}.`;
        const common = {
          code: 'RF04' as const,
          evidence,
          route: { supplier, intermediary: id, buyer },
          countries: [...new Set([mainCountry(ctx, id), buyerCountry, dest].filter((c): c is string => Boolean(c)))],
          goods: [...new Set(list.map((p) => p.hs6))],
        };
        flags.push(flag({ ...common, entity_id: id, score, summary }));
        // the buyer at the end of a pass-through receives goods through a conduit: flagged too, lower
        if (buyer && buyer !== id && ctx.parties.has(buyer)) {
          flags.push(flag({ ...common, entity_id: buyer, score: score * ctx.config.rf04.buyerFactor, summary: `${nameOfId(ctx, buyer)} is the buyer of a pass-through: ${summary}` }));
        }
      }
    }
    return { flags, coverage: coverage.records() };
  },
};
