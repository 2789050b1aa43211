/**
 * The data the rules read, loaded once: parties (every LegalEntity: companies, organisations,
 * people), their addresses and identifications, relations (ownership, directorship, family…),
 * shipment lines (EconomicActivity with sanctrace's customs extensions), which parties are
 * listed, the cross-reference links to listed parties, and, when the store has trade data, the
 * trade-hub scores. Rules never touch the store.
 */
import type { FtmEntity } from '../model/entity.js';
import { hasSchema, isA, model } from '../model/ftm.js';
import { BUNDLED_LISTS } from '../ingest/bundled.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
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
  bySender: Map<string, Shipment[]>;
  byReceiver: Map<string, Shipment[]>;
  relations: Relation[];
  /** entity id → relations it is either end of */
  relationsOf: Map<string, Relation[]>;
  crossref: CrossrefLink[];
  hubs?: HubContext;
  /** seconds the store reader took per pass (parties, relations, lines, index), when read from a store */
  readSeconds?: Record<string, number>;
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
  'customsAmount', 'currency', 'originCountry', 'departureCountry', 'destinationCountry',
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
  return relationOf(e.id, e.schema, e.datasets, (prop) => first(e, prop));
}

/** A relation entity as an edge, from its first value of each property (`get`); undefined without both ends. */
export function relationOf(id: string, schema: string, datasets: string[], get: (prop: string) => string | undefined): Relation | undefined {
  const ends = RELATION_ENDS[schema];
  if (!ends) return undefined;
  const from = get(ends.from);
  const to = get(ends.to);
  if (!from || !to) return undefined;
  const percentage = num(get('percentage')?.replace('%', '').replace(',', '.').trim());
  return {
    id,
    schema,
    kind: ends.kind,
    from,
    to,
    start: get('startDate') ?? get('date'),
    end: get('endDate'),
    role: get('role'),
    percentage,
    relationship: get('relationship'),
    datasets,
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

  addRelation(r: Relation): void {
    this.relations.push(r);
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
    const bySender = new Map<string, Shipment[]>();
    const byReceiver = new Map<string, Shipment[]>();
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
export function mostSpecific(schemata: string[]): string {
  let best = schemata[0] ?? 'Thing';
  for (const s of schemata.slice(1)) {
    if (hasSchema(s) && hasSchema(best) && isA(s, best)) best = s;
  }
  return best;
}

/** Properties whose values are mostly unique (names, addresses, remarks, numbers): read as text, not numbered. */
const UNIQUE_VALUES = [
  'name', 'full', 'address', 'notes', 'summary', 'description', 'street', 'street2',
  'registrationNumber', 'taxNumber', 'innCode', 'ogrnCode', 'idNumber', 'vatCode', 'okpoCode', 'number',
];

/** Line properties read as numbers: read as text, not numbered. */
const NUMBER_PROPS = ['quantity', 'netWeight', 'value', 'customsAmount'];

/** The schemata read as whole entities: parties, addresses, identifications and sanctions (relations and lines are read by property). */
const ENTITY_SCHEMATA = model
  .getSchemata()
  .map((x) => x.name)
  .filter((x) => isParty(x) || ['Address', 'Identification', 'Passport', 'Sanction'].includes(x));

const RELATION_PROPS = [...new Set(['startDate', 'date', 'endDate', 'role', 'relationship', 'percentage', ...Object.values(RELATION_ENDS).flatMap((r) => [r.from, r.to])])];
const LINE_CODED = LINE_PROPS.filter((p) => !NUMBER_PROPS.includes(p));
const LINE_TEXT = LINE_PROPS.filter((p) => NUMBER_PROPS.includes(p));

/**
 * Reads what the rules need from the store in three passes — parties (with addresses,
 * identifications and sanctions), relations, customs lines — each with only the properties the
 * rules read, and builds the context. Values that repeat come numbered (FlagTables
 * createValueCodes) and are kept once. Parties and relations are added in id order, so that the
 * same data gives the same flags.
 */
export async function loadContext(store: Store, options: Omit<BuildOptions, 'versions'>): Promise<FlagContext> {
  if (!(store instanceof DuckDbStore)) return loadContextFromEntities(store, options);
  const versions: Record<string, string> = {};
  for (const d of await store.datasets()) if ((d as { kind?: string }).kind !== 'trade') versions[d.name] = d.version;
  const builder = new ContextBuilder({ ...options, versions });
  const tables = await FlagTables.of(store);
  const seconds: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    seconds[name] = Math.round((t - t0) / 10) / 100;
    t0 = t;
  };
  const strings = new Map<string, string>();
  const intern = (x: string) => {
    const known = strings.get(x);
    if (known !== undefined) return known;
    strings.set(x, x);
    return x;
  };
  const lists = new Map<string, string[]>();
  /** One array for equal lists (the rules never change them). */
  const internList = (items: string[]) => {
    const key = items.join('\u001e');
    const known = lists.get(key);
    if (known) return known;
    lists.set(key, items);
    return items;
  };
  const splitList = (text: string | null | undefined) => internList(text ? text.split('\u001e').map(intern).sort() : []);
  /** Counts the time spent waiting for DuckDB's chunks (the rest of a pass is building the context). */
  let waiting = 0;
  async function* metered<T>(chunks: AsyncIterable<T>): AsyncIterable<T> {
    const it = chunks[Symbol.asyncIterator]();
    for (;;) {
      const t = performance.now();
      const next = await it.next();
      waiting += performance.now() - t;
      if (next.done) return;
      yield next.value;
    }
  }

  try {
    // each pass numbers its own values: the fewer, the faster DuckDB joins them (the same value
    // read in two passes is kept once all the same)
    const codes = async (spec: Parameters<FlagTables['createValueCodes']>[0]) => (await tables.createValueCodes(spec)).map(intern);
    let values = await codes({
      values: { schemata: ENTITY_SCHEMATA, props: CONTEXT_PROPS.filter((p) => !UNIQUE_VALUES.includes(p)) },
      ids: { schemata: ENTITY_SCHEMATA, props: CONTEXT_PROPS },
    });
    lap('codes');

    // parties, addresses, identifications, sanctions: statement by statement, assembled here
    const partial = new Map<number, { schemata: number[]; datasets: number[]; properties: Record<string, string[]> }>();
    const unique = new Set(UNIQUE_VALUES);
    for await (const [ids, schemata, datasets, props, codes, texts] of metered(tables.codedStatements({ schemata: ENTITY_SCHEMATA, props: CONTEXT_PROPS, text: UNIQUE_VALUES }))) {
      for (let i = 0; i < ids!.length; i++) {
        const id = ids![i] as number;
        let e = partial.get(id);
        if (!e) partial.set(id, (e = { schemata: [], datasets: [], properties: {} }));
        const schema = schemata![i] as number;
        if (!e.schemata.includes(schema)) e.schemata.push(schema);
        const dataset = datasets![i] as number;
        if (!e.datasets.includes(dataset)) e.datasets.push(dataset);
        const prop = values[props![i] as number]!;
        const value = unique.has(prop) ? (texts![i] as string) : values[codes![i] as number]!;
        const list = (e.properties[prop] ??= []);
        if (!list.includes(value)) list.push(value);
      }
    }
    // codes follow the values' order: sorting codes sorts the ids
    const order = [...partial.keys()].sort((a, b) => a - b);
    for (const code of order) {
      const e = partial.get(code)!;
      partial.delete(code);
      for (const prop in e.properties) {
        const list = e.properties[prop]!;
        if (list.length > 1) list.sort();
        if (!unique.has(prop)) e.properties[prop] = internList(list);
      }
      const schemaNames = e.schemata.map((x) => values[x]!).sort();
      builder.add({ id: values[code]!, schema: mostSpecific(schemaNames), properties: e.properties, datasets: internList(e.datasets.map((x) => values[x]!).sort()) });
    }
    lap('parties');

    // relations: the first value of each property they are read by
    values = await codes({ values: { schemata: Object.keys(RELATION_ENDS), props: RELATION_PROPS } });
    const relations: Relation[] = [];
    for await (const columns of metered(tables.codedPivot({ schemata: Object.keys(RELATION_ENDS), coded: RELATION_PROPS }))) {
      const [rid, schemata, datasets] = columns;
      for (let i = 0; i < rid!.length; i++) {
        const get = (prop: string) => {
          const c = columns[3 + RELATION_PROPS.indexOf(prop)]![i];
          return c === null || c === undefined ? undefined : values[c as number];
        };
        const schema = mostSpecific((schemata![i] as string).split('\u001e').sort());
        const r = relationOf(rid![i] as string, schema, splitList(datasets![i] as string), get);
        if (r) relations.push(r);
      }
    }
    relations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const r of relations) builder.addRelation(r);
    relations.length = 0;
    lap('relations');

    // customs lines, the bulk of the store (the context sorts them by date)
    values = await codes({ values: { schemata: ['EconomicActivity'], props: [...LINE_CODED, ...LINE_LIST_PROPS] } });
    const column = new Map<string, number>();
    LINE_CODED.forEach((p, i) => column.set(p, 3 + i));
    LINE_TEXT.forEach((p, i) => column.set(p, 3 + LINE_CODED.length + i));
    const transitAt = 3 + LINE_CODED.length + LINE_TEXT.length;
    for await (const columns of metered(tables.codedPivot({ schemata: ['EconomicActivity'], coded: LINE_CODED, text: LINE_TEXT, all: LINE_LIST_PROPS }))) {
      const [lid, , datasets] = columns;
      for (let i = 0; i < lid!.length; i++) {
        const get = (prop: string) => {
          const at = column.get(prop)!;
          const v = columns[at]![i];
          if (v === null || v === undefined) return undefined;
          return at < 3 + LINE_CODED.length ? values[v as number] : (v as string);
        };
        builder.addShipment(shipmentOf(lid![i] as string, splitList(datasets![i] as string), get, splitList(columns[transitAt]![i] as string | null)));
      }
    }
    lap('lines');
  } finally {
    await tables.dropValueCodes();
  }
  const ctx = builder.finish();
  lap('index');
  seconds['waiting'] = Math.round(waiting / 10) / 100;
  ctx.readSeconds = seconds;
  return ctx;
}

/**
 * Builds the context from whole entities through the Store interface (any store): the plain way,
 * which the store reader above must match.
 */
export async function loadContextFromEntities(store: Store, options: Omit<BuildOptions, 'versions'>): Promise<FlagContext> {
  const versions: Record<string, string> = {};
  for (const d of await store.datasets()) if ((d as { kind?: string }).kind !== 'trade') versions[d.name] = d.version;
  const builder = new ContextBuilder({ ...options, versions });
  for await (const e of store.entities()) builder.add({ id: e.id, schema: e.schema, properties: e.properties, datasets: [...e.datasets].sort() });
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
