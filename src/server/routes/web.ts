/**
 * The investigator's web UI: the built app (dist/web, see web/) served under /ui/ with every
 * client route answered by index.html, and the few read routes the UI needs beyond the yente
 * ones (GET /api/datasets, GET /api/search, GET /api/entities/{id}). The UI lives under its own
 * prefix so that none of its client routes can shadow an API route, present or future.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { caption as modelCaption } from '../../model/entity.js';
import { getSchema, hasSchema, isA, model } from '../../model/ftm.js';
import { PACKAGE_ROOT } from '../../model/paths.js';
import { BUNDLED_LISTS } from '../../ingest/bundled.js';
import { extensionProperty } from '../../model/extensions.js';
import { chplTier } from '../../trade/chpl.js';
import { hsNomenclature } from '../../trade/hs.js';
import { analyseName } from '../../names/analyse.js';
import type { MatchResult, Matcher, ScreeningQuery } from '../../screening/types.js';
import type { Statement, Store, StoredEntity } from '../../store/store.js';
import { errorResponses, explanationsResponse, HttpError } from '../http.js';

export const UI_PREFIX = '/ui';
export const DEFAULT_UI_ROOT = path.join(PACKAGE_ROOT, 'dist', 'web');
/** Datasets whose entities are made up (the demo's synthetic world): the UI marks them. */
export const SYNTHETIC_DATASETS = ['demo-synthetic'];

export interface WebOptions {
  store: Store;
  matcher: Matcher;
  /** folder of the built UI (default dist/web) */
  root?: string;
}

// The UI's pages may run only the bundle's own scripts: names from lists and uploads are text.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

export async function webRoutes(app: FastifyInstance, options: WebOptions): Promise<void> {
  const root = options.root ?? DEFAULT_UI_ROOT;
  const references = new ReferenceIndex(options.store);
  // Built in the background from the start (it reads every link entity: seconds on a large store);
  // the entity route waits for it, nothing else does.
  app.addHook('onReady', async () => {
    references.ready().catch((e: Error) => app.log.error(`reading the link entities failed: ${e.message}`));
    // the goods catalogues customs lines are described with, read now rather than on a first page
    hsNomenclature();
    chplTier('');
  });

  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect(`${UI_PREFIX}/`));
  await app.register(async (ui) => uiFiles(ui, root), { prefix: UI_PREFIX });
  await apiRoutes(app, options, references);
}

// --- the built app ------------------------------------------------------------------------------

