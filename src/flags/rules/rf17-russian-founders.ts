/** RF17: a company outside Russia founded after the invasion by Russian nationals (or a Russian company). */
import type { Relation } from '../context.js';
import { dayOf } from '../dates.js';
import { countriesOf, isOrganisation, nameOf, nameOfId, nationalityFacts, registeredRelativeTo, registrationFacts, type NationalityFact } from '../facts.js';
import { CoverageCounter, country, cutoffDay, flag, hubs, onDate, restricted, type Rule } from '../rule.js';
import { relationEvidence } from '../ties.js';
import type { Evidence, Flag } from '../types.js';

const NEEDS = 'needs the registration date of the company and its owners or directors (Ownership, Directorship) with their nationality';

export const rf17: Rule = {
  code: 'RF17',
  title: 'Russian founders after the invasion',
  indicator: {
    text: 'A company in a third country founded after 24 February 2022 by Russian nationals or Russian companies.',
    sources: [
      'OCCRP/IStories/Der Spiegel/Vlast, 19 May 2023: companies registered in Kazakhstan by Russian nationals after 24 February 2022 acted as intermediaries (DOMAIN.md §1)',
      'European Commission, guidance for EU operators on enhanced due diligence (2023): recently established counterparties with Russian owners or managers',
    ],
  },
  needs: NEEDS,
  evaluate(ctx) {
    const cutoff = cutoffDay(ctx);
    const hubSet = hubs(ctx);
    const russia = restricted(ctx);
    const window = ctx.config.rf17.founderDays;
    const coverage = new CoverageCounter('RF17', NEEDS);
    const flags: Flag[] = [];
    for (const e of ctx.parties.values()) {
      if (!isOrganisation(e)) continue;
      const countries = countriesOf(ctx, e);
      if (countries.some((c) => russia.has(c))) continue;
      const founders = (ctx.relationsOf.get(e.id) ?? []).filter((r) => r.to === e.id && (r.kind === 'ownership' || r.kind === 'directorship'));
      const facts = registrationFacts(ctx, e);
      coverage.count(e.datasets, facts.length > 0 && founders.length > 0);
      const { side, fact } = registeredRelativeTo(facts, cutoff);
      if (side !== 'after' || !fact || founders.length === 0) continue;
      // founders: those in place from (about) the registration, not owners who came years later
      const early = founders.filter((r) => {
        const start = dayOf(r.start);
        return Number.isNaN(start) || start - fact.earliest <= window;
      });
      const russian: Array<{ r: Relation; n: NationalityFact }> = [];
      for (const r of early) {
        const person = ctx.parties.get(r.from);
        if (!person) continue;
        const n = nationalityFacts(ctx, person).find((x) => russia.has(x.country));
        if (n) russian.push({ r, n });
      }
      if (russian.length === 0) continue;
      const strength = Math.max(...russian.map((x) => x.n.strength));
      const hub = countries.filter((c) => hubSet.has(c));
      const evidence: Evidence[] = [fact.evidence];
      for (const x of russian) evidence.push(relationEvidence(ctx, x.r), x.n.evidence);
      const names = [...new Set(russian.map((x) => nameOfId(ctx, x.r.from)))];
      flags.push(
        flag({
          code: 'RF17',
          entity_id: e.id,
          score: strength * (hub.length ? 1 : 0.7),
          summary: `${nameOf(e)}${hub.length ? ` (${country(hub[0]!)})` : ''}, registered ${onDate(fact.date)}, was founded by ${names.join(' and ')}, ${russian.map((x) => x.n.country).filter((c, i, a) => a.indexOf(c) === i).map(country).join('/')} ${strength >= 1 ? 'national' : 'resident'}${names.length > 1 ? 's' : ''}.`,
          evidence,
          countries,
        }),
      );
    }
    return { flags, coverage: coverage.records() };
  },
};
