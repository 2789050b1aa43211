/** Every red-flag rule, in code order. */
import { UsageError } from '../sources/errors.js';
import type { Rule } from './rule.js';
import { rf01 } from './rules/rf01-new-company.js';
import { rf02 } from './rules/rf02-hub.js';
import { rf03 } from './rules/rf03-surge.js';
import { rf04 } from './rules/rf04-pass-through.js';
import { rf05 } from './rules/rf05-common-control.js';
import { rf06 } from './rules/rf06-address.js';
import { rf07 } from './rules/rf07-listed-link.js';
import { rf08 } from './rules/rf08-line-of-business.js';
import { rf09 } from './rules/rf09-forwarder.js';
import { rf13 } from './rules/rf13-chpl.js';
import { rf14 } from './rules/rf14-price.js';
import { rf15 } from './rules/rf15-split.js';
import { rf16 } from './rules/rf16-false-transit.js';
import { rf17 } from './rules/rf17-russian-founders.js';
import type { RuleCode } from './types.js';

export const RULES: readonly Rule[] = [rf01, rf02, rf03, rf04, rf05, rf06, rf07, rf08, rf09, rf13, rf14, rf15, rf16, rf17];

/**
 * Red flags of DOMAIN.md §7 no rule computes: they need data sanctrace does not have (payments,
 * behaviour), so they are reported as not evaluated rather than guessed.
 */
export const NOT_COMPUTABLE: ReadonlyArray<{ code: string; title: string; needs: string }> = [
  { code: 'payments', title: 'Third-party payments', needs: 'needs payment records (payer, beneficiary, bank country): not in registry or customs data' },
  { code: 'end-use', title: 'Reluctance to give end-use or end-user information', needs: 'needs correspondence or due-diligence records: not in registry or customs data' },
  { code: 'web-presence', title: 'Little or no web presence', needs: 'needs web and domain data: not in registry or customs data' },
];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code.toUpperCase());
}

/** "RF01,rf04" → the rules; an unknown code is a usage error naming the known ones. */
export function parseRuleCodes(text: string | string[] | undefined): RuleCode[] | undefined {
  if (text === undefined) return undefined;
  const items = (Array.isArray(text) ? text : [text]).flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
  if (items.length === 0) return undefined;
  return items.map((item) => {
    const rule = ruleByCode(item);
    if (!rule) throw new UsageError(`unknown red flag "${item}"; known: ${RULES.map((r) => r.code).join(', ')}`);
    return rule.code;
  });
}
