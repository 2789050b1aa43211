import { isA } from '../model/ftm.js';
import { dayIso, today } from './dates.js';
import { NetworkQueryError } from './errors.js';
import { EDGE_CONTROL, EDGE_INDIRECT } from './graph.js';
import type { Network } from './network.js';
import { requireNode } from './paths.js';
import { formatShare } from './shares.js';
import { sanctionedTwins } from './twins.js';
import { edgeView, nodeLabel, nodeView, type EdgeView, type NodeView } from './view.js';

/**
 * Ultimate beneficial owners of an entity on one day: every ownership link valid that day, from
 * the entity upwards, with shares multiplied along each chain and summed over chains.
 *
 * - A share is a range: exact ("51") or a band ("25-50"); a link that states no share counts as
 *   0–100 %, so chains through it are possible, never certain. Records of the same holding that
 *   disagree (48 % and 51 % on the same day) give the range they span; different measures of one
 *   holding (shares and voting rights) are not added up: the larger counts.
 * - An owner's stated indirect holding of the entity (BODS "indirect") replaces what its chains
 *   add up to, since it already includes them; when the two disagree the answer says so.
 * - Cycles (A owns B owns A) are handled: each chain visits an entity once.
 * - A family (owners linked by Family) holding together at least the threshold is reported
 *   as a group, as joint ownership.
 */
export interface UboQuery {
  id: string;
  /** beneficial ownership threshold as a fraction (default 0.25) */
  threshold?: number;
  /** the day (default today) */
  at?: number;
  /** chains cited per owner (default 5) */
  chainsPerOwner?: number;
}

export interface ChainLink {
  owner: string;
  asset: string;
  share: { min: number; max: number } | null;
  /** the relationship entities (Ownership…) stating the link */
  entities: string[];
}

export interface Chain {
  share: { min: number; max: number };
  links: ChainLink[];
  text: string;
}

export interface OwnerShare {
  node: NodeView;
  /** effective share of the entity */
  share: { min: number; max: number };
  status: 'beneficial_owner' | 'possible' | 'below_threshold';
  /** held directly (0 when only through others) */
  direct: { min: number; max: number };
  /** what the owner states it holds indirectly, when it does */
  stated_indirect?: { min: number; max: number };
  /** a natural person */
  person: boolean;
  /** nobody owns this owner on that day (a top of the chains) */
  top: boolean;
  /** sanctioned records that are probably this owner (shared identifier, name and birth date, same-as) */
  sanctioned_twins: Array<{ id: string; caption: string; via: string }>;
  chains: Chain[];
  notes: string[];
}

export interface UboAnswer {
  entity: NodeView;
  as_of: string;
  threshold: number;
  /** natural persons at or above the threshold (certainly, or possibly given share ranges) */
  beneficial_owners: OwnerShare[];
  /** every owner, direct or indirect, largest share first */
  owners: OwnerShare[];
  /** families holding at least the threshold together */
  groups: Array<{ members: string[]; captions: string[]; share: { min: number; max: number }; status: OwnerShare['status']; via: string[] }>;
  /** control without (stated) shares: control rights, or control of a majority owner */
  controllers: Array<{ node: NodeView; via: string }>;
  /** directors that day (the senior managing officials, when no beneficial owner is found) */
  directors: Array<{ node: NodeView; role: string | null; entity?: string }>;
  /** ownership cycles among the owners: lists of ids */
  cycles: string[][];
  notes: string[];
  nodes: NodeView[];
  edges: EdgeView[];
}

interface Link {
  owner: number;
  asset: number;
  min: number;
  max: number;
  stated: boolean;
  control: boolean;
  edges: number[];
}

type Range = { min: number; max: number };

