import { describeTime, type TimeFilter } from './dates.js';
import { edgeTypeCode, EDGE_TYPES } from './edge-types.js';
import type { Network } from './network.js';

/** Which edges a query may use: by type, by date (as of / window) and, for shipments, by goods. */
export interface EdgeFilterSpec {
  /** edge type names (default: all) */
  types?: string[];
  time?: TimeFilter;
  /** HS code prefixes: shipment edges count only with lines of these goods */
  hs?: string[];
  /** same-as links below this score are not used (default 0) */
  minSameAsScore?: number;
}

export class EdgeFilter {
  private readonly types: Uint8Array;
  private readonly shipment = edgeTypeCode('shipment');
  private readonly sameAs = edgeTypeCode('same_as');
  private readonly shipmentCache = new Map<number, boolean>();

  constructor(
    private readonly net: Network,
    readonly spec: EdgeFilterSpec = {},
  ) {
    this.types = new Uint8Array(EDGE_TYPES.length);
    for (const t of spec.types ?? EDGE_TYPES) this.types[edgeTypeCode(t)] = 1;
  }

  get time(): TimeFilter {
    return this.spec.time;
  }

  admits(e: number): boolean {
    const g = this.net.graph;
    const code = g.typeCode(e);
    if (!this.types[code]) return false;
    if (code === this.shipment) {
      let ok = this.shipmentCache.get(e);
      if (ok === undefined) this.shipmentCache.set(e, (ok = this.net.flows.hasLines(g.refIndex(e), this.spec.time, this.spec.hs)));
      return ok;
    }
    if (code === this.sameAs) return (this.net.sameAs[g.refIndex(e)]?.score ?? 0) >= (this.spec.minSameAsScore ?? 0);
    return g.validAt(e, this.spec.time);
  }

  describe(): string {
    const types = this.spec.types ? `links of type ${this.spec.types.join(', ')}` : 'links of every type';
    const goods = this.spec.hs?.length ? `, shipments of HS ${this.spec.hs.join(', ')}` : '';
    return `${types} valid ${describeTime(this.spec.time)}${goods}`;
  }
}
