/**
 * Goods sets selectable by name: `chpl`, `chpl:tier1` … `chpl:tier4b`, `drones`, `all`, or a
 * comma list mixing names and codes or code prefixes (`chpl:tier1,8806,8471.50`). Codes are HS
 * 2022; rows in HS 2017 join through the bridge (hs.ts).
 */
import { UsageError } from '../sources/errors.js';
import { chplCodes, chplTier, chplTierNames } from './chpl.js';
import { bridgeOfSeries, normaliseCode } from './hs.js';

/**
 * Drones and their parts (HS 2022): unmanned aircraft (heading 8806), parts of aircraft including
 * unmanned aircraft (heading 8807: propellers and rotors, under-carriages, other parts — shared
 * with manned aircraft), and cameras (852589 — camera drones were classified here before 2022).
 * Source: the HS 2022 nomenclature (WCO) and its chapter 88 note on unmanned aircraft; toy drones
 * stay in 9503 with all other toys and cannot be told apart.
 */
export const DRONE_CODES = ['8806', '8807', '852589'];

export interface GoodsSet {
  /** as the user gave it */
  spec: string;
  /** true for `all`: every code, no control goods */
  all: boolean;
  /** HS 2022 codes or code prefixes */
  codes: string[];
  /** what each named part means, for the output */
  parts: Array<{ name: string; codes: string[]; source: string }>;
}

export function parseGoods(spec: string): GoodsSet {
  const items = spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError('--goods is empty: give chpl, chpl:tier1, drones, all or HS codes');
  const set: GoodsSet = { spec, all: false, codes: [], parts: [] };
  for (const item of items) {
    const lower = item.toLowerCase();
    if (lower === 'all') {
      set.all = true;
      set.parts.push({ name: 'all', codes: [], source: 'every code in the data' });
    } else if (lower === 'chpl' || lower.startsWith('chpl:')) {
      const tier = lower.startsWith('chpl:') ? lower.slice(5) : undefined;
      const codes = chplCodes(tier);
      if (!codes) throw new UsageError(`unknown CHPL tier "${tier}"; tiers: ${chplTierNames().join(', ')}`);
      set.codes.push(...codes);
      set.parts.push({ name: lower, codes, source: 'Common High Priority List (BIS/EU/UK/Japan), 23 Feb 2024' });
    } else if (lower === 'drones') {
      set.codes.push(...DRONE_CODES);
      set.parts.push({ name: 'drones', codes: DRONE_CODES, source: 'HS 2022 heading 8806 (unmanned aircraft), 8807 (parts), 852589 (cameras)' });
    } else {
      const code = normaliseCode(item);
      if (!code) throw new UsageError(`--goods: "${item}" is neither a set name (chpl, chpl:tier1, drones, all) nor an HS code`);
      set.codes.push(code);
      set.parts.push({ name: code, codes: [code], source: 'code given' });
    }
  }
  set.codes = [...new Set(set.codes)];
  return set;
}

/** True if a code (or its prefix) is in the set, or the set holds a code under it. */
function overlaps(code: string, prefixes: string[]): boolean {
  return prefixes.some((p) => code.startsWith(p) || p.startsWith(code));
}

/**
 * Whether an analysis series is in the goods set: a plain series (HS6, or a heading's
 * undetailed amount) by prefix; a bridge series when any of its HS 2022 codes is in the set.
 * A heading's undetailed amount ("8542") is in the set only when the whole heading is.
 */
export function seriesInGoods(set: GoodsSet, series: string): boolean {
  if (set.all) return true;
  const b = bridgeOfSeries(series);
  if (b) return (b.codes['HS2022'] ?? []).some((c) => overlaps(c, set.codes));
  return set.codes.some((p) => series.startsWith(p));
}

/** CHPL tier of a series (its HS6 code, or the tier of a bridge series' HS 2022 codes). */
export function seriesTier(series: string): string | undefined {
  const b = bridgeOfSeries(series);
  if (b) {
    for (const c of b.codes['HS2022'] ?? []) {
      const t = chplTier(c);
      if (t) return t;
    }
    return undefined;
  }
  return series.length === 6 ? chplTier(series) : undefined;
}
