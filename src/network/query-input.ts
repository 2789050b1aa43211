import { parseUserDate, type TimeFilter } from './dates.js';
import { parseEdgeTypes } from './edge-types.js';
import { NetworkQueryError } from './errors.js';

/** Reading query parameters as the CLI and the API receive them (text), with clear errors. */

export function timeFilter(at?: string, window?: string): TimeFilter {
  if (at && window) throw new NetworkQueryError('invalid', 'give either a date (--at) or a window, not both');
  if (at) {
    const day = parseUserDate(at);
    if (day === undefined) throw new NetworkQueryError('invalid', `"${at}" is not a date (YYYY-MM-DD)`);
    return { at: day };
  }
  if (window) {
    const m = /^\s*([\d-]+)\s*(?:\.\.|\/|,)\s*([\d-]+)\s*$/.exec(window);
    const from = m ? parseUserDate(m[1]!, 'start') : undefined;
    const to = m ? parseUserDate(m[2]!, 'end') : undefined;
    if (from === undefined || to === undefined) throw new NetworkQueryError('invalid', `"${window}" is not a window: write FROM..TO, e.g. 2022-03-01..2022-12-31`);
    if (from > to) throw new NetworkQueryError('invalid', `the window ${window} ends before it starts`);
    return { from, to };
  }
  return undefined;
}

export function edgeTypes(text?: string): string[] | undefined {
  if (!text) return undefined;
  const { types, unknown } = parseEdgeTypes(text);
  if (unknown.length) throw new NetworkQueryError('invalid', `unknown edge type${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; see the edge types in docs/network.md`);
  return types;
}

export function hsPrefixes(text?: string): string[] | undefined {
  if (!text) return undefined;
  const codes = text.split(',').map((c) => c.replace(/[\s.]/g, ''));
  const bad = codes.filter((c) => !/^\d{2,10}$/.test(c));
  if (bad.length) throw new NetworkQueryError('invalid', `HS codes are 2 to 10 digits: ${bad.map((b) => `"${b}"`).join(', ')}`);
  return codes;
}

export function wholeNumber(name: string, text: string | number | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n)) throw new NetworkQueryError('invalid', `${name} must be a whole number, not "${text}"`);
  return n;
}

/** 0.25, "25%", "25" → 0.25 */
export function threshold(text: string | number | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = String(text).trim();
  const pct = t.endsWith('%');
  const n = Number(pct ? t.slice(0, -1) : t);
  if (!Number.isFinite(n) || n <= 0) throw new NetworkQueryError('invalid', `the threshold is a fraction (0.25) or a percentage (25%), not "${text}"`);
  const f = pct || n > 1 ? n / 100 : n;
  if (f > 1) throw new NetworkQueryError('invalid', `the threshold cannot be above 100 %: "${text}"`);
  return f;
}
