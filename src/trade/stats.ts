/** Small robust statistics for hub scores. */

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median absolute deviation from the median. */
export function mad(values: number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/**
 * Robust z-scores: (x − median) / (1.4826 × MAD), the MAD scaled to a standard deviation under
 * normality. When more than half the values are equal (MAD 0) the mean absolute deviation
 * (× 1.2533) scales instead; when all are equal every score is 0.
 */
export function robustZ(values: number[]): number[] {
  if (values.length === 0) return [];
  const m = median(values);
  let scale = 1.4826 * mad(values);
  if (!(scale > 0)) scale = 1.2533 * (values.reduce((s, v) => s + Math.abs(v - m), 0) / values.length);
  if (!(scale > 0)) return values.map(() => 0);
  return values.map((v) => (v - m) / scale);
}

/**
 * Log growth between two per-month values with a materiality floor: ln((later + floor) / (base + floor)).
 * The floor keeps small flows from producing huge growth: a good going from 10 to 1,000 a month
 * under a floor of 10,000 grows by ln(11,000 / 10,010) ≈ 0.09, not by ln(100).
 */
export function logGrowth(base: number, later: number, floor: number): number {
  return Math.log((Math.max(later, 0) + floor) / (Math.max(base, 0) + floor));
}

/** Growth as a ratio (0.5 = +50%); null without a base. */
export function growthRatio(base: number, later: number): number | null {
  return base > 0 ? later / base - 1 : null;
}
