/** RF09: a freight forwarder or logistics firm as the final consignee of goods. */
import type { ContextEntity, FlagContext } from '../context.js';
import { activityCodes, countriesOf, nameOf } from '../facts.js';
import { concernOf } from '../goods.js';
import { isLogisticsActivity } from '../line-of-business.js';
import { normalise, toLatin } from '../../names/index.js';
import { CoverageCounter, flag, shipmentEvidence, type Rule } from '../rule.js';
import type { Evidence, Flag } from '../types.js';

const NEEDS = 'needs the consignee\'s activity code (NACE/OKED 49–53) or name, and shipment lines naming the receiver';

/** Why a party is a logistics firm: its activity code, or (weaker) a word of its name. */
export function logisticsEvidence(ctx: FlagContext, e: ContextEntity): { evidence: Evidence; byName: boolean } | undefined {
  const code = activityCodes(e).find((c) => isLogisticsActivity(c.code));
  if (code) return { evidence: code.evidence, byName: false };
  const words = ctx.config.rf09.nameWords;
  for (const name of e.properties['name'] ?? []) {
    const text = normalise(name);
    const latin = toLatin(text);
    const word = words.find((w) => text.includes(w) || latin.includes(w));
    if (word) return { evidence: { kind: 'statement', id: e.id, value: name, label: `name contains "${word}"` }, byName: true };
  }
  return undefined;
}

export const rf09: Rule = {
  code: 'RF09',
  title: 'Forwarder as final consignee',
  indicator: {
    text: 'A freight forwarder or logistics company is named as the final consignee or destination of the goods.',
    sources: [
      'BIS "Know Your Customer" guidance and red flags (EAR Part 732, Supplement 3): a freight forwarding firm is listed as the product\'s final destination',
      'FinCEN & BIS joint alert FIN-2022-Alert003, 28 June 2022: consignees that do not usually use such goods (e.g. logistics companies)',
    ],
  },
  needs: NEEDS,
  evaluate(ctx) {
    const coverage = new CoverageCounter('RF09', NEEDS);
    const flags: Flag[] = [];
    const window = ctx.config.rf04.windowDays;
    for (const id of [...ctx.byReceiver.keys()].sort()) {
      const e = ctx.parties.get(id);
      const lines = ctx.byReceiver.get(id)!;
      coverage.count(e?.datasets ?? [...new Set(lines.flatMap((s) => s.datasets))], Boolean(e));
      if (!e || e.schema === 'Person') continue;
      const logistics = logisticsEvidence(ctx, e);
      if (!logistics) continue;
      // final: the line ends in the forwarder's own country (a forwarder named as consignee of goods
      // in transit to another country is doing its job)
      const home = new Set(countriesOf(ctx, e));
      const final = lines.filter((s) => !(s.destination && home.size && !home.has(s.destination)));
      if (final.length === 0) continue;
      const outs = ctx.bySender.get(id) ?? [];
      const shippedOn = final.filter((s) => outs.some((o) => o.hs6 && o.hs6 === s.hs6 && o.day >= s.day && o.day - s.day <= window));
      const concern = final.filter((s) => concernOf(s.hs, ctx.config));
      const score = (concern.length ? 0.8 : 0.5) * (logistics.byName ? 0.8 : 1);
      const evidence: Evidence[] = [
        logistics.evidence,
        { kind: 'number', value: final.length, label: 'lines consigned to it as final consignee' },
        { kind: 'number', value: shippedOn.length, label: 'of them shipped on by it within the pass-through window' },
        ...(concern.length ? concern : final).slice(0, 5).map((s) => shipmentEvidence(ctx, s)),
      ];
      flags.push(
        flag({
          code: 'RF09',
          entity_id: id,
          score,
          summary:
            `${nameOf(e)}, a logistics firm${logistics.byName ? ' by its name' : ''}, is the final consignee of ${final.length} shipment line${final.length === 1 ? '' : 's'}` +
            `${concern.length ? `, ${concern.length} of goods of concern` : ''}${shippedOn.length ? `; it shipped the goods of ${shippedOn.length} on itself` : ''}.`,
          evidence,
          countries: [...home],
          goods: [...new Set(final.map((s) => s.hs6).filter((g): g is string => Boolean(g)))],
        }),
      );
    }
    return { flags, coverage: coverage.records() };
  },
};
