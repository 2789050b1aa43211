import { isA } from '../model/ftm.js';
import { type TimeFilter } from './dates.js';
import { NetworkQueryError } from './errors.js';
import type { Network } from './network.js';
import { requireNode } from './paths.js';
import { nodeView, type NodeView } from './view.js';

/**
 * Shared-attribute clusters: companies (any legal entity but people) that share an address, a
 * phone, an e-mail, a website or an identifier; that have the same director or the same owner; or
 * whose owners or directors are people with the same name and birth date (the same person under
 * two ids, or a namesake to check).
 */
export const CLUSTER_KINDS = ['address', 'phone', 'email', 'website', 'identifier', 'director', 'owner', 'person_name_birth'] as const;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];

export interface ClusterQuery {
  /** only clusters this entity belongs to */
  id?: string;
  kinds?: ClusterKind[];
  time?: TimeFilter;
  /** members at least (default 2) */
  minSize?: number;
  /** clusters returned, largest first (default 50) */
  limit?: number;
  /** members listed per cluster (default 50) */
  membersShown?: number;
}

export interface Cluster {
  kind: ClusterKind;
  /** what the members share: the value, or the person */
  shared: string;
  /** the node holding it (a value node, a person) */
  via: string[];
  size: number;
  members: NodeView[];
  truncated: boolean;
  text: string;
}

export interface ClusterAnswer {
  clusters: Cluster[];
  /** clusters found before the limit, by kind */
  counts: Partial<Record<ClusterKind, number>>;
  notes: string[];
}

export function sharedAttributeClusters(net: Network, q: ClusterQuery = {}): ClusterAnswer {
  const g = net.graph;
  const kinds = new Set(q.kinds ?? CLUSTER_KINDS);
  for (const k of kinds) if (!(CLUSTER_KINDS as readonly string[]).includes(k)) throw new NetworkQueryError('invalid', `unknown cluster kind "${k}" (known: ${CLUSTER_KINDS.join(', ')})`);
  const minSize = q.minSize ?? 2;
  const limit = q.limit ?? 50;
  const shown = q.membersShown ?? 50;
  const time = q.time;
  const focus = q.id === undefined ? undefined : requireNode(net, q.id);
  const isCompany = (i: number) => g.nodeKind(i) === 'entity' && !isA(g.schema(i), 'Person') && isA(g.schema(i), 'LegalEntity');
  const found: Array<Omit<Cluster, 'members' | 'truncated'> & { memberIds: number[] }> = [];

  /** companies linked to `hub` by edges of `type` in the given direction */
  const linked = (hub: number, type: string, hubIs: 'source' | 'target'): number[] => {
    const out = new Set<number>();
    g.forEachEdge(hub, (e, other) => {
      if (g.edgeType(e) !== type || !g.validAt(e, time)) return;
      if ((hubIs === 'source' ? g.source(e) : g.target(e)) !== hub) return;
      if (isCompany(other)) out.add(other);
    });
    return [...out];
  };

  // candidate hubs: all nodes, or the focus entity's neighbourhood
  const hubs = new Set<number>();
  if (focus === undefined) for (let i = 0; i < g.nodeCount; i++) hubs.add(i);
  else {
    g.forEachEdge(focus, (_, other) => {
      hubs.add(other);
      // the name-and-birth-date value of a person linked to the focus
      if (g.nodeKind(other) === 'entity') g.forEachEdge(other, (e2, o2) => void (g.edgeType(e2) === 'name_birth' && hubs.add(o2)));
    });
  }
  const add = (kind: ClusterKind, via: number[], shared: string, members: number[]) => {
    if (members.length < minSize || (focus !== undefined && !members.includes(focus))) return;
    found.push({ kind, shared, via: via.map((v) => g.ids[v]!), size: members.length, memberIds: members, text: '' });
  };
  for (const h of hubs) {
    const kind = g.nodeKind(h);
    if (kind === 'pivot') {
      const type = g.schema(h);
      if (type === 'name_birth') {
        if (!kinds.has('person_name_birth')) continue;
        const people = new Set<number>();
        g.forEachEdge(h, (e, other) => void (g.edgeType(e) === 'name_birth' && people.add(other)));
        if (people.size < 2) continue;
        const companies = new Set<number>();
        for (const p of people) for (const t of ['ownership', 'directorship']) for (const c of linked(p, t, 'source')) companies.add(c);
        add('person_name_birth', [h, ...people], g.captions[h]!, [...companies]);
      } else if (kinds.has(type as ClusterKind)) {
        add(type as ClusterKind, [h], g.captions[h]!, linked(h, type, 'target'));
      }
    } else if (kind === 'entity') {
      if (kinds.has('director')) add('director', [h], g.captions[h]!, linked(h, 'directorship', 'source'));
      if (kinds.has('owner')) add('owner', [h], g.captions[h]!, linked(h, 'ownership', 'source'));
    }
  }
  const counts: ClusterAnswer['counts'] = {};
  for (const c of found) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
  found.sort((a, b) => b.size - a.size || a.kind.localeCompare(b.kind) || a.shared.localeCompare(b.shared));
  const clusters = found.slice(0, limit).map((c) => {
    const members = c.memberIds
      .sort((a, b) => g.captions[a]!.localeCompare(g.captions[b]!))
      .slice(0, shown)
      .map((i) => nodeView(g, i, time));
    const what: Record<ClusterKind, string> = {
      address: 'share the address',
      phone: 'share the phone number',
      email: 'share the e-mail address',
      website: 'share the website',
      identifier: 'share the identifier',
      director: 'have the same director,',
      owner: 'have the same owner,',
      person_name_birth: 'are owned or directed by people with the same name and birth date:',
    };
    const { memberIds, ...rest } = c;
    return { ...rest, members, truncated: memberIds.length > shown, text: `${c.size} companies ${what[c.kind]} ${c.shared}` };
  });
  const notes: string[] = [];
  if (found.length > limit) notes.push(`${found.length} clusters found; the ${limit} largest are listed`);
  return { clusters, counts, notes };
}
