/**
 * Every weight and threshold of the red-flag rules and the ranking, in one configuration. A user
 * configuration (JSON) overrides any part of it; the hash of the effective configuration is stored
 * with each flag run so that a changed setting recomputes the flags.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { UsageError } from '../sources/errors.js';
import type { RuleCode } from './types.js';

export interface FlagsConfig {
  /** the start of the full-scale invasion: "after the invasion" means on or after this date */
  invasionDate: string;
  /**
   * Transshipment hubs (ISO2): the points FinCEN/BIS named (FIN-2022-Alert003, 28 Jun 2022:
   * AM BR CN GE IN IL KZ KG MX NI RS SG ZA TW TJ TR AE UZ), Hong Kong and Macau added by the
   * Tri-Seal note of 2 Mar 2023, and Malaysia, Mongolia, Thailand and Vietnam from UK guidance.
   */
  hubCountries: string[];
  /** destinations the controls protect against: goods going there is the harm */
  restrictedDestinations: string[];
  /** extra HS codes or prefixes counted as goods of concern besides the CHPL and drone codes */
  extraGoodsOfConcern: string[];
  /** ranking weight of each rule: a flag adds weight × flag score × context to its entity's risk */
  weights: Record<RuleCode, number>;
  rf01: {
    /** a company registered on/after the invasion outside a hub: its flag's score (in a hub: 1) */
    outsideHubScore: number;
  };
  rf02: {
    /** score of being located in a hub (low: many honest firms are) */
    locationScore: number;
    /** score of shipments to a restricted destination routed through a hub */
    routingScore: number;
  };
  rf03: {
    /** months before and after the invasion compared */
    windowMonths: number;
    /** a surge: value in the window after ≥ this × the window before */
    surgeRatio: number;
    /** value of goods of concern (in the lines' currency units) below which nothing is a surge */
    minValue: number;
    /** score when the party was registered within the window or after: no history by birth, which RF01 already weighs */
    newFirmScore: number;
  };
  rf04: {
    /** days between a line in and the matching line out */
    windowDays: number;
    /** relative difference of quantities still counted as "the same" */
    quantityTolerance: number;
    /** a line out of at least this share of a line in (and no more than it) is a partial pass-through, scored lower */
    partialShare: number;
    /** quantities below this are too small to call a pass-through */
    minQuantity: number;
    /** score multiplier for goods not of concern (passing on food is not what the controls are about) */
    otherGoodsFactor: number;
    /** the buyer at the end of a pass-through is flagged too, with this share of the intermediary's score */
    buyerFactor: number;
  };
  rf05: {
    /** supplier → intermediary → buyer: the buyer's line within this many days after the supplier's */
    routeWindowDays: number;
    /** ownership levels followed up from a company to find who controls it */
    ownershipDepth: number;
    /** Associate links count as a tie (weaker than family) */
    associates: boolean;
  };
  rf06: {
    /** organisations at one address from which the address counts as shared */
    minCluster: number;
    /** above this many the address is a business centre or a registered agent: flagged weaker */
    businessCentre: number;
    /** token similarity (0–1) of two addresses from which they are "close" */
    listedSimilarity: number;
  };
  rf07: {
    /** hops from a listed party (ownership, directorship, family, association, trade) */
    maxHops: number;
    /** how much of the tie each kind of step keeps (the flag's score is their product along the path) */
    stepWeights: Record<'ownership' | 'directorship' | 'succession' | 'family' | 'associate' | 'representation' | 'membership' | 'employment' | 'unknown' | 'trade', number>;
    /** count trading with a listed party as a hop */
    tradeEdges: boolean;
    /** cross-reference links at or above this score count as "is the listed party" */
    crossrefThreshold: number;
    /** a weaker link (a possible match) is one step that keeps this share of its score */
    possibleMatchWeight: number;
  };
  rf08: {
    /** goods not of concern outside the line of business flag only above this share of the value */
    minShare: number;
  };
  rf09: {
    /** words in a name that mark a logistics firm when the registry gives no activity code */
    nameWords: string[];
  };
  rf13: {
    /** score by CHPL tier (TIER_1 … TIER_4_B) and for drones */
    tierScore: Record<string, number>;
    droneScore: number;
    /** score multiplier when the goods go into a hub but none to a restricted destination */
    hubFactor: number;
    /** score multiplier when the goods go neither to a restricted destination nor into a hub */
    elsewhereFactor: number;
  };
  rf14: {
    /** lines of an HS6 code (same unit and currency) needed to judge a price */
    minSample: number;
    /** robust z-score (log unit price, median/MAD) from which a price is anomalous */
    robustZ: number;
    /** and at least this many times above or below the median (z-scores alone over-react where prices vary little) */
    minRatio: number;
  };
  rf15: {
    /** lots of the same goods between the same parties within the window */
    minLots: number;
    windowDays: number;
    /** each lot's value at or below this (10,000: a common value-reporting threshold; 2,500 is the US EEI filing threshold) */
    smallLotValue: number;
  };
  rf16: {
    /** countries whose transit makes a declared destination doubtful */
    transitCountries: string[];
    /** days within which the declared destination's import should appear */
    windowDays: number;
  };
  rf17: {
    /** an owner or director who joined within this many days of incorporation is a founder */
    founderDays: number;
  };
  ranking: {
    /**
     * Registry facts (RF01, RF02, RF06, RF17) say who a party is, not what it does: they count as
     * much as the strongest flag on its conduct (trade, goods, ties, links to listed parties), and
     * at least this share.
     */
    profileOnlyFactor: number;
    /** how much a trade-hub score (0–1) raises the weight of flags in that country and goods */
    hubBoost: number;
    /** the lowest multiplier context can give (countries whose trade with Russia fell) */
    minMultiplier: number;
    /** routes kept per intermediary */
    routesPerIntermediary: number;
  };
}

