import { isA } from '../model/ftm.js';
import { describeTime } from './dates.js';
import { EdgeFilter, type EdgeFilterSpec } from './filter.js';
import type { Network } from './network.js';
import { requireNode } from './paths.js';
import { edgeView, nodeView, type EdgeView, type NodeView } from './view.js';

/**
 * "Mirror companies": firms in two different countries that trade with each other (a shipment
 * flow) and are controlled by the same person, by two records of one person (same name and birth
 * date, or an entity-resolution candidate), or by members of one family. Control is ownership
 * (directly or through up to `depth` companies) or a directorship, valid under the date filter —
 * the article's Stuttgart parents → Astana son → Moscow buyer, or one owner on both sides.
 */
export interface MirrorQuery extends Omit<EdgeFilterSpec, 'types'> {
  /** only pairs with this entity on one side */
  id?: string;
  /** ownership levels followed upwards (default 2) */
  depth?: number;
  limit?: number;
}

export type MirrorRelation = 'same person' | 'same name and birth date' | 'same-as candidate' | 'family';

export interface MirrorPair {
  relation: MirrorRelation;
  /** the controllers: one person, or the two linked records / relatives */
  controllers: NodeView[];
  a: NodeView;
  b: NodeView;
  /** shipments between a and b under the filter, either way */
  flows: EdgeView[];
  /** how each side is controlled, and how the controllers are linked */
  evidence: EdgeView[];
  text: string;
}

export interface MirrorAnswer {
  filter: string;
  pairs: MirrorPair[];
  notes: string[];
}

interface Control {
  /** controlling person → the edges from them down to the firm */
  people: Map<number, number[]>;
}

export function mirrorCompanies(net: Network, q: MirrorQuery = {}): MirrorAnswer {
  const g = net.graph;
  const time = q.time;
  const depth = q.depth ?? 2;
  const limit = q.limit ?? 100;
  const filter = new EdgeFilter(net, { ...q, types: ['shipment'] });
  const controlFilter = new EdgeFilter(net, { time, types: ['ownership', 'directorship'] });
  const focus = q.id === undefined ? undefined : requireNode(net, q.id);
  const isPerson = (i: number) => isA(g.schema(i), 'Person');
  const memo = new Map<number, Control>();

  const controlOf = (firm: number): Control => {
    let c = memo.get(firm);
    if (c) return c;
    c = { people: new Map() };
    // upwards through owners (and directors of the firm itself), remembering the edges
    let level: Array<[number, number[]]> = [[firm, []]];
    const seen = new Set([firm]);
    for (let d = 0; d <= depth && level.length; d++) {
      const next: Array<[number, number[]]> = [];
      for (const [node, via] of level) {
        g.forEachEdge(node, (e, other) => {
          if (g.target(e) !== node || !controlFilter.admits(e)) return;
          if (g.edgeType(e) === 'directorship' && node !== firm) return;
          if (seen.has(other)) {
            // another link of a person already found at the same firm (owner and director)
            const known = c!.people.get(other);
            if (known && g.target(known[known.length - 1]!) === node && known.length === via.length + 1) known.push(e);
            return;
          }
          seen.add(other);
          const path = [...via, e];
          if (isPerson(other)) c!.people.set(other, path);
          else if (g.edgeType(e) === 'ownership') next.push([other, path]);
        });
      }
      level = next;
    }
    memo.set(firm, c);
    return c;
  };

  /** Links between two controllers: the same node, one person's two records, relatives. */
  const relation = (p: number, r: number): { relation: MirrorRelation; edges: number[] } | undefined => {
    if (p === r) return { relation: 'same person', edges: [] };
    let found: { relation: MirrorRelation; edges: number[] } | undefined;
    g.forEachEdge(p, (e, other) => {
      const t = g.edgeType(e);
      if (t === 'name_birth') {
        g.forEachEdge(other, (e2, o2) => {
          if (o2 === r && g.edgeType(e2) === 'name_birth') found = { relation: 'same name and birth date', edges: [e, e2] };
        });
      } else if (other === r && t === 'same_as') found ??= { relation: 'same-as candidate', edges: [e] };
      else if (other === r && t === 'family' && g.validAt(e, time)) found ??= { relation: 'family', edges: [e] };
      return found?.relation !== 'same name and birth date';
    });
    return found;
  };

  const pairs: MirrorPair[] = [];
  const done = new Set<string>();
  const flowEdges = new Map<string, number[]>();
  for (let e = 0; e < g.edgeCount; e++) {
    if (g.edgeType(e) !== 'shipment' || !filter.admits(e)) continue;
    const a = g.source(e);
    const b = g.target(e);
    if (focus !== undefined && a !== focus && b !== focus) continue;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    flowEdges.set(key, [...(flowEdges.get(key) ?? []), e]);
  }
  for (const [key, flows] of flowEdges) {
    // a is the sender of the first flow
    const a = g.source(flows[0]!);
    const b = g.target(flows[0]!);
    const ca = g.countries(a);
    const cb = g.countries(b);
    if (!ca.length || !cb.length || ca.some((c) => cb.includes(c))) continue;
    const pa = controlOf(a).people;
    const pb = controlOf(b).people;
    for (const [p, viaA] of pa) {
      for (const [r, viaB] of pb) {
        const rel = relation(p, r);
        if (!rel) continue;
        const id = `${key}:${Math.min(p, r)}-${Math.max(p, r)}`;
        if (done.has(id)) continue;
        done.add(id);
        const controllers = p === r ? [p] : [p, r];
        const flowViews = flows.map((e) => edgeView(net, e, time, q.hs));
        const evidence = [...viaA, ...viaB, ...rel.edges].map((e) => edgeView(net, e, time));
        const who = p === r ? g.captions[p]! : `${g.captions[p]} and ${g.captions[r]} (${rel.relation})`;
        pairs.push({
          relation: rel.relation,
          controllers: controllers.map((i) => nodeView(g, i, time)),
          a: nodeView(g, a, time),
          b: nodeView(g, b, time),
          flows: flowViews,
          evidence,
          text: `${who} control${p === r ? 's' : ''} ${g.captions[a]} (${ca.join('/').toUpperCase()}) and ${g.captions[b]} (${cb.join('/').toUpperCase()}), which trade with each other: ${flowViews.map((f) => f.text).join(' | ')}`,
        });
      }
    }
  }
  const rank: Record<MirrorRelation, number> = { 'same person': 0, 'same name and birth date': 1, family: 2, 'same-as candidate': 3 };
  pairs.sort((x, y) => rank[x.relation] - rank[y.relation] || x.a.caption.localeCompare(y.a.caption) || x.b.caption.localeCompare(y.b.caption));
  const notes: string[] = [];
  if (pairs.length > limit) notes.push(`${pairs.length} pairs found; the first ${limit} are listed`);
  if (!flowEdges.size) notes.push(`no shipments ${describeTime(time)}${focus !== undefined ? ` at ${g.captions[focus]}` : ''}: mirror companies need customs lines`);
  return { filter: `${filter.describe()}; control by ownership (up to ${depth} levels) or directorship`, pairs: pairs.slice(0, limit), notes };
}
