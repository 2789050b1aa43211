/** RF13: trades goods of the Common High Priority List or drones. */
import { nameOfId } from '../facts.js';
import { concernOf } from '../goods.js';
import { CoverageCounter, flag, fmt, hubs, mainCountry, restricted, round, shipmentEvidence, type Rule } from '../rule.js';
import type { Evidence, Flag } from '../types.js';

const NEEDS = 'needs shipment lines with HS codes (6 digits)';

export const rf13: Rule = {
  code: 'RF13',
  title: 'High-priority or drone goods',
  indicator: {
    text: 'The goods are on the Common High Priority List (items Russia needs for its weapons) or are drones and their parts.',
    sources: [
      'BIS, EU, UK and Japan: Common High Priority List, version of 23 February 2024 (50 HS6 codes in tiers 1–4)',
      'FinCEN & BIS supplemental joint alert, 19 May 2023: high-priority HS codes call for enhanced due diligence',
    ],
  },
  needs: NEEDS,
  evaluate(ctx) {
    const cfg = ctx.config.rf13;
    const toward = new Set([...restricted(ctx), ...hubs(ctx)]);
    const coverage = new CoverageCounter('RF13', NEEDS);
    const flags: Flag[] = [];
    const ids = [...new Set([...ctx.bySender.keys(), ...ctx.byReceiver.keys()])].sort();
    for (const id of ids) {
      const lines = [...(ctx.bySender.get(id) ?? []), ...(ctx.byReceiver.get(id) ?? [])];
      const datasets = [...new Set(lines.flatMap((s) => s.datasets))];
      coverage.count(datasets, lines.some((s) => s.hs6));
      const concerned = lines.map((s) => ({ s, c: concernOf(s.hs, ctx.config) })).filter((x) => x.c);
      if (concerned.length === 0) continue;
      const tierScore = (x: (typeof concerned)[number]) => (x.c!.drone ? cfg.droneScore : x.c!.tier ? (cfg.tierScore[x.c!.tier] ?? 0.6) : 0.5);
      // lines going to a restricted destination or a hub (by the line's destination or the receiver's country)
      const towardLines = concerned.filter(({ s }) => (s.destination && toward.has(s.destination)) || toward.has(mainCountry(ctx, s.receiver) ?? ''));
      const base = Math.max(...concerned.map(tierScore));
      const score = base * (towardLines.length ? 1 : cfg.elsewhereFactor);
      const labels = [...new Set(concerned.map((x) => x.c!.label))];
      const codes = [...new Set(concerned.map((x) => x.s.hs6 ?? x.s.hs!))];
      const value = concerned.reduce((t, x) => t + (x.s.value ?? 0), 0);
      const evidence: Evidence[] = [
        { kind: 'number', value: concerned.length, label: `lines of ${labels.join(', ')}` },
        ...(value > 0 ? [{ kind: 'number' as const, value: round(value, 2), label: 'their declared value' }] : []),
        { kind: 'number', value: towardLines.length, label: 'of them to a restricted destination or a hub' },
        ...(towardLines.length ? towardLines : concerned).slice(0, 5).map((x) => shipmentEvidence(ctx, x.s, `${x.c!.label}: `)),
      ];
      flags.push(
        flag({
          code: 'RF13',
          entity_id: id,
          score,
          summary: `${nameOfId(ctx, id)} trades ${labels.join(' and ')} (HS ${codes.slice(0, 4).join(', ')}${codes.length > 4 ? '…' : ''}): ${fmt(concerned.length)} line${concerned.length === 1 ? '' : 's'}${towardLines.length ? `, ${fmt(towardLines.length)} to Russia, Belarus or a hub` : ''}.`,
          evidence,
          goods: codes,
        }),
      );
    }
    return { flags, coverage: coverage.records() };
  },
};