export const DEFAULT_CONFIG: FlagsConfig = {
  invasionDate: '2022-02-24',
  hubCountries: ['AM', 'BR', 'CN', 'GE', 'IN', 'IL', 'KZ', 'KG', 'MX', 'NI', 'RS', 'SG', 'ZA', 'TW', 'TJ', 'TR', 'AE', 'UZ', 'HK', 'MO', 'MY', 'MN', 'TH', 'VN'],
  restrictedDestinations: ['RU', 'BY'],
  extraGoodsOfConcern: [],
  weights: {
    RF01: 1.0,
    RF02: 0.5,
    RF03: 1.0,
    RF04: 2.0,
    RF05: 2.0,
    RF06: 0.8,
    RF07: 2.0,
    RF08: 1.0,
    RF09: 1.0,
    RF13: 0.8,
    RF14: 0.8,
    RF15: 1.0,
    RF16: 1.5,
    RF17: 1.0,
  },
  rf01: { outsideHubScore: 0.5 },
  rf02: { locationScore: 0.3, routingScore: 0.8 },
  rf03: { windowMonths: 12, surgeRatio: 5, minValue: 10_000, newFirmScore: 0.4 },
  rf04: { windowDays: 45, quantityTolerance: 0.02, partialShare: 0.85, minQuantity: 10, otherGoodsFactor: 0.5, buyerFactor: 0.6 },
  rf05: { routeWindowDays: 180, ownershipDepth: 3, associates: true },
  rf06: { minCluster: 3, businessCentre: 25, listedSimilarity: 0.85 },
  rf07: {
    maxHops: 3,
    stepWeights: { ownership: 0.8, directorship: 0.7, succession: 0.9, family: 0.6, associate: 0.5, representation: 0.5, membership: 0.4, employment: 0.4, unknown: 0.4, trade: 0.6 },
    tradeEdges: true,
    crossrefThreshold: 0.9,
    possibleMatchWeight: 0.3,
  },
  rf08: { minShare: 0.25 },
  rf09: {
    nameWords: [
      'logistics', 'logistic', 'forwarding', 'forwarder', 'freight', 'cargo', 'shipping', 'transport', 'express', 'courier',
      'spedition', 'logistik', 'логистик', 'логистика', 'экспедиц', 'карго', 'транспорт', 'lojistik', 'nakliyat',
    ],
  },
  rf13: {
    tierScore: { TIER_1: 1.0, TIER_2: 0.9, TIER_3_A: 0.7, TIER_3_B: 0.7, TIER_4_A: 0.6, TIER_4_B: 0.6 },
    droneScore: 1.0,
    hubFactor: 0.6,
    elsewhereFactor: 0.4,
  },
  rf14: { minSample: 20, robustZ: 3.5, minRatio: 5 },
  rf15: { minLots: 5, windowDays: 7, smallLotValue: 10_000 },
  rf16: { transitCountries: ['RU', 'BY'], windowDays: 60 },
  rf17: { founderDays: 180 },
  ranking: { profileOnlyFactor: 0.5, hubBoost: 0.5, minMultiplier: 0.75, routesPerIntermediary: 5 },
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `base` with `override` laid over it; an unknown key or a value of the wrong type is an error. */
function merge(base: unknown, override: unknown, where: string): unknown {
  if (!isObject(base)) {
    const same = Array.isArray(base) ? Array.isArray(override) : typeof base === typeof override;
    if (!same) throw new UsageError(`flags configuration: ${where} must be ${Array.isArray(base) ? 'a list' : `a ${typeof base}`}`);
    return override;
  }
  if (!isObject(override)) throw new UsageError(`flags configuration: ${where || 'the configuration'} must be an object`);
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const path = where ? `${where}.${key}` : key;
    if (!(key in base)) throw new UsageError(`flags configuration: unknown setting "${path}"`);
    out[key] = merge(base[key], value, path);
  }
  return out;
}

/** The default configuration with a user's overrides (an object, or a JSON file's path). */
export function resolveFlagsConfig(override?: unknown): FlagsConfig {
  if (override === undefined) return DEFAULT_CONFIG;
  let value = override;
  if (typeof override === 'string') {
    try {
      value = JSON.parse(readFileSync(override, 'utf8'));
    } catch (e) {
      throw new UsageError(`flags configuration ${override}: ${(e as Error).message}`);
    }
  }
  return merge(DEFAULT_CONFIG, value, '') as FlagsConfig;
}

/** A stable hash of the effective configuration. */
export function configHash(config: FlagsConfig): string {
  const canonical = (v: unknown): unknown =>
    isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])])) : Array.isArray(v) ? v.map(canonical) : v;
  return createHash('sha256').update(JSON.stringify(canonical(config))).digest('hex').slice(0, 16);
}
