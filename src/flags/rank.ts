/**
 * Risk ranking: a score per entity and per route (supplier → intermediary → buyer) that adds up
 * its flags, one term per rule — weight × the flag's score × trade-hub context — so that every
 * point of the score can be traced to a rule, a flag and its evidence.
 */
import { countryName } from '../model/countries.js';
import type { FlagContext, HubContext } from './context.js';
import { nameOf } from './facts.js';
import { fromListsOnly, mainCountry, round } from './rule.js';
import { routesThrough } from './routes.js';
import type { Flag, Route, RuleCode } from './types.js';

export interface Term {
  code: RuleCode;
  /** the rule's weight in the configuration */
  weight: number;
  /** the strongest flag's score (0–1) */
  score: number;
  /** trade-hub context multiplier (1 without trade data) */
  context: number;
  /** why the context is what it is */
  context_reason?: string;
  /** weight × score × context: this term's part of the total */
  contribution: number;
  summary: string;
  /** flags of this rule on the entity (the strongest counts) */
  flags: number;
}

export interface EntityScore {
  entity_id: string;
  caption: string;
  schema: string;
  country?: string;
  datasets: string[];
  /** a listed party itself */
  listed: boolean;
  /** comes only from sanctions lists (not a registry or shipment party) */
  list_only: boolean;
  score: number;
  rank: number;
  terms: Term[];
  flag_count: number;
  /** the summary of the largest term */
  first_reason: string;
}

export interface RouteTerm extends Term {
  entity_id: string;
  role: 'supplier' | 'intermediary' | 'buyer';
}

export interface RouteScore {
  id: string;
  supplier?: string;
  intermediary: string;
  buyer?: string;
  names: { supplier?: string; intermediary: string; buyer?: string };
  countries: { supplier?: string; intermediary?: string; buyer?: string };
  score: number;
  rank: number;
  terms: RouteTerm[];
  goods: string[];
  lines: number;
  first?: string;
  last?: string;
}

/** The multiplier trade-hub context gives a flag about these countries and goods, and why. */
export function hubMultiplier(ctx: FlagContext, hubs: HubContext | undefined, countries: string[], goods: string[]): { m: number; reason?: string } {
  if (!hubs || countries.length === 0) return { m: 1 };
  const cfg = ctx.config.ranking;
  let best: { score: number; country: string; code?: string } | undefined;
  for (const c of countries) {
    const byGoods = hubs.goods.get(c);
    const goodScores = goods.map((g) => ({ g, s: byGoods?.get(g) })).filter((x): x is { g: string; s: number } => x.s !== undefined);
    const candidates = goodScores.length ? goodScores.map((x) => ({ score: x.s, country: c, code: x.g })) : hubs.countries.has(c) ? [{ score: hubs.countries.get(c)!, country: c }] : [];
    for (const x of candidates) if (!best || Math.abs(x.score) > Math.abs(best.score)) best = x;
  }
  if (!best) return { m: 1 };
  const m = Math.max(cfg.minMultiplier, Math.min(1 + cfg.hubBoost, 1 + cfg.hubBoost * best.score));
  if (Math.abs(m - 1) < 1e-9) return { m: 1 };
  const what = best.code ? `${countryName(best.country)} for HS ${best.code}` : countryName(best.country);
  return { m: round(m, 3), reason: `trade data scores ${what} ${round(best.score, 2)} as a diversion hub (${hubs.method}): ×${round(m, 2)}` };
}

/** Rules about who a party is (registry and location facts), as against what it does. */
export const PROFILE_RULES: ReadonlySet<RuleCode> = new Set<RuleCode>(['RF01', 'RF02', 'RF06', 'RF17']);

function termsOf(ctx: FlagContext, flags: Flag[], entityCountry?: string): Term[] {
  const byCode = new Map<RuleCode, { flag: Flag; value: number; m: number; reason?: string; count: number }>();
  // registry facts weigh as much as the strongest flag on the party's conduct, at least `profileOnlyFactor`
  const conduct = Math.max(0, ...flags.filter((f) => !PROFILE_RULES.has(f.code)).map((f) => f.score));
  const factor = round(Math.min(1, Math.max(ctx.config.ranking.profileOnlyFactor, conduct)), 3);
  for (const f of flags) {
    const countries = f.countries?.length ? f.countries : entityCountry ? [entityCountry] : [];
    const hub = hubMultiplier(ctx, ctx.hubs, countries, f.goods ?? []);
    let { m, reason } = hub;
    if (factor < 1 && PROFILE_RULES.has(f.code)) {
      m = round(m * factor, 3);
      const why =
        conduct < ctx.config.ranking.profileOnlyFactor
          ? `no clear flag on its conduct (trade, goods, ties, listed links): registry facts count ×${factor}`
          : `registry facts count as much as its strongest flag on conduct: ×${factor}`;
      reason = reason ? `${reason}; ${why}` : why;
    }
    const value = f.score * m;
    const cur = byCode.get(f.code);
    if (!cur) byCode.set(f.code, { flag: f, value, m, reason, count: 1 });
    else {
      cur.count++;
      if (value > cur.value) Object.assign(cur, { flag: f, value, m, reason });
    }
  }
  const terms: Term[] = [];
  for (const [code, x] of byCode) {
    const weight = ctx.config.weights[code] ?? 0;
    const term: Term = { code, weight, score: x.flag.score, context: x.m, contribution: round(weight * x.value), summary: x.flag.summary, flags: x.count };
    if (x.reason) term.context_reason = x.reason;
    terms.push(term);
  }
  return terms.sort((a, b) => b.contribution - a.contribution || a.code.localeCompare(b.code));
}

