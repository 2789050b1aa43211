/** Dates as day numbers, so that rules compare and subtract them cheaply. */

const MS_PER_DAY = 86_400_000;

/** Day number (days since 1970-01-01) of the first day a partial ISO date can mean; NaN if not a date. */
export function dayOf(iso: string | undefined): number {
  if (!iso) return NaN;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1) / MS_PER_DAY;
}

/** Day number of the last day a partial ISO date can mean (2022 → 2022-12-31, 2022-03 → 2022-03-31). */
export function lastDayOf(iso: string | undefined): number {
  if (!iso) return NaN;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return NaN;
  const y = Number(m[1]);
  if (m[3]) return Date.UTC(y, Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
  if (m[2]) return Date.UTC(y, Number(m[2]), 0) / MS_PER_DAY;
  return Date.UTC(y, 11, 31) / MS_PER_DAY;
}

export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Month index (year × 12 + month − 1) of a day number. */
export function monthOfDay(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

export function isoOfMonth(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}
