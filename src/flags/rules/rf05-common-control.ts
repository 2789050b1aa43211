/**
 * RF05: a common owner, director or relative on both sides of a trade — the importer in the hub
 * and its Russian buyer owned by one person, or the exporter owned by the parents and the hub
 * intermediary by their son.
 */
import type { FlagContext, Relation } from '../context.js';
import { nameOfId } from '../facts.js';
import { CoverageCounter, country, flag, mainCountry, restricted, shipmentEvidence, type Rule } from '../rule.js';
import { onwardRoutes, tradePairs, type TradePair } from '../routes.js';
import { controllers, kin, relationEvidence, type Control, type Window } from '../ties.js';
import type { Evidence, Flag, Route } from '../types.js';

const NEEDS = 'needs ownership or directorship relations (Ownership, Directorship) of the trading parties, and Family/Associate relations for relatives';

export interface Tie {
  kind: 'direct' | 'common' | 'family' | 'associate';
  /** the controller on the sender's side and on the receiver's (the same for common) */
  a: string;
  b: string;
  pathA: Relation[];
  pathB: Relation[];
  link?: Relation;
}

const TIE_SCORE: Record<Tie['kind'], number> = { direct: 1, common: 1, family: 0.9, associate: 0.6 };

/** Ties between the two sides of a trade pair, strongest first. */
export function tiesBetween(ctx: FlagContext, sender: string, receiver: string, w: Window): Tie[] {
  const ca = controllers(ctx, sender, w);
  const cb = controllers(ctx, receiver, w);
  const ties: Tie[] = [];
  if (cb.has(sender)) ties.push({ kind: 'direct', a: sender, b: sender, pathA: [], pathB: cb.get(sender)!.path });
  if (ca.has(receiver)) ties.push({ kind: 'direct', a: receiver, b: receiver, pathA: ca.get(receiver)!.path, pathB: [] });
  for (const [id, c] of ca) {
    if (id === receiver) continue;
    const other = cb.get(id);
    if (other) ties.push({ kind: 'common', a: id, b: id, pathA: c.path, pathB: other.path });
  }
  if (ties.length === 0) {
    const sideB = new Map<string, Control>(cb);
    sideB.set(receiver, { controller: receiver, path: [] });
    for (const [id, c] of [...ca, [sender, { controller: sender, path: [] }] as [string, Control]]) {
      for (const k of kin(ctx, id, w, ctx.config.rf05.associates)) {
        const other = sideB.get(k.other);
        if (!other) continue;
        ties.push({ kind: k.relation.kind === 'family' ? 'family' : 'associate', a: id, b: k.other, pathA: c.path, pathB: other.path, link: k.relation });
      }
    }
  }
  return ties.sort((x, y) => TIE_SCORE[y.kind] - TIE_SCORE[x.kind] || x.pathA.length + x.pathB.length - (y.pathA.length + y.pathB.length));
}

function tieSentence(ctx: FlagContext, t: Tie, pair: TradePair): string {
  const s = nameOfId(ctx, pair.sender);
  const r = nameOfId(ctx, pair.receiver);
  switch (t.kind) {
    case 'direct':
      return t.a === pair.sender ? `${s} controls its customer ${r}` : `${r} controls its supplier ${s}`;
    case 'common':
      return `${s} and its customer ${r} are both controlled by ${nameOfId(ctx, t.a)}`;
    case 'family':
      return `${s} and its customer ${r} are controlled by relatives, ${nameOfId(ctx, t.a)} and ${nameOfId(ctx, t.b)}${t.link?.relationship ? ` (${t.link.relationship})` : ''}`;
    default:
      return `${s} and its customer ${r} are controlled by associates, ${nameOfId(ctx, t.a)} and ${nameOfId(ctx, t.b)}`;
  }
}

