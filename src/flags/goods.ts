/**
 * Goods of concern: the Common High Priority List (src/trade/chpl.ts, data/ref/chpl.csv), drones
 * and their parts (src/trade/goods.ts), and any codes the configuration adds.
 */
import { chplTier } from '../trade/chpl.js';
import { DRONE_CODES } from '../trade/goods.js';
import type { FlagsConfig } from './config.js';

export interface Concern {
  /** CHPL tier (TIER_1 … TIER_4_B) when the HS6 code is listed */
  tier?: string;
  drone: boolean;
  /** listed only by the configuration's extra codes */
  extra: boolean;
  /** in words: "CHPL tier 1", "drone goods" */
  label: string;
}

const cache = new Map<string, Concern | null>();
let cachedExtra = '';

/** Why an HS code (digits) is of concern, or undefined. */
export function concernOf(hs: string | undefined, config: FlagsConfig): Concern | undefined {
  if (!hs || hs.length < 4) return undefined;
  const extraKey = config.extraGoodsOfConcern.join(',');
  if (extraKey !== cachedExtra) {
    cache.clear();
    cachedExtra = extraKey;
  }
  const key = hs.slice(0, 6);
  let c = cache.get(key);
  if (c === undefined) {
    const tier = key.length === 6 ? chplTier(key) : undefined;
    const drone = DRONE_CODES.some((d) => key.startsWith(d));
    const extra = !tier && !drone && config.extraGoodsOfConcern.some((p) => key.startsWith(p));
    c = tier || drone || extra
      ? { tier, drone, extra, label: tier ? `CHPL ${tier.replace('TIER_', 'tier ').replace('_', '.')}` : drone ? 'drone goods' : 'goods of concern (configured)' }
      : null;
    cache.set(key, c);
  }
  return c ?? undefined;
}
