/**
 * Who controls a company (owners up an ownership chain, and the directors of each company on it)
 * and who is related to whom (Family, Associate), as of a time window: a relation counts when it
 * was in force at some point of the window (no dates: always).
 */
import type { FlagContext, Relation } from './context.js';
import { dayOf, lastDayOf } from './dates.js';
import { nameOfId } from './facts.js';
import type { Evidence } from './types.js';

export interface Window {
  from: number;
  to: number;
}

export const ALWAYS: Window = { from: -Infinity, to: Infinity };

export function inForce(r: Relation, w: Window): boolean {
  const start = dayOf(r.start);
  const end = lastDayOf(r.end);
  if (!Number.isNaN(start) && start > w.to) return false;
  if (!Number.isNaN(end) && end < w.from) return false;
  return true;
}

export interface Control {
  controller: string;
  /** relations from the company up to the controller, in order */
  path: Relation[];
}

/** The controllers of a company: owners up to `depth` levels, and the directors of the company and of its owning companies. */
export function controllers(ctx: FlagContext, id: string, w: Window, depth = ctx.config.rf05.ownershipDepth): Map<string, Control> {
  const out = new Map<string, Control>();
  let frontier: Control[] = [{ controller: id, path: [] }];
  for (let level = 0; level < depth && frontier.length; level++) {
    const next: Control[] = [];
    for (const c of frontier) {
      for (const r of ctx.relationsOf.get(c.controller) ?? []) {
        if (r.to !== c.controller || !inForce(r, w)) continue;
        if (r.kind !== 'ownership' && r.kind !== 'directorship') continue;
        if (r.from === id || out.has(r.from)) continue;
        const control = { controller: r.from, path: [...c.path, r] };
        out.set(r.from, control);
        // directors are people: only owners are followed further up
        if (r.kind === 'ownership') next.push(control);
      }
    }
    frontier = next;
  }
  return out;
}

export interface Kin {
  other: string;
  relation: Relation;
}

/** Family (and, if asked, Associate) ties of a party, both directions. */
export function kin(ctx: FlagContext, id: string, w: Window, associates: boolean): Kin[] {
  const out: Kin[] = [];
  for (const r of ctx.relationsOf.get(id) ?? []) {
    if (r.kind !== 'family' && !(associates && r.kind === 'associate')) continue;
    if (!inForce(r, w)) continue;
    out.push({ other: r.from === id ? r.to : r.from, relation: r });
  }
  return out;
}

/** "A owns 60% of B", "A is director of B", "A is B's son" — a relation in words. */
export function relationSentence(ctx: FlagContext, r: Relation): string {
  const a = nameOfId(ctx, r.from);
  const b = nameOfId(ctx, r.to);
  const when = r.start || r.end ? ` (${r.start ?? '…'} – ${r.end ?? '…'})` : '';
  switch (r.kind) {
    case 'ownership':
      return `${a} owns ${r.percentage !== undefined ? `${r.percentage}% of ` : ''}${b}${when}`;
    case 'directorship':
      return `${a} is ${r.role ? r.role.toLowerCase() : 'director'} of ${b}${when}`;
    case 'family':
      return `${a} and ${b} are family${r.relationship ? ` (${r.relationship})` : ''}${when}`;
    case 'associate':
      return `${a} and ${b} are associates${r.relationship ? ` (${r.relationship})` : ''}${when}`;
    case 'succession':
      return `${b} succeeds ${a}${when}`;
    case 'representation':
      return `${a} represents ${b}${when}`;
    case 'employment':
      return `${a} is employed by ${b}${when}`;
    case 'membership':
      return `${a} is a member of ${b}${when}`;
    default:
      return `${a} is linked to ${b}${r.relationship ? ` (${r.relationship})` : ''}${when}`;
  }
}

export function relationEvidence(ctx: FlagContext, r: Relation): Evidence {
  return { kind: 'entity', id: r.id, label: `${r.schema}: ${relationSentence(ctx, r)}` };
}
