import { Column, float64, int32, Interner, uint16, uint8 } from './columns.js';
import { OPEN_END, OPEN_START, type TimeFilter, validUnder } from './dates.js';
import { edgeTypeCode, edgeTypeName, isDirected } from './edge-types.js';

/**
 * The entity graph in columns: node attributes and edges in typed arrays, adjacency as one
 * compressed array (every edge listed under both ends), strings interned. About 60 bytes per edge
 * and 100 per node plus their id strings — see bench/network.ts for measured figures.
 */

export type NodeKind = 'entity' | 'pivot' | 'missing';
const KINDS: NodeKind[] = ['entity', 'pivot', 'missing'];

export const NODE_SANCTIONED = 1;
export const NODE_END_USER = 2;
export const NODE_SYNTHETIC = 4;

export const EDGE_INDIRECT = 1;
export const EDGE_CONTROL = 2;

/** One Sanction entity about a node, or the `sanction` topic (id null). */
export interface SanctionFact {
  id: string | null;
  programs: string[];
  authorities: string[];
  /** day numbers (OPEN_* when unstated) */
  start: number;
  end: number;
  listed?: string;
  provisions: string[];
  datasets: string[];
  /** a military end-user listing (EU 833/2014 Annex IV, US MEU list, US Entity List) */
  endUser: boolean;
}

export interface NewEdge {
  type: string;
  source: number;
  target: number;
  start?: number;
  end?: number;
  shareMin?: number;
  shareMax?: number;
  flags?: number;
  /** the relationship entity id, flow number or same-as number behind the edge (-1: none) */
  ref?: number;
  label?: string;
  /** the datasets stating the edge, as numbered by datasetSet() */
  datasetSet?: number;
}

/** Everything the graph holds, as plain arrays (see cache.ts). */
export interface GraphSnapshot {
  ids: string[];
  captions: string[];
  countryText: string[];
  sanctions: Array<[number, SanctionFact[]]>;
  nodeColumns: Record<'kind' | 'nodeFlags', Uint8Array> & Record<'schemaOf' | 'datasetSetOf', Uint16Array>;
  edgeColumns: Record<'src' | 'dst' | 'start' | 'end' | 'ref' | 'label', Int32Array> & Record<'type' | 'flags', Uint8Array> & Record<'shareMin' | 'shareMax', Float64Array> & { edgeDatasets: Uint16Array };
  strings: Record<'schemata' | 'labels' | 'refs' | 'datasetSets', string[]>;
  offsets: Int32Array;
  adjacency: Int32Array;
}

export class NetworkGraph {
  // nodes
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly kind = uint8();
  private readonly schemaOf = uint16();
  readonly captions: string[] = [];
  /** ISO2 codes joined by "," ('' for none) */
  private readonly countryText: string[] = [];
  private readonly datasetSetOf = uint16();
  private readonly nodeFlags = uint8();
  readonly sanctions = new Map<number, SanctionFact[]>();

  // edges
  private readonly src = int32();
  private readonly dst = int32();
  private readonly type = uint8();
  private readonly start = int32();
  private readonly end = int32();
  private readonly shareMin = float64();
  private readonly shareMax = float64();
  private readonly flags = uint8();
  private readonly ref = int32();
  private readonly label = int32();
  private readonly edgeDatasets = uint16();

  // shared string tables
  readonly schemata = new Interner();
  readonly labels = new Interner();
  /** relationship entity ids (Ownership…), referred to by edges' ref */
  readonly refs = new Interner();
  private readonly datasetSets = new Interner();

  // adjacency (built by finish(); edges added later go to `extra`)
  private offsets: Int32Array = new Int32Array(1);
  private adjacency: Int32Array = new Int32Array(0);
  private readonly extra = new Map<number, number[]>();
  private finished = false;

  get nodeCount(): number {
    return this.ids.length;
  }

  get edgeCount(): number {
    return this.src.length;
  }

  // ---- building

  /** The node of an id, created as a placeholder ('missing') until the entity itself is added. */
  ensureNode(id: string, schema = 'Thing'): number {
    let i = this.index.get(id);
    if (i !== undefined) return i;
    if (this.finished) throw new Error(`the graph is built: cannot add node ${id}`);
    i = this.ids.length;
    this.ids.push(id);
    this.index.set(id, i);
    this.kind.push(2);
    this.schemaOf.push(this.schemata.id(schema));
    this.captions.push(id);
    this.countryText.push('');
    this.datasetSetOf.push(this.noDatasets);
    this.nodeFlags.push(0);
    return i;
  }

  private readonly noDatasets = this.datasetSets.id('');

  /** A number for a set of datasets (nodes and edges refer to sets by number). */
  datasetSet(datasets: string[]): number {
    if (!datasets.length) return this.noDatasets;
    return this.datasetSets.id(datasets.length === 1 ? datasets[0]! : [...datasets].sort().join(','));
  }

