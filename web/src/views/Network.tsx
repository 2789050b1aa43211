/**
 * An entity's neighbourhood as a diagram (cytoscape): click a node to expand it, filter edge types
 * and dates, ownership drawn top-down. Uses the network routes when the server has them, and
 * otherwise the links the lists themselves state (GET /api/entities/{id}).
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { ApiError, getJson } from '../api';
import { EntityLink, entityPath } from '../components/entity';
import { Empty, ErrorBox, Loading, Unavailable } from '../components/status';
import { href, Link, navigate, useLocation, useQueryUpdate } from '../router';
import { ROUTES } from '../routes';
import type { EntityDetail } from '../types';

/** Neighbours drawn per link type of an expanded entity (the default; `cap=` in the URL); the rest are counted. */
const CAP = 40;
const CAPS = [40, 100, 250, 500, 1000];

export interface GraphNode {
  id: string;
  label: string;
  schema: string;
  sanctioned: boolean;
  synthetic: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  start?: string;
  end?: string;
  label: string;
  /** the sentence explaining the link */
  text?: string;
}

interface Neighbourhood {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** neighbours left out by the cap */
  hidden: number;
}

/** The links the lists state, from the entity page's relations. */
function fromDetail(detail: EntityDetail, cap: number): Neighbourhood {
  const self = detail.entity;
  const nodes: GraphNode[] = [{ id: self.id, label: self.caption, schema: self.schema, sanctioned: self.sanctioned, synthetic: self.synthetic }];
  const edges: GraphEdge[] = [];
  let hidden = 0;
  for (const g of detail.relations) {
    if (!g.edge) continue;
    for (const item of g.items) {
      for (const party of item.parties) {
        if (party.prop !== g.edge.source && party.prop !== g.edge.target) continue;
        if (nodes.length > cap) {
          hidden++;
          continue;
        }
        nodes.push({ id: party.id, label: party.caption, schema: party.schema, sanctioned: party.sanctioned, synthetic: party.synthetic });
        const outgoing = g.prop === g.edge.source;
        const detailText = [item.properties['role'], item.properties['relationship'], item.properties['percentage']?.map((p) => `${p}%`)]
          .flat()
          .filter(Boolean)
          .join(', ');
        edges.push({
          id: item.id,
          source: outgoing ? self.id : party.id,
          target: outgoing ? party.id : self.id,
          type: g.schema,
          start: item.properties['startDate']?.[0],
          end: item.properties['endDate']?.[0],
          label: detailText ? `${g.edge.label}: ${detailText}` : g.edge.label,
        });
      }
    }
  }
  return { nodes, edges, hidden };
}

/** Nodes and edges as the network routes draw them (src/network/view.ts). */
interface NodeView {
  id: string;
  caption: string;
  schema: string;
  kind: string;
  sanctioned: boolean;
  synthetic: boolean;
}
interface EdgeView {
  id: string;
  source: string;
  target: string;
  type: string;
  label: string | null;
  start: string | null;
  end: string | null;
  text: string;
}
const fromNodeView = (n: NodeView): GraphNode => ({ id: n.id, label: n.caption, schema: n.kind === 'pivot' ? `pivot:${n.schema}` : n.schema, sanctioned: n.sanctioned, synthetic: n.synthetic });
const fromEdgeView = (e: EdgeView): GraphEdge => ({ id: e.id, source: e.source, target: e.target, type: e.type, start: e.start ?? undefined, end: e.end ?? undefined, label: e.label ?? e.type, text: e.text });

