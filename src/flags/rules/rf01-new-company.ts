/** RF01: incorporated on or after 24 February 2022, above all in a transshipment hub. */
import { countriesOf, isOrganisation, nameOf, registeredRelativeTo, registrationFacts } from '../facts.js';
import { CoverageCounter, country, cutoffDay, flag, hubs, onDate, type Rule } from '../rule.js';
import type { Evidence, Flag } from '../types.js';

const NEEDS = 'needs a registration date: incorporationDate, an identifier that encodes it (Kazakh BIN, Kyrgyz INN, Russian OGRN) or a remark stating it';

export const rf01: Rule = {
  code: 'RF01',
  title: 'Incorporated after the invasion',
  indicator: {
    text: 'A counterparty incorporated on or after 24 February 2022, in particular in a third country known as a transshipment point.',
    sources: [
      'FinCEN & BIS supplemental joint alert, 19 May 2023: evaluate the customer\'s date of incorporation (e.g. incorporation after 24 February 2022)',
      'European Commission, guidance for EU operators on enhanced due diligence against Russia sanctions circumvention (2023): new economic operators established after 24 February 2022',
    ],
  },
  needs: NEEDS,
  evaluate(ctx) {
    const cutoff = cutoffDay(ctx);
    const hubSet = hubs(ctx);
    const coverage = new CoverageCounter('RF01', NEEDS);
    const flags: Flag[] = [];
    for (const e of ctx.parties.values()) {
      if (!isOrganisation(e)) continue;
      const facts = registrationFacts(ctx, e);
      coverage.count(e.datasets, facts.length > 0);
      const { side, fact } = registeredRelativeTo(facts, cutoff);
      if (side !== 'after' || !fact) continue;
      const countries = countriesOf(ctx, e);
      const hub = countries.filter((c) => hubSet.has(c));
      const evidence: Evidence[] = [
        fact.evidence,
        { kind: 'date', value: fact.date, label: 'registration date' },
        { kind: 'date', value: ctx.config.invasionDate, label: 'start of the full-scale invasion of Ukraine' },
      ];
      for (const c of hub) evidence.push({ kind: 'statement', id: e.id, value: c, label: `located in ${country(c)}, a transshipment hub` });
      const where = hub.length ? ` in ${country(hub[0]!)}, a transshipment hub,` : countries.length ? ` in ${country(countries[0]!)}` : '';
      flags.push(
        flag({
          code: 'RF01',
          entity_id: e.id,
          score: hub.length ? 1 : ctx.config.rf01.outsideHubScore,
          summary: `${nameOf(e)} was registered${where} ${onDate(fact.date)}, on or after the invasion of Ukraine (${ctx.config.invasionDate}).`,
          evidence,
          countries,
        }),
      );
    }
    return { flags, coverage: coverage.records() };
  },
};