/** Entity scores, highest first, for every entity with a flag. */
export function rankEntities(ctx: FlagContext, flags: Flag[]): EntityScore[] {
  const byEntity = new Map<string, Flag[]>();
  for (const f of flags) {
    const list = byEntity.get(f.entity_id);
    if (list) list.push(f);
    else byEntity.set(f.entity_id, [f]);
  }
  const scores: EntityScore[] = [];
  for (const [id, list] of byEntity) {
    const e = ctx.parties.get(id);
    const country = mainCountry(ctx, id);
    const terms = termsOf(ctx, list, country);
    const score: EntityScore = {
      entity_id: id,
      caption: nameOf(e, id),
      schema: e?.schema ?? 'LegalEntity',
      datasets: e?.datasets ?? [],
      listed: ctx.listed.has(id),
      list_only: e ? fromListsOnly(ctx, e) : false,
      score: round(terms.reduce((t, x) => t + x.contribution, 0)),
      rank: 0,
      terms,
      flag_count: list.length,
      first_reason: terms[0]?.summary ?? '',
    };
    if (country) score.country = country;
    scores.push(score);
  }
  scores.sort((a, b) => b.score - a.score || b.flag_count - a.flag_count || a.entity_id.localeCompare(b.entity_id));
  // listed parties and list-only entries are ranked apart from the registry and shipment parties
  let subjectRank = 0;
  let otherRank = 0;
  for (const s of scores) s.rank = s.list_only || s.listed ? ++otherRank : ++subjectRank;
  return scores;
}

function routeKey(r: Route): string {
  return `${r.supplier ?? ''}>${r.intermediary}>${r.buyer ?? ''}`;
}

/**
 * Route scores: the routes flags name (pass-through, common control, false transit), completed
 * with the supplier or buyer the trade shows, and the main routes through every flagged
 * intermediary. A route's score takes each rule once, from whichever of its parties has the
 * strongest flag of it.
 */
export function rankRoutes(ctx: FlagContext, flags: Flag[], entities: EntityScore[]): RouteScore[] {
  const windowDays = ctx.config.rf05.routeWindowDays;
  const scoreOf = new Map(entities.map((e) => [e.entity_id, e]));
  const routes = new Map<string, { route: Route; lines: Set<string>; goods: Set<string>; first?: string; last?: string }>();
  const addRoute = (route: Route, lines: Array<{ id: string; hs6?: string; date?: string }> = []) => {
    const k = routeKey(route);
    let r = routes.get(k);
    if (!r) routes.set(k, (r = { route, lines: new Set(), goods: new Set() }));
    for (const l of lines) {
      r.lines.add(l.id);
      if (l.hs6) r.goods.add(l.hs6);
      if (l.date && (!r.first || l.date < r.first)) r.first = l.date;
      if (l.date && (!r.last || l.date > r.last)) r.last = l.date;
    }
  };
  const throughCache = new Map<string, ReturnType<typeof routesThrough>>();
  const through = (id: string) => {
    let t = throughCache.get(id);
    if (!t) throughCache.set(id, (t = routesThrough(ctx, id, windowDays)));
    return t;
  };
  for (const f of flags) {
    if (!f.route) continue;
    const candidates = through(f.route.intermediary).filter(
      (r) => (!f.route!.supplier || r.supplier === f.route!.supplier) && (!f.route!.buyer || r.buyer === f.route!.buyer),
    );
    if (candidates.length) for (const c of candidates.slice(0, ctx.config.ranking.routesPerIntermediary)) addRoute({ supplier: c.supplier, intermediary: c.intermediary, buyer: c.buyer }, [...c.inLines, ...c.outLines]);
    else addRoute(f.route);
  }
  for (const e of entities) {
    if (e.list_only || e.score <= 0) continue;
    for (const c of through(e.entity_id).slice(0, ctx.config.ranking.routesPerIntermediary)) {
      addRoute({ supplier: c.supplier, intermediary: c.intermediary, buyer: c.buyer }, [...c.inLines, ...c.outLines]);
    }
  }
  const out: RouteScore[] = [];
  for (const [id, r] of routes) {
    const byCode = new Map<RuleCode, RouteTerm>();
    const roles: Array<[RouteTerm['role'], string | undefined]> = [
      ['supplier', r.route.supplier],
      ['intermediary', r.route.intermediary],
      ['buyer', r.route.buyer],
    ];
    for (const [role, entityId] of roles) {
      if (!entityId) continue;
      for (const t of scoreOf.get(entityId)?.terms ?? []) {
        const cur = byCode.get(t.code);
        if (!cur || t.contribution > cur.contribution) byCode.set(t.code, { ...t, entity_id: entityId, role });
      }
    }
    const terms = [...byCode.values()].sort((a, b) => b.contribution - a.contribution || a.code.localeCompare(b.code));
    const name = (x?: string) => (x ? nameOf(ctx.parties.get(x), x) : undefined);
    out.push({
      id,
      supplier: r.route.supplier,
      intermediary: r.route.intermediary,
      buyer: r.route.buyer,
      names: { supplier: name(r.route.supplier), intermediary: name(r.route.intermediary)!, buyer: name(r.route.buyer) },
      countries: { supplier: mainCountry(ctx, r.route.supplier), intermediary: mainCountry(ctx, r.route.intermediary), buyer: mainCountry(ctx, r.route.buyer) },
      score: round(terms.reduce((t, x) => t + x.contribution, 0)),
      rank: 0,
      terms,
      goods: [...r.goods].sort(),
      lines: r.lines.size,
      first: r.first,
      last: r.last,
    });
  }
  out.sort((a, b) => b.score - a.score || b.lines - a.lines || a.id.localeCompare(b.id));
  out.forEach((r, i) => (r.rank = i + 1));
  return out;
}
