/**
 * RF16: false transit — goods declared for a third country in transit through Russia or Belarus
 * that never arrive there (no arrival declaration, where the data holds arrival declarations for
 * that country), or whose consignee sits in Russia or Belarus although another destination is
 * declared.
 */
import type { FlagContext, Shipment } from '../context.js';
import { nameOfId } from '../facts.js';
import { concernOf } from '../goods.js';
import { CoverageCounter, country, flag, mainCountry, restricted, shipmentEvidence, type Rule } from '../rule.js';
import type { Evidence, Flag } from '../types.js';

const NEEDS = 'needs shipment lines with transit countries, and arrival (import) declarations in the declared destination to tell which consignments arrive';

interface Suspect {
  line: Shipment;
  reason: 'no-arrival' | 'consignee-elsewhere';
  consigneeCountry?: string;
}

/** Countries whose arrival declarations of consignments in transit the data holds. */
function arrivalCountries(ctx: FlagContext, via: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const s of ctx.allShipments) {
    if (s.destination && s.transit.some((t) => via.has(t)) && ctx.arrivals.has(s.id)) out.add(s.destination);
  }
  return out;
}

export const rf16: Rule = {
  code: 'RF16',
  title: 'False transit',
  indicator: {
    text: 'Goods declared for a third country in transit through Russia or Belarus that are unloaded there instead: the declared destination is not the real one.',
    sources: [
      'European Commission, FAQ on Reg. 833/2014 and guidance on enhanced due diligence (2023): transit through Russia of goods declared for third countries as a circumvention route',
      'FinCEN & BIS supplemental joint alert, 19 May 2023: transactions involving atypical shipping routes and changes of destination',
    ],
  },
  needs: NEEDS,
  evaluate(ctx) {
    const via = new Set(ctx.config.rf16.transitCountries.map((c) => c.toUpperCase()));
    const to = restricted(ctx);
    const arriving = arrivalCountries(ctx, via);
    const coverage = new CoverageCounter('RF16', NEEDS);
    const withTransit = new Set<string>();
    for (const s of ctx.allShipments) if (s.transit.length) for (const d of s.datasets) withTransit.add(d);
    const suspects: Suspect[] = [];
    for (const s of ctx.allShipments) {
      if (s.direction === 'import' || !s.destination || to.has(s.destination) || !s.transit.some((t) => via.has(t))) {
        if (s.direction !== 'import') coverage.count(s.datasets, s.datasets.some((d) => withTransit.has(d)));
        continue;
      }
      const consigneeCountry = mainCountry(ctx, s.receiver);
      const elsewhere = consigneeCountry !== undefined && to.has(consigneeCountry);
      coverage.count(s.datasets, elsewhere || arriving.has(s.destination));
      if (elsewhere) suspects.push({ line: s, reason: 'consignee-elsewhere', consigneeCountry });
      else if (arriving.has(s.destination) && !ctx.arrivals.has(s.id)) suspects.push({ line: s, reason: 'no-arrival' });
    }
    const byParty = new Map<string, Suspect[]>();
    for (const x of suspects) {
      for (const id of [x.line.receiver, x.line.sender]) {
        if (!id) continue;
        const list = byParty.get(id);
        if (list) list.push(x);
        else byParty.set(id, [x]);
      }
    }
    const flags: Flag[] = [];
    for (const [id, list] of [...byParty.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const first = list[0]!;
      const consignee = first.line.receiver === id;
      const concern = list.some((x) => concernOf(x.line.hs, ctx.config));
      const dest = first.line.destination!;
      const through = first.line.transit.filter((t) => via.has(t));
      const evidence: Evidence[] = [
        ...list.slice(0, 5).map((x) => shipmentEvidence(ctx, x.line, x.reason === 'no-arrival' ? 'no arrival declared: ' : `consignee in ${x.consigneeCountry}: `)),
        { kind: 'number', value: list.length, label: `lines declared for ${dest} in transit through ${through.join(', ')}${first.reason === 'no-arrival' ? ' without an arrival declaration' : ''}` },
      ];
      const why =
        first.reason === 'no-arrival'
          ? `no arrival in ${country(dest)} is declared, while other consignments through ${through.map(country).join(', ')} are declared again on arrival`
          : `the consignee is registered in ${country(first.consigneeCountry!)}`;
      flags.push(
        flag({
          code: 'RF16',
          entity_id: id,
          score: (consignee ? 0.9 : 0.6) * (concern ? 1 : 0.8),
          summary: `${list.length} shipment line${list.length === 1 ? '' : 's'} from ${nameOfId(ctx, first.line.sender)} to ${nameOfId(ctx, first.line.receiver)} declared for ${country(dest)} in transit through ${through.map(country).join(', ')}: ${why}.`,
          evidence,
          route: consignee ? { supplier: first.line.sender, intermediary: id } : { supplier: id, intermediary: first.line.receiver ?? id },
          countries: [dest, ...through],
          goods: [...new Set(list.map((x) => x.line.hs6).filter((g): g is string => Boolean(g)))],
        }),
      );
    }
    return { flags, coverage: coverage.records() };
  },
};
