/**
 * The data the rules read, loaded once: parties (every LegalEntity: companies, organisations,
 * people), their addresses and identifications, relations (ownership, directorship, family…),
 * shipment lines (EconomicActivity with sanctrace's customs extensions), which parties are
 * listed, the cross-reference links to listed parties, and, when the store has trade data, the
 * trade-hub scores. Rules never touch the store.
 */
import type { FtmEntity } from '../model/entity.js';
import { hasSchema, isA } from '../model/ftm.js';
import { BUNDLED_LISTS } from '../ingest/bundled.js';
import { FlagTables } from '../store/duckdb/flags.js';
import type { Store } from '../store/store.js';
import type { FlagsConfig } from './config.js';
import { dayOf } from './dates.js';

/** An entity with the datasets it comes from. */
export type ContextEntity = FtmEntity & { datasets: string[] };

export interface DatasetInfo {
  name: string;
  version: string;
  /** a sanctions (or export-control) list: its parties are the listed parties */
  sanctions: boolean;
  parties: number;
  shipments: number;
}

/** A customs line as the rules read it: numbers parsed, countries ISO2, date as a day number. */
export interface Shipment {
  id: string;
  datasets: string[];
  sender?: string;
  receiver?: string;
  declarant?: string;
  /** ISO date of the line (date, else declarationDate, else startDate) */
  date?: string;
  /** day number of `date`, NaN when unknown */
  day: number;
  /** HS code digits as declared (2–10 digits) and its first six */
  hs?: string;
  hs6?: string;
  quantity?: number;
  unit?: string;
  netWeight?: number;
  value?: number;
  currency?: string;
  origin?: string;
  departure?: string;
  destination?: string;
  transit: string[];
  description?: string;
  /** export or import declaration, when the line says (directionOfTransportation, customsProcedure) */
  direction?: 'export' | 'import';
}

export type RelationKind =
  | 'ownership'
  | 'directorship'
  | 'family'
  | 'associate'
  | 'representation'
  | 'membership'
  | 'employment'
  | 'succession'
  | 'unknown';

/** A relation entity as a directed edge (owner → asset, director → organisation, person → relative…). */
export interface Relation {
  id: string;
  schema: string;
  kind: RelationKind;
  from: string;
  to: string;
  start?: string;
  end?: string;
  role?: string;
  percentage?: number;
  relationship?: string;
  datasets: string[];
}

/** A cross-reference link: a party of a registry or shipment dataset that matches a listed party. */
export interface CrossrefLink {
  subject_id: string;
  listed_id: string;
  score: number;
  /** one sentence per feature that made the score */
  explanation: string[];
}

/** Trade-hub scores (src/trade/hubs.ts): how strongly the trade data marks a country, and its goods, as a diversion hub. */
export interface HubContext {
  /** ISO2 → score in [-1, 1]: positive for a country whose imports of the goods rose with its exports to Russia */
  countries: Map<string, number>;
  /** ISO2 → HS6 → score in [-1, 1] */
  goods: Map<string, Map<string, number>>;
  /** how the scores were made, in words (shown with the ranking terms) */
  method: string;
}

export interface FlagContext {
  config: FlagsConfig;
  datasets: Map<string, DatasetInfo>;
  parties: Map<string, ContextEntity>;
  addresses: Map<string, ContextEntity>;
  /** holder id → its Identification entities */
  identifications: Map<string, ContextEntity[]>;
  /** listed entity id → its Sanction entities */
  sanctions: Map<string, ContextEntity[]>;
  /** ids of listed parties */
  listed: Set<string>;
  /**
   * Consignments: each line once. An import declaration that repeats an export declaration of the
   * same goods between the same parties (a consignment declared on departure and again on
   * arrival) is left out here and kept in `arrivals`.
   */
  shipments: Shipment[];
  /** every line, arrivals included */
  allShipments: Shipment[];
  /** export line id → the import line that declares its arrival */
  arrivals: Map<string, Shipment>;
  shipmentsById: Map<string, Shipment>;
  bySender: Map<string, Shipment[]>;
  byReceiver: Map<string, Shipment[]>;
  relations: Relation[];
  /** entity id → relations it is either end of */
  relationsOf: Map<string, Relation[]>;
  crossref: CrossrefLink[];
  hubs?: HubContext;
}

