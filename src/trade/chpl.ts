/**
 * The Common High Priority List (BIS, EU, UK and Japan; version of 23 February 2024): 50 HS6
 * codes in tiers 1, 2, 3.A, 3.B, 4.A and 4.B, with their HS 2022 descriptions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DATA_DIR } from '../model/paths.js';

export interface ChplEntry {
  hs6: string;
  /** tier as the list states it: TIER_1 … TIER_4_B */
  tier: string;
  /** short name: tier1, tier2, tier3a, tier3b, tier4a, tier4b */
  tierName: string;
  group: string;
  description: string;
}

let entries: ChplEntry[] | undefined;

export function chpl(): ChplEntry[] {
  if (!entries) {
    const rows = parse(readFileSync(path.join(DATA_DIR, 'ref', 'chpl.csv')), { columns: true, bom: true }) as Array<Record<string, string>>;
    entries = rows.map((r) => ({
      hs6: r['hs6']!,
      tier: r['tier']!,
      tierName: r['tier']!.toLowerCase().replace(/_/g, ''),
      group: r['tier_group']!,
      description: r['hs2022_description']!,
    }));
  }
  return entries;
}

/** Tier names accepted in `chpl:<tier>`: each tier, plus tier3 and tier4 for both their parts. */
export function chplTierNames(): string[] {
  return [...new Set(chpl().map((e) => e.tierName)), 'tier3', 'tier4'].sort();
}

/** CHPL codes of a tier name (tier1 … tier4b; tier3 = 3a + 3b, tier4 = 4a + 4b); undefined if unknown. */
export function chplCodes(tierName?: string): string[] | undefined {
  if (!tierName) return chpl().map((e) => e.hs6);
  const t = tierName.toLowerCase().replace(/[^a-z0-9]/g, '');
  const list = chpl().filter((e) => e.tierName === t || (/^tier[34]$/.test(t) && e.tierName.startsWith(t)));
  return list.length ? list.map((e) => e.hs6) : undefined;
}

/** The CHPL tier of an HS6 code (TIER_1 …), if listed. */
export function chplTier(hs6: string): string | undefined {
  return chpl().find((e) => e.hs6 === hs6)?.tier;
}
