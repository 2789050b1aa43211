/** RF02: located in, or shipping through, a known transshipment hub toward Russia or Belarus. */
import type { FlagContext, Shipment } from '../context.js';
import { countriesOf, isOrganisation, nameOf } from '../facts.js';
import { CoverageCounter, country, flag, hubs, restricted, shipmentEvidence, type Rule } from '../rule.js';
import type { Evidence, Flag } from '../types.js';

const NEEDS = 'needs the country of the party (country, jurisdiction or an address) or shipment lines with destination and departure or transit countries';

/** The hubs a line passes through on its way: transit countries, and the departure when the goods came from elsewhere. */
export function hubsOnRoute(s: Shipment, hubSet: Set<string>): string[] {
  const out = new Set<string>();
  for (const t of s.transit) if (hubSet.has(t)) out.add(t);
  if (s.departure && hubSet.has(s.departure) && s.origin && s.origin !== s.departure) out.add(s.departure);
  return [...out];
}

function routedLines(ctx: FlagContext, id: string, hubSet: Set<string>, to: Set<string>): Array<{ s: Shipment; via: string[] }> {
  const out: Array<{ s: Shipment; via: string[] }> = [];
  for (const s of [...(ctx.bySender.get(id) ?? []), ...(ctx.byReceiver.get(id) ?? [])]) {
    if (!s.destination || !to.has(s.destination)) continue;
    const via = hubsOnRoute(s, hubSet).filter((c) => c !== s.destination);
    if (via.length) out.push({ s, via });
  }
  return out;
}

export const rf02: Rule = {
  code: 'RF02',
  title: 'Transshipment hub',
  indicator: {
    text: 'A party located in, or goods routed through, a jurisdiction known as a transshipment point for goods diverted to Russia or Belarus.',
    sources: [
      'FinCEN & BIS joint alert FIN-2022-Alert003, 28 June 2022: common transshipment points (Armenia, Brazil, China, Georgia, India, Israel, Kazakhstan, Kyrgyzstan, Mexico, Nicaragua, Serbia, Singapore, South Africa, Taiwan, Tajikistan, Türkiye, UAE, Uzbekistan)',
      'DOJ/Commerce/Treasury Tri-Seal compliance note, 2 March 2023: routing purchases through transshipment points (adds Hong Kong and Macau)',
    ],
  },
  needs: NEEDS,
  evaluate(ctx) {
    const hubSet = hubs(ctx);
    const to = restricted(ctx);
    const cfg = ctx.config.rf02;
    const coverage = new CoverageCounter('RF02', NEEDS);
    const flags: Flag[] = [];
    for (const e of ctx.parties.values()) {
      if (!isOrganisation(e)) continue;
      const countries = countriesOf(ctx, e);
      const routed = routedLines(ctx, e.id, hubSet, to);
      const hasLines = ctx.bySender.has(e.id) || ctx.byReceiver.has(e.id);
      coverage.count(e.datasets, countries.length > 0 || hasLines);
      const located = countries.filter((c) => hubSet.has(c));
      if (located.length === 0 && routed.length === 0) continue;
      const evidence: Evidence[] = located.map((c) => ({ kind: 'statement', id: e.id, value: c, label: `country of ${nameOf(e)}: ${country(c)}, a transshipment hub` }));
      const via = [...new Set(routed.flatMap((r) => r.via))];
      for (const r of routed.slice(0, 5)) evidence.push(shipmentEvidence(ctx, r.s, `via ${r.via.join(', ')}: `));
      if (routed.length) evidence.push({ kind: 'number', value: routed.length, label: 'lines to a restricted destination routed through a hub' });
      const parts: string[] = [];
      if (located.length) parts.push(`is located in ${located.map(country).join(' and ')}, a transshipment hub`);
      if (routed.length) {
        const dest = [...new Set(routed.map((r) => r.s.destination!))].map(country).join(' and ');
        parts.push(`${routed.length === 1 ? 'has one shipment line' : `has ${routed.length} shipment lines`} to ${dest} routed through ${via.map(country).join(', ')}`);
      }
      flags.push(
        flag({
          code: 'RF02',
          entity_id: e.id,
          score: routed.length ? cfg.routingScore : cfg.locationScore,
          summary: `${nameOf(e)} ${parts.join(' and ')}.`,
          evidence,
          countries: [...new Set([...located, ...via])],
          goods: [...new Set(routed.map((r) => r.s.hs6).filter((g): g is string => Boolean(g)))],
        }),
      );
    }
    return { flags, coverage: coverage.records() };
  },
};
