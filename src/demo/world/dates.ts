/** Calendar days as integers (days since 1970-01-01, UTC): cheap to compare, add and format. */

const MS_PER_DAY = 86_400_000;

export function day(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.floor(Date.UTC(y!, (m ?? 1) - 1, d ?? 1) / MS_PER_DAY);
}

export function isoDay(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayOf(year: number, month: number, dayOfMonth = 1): number {
  return Math.floor(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

export function yearOf(n: number): number {
  return new Date(n * MS_PER_DAY).getUTCFullYear();
}

/** 1–12 */
export function monthOf(n: number): number {
  return new Date(n * MS_PER_DAY).getUTCMonth() + 1;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Month index counted from January 2019 (0) — the first month of the customs extract. */
export function monthIndex(n: number): number {
  return (yearOf(n) - 2019) * 12 + monthOf(n) - 1;
}

export function monthStart(index: number): number {
  return dayOf(2019 + Math.floor(index / 12), (index % 12) + 1, 1);
}

/** 24 Feb 2022: the full-scale invasion; registrations and trade after it carry weight in the red flags. */
export const INVASION = day('2022-02-24');
export const TRADE_START = day('2019-01-01');
export const TRADE_END = day('2024-12-31');
export const TRADE_MONTHS = 72;