/** Relation schemata: which property is the edge's source and which its target. */
export const RELATION_ENDS: Record<string, { kind: RelationKind; from: string; to: string }> = {
  Ownership: { kind: 'ownership', from: 'owner', to: 'asset' },
  Directorship: { kind: 'directorship', from: 'director', to: 'organization' },
  Family: { kind: 'family', from: 'person', to: 'relative' },
  Associate: { kind: 'associate', from: 'person', to: 'associate' },
  Representation: { kind: 'representation', from: 'agent', to: 'client' },
  Membership: { kind: 'membership', from: 'member', to: 'organization' },
  Employment: { kind: 'employment', from: 'employee', to: 'employer' },
  Succession: { kind: 'succession', from: 'predecessor', to: 'successor' },
  UnknownLink: { kind: 'unknown', from: 'subject', to: 'object' },
};

const LISTED_TOPICS = new Set(['sanction', 'export.control', 'sanction.counter', 'debarment']);

function first(e: FtmEntity, prop: string): string | undefined {
  return e.properties[prop]?.[0];
}

function num(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function isParty(schema: string): boolean {
  return hasSchema(schema) && isA(schema, 'LegalEntity');
}

/** The properties of a customs line the rules read (one value each, transit countries all). */
export const LINE_PROPS = [
  'sender', 'receiver', 'declarant', 'date', 'declarationDate', 'startDate', 'hsCode', 'quantity', 'quantityUnit', 'netWeight', 'value',
  'customsAmount', 'currency', 'originCountry', 'departureCountry', 'destinationCountry', 'goodsDescription', 'description',
  'directionOfTransportation', 'customsProcedure',
];
export const LINE_LIST_PROPS = ['transitCountry'];

/** A customs line from its properties (`get` gives the first value of a property). */
export function shipmentOf(id: string, datasets: string[], get: (prop: string) => string | undefined, transit: string[]): Shipment {
  const date = get('date') ?? get('declarationDate') ?? get('startDate');
  const hs = get('hsCode');
  const value = num(get('value')) ?? num(get('customsAmount'));
  return {
    id,
    datasets,
    sender: get('sender'),
    receiver: get('receiver'),
    declarant: get('declarant'),
    date,
    day: dayOf(date),
    hs,
    hs6: hs && hs.length >= 6 ? hs.slice(0, 6) : undefined,
    quantity: num(get('quantity')),
    unit: get('quantityUnit')?.toLowerCase(),
    netWeight: num(get('netWeight')),
    value,
    currency: get('currency')?.toUpperCase(),
    origin: get('originCountry')?.toUpperCase(),
    departure: get('departureCountry')?.toUpperCase(),
    destination: get('destinationCountry')?.toUpperCase(),
    transit: transit.map((c) => c.toUpperCase()),
    description: get('goodsDescription') ?? get('description'),
    direction: directionOf(get('directionOfTransportation') ?? get('customsProcedure')),
  };
}

export function toShipment(e: ContextEntity): Shipment {
  return shipmentOf(e.id, e.datasets, (prop) => first(e, prop), e.properties['transitCountry'] ?? []);
}

function directionOf(text: string | undefined): 'export' | 'import' | undefined {
  const t = text?.trim().toLowerCase();
  if (!t) return undefined;
  if (/^(export|ex|exp|10|e)\b/.test(t)) return 'export';
  if (/^(import|im|imp|40|i)\b/.test(t)) return 'import';
  return undefined;
}

/**
 * The properties the rules read of every other entity (parties, addresses, identifications,
 * sanctions, relations): reading only these keeps the one pass over the store short.
 */
export const CONTEXT_PROPS = [
  // names, as captions take them
  'name', 'full', 'number', 'program', 'topics',
  // where, when, who
  'country', 'jurisdiction', 'mainCountry', 'addressEntity', 'address', 'incorporationDate', 'nationality', 'citizenship',
  'classification', 'sector', 'okvedCode', 'notes', 'summary', 'description',
  'registrationNumber', 'taxNumber', 'innCode', 'ogrnCode', 'idNumber', 'vatCode', 'okpoCode',
  // Address, Identification, Sanction
  'street', 'street2', 'postalCode', 'city', 'region', 'holder', 'entity', 'authority',
  // relations
  'startDate', 'endDate', 'date', 'role', 'relationship', 'percentage',
  ...new Set(Object.values(RELATION_ENDS).flatMap((r) => [r.from, r.to])),
];

/** Days within which an arrival declaration repeats an export declaration. */
const ARRIVAL_DAYS = 60;

/**
 * Pairs each import declaration with the export declaration of the same consignment (same
 * sender, receiver, HS6 and quantity, declared up to 60 days earlier).
 */
function pairArrivals(lines: Shipment[]): Map<string, Shipment> {
  const exports = new Map<string, Shipment[]>();
  const key = (s: Shipment) => `${s.sender}|${s.receiver}|${s.hs6 ?? s.hs}`;
  for (const s of lines) {
    if (s.direction !== 'export' || !s.sender || !s.receiver) continue;
    const k = key(s);
    const list = exports.get(k);
    if (list) list.push(s);
    else exports.set(k, [s]);
  }
  const arrivals = new Map<string, Shipment>();
  for (const s of lines) {
    if (s.direction !== 'import' || !s.sender || !s.receiver) continue;
    const candidates = exports.get(key(s));
    if (!candidates) continue;
    const ex = candidates.find(
      (c) =>
        !arrivals.has(c.id) &&
        c.day <= s.day &&
        s.day - c.day <= ARRIVAL_DAYS &&
        (c.quantity === undefined || s.quantity === undefined || Math.abs(c.quantity - s.quantity) <= 0.02 * Math.max(c.quantity, s.quantity)),
    );
    if (ex) arrivals.set(ex.id, s);
  }
  return arrivals;
}

export function toRelation(e: ContextEntity): Relation | undefined {
  const ends = RELATION_ENDS[e.schema];
  if (!ends) return undefined;
  const from = first(e, ends.from);
  const to = first(e, ends.to);
  if (!from || !to) return undefined;
  const percentage = num(first(e, 'percentage')?.replace('%', '').replace(',', '.').trim());
  return {
    id: e.id,
    schema: e.schema,
    kind: ends.kind,
    from,
    to,
    start: first(e, 'startDate') ?? first(e, 'date'),
    end: first(e, 'endDate'),
    role: first(e, 'role'),
    percentage,
    relationship: first(e, 'relationship'),
    datasets: e.datasets,
  };
}

export interface BuildOptions {
  config: FlagsConfig;
  /** dataset name → current version (from the store; fixtures may leave it out) */
  versions?: Record<string, string>;
  /** datasets to treat as sanctions lists besides the bundled lists and those whose parties carry sanction topics */
  sanctionsDatasets?: string[];
  crossref?: CrossrefLink[];
  hubs?: HubContext;
}

interface DatasetStats {
  parties: number;
  withTopic: number;
  shipments: number;
  sanctionEntities: number;
}

/** Builds the context one entity at a time, so that a large store is never held twice. */
export class ContextBuilder {
  private readonly parties = new Map<string, ContextEntity>();
  private readonly addresses = new Map<string, ContextEntity>();
  private readonly identifications = new Map<string, ContextEntity[]>();
  private readonly sanctions = new Map<string, ContextEntity[]>();
  private readonly shipments: Shipment[] = [];
  private readonly relations: Relation[] = [];
  private readonly stats = new Map<string, DatasetStats>();
  private readonly topicListed = new Set<string>();

  constructor(private readonly options: BuildOptions) {}

  private stat(d: string): DatasetStats {
    let s = this.stats.get(d);
    if (!s) this.stats.set(d, (s = { parties: 0, withTopic: 0, shipments: 0, sanctionEntities: 0 }));
    return s;
  }

  addShipment(s: Shipment): void {
    this.shipments.push(s);
    for (const d of s.datasets) this.stat(d).shipments++;
  }

  add(e: ContextEntity): void {
    const schema = e.schema;
    if (schema === 'EconomicActivity') {
      this.addShipment(toShipment(e));
    } else if (schema === 'Address') {
      this.addresses.set(e.id, e);
    } else if (schema === 'Identification' || schema === 'Passport') {
      const holder = first(e, 'holder');
      if (holder) push(this.identifications, holder, e);
    } else if (schema === 'Sanction') {
      const target = first(e, 'entity');
      if (target) push(this.sanctions, target, e);
      for (const d of e.datasets) this.stat(d).sanctionEntities++;
    } else if (RELATION_ENDS[schema]) {
      const r = toRelation(e);
      if (r) this.relations.push(r);
    } else if (isParty(schema)) {
      this.parties.set(e.id, e);
      const topics = e.properties['topics'] ?? [];
      const listedTopic = topics.some((t) => LISTED_TOPICS.has(t));
      if (listedTopic) this.topicListed.add(e.id);
      for (const d of e.datasets) {
        const s = this.stat(d);
        s.parties++;
        if (listedTopic) s.withTopic++;
      }
    }
  }

  finish(): FlagContext {
    const { options, parties, stats, sanctions, topicListed, shipments, relations } = this;
    // A dataset is a sanctions list when it is a bundled list, is named so, or most of its parties
    // are listed (a sanction topic or a Sanction entity).
    const bundled = new Set(BUNDLED_LISTS.map((l) => l.dataset));
    const named = new Set(options.sanctionsDatasets ?? []);
    const datasets = new Map<string, DatasetInfo>();
    for (const [name, s] of stats) {
      const listedShare = s.parties ? Math.max(s.withTopic, s.sanctionEntities) / s.parties : 0;
      datasets.set(name, {
        name,
        version: options.versions?.[name] ?? '',
        sanctions: bundled.has(name) || named.has(name) || (s.parties > 0 && listedShare >= 0.5),
        parties: s.parties,
        shipments: s.shipments,
      });
    }
    for (const [name, version] of Object.entries(options.versions ?? {})) {
      if (!datasets.has(name)) datasets.set(name, { name, version, sanctions: bundled.has(name) || named.has(name), parties: 0, shipments: 0 });
    }

    // Listed: parties with a Sanction or a sanction topic; in a list that marks neither, all its parties.
    const listed = new Set<string>();
    for (const e of parties.values()) {
      const inLists = e.datasets.filter((d) => datasets.get(d)?.sanctions);
      if (inLists.length === 0) continue;
      const marks = inLists.some((d) => {
        const s = stats.get(d);
        return s !== undefined && (s.withTopic > 0 || s.sanctionEntities > 0);
      });
      if (!marks || topicListed.has(e.id) || sanctions.has(e.id)) listed.add(e.id);
    }

    // undated lines last, ties by id: the same data gives the same order
    const day = (s: Shipment) => (Number.isNaN(s.day) ? Infinity : s.day);
    shipments.sort((a, b) => day(a) - day(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const arrivals = pairArrivals(shipments);
    const repeats = new Set([...arrivals.values()].map((s) => s.id));
    const consignments = repeats.size ? shipments.filter((s) => !repeats.has(s.id)) : shipments;
    const shipmentsById = new Map<string, Shipment>();
    const bySender = new Map<string, Shipment[]>();
    const byReceiver = new Map<string, Shipment[]>();
    for (const s of shipments) shipmentsById.set(s.id, s);
    for (const s of consignments) {
      if (s.sender) push(bySender, s.sender, s);
      if (s.receiver) push(byReceiver, s.receiver, s);
    }
    const relationsOf = new Map<string, Relation[]>();
    for (const r of relations) {
      push(relationsOf, r.from, r);
      if (r.to !== r.from) push(relationsOf, r.to, r);
    }

    return {
      config: options.config,
      datasets,
      parties,
      addresses: this.addresses,
      identifications: this.identifications,
      sanctions,
      listed,
      shipments: consignments,
      allShipments: shipments,
      arrivals,
      shipmentsById,
      bySender,
      byReceiver,
      relations,
      relationsOf,
      crossref: options.crossref ?? [],
      hubs: options.hubs,
    };
  }
}

/** Builds the context from entities (from the store, or hand-made in tests). */
export function buildContext(entities: Iterable<ContextEntity>, options: BuildOptions): FlagContext {
  const builder = new ContextBuilder(options);
  for (const e of entities) builder.add(e);
  return builder.finish();
}

/** The most specific of the schemata datasets give one entity (Company over LegalEntity). */
function mostSpecific(schemata: string[]): string {
  let best = schemata[0] ?? 'Thing';
  for (const s of schemata.slice(1)) {
    if (hasSchema(s) && hasSchema(best) && isA(s, best)) best = s;
  }
  return best;
}

/** Reads every current entity of the store once and builds the context. */
export async function loadContext(store: Store, options: Omit<BuildOptions, 'versions'>): Promise<FlagContext> {
  const versions: Record<string, string> = {};
  for (const d of await store.datasets()) if ((d as { kind?: string }).kind !== 'trade') versions[d.name] = d.version;
  const builder = new ContextBuilder({ ...options, versions });
  let tables: FlagTables | undefined;
  try {
    tables = await FlagTables.of(store);
  } catch {
    tables = undefined;
  }
  if (tables) {
    // customs lines, the bulk of the store, with only the properties the rules read; entities come
    // in no particular order, so they are sorted for stable results
    const lines: Shipment[] = [];
    for await (const row of tables.currentRows({ schemata: ['EconomicActivity'], props: [...LINE_PROPS, ...LINE_LIST_PROPS] })) {
      const values: Record<string, string> = {};
      const transit: string[] = [];
      for (const pair of row.pairs.split('\u001e')) {
        const cut = pair.indexOf('\u001f');
        const prop = pair.slice(0, cut);
        const value = pair.slice(cut + 1);
        if (prop === 'transitCountry') {
          if (!transit.includes(value)) transit.push(value);
        } else {
          // several values: the smallest, as sorted values would give first
          const old = values[prop];
          if (old === undefined || value < old) values[prop] = value;
        }
      }
      lines.push(shipmentOf(row.id, row.datasets, (p) => values[p], transit.sort()));
    }
    for (const l of lines) builder.addShipment(l);
    lines.length = 0;
    const rest: ContextEntity[] = [];
    for await (const e of tables.currentEntities({ exceptSchemata: ['EconomicActivity'], props: CONTEXT_PROPS })) {
      rest.push({ id: e.id, schema: mostSpecific(e.schemata), properties: e.properties, datasets: e.datasets });
    }
    rest.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const e of rest) builder.add(e);
  } else {
    for await (const e of store.entities()) builder.add({ id: e.id, schema: e.schema, properties: e.properties, datasets: e.datasets });
  }
  return builder.finish();
}

/** Whether a party comes only from sanctions lists (the worklist is about the other datasets' parties). */
export function onlyFromLists(ctx: FlagContext, e: ContextEntity): boolean {
  return e.datasets.every((d) => ctx.datasets.get(d)?.sanctions);
}

/** The datasets of the context that are not sanctions lists. */
export function subjectDatasets(ctx: FlagContext): string[] {
  return [...ctx.datasets.values()].filter((d) => !d.sanctions).map((d) => d.name).sort();
}