async function uiFiles(ui: FastifyInstance, root: string): Promise<void> {
  const indexFile = path.join(root, 'index.html');
  if (!existsSync(indexFile)) {
    const missing = async (_request: unknown, reply: FastifyReply) =>
      reply.code(503).type('text/plain; charset=utf-8').send(`The web UI is not built (no ${indexFile}): run \`npm run build\`.\n`);
    ui.get('/', { schema: { hide: true } }, missing);
    ui.get('/*', { schema: { hide: true } }, missing);
    return;
  }
  const index = readFileSync(indexFile);
  const sendIndex = (reply: FastifyReply) =>
    reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('content-security-policy', CSP).send(index);
  await ui.register(fastifyStatic, {
    root,
    prefix: '/',
    index: false,
    decorateReply: false,
    schemaHide: true,
    setHeaders(res, file) {
      // Vite names assets by content hash: they never change under the same name.
      if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  ui.get('/', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  // Client routes (/ui/entity/…, /ui/search?q=…) get the app; a missing asset stays a 404.
  ui.setNotFoundHandler(async (request, reply) => {
    const wantsPage = request.method === 'GET' && !/\.[a-z0-9]{1,8}$/i.test(request.url.split('?')[0]!);
    if (wantsPage) return sendIndex(reply);
    return reply.code(404).send({ detail: `no such file: ${request.url.split('?')[0]}` });
  });
}

// --- read routes for the UI -----------------------------------------------------------------------

const TITLES = new Map(BUNDLED_LISTS.map((l) => [l.dataset, l.title]));
const isSynthetic = (datasets: string[]) => datasets.some((d) => SYNTHETIC_DATASETS.includes(d));
const isSanctioned = (e: { properties: Record<string, string[]> }) =>
  (e.properties['topics'] ?? []).some((t) => t === 'sanction' || t.startsWith('sanction.'));

/** Properties worth comparing when an entity is screened against the lists. */
const SCREENING_PROPS = [
  'name', 'alias', 'previousName', 'birthDate', 'nationality', 'citizenship', 'country', 'jurisdiction', 'gender',
  'registrationNumber', 'taxNumber', 'innCode', 'ogrnCode', 'okpoCode', 'leiCode', 'swiftBic', 'imoNumber', 'mmsi',
  'idNumber', 'passportNumber', 'incorporationDate',
];

/**
 * Search order: hits holding every word typed (in any script or spelling the names analysis folds
 * together) first, then by score. The screening score counts a listed name's words the query
 * lacks against it, which is right for screening but puts the vessel PYTHON above Vladimir PUTIN
 * for a search of "Putin".
 */
function rankForSearch(text: string, hits: MatchResult[]): MatchResult[] {
  const wanted = [...new Set(analyseName(text).tokens.map((t) => t.key))];
  if (wanted.length === 0) return hits;
  const coverage = (r: MatchResult) => {
    const keys = entityKeys(r.entity);
    return wanted.filter((k) => keys.has(k)).length / wanted.length;
  };
  return hits
    .map((r, i) => ({ r, i, c: coverage(r) }))
    .sort((a, b) => b.c - a.c || a.i - b.i)
    .map((x) => x.r);
}

const keyCache = new Map<string, Set<string>>();
const NAME_PROPS = ['name', 'alias', 'previousName', 'weakAlias'];

/** The word keys of all of an entity's names (kept for the most recently searched entities). */
function entityKeys(e: { id: string; schema: string; properties: Record<string, string[]> }): Set<string> {
  let keys = keyCache.get(e.id);
  if (keys) return keys;
  keys = new Set();
  for (const p of NAME_PROPS) {
    for (const name of e.properties[p] ?? []) {
      const a = analyseName(name, e.schema);
      for (const t of a.tokens) keys.add(t.key);
      for (const alt of a.alternatives) for (const t of analyseName(alt, e.schema).tokens) keys.add(t.key);
    }
  }
  if (keyCache.size > 50_000) keyCache.clear();
  keyCache.set(e.id, keys);
  return keys;
}

async function apiRoutes(app: FastifyInstance, { store, matcher }: WebOptions, references: ReferenceIndex): Promise<void> {
  const tags = ['Web UI'];

  app.get(
    '/api/datasets',
    {
      schema: {
        tags,
        summary: 'Loaded datasets with every version, its counts and its delta to the version before',
        response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses },
      },
    },
    async () => {
      const loaded = await store.datasets();
      const indexed = matcher.datasetVersions();
      const datasets = await Promise.all(
        loaded.map(async (d) => ({
          name: d.name,
          title: TITLES.get(d.name) ?? d.name,
          format: d.format,
          version: d.version,
          loaded_at: d.loaded_at,
          records: d.records,
          entities: d.entities,
          synthetic: SYNTHETIC_DATASETS.includes(d.name),
          indexed_version: indexed[d.name] ?? null,
          versions: (await store.versions(d.name))
            .map((v) => ({
              version: v.version,
              seq: v.seq,
              loaded_at: v.loadedAt,
              records: v.records,
              entities: v.entities,
              statements: v.statements,
              added: v.added,
              removed: v.removed,
              changed: v.changed,
            }))
            .sort((a, b) => b.seq - a.seq),
        })),
      );
      return { datasets };
    },
  );

  app.get<{ Querystring: { q: string; schema?: string; country?: string; dataset?: string; sanctioned?: 'yes' | 'no'; limit: number; offset: number } }>(
    '/api/search',
    {
      schema: {
        tags,
        summary: 'Search names and aliases across scripts, with facets over all hits',
        description:
          'The screening engine\'s normalisation and typo tolerance (as GET /search/default), the best 500 hits filtered by ' +
          'schema, country, dataset and sanctioned; each facet counts the hits that pass the other filters.',
        querystring: {
          type: 'object',
          required: ['q'],
          properties: {
            q: { type: 'string', minLength: 1, maxLength: 1000 },
            schema: { type: 'string', maxLength: 100 },
            country: { type: 'string', maxLength: 20 },
            dataset: { type: 'string', maxLength: 100 },
            sanctioned: { type: 'string', enum: ['yes', 'no'] },
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
            offset: { type: 'integer', minimum: 0, maximum: 500, default: 0 },
          },
        },
        response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const text = q.q.trim();
      if (!text) throw new HttpError(400, 'q is empty');
      if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)) throw new HttpError(400, 'q contains control characters');
      if (q.schema && !hasSchema(q.schema)) throw new HttpError(400, `unknown schema "${q.schema}"`);
      const hits = rankForSearch(text, matcher.search(text, { limit: 500 }));
      const countries = (r: MatchResult) => {
        const p = r.entity.properties;
        return [...new Set([...(p['country'] ?? []), ...(p['nationality'] ?? []), ...(p['jurisdiction'] ?? [])])];
      };
      const filters: Record<string, (r: MatchResult) => boolean> = {
        schema: (r) => !q.schema || getSchema(r.entity.schema).isA(q.schema),
        country: (r) => !q.country || countries(r).includes(q.country.toLowerCase()),
        dataset: (r) => !q.dataset || r.entity.datasets.includes(q.dataset),
        sanctioned: (r) => !q.sanctioned || isSanctioned(r.entity) === (q.sanctioned === 'yes'),
      };
      const passes = (r: MatchResult, except?: string) => Object.entries(filters).every(([k, f]) => k === except || f(r));
      const facet = (name: string, values: (r: MatchResult) => string[]) => {
        const counts = new Map<string, number>();
        for (const r of hits) if (passes(r, name)) for (const v of values(r)) counts.set(v, (counts.get(v) ?? 0) + 1);
        return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, count]) => ({ value, count }));
      };
      const kept = hits.filter((r) => passes(r));
      return {
        q: text,
        total: kept.length,
        capped: hits.length >= 500,
        limit: q.limit,
        offset: q.offset,
        results: kept.slice(q.offset, q.offset + q.limit).map((r) => ({
          id: r.entity.id,
          caption: r.entity.caption,
          schema: r.entity.schema,
          score: r.score,
          names: [...new Set([...(r.entity.properties['name'] ?? []), ...(r.entity.properties['alias'] ?? [])])].slice(0, 6),
          countries: countries(r),
          datasets: r.entity.datasets,
          sanctioned: isSanctioned(r.entity),
          synthetic: isSynthetic(r.entity.datasets),
          birth_date: r.entity.properties['birthDate'] ?? [],
          matched: r.explanations.find((e) => e.feature === 'name')?.detail ?? null,
        })),
        facets: {
          schema: facet('schema', (r) => [r.entity.schema]),
          country: facet('country', countries),
          dataset: facet('dataset', (r) => r.entity.datasets),
          sanctioned: facet('sanctioned', (r) => [isSanctioned(r.entity) ? 'yes' : 'no']),
        },
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/entities/:id',
    {
      schema: {
        tags,
        summary: 'An entity as the UI shows it',
        description:
          'Properties with their sources (dataset, versions, record), the entities that refer to it grouped by relation ' +
          '(sanctions, owners, links…) with the other parties resolved, and its best matches on the loaded lists.',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 500 } } },
        response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { detail, timing } = await entityDetail(request.params.id, store, matcher, references);
      // where the time went, for the browser's network panel and the benchmark
      reply.header('server-timing', Object.entries(timing).map(([k, ms]) => `${k};dur=${ms.toFixed(1)}`).join(', '));
      return detail;
    },
  );
}