async function loadNeighbourhood(id: string, cap: number, signal: AbortSignal): Promise<Neighbourhood & { source: 'network' | 'lists' }> {
  try {
    const answer = await getJson<{ nodes: NodeView[]; edges: EdgeView[]; counts: Record<string, { admitted: number; shown: number }> }>(
      `${ROUTES.neighbourhood(id)}?limit=${cap}`,
      signal,
    );
    const hidden = Object.values(answer.counts ?? {}).reduce((n, c) => n + Math.max(0, c.admitted - c.shown), 0);
    return { nodes: answer.nodes.map(fromNodeView), edges: answer.edges.map(fromEdgeView), hidden, source: 'network' };
  } catch (e) {
    if (!(e instanceof ApiError && e.unavailable)) throw e;
  }
  return { ...fromDetail(await getJson<EntityDetail>(`/api/entities/${encodeURIComponent(id)}`, signal), cap), source: 'lists' };
}

export default function Network({ id }: { id?: string }) {
  const { query } = useLocation();
  if (!id) return <PickEntity />;
  // a new cap loads every part again
  return <Graph key={`${id}|${capOf(query)}`} id={id} />;
}

function capOf(query: URLSearchParams): number {
  const n = Number(query.get('cap'));
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : CAP;
}

function PickEntity() {
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) navigate(href('/search', { q: text.trim() }));
  };
  return (
    <section>
      <h1>Network</h1>
      <p>Open an entity's network from its page, or find it first:</p>
      <form className="search-form" onSubmit={submit} role="search">
        <label htmlFor="network-q">Entity name</label>
        <div className="row">
          <input id="network-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit">Find</button>
        </div>
      </form>
    </section>
  );
}