  setNode(i: number, attrs: { kind: NodeKind; schema: string; caption: string; countries: string[]; datasets: string[] }): void {
    this.kind.set(i, KINDS.indexOf(attrs.kind));
    this.schemaOf.set(i, this.schemata.id(attrs.schema));
    this.captions[i] = attrs.caption;
    this.countryText[i] = attrs.countries.join(',');
    this.datasetSetOf.set(i, this.datasetSet(attrs.datasets));
  }

  addNodeFlags(i: number, flags: number): void {
    this.nodeFlags.set(i, this.nodeFlags.get(i) | flags);
  }

  addEdge(e: NewEdge): number {
    const i = this.src.push(e.source);
    this.dst.push(e.target);
    this.type.push(edgeTypeCode(e.type));
    this.start.push(e.start ?? OPEN_START);
    this.end.push(e.end ?? OPEN_END);
    this.shareMin.push(e.shareMin ?? NaN);
    this.shareMax.push(e.shareMax ?? NaN);
    this.flags.push(e.flags ?? 0);
    this.ref.push(e.ref ?? -1);
    this.label.push(e.label ? this.labels.id(e.label) : -1);
    this.edgeDatasets.push(e.datasetSet ?? this.noDatasets);
    if (this.finished) {
      for (const n of [e.source, e.target]) {
        const list = this.extra.get(n) ?? [];
        list.push(i);
        this.extra.set(n, list);
      }
    }
    return i;
  }

  /** Builds the adjacency; edges added afterwards are kept beside it. */
  finish(): this {
    const n = this.nodeCount;
    const m = this.edgeCount;
    const offsets = new Int32Array(n + 1);
    const src = this.src.data;
    const dst = this.dst.data;
    for (let e = 0; e < m; e++) {
      offsets[src[e]! + 1]!++;
      if (dst[e] !== src[e]) offsets[dst[e]! + 1]!++;
    }
    for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
    const fill = offsets.slice(0, n);
    const adjacency = new Int32Array(offsets[n]!);
    for (let e = 0; e < m; e++) {
      adjacency[fill[src[e]!]!++] = e;
      if (dst[e] !== src[e]) adjacency[fill[dst[e]!]!++] = e;
    }
    this.offsets = offsets;
    this.adjacency = adjacency;
    for (const c of [this.kind, this.schemaOf, this.datasetSetOf, this.nodeFlags] as Column<Uint8Array | Uint16Array>[]) c.trim();
    this.finished = true;
    return this;
  }

  snapshot(): GraphSnapshot {
    if (this.extra.size) throw new Error('edges added after the build (same-as links) are not kept in a snapshot');
    return {
      ids: this.ids,
      captions: this.captions,
      countryText: this.countryText,
      sanctions: [...this.sanctions],
      nodeColumns: { kind: this.kind.values(), nodeFlags: this.nodeFlags.values(), schemaOf: this.schemaOf.values(), datasetSetOf: this.datasetSetOf.values() },
      edgeColumns: {
        src: this.src.values(),
        dst: this.dst.values(),
        start: this.start.values(),
        end: this.end.values(),
        ref: this.ref.values(),
        label: this.label.values(),
        type: this.type.values(),
        flags: this.flags.values(),
        shareMin: this.shareMin.values(),
        shareMax: this.shareMax.values(),
        edgeDatasets: this.edgeDatasets.values(),
      },
      strings: { schemata: this.schemata.values, labels: this.labels.values, refs: this.refs.values, datasetSets: this.datasetSets.values },
      offsets: this.offsets,
      adjacency: this.adjacency,
    };
  }

  static fromSnapshot(s: GraphSnapshot): NetworkGraph {
    const g = new NetworkGraph();
    for (let i = 0; i < s.ids.length; i++) {
      g.ids.push(s.ids[i]!);
      g.index.set(s.ids[i]!, i);
      g.captions.push(s.captions[i]!);
      g.countryText.push(s.countryText[i]!);
    }
    for (const [i, facts] of s.sanctions) g.sanctions.set(i, facts);
    g.kind.load(s.nodeColumns.kind);
    g.nodeFlags.load(s.nodeColumns.nodeFlags);
    g.schemaOf.load(s.nodeColumns.schemaOf);
    g.datasetSetOf.load(s.nodeColumns.datasetSetOf);
    const e = s.edgeColumns;
    g.src.load(e.src);
    g.dst.load(e.dst);
    g.start.load(e.start);
    g.end.load(e.end);
    g.ref.load(e.ref);
    g.label.load(e.label);
    g.type.load(e.type);
    g.flags.load(e.flags);
    g.shareMin.load(e.shareMin);
    g.shareMax.load(e.shareMax);
    g.edgeDatasets.load(e.edgeDatasets);
    g.schemata.load(s.strings.schemata);
    g.labels.load(s.strings.labels);
    g.refs.load(s.strings.refs);
    g.datasetSets.load(s.strings.datasetSets);
    g.offsets = s.offsets;
    g.adjacency = s.adjacency;
    g.finished = true;
    return g;
  }

