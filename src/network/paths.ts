import { describeTime } from './dates.js';
import { NetworkQueryError } from './errors.js';
import { isPivotType } from './edge-types.js';
import { EdgeFilter, type EdgeFilterSpec } from './filter.js';
import type { NetworkGraph } from './graph.js';
import type { Network } from './network.js';
import { edgeView, nodeLabel, nodeView, type EdgeView, type NodeView } from './view.js';

/**
 * Paths between entities: breadth-first (fewest links first) over links of any direction, and
 * Yen's algorithm for the next-shortest alternatives. Parallel edges between the same two nodes
 * (three Ownership records, a directorship and a shipment flow) are one step listing them all,
 * so alternatives differ in the entities they pass through. Hubs (nodes with more links than
 * `hubLimit`: a registered-agent address, a port authority) are not passed through — they may
 * still end a path — and the answer lists the ones it met.
 */
export type PathTarget =
  | { kind: 'entity'; id: string }
  | { kind: 'sanctioned' }
  | { kind: 'country'; country: string }
  | { kind: 'end_user' };

export interface PathQuery extends EdgeFilterSpec {
  from: string;
  target: PathTarget;
  /** at most this many links (1–8, default 4) */
  maxHops?: number;
  /** alternatives wanted (1–20, default 3) */
  paths?: number;
  /** nodes with more links than this are not passed through (default 1,000) */
  hubLimit?: number;
}

export interface PathStep {
  from: string;
  to: string;
  /** every edge between the two nodes that the filter admits */
  edges: EdgeView[];
  text: string;
}

export interface FoundPath {
  hops: number;
  nodes: string[];
  steps: PathStep[];
  /** the path in words, one line per step */
  explanation: string[];
}

export interface PathAnswer {
  from: NodeView;
  target: PathTarget & { description: string };
  filter: string;
  max_hops: number;
  paths: FoundPath[];
  /** everything on the paths, ready to draw */
  nodes: NodeView[];
  edges: EdgeView[];
  hubs_not_crossed: Array<{ id: string; caption: string; links: number }>;
  notes: string[];
}

export const MAX_HOPS = 8;
export const MAX_PATHS = 20;
const DEFAULT_HUB_LIMIT = 1000;

/** Reusable per-network BFS arrays (queries are synchronous, so one set suffices). */
class Scratch {
  stamp: Int32Array;
  parent: Int32Array;
  depth: Int32Array;
  generation = 0;
  constructor(n: number) {
    this.stamp = new Int32Array(n);
    this.parent = new Int32Array(n);
    this.depth = new Int32Array(n);
  }
  next(): number {
    if (++this.generation === 0x7fffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }
}

const scratches = new WeakMap<NetworkGraph, Scratch>();
function scratchFor(g: NetworkGraph): Scratch {
  let s = scratches.get(g);
  if (!s || s.stamp.length < g.nodeCount) scratches.set(g, (s = new Scratch(g.nodeCount)));
  return s;
}

const linkKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

export function describeTarget(t: PathTarget, g?: NetworkGraph): string {
  switch (t.kind) {
    case 'entity': {
      const i = g?.node(t.id);
      return g && i !== undefined ? nodeLabel(g, i) : t.id;
    }
    case 'sanctioned':
      return 'any sanctioned entity (named by a Sanction entity, with the sanction topic, or in a dataset declared a sanctions list; dated sanctions only while in force)';
    case 'country':
      return `any entity in ${t.country.toUpperCase()} (country, jurisdiction, nationality…)`;
    case 'end_user':
      return 'any listed military end user (EU Reg. 833/2014 Annex IV, US Military End-User or Entity List)';
  }
}

export function requireNode(net: Network, id: string, what = 'entity'): number {
  const i = net.graph.node(id);
  if (i === undefined) throw new NetworkQueryError('not_found', `no ${what} "${id}" in the network (not in the store, or not a node: Sanction, customs line and Identification entities are folded into the entities they concern)`);
  return i;
}

function checkRange(name: string, value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) throw new NetworkQueryError('invalid', `${name} must be a whole number from ${min} to ${max}, not ${value}`);
  return value;
}

