/**
 * Ownership shares as fractions in [0, 1]. FtM states a percentage as text: an exact figure
 * ("51", "51 %", "51,5"), a range ("25-50", as the BODS and PSC readers write share bands), or an
 * open bound ("> 25", "< 50"). Several values on one link (sources that disagree) become the range
 * they span. A share that is not stated is the range 0–1: chains through it stay possible, never
 * certain.
 */
export interface Share {
  min: number;
  max: number;
  /** false when the share is not stated (0–1) */
  stated: boolean;
}

export const UNSTATED: Share = { min: 0, max: 1, stated: false };

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const EXACT = new RegExp(String.raw`^${NUMBER}\s*%?$`);
const RANGE = new RegExp(String.raw`^${NUMBER}\s*%?\s*(?:-|–|to)\s*${NUMBER}\s*%?$`);
const ABOVE = new RegExp(String.raw`^(?:>|>=|≥|more than|over|at least)\s*${NUMBER}\s*%?$`, 'i');
const BELOW = new RegExp(String.raw`^(?:<|<=|≤|less than|under|up to)\s*${NUMBER}\s*%?$`, 'i');

const pct = (s: string) => Number(s.replace(',', '.')) / 100;

/** One percentage text as a share, or undefined when it cannot be read as one. */
export function parseShareText(text: string): Share | undefined {
  const t = text.trim();
  let m = EXACT.exec(t);
  let share: Share | undefined;
  if (m) share = { min: pct(m[1]!), max: pct(m[1]!), stated: true };
  else if ((m = RANGE.exec(t))) share = { min: pct(m[1]!), max: pct(m[2]!), stated: true };
  else if ((m = ABOVE.exec(t))) share = { min: pct(m[1]!), max: 1, stated: true };
  else if ((m = BELOW.exec(t))) share = { min: 0, max: pct(m[1]!), stated: true };
  if (!share || share.min > share.max || share.max > 1) return undefined;
  return share;
}

/** The share a link's percentage values state; `unreadable` lists values that are not shares. */
export function parseShares(values: string[] | undefined): { share: Share; unreadable: string[] } {
  const unreadable: string[] = [];
  let min = Infinity;
  let max = -Infinity;
  for (const v of values ?? []) {
    const s = parseShareText(v);
    if (!s) {
      unreadable.push(v);
      continue;
    }
    min = Math.min(min, s.min);
    max = Math.max(max, s.max);
  }
  return { share: min === Infinity ? UNSTATED : { min, max, stated: true }, unreadable };
}

/** "51 %", "25–50 %", "share not stated". */
export function formatShare(min: number, max: number, stated = true): string {
  if (!stated) return 'share not stated';
  const p = (x: number) => String(Math.round(x * 1e6) / 1e4);
  return min === max ? `${p(min)} %` : `${p(min)}–${p(max)} %`;
}
