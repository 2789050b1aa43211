/**
 * Explicit date formats in strptime style ("%d.%m.%Y"), for exports whose dates are ambiguous
 * (US month/day order) or unusual. Compiled once into a regular expression.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

type Field = 'Y' | 'y' | 'm' | 'd' | 'b' | 'B' | 'skip';

const DIRECTIVES: Record<string, { pattern: string; field: Field }> = {
  Y: { pattern: '(\\d{4})', field: 'Y' },
  y: { pattern: '(\\d{2})', field: 'y' },
  m: { pattern: '(\\d{1,2})', field: 'm' },
  d: { pattern: '(\\d{1,2})', field: 'd' },
  e: { pattern: '\\s?(\\d{1,2})', field: 'd' },
  b: { pattern: '([A-Za-z]{3})\\.?', field: 'b' },
  B: { pattern: '([A-Za-z]{3,9})', field: 'B' },
  H: { pattern: '(\\d{1,2})', field: 'skip' },
  M: { pattern: '(\\d{2})', field: 'skip' },
  S: { pattern: '(\\d{2}(?:\\.\\d+)?)', field: 'skip' },
};

export interface DateFormat {
  source: string;
  parse(text: string): string | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Compiles a format; throws an Error with the reason if the format is not one. */
export function compileDateFormat(format: string): DateFormat {
  let pattern = '^';
  const fields: Field[] = [];
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%') {
      pattern += /\s/.test(c) ? '\\s+' : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      continue;
    }
    const d = format[++i];
    if (d === '%') {
      pattern += '%';
      continue;
    }
    const directive = d ? DIRECTIVES[d] : undefined;
    if (!directive) throw new Error(`unknown date directive "%${d ?? ''}" in "${format}" (known: %Y %y %m %d %e %b %B %H %M %S %%)`);
    pattern += directive.pattern;
    fields.push(directive.field);
  }
  if (!fields.some((f) => f === 'Y' || f === 'y')) throw new Error(`date format "${format}" has no year (%Y or %y)`);
  const re = new RegExp(pattern + '$');
  const hasMonth = fields.some((f) => f === 'm' || f === 'b' || f === 'B');
  const hasDay = fields.includes('d');
  if (hasDay && !hasMonth) throw new Error(`date format "${format}" has a day but no month`);
  return {
    source: format,
    parse(text: string): string | undefined {
      const m = re.exec(text.trim());
      if (!m) return undefined;
      let year: number | undefined;
      let month: number | undefined;
      let day: number | undefined;
      for (let k = 0; k < fields.length; k++) {
        const v = m[k + 1]!;
        switch (fields[k]) {
          case 'Y':
            year = Number(v);
            break;
          case 'y': {
            // two-digit years: the most recent year not more than 10 years ahead of now
            const yy = Number(v);
            const now = new Date().getUTCFullYear();
            year = 2000 + yy > now + 10 ? 1900 + yy : 2000 + yy;
            break;
          }
          case 'm':
            month = Number(v);
            break;
          case 'd':
            day = Number(v);
            break;
          case 'b':
            month = MONTHS.indexOf(v.toLowerCase()) + 1 || undefined;
            if (!month) return undefined;
            break;
          case 'B': {
            const l = v.toLowerCase();
            month = (MONTH_NAMES.indexOf(l) + 1 || MONTHS.indexOf(l) + 1) || undefined;
            if (!month) return undefined;
            break;
          }
        }
      }
      if (year === undefined || year < 1000 || year > 2200) return undefined;
      if (month === undefined) return String(year);
      if (month < 1 || month > 12) return undefined;
      if (day === undefined) return `${year}-${pad(month)}`;
      if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
      return `${year}-${pad(month)}-${pad(day)}`;
    },
  };
}
