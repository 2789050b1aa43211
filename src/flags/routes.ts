/**
 * Trade between parties as the rules see it: pairs (sender → receiver) with their lines, and
 * routes supplier → intermediary → buyer where the intermediary ships on goods of the same HS
 * heading within a window after receiving them.
 */
import type { FlagContext, Shipment } from './context.js';

export interface TradePair {
  sender: string;
  receiver: string;
  lines: Shipment[];
  first: number;
  last: number;
  headings: Set<string>;
}

const pairsOf = new WeakMap<FlagContext, TradePair[]>();

/** The trade pairs of the context's consignments, in the order of their first line (made once per context; callers must not reorder it). */
export function tradePairs(ctx: FlagContext): readonly TradePair[] {
  let known = pairsOf.get(ctx);
  if (!known) pairsOf.set(ctx, (known = makeTradePairs(ctx)));
  return known;
}

function makeTradePairs(ctx: FlagContext): TradePair[] {
  const pairs = new Map<string, TradePair>();
  for (const s of ctx.shipments) {
    if (!s.sender || !s.receiver || s.sender === s.receiver) continue;
    const k = `${s.sender}\u0000${s.receiver}`;
    let p = pairs.get(k);
    if (!p) pairs.set(k, (p = { sender: s.sender, receiver: s.receiver, lines: [], first: Infinity, last: -Infinity, headings: new Set() }));
    p.lines.push(s);
    if (s.day < p.first) p.first = s.day;
    if (s.day > p.last) p.last = s.day;
    if (s.hs) p.headings.add(s.hs.slice(0, 4));
  }
  return [...pairs.values()];
}

export interface RouteLines {
  supplier?: string;
  intermediary: string;
  buyer?: string;
  /** lines supplier → intermediary and intermediary → buyer that make the route */
  inLines: Shipment[];
  outLines: Shipment[];
}

/**
 * Where the goods a party received went next: its lines out of the same HS headings within
 * `windowDays` after a line in, grouped by buyer (most goods first).
 */
export function onwardRoutes(ctx: FlagContext, intermediary: string, ins: Shipment[], windowDays: number): RouteLines[] {
  const outs = ctx.bySender.get(intermediary) ?? [];
  // lines in by heading, in date order, to find those within the window before a line out
  const byHeading = new Map<string, Shipment[]>();
  for (const i of ins) {
    if (!i.hs || Number.isNaN(i.day)) continue;
    const h = i.hs.slice(0, 4);
    const list = byHeading.get(h);
    if (list) list.push(i);
    else byHeading.set(h, [i]);
  }
  for (const list of byHeading.values()) list.sort((a, b) => a.day - b.day);
  const bySupplierBuyer = new Map<string, RouteLines>();
  const inIds = new Map<RouteLines, Set<string>>();
  for (const o of outs) {
    if (!o.hs || !o.receiver || Number.isNaN(o.day)) continue;
    const list = byHeading.get(o.hs.slice(0, 4));
    if (!list) continue;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.day < o.day - windowDays) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < list.length && list[j]!.day <= o.day; j++) {
      const i = list[j]!;
      const k = `${i.sender ?? ''}\u0000${o.receiver}`;
      let r = bySupplierBuyer.get(k);
      if (!r) {
        bySupplierBuyer.set(k, (r = { supplier: i.sender, intermediary, buyer: o.receiver, inLines: [], outLines: [] }));
        inIds.set(r, new Set());
      }
      const seen = inIds.get(r)!;
      if (!seen.has(i.id)) {
        seen.add(i.id);
        r.inLines.push(i);
      }
      if (r.outLines[r.outLines.length - 1] !== o) r.outLines.push(o);
    }
  }
  return [...bySupplierBuyer.values()].sort((a, b) => b.outLines.length - a.outLines.length || (a.buyer ?? '').localeCompare(b.buyer ?? ''));
}

/** The routes through an intermediary: its suppliers' goods going on to its buyers. */
export function routesThrough(ctx: FlagContext, intermediary: string, windowDays: number): RouteLines[] {
  const ins = (ctx.byReceiver.get(intermediary) ?? []).filter((s) => s.hs && !Number.isNaN(s.day));
  if (ins.length === 0) return [];
  return onwardRoutes(ctx, intermediary, ins, windowDays);
}
