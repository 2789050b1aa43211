/** Numbers, dates and country names as the UI writes them. */
const numbers = new Intl.NumberFormat('en-US');
let regions: Intl.DisplayNames | undefined;
try {
  regions = new Intl.DisplayNames(['en'], { type: 'region' });
} catch {
  regions = undefined;
}

export const num = (n: number | null | undefined) => (n === null || n === undefined ? '—' : numbers.format(n));

/** The date part of an ISO time ("2024-05-03T10:00:00Z" → "2024-05-03"). */
export const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');

/** "ru" → "Russia (RU)"; other values (regions, "suhh") as they are. */
export function country(code: string): string {
  if (/^[a-z]{2}$/i.test(code)) {
    try {
      const name = regions?.of(code.toUpperCase());
      if (name && name.toUpperCase() !== code.toUpperCase()) return `${name} (${code.toUpperCase()})`;
    } catch {
      /* not a region code */
    }
  }
  return code;
}

export const pct = (ratio: number) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(0)}%`;