/** The route a tied pair belongs to: who is the intermediary, and who supplies or buys. */
function routeOf(ctx: FlagContext, pair: TradePair): { route: Route; onward: ReturnType<typeof onwardRoutes>[number] | undefined; upstream: boolean } {
  const window = ctx.config.rf05.routeWindowDays;
  // the receiver ships the goods on: sender → receiver → buyer
  const onward = onwardRoutes(ctx, pair.receiver, pair.lines, window)[0];
  if (onward) return { route: { supplier: pair.sender, intermediary: pair.receiver, buyer: onward.buyer }, onward, upstream: false };
  // the sender got the goods from someone: supplier → sender → receiver
  const ins = ctx.byReceiver.get(pair.sender) ?? [];
  const upstream = onwardRoutes(ctx, pair.sender, ins, window).find((r) => r.buyer === pair.receiver);
  if (upstream) return { route: { supplier: upstream.supplier, intermediary: pair.sender, buyer: pair.receiver }, onward: upstream, upstream: true };
  return { route: { intermediary: pair.sender, buyer: pair.receiver }, onward: undefined, upstream: false };
}

export const rf05: Rule = {
  code: 'RF05',
  title: 'Common owner, director or relative across a route',
  indicator: {
    text: 'The same owner, director or family on both sides of a trade through a third country: a related intermediary set up to pass goods to a Russian buyer.',
    sources: [
      'FinCEN & BIS joint alert FIN-2022-Alert003, 28 June 2022: use of corporate vehicles to obscure ownership or the countries involved',
      'European Commission, guidance for EU operators on enhanced due diligence (2023): common directors or shareholders with Russian counterparties',
      'OCCRP/IStories/Der Spiegel/Vlast, 19 May 2023: one owner of the Kazakh importer and the Moscow buyer; parents and son on both sides (DOMAIN.md §1)',
    ],
  },
  needs: NEEDS,
  evaluate(ctx) {
    const to = restricted(ctx);
    const coverage = new CoverageCounter('RF05', NEEDS);
    const flags: Flag[] = [];
    const hasControl = (id: string) => (ctx.relationsOf.get(id) ?? []).some((r) => r.to === id && (r.kind === 'ownership' || r.kind === 'directorship'));
    const flagged = new Set<string>();
    for (const pair of [...tradePairs(ctx)].sort((a, b) => (a.sender + a.receiver).localeCompare(b.sender + b.receiver))) {
      const datasets = [...new Set(pair.lines.flatMap((s) => s.datasets))];
      const evaluable = hasControl(pair.sender) && hasControl(pair.receiver);
      coverage.count(datasets, evaluable);
      if (!evaluable) continue;
      const w: Window = { from: pair.first, to: pair.last };
      const tie = tiesBetween(ctx, pair.sender, pair.receiver, w)[0];
      if (!tie) continue;
      const { route, onward } = routeOf(ctx, pair);
      const countries = [route.supplier, route.intermediary, route.buyer].map((id) => mainCountry(ctx, id));
      const lineDestinations = [...pair.lines, ...(onward?.outLines ?? [])].map((s) => s.destination);
      const reaches = [...countries, ...lineDestinations].find((c) => c && to.has(c));
      const sentence = tieSentence(ctx, tie, pair);
      const evidence: Evidence[] = [];
      for (const r of [...tie.pathA, ...(tie.link ? [tie.link] : []), ...tie.pathB]) evidence.push(relationEvidence(ctx, r));
      if (tie.kind !== 'direct') evidence.push({ kind: 'entity', id: tie.a, label: `controller: ${nameOfId(ctx, tie.a)}` });
      if (tie.b !== tie.a) evidence.push({ kind: 'entity', id: tie.b, label: `controller: ${nameOfId(ctx, tie.b)}` });
      for (const s of pair.lines.slice(0, 3)) evidence.push(shipmentEvidence(ctx, s));
      for (const s of onward?.outLines.slice(0, 3) ?? []) if (!pair.lines.includes(s)) evidence.push(shipmentEvidence(ctx, s, 'onward: '));
      const summary = `${sentence}${reaches ? `; the goods reach ${country(reaches)}` : ''}.`;
      const score = TIE_SCORE[tie.kind] * (reaches ? 1 : 0.3);
      for (const id of [pair.sender, pair.receiver]) {
        const key = `${id}|${route.supplier}|${route.intermediary}|${route.buyer}`;
        if (flagged.has(key)) continue;
        flagged.add(key);
        flags.push(
          flag({
            code: 'RF05',
            entity_id: id,
            score,
            summary,
            evidence,
            route,
            countries: countries.filter((c): c is string => Boolean(c)),
            goods: [...new Set(pair.lines.map((s) => s.hs6).filter((g): g is string => Boolean(g)))],
          }),
        );
      }
    }
    return { flags, coverage: coverage.records() };
  },
};