// --- entity detail ---------------------------------------------------------------------------------

interface Source {
  dataset: string;
  record: string;
  first_version: string;
  last_version: string;
  first_seen: string;
  current: boolean;
}

interface PropertyValue {
  value: string;
  /** for entity references: the referenced entity */
  ref?: { id: string; caption: string; schema: string } | null;
  sources: Source[];
}

function propertyMeta(schema: string, prop: string): { label: string; type: string } {
  const p = hasSchema(schema) ? getSchema(schema).getProperties().get(prop) : undefined;
  if (p) return { label: p.label, type: p.type.name };
  // sanctrace's own properties (HS code, quantity… on customs lines)
  const ext = extensionProperty(schema, prop);
  return ext ? { label: ext.label, type: ext.type } : { label: prop, type: 'string' };
}

function summary(e: StoredEntity, matcher: Matcher): { id: string; caption: string; schema: string; datasets: string[]; synthetic: boolean; sanctioned: boolean } {
  return {
    id: e.id,
    caption: matcher.getEntity(e.id)?.caption ?? addressCaption(e) ?? modelCaption(e),
    schema: e.schema,
    datasets: e.datasets,
    synthetic: isSynthetic(e.datasets),
    sanctioned: isSanctioned(e),
  };
}

function addressCaption(e: StoredEntity): string | undefined {
  return e.schema === 'Address' ? e.properties['full']?.[0] : undefined;
}

