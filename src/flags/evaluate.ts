/** Runs the rules over a context: their flags, what they could not evaluate, and how long each took. */
import type { FlagContext } from './context.js';
import { RULES } from './registry.js';
import { round } from './rule.js';
import type { Coverage, Flag, RuleCode } from './types.js';

export interface Evaluation {
  flags: Flag[];
  coverage: Coverage[];
  /** seconds per rule */
  seconds: Partial<Record<RuleCode, number>>;
}

export function evaluateRules(ctx: FlagContext, codes?: RuleCode[]): Evaluation {
  const flags: Flag[] = [];
  const coverage: Coverage[] = [];
  const seconds: Partial<Record<RuleCode, number>> = {};
  for (const rule of RULES) {
    if (codes && !codes.includes(rule.code)) continue;
    const t0 = performance.now();
    const outcome = rule.evaluate(ctx);
    seconds[rule.code] = round((performance.now() - t0) / 1000);
    flags.push(...outcome.flags);
    coverage.push(...outcome.coverage);
  }
  flags.sort((a, b) => a.entity_id.localeCompare(b.entity_id) || a.code.localeCompare(b.code) || b.score - a.score);
  return { flags, coverage, seconds };
}
