/**
 * RF07: within N hops of a listed party, or its successor. Hops follow ownership, directorship,
 * family, association, succession and other relations, trade with the listed party itself, and
 * cross-reference links: a party that matches a listed party is that party (0 hops) when the
 * match is strong, one hop from it when it is only possible.
 */
import type { CrossrefLink, FlagContext, Relation } from '../context.js';
import { nameOf, nameOfId } from '../facts.js';
import { CoverageCounter, flag, fmt, fromListsOnly, round, shipmentEvidence, type Rule } from '../rule.js';
import { tradePairs, type TradePair } from '../routes.js';
import { relationEvidence, relationSentence } from '../ties.js';
import type { Evidence, Flag } from '../types.js';

const NEEDS = 'needs relations (ownership, directorship, family…), shipment lines, or cross-reference links between the dataset and the sanctions lists (sanctrace crossref)';

export type Hop =
  | { kind: 'relation'; relation: Relation }
  | { kind: 'trade'; pair: TradePair }
  | { kind: 'crossref'; link: CrossrefLink; strong: boolean };

interface Edge {
  to: string;
  /** hops it counts: a strong cross-reference match is the same party (0) */
  hops: 0 | 1;
  /** how much of the link to the listed party survives this step (0–1) */
  weight: number;
  hop: Hop;
}

/** Adjacency over parties: relations, trade pairs and cross-reference links, both directions. */
function adjacency(ctx: FlagContext): Map<string, Edge[]> {
  const weights = ctx.config.rf07.stepWeights;
  const adj = new Map<string, Edge[]>();
  const add = (a: string, b: string, hops: 0 | 1, weight: number, hop: Hop) => {
    if (a === b) return;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const list = adj.get(x);
      const edge = { to: y, hops, weight, hop };
      if (list) list.push(edge);
      else adj.set(x, [edge]);
    }
  };
  for (const r of ctx.relations) add(r.from, r.to, 1, weights[r.kind], { kind: 'relation', relation: r });
  if (ctx.config.rf07.tradeEdges) for (const p of tradePairs(ctx)) add(p.sender, p.receiver, 1, weights.trade, { kind: 'trade', pair: p });
  for (const l of ctx.crossref) {
    const strong = l.score >= ctx.config.rf07.crossrefThreshold;
    add(l.subject_id, l.listed_id, strong ? 0 : 1, strong ? l.score : l.score * ctx.config.rf07.possibleMatchWeight, { kind: 'crossref', link: l, strong });
  }
  return adj;
}

export interface Reach {
  hops: number;
  /** the product of the steps' weights: how strongly the party is tied to the listed one */
  strength: number;
  /** the listed party it leads to */
  listed: string;
  /** steps from the party to the listed one, in order */
  path: Array<{ from: string; to: string; hop: Hop }>;
}

