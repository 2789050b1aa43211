/** RF13: trades goods of the Common High Priority List or drones. */
import { nameOfId } from '../facts.js';
import { concernOf } from '../goods.js';
import { CoverageCounter, country, flag, fmt, hubs, mainCountry, restricted, round, shipmentEvidence, type Rule } from '../rule.js';
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
    const toRussia = restricted(ctx);
    const hubSet = hubs(ctx);
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
      // where the goods go (the line's destination, else the receiver's country): to Russia or
      // Belarus counts fully, into a hub `hubFactor`, elsewhere `elsewhereFactor`
      const whereTo = (s: (typeof concerned)[number]['s']) => s.destination ?? mainCountry(ctx, s.receiver) ?? '';
      const restrictedLines = concerned.filter(({ s }) => toRussia.has(whereTo(s)) || toRussia.has(mainCountry(ctx, s.receiver) ?? ''));
      const hubLines = concerned.filter(({ s }) => hubSet.has(whereTo(s)));
      const towardLines = restrictedLines.length ? restrictedLines : hubLines;
      const base = Math.max(...concerned.map(tierScore));
      const score = base * (restrictedLines.length ? 1 : hubLines.length ? cfg.hubFactor : cfg.elsewhereFactor);
      const labels = [...new Set(concerned.map((x) => x.c!.label))].sort();
      const codes = [...new Set(concerned.map((x) => x.s.hs6 ?? x.s.hs!))];
      const value = concerned.reduce((t, x) => t + (x.s.value ?? 0), 0);
      const evidence: Evidence[] = [
        { kind: 'number', value: concerned.length, label: `lines of ${labels.join(', ')}` },
        ...(value > 0 ? [{ kind: 'number' as const, value: round(value, 2), label: 'their declared value' }] : []),
        { kind: 'number', value: restrictedLines.length, label: 'of them to Russia or Belarus' },
        { kind: 'number', value: hubLines.length, label: 'of them into a transshipment hub' },
        ...(towardLines.length ? towardLines : concerned).slice(0, 5).map((x) => shipmentEvidence(ctx, x.s, `${x.c!.label}: `)),
      ];
      flags.push(
        flag({
          code: 'RF13',
          entity_id: id,
          score,
          summary: `${nameOfId(ctx, id)} trades ${labels.join(' and ')} (HS ${codes.slice(0, 4).join(', ')}${codes.length > 4 ? '…' : ''}): ${fmt(concerned.length)} line${concerned.length === 1 ? '' : 's'}${restrictedLines.length ? `, ${fmt(restrictedLines.length)} to ${[...new Set(restrictedLines.map((x) => whereTo(x.s)))].filter((c) => toRussia.has(c)).map(country).join(' and ') || 'a restricted destination'}` : hubLines.length ? `, ${fmt(hubLines.length)} into ${[...new Set(hubLines.map((x) => whereTo(x.s)))].map(country).join(', ')}` : ''}.`,
          evidence,
          // where the goods go: the trade-hub context weighs the flag by those countries
          countries: [...new Set(towardLines.map((x) => whereTo(x.s)).filter(Boolean))],
          goods: codes,
        }),
      );
    }
    return { flags, coverage: coverage.records() };
  },
};