function Graph({ id }: { id: string }) {
  const { query } = useLocation();
  const update = useQueryUpdate();
  // keyed on the parameters' text: a re-render must not make a new graph (and a new layout)
  const expandParam = query.get('expand') ?? '';
  const hideParam = query.get('hide') ?? '';
  const expanded = useMemo(() => [id, ...expandParam.split(',').filter((x) => x && x !== id)], [id, expandParam]);
  const at = query.get('at') ?? '';
  const hiddenTypes = useMemo(() => new Set(hideParam.split(',').filter(Boolean)), [hideParam]);
  const [relayout, setRelayout] = useState(0);
  const layout = query.get('layout') ?? 'auto';
  const cap = capOf(query);
  const [parts, setParts] = useState<Map<string, Neighbourhood & { source: string }>>(new Map());
  const [error, setError] = useState<Error | null>(null);
  const [paths, setPaths] = useState<PathGraph | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    const missing = expanded.filter((x) => !parts.has(x));
    if (missing.length === 0) return;
    Promise.all(missing.map((x) => loadNeighbourhood(x, cap, abort.signal).then((n) => [x, n] as const))).then(
      (loaded) => setParts((old) => new Map([...old, ...loaded])),
      (e: Error) => e.name !== 'AbortError' && setError(e),
    );
    return () => abort.abort();
  }, [expanded, parts, cap]);

  const graph = useMemo(() => {
    const nodes = new Map<string, GraphNode>();
    const edges = new Map<string, GraphEdge>();
    let hidden = 0;
    for (const x of expanded) {
      const part = parts.get(x);
      if (!part) continue;
      hidden += part.hidden;
      for (const n of part.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
      for (const e of part.edges) edges.set(e.id, e);
    }
    for (const n of paths?.nodes ?? []) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of paths?.edges ?? []) edges.set(e.id, e);
    const types = [...new Set([...edges.values()].map((e) => e.type))].sort();
    const shown = [...edges.values()].filter((e) => !hiddenTypes.has(e.type) && (!at || ((!e.start || e.start.slice(0, 10) <= at) && (!e.end || e.end.slice(0, 10) >= at))));
    return {
      nodes: [...nodes.values()],
      edges: shown,
      types,
      hidden,
      source: parts.get(id)?.source,
      onPath: new Set([...(paths?.edges ?? []).map((e) => e.id), ...(paths?.onPath ?? [])]),
    };
  }, [expanded, parts, hiddenTypes, at, id, paths]);

  if (error) return <ErrorBox error={error} what="the network" />;
  if (!parts.has(id)) return <Loading what="the network" />;
  const root = graph.nodes.find((n) => n.id === id);
  const toggleType = (t: string) => {
    const next = new Set(hiddenTypes);
    if (next.has(t)) next.delete(t);
    else next.add(t);
    update({ hide: [...next].join(',') || null }, { replace: true });
  };
  const expand = (node: string) => {
    if (!expanded.includes(node)) update({ expand: [...expanded.slice(1), node].join(',') });
  };
  return (
    <section className="network">
      <h1>
        Network of <EntityLink id={id} caption={root?.label ?? id} synthetic={root?.synthetic} />
      </h1>
      <p className="muted">
        {graph.source === 'lists' ? 'Links as the lists state them (ownership, family, associates, other links). ' : ''}
        Click a node to expand it; press Enter on a node in the list below to open it.{' '}
        {graph.hidden ? `${graph.hidden.toLocaleString('en-US')} more neighbours not drawn (at most ${cap} per link type of each entity).` : ''}
      </p>
      <div className="network-controls">
        <fieldset>
          <legend>Edge types</legend>
          {graph.types.length === 0 ? <span className="muted">none</span> : null}
          {graph.types.map((t) => (
            <label key={t} className="check">
              <input type="checkbox" checked={!hiddenTypes.has(t)} onChange={() => toggleType(t)} /> {t}
            </label>
          ))}
        </fieldset>
        <label>
          Valid on{' '}
          <input type="date" value={at} onChange={(e) => update({ at: e.target.value || null }, { replace: true })} aria-label="Show links valid on this date" />
        </label>
        <label>
          Layout{' '}
          <select value={layout} onChange={(e) => update({ layout: e.target.value === 'auto' ? null : e.target.value }, { replace: true })}>
            <option value="auto">auto (ownership top-down)</option>
            <option value="tree">tree, top-down</option>
            <option value="force">force-directed</option>
            <option value="circle">circle</option>
          </select>
        </label>
        <label>
          Neighbours per link type{' '}
          <select value={cap} onChange={(e) => update({ cap: Number(e.target.value) === CAP ? null : e.target.value })}>
            {CAPS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      </div>
      {graph.edges.length === 0 && graph.nodes.length <= 1 ? <Empty>No links recorded for this entity.</Empty> : null}
      <Diagram nodes={graph.nodes} edges={graph.edges} rootId={id} layout={layout} onExpand={expand} onPath={graph.onPath} focus={expanded[expanded.length - 1]!} relayout={relayout} />
      {graph.nodes.length > FULL_LAYOUT_NODES ? (
        <p className="row">
          <button type="button" onClick={() => setRelayout((n) => n + 1)}>
            Lay out again
          </button>
          <span className="muted">A big drawing keeps its nodes where they are when it grows; new neighbours are set around the node expanded.</span>
        </p>
      ) : null}
      <PathFinder from={id} onPaths={setPaths} />
      <details className="panel">
        <summary>Nodes and edges as a list ({graph.nodes.length} nodes, {graph.edges.length} edges)</summary>
        <ul className="plain node-list">
          {graph.nodes.map((n) => (
            <li key={n.id}>
              <EntityLink id={n.id} caption={n.label} synthetic={n.synthetic} /> <span className="schema">{n.schema}</span>{' '}
              {expanded.includes(n.id) ? (
                <span className="muted">expanded</span>
              ) : (
                <button type="button" className="link" onClick={() => expand(n.id)}>
                  expand
                </button>
              )}
            </li>
          ))}
        </ul>
        <ul className="plain">
          {graph.edges.map((e) => (
            <li key={e.id}>
              {graph.nodes.find((n) => n.id === e.source)?.label ?? e.source} → {graph.nodes.find((n) => n.id === e.target)?.label ?? e.target}: {e.label}
              {e.start || e.end ? ` (${e.start ?? '…'} – ${e.end ?? '…'})` : ''}
              {e.text ? <span className="muted"> — {e.text}</span> : null}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

// Link types drawn as a tree: FtM schema names (from the lists' links) and the network routes' types.
const OWNERSHIP = new Set(['Ownership', 'Directorship', 'ownership', 'directorship']);
/** Up to this many nodes every change lays the whole drawing out again (well under 0.1 s); above, it grows in place. */
const FULL_LAYOUT_NODES = 150;
/** Above this many nodes the automatic layout is a radial tree from the root (cose takes seconds there). */
const FORCE_LAYOUT_NODES = 250;

function layoutOptions(instance: Core, layout: string, rootId: string, edges: GraphEdge[]): cytoscape.LayoutOptions {
  const n = instance.nodes().length;
  const tree = layout === 'tree' || (layout === 'auto' && edges.length > 0 && edges.every((e) => OWNERSHIP.has(e.type)));
  if (layout === 'circle') return { name: 'circle', padding: 30 } as cytoscape.LayoutOptions;
  if (tree) return { name: 'breadthfirst', directed: true, padding: 30, spacingFactor: 1.2 } as cytoscape.LayoutOptions;
  if (layout === 'auto' && n > FORCE_LAYOUT_NODES) {
    const positions = radialTree(instance, rootId);
    return { name: 'preset', positions: (node: cytoscape.NodeSingular) => positions.get(node.id()) ?? { x: 0, y: 0 }, padding: 30, animate: false } as cytoscape.LayoutOptions;
  }
  return {
    name: 'cose',
    padding: 30,
    animate: false,
    nodeRepulsion: () => 40000,
    idealEdgeLength: () => 140,
    nodeOverlap: 20,
    nodeDimensionsIncludeLabels: true,
    numIter: n > 200 ? 300 : 1000,
  } as cytoscape.LayoutOptions;
}

/**
 * A radial tree: the root in the middle, each ring one step further along the breadth-first walk,
 * each node's neighbours reached through it inside its own slice of the circle (slices sized by
 * how many they lead to). Linear in the drawing's size.
 */
function radialTree(instance: Core, rootId: string): Map<string, { x: number; y: number }> {
  const parent = new Map<string, string>();
  const depth = new Map<string, number>();
  const children = new Map<string, string[]>();
  const root = instance.getElementById(rootId);
  const roots = root.nonempty() ? [root] : [instance.nodes().first()];
  instance.elements().bfs({
    roots: roots[0]!,
    visit: (v, _e, u, _i, d) => {
      depth.set(v.id(), d);
      if (u) {
        parent.set(v.id(), u.id());
        (children.get(u.id()) ?? children.set(u.id(), []).get(u.id())!).push(v.id());
      }
    },
  });
  const top = roots[0]!.id();
  // leaves under each node, deepest first
  const leaves = new Map<string, number>();
  for (const id of [...depth.keys()].sort((a, b) => depth.get(b)! - depth.get(a)!)) leaves.set(id, Math.max(1, (children.get(id) ?? []).reduce((n, c) => n + leaves.get(c)!, 0)));
  // ring radii: a step further each ring, and wide enough for the nodes it holds
  const perRing = new Map<number, number>();
  for (const d of depth.values()) perRing.set(d, (perRing.get(d) ?? 0) + 1);
  const radius: number[] = [0];
  for (let d = 1; d <= Math.max(0, ...perRing.keys()) + 1; d++) radius[d] = Math.max(radius[d - 1]! + 140, ((perRing.get(d) ?? 0) * 26) / (2 * Math.PI));
  const positions = new Map<string, { x: number; y: number }>();
  const place = (id: string, from: number, to: number) => {
    const d = depth.get(id)!;
    const angle = (from + to) / 2;
    positions.set(id, d === 0 ? { x: 0, y: 0 } : { x: Math.cos(angle) * radius[d]!, y: Math.sin(angle) * radius[d]! });
    let at = from;
    for (const c of children.get(id) ?? []) {
      const share = ((to - from) * leaves.get(c)!) / leaves.get(id)!;
      place(c, at, at + share);
      at += share;
    }
  };
  place(top, 0, 2 * Math.PI);
  // nodes the walk from the root does not reach: an outer ring
  const rest = instance.nodes().filter((node) => !positions.has(node.id()));
  const outer = radius[radius.length - 1]! + 140;
  rest.forEach((node, i) => void positions.set(node.id(), { x: Math.cos((2 * Math.PI * i) / rest.length) * outer, y: Math.sin((2 * Math.PI * i) / rest.length) * outer }));
  return positions;
}

/** New nodes of a grown drawing, set in rings around a neighbour already placed (the node just expanded first). */
function placeAround(instance: Core, fresh: cytoscape.NodeCollection, focus: string, rootId: string): void {
  const groups = new Map<string, cytoscape.NodeSingular[]>();
  const placed = (n: cytoscape.NodeSingular) => !fresh.contains(n);
  fresh.forEach((node) => {
    const neighbours = node.neighborhood('node').filter(placed);
    const anchor = neighbours.filter((m) => m.id() === focus).first();
    const chosen = (anchor.nonempty() ? anchor : neighbours.first()) as cytoscape.NodeSingular;
    const key = chosen.nonempty() ? chosen.id() : rootId;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(node);
  });
  for (const [anchorId, group] of groups) {
    const anchor = instance.getElementById(anchorId);
    const centre = anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
    group.forEach((node, i) => {
      // rings of 12, 24, 36… nodes
      let ring = 1;
      let before = 0;
      while (i >= before + 12 * ring) before += 12 * ring++;
      const slots = Math.min(12 * ring, group.length - before);
      const angle = (2 * Math.PI * (i - before)) / slots + ring * 0.3;
      node.position({ x: centre.x + Math.cos(angle) * 90 * ring, y: centre.y + Math.sin(angle) * 90 * ring });
    });
  }
}

function Diagram({
  nodes,
  edges,
  rootId,
  layout,
  onExpand,
  onPath,
  focus,
  relayout,
}: {
  nodes: GraphNode[];
  edges: GraphEdge[];
  rootId: string;
  layout: string;
  onExpand: (id: string) => void;
  onPath: Set<string>;
  /** the entity expanded last: its new neighbours are set around it */
  focus: string;
  /** a new number lays the whole drawing out again */
  relayout: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const expandRef = useRef(onExpand);
  expandRef.current = onExpand;
  const laidOut = useRef<{ layout: string; relayout: number } | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = cytoscape({
      container: box.current,
      minZoom: 0.05,
      maxZoom: 3,
      // panning and zooming move a picture of the drawing: smooth with hundreds of nodes
      textureOnViewport: true,
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'font-size': 11,
            'text-wrap': 'ellipsis',
            'text-max-width': '140px',
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'background-color': '#5b7083',
            width: 22,
            height: 22,
            // labels of a big drawing show once zoomed in enough to read them
            'min-zoomed-font-size': 7,
          },
        },
        { selector: 'node[schema = "Person"]', style: { shape: 'ellipse', 'background-color': '#3f6fb5' } },
        { selector: 'node[schema != "Person"]', style: { shape: 'round-rectangle' } },
        // shared values (an address, a phone…) linking entities
        { selector: 'node[schema ^= "pivot"]', style: { shape: 'diamond', 'background-color': '#b8a000', width: 16, height: 16 } },
        { selector: 'node[?sanctioned]', style: { 'border-width': 4, 'border-color': '#c0392b' } },
        { selector: 'node[?synthetic]', style: { 'border-style': 'dashed', 'border-width': 3, 'border-color': '#a05a00' } },
        { selector: 'node.root', style: { width: 34, height: 34, 'font-weight': 'bold' } },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': '#9aa5b1',
            'target-arrow-color': '#9aa5b1',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            label: 'data(label)',
            'text-opacity': 0,
            'font-size': 9,
            color: '#52606d',
            'text-rotation': 'autorotate',
            'text-background-color': '#fff',
            'text-background-opacity': 0.8,
            'text-background-padding': '1px',
          },
        },
        { selector: 'edge[type = "Ownership"], edge[type = "ownership"]', style: { 'line-color': '#2f855a', 'target-arrow-color': '#2f855a', width: 2.5 } },
        // Edge labels show on a small graph, and on hover or selection in a big one.
        { selector: 'edge.labelled, edge.hover, edge:selected', style: { 'text-opacity': 1 } },
        { selector: 'edge.path', style: { 'line-color': '#d97706', 'target-arrow-color': '#d97706', width: 4 } },
        { selector: 'node.path', style: { 'overlay-color': '#d97706', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
      ],
    });
    instance.on('tap', 'node', (evt) => {
      // when the click was answered (for the benchmark of a big graph)
      const el = instance.container();
      if (el) el.dataset['tapped'] = evt.target.id() as string;
      expandRef.current(evt.target.id() as string);
    });
    instance.on('mouseover', 'node', (evt) => evt.target.connectedEdges().addClass('hover'));
    instance.on('mouseout', 'node', (evt) => evt.target.connectedEdges().removeClass('hover'));
    cy.current = instance;
    return () => {
      instance.destroy();
      cy.current = null;
      laidOut.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    const started = performance.now();
    const ids = new Set(nodes.map((n) => n.id));
    const shown = edges.filter((e) => ids.has(e.source) && ids.has(e.target));
    const edgeIds = new Set(shown.map((e) => e.id));
    // Only what changed is removed and added: the nodes already drawn keep their places.
    let fresh: cytoscape.NodeCollection = instance.collection().nodes();
    instance.batch(() => {
      instance.elements().filter((el) => (el.isNode() ? !ids.has(el.id()) : !edgeIds.has(el.id()))).remove();
      const added = instance.add([
        ...nodes.filter((n) => instance.getElementById(n.id).empty()).map((n) => ({ group: 'nodes' as const, data: { ...n } })),
        ...shown.filter((e) => instance.getElementById(e.id).empty()).map((e) => ({ group: 'edges' as const, data: { ...e } })),
      ]);
      fresh = added.nodes();
      instance.nodes().forEach((n) => {
        n.toggleClass('root', n.id() === rootId);
        n.toggleClass('path', onPath.has(n.id()));
      });
      instance.edges().forEach((e) => {
        e.toggleClass('labelled', shown.length <= 8 || onPath.has(e.id()));
        e.toggleClass('path', onPath.has(e.id()));
      });
    });
    const full = !laidOut.current || laidOut.current.layout !== layout || laidOut.current.relayout !== relayout || instance.nodes().length <= FULL_LAYOUT_NODES;
    if (full) {
      instance.layout(layoutOptions(instance, layout, rootId, shown)).run();
      laidOut.current = { layout, relayout };
    } else if (fresh.nonempty()) placeAround(instance, fresh, focus, rootId);
    if (full || fresh.nonempty()) {
      instance.fit(undefined, 30);
      // a handful of nodes is not blown up to fill the box
      if (instance.zoom() > 1.25) {
        instance.zoom(1.25);
        instance.center();
      }
    }
    // What the diagram holds, for tests and measurements: counts, the ids on a path, layout time.
    const el = box.current!;
    el.dataset['drawnNodes'] = String(instance.nodes().length);
    el.dataset['drawnEdges'] = String(instance.edges().length);
    el.dataset['pathNodes'] = instance
      .nodes('.path')
      .map((n) => n.id())
      .sort()
      .join(' ');
    el.dataset['pathEdges'] = String(instance.edges('.path').length);
    el.dataset['layout'] = full ? 'full' : fresh.nonempty() ? 'grown' : 'kept';
    el.dataset['layoutMs'] = String(Math.round(performance.now() - started));
    el.dataset['drawn'] = String(Number(el.dataset['drawn'] ?? 0) + 1);
  }, [nodes, edges, rootId, layout, onPath, focus, relayout]);

  return <div ref={box} className="diagram" role="img" aria-label={`Network diagram: ${nodes.length} entities, ${edges.length} links`} data-nodes={nodes.length} data-edges={edges.length} />;
}

/** What the path finder adds to the diagram: the paths' nodes and links, and the ids they pass. */
interface PathGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  onPath: string[];
}

/** Paths to another entity or to the nearest listed party: needs the network routes. */
interface PathAnswer {
  paths: Array<{ hops: number; nodes: string[]; explanation: string[] }>;
  nodes: NodeView[];
  edges: EdgeView[];
  notes?: string[];
}

function PathFinder({ from, onPaths }: { from: string; onPaths: (g: PathGraph | null) => void }) {
  const { query } = useLocation();
  const update = useQueryUpdate();
  const to = query.get('to') ?? '';

  const [text, setText] = useState(to);
  const [state, setState] = useState<{ loading: boolean; error?: ApiError; answer?: PathAnswer }>({ loading: false });
  useEffect(() => {
    if (!to) return setState({ loading: false });
    const abort = new AbortController();
    setState({ loading: true });
    // Parties of registries and customs data reach the lists through the entries the screening
    // engine ties them to (same_as links, found around the start and explained as candidates).
    const params = { from, ...(to === 'sanctioned' ? { to_sanctioned: 'true' } : { to }), same_as: 'true' };
    getJson<PathAnswer>(href(ROUTES.trace, params), abort.signal).then(
      (a) => {
        setState({ loading: false, answer: a });
        onPaths({ nodes: a.nodes.map(fromNodeView), edges: a.edges.map(fromEdgeView), onPath: [...new Set(a.paths.flatMap((p) => p.nodes))] });
      },
      (e: Error) => e.name !== 'AbortError' && setState({ loading: false, error: e instanceof ApiError ? e : new ApiError(0, e.message, false) }),
    );
    return () => abort.abort();
  }, [from, to, onPaths]);
  return (
    <div className="panel">
      <h2>Path finder</h2>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          update({ to: text.trim() || null });
        }}
      >
        <label htmlFor="path-to" className="visually-hidden">
          Target entity id
        </label>
        <input id="path-to" value={text} onChange={(e) => setText(e.target.value)} placeholder="target entity id" />
        <button type="submit">Find paths</button>
        <button type="button" onClick={() => update({ to: 'sanctioned' })}>
          Nearest listed party
        </button>
      </form>
      <p className="muted">
        Paths follow every link the data states, and pass from a registry or customs party to a list entry the screening engine finds to be
        likely the same (“may be the same as”, with its score): a candidate to check, not a merge.
      </p>
      {state.loading ? <Loading what="paths" /> : null}
      {state.error ? state.error.unavailable ? <Unavailable feature="The path finder" route={`GET ${ROUTES.trace}`} /> : <ErrorBox error={state.error} what="paths" /> : null}
      {state.answer ? (
        state.answer.paths.length === 0 ? (
          <Empty>No path found{state.answer.notes?.length ? `: ${state.answer.notes.join(' ')}` : '.'}</Empty>
        ) : (
          <ol className="paths">
            {state.answer.paths.map((p, i) => (
              <li key={i} data-hops={p.hops}>
                <div>
                  {p.nodes.map((id, j) => (
                    <span key={id}>
                      {j > 0 ? ' → ' : null}
                      <Link to={entityPath(id)}>{state.answer!.nodes.find((n) => n.id === id)?.caption ?? id}</Link>
                    </span>
                  ))}
                </div>
                <ul className="explanation">
                  {p.explanation.map((line, j) => (
                    <li key={j}>{line}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )
      ) : null}
    </div>
  );
}