/** A binary heap of [key, value] with the largest key on top. */
class MaxHeap<T> {
  private readonly items: Array<[number, T]> = [];
  get size(): number {
    return this.items.length;
  }
  push(key: number, value: T): void {
    const a = this.items;
    a.push([key, value]);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p]![0] >= a[i]![0]) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): [number, T] | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]![0] > a[m]![0]) m = l;
        if (r < a.length && a[r]![0] > a[m]![0]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * The strongest tie of every party within `maxHops` of a listed party, with its path: a search
 * from all listed parties at once that follows the strongest steps first. Trade counts only with
 * the listed party itself (or what matches it): a supplier's other customers are not linked.
 */
export function reachFromListed(ctx: FlagContext, maxHops = ctx.config.rf07.maxHops): Map<string, Reach> {
  const adj = adjacency(ctx);
  const best = new Map<string, { strength: number; hops: number; listed: string; prev?: string; hop?: Hop }>();
  const heap = new MaxHeap<string>();
  for (const id of [...ctx.listed].sort()) {
    best.set(id, { strength: 1, hops: 0, listed: id });
    heap.push(1, id);
  }
  const done = new Set<string>();
  while (heap.size) {
    const [, id] = heap.pop()!;
    if (done.has(id)) continue;
    done.add(id);
    const cur = best.get(id)!;
    for (const e of adj.get(id) ?? []) {
      if (e.hop.kind === 'trade' && cur.hops > 0) continue;
      const hops = cur.hops + e.hops;
      if (hops > maxHops || done.has(e.to)) continue;
      const strength = cur.strength * e.weight;
      const old = best.get(e.to);
      if (old && old.strength >= strength) continue;
      best.set(e.to, { strength, hops, listed: cur.listed, prev: id, hop: e.hop });
      heap.push(strength, e.to);
    }
  }
  const out = new Map<string, Reach>();
  for (const [id, b] of best) {
    if (ctx.listed.has(id)) continue;
    const path: Reach['path'] = [];
    for (let node = best.get(id)!, at = id, guard = 0; node.prev !== undefined && guard < 64; guard++) {
      path.push({ from: at, to: node.prev, hop: node.hop! });
      at = node.prev;
      node = best.get(at)!;
    }
    out.set(id, { hops: b.hops, strength: b.strength, listed: b.listed, path });
  }
  return out;
}

/**
 * Shares held by listed parties, multiplied down ownership chains (the OFAC 50 Percent Rule and
 * the EU's ownership test aggregate them): entity → listed party → share (0–1). Parties matched
 * strongly to a listed party count as it.
 */
export function listedOwnership(ctx: FlagContext, depth: number): Map<string, Map<string, { share: number; path: Relation[] }>> {
  const alias = new Map<string, string>();
  for (const id of ctx.listed) alias.set(id, id);
  for (const l of ctx.crossref) if (l.score >= ctx.config.rf07.crossrefThreshold && !alias.has(l.subject_id)) alias.set(l.subject_id, l.listed_id);
  const out = new Map<string, Map<string, { share: number; path: Relation[] }>>();
  let frontier: Array<{ id: string; listed: string; share: number; path: Relation[] }> = [...alias].map(([id, listed]) => ({ id, listed, share: 1, path: [] }));
  for (let level = 0; level < depth && frontier.length; level++) {
    const next: typeof frontier = [];
    for (const f of frontier) {
      for (const r of ctx.relationsOf.get(f.id) ?? []) {
        if (r.kind !== 'ownership' || r.from !== f.id || r.percentage === undefined || r.end) continue;
        const share = f.share * Math.min(100, r.percentage) / 100;
        let held = out.get(r.to);
        if (!held) out.set(r.to, (held = new Map()));
        const old = held.get(f.listed);
        // several chains from the same listed party add up
        held.set(f.listed, { share: (old?.share ?? 0) + share, path: old && old.path.length <= f.path.length + 1 ? old.path : [...f.path, r] });
        next.push({ id: r.to, listed: f.listed, share, path: [...f.path, r] });
      }
    }
    frontier = next;
  }
  return out;
}

function hopEvidence(ctx: FlagContext, step: Reach['path'][number]): Evidence[] {
  const h = step.hop;
  if (h.kind === 'relation') return [relationEvidence(ctx, h.relation)];
  if (h.kind === 'trade') {
    const p = h.pair;
    return [
      { kind: 'number', value: p.lines.length, label: `shipment lines ${nameOfId(ctx, p.sender)} → ${nameOfId(ctx, p.receiver)}` },
      shipmentEvidence(ctx, p.lines[p.lines.length - 1]!, 'latest: '),
    ];
  }
  return [
    {
      kind: 'entity',
      id: h.link.listed_id,
      label: `cross-reference: ${nameOfId(ctx, h.link.subject_id)} matches the listed ${nameOfId(ctx, h.link.listed_id)} (score ${round(h.link.score, 2)}${h.strong ? '' : ', a possible match'})`,
    },
    ...h.link.explanation.slice(0, 3).map((text): Evidence => ({ kind: 'statement', id: h.link.subject_id, value: text, label: 'match explanation' })),
  ];
}

function hopSentence(ctx: FlagContext, step: Reach['path'][number]): string {
  const h = step.hop;
  if (h.kind === 'relation') return relationSentence(ctx, h.relation);
  if (h.kind === 'trade') return `${nameOfId(ctx, h.pair.sender)} shipped goods to ${nameOfId(ctx, h.pair.receiver)} (${fmt(h.pair.lines.length)} lines)`;
  return `${nameOfId(ctx, h.link.subject_id)} ${h.strong ? 'matches' : 'may be'} the listed ${nameOfId(ctx, h.link.listed_id)}`;
}

function listedLabel(ctx: FlagContext, id: string): string {
  const e = ctx.parties.get(id);
  const programs = (ctx.sanctions.get(id) ?? []).flatMap((s) => s.properties['program'] ?? s.properties['authority'] ?? []);
  return `${nameOf(e, id)} (${[...new Set([...(e?.datasets ?? []), ...programs.slice(0, 2)])].join('; ')})`;
}

export const rf07: Rule = {
  code: 'RF07',
  title: 'Linked to a listed party',
  indicator: {
    text: 'A party that is, owns, is owned by, is run by, is related to or trades with a listed party within a few steps, or succeeds a listed firm.',
    sources: [
      'FinCEN & BIS joint alert FIN-2022-Alert003, 28 June 2022: parties physically co-located with, or sharing ownership with, an Entity List or SDN party',
      'OFAC 50 Percent Rule guidance (2014) and the EU\'s owned-or-controlled test (Reg. 269/2014 Art. 2): entities owned or controlled by listed persons',
    ],
  },
  needs: NEEDS,
  evaluate(ctx) {
    const cfg = ctx.config.rf07;
    const coverage = new CoverageCounter('RF07', NEEDS);
    const flags: Flag[] = [];
    if (ctx.listed.size === 0) {
      for (const d of ctx.datasets.values()) if (!d.sanctions) coverage.nothing(d.name, 'needs sanctions lists in the store: none is loaded');
      return { flags, coverage: coverage.records() };
    }
    const reach = reachFromListed(ctx, cfg.maxHops);
    const owned = listedOwnership(ctx, cfg.maxHops + 1);
    const linkedSubjects = new Set(ctx.crossref.map((l) => l.subject_id));
    for (const e of ctx.parties.values()) {
      if (ctx.listed.has(e.id) || fromListsOnly(ctx, e)) continue;
      const hasEdges = (ctx.relationsOf.get(e.id)?.length ?? 0) > 0 || ctx.bySender.has(e.id) || ctx.byReceiver.has(e.id) || linkedSubjects.has(e.id);
      coverage.count(e.datasets, hasEdges || ctx.crossref.length > 0);
      const r = reach.get(e.id);
      const majority = [...(owned.get(e.id)?.entries() ?? [])].filter(([, o]) => o.share >= 0.5).sort((a, b) => b[1].share - a[1].share)[0];
      if (majority) {
        const [listedId, o] = majority;
        flags.push(
          flag({
            code: 'RF07',
            entity_id: e.id,
            score: 1,
            summary: `${nameOf(e)} is ${Math.round(o.share * 100)}% owned by the listed ${listedLabel(ctx, listedId)}: ${o.path.slice().reverse().map((x) => relationSentence(ctx, x)).join('; ')}.`,
            evidence: [
              ...o.path.map((x) => relationEvidence(ctx, x)),
              { kind: 'number', value: round(o.share, 4), label: 'share held by the listed party, multiplied along the chain (50% rule)' },
              { kind: 'entity', id: listedId, label: `listed: ${listedLabel(ctx, listedId)}` },
            ],
          }),
        );
        continue;
      }
      if (!r) continue;
      const successor = r.path.find((s) => s.hop.kind === 'relation' && s.hop.relation.kind === 'succession');
      const evidence: Evidence[] = r.path.flatMap((s) => hopEvidence(ctx, s));
      evidence.push({ kind: 'entity', id: r.listed, label: `listed: ${listedLabel(ctx, r.listed)}` });
      evidence.push({ kind: 'number', value: r.hops, label: 'steps to the listed party' });
      evidence.push({ kind: 'number', value: round(r.strength, 3), label: 'strength of the tie (product of the steps\' weights)' });
      const steps = r.path.map((s) => hopSentence(ctx, s)).join('; ');
      const summary =
        r.hops === 0
          ? `${nameOf(e)} matches the listed ${listedLabel(ctx, r.listed)}: ${steps}.`
          : successor && r.hops === 1
            ? `${nameOf(e)} is the successor of the listed ${listedLabel(ctx, r.listed)}: ${steps}.`
            : `${nameOf(e)} is ${r.hops} ${r.hops === 1 ? 'step' : 'steps'} from the listed ${listedLabel(ctx, r.listed)}: ${steps}.`;
      flags.push(flag({ code: 'RF07', entity_id: e.id, score: r.strength, summary, evidence }));
    }
    return { flags, coverage: coverage.records() };
  },
};
