/**
 * How the flags and the ranking do against the ground truth of the synthetic world (truth.json of
 * `sanctrace demo build`): recall of the planted hub intermediaries and precision in the top N of
 * the worklist, each scheme's expected flags, whether its defining flags cite the evidence that
 * defines it, and the decoys' flags that must not fire.
 */
import type { Truth, TruthScheme } from '../demo/world/truth.js';
import type { EntityScore } from './rank.js';
import type { Flag } from './types.js';

export interface SchemeCheck {
  id: string;
  kind: string;
  intermediaries: Array<{ id: string; rank: number | null; score: number | null }>;
  /** expected flag codes raised on one of the scheme's entities */
  expected: Record<string, boolean>;
  /** defining flag codes raised on one of the scheme's entities, citing a shipment, tie or party of the scheme */
  defining: Record<string, boolean>;
}

export interface TruthCheck {
  top: number;
  /** planted hub intermediaries ranked within the top N, of all planted hub intermediaries */
  recall: number;
  /** entities of a planted scheme (ordinary suppliers aside) within the top N, of N */
  precision: number;
  intermediaries: number;
  intermediaries_in_top: number;
  scheme_entities_in_top: number;
  schemes: SchemeCheck[];
  expected_flags: { raised: number; expected: number };
  defining_flags: { cited: number; expected: number };
  /** decoy flags that fired though they must not */
  decoy_violations: Array<{ decoy: string; entity: string; code: string; summary: string }>;
}

function schemeIds(s: TruthScheme): Set<string> {
  return new Set([...s.entities.map((e) => e.id), ...s.links.map((l) => l.id), ...s.shipments]);
}

/** Compares a ranked worklist (subjects, best first) and the flags with the truth. */
export function checkAgainstTruth(truth: Truth, ranked: EntityScore[], flags: Flag[], top = 50): TruthCheck {
  const rankOf = new Map<string, EntityScore>();
  ranked.forEach((e) => rankOf.set(e.entity_id, e));
  const topIds = new Set(ranked.slice(0, top).map((e) => e.entity_id));
  const flagsOf = new Map<string, Flag[]>();
  for (const f of flags) (flagsOf.get(f.entity_id) ?? flagsOf.set(f.entity_id, []).get(f.entity_id)!).push(f);

  const positives = new Set<string>();
  const intermediaries = new Set<string>();
  const schemes: SchemeCheck[] = [];
  let expectedRaised = 0;
  let expectedTotal = 0;
  let definingCited = 0;
  let definingTotal = 0;
  for (const s of truth.schemes) {
    for (const e of s.entities) if (!(e.role === 'supplier' && e.origin === 'ordinary')) positives.add(e.id);
    for (const id of s.route.intermediaries) intermediaries.add(id);
    const members = s.entities.map((e) => e.id);
    const cited = schemeIds(s);
    const raised = (code: string) => members.some((id) => (flagsOf.get(id) ?? []).some((f) => f.code === code));
    const citing = (code: string) =>
      members.some((id) =>
        (flagsOf.get(id) ?? []).some(
          // another party, a tie or a line of the scheme; or a stated fact of the party itself (a registration date)
          (f) => f.code === code && f.evidence.some((ev) => ev.id !== undefined && cited.has(ev.id) && (ev.id !== id || ev.kind === 'statement')),
        ),
      );
    const expected = Object.fromEntries(s.red_flags.expected.map((c) => [c, raised(c)]));
    const defining = Object.fromEntries(s.red_flags.defining.map((c) => [c, citing(c)]));
    expectedRaised += Object.values(expected).filter(Boolean).length;
    expectedTotal += s.red_flags.expected.length;
    definingCited += Object.values(defining).filter(Boolean).length;
    definingTotal += s.red_flags.defining.length;
    schemes.push({
      id: s.id,
      kind: s.kind,
      intermediaries: s.route.intermediaries.map((id) => ({ id, rank: rankOf.get(id)?.rank ?? null, score: rankOf.get(id)?.score ?? null })),
      expected,
      defining,
    });
  }
  const decoyViolations: TruthCheck['decoy_violations'] = [];
  for (const d of truth.decoys) {
    for (const e of d.entities) {
      for (const f of flagsOf.get(e.id) ?? []) {
        if (d.must_not_raise.includes(f.code)) decoyViolations.push({ decoy: d.id, entity: e.id, code: f.code, summary: f.summary });
      }
    }
  }
  const inTop = [...intermediaries].filter((id) => topIds.has(id)).length;
  const positivesInTop = [...topIds].filter((id) => positives.has(id)).length;
  const n = Math.min(top, ranked.length);
  return {
    top,
    recall: intermediaries.size ? inTop / intermediaries.size : 0,
    precision: n ? positivesInTop / n : 0,
    intermediaries: intermediaries.size,
    intermediaries_in_top: inTop,
    scheme_entities_in_top: positivesInTop,
    schemes,
    expected_flags: { raised: expectedRaised, expected: expectedTotal },
    defining_flags: { cited: definingCited, expected: definingTotal },
    decoy_violations: decoyViolations,
  };
}