type Ref = { id: string; caption: string; schema: string; sanctioned: boolean; synthetic: boolean };

/** Shipment lines listed on a party's page, newest first; a big hub's others are counted. */
export const SHIPMENTS_SHOWN = 500;
/** How a party takes part in a customs line, by the property that names it. */
const SHIPMENT_ROLES: Record<string, string> = { sender: 'sent', receiver: 'received', declarant: 'declared', contractor: 'contracted', contractHolder: 'holds the contract' };

/** A customs line as the UI shows it: goods with their HS description and CHPL tier, parties, route. */
function shipmentFacts(e: StoredEntity, ref: (id: string | undefined) => Ref | null) {
  const p = e.properties;
  const first = (prop: string) => p[prop]?.[0] ?? null;
  const hs = first('hsCode');
  const hs6 = hs && hs.length >= 6 ? hs.slice(0, 6) : null;
  const nomenclature = hsNomenclature();
  const description = hs ? (nomenclature.get(hs.slice(0, 6)) ?? nomenclature.get(hs.slice(0, 4)) ?? nomenclature.get(hs.slice(0, 2)))?.description ?? null : null;
  const number = (prop: string) => {
    const v = first(prop);
    return v === null || !Number.isFinite(Number(v)) ? null : Number(v);
  };
  return {
    id: e.id,
    date: first('date') ?? first('declarationDate') ?? first('startDate'),
    hs_code: hs,
    hs_description: description,
    chpl_tier: hs6 ? (chplTier(hs6) ?? null) : null,
    goods: first('goodsDescription') ?? first('description'),
    quantity: number('quantity'),
    unit: first('quantityUnit'),
    value: number('value'),
    currency: first('currency'),
    origin: first('originCountry'),
    departure: first('departureCountry'),
    transit: first('transitCountry'),
    destination: first('destinationCountry'),
    sender: ref(first('sender') ?? undefined),
    receiver: ref(first('receiver') ?? undefined),
    datasets: e.datasets,
    synthetic: isSynthetic(e.datasets),
  };
}

function shipmentCaption(f: ReturnType<typeof shipmentFacts>): string {
  const goods = f.hs_code ? `HS ${f.hs_code}${f.quantity !== null ? ` ×${f.quantity.toLocaleString('en-US')}${f.unit ? ` ${f.unit}` : ''}` : ''}` : 'goods';
  return `Shipment ${f.date ?? 'undated'}: ${goods}, ${f.sender?.caption ?? '?'} → ${f.receiver?.caption ?? '?'}`;
}

