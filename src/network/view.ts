import { dayIso, describeValidity, OPEN_END, OPEN_START, type TimeFilter } from './dates.js';
import { edgeVerb, isPivotType, RELATIONSHIP_SCHEMATA } from './edge-types.js';
import { EDGE_CONTROL, EDGE_INDIRECT, NODE_END_USER, NODE_SYNTHETIC, type NetworkGraph } from './graph.js';
import type { Network } from './network.js';
import { formatShare } from './shares.js';
import { describeFlow, type FlowSummary } from './shipments.js';

const SCHEMA_OF_TYPE = new Map(RELATIONSHIP_SCHEMATA.map((r) => [r.type, r.schema]));

/** A node as the API and UI draw it. */
export interface NodeView {
  id: string;
  caption: string;
  schema: string;
  /** entity; pivot = a shared value (address, phone…); missing = referenced but not in the store */
  kind: 'entity' | 'pivot' | 'missing';
  countries: string[];
  datasets: string[];
  /** sanctioned under the query's date filter (see sanctions) */
  sanctioned: boolean;
  sanctions: Array<{ id: string | null; programs: string[]; authorities: string[]; start: string | null; end: string | null; end_user: boolean }>;
  end_user: boolean;
  synthetic: boolean;
  /** links at this node, all types and dates */
  degree: number;
}

/** An edge as the API and UI draw it, with the sentence that explains it. */
export interface EdgeView {
  id: string;
  source: string;
  target: string;
  type: string;
  directed: boolean;
  label: string | null;
  start: string | null;
  end: string | null;
  /** no start and no end date stated: treated as valid at any time */
  undated: boolean;
  /** ownership share as a fraction (min = max when exact) */
  share?: { min: number; max: number } | null;
  indirect?: boolean;
  control?: boolean;
  /** the FtM relationship entity behind the edge */
  entity?: string;
  datasets: string[];
  shipments?: FlowSummary;
  same_as?: { score: number; method: string };
  text: string;
}

export function nodeView(g: NetworkGraph, i: number, time: TimeFilter): NodeView {
  const sanctions = g.sanctionsUnder(i, time);
  return {
    id: g.ids[i]!,
    caption: g.captions[i]!,
    schema: g.schema(i),
    kind: g.nodeKind(i),
    countries: g.countries(i),
    datasets: g.datasets(i),
    sanctioned: sanctions.length > 0,
    sanctions: sanctions.map((s) => ({
      id: s.id,
      programs: s.programs,
      authorities: s.authorities,
      start: s.start === OPEN_START ? null : dayIso(s.start),
      end: s.end === OPEN_END ? null : dayIso(s.end),
      end_user: s.endUser,
    })),
    end_user: g.hasFlag(i, NODE_END_USER) && sanctions.some((s) => s.endUser),
    synthetic: g.hasFlag(i, NODE_SYNTHETIC),
    degree: g.degree(i),
  };
}

/** "Name (Company, RU)". */
export function nodeLabel(g: NetworkGraph, i: number): string {
  const kind = g.nodeKind(i);
  if (kind === 'pivot') return `«${g.captions[i]}»`;
  const countries = g.countries(i);
  const what = [kind === 'missing' ? `${g.schema(i)} not in the store` : g.schema(i), countries.map((c) => c.toUpperCase()).join('/')].filter(Boolean).join(', ');
  return `${g.captions[i]} (${what})`;
}

export function edgeView(net: Network, e: number, time: TimeFilter, hs?: string[]): EdgeView {
  const g = net.graph;
  const type = g.edgeType(e);
  const s = g.source(e);
  const t = g.target(e);
  const start = g.startDay(e);
  const end = g.endDay(e);
  const share = type === 'ownership' ? g.share(e) ?? null : undefined;
  const view: EdgeView = {
    id: `${type}:${g.ids[s]}>${g.ids[t]}${g.refId(e) ? `:${g.refId(e)}` : ''}`,
    source: g.ids[s]!,
    target: g.ids[t]!,
    type,
    directed: g.directed(e),
    label: g.edgeLabel(e) ?? null,
    start: start === OPEN_START ? null : dayIso(start),
    end: end === OPEN_END ? null : dayIso(end),
    undated: start === OPEN_START && end === OPEN_END,
    datasets: g.edgeDatasetList(e),
    text: '',
  };
  if (share !== undefined) {
    view.share = share;
    view.indirect = (g.edgeFlags(e) & EDGE_INDIRECT) !== 0;
    view.control = (g.edgeFlags(e) & EDGE_CONTROL) !== 0;
  }
  const entity = g.refId(e);
  if (entity) view.entity = entity;
  if (type === 'shipment') view.shipments = net.flows.summary(g.refIndex(e), time, hs);
  if (type === 'same_as') {
    const link = net.sameAs[g.refIndex(e)];
    if (link) view.same_as = { score: link.score, method: link.method };
  }
  view.text = edgeSentence(net, e, view);
  return view;
}

/** The edge as a sentence in its own direction: "A owns 51 % of B (Ownership x; since 2015-11-25…)". */
function edgeSentence(net: Network, e: number, v: EdgeView): string {
  const g = net.graph;
  const a = nodeLabel(g, g.source(e));
  const b = nodeLabel(g, g.target(e));
  const source = v.entity ? `${SCHEMA_OF_TYPE.get(v.type) ?? v.type} ${v.entity}` : null;
  const label = v.label ? ` (${v.label})` : '';
  if (v.type === 'shipment' && v.shipments) return `${a} shipped goods to ${b}: ${describeFlow(v.shipments)}`;
  if (v.type === 'same_as' && v.same_as) {
    const link = net.sameAs[g.refIndex(e)];
    const why = (link?.explanations ?? [])
      .filter((x) => x.score > 0 && x.weight > 0)
      .sort((x, y) => y.score * y.weight - x.score * x.weight)
      .slice(0, 2)
      .map((x) => x.detail);
    return `${a} may be the same as ${b} (score ${v.same_as.score.toFixed(2)}${why.length ? `: ${why.join('; ')}` : ''}; ${v.same_as.method}; a candidate link, not a merge)`;
  }
  const when = describeValidity(g.startDay(e), g.endDay(e));
  if (isPivotType(v.type)) return `${a} ${edgeVerb(v.type)} ${b}${v.label ? ` (${v.label})` : ''}`;
  let what: string;
  if (v.type === 'ownership') {
    const share = v.share ? formatShare(v.share.min, v.share.max) : 'share not stated';
    const kind = v.control ? 'controls' : 'owns';
    what = `${a} ${kind} ${b}: ${share}${v.indirect ? ', indirectly' : ''}${label}`;
  } else {
    what = `${a} ${edgeVerb(v.type)} ${b}${label}`;
  }
  return `${what}; ${when}${source ? `; ${source}` : ''}`;
}
