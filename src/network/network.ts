import type { FeatureExplanation } from '../screening/types.js';
import type { NetworkGraph } from './graph.js';
import type { FlowTable } from './shipments.js';

/** An entity-resolution candidate between two entities, kept as a link (never a merge). */
export interface SameAsLink {
  a: string;
  b: string;
  score: number;
  /** how the screening engine compared them, feature by feature */
  explanations: FeatureExplanation[];
  /** where the link comes from, e.g. "screening engine logic 1.4" or "cross-referencing" */
  method: string;
}

export interface BuildReport {
  /** entities read, by schema */
  entities: Record<string, number>;
  nodes: { entity: number; pivot: number; missing: number };
  edges: Record<string, number>;
  shipmentLines: number;
  flows: number;
  /** what was not turned into nodes or edges, and why */
  skipped: Record<string, number>;
  /** values held by a single entity (not nodes) */
  unsharedValues: number;
  sanctionedNodes: number;
  endUserNodes: number;
  seconds: number;
}

/** The graph with what hangs off its edges: shipment lines and same-as links. */
export interface Network {
  graph: NetworkGraph;
  flows: FlowTable;
  sameAs: SameAsLink[];
  report: BuildReport;
  /** dataset → version label the graph was built from (empty when built from plain entities) */
  versions: Record<string, string>;
}