/** The entity as the store's getEntity gives it, from its statements (one query instead of two). */
function entityOf(id: string, statements: Statement[]): StoredEntity | undefined {
  let entity: StoredEntity | undefined;
  for (const s of statements) {
    if (!s.current) continue;
    if (!entity) entity = { id, schema: s.schema, properties: {}, datasets: [], first_seen: s.firstSeen, last_seen: s.lastSeen, last_change: s.firstSeen };
    if (s.schema !== entity.schema && hasSchema(s.schema) && hasSchema(entity.schema) && isA(s.schema, entity.schema)) entity.schema = s.schema;
    if (!entity.datasets.includes(s.dataset)) entity.datasets.push(s.dataset);
    if (s.firstSeen < entity.first_seen) entity.first_seen = s.firstSeen;
    if (s.firstSeen > entity.last_change) entity.last_change = s.firstSeen;
    if (s.lastSeen > entity.last_seen) entity.last_seen = s.lastSeen;
    if (s.prop === 'id') continue;
    const list = (entity.properties[s.prop] ??= []);
    if (!list.includes(s.value)) list.push(s.value);
  }
  return entity;
}

async function entityDetail(id: string, store: Store, matcher: Matcher, references: ReferenceIndex) {
  const timing: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timing[name] = (timing[name] ?? 0) + (now - t0);
    t0 = now;
  };
  const statements = await store.statements(id);
  const entity = entityOf(id, statements);
  lap('store');
  if (!entity) throw new HttpError(404, `No such entity: "${id}"`);
  const refCache = new Map<string, StoredEntity | undefined>();
  // Parties the screening index holds, links and addresses are read from memory: a hub's hundreds
  // of counterparties would otherwise cost a store query each.
  const lookup = async (ref: string) => {
    if (!refCache.has(ref)) refCache.set(ref, matcher.getEntity(ref) ?? (await references.entity(ref)) ?? (await store.getEntity(ref)));
    return refCache.get(ref);
  };
  const refOf = async (ref: string | undefined): Promise<Ref | null> => {
    if (!ref) return null;
    const target = await lookup(ref);
    if (!target) return { id: ref, caption: ref, schema: '', sanctioned: false, synthetic: false };
    const about = summary(target, matcher);
    return { id: ref, caption: about.caption, schema: about.schema, sanctioned: about.sanctioned, synthetic: about.synthetic };
  };
  const properties = await groupStatements(entity.schema, statements, lookup, matcher);
  lap('properties');

  const referring = await references.referring(id);
  lap('links');
  type Edge = { source: string; target: string; directed: boolean; label: string } | null;
  const groups = new Map<string, { key: string; label: string; schema: string; prop: string; edge: Edge; items: unknown[] }>();
  const lines: Array<{ entity: StoredEntity; role: string }> = [];
  for (const { entity: other, prop } of referring) {
    if (other.schema === 'EconomicActivity') {
      lines.push({ entity: other, role: SHIPMENT_ROLES[prop] ?? prop });
      continue;
    }
    const reverse = hasSchema(other.schema) ? getSchema(other.schema).getProperties().get(prop) : undefined;
    const label = reverse?.hasReverse ? reverse.getReverse().label : `${other.schema} (${prop})`;
    const key = `${other.schema}:${prop}`;
    let group = groups.get(key);
    if (!group) {
      const spec = hasSchema(other.schema) ? getSchema(other.schema).edge : undefined;
      const edge = spec ? { source: spec.source, target: spec.target, directed: spec.directed, label: spec.label ?? other.schema } : null;
      groups.set(key, (group = { key, label, schema: other.schema, prop, edge, items: [] }));
    }
    const props: Record<string, string[]> = {};
    const parties: Array<{ prop: string; label: string } & Ref> = [];
    for (const [p, values] of Object.entries(other.properties)) {
      const meta = propertyMeta(other.schema, p);
      if (meta.type === 'entity') {
        if (p === prop) continue;
        for (const v of values) parties.push({ prop: p, label: meta.label, ...(await refOf(v))! });
      } else props[p] = values;
    }
    group.items.push({
      id: other.id,
      schema: other.schema,
      datasets: other.datasets,
      synthetic: isSynthetic(other.datasets),
      properties: props,
      labels: Object.fromEntries(Object.keys(props).map((p) => [p, propertyMeta(other.schema, p).label])),
      parties,
    });
  }
  lap('relations');

  const date = (e: StoredEntity) => e.properties['date']?.[0] ?? '';
  lines.sort((a, b) => date(b.entity).localeCompare(date(a.entity)) || a.entity.id.localeCompare(b.entity.id));
  const roles: Record<string, number> = {};
  for (const l of lines) roles[l.role] = (roles[l.role] ?? 0) + 1;
  const shipments = [];
  for (const { entity: line, role } of lines.slice(0, SHIPMENTS_SHOWN)) {
    const facts = shipmentFacts(line, () => null);
    const sender = line.properties['sender']?.[0];
    const receiver = line.properties['receiver']?.[0];
    // the other side; a declarant or forwarder sees both
    const counterparty = role === 'sent' ? await refOf(receiver) : role === 'received' ? await refOf(sender) : null;
    shipments.push({ ...facts, role, counterparty, ...(counterparty ? {} : { sender: await refOf(sender), receiver: await refOf(receiver) }) });
  }
  lap('shipments');

  let shipment = null;
  let caption = summary(entity, matcher).caption;
  if (entity.schema === 'EconomicActivity') {
    const parties = new Map<string, Ref | null>();
    for (const prop of ['sender', 'receiver']) {
      const v = entity.properties[prop]?.[0];
      if (v) parties.set(v, await refOf(v));
    }
    shipment = shipmentFacts(entity, (ref) => (ref ? (parties.get(ref) ?? null) : null));
    caption = shipmentCaption(shipment);
  }
  const hits = screeningHits(entity, matcher);
  lap('hits');

  const detail = {
    entity: {
      ...summary(entity, matcher),
      caption,
      schema_label: hasSchema(entity.schema) ? getSchema(entity.schema).label : entity.schema,
      first_seen: entity.first_seen,
      last_seen: entity.last_seen,
      last_change: entity.last_change,
      properties: entity.properties,
    },
    properties,
    relations: [...groups.values()].sort((a, b) => relationRank(a.schema) - relationRank(b.schema) || a.label.localeCompare(b.label)),
    shipments: { total: lines.length, roles, rows: shipments },
    shipment,
    hits,
  };
  return { detail, timing };
}

