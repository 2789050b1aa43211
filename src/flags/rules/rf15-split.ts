/** RF15: one consignment split into many small lots between the same parties within days. */
import type { Shipment } from '../context.js';
import { nameOfId } from '../facts.js';
import { concernOf } from '../goods.js';
import { CoverageCounter, flag, fmt, round, shipmentEvidence, type Rule } from '../rule.js';
import type { Evidence, Flag } from '../types.js';

const NEEDS = 'needs dated shipment lines with sender, receiver, HS code and value';

export interface Split {
  sender: string;
  receiver: string;
  hs6: string;
  lots: Shipment[];
  total: number;
}

/** Runs of at least `minLots` small lots of one HS6 code between one pair within `windowDays`. */
export function splits(lines: Shipment[], minLots: number, windowDays: number, smallLot: number): Split[] {
  const groups = new Map<string, Shipment[]>();
  for (const s of lines) {
    if (!s.sender || !s.receiver || !s.hs6 || s.value === undefined || Number.isNaN(s.day)) continue;
    const k = `${s.sender}|${s.receiver}|${s.hs6}`;
    const g = groups.get(k);
    if (g) g.push(s);
    else groups.set(k, [s]);
  }
  const out: Split[] = [];
  for (const g of groups.values()) {
    if (g.length < minLots) continue;
    g.sort((a, b) => a.day - b.day);
    // the longest window of consecutive small lots, then on after it
    let start = 0;
    while (start < g.length) {
      if (g[start]!.value! > smallLot) {
        start++;
        continue;
      }
      let end = start;
      while (end + 1 < g.length && g[end + 1]!.value! <= smallLot && g[end + 1]!.day - g[start]!.day <= windowDays) end++;
      const lots = g.slice(start, end + 1);
      const total = lots.reduce((t, s) => t + s.value!, 0);
      if (lots.length >= minLots && total > smallLot) {
        out.push({ sender: g[0]!.sender!, receiver: g[0]!.receiver!, hs6: g[0]!.hs6!, lots, total });
        start = end + 1;
      } else start++;
    }
  }
  return out;
}

export const rf15: Rule = {
  code: 'RF15',
  title: 'Split shipments',
  indicator: {
    text: 'A consignment split into many small lots, each under a reporting or licensing threshold, between the same parties within days.',
    sources: [
      'FinCEN & BIS joint alert FIN-2022-Alert003, 28 June 2022: structuring of shipments or payments to avoid thresholds',
      'Value thresholds split lots stay under: US Foreign Trade Regulations (15 CFR 30.37: no Electronic Export Information under USD 2,500 per Schedule B number), the USD/EUR 10,000 value-reporting thresholds common to customs and currency control (configurable)',
    ],
  },
  needs: NEEDS,
  evaluate(ctx) {
    const cfg = ctx.config.rf15;
    const coverage = new CoverageCounter('RF15', NEEDS);
    for (const s of ctx.shipments) coverage.count(s.datasets, Boolean(s.sender && s.receiver && s.hs6 && s.value !== undefined && !Number.isNaN(s.day)));
    const found = splits(ctx.shipments, cfg.minLots, cfg.windowDays, cfg.smallLotValue);
    const byParty = new Map<string, Split[]>();
    for (const sp of found) {
      for (const id of [sp.sender, sp.receiver]) {
        const list = byParty.get(id);
        if (list) list.push(sp);
        else byParty.set(id, [sp]);
      }
    }
    const flags: Flag[] = [];
    for (const [id, list] of [...byParty.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      list.sort((a, b) => b.lots.length - a.lots.length);
      const sp = list[0]!;
      const concern = list.some((x) => concernOf(x.hs6, ctx.config));
      const days = sp.lots[sp.lots.length - 1]!.day - sp.lots[0]!.day;
      const cur = sp.lots[0]!.currency ? ` ${sp.lots[0]!.currency}` : '';
      const evidence: Evidence[] = [
        { kind: 'number', value: sp.lots.length, label: `lots of HS ${sp.hs6} within ${days} days` },
        { kind: 'number', value: round(sp.total, 2), label: `their total value${cur}` },
        { kind: 'number', value: cfg.smallLotValue, label: 'each at or below this value' },
        ...sp.lots.slice(0, 8).map((s) => shipmentEvidence(ctx, s)),
      ];
      flags.push(
        flag({
          code: 'RF15',
          entity_id: id,
          score: Math.min(1, 0.5 + 0.05 * (sp.lots.length - cfg.minLots)) * (concern ? 1.2 : 1),
          summary: `${nameOfId(ctx, sp.sender)} sent ${nameOfId(ctx, sp.receiver)} ${sp.lots.length} lots of HS ${sp.hs6} within ${days} days, each at most ${fmt(cfg.smallLotValue)}${cur}, ${fmt(round(sp.total, 0))}${cur} in all${list.length > 1 ? ` (${list.length} such runs)` : ''}.`,
          evidence,
          goods: [...new Set(list.map((x) => x.hs6))],
        }),
      );
    }
    return { flags, coverage: coverage.records() };
  },
};
