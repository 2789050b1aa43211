/**
 * The ground truth written beside the data (truth.json): every planted scheme with its kind, its
 * entities and their roles, the ties and shipment lines that make it, the red flags it should
 * raise, and its route; the planted listed parties; the decoys. Ids are the ids the mapping ingest
 * gives (see ids.ts), source keys the keys in the CSV files.
 */
import { isoDay } from './dates.js';
import { DATASET, KEY_LITERAL, MARKER_PROPERTY, entityId } from './ids.js';
import type { Declaration, Party } from './model.js';
import type { Decoy, Kit, PlantedScheme, RouteLink, SchemeEntity, Tie } from './schemes/kit.js';

export const TRUTH_VERSION = 1;

export interface TruthEntity {
  id: string;
  role: string;
  origin: string;
  schema: 'Company' | 'Person';
  source_key: string;
  name: string;
  country: string;
}

export interface TruthTie {
  id: string;
  schema: 'Ownership' | 'Directorship' | 'Family' | 'Succession';
  source_key: string;
  from: string;
  to: string;
  detail: string;
  start_date?: string;
  end_date?: string;
}

export interface TruthScheme {
  id: string;
  kind: string;
  title: string;
  description: string;
  modelled_on: string;
  red_flags: { defining: string[]; expected: string[] };
  entities: TruthEntity[];
  links: TruthTie[];
  shipments: string[];
  shipment_keys: string[];
  period: { first: string; last: string } | null;
  route: {
    suppliers: string[];
    intermediaries: string[];
    buyers: string[];
    actual_destination?: string;
    goods: string[];
    links: Array<{ kind: string; description: string; parties: string[]; ties: string[] }>;
  };
}

export interface Truth {
  generator: { name: string; truth_version: number; seed: number; scale: number };
  dataset: string;
  marker: { property: string; value: string };
  id_scheme: { function: string; key_literals: Record<string, string> };
  files: Array<{ name: string; rows: number }>;
  counts: Record<string, number>;
  listed_parties: Array<{ id: string; source_key: string; name: string; aliases: string[]; country: string; list: { dataset: string; entry: string }; identifiers: Record<string, string> }>;
  schemes: TruthScheme[];
  decoys: Array<{ id: string; kind: string; description: string; must_not_raise: string[]; entities: TruthEntity[]; links: TruthTie[]; shipments: string[]; shipment_keys: string[] }>;
}

function partyId(p: Party): string {
  return entityId('party', p.key);
}

function entity(e: SchemeEntity): TruthEntity {
  return { id: partyId(e.party), role: e.role, origin: e.origin, schema: e.party.kind === 'company' ? 'Company' : 'Person', source_key: e.party.key, name: e.party.name, country: e.party.country };
}

function tie(t: Tie): TruthTie {
  switch (t.schema) {
    case 'Ownership':
      return { id: entityId('ownership', t.tie.key), schema: t.schema, source_key: t.tie.key, from: partyId(t.tie.owner), to: partyId(t.tie.asset), detail: `owns ${t.tie.percentage}%`, start_date: isoDay(t.tie.start), ...(t.tie.end !== undefined ? { end_date: isoDay(t.tie.end) } : {}) };
    case 'Directorship':
      return { id: entityId('directorship', t.tie.key), schema: t.schema, source_key: t.tie.key, from: partyId(t.tie.director), to: partyId(t.tie.organization), detail: t.tie.role, start_date: isoDay(t.tie.start), ...(t.tie.end !== undefined ? { end_date: isoDay(t.tie.end) } : {}) };
    case 'Family':
      return { id: entityId('family', t.tie.key), schema: t.schema, source_key: t.tie.key, from: partyId(t.tie.person), to: partyId(t.tie.relative), detail: t.tie.relationship };
    case 'Succession':
      return { id: entityId('succession', t.tie.successor.key), schema: t.schema, source_key: t.tie.successor.key, from: partyId(t.tie.predecessor), to: partyId(t.tie.successor), detail: 'predecessor of', start_date: isoDay(t.tie.successor.incorporated) };
  }
}

function tieId(t: Tie): string {
  return tie(t).id;
}

function lineKeys(declarations: Declaration[]): string[] {
  return declarations.flatMap((d) => d.lines.map((l) => l.key)).filter((k) => k !== '').sort();
}

function period(declarations: Declaration[]): { first: string; last: string } | null {
  if (declarations.length === 0) return null;
  const days = declarations.map((d) => d.date);
  return { first: isoDay(Math.min(...days)), last: isoDay(Math.max(...days)) };
}

function link(l: RouteLink) {
  return { kind: l.kind, description: l.description, parties: l.parties.map(partyId), ties: l.ties.map(tieId) };
}

function scheme(s: PlantedScheme): TruthScheme {
  const keys = lineKeys(s.declarations);
  return {
    id: s.id,
    kind: s.kind,
    title: s.title,
    description: s.description,
    modelled_on: s.modelledOn,
    red_flags: { defining: s.flags.defining, expected: s.flags.expected },
    entities: s.entities.map(entity),
    links: s.ties.map(tie),
    shipments: keys.map((k) => entityId('line', k)),
    shipment_keys: keys,
    period: period(s.declarations),
    route: {
      suppliers: s.route.suppliers.map(partyId),
      intermediaries: s.route.intermediaries.map(partyId),
      buyers: s.route.buyers.map(partyId),
      ...(s.route.actualDestination ? { actual_destination: s.route.actualDestination } : {}),
      goods: s.route.goods,
      links: s.route.links.map(link),
    },
  };
}

function decoy(d: Decoy) {
  const keys = lineKeys(d.declarations);
  return { id: d.id, kind: d.kind, description: d.description, must_not_raise: d.mustNotRaise, entities: d.entities.map(entity), links: d.ties.map(tie), shipments: keys.map((k) => entityId('line', k)), shipment_keys: keys };
}

export function buildTruth(opts: { kit: Kit; seed: number; scale: number; marker: string; files: Array<{ name: string; rows: number }>; counts: Record<string, number> }): Truth {
  const listed = opts.kit.listedParties().map(({ party, company }) => ({
    id: partyId(company),
    source_key: company.key,
    name: party.name,
    aliases: party.aliases,
    country: party.country,
    list: { dataset: party.dataset, entry: party.entryKey },
    identifiers: Object.fromEntries(Object.entries({ registrationNumber: party.registrationNumber, taxNumber: party.taxNumber, innCode: party.innCode, ogrnCode: party.ogrnCode }).filter(([, v]) => v !== undefined)) as Record<string, string>,
  }));
  return {
    generator: { name: 'sanctrace demo build', truth_version: TRUTH_VERSION, seed: opts.seed, scale: opts.scale },
    dataset: DATASET,
    marker: { property: MARKER_PROPERTY, value: opts.marker },
    id_scheme: { function: 'makeId(dataset, key_literal, key) — src/model/ids.ts', key_literals: { ...KEY_LITERAL } },
    files: opts.files,
    counts: opts.counts,
    listed_parties: listed,
    schemes: opts.kit.schemes.map(scheme),
    decoys: opts.kit.decoys.map(decoy),
  };
}