export function findPaths(net: Network, q: PathQuery): PathAnswer {
  const g = net.graph;
  const maxHops = checkRange('max hops', q.maxHops, 1, MAX_HOPS, 4);
  const wanted = checkRange('paths', q.paths, 1, MAX_PATHS, 3);
  const hubLimit = checkRange('hub limit', q.hubLimit, 1, 10_000_000, DEFAULT_HUB_LIMIT);
  const source = requireNode(net, q.from);
  const filter = new EdgeFilter(net, q);
  const time = q.time;
  let isTarget: (i: number) => boolean;
  const notes: string[] = [];
  const t = q.target;
  if (t.kind === 'entity') {
    const target = requireNode(net, t.id, 'target entity');
    if (target === source) throw new NetworkQueryError('invalid', 'the start and the target are the same entity');
    isTarget = (i) => i === target;
  } else if (t.kind === 'sanctioned') {
    isTarget = (i) => i !== source && g.sanctionedUnder(i, time) && g.nodeKind(i) !== 'pivot';
    if (g.sanctionedUnder(source, time)) notes.push(`${nodeLabel(g, source)} is itself sanctioned ${describeTime(time)}; paths lead to other sanctioned entities`);
  } else if (t.kind === 'country') {
    const cc = t.country.toLowerCase();
    if (!/^[a-z]{2}$/.test(cc)) throw new NetworkQueryError('invalid', `a country is a two-letter ISO code (RU, KZ…), not "${t.country}"`);
    isTarget = (i) => i !== source && g.nodeKind(i) === 'entity' && g.countries(i).includes(cc);
  } else {
    isTarget = (i) => i !== source && g.sanctionedUnder(i, time, true);
  }

  const hubs = new Map<number, number>();
  const scratch = scratchFor(g);

  /** Fewest-links path from `start` to a target, avoiding banned nodes and links. */
  const bfs = (start: number, hops: number, bannedNodes: Set<number>, bannedLinks: Set<string>): number[] | undefined => {
    const gen = scratch.next();
    const { stamp, parent, depth } = scratch;
    stamp[start] = gen;
    parent[start] = -1;
    depth[start] = 0;
    let frontier = [start];
    while (frontier.length) {
      const next: number[] = [];
      for (const u of frontier) {
        if (depth[u]! >= hops) continue;
        if (u !== source && g.degree(u) > hubLimit) {
          hubs.set(u, g.degree(u));
          continue;
        }
        let found = -1;
        g.forEachEdge(u, (e, v) => {
          if (stamp[v] === gen || bannedNodes.has(v)) return;
          if (bannedLinks.size && bannedLinks.has(linkKey(u, v))) return;
          if (!filter.admits(e)) return;
          stamp[v] = gen;
          parent[v] = u;
          depth[v] = depth[u]! + 1;
          if (isTarget(v)) {
            found = v;
            return false;
          }
          // a node of the wrong kind to pass through (a missing entity has no links of its own)
          next.push(v);
        });
        if (found >= 0) {
          const path = [found];
          for (let x = parent[found]!; x !== -1; x = parent[x]!) path.push(x);
          return path.reverse();
        }
      }
      frontier = next;
    }
    return undefined;
  };

  const found: number[][] = [];
  const first = bfs(source, maxHops, new Set(), new Set());
  if (first) found.push(first);
  // Yen: each next path deviates from an earlier one at some spur node
  const candidates: number[][] = [];
  const seen = new Set<string>(found.map((p) => p.join(',')));
  while (found.length && found.length < wanted) {
    const prev = found[found.length - 1]!;
    for (let i = 0; i < prev.length - 1; i++) {
      const spur = prev[i]!;
      const root = prev.slice(0, i + 1);
      const bannedLinks = new Set<string>();
      for (const p of found) {
        if (p.length > i + 1 && root.every((n, j) => p[j] === n)) bannedLinks.add(linkKey(p[i]!, p[i + 1]!));
      }
      const bannedNodes = new Set(root.slice(0, -1));
      const spurPath = bfs(spur, maxHops - i, bannedNodes, bannedLinks);
      if (!spurPath) continue;
      const total = [...root.slice(0, -1), ...spurPath];
      const key = total.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(total);
    }
    if (!candidates.length) break;
    candidates.sort((a, b) => a.length - b.length);
    found.push(candidates.shift()!);
  }

  const nodes = new Map<number, NodeView>();
  const edges = new Map<string, EdgeView>();
  const paths: FoundPath[] = found.map((p) => {
    const steps: PathStep[] = [];
    for (let k = 0; k < p.length - 1; k++) {
      const u = p[k]!;
      const v = p[k + 1]!;
      const views: EdgeView[] = [];
      g.forEachEdge(u, (e, other) => {
        if (other === v && filter.admits(e)) views.push(edgeView(net, e, time, q.hs));
      });
      for (const view of views) edges.set(view.id, view);
      steps.push({ from: g.ids[u]!, to: g.ids[v]!, edges: views, text: views.map((x) => x.text).join(' | ') });
    }
    for (const n of p) if (!nodes.has(n)) nodes.set(n, nodeView(g, n, time));
    return { hops: p.length - 1, nodes: p.map((n) => g.ids[n]!), steps, explanation: steps.map((s, k) => `${k + 1}. ${s.text}`) };
  });
  if (!nodes.has(source)) nodes.set(source, nodeView(g, source, time));
  const undated = [...edges.values()].filter((v) => v.undated && v.type !== 'same_as' && v.type !== 'shipment' && !isPivotType(v.type)).length;
  if (undated && time) notes.push(`${undated} link${undated === 1 ? ' on these paths states no dates and was' : 's on these paths state no dates and were'} treated as valid ${describeTime(time)}`);
  if (!paths.length) notes.push(`no path of at most ${maxHops} links to ${describeTarget(t, g)} using ${filter.describe()}`);
  return {
    from: nodes.get(source)!,
    target: { ...t, description: describeTarget(t, g) },
    filter: filter.describe(),
    max_hops: maxHops,
    paths,
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    hubs_not_crossed: [...hubs].map(([i, links]) => ({ id: g.ids[i]!, caption: g.captions[i]!, links })).sort((a, b) => b.links - a.links),
    notes,
  };
}