// Sanctions first, then control and kinship, then the rest.
const RELATION_ORDER = ['Sanction', 'Ownership', 'Directorship', 'Family', 'Associate', 'Representation', 'Membership', 'Employment', 'UnknownLink'];
const relationRank = (schema: string) => (RELATION_ORDER.includes(schema) ? RELATION_ORDER.indexOf(schema) : RELATION_ORDER.length);

async function groupStatements(
  schema: string,
  statements: Statement[],
  lookup: (id: string) => Promise<StoredEntity | undefined>,
  matcher: Matcher,
): Promise<Array<{ prop: string; label: string; type: string; values: PropertyValue[] }>> {
  const byProp = new Map<string, Map<string, PropertyValue>>();
  for (const s of statements) {
    if (s.prop === 'id') continue;
    let values = byProp.get(s.prop);
    if (!values) byProp.set(s.prop, (values = new Map()));
    let v = values.get(s.value);
    if (!v) values.set(s.value, (v = { value: s.value, sources: [] }));
    v.sources.push({
      dataset: s.dataset,
      record: s.recordKey,
      first_version: s.firstVersion,
      last_version: s.lastVersion,
      first_seen: s.firstSeen,
      current: s.current,
    });
  }
  const out = [];
  for (const [prop, values] of byProp) {
    const meta = propertyMeta(schema, prop);
    if (meta.type === 'entity') {
      for (const v of values.values()) {
        const target = await lookup(v.value);
        v.ref = target ? { id: target.id, caption: summary(target, matcher).caption, schema: target.schema } : null;
      }
    }
    out.push({ prop, ...meta, values: [...values.values()] });
  }
  const featured = hasSchema(schema) ? getSchema(schema).featured : [];
  const rank = (p: string) => (p === 'name' ? -2 : p === 'alias' ? -1 : featured.includes(p) ? featured.indexOf(p) : featured.length);
  return out.sort((a, b) => rank(a.prop) - rank(b.prop) || a.label.localeCompare(b.label));
}

