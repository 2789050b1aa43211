/** RF08: goods inconsistent with the line of business (activity code vs HS code). */
import type { Shipment } from '../context.js';
import { activityCodes, nameOf } from '../facts.js';
import { concernOf } from '../goods.js';
import { lineOfBusiness, scopeCovers, type GoodsScope } from '../line-of-business.js';
import { CoverageCounter, flag, round, shipmentEvidence, type Rule } from '../rule.js';
import type { Evidence, Flag } from '../types.js';

const NEEDS = 'needs an activity code of the company (NACE, OKED or OKVED in classification or sector) and its shipment lines with HS codes';

export const rf08: Rule = {
  code: 'RF08',
  title: 'Goods inconsistent with the line of business',
  indicator: {
    text: 'The goods a party trades do not fit its line of business (e.g. a fruit wholesaler importing microchips).',
    sources: [
      'BIS "Know Your Customer" guidance and red flags (EAR Part 732, Supplement 3): the product\'s capabilities do not fit the buyer\'s line of business',
      'FinCEN & BIS supplemental joint alert, 19 May 2023: evaluate whether the customer\'s line of business is consistent with the ordered items',
    ],
  },
  needs: NEEDS,
  evaluate(ctx) {
    const cfg = ctx.config.rf08;
    const coverage = new CoverageCounter('RF08', NEEDS);
    const flags: Flag[] = [];
    const ids = [...new Set([...ctx.bySender.keys(), ...ctx.byReceiver.keys()])].sort();
    for (const id of ids) {
      const e = ctx.parties.get(id);
      const lines = [...(ctx.bySender.get(id) ?? []), ...(ctx.byReceiver.get(id) ?? [])].filter((s) => s.hs);
      const datasets = e?.datasets ?? [...new Set(lines.flatMap((s) => s.datasets))];
      if (!e || e.schema === 'Person') {
        coverage.count(datasets, false);
        continue;
      }
      const codes = activityCodes(e);
      const known = codes.map((c) => ({ c, line: lineOfBusiness(c.code) })).filter((x) => x.line);
      coverage.count(datasets, known.length > 0 && lines.length > 0);
      if (known.length === 0 || lines.length === 0) continue;
      const scopes: GoodsScope[] = known.map((x) => x.line!.scope);
      if (scopes.some((s) => s.kind === 'any')) continue;
      const outside = lines.filter((s) => !scopes.some((scope) => scopeCovers(scope, s.hs!)));
      if (outside.length === 0) continue;
      const concern = outside.filter((s) => concernOf(s.hs, ctx.config));
      const total = (list: Shipment[]) => list.reduce((t, s) => t + (s.value ?? 0), 0);
      const valued = lines.every((s) => s.value !== undefined);
      const share = valued && total(lines) > 0 ? total(outside) / total(lines) : outside.length / lines.length;
      if (concern.length === 0 && share < cfg.minShare) continue;
      const score = concern.length ? 0.9 : 0.5;
      const label = known.map((x) => `${x.c.code} ${x.line!.label}`).join('; ');
      const hsOutside = [...new Set(outside.map((s) => s.hs6 ?? s.hs!))];
      const evidence: Evidence[] = [
        ...known.map((x) => x.c.evidence),
        { kind: 'number', value: round(share, 3), label: `share of ${valued ? 'value' : 'lines'} outside the line of business` },
        ...(concern.length ? concern : outside).slice(0, 5).map((s) => shipmentEvidence(ctx, s)),
      ];
      flags.push(
        flag({
          code: 'RF08',
          entity_id: id,
          score,
          summary:
            `${nameOf(e)} is registered for ${label}, yet ${concern.length ? `trades goods of concern (HS ${[...new Set(concern.map((s) => s.hs6 ?? s.hs!))].slice(0, 4).join(', ')})` : `${Math.round(share * 100)}% of its trade is HS ${hsOutside.slice(0, 4).join(', ')}`}` +
            ', outside that line of business.',
          evidence,
          goods: hsOutside,
        }),
      );
    }
    return { flags, coverage: coverage.records() };
  },
};
