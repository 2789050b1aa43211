import { model } from '../model/ftm.js';

/**
 * The kinds of links in the graph. Relationship entities of FollowTheMoney (Ownership,
 * Directorship, Family, Associate, Representation, UnknownLink, Employment, Membership,
 * Succession, …: every schema with an `edge` definition) become one type each, named in snake case.
 * sanctrace adds:
 * - `reference`: an entity property pointing at another entity (a vessel's operator, a wallet's holder);
 * - `shipment`: customs lines (EconomicActivity) from one sender to one receiver, aggregated;
 * - `same_as`: an entity-resolution candidate (same company in two datasets), with its score;
 * - value links to the shared-value nodes: `address`, `phone`, `email`, `identifier`, `website`,
 *   and `name_birth` (people with the same name and birth date).
 */
const snake = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

interface EdgeSchema {
  schema: string;
  type: string;
  source: string;
  target: string;
  directed: boolean;
  verb: string;
}

/** FtM edge schemata, in model order. */
export const RELATIONSHIP_SCHEMATA: EdgeSchema[] = Object.values(model.schemata)
  .filter((s): s is NonNullable<typeof s> => !!s?.edge && !s.abstract)
  .map((s) => ({
    schema: s.name,
    type: snake(s.name),
    source: s.edge!.source,
    target: s.edge!.target,
    directed: s.edge!.directed,
    // FtM spells Succession's label "preceeds"
    verb: (s.edge!.label ?? 'linked to').replace('preceeds', 'precedes'),
  }));

export const PIVOT_TYPES = ['address', 'phone', 'email', 'identifier', 'website', 'name_birth'] as const;
export type PivotType = (typeof PIVOT_TYPES)[number];

export const EDGE_TYPES: string[] = [...RELATIONSHIP_SCHEMATA.map((r) => r.type), 'reference', 'shipment', 'same_as', ...PIVOT_TYPES];

const CODES = new Map(EDGE_TYPES.map((t, i) => [t, i]));

export function edgeTypeCode(type: string): number {
  const code = CODES.get(type);
  if (code === undefined) throw new Error(`unknown edge type "${type}"`);
  return code;
}

export function edgeTypeName(code: number): string {
  return EDGE_TYPES[code]!;
}

const VERBS: Record<string, string> = {
  reference: 'refers to',
  shipment: 'shipped goods to',
  same_as: 'may be the same as',
  address: 'has the address',
  phone: 'has the phone number',
  email: 'has the e-mail address',
  identifier: 'has the identifier',
  website: 'has the website',
  name_birth: 'has the name and birth date',
  ...Object.fromEntries(RELATIONSHIP_SCHEMATA.map((r) => [r.type, r.verb])),
};

const UNDIRECTED = new Set([...RELATIONSHIP_SCHEMATA.filter((r) => !r.directed).map((r) => r.type), 'same_as']);

export function edgeVerb(type: string): string {
  return VERBS[type] ?? 'linked to';
}

export function isDirected(type: string): boolean {
  return !UNDIRECTED.has(type);
}

export function isPivotType(type: string): boolean {
  return (PIVOT_TYPES as readonly string[]).includes(type);
}

/** Aliases accepted by --edges: the FtM schema name, "link" for unknown_link, "shared" for every value type. */
export function parseEdgeTypes(text: string): { types: string[]; unknown: string[] } {
  const types = new Set<string>();
  const unknown: string[] = [];
  for (const raw of text.split(',').map((t) => t.trim()).filter(Boolean)) {
    const t = snake(raw).toLowerCase();
    if (CODES.has(t)) types.add(t);
    else if (t === 'link' || t === 'linked_to') types.add('unknown_link');
    else if (t === 'shared' || t === 'values') for (const p of PIVOT_TYPES) types.add(p);
    else unknown.push(raw);
  }
  return { types: [...types], unknown };
}