/** Combines the edges of one holding: same measure → the span; different measures → the larger. */
function combine(g: Network['graph'], edges: number[]): { min: number; max: number; stated: boolean; control: boolean; conflict: boolean } {
  const byMeasure = new Map<string, Range>();
  let control = false;
  for (const e of edges) {
    const share = g.share(e);
    if (g.edgeFlags(e) & EDGE_CONTROL) control = true;
    if (!share) continue;
    const measure = (g.edgeLabel(e) ?? '').split(',')[0]!.trim();
    const r = byMeasure.get(measure);
    byMeasure.set(measure, r ? { min: Math.min(r.min, share.min), max: Math.max(r.max, share.max) } : { ...share });
  }
  if (!byMeasure.size) return { min: 0, max: 1, stated: false, control, conflict: false };
  let min = 0;
  let max = 0;
  let conflict = false;
  for (const r of byMeasure.values()) {
    min = Math.max(min, r.min);
    max = Math.max(max, r.max);
  }
  for (const e of edges) {
    const s = g.share(e);
    if (s && s.min === s.max && (s.min !== min || s.max !== max)) conflict = true;
  }
  return { min, max, stated: true, control, conflict };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const clamp = (r: Range): Range => ({ min: Math.min(1, r.min), max: Math.min(1, r.max) });
const round = (x: number) => Math.round(x * 1e6) / 1e6;
const rounded = (r: Range): Range => ({ min: round(r.min), max: round(r.max) });

export function ultimateOwners(net: Network, q: UboQuery): UboAnswer {
  const g = net.graph;
  const threshold = q.threshold ?? 0.25;
  if (!(threshold > 0 && threshold <= 1)) throw new NetworkQueryError('invalid', `the threshold is a fraction above 0 and at most 1 (0.25 = 25 %), not ${threshold}`);
  const day = q.at ?? today();
  const time = { at: day } as const;
  const target = requireNode(net, q.id);
  const perOwner = q.chainsPerOwner ?? 5;
  const notes: string[] = [];

  // the links valid that day, from the entity upwards
  const links: Link[] = [];
  /** the entity's own holders: owner → link */
  const direct = new Map<number, Link>();
  const ownersOf = new Map<number, Link[]>();
  const statedIndirect = new Map<number, number[]>();
  const queue = [target];
  const seen = new Set([target]);
  let unstated = 0;
  const conflicts: string[] = [];
  for (let qi = 0; qi < queue.length; qi++) {
    const asset = queue[qi]!;
    const grouped = new Map<number, number[]>();
    g.forEachEdge(asset, (e, owner) => {
      if (g.edgeType(e) !== 'ownership' || g.target(e) !== asset || !g.validAt(e, time)) return;
      if (g.edgeFlags(e) & EDGE_INDIRECT) {
        if (asset === target) push(statedIndirect, owner, e);
        return;
      }
      push(grouped, owner, e);
    });
    for (const [owner, edges] of grouped) {
      const c = combine(g, edges);
      const link: Link = { owner, asset, min: c.min, max: c.max, stated: c.stated, control: c.control, edges };
      if (!c.stated) unstated++;
      if (c.conflict) conflicts.push(`${nodeLabel(g, owner)} in ${nodeLabel(g, asset)}: ${edges.map((e) => formatShare(g.share(e)?.min ?? 0, g.share(e)?.max ?? 1, !!g.share(e))).join(', ')}`);
      links.push(link);
      if (asset === target) direct.set(owner, link);
      push(ownersOf, asset, link);
      if (!seen.has(owner)) {
        seen.add(owner);
        queue.push(owner);
      }
    }
  }
  // stated indirect holders that hold nothing directly are owners too
  for (const owner of statedIndirect.keys()) seen.add(owner);

  const stated = new Map<number, Range>();
  for (const [owner, edges] of statedIndirect) {
    const c = combine(g, edges);
    stated.set(owner, { min: c.min, max: c.max });
  }
  const directOf = (owner: number): Range => {
    const l = direct.get(owner);
    return l ? { min: l.min, max: l.max } : { min: 0, max: 0 };
  };

  // effective shares: in dependency order when there is no cycle (exact), else over simple chains
  const eff = new Map<number, Range>([[target, { min: 1, max: 1 }]]);
  const pending = new Map<number, number>();
  for (const l of links) pending.set(l.owner, (pending.get(l.owner) ?? 0) + 1);
  const order = [target];
  const ready = [target];
  for (let ri = 0; ri < ready.length; ri++) {
    const asset = ready[ri]!;
    for (const l of ownersOf.get(asset) ?? []) {
      const a = eff.get(asset)!;
      const o = eff.get(l.owner) ?? { min: 0, max: 0 };
      eff.set(l.owner, { min: o.min + l.min * a.min, max: o.max + l.max * a.max });
      const left = pending.get(l.owner)! - 1;
      pending.set(l.owner, left);
      if (left === 0) {
        const s = stated.get(l.owner);
        const computed = clamp(eff.get(l.owner)!);
        eff.set(l.owner, s ? clamp({ min: directOf(l.owner).min + s.min, max: directOf(l.owner).max + s.max }) : computed);
        order.push(l.owner);
        ready.push(l.owner);
      }
    }
  }
  const acyclic = order.length === new Set([target, ...links.map((l) => l.owner)]).size;

  // chains: every simple chain (capped), best first per owner; values too when there are cycles
  const MAX_CHAINS = 100_000;
  const chains = new Map<number, Array<{ min: number; max: number; path: Link[] }>>();
  const sums = new Map<number, Range>();
  let enumerated = 0;
  const onPath = new Set([target]);
  const path: Link[] = [];
  const cycleLinks: Link[] = [];
  const walk = (asset: number, min: number, max: number) => {
    for (const l of ownersOf.get(asset) ?? []) {
      if (enumerated >= MAX_CHAINS) return;
      if (onPath.has(l.owner)) {
        cycleLinks.push(l);
        continue;
      }
      enumerated++;
      const cmin = min * l.min;
      const cmax = max * l.max;
      path.push(l);
      const list = chains.get(l.owner) ?? [];
      list.push({ min: cmin, max: cmax, path: path.slice() });
      if (list.length > perOwner * 4) {
        list.sort((a, b) => b.max - a.max || b.min - a.min);
        list.length = perOwner;
      }
      chains.set(l.owner, list);
      const s = sums.get(l.owner) ?? { min: 0, max: 0 };
      sums.set(l.owner, { min: s.min + cmin, max: s.max + cmax });
      onPath.add(l.owner);
      walk(l.owner, cmin, cmax);
      onPath.delete(l.owner);
      path.pop();
    }
  };
  walk(target, 1, 1);
  if (enumerated >= MAX_CHAINS) notes.push(`more than ${MAX_CHAINS.toLocaleString('en-US')} ownership chains: the chains cited are a sample${acyclic ? '' : ' and the shares lower bounds'}`);

  const cycles: string[][] = [];
  if (!acyclic) {
    for (const [owner, s] of sums) {
      const st = stated.get(owner);
      eff.set(owner, st ? clamp({ min: directOf(owner).min + st.min, max: directOf(owner).max + st.max }) : clamp(s));
    }
    const seenCycle = new Set<string>();
    for (const l of cycleLinks) {
      const key = [l.owner, l.asset].sort().join('-');
      if (seenCycle.has(key)) continue;
      seenCycle.add(key);
      cycles.push([g.ids[l.owner]!, g.ids[l.asset]!]);
    }
    notes.push(`ownership cycle${cycles.length === 1 ? '' : 's'} among the owners (${cycles.map((c) => c.map((id) => g.captions[g.node(id)!]).join(' ⇄ ')).join('; ')}): each chain counts an entity once`);
  }
  for (const owner of stated.keys()) if (!eff.has(owner)) eff.set(owner, clamp({ min: directOf(owner).min + stated.get(owner)!.min, max: directOf(owner).max + stated.get(owner)!.max }));

  const views = new Map<number, NodeView>();
  const view = (i: number) => {
    let v = views.get(i);
    if (!v) views.set(i, (v = nodeView(g, i, time)));
    return v;
  };
  const people = new Map<string, boolean>();
  const isPerson = (i: number) => {
    const schema = g.schema(i);
    let p = people.get(schema);
    if (p === undefined) people.set(schema, (p = isA(schema, 'Person')));
    return p;
  };
  const status = (r: Range): OwnerShare['status'] => (r.min >= threshold - 1e-9 ? 'beneficial_owner' : r.max >= threshold - 1e-9 ? 'possible' : 'below_threshold');
  const edgeIds = new Set<number>();
  const owners: OwnerShare[] = [];
  for (const owner of seen) {
    if (owner === target) continue;
    const share = rounded(eff.get(owner) ?? { min: 0, max: 0 });
    const ownerNotes: string[] = [];
    const st = stated.get(owner);
    if (st) {
      const viaChains = chains.get(owner)?.filter((c) => c.path.length > 1) ?? [];
      const chainSum = viaChains.reduce((r, c) => ({ min: r.min + c.min, max: r.max + c.max }), { min: 0, max: 0 });
      ownerNotes.push(`states an indirect holding of ${formatShare(st.min, st.max)}, used instead of its chains (${viaChains.length ? formatShare(round(chainSum.min), round(Math.min(1, chainSum.max))) : 'none found'})`);
      if (viaChains.length && (chainSum.max < st.min - 1e-9 || chainSum.min > st.max + 1e-9)) ownerNotes.push('the stated indirect holding and the chains disagree');
      for (const e of statedIndirect.get(owner)!) edgeIds.add(e);
    }
    const twins = sanctionedTwins(g, owner, time).map((t) => ({ id: g.ids[t.node]!, caption: g.captions[t.node]!, via: t.via }));
    for (const t of twins) ownerNotes.push(`shares ${t.via} with ${t.caption}, which is sanctioned`);
    const ownerChains = (chains.get(owner) ?? []).sort((a, b) => b.max - a.max || b.min - a.min).slice(0, perOwner);
    for (const c of ownerChains) for (const l of c.path) for (const e of l.edges) edgeIds.add(e);
    if (ownerChains.some((c) => c.path.some((l) => !l.stated))) ownerNotes.push('a link on its chains states no share (counted as 0–100 %)');
    owners.push({
      node: view(owner),
      share,
      status: status(share),
      direct: rounded(directOf(owner)),
      ...(st ? { stated_indirect: rounded(st) } : {}),
      person: isPerson(owner),
      top: !(ownersOf.get(owner)?.length),
      sanctioned_twins: twins,
      chains: ownerChains.map((c) => ({
        share: rounded({ min: c.min, max: c.max }),
        links: c.path.map((l) => ({
          owner: g.ids[l.owner]!,
          asset: g.ids[l.asset]!,
          share: l.stated ? rounded({ min: l.min, max: l.max }) : null,
          entities: l.edges.map((e) => g.refId(e)).filter((x): x is string => !!x),
        })),
        text: `${[...c.path].reverse().map((l) => `${g.captions[l.owner]} —${l.stated ? formatShare(l.min, l.max) : '?'}→`).join(' ')} ${g.captions[target]} = ${formatShare(round(c.min), round(c.max))}`,
      })),
      notes: ownerNotes,
    });
  }
  owners.sort((a, b) => b.share.max - a.share.max || b.share.min - a.share.min || a.node.caption.localeCompare(b.node.caption));

  // families holding together
  const personOwners = owners.filter((o) => o.person && o.share.max > 0);
  const parent = new Map(personOwners.map((o) => [g.node(o.node.id)!, g.node(o.node.id)!]));
  const find = (x: number): number => (parent.get(x) === x ? x : find(parent.get(x)!));
  const via = new Map<number, string[]>();
  for (const o of personOwners) {
    const i = g.node(o.node.id)!;
    g.forEachEdge(i, (e, other) => {
      if (g.edgeType(e) !== 'family' || !parent.has(other) || !g.validAt(e, time)) return;
      const a = find(i);
      const b = find(other);
      if (a !== b) parent.set(a, b);
      const text = edgeView(net, e, time).text;
      via.set(i, [...(via.get(i) ?? []), text]);
      edgeIds.add(e);
    });
  }
  const families = new Map<number, OwnerShare[]>();
  for (const o of personOwners) {
    const root = find(g.node(o.node.id)!);
    families.set(root, [...(families.get(root) ?? []), o]);
  }
  const groups: UboAnswer['groups'] = [];
  for (const members of families.values()) {
    if (members.length < 2) continue;
    const share = rounded(clamp(members.reduce((r, m) => ({ min: r.min + m.share.min, max: r.max + m.share.max }), { min: 0, max: 0 })));
    if (share.max < threshold - 1e-9) continue;
    groups.push({
      members: members.map((m) => m.node.id),
      captions: members.map((m) => m.node.caption),
      share,
      status: status(share),
      via: [...new Set(members.flatMap((m) => via.get(g.node(m.node.id)!) ?? []))],
    });
  }

  // control: control rights on the entity, or on an owner holding a majority of it
  const controllers: UboAnswer['controllers'] = [];
  for (const l of links) {
    if (!l.control) continue;
    const held = l.asset === target ? { min: 1, max: 1 } : eff.get(l.asset);
    if (!held || held.min < 0.5) continue;
    const label = l.edges.map((e) => g.edgeLabel(e)).filter(Boolean).join('; ');
    controllers.push({
      node: view(l.owner),
      via: l.asset === target ? `${label} of ${g.captions[target]}` : `${label} of ${g.captions[l.asset]}, which holds ${formatShare(held.min, held.max)} of ${g.captions[target]}`,
    });
    for (const e of l.edges) edgeIds.add(e);
  }

  const directors: UboAnswer['directors'] = [];
  g.forEachEdge(target, (e, other) => {
    if (g.edgeType(e) !== 'directorship' || g.target(e) !== target || !g.validAt(e, time)) return;
    directors.push({ node: view(other), role: g.edgeLabel(e) ?? null, ...(g.refId(e) ? { entity: g.refId(e)! } : {}) });
    edgeIds.add(e);
  });

  const beneficial = owners.filter((o) => o.person && o.status !== 'below_threshold');
  if (!links.length && !stated.size) notes.push(`no ownership link of ${nodeLabel(g, target)} is valid on ${dayIso(day)}`);
  if (unstated) notes.push(`${unstated} ownership link${unstated === 1 ? ' states no share: chains through it range' : 's state no share: chains through them range'} from 0 %`);
  if (conflicts.length) notes.push(`records of the same holding disagree, their range is used: ${conflicts.join('; ')}`);
  for (const o of owners) {
    if (o.top && !o.person && o.status !== 'below_threshold') notes.push(`${o.node.caption} (${o.node.schema}) holds ${formatShare(o.share.min, o.share.max)} and has no known owner on ${dayIso(day)}: its beneficial owners are not in the data`);
  }
  const listedOwners = owners.filter((o) => o.node.sanctioned || o.sanctioned_twins.length);
  if (listedOwners.length) {
    notes.push(
      `sanctioned among the owners: ${listedOwners
        .map((o) => `${o.node.caption} (${formatShare(o.share.min, o.share.max)}${o.node.sanctioned ? '' : `; through its twin ${o.sanctioned_twins.map((t) => t.caption).join(', ')}`})`)
        .join('; ')}`,
    );
  }
  if (!beneficial.length && directors.length) notes.push(`no natural person reaches ${formatShare(threshold, threshold)}: the directors are the senior managing officials`);

  const nodeIds = new Set<number>([target]);
  const edges = [...edgeIds].map((e) => {
    nodeIds.add(g.source(e));
    nodeIds.add(g.target(e));
    return edgeView(net, e, time);
  });
  return {
    entity: view(target),
    as_of: dayIso(day),
    threshold,
    beneficial_owners: beneficial,
    owners,
    groups,
    controllers,
    directors,
    cycles,
    notes,
    nodes: [...nodeIds].map(view),
    edges,
  };
}
