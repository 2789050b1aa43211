import { describeTime } from './dates.js';
import { NetworkQueryError } from './errors.js';
import { EdgeFilter, type EdgeFilterSpec } from './filter.js';
import type { Network } from './network.js';
import { requireNode } from './paths.js';
import { edgeView, nodeView, type EdgeView, type NodeView } from './view.js';

/**
 * The links of one entity, by type, filtered by type and date. A hub (an address shared by
 * thousands, a port) is answered with counts for every type and at most `limit` links per type:
 * sanctioned neighbours first, then by name.
 */
export interface NeighbourQuery extends EdgeFilterSpec {
  id: string;
  /** links shown per type (1–1,000, default 50) */
  limit?: number;
}

export interface NeighbourAnswer {
  node: NodeView;
  filter: string;
  /** per type: links at the node, those the filter admits, those shown */
  counts: Record<string, { total: number; admitted: number; shown: number }>;
  truncated: boolean;
  nodes: NodeView[];
  edges: EdgeView[];
  notes: string[];
}

export function neighbours(net: Network, q: NeighbourQuery): NeighbourAnswer {
  const g = net.graph;
  const limit = q.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new NetworkQueryError('invalid', `limit must be a whole number from 1 to 1000, not ${limit}`);
  const node = requireNode(net, q.id);
  const filter = new EdgeFilter(net, q);
  const counts: NeighbourAnswer['counts'] = {};
  const byType = new Map<string, Array<{ e: number; other: number }>>();
  g.forEachEdge(node, (e, other) => {
    const type = g.edgeType(e);
    const c = (counts[type] ??= { total: 0, admitted: 0, shown: 0 });
    c.total++;
    if (!filter.admits(e)) return;
    c.admitted++;
    const list = byType.get(type) ?? [];
    list.push({ e, other });
    byType.set(type, list);
  });
  const time = q.time;
  const shownNodes = new Map<number, NodeView>([[node, nodeView(g, node, time)]]);
  const edges: EdgeView[] = [];
  let truncated = false;
  let undated = 0;
  for (const [type, list] of [...byType].sort((a, b) => a[0].localeCompare(b[0]))) {
    const sanctioned = (i: number) => (g.sanctionedUnder(i, time) ? 0 : 1);
    list.sort((a, b) => sanctioned(a.other) - sanctioned(b.other) || g.captions[a.other]!.localeCompare(g.captions[b.other]!) || a.e - b.e);
    // parallel edges to one neighbour are shown together: the limit counts neighbours
    const others: number[] = [];
    for (const { other } of list) if (!others.includes(other) && others.length < limit) others.push(other);
    const keep = new Set(others);
    if (new Set(list.map((x) => x.other)).size > others.length) truncated = true;
    for (const { e, other } of list) {
      if (!keep.has(other)) continue;
      const v = edgeView(net, e, time, q.hs);
      if (v.undated && type !== 'same_as' && type !== 'shipment') undated++;
      edges.push(v);
      if (!shownNodes.has(other)) shownNodes.set(other, nodeView(g, other, time));
    }
    counts[type]!.shown = keep.size;
  }
  const notes: string[] = [];
  if (truncated) notes.push(`more neighbours than the limit of ${limit} per type: see counts`);
  if (undated && time) notes.push(`${undated} link${undated === 1 ? ' states no dates and is' : 's state no dates and are'} shown as valid ${describeTime(time)}`);
  return { node: shownNodes.get(node)!, filter: filter.describe(), counts, truncated, nodes: [...shownNodes.values()], edges, notes };
}