  // ---- nodes

  node(id: string): number | undefined {
    return this.index.get(id);
  }

  nodeKind(i: number): NodeKind {
    return KINDS[this.kind.get(i)]!;
  }

  schema(i: number): string {
    return this.schemata.get(this.schemaOf.get(i));
  }

  countries(i: number): string[] {
    const t = this.countryText[i]!;
    return t ? t.split(',') : [];
  }

  datasets(i: number): string[] {
    const t = this.datasetSets.get(this.datasetSetOf.get(i));
    return t ? t.split(',') : [];
  }

  hasFlag(i: number, flag: number): boolean {
    return (this.nodeFlags.get(i) & flag) !== 0;
  }

  /** The sanctions of a node in force under the time filter (undated ones always count). */
  sanctionsUnder(i: number, time: TimeFilter): SanctionFact[] {
    return (this.sanctions.get(i) ?? []).filter((s) => validUnder(s.start, s.end, time));
  }

  /** Whether a sanction of the node is in force under the filter (end users only, if asked). */
  sanctionedUnder(i: number, time: TimeFilter, endUser = false): boolean {
    if (!this.hasFlag(i, endUser ? NODE_END_USER : NODE_SANCTIONED)) return false;
    for (const s of this.sanctions.get(i) ?? []) if ((!endUser || s.endUser) && validUnder(s.start, s.end, time)) return true;
    return false;
  }

  /** Incident edges: the adjacency, then edges added after the build. */
  degree(i: number): number {
    return this.offsets[i + 1]! - this.offsets[i]! + (this.extra.get(i)?.length ?? 0);
  }

  /** Calls fn for every edge at node i with the node at its other end; stops when fn returns false. */
  forEachEdge(i: number, fn: (edge: number, other: number) => boolean | void): void {
    const adj = this.adjacency;
    const src = this.src.data;
    const dst = this.dst.data;
    for (let k = this.offsets[i]!, end = this.offsets[i + 1]!; k < end; k++) {
      const e = adj[k]!;
      if (fn(e, src[e] === i ? dst[e]! : src[e]!) === false) return;
    }
    for (const e of this.extra.get(i) ?? []) if (fn(e, src[e] === i ? dst[e]! : src[e]!) === false) return;
  }

  // ---- edges

  source(e: number): number {
    return this.src.data[e]!;
  }

  target(e: number): number {
    return this.dst.data[e]!;
  }

  typeCode(e: number): number {
    return this.type.data[e]!;
  }

  edgeType(e: number): string {
    return edgeTypeName(this.type.data[e]!);
  }

  directed(e: number): boolean {
    return isDirected(this.edgeType(e));
  }

  startDay(e: number): number {
    return this.start.data[e]!;
  }

  endDay(e: number): number {
    return this.end.data[e]!;
  }

  validAt(e: number, time: TimeFilter): boolean {
    return validUnder(this.start.data[e]!, this.end.data[e]!, time);
  }

  /** The stated share range of an ownership edge; undefined when not stated. */
  share(e: number): { min: number; max: number } | undefined {
    const min = this.shareMin.data[e]!;
    return Number.isNaN(min) ? undefined : { min, max: this.shareMax.data[e]! };
  }

  edgeFlags(e: number): number {
    return this.flags.data[e]!;
  }

  refIndex(e: number): number {
    return this.ref.data[e]!;
  }

  /** The relationship entity behind an edge (Ownership, Directorship…), if any. */
  refId(e: number): string | undefined {
    const r = this.ref.data[e]!;
    const t = this.edgeType(e);
    return r >= 0 && t !== 'shipment' && t !== 'same_as' ? this.refs.get(r) : undefined;
  }

  edgeLabel(e: number): string | undefined {
    const l = this.label.data[e]!;
    return l >= 0 ? this.labels.get(l) : undefined;
  }

  edgeDatasetList(e: number): string[] {
    const t = this.datasetSets.get(this.edgeDatasets.data[e]!);
    return t ? t.split(',') : [];
  }

  /** Counts of nodes by kind and edges by type. */
  stats(): { nodes: Record<NodeKind, number>; edges: Record<string, number> } {
    const nodes: Record<NodeKind, number> = { entity: 0, pivot: 0, missing: 0 };
    for (let i = 0; i < this.nodeCount; i++) nodes[this.nodeKind(i)]++;
    const edges: Record<string, number> = {};
    for (let e = 0; e < this.edgeCount; e++) {
      const t = this.edgeType(e);
      edges[t] = (edges[t] ?? 0) + 1;
    }
    return { nodes, edges };
  }
}
