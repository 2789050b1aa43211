const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valid(y: number, m?: number, d?: number): boolean {
  if (y < 1000 || y > 2200) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= days;
}

function build(y: number, m?: number, d?: number): string | undefined {
  if (!valid(y, m, d)) return undefined;
  if (m === undefined) return String(y);
  if (d === undefined) return `${y}-${pad(m)}`;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A date as FtM wants it: ISO 8601, as precise as the source (`1965`, `1965-03`, `1965-03-07`).
 * Reads ISO, `dd.mm.yyyy`, `dd/mm/yyyy`, `31 Aug 1960`, `Aug 1960`, `circa 1960`, ISO timestamps.
 * Returns undefined when the text is not a date.
 */
export function parseDate(text: string): string | undefined {
  const s = text.trim().replace(/^(circa|ca\.?|approximately|approx\.?|about)\s+/i, '');
  if (!s) return undefined;
  // ISO dates and timestamps, including xs:date with a zone ("2015-04-07-04:00")
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.]+)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (m) return build(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[./-](\d{4})$/.exec(s);
  if (m) return build(Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  if (m && MONTHS[m[2]!.toLowerCase()]) return build(Number(m[3]), MONTHS[m[2]!.toLowerCase()], Number(m[1]));
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m && MONTHS[m[1]!.toLowerCase()]) return build(Number(m[3]), MONTHS[m[1]!.toLowerCase()], Number(m[2]));
  m = /^([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  if (m && MONTHS[m[1]!.toLowerCase()]) return build(Number(m[2]), MONTHS[m[1]!.toLowerCase()]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/**
 * Date ranges such as `1961 to 1963` or `between 1958 and 1963` become every year in the range,
 * as OFAC and the UN mean them; single dates give one value.
 */
export function parseDateOrRange(text: string): string[] {
  const range = /^(?:between\s+)?(\d{4})\s*(?:to|and|-|–)\s*(\d{4})$/i.exec(text.trim());
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (to >= from && to - from <= 20) return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  }
  const one = parseDate(text);
  return one ? [one] : [];
}
