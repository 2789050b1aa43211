/**
 * Dates in the graph: whole days since 1970-01-01 (UTC) in Int32 columns. A partial date stands for
 * its whole period: "2015" starts on 1 January when it opens a link and ends on 31 December when it
 * closes one. A link without a start date is valid since always, one without an end date until
 * further notice — and explanations say so.
 */

/** A link with no start date: valid since always. */
export const OPEN_START = -2147483648;
/** A link with no end date: valid until further notice. */
export const OPEN_END = 2147483647;

const DAY_MS = 86_400_000;

function parts(iso: string): [number, number | undefined, number | undefined] | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso.trim());
  if (!m) return undefined;
  return [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
}

// sources repeat the same dates many times: parse each text once
const startCache = new Map<string, number | undefined>();
const endCache = new Map<string, number | undefined>();

function cached(cache: Map<string, number | undefined>, iso: string, parse: (iso: string) => number | undefined): number | undefined {
  if (cache.has(iso)) return cache.get(iso);
  const day = parse(iso);
  if (cache.size < 200_000) cache.set(iso, day);
  return day;
}

/** The first day a (partial) ISO date covers, or undefined if it is not a date. */
export function dayStart(iso: string): number | undefined {
  return cached(startCache, iso, parseStart);
}

/** The last day a (partial) ISO date covers. */
export function dayEnd(iso: string): number | undefined {
  return cached(endCache, iso, parseEnd);
}

function parseStart(iso: string): number | undefined {
  const p = parts(iso);
  if (!p) return undefined;
  const [y, m, d] = p;
  const t = Date.UTC(y, (m ?? 1) - 1, d ?? 1);
  return Number.isNaN(t) ? undefined : Math.floor(t / DAY_MS);
}

function parseEnd(iso: string): number | undefined {
  const p = parts(iso);
  if (!p) return undefined;
  const [y, m, d] = p;
  if (d !== undefined) return parseStart(iso);
  // day 0 of the next month (or of next January) is the last day of the period
  const t = m !== undefined ? Date.UTC(y, m, 0) : Date.UTC(y, 12, 0);
  return Math.floor(t / DAY_MS);
}

const isoCache = new Map<number, string>();

/** A day number as YYYY-MM-DD. */
export function dayIso(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoCache.size < 100_000) isoCache.set(day, iso);
  }
  return iso;
}

export function today(): number {
  return Math.floor(Date.now() / DAY_MS);
}

/** Strict YYYY-MM-DD (or YYYY-MM, YYYY) for user input: a date that is not one is an error. */
export function parseUserDate(text: string, edge: 'start' | 'end' = 'start'): number | undefined {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(text.trim())) return undefined;
  const day = edge === 'start' ? dayStart(text) : dayEnd(text);
  if (day === undefined) return undefined;
  // reject 2023-02-30 and the like: the day must print back as written
  const iso = dayIso(day);
  return text.length === 10 && iso !== text ? undefined : day;
}

/**
 * When a link must hold: at one day ("as of"), or at some time within a window (both ends
 * included). No filter: every link counts, whatever its dates.
 */
export type TimeFilter = { at: number } | { from: number; to: number } | undefined;

/** Whether a link valid from `start` to `end` (OPEN_* when unstated) holds under the filter. */
export function validUnder(start: number, end: number, time: TimeFilter): boolean {
  if (!time) return true;
  if ('at' in time) return start <= time.at && time.at <= end;
  return start <= time.to && end >= time.from;
}

/** "since 2015-11-25 until 2023-03-02", "no dates stated (treated as valid at any time)". */
export function describeValidity(start: number, end: number): string {
  if (start === OPEN_START && end === OPEN_END) return 'no dates stated (treated as valid at any time)';
  if (start === OPEN_START) return `until ${dayIso(end)} (no start date stated)`;
  if (end === OPEN_END) return `since ${dayIso(start)} (no end date stated)`;
  return `${dayIso(start)} to ${dayIso(end)}`;
}

export function describeTime(time: TimeFilter): string {
  if (!time) return 'at any time';
  if ('at' in time) return `as of ${dayIso(time.at)}`;
  return `between ${dayIso(time.from)} and ${dayIso(time.to)}`;
}