/** Names of an entity screened for its page's hits. */
const SCREENED_NAMES = 10;

/** The entity screened against the loaded lists, itself left out: the same party listed elsewhere, namesakes. */
function screeningHits(entity: StoredEntity, matcher: Matcher) {
  if (!hasSchema(entity.schema) || !getSchema(entity.schema).matchable) return [];
  const properties: Record<string, string[]> = {};
  for (const p of SCREENING_PROPS) {
    const values = entity.properties[p];
    if (!values?.length || !getSchema(entity.schema).getProperties().has(p)) continue;
    const target = p === 'alias' || p === 'previousName' ? 'name' : p;
    (properties[target] ??= []).push(...values.filter((v) => v.length <= 1000));
  }
  if (!properties['name']?.length) return [];
  // its names first, then aliases: an entry with dozens of aliases would cost the page a quarter of a second
  properties['name'] = [...new Set(properties['name'])].slice(0, SCREENED_NAMES);
  const query: ScreeningQuery = { schema: entity.schema, properties };
  return matcher.match(query, { limit: 10, threshold: matcher.algorithm.threshold, excludeEntityIds: [entity.id] }).map((r) => ({
    id: r.entity.id,
    caption: r.entity.caption,
    schema: r.entity.schema,
    datasets: r.entity.datasets,
    synthetic: isSynthetic(r.entity.datasets),
    score: r.score,
    match: r.match,
    explanations: explanationsResponse(r.explanations),
  }));
}

// --- who refers to an entity -------------------------------------------------------------------------

/** Schemata that are links between things (sanctions, ownership, family, identification…): not Things themselves. */
const LINK_SCHEMATA = model
  .getSchemata()
  .filter((s) => !s.isThing() && [...s.getProperties().values()].some((p) => p.type.name === 'entity'))
  .map((s) => s.name);

/** Entities other pages refer to that the screening index does not hold: kept with the links. */
const LOOKUP_SCHEMATA = ['Address'];

interface References {
  /** entity id → the link entities pointing at it, with the property that does */
  referring: Map<string, Array<{ entity: StoredEntity; prop: string }>>;
  /** link entities and addresses by id */
  byId: Map<string, StoredEntity>;
}

/**
 * The link entities (Sanction, Ownership, Family, UnknownLink, Identification, customs lines…)
 * pointing at each entity, and the addresses, read once from the store and kept in memory. The
 * Store interface has no reverse lookup and a point lookup scans the statements (tens of
 * milliseconds on the demo store); this reads them once when the server gets ready (3 s on the
 * bundled lists, about a minute on the scale-1 demo store).
 */
export class ReferenceIndex {
  private built?: Promise<References>;

  constructor(private readonly store: Store) {}

  ready(): Promise<References> {
    this.built ??= this.build().catch((e) => {
      this.built = undefined;
      throw e;
    });
    return this.built;
  }

  async referring(id: string): Promise<Array<{ entity: StoredEntity; prop: string }>> {
    return (await this.ready()).referring.get(id) ?? [];
  }

  /** A link entity or an address, if the index holds it. */
  async entity(id: string): Promise<StoredEntity | undefined> {
    return (await this.ready()).byId.get(id);
  }

  private async build(): Promise<References> {
    const referring = new Map<string, Array<{ entity: StoredEntity; prop: string }>>();
    const byId = new Map<string, StoredEntity>();
    for await (const entity of this.store.entities({ schemata: [...LINK_SCHEMATA, ...LOOKUP_SCHEMATA] })) {
      byId.set(entity.id, entity);
      const props = getSchema(entity.schema).getProperties();
      for (const [prop, values] of Object.entries(entity.properties)) {
        if (props.get(prop)?.type.name !== 'entity') continue;
        for (const v of values) {
          let list = referring.get(v);
          if (!list) referring.set(v, (list = []));
          list.push({ entity, prop });
        }
      }
    }
    return { referring, byId };
  }
}
