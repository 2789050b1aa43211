import { getSchema, isA, propertyType } from '../model/ftm.js';
import { cleanHsCode, cleanNumber } from '../model/extensions.js';
import type { Store } from '../store/store.js';
import { dayEnd, dayStart, OPEN_END, OPEN_START } from './dates.js';
import { RELATIONSHIP_SCHEMATA } from './edge-types.js';
import { EDGE_CONTROL, EDGE_INDIRECT, NetworkGraph, NODE_END_USER, NODE_SANCTIONED, NODE_SYNTHETIC, type SanctionFact } from './graph.js';
import type { Network } from './network.js';
import { addressKey, emailKey, identifierKey, nameBirthKey, phoneKey, PivotCollector, SHARED_IDENTIFIER_PROPS, websiteKey } from './pivots.js';
import { parseShares } from './shares.js';
import { FlowTable } from './shipments.js';

/** What the builder reads: an FtM entity, with the datasets it comes from when known. */
export interface EntityInput {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets?: unknown;
}

export interface BuildOptions {
  /** every entity of these datasets counts as sanctioned (beyond Sanction entities and the `sanction` topic) */
  sanctionedDatasets?: string[];
  /** datasets whose entities are invented (the demo world): nodes carry a synthetic marker */
  syntheticDatasets?: string[];
  /** shared values as nodes (default true) */
  pivots?: boolean;
}

export const DEFAULT_SYNTHETIC_DATASETS = ['demo-synthetic'];

const RELATIONSHIPS = new Map(RELATIONSHIP_SCHEMATA.map((r) => [r.schema, r]));
/** properties of the country type that say where an entity is (not where a person was born) */
const NOT_LOCATION = new Set(['birthCountry', 'pastFlags']);
/** entity references of ordinary entities that state ownership */
const OWNER_REFERENCES: Record<string, string> = { owner: 'owner', parent: 'parent company' };
const IGNORED_REFERENCES = new Set(['proof']);
const END_USER_PROVISION = /annex iv\b/i;
const END_USER_AUTHORITY = /military end.user|entity list/i;

const first = (values: string[] | undefined) => values?.[0];

function earliest(values: string[]): number {
  let d = OPEN_END;
  for (const v of values) {
    const x = dayStart(v);
    if (x !== undefined && x < d) d = x;
  }
  return d === OPEN_END ? OPEN_START : d;
}

function latest(values: string[]): number {
  let d = OPEN_START;
  for (const v of values) {
    const x = dayEnd(v);
    if (x !== undefined && x > d) d = x;
  }
  return d === OPEN_START ? OPEN_END : d;
}

function numberOf(values: string[] | undefined): number {
  const v = values?.[0];
  const n = v === undefined ? undefined : cleanNumber(v);
  return n === undefined ? NaN : Number(n);
}

/**
 * The name to show: the shortest Latin-script name of two words or more (lists give a name in
 * many scripts and forms; "LLC CST" reads better than a Ukrainian transliteration), else the first.
 */
export function pickCaption(names: string[] | undefined): string | undefined {
  if (!names?.length) return undefined;
  const latin = names.filter((n) => /^[\x20-\x7E]+$/.test(n) && n.trim().includes(' '));
  if (!latin.length) return names[0];
  return latin.sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
}

function datasetsOf(e: EntityInput): string[] {
  return Array.isArray(e.datasets) ? e.datasets.filter((d): d is string => typeof d === 'string') : [];
}

/** Turns a stream of FtM entities into the network (see docs/network.md for the mapping). */
export class NetworkBuilder {
  readonly graph = new NetworkGraph();
  readonly flows = new FlowTable();
  private readonly pivots: PivotCollector;
  private readonly usePivots: boolean;
  private readonly sanctionedDatasets: Set<string>;
  private readonly syntheticDatasets: Set<string>;
  private readonly entities: Record<string, number> = {};
  private readonly skipped: Record<string, number> = {};
  /** (holder node, Address entity id) pairs, resolved once every Address has been read */
  private readonly addressRefs: Array<[number, string, string]> = [];
  private readonly addressTexts = new Map<string, string[]>();
  private readonly started = performance.now();

  constructor(options: BuildOptions = {}) {
    this.pivots = new PivotCollector(this.graph);
    this.usePivots = options.pivots ?? true;
    this.sanctionedDatasets = new Set(options.sanctionedDatasets ?? []);
    this.syntheticDatasets = new Set(options.syntheticDatasets ?? DEFAULT_SYNTHETIC_DATASETS);
  }

