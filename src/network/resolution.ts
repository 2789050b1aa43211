import type { Matcher } from '../screening/types.js';
import { NetworkQueryError } from './errors.js';
import type { Network, SameAsLink } from './network.js';

/**
 * Entity resolution within and across datasets with the screening engine: each entity is
 * screened against the others (the same company in a registry, in customs lines and on a list);
 * candidates at or above the threshold become `same_as` links carrying their score and the
 * engine's explanation. Nothing is merged: both entities stay as they are, and queries can use or
 * ignore the links (edge type `same_as`, minimum score).
 */
export interface ResolveOptions {
  /** entities to resolve (default: every entity node the matcher knows) */
  ids?: string[];
  /** 'across' (default): candidates from other datasets only; 'within': the same datasets; 'all' */
  scope?: 'across' | 'within' | 'all';
  /** only candidates from these datasets */
  against?: string[];
  /** minimum score (default: the engine's match threshold) */
  threshold?: number;
  /** candidates per entity (default 3) */
  limit?: number;
}

export const RESOLUTION_METHOD = 'screening engine';

export function resolveEntities(net: Network, matcher: Matcher, options: ResolveOptions = {}): SameAsLink[] {
  const g = net.graph;
  const threshold = options.threshold ?? matcher.algorithm.threshold;
  if (!(threshold > 0 && threshold <= 1)) throw new NetworkQueryError('invalid', `the threshold is a score above 0 and at most 1, not ${threshold}`);
  const scope = options.scope ?? 'across';
  const ids = options.ids ?? g.ids.filter((id) => g.nodeKind(g.node(id)!) === 'entity');
  const links: SameAsLink[] = [];
  const seen = new Set<string>();
  const method = `${RESOLUTION_METHOD} ${matcher.algorithm.name} ${matcher.algorithm.version}`;
  for (const id of ids) {
    const entity = matcher.getEntity(id);
    if (!entity) continue;
    const results = matcher.match(
      { schema: entity.schema, properties: entity.properties },
      {
        limit: options.limit ?? 3,
        threshold,
        cutoff: threshold,
        excludeEntityIds: [id],
        datasets: scope === 'within' ? entity.datasets : options.against,
        excludeDatasets: scope === 'across' ? entity.datasets : undefined,
      },
    );
    for (const r of results) {
      if (r.score < threshold || g.node(r.entity.id) === undefined) continue;
      if (scope === 'within' && !r.entity.datasets.some((d) => entity.datasets.includes(d))) continue;
      const key = id < r.entity.id ? `${id}|${r.entity.id}` : `${r.entity.id}|${id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push({ a: id, b: r.entity.id, score: Number(r.score.toFixed(4)), explanations: r.explanations, method });
    }
  }
  return links;
}

/** Adds same-as links to the graph as `same_as` edges (a pair already linked is kept once). */
export function addSameAs(net: Network, links: SameAsLink[]): number {
  const g = net.graph;
  const existing = new Set(net.sameAs.map((l) => (l.a < l.b ? `${l.a}|${l.b}` : `${l.b}|${l.a}`)));
  let added = 0;
  for (const l of links) {
    const key = l.a < l.b ? `${l.a}|${l.b}` : `${l.b}|${l.a}`;
    const a = g.node(l.a);
    const b = g.node(l.b);
    if (existing.has(key) || a === undefined || b === undefined || a === b) continue;
    existing.add(key);
    net.sameAs.push(l);
    g.addEdge({ type: 'same_as', source: a, target: b, ref: net.sameAs.length - 1, label: `score ${l.score.toFixed(2)}` });
    added++;
  }
  return added;
}

/** The entities within `hops` links of an entity (hubs not crossed), for resolving around a query. */
export function entitiesAround(net: Network, id: string, hops: number, hubLimit = 1000, cap = 5000): string[] {
  const g = net.graph;
  const start = g.node(id);
  if (start === undefined) return [];
  const seen = new Set([start]);
  let frontier = [start];
  for (let d = 0; d < hops && frontier.length && seen.size < cap; d++) {
    const next: number[] = [];
    for (const u of frontier) {
      if (u !== start && g.degree(u) > hubLimit) continue;
      g.forEachEdge(u, (_, v) => {
        if (seen.has(v) || seen.size >= cap) return;
        seen.add(v);
        next.push(v);
      });
    }
    frontier = next;
  }
  return [...seen].filter((i) => g.nodeKind(i) === 'entity').map((i) => g.ids[i]!);
}
