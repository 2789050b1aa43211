/**
 * RF03: no prior history in the goods, or a sudden surge — judged on goods of concern, comparing
 * the months after the invasion with the months before.
 */
import type { FlagContext, Shipment } from '../context.js';
import { isoOfDay } from '../dates.js';
import { nameOf, registeredRelativeTo, registrationFacts } from '../facts.js';
import { concernOf } from '../goods.js';
import { CoverageCounter, cutoffDay, flag, fmt, onDate, round, shipmentEvidence, type Rule } from '../rule.js';
import type { Evidence, Flag } from '../types.js';

const NEEDS = 'needs dated shipment lines with HS codes that reach back before 24 Feb 2022 (the history the surge is judged against)';

/** Earliest line day of each dataset: a dataset whose lines start after the window before the invasion cannot show history. */
function datasetStarts(ctx: FlagContext): Map<string, number> {
  const starts = new Map<string, number>();
  for (const s of ctx.shipments) {
    if (Number.isNaN(s.day)) continue;
    for (const d of s.datasets) {
      const start = starts.get(d);
      if (start === undefined || s.day < start) starts.set(d, s.day);
    }
  }
  return starts;
}

function amount(lines: Shipment[]): { value: number; valued: boolean } {
  let value = 0;
  let valued = true;
  for (const s of lines) {
    if (s.value === undefined) valued = false;
    else value += s.value;
  }
  return { value, valued };
}

export const rf03: Rule = {
  code: 'RF03',
  title: 'No prior history or sudden surge',
  indicator: {
    text: 'A party with little or no prior history in the goods, or whose trade in them surges suddenly after the invasion.',
    sources: [
      'FinCEN & BIS joint alert FIN-2022-Alert003, 28 June 2022: transactions involving a customer with little or no history in the goods',
      'FIUs of Canada, Germany and the Netherlands, joint advisory on Russia sanctions evasion, February 2024: a dormant company suddenly increases its activity; activity increased substantially after the invasion',
    ],
  },
  needs: NEEDS,
  evaluate(ctx) {
    const cfg = ctx.config.rf03;
    const cutoff = cutoffDay(ctx);
    const windowDays = Math.round(cfg.windowMonths * 30.44);
    const starts = datasetStarts(ctx);
    const coverage = new CoverageCounter('RF03', NEEDS);
    const flags: Flag[] = [];
    const ids = new Set<string>([...ctx.bySender.keys(), ...ctx.byReceiver.keys()]);
    for (const id of [...ids].sort()) {
      const lines = [...(ctx.bySender.get(id) ?? []), ...(ctx.byReceiver.get(id) ?? [])].filter((s) => !Number.isNaN(s.day));
      const datasets = [...new Set(lines.flatMap((s) => s.datasets))];
      // history is knowable when the party's datasets reach back a full window before the invasion
      const knowable = datasets.some((d) => (starts.get(d) ?? Infinity) <= cutoff - windowDays);
      const after = lines.filter((s) => s.day >= cutoff && s.day < cutoff + windowDays && concernOf(s.hs, ctx.config));
      coverage.count(datasets, knowable);
      if (!knowable || after.length === 0) continue;
      const beforeAll = lines.filter((s) => s.day < cutoff);
      const before = beforeAll.filter((s) => s.day >= cutoff - windowDays && concernOf(s.hs, ctx.config));
      const afterAmount = amount(after);
      const material = afterAmount.valued ? afterAmount.value >= cfg.minValue : after.length >= 3;
      if (!material) continue;
      const name = nameOf(ctx.parties.get(id), id);
      const headingsBefore = new Set(beforeAll.filter((s) => s.hs).map((s) => s.hs!.slice(0, 4)));
      const newHeadings = [...new Set(after.map((s) => s.hs!.slice(0, 4)))].filter((h) => !headingsBefore.has(h));
      const evidence: Evidence[] = [];
      let score = 0;
      let summary = '';
      const total = afterAmount.valued ? `${fmt(round(afterAmount.value, 0))} in value` : `${after.length} lines`;
      if (beforeAll.length === 0) {
        // a firm that did not exist before has no history by birth (RF01 says so); a dormant one woke up
        const party = ctx.parties.get(id);
        const registered = party ? registeredRelativeTo(registrationFacts(ctx, party), cutoff - windowDays) : { side: 'unknown' as const };
        const newborn = registered.side === 'after';
        score = newborn ? cfg.newFirmScore : 0.8;
        summary = newborn
          ? `${name}, registered ${onDate(registered.fact!.date)}, traded ${total} of goods of concern in the ${cfg.windowMonths} months after the invasion without any earlier trade.`
          : `${name} has no shipment lines before the invasion, then ${total} of goods of concern in the ${cfg.windowMonths} months after it.`;
        evidence.push({ kind: 'number', value: 0, label: 'shipment lines before the invasion' });
        if (newborn) evidence.push(registered.fact!.evidence);
      } else if (newHeadings.length > 0 && newHeadings.length === new Set(after.map((s) => s.hs!.slice(0, 4))).size) {
        score = 0.7;
        summary = `${name} had traded before the invasion but never goods of HS ${newHeadings.join(', ')}; after it, ${total} of them.`;
        evidence.push({ kind: 'number', value: beforeAll.length, label: 'shipment lines before the invasion, none of these goods' });
      } else {
        const beforeAmount = amount(before);
        if (!beforeAmount.valued || !afterAmount.valued) continue;
        const ratio = beforeAmount.value > 0 ? afterAmount.value / beforeAmount.value : Infinity;
        if (ratio < cfg.surgeRatio) continue;
        score = Number.isFinite(ratio) ? Math.min(1, 0.5 + 0.5 * Math.log10(ratio / cfg.surgeRatio + 1)) : 0.7;
        summary = `${name}'s trade in goods of concern rose from ${fmt(round(beforeAmount.value, 0))} in the ${cfg.windowMonths} months before the invasion to ${fmt(round(afterAmount.value, 0))} in the ${cfg.windowMonths} months after (×${Number.isFinite(ratio) ? round(ratio, 1) : '∞'}).`;
        evidence.push({ kind: 'number', value: round(beforeAmount.value, 2), label: `value of goods of concern, ${isoOfDay(cutoff - windowDays)} to ${isoOfDay(cutoff - 1)}` });
        evidence.push({ kind: 'number', value: Number.isFinite(ratio) ? round(ratio, 2) : 'no trade before', label: 'ratio after / before' });
      }
      evidence.push({ kind: 'number', value: afterAmount.valued ? round(afterAmount.value, 2) : after.length, label: `${afterAmount.valued ? 'value' : 'lines'} of goods of concern, ${isoOfDay(cutoff)} to ${isoOfDay(cutoff + windowDays - 1)}` });
      evidence.push({ kind: 'date', value: after[0]!.date!, label: 'first line of goods of concern after the invasion' });
      for (const s of after.slice(0, 5)) evidence.push(shipmentEvidence(ctx, s));
      flags.push(
        flag({
          code: 'RF03',
          entity_id: id,
          score,
          summary,
          evidence,
          goods: [...new Set(after.map((s) => s.hs6).filter((g): g is string => Boolean(g)))],
        }),
      );
    }
    return { flags, coverage: coverage.records() };
  },
};