  private skip(reason: string, n = 1): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + n;
  }

  add(entity: EntityInput): void {
    const schemaName = entity.schema;
    this.entities[schemaName] = (this.entities[schemaName] ?? 0) + 1;
    const relationship = RELATIONSHIPS.get(schemaName);
    if (relationship) return this.relationship(entity, relationship);
    if (isA(schemaName, 'Sanction')) return this.sanction(entity);
    if (isA(schemaName, 'EconomicActivity')) return this.shipmentLine(entity);
    if (isA(schemaName, 'Identification')) return this.identification(entity);
    if (isA(schemaName, 'Address')) {
      const texts = entity.properties['full'] ?? [];
      const parts = ['street', 'street2', 'postalCode', 'city', 'region'].flatMap((p) => entity.properties[p] ?? []);
      this.addressTexts.set(entity.id, texts.length ? texts : parts.length ? [parts.join(', ')] : []);
      return;
    }
    this.thing(entity);
  }

  private readonly ranges = new Map<string, Map<string, string>>();

  /** The schema a reference property points to (Ownership.owner → LegalEntity). */
  private rangeOf(schema: string, prop: string): string {
    let bySchema = this.ranges.get(schema);
    if (!bySchema) this.ranges.set(schema, (bySchema = new Map()));
    let range = bySchema.get(prop);
    if (range === undefined) {
      const property = getSchema(schema).getProperties().get(prop);
      bySchema.set(prop, (range = property?.type.name === 'entity' ? property.getRange().name : 'Thing'));
    }
    return range;
  }

  private readonly temporal = new Map<string, { start: string[]; end: string[]; caption: string[] }>();

  private temporalOf(schemaName: string): { start: string[]; end: string[]; caption: string[] } {
    let t = this.temporal.get(schemaName);
    if (!t) {
      const schema = getSchema(schemaName);
      t = { start: schema.temporalStart, end: schema.temporalEnd, caption: (schema.edge?.caption ?? []).filter((c) => c !== 'startDate' && c !== 'endDate') };
      this.temporal.set(schemaName, t);
    }
    return t;
  }

  private relationship(e: EntityInput, r: (typeof RELATIONSHIP_SCHEMATA)[number]): void {
    const p = e.properties;
    const sources = p[r.source] ?? [];
    const targets = p[r.target] ?? [];
    if (!sources.length || !targets.length) return this.skip(`${e.schema} without both ${r.source} and ${r.target}`);
    const temporal = this.temporalOf(e.schema);
    const start = earliest(temporal.start.flatMap((prop) => p[prop] ?? []));
    const end = latest(temporal.end.flatMap((prop) => p[prop] ?? []));
    let shareMin: number | undefined;
    let shareMax: number | undefined;
    let flags = 0;
    let label: string;
    if (r.type === 'ownership') {
      const { share, unreadable } = parseShares(p['percentage']);
      if (unreadable.length) this.skip('ownership percentage that is not a share (kept as not stated)');
      if (share.stated) {
        shareMin = share.min;
        shareMax = share.max;
      }
      const kinds = [...(p['ownershipType'] ?? []), ...(p['role'] ?? [])];
      if (kinds.some((k) => /\bindirect/i.test(k))) flags |= EDGE_INDIRECT;
      if ((p['ownershipType'] ?? []).some((k) => /^control\b/i.test(k))) flags |= EDGE_CONTROL;
      label = [...new Set(kinds)].join(', ');
    } else {
      label = [...new Set(temporal.caption.flatMap((c) => p[c] ?? []))].join(', ');
    }
    const ref = this.graph.refs.id(e.id);
    const datasetSet = this.graph.datasetSet(datasetsOf(e));
    for (const s of sources) {
      for (const t of targets) {
        if (s === t) {
          this.skip(`${e.schema} of an entity with itself`);
          continue;
        }
        const source = this.graph.ensureNode(s, this.rangeOf(e.schema, r.source));
        const target = this.graph.ensureNode(t, this.rangeOf(e.schema, r.target));
        this.graph.addEdge({ type: r.type, source, target, start, end, shareMin, shareMax, flags, ref, label: label || undefined, datasetSet });
      }
    }
  }

  private sanction(e: EntityInput): void {
    const p = e.properties;
    const targets = p['entity'] ?? [];
    if (!targets.length) return this.skip('Sanction without an entity');
    const provisions = p['provisions'] ?? [];
    const authorities = p['authority'] ?? [];
    const programs = [...new Set([...(p['program'] ?? []), ...(p['programId'] ?? [])])];
    const fact: SanctionFact = {
      id: e.id,
      programs,
      authorities,
      start: earliest([...(p['startDate'] ?? []), ...(p['listingDate'] ?? [])]),
      end: latest(p['endDate'] ?? []),
      listed: (p['listingDate'] ?? []).slice().sort()[0],
      provisions,
      datasets: datasetsOf(e),
      endUser: provisions.some((x) => END_USER_PROVISION.test(x)) || [...authorities, ...programs].some((x) => END_USER_AUTHORITY.test(x) || x === 'MEU'),
    };
    for (const t of targets) this.addSanction(this.graph.ensureNode(t, 'LegalEntity'), fact);
  }

  private addSanction(node: number, fact: SanctionFact): void {
    const list = this.graph.sanctions.get(node) ?? [];
    list.push(fact);
    this.graph.sanctions.set(node, list);
    this.graph.addNodeFlags(node, NODE_SANCTIONED | (fact.endUser ? NODE_END_USER : 0));
  }

  private shipmentLine(e: EntityInput): void {
    const p = e.properties;
    const declarant = p['declarant'] ?? [];
    const receivers = p['receiver']?.length ? p['receiver'] : declarant;
    const senders = p['sender']?.length ? p['sender'] : declarant.filter((d) => !receivers.includes(d));
    if (!senders.length || !receivers.length) return this.skip('customs line without both a sender and a receiver (or declarant)');
    const date = first(p['date']) ?? first(p['declarationDate']) ?? first(p['startDate']);
    const day = date ? dayStart(date) ?? OPEN_START : OPEN_START;
    const hsRaw = first(p['hsCode']) ?? first(p['vedCode']);
    const line = {
      id: e.id,
      day,
      hs: (hsRaw && cleanHsCode(hsRaw)) ?? '',
      quantity: numberOf(p['quantity']),
      unit: first(p['quantityUnit']) ?? '',
      value: numberOf(p['value'] ?? p['customsAmount'] ?? p['amount']),
      currency: first(p['currency']) ?? '',
    };
    for (const s of senders) {
      for (const r of receivers) {
        if (s === r) {
          this.skip('customs line with the same sender and receiver');
          continue;
        }
        this.flows.addLine(this.graph.ensureNode(s, 'LegalEntity'), this.graph.ensureNode(r, 'LegalEntity'), line);
      }
    }
  }

  private identification(e: EntityInput): void {
    if (!this.usePivots) return;
    for (const holder of e.properties['holder'] ?? []) {
      const node = this.graph.ensureNode(holder, 'LegalEntity');
      for (const n of e.properties['number'] ?? []) {
        const key = identifierKey(n);
        if (key) this.pivots.add('identifier', key, node, n, e.schema.toLowerCase());
      }
    }
  }

  private thing(e: EntityInput): void {
    const p = e.properties;
    const node = this.graph.ensureNode(e.id, e.schema);
    const datasets = datasetsOf(e);
    const countries = new Set<string>();
    for (const [prop, values] of Object.entries(p)) {
      if (propertyType(e.schema, prop) === 'country' && !NOT_LOCATION.has(prop)) for (const v of values) countries.add(v.toLowerCase());
    }
    const caption = pickCaption(p['name']) ?? first(p['full']) ?? first(p['number']) ?? first(p['title']) ?? e.id;
    this.graph.setNode(node, { kind: 'entity', schema: e.schema, caption, countries: [...countries], datasets });
    if (datasets.some((d) => this.syntheticDatasets.has(d))) this.graph.addNodeFlags(node, NODE_SYNTHETIC);
    if ((p['topics'] ?? []).includes('sanction') && !this.graph.sanctions.get(node)?.some((f) => f.id === null)) {
      this.addSanction(node, { id: null, programs: [], authorities: [], start: OPEN_START, end: OPEN_END, provisions: ['topic: sanction'], datasets, endUser: false });
    }
    const listed = datasets.filter((d) => this.sanctionedDatasets.has(d));
    if (listed.length) {
      this.addSanction(node, { id: null, programs: listed, authorities: [], start: OPEN_START, end: OPEN_END, provisions: ['dataset declared a sanctions list'], datasets: listed, endUser: false });
    }
    for (const [prop, values] of Object.entries(p)) {
      if (propertyType(e.schema, prop) !== 'entity' || IGNORED_REFERENCES.has(prop)) continue;
      for (const ref of values) {
        if (ref === e.id) continue;
        if (prop === 'addressEntity') {
          this.addressRefs.push([node, ref, prop]);
          continue;
        }
        const other = this.graph.ensureNode(ref, this.rangeOf(e.schema, prop));
        const owner = OWNER_REFERENCES[prop];
        const datasetSet = this.graph.datasetSet(datasets);
        if (owner) this.graph.addEdge({ type: 'ownership', source: other, target: node, label: owner, datasetSet });
        else this.graph.addEdge({ type: 'reference', source: node, target: other, label: prop, datasetSet });
      }
    }
    if (this.usePivots) this.values(e, node);
  }

  private values(e: EntityInput, node: number): void {
    const p = e.properties;
    for (const [prop, values] of Object.entries(p)) {
      const type = propertyType(e.schema, prop);
      for (const v of values) {
        if (type === 'address') {
          const k = addressKey(v);
          if (k) this.pivots.add('address', k, node, v, prop);
        } else if (type === 'phone') {
          const k = phoneKey(v);
          if (k) this.pivots.add('phone', k, node, v, prop);
        } else if (type === 'email') {
          const k = emailKey(v);
          if (k) this.pivots.add('email', k, node, v, prop);
        } else if (type === 'identifier' && !SHARED_IDENTIFIER_PROPS.has(prop)) {
          const k = identifierKey(v);
          if (k) this.pivots.add('identifier', k, node, v, prop);
        } else if (prop === 'website') {
          const k = websiteKey(v);
          if (k) this.pivots.add('website', k, node, v, prop);
        }
      }
    }
    if (isA(e.schema, 'Person')) {
      const names = new Set([...(p['name'] ?? []), ...(p['alias'] ?? [])]);
      for (const birth of p['birthDate'] ?? []) {
        for (const name of names) {
          const k = nameBirthKey(name, birth);
          if (k) this.pivots.add('name_birth', k, node, `${name} (born ${birth})`, 'name, birthDate');
        }
      }
    }
  }

  finish(versions: Record<string, string> = {}): Network {
    for (const [holder, ref, prop] of this.addressRefs) {
      const texts = this.addressTexts.get(ref);
      if (!texts) {
        this.skip('address reference to an Address entity not in the store');
        continue;
      }
      const keys = texts.map((t) => [t, addressKey(t)] as const).filter(([, k]) => k);
      // two entities pointing at the same Address entity share it, however vague its text
      if (!keys.length) this.pivots.add('address', `#${ref}`, holder, texts[0] ?? ref, prop);
      for (const [t, k] of keys) this.pivots.add('address', k!, holder, t, prop);
    }
    this.flows.finish();
    for (let f = 0; f < this.flows.flowCount; f++) {
      const { first: start, last: end } = this.flows.span(f);
      this.graph.addEdge({ type: 'shipment', source: this.flows.from[f]!, target: this.flows.to[f]!, start, end, ref: f });
    }
    const unsharedValues = this.pivots.unshared;
    this.pivots.clear();
    this.addressTexts.clear();
    this.graph.finish();
    const stats = this.graph.stats();
    let sanctioned = 0;
    let endUsers = 0;
    for (let i = 0; i < this.graph.nodeCount; i++) {
      if (this.graph.hasFlag(i, NODE_SANCTIONED)) sanctioned++;
      if (this.graph.hasFlag(i, NODE_END_USER)) endUsers++;
    }
    if (stats.nodes.missing) this.skipped['referenced entities not in the store (kept as bare nodes)'] = stats.nodes.missing;
    return {
      graph: this.graph,
      flows: this.flows,
      sameAs: [],
      versions,
      report: {
        entities: this.entities,
        nodes: stats.nodes,
        edges: stats.edges,
        shipmentLines: this.flows.lineCount,
        flows: this.flows.flowCount,
        skipped: this.skipped,
        unsharedValues,
        sanctionedNodes: sanctioned,
        endUserNodes: endUsers,
        seconds: Number(((performance.now() - this.started) / 1000).toFixed(3)),
      },
    };
  }
}

/** The network of plain entities (tests, files). */
export function buildNetworkFrom(entities: Iterable<EntityInput>, options?: BuildOptions): Network {
  const b = new NetworkBuilder(options);
  for (const e of entities) b.add(e);
  return b.finish();
}

/** The network of the store's current entities (optionally of some datasets only). */
export async function buildNetwork(store: Store, options: BuildOptions & { datasets?: string[] } = {}): Promise<Network> {
  const b = new NetworkBuilder(options);
  const versions: Record<string, string> = {};
  for (const d of await store.datasets()) if (!options.datasets || options.datasets.includes(d.name)) versions[d.name] = d.version;
  for await (const e of store.entities({ datasets: options.datasets })) b.add(e);
  return b.finish(versions);
}
