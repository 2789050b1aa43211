/**
 * Periods of trade statistics: a month ("2022-03") or a year ("2022"), counted as month indexes
 * (year × 12 + month − 1) so that windows compare with integer arithmetic, in JS and in SQL.
 */
import { UsageError } from '../sources/errors.js';

export interface Window {
  /** first month index, inclusive */
  from: number;
  /** last month index, inclusive */
  to: number;
}

export const monthIndex = (year: number, month: number): number => year * 12 + month - 1;

export function monthLabel(index: number): string {
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months a window spans. */
export const windowMonths = (w: Window): number => w.to - w.from + 1;

/** "2021-03..2021-11", "2019..2021", "2022", "2022-03": a window of whole months or whole years. */
export function parseWindow(text: string, what = 'window'): Window {
  const parts = text.trim().split('..');
  if (parts.length > 2 || !parts[0]) throw new UsageError(`${what} "${text}" must be a month or year, or a range like 2021-03..2021-11 or 2019..2021`);
  const first = parsePoint(parts[0], text, what);
  const last = parsePoint(parts[1] ?? parts[0], text, what);
  const w = { from: first.from, to: last.to };
  if (w.to < w.from) throw new UsageError(`${what} "${text}" ends before it starts`);
  return w;
}

function parsePoint(point: string, text: string, what: string): Window {
  const p = point.trim();
  let m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) throw new UsageError(`${what} "${text}": no month ${m[2]}`);
    const i = monthIndex(Number(m[1]), month);
    return { from: i, to: i };
  }
  m = /^(\d{4})$/.exec(p);
  if (m) return { from: monthIndex(Number(m[1]), 1), to: monthIndex(Number(m[1]), 12) };
  throw new UsageError(`${what} "${text}" must be a month or year, or a range like 2021-03..2021-11 or 2019..2021`);
}

/** A window as the text parseWindow reads: whole years as years, else months. */
export function formatWindow(w: Window): string {
  const wholeYears = w.from % 12 === 0 && w.to % 12 === 11;
  const a = wholeYears ? String(Math.floor(w.from / 12)) : monthLabel(w.from);
  const b = wholeYears ? String(Math.floor(w.to / 12)) : monthLabel(w.to);
  return a === b ? a : `${a}..${b}`;
}

export interface Coverage {
  /** last month with monthly data, if any */
  lastMonth?: number;
  /** first and last year with annual data, if any */
  firstYear?: number;
  lastYear?: number;
  firstMonth?: number;
}

/**
 * Default windows: with monthly data reaching past February 2022, March to the last month of
 * 2022 the data holds against the same months of 2021; with annual data only, 2022 (and 2023 if
 * present) against the 2019–2021 mean (as much of it as the data holds).
 */
export function defaultWindows(c: Coverage): { baseline: Window; period: Window } {
  const march2022 = monthIndex(2022, 3);
  if (c.lastMonth !== undefined && c.lastMonth >= march2022) {
    const end = Math.min(c.lastMonth, monthIndex(2022, 12));
    return { baseline: { from: march2022 - 12, to: end - 12 }, period: { from: march2022, to: end } };
  }
  if (c.lastYear !== undefined && c.lastYear >= 2022) {
    const first = Math.max(2019, Math.min(2021, c.firstYear ?? 2019));
    return {
      baseline: { from: monthIndex(first, 1), to: monthIndex(2021, 12) },
      period: { from: monthIndex(2022, 1), to: monthIndex(Math.min(c.lastYear, 2023), 12) },
    };
  }
  throw new UsageError('the data does not reach 2022: give the windows with --baseline and --period');
}

export interface ParsedPeriod {
  /** "2022-03" or "2022" */
  period: string;
  month0: number;
  /** 1 for a month, 12 for a year */
  months: number;
  year: number;
}

/**
 * A period as trade tables write it: 2022-03, 2022-03-01 (Comtrade v1), 202203, 2022M03 (SDMX),
 * 2022, Y2022, and Comext's 202252 for the whole year.
 */
export function parsePeriod(text: string): ParsedPeriod | undefined {
  const p = text.trim();
  let year: number;
  let month: number;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(p)) || (m = /^(\d{4})[Mm](\d{2})$/.exec(p))) {
    year = Number(m[1]);
    month = Number(m[2]);
  } else if ((m = /^(\d{4})(\d{2})$/.exec(p))) {
    year = Number(m[1]);
    month = m[2] === '52' ? 0 : Number(m[2]);
  } else if ((m = /^[Yy]?(\d{4})$/.exec(p))) {
    year = Number(m[1]);
    month = 0;
  } else return undefined;
  if (year < 1900 || year > 2100 || month > 12 || (month === 0 && /^\d{4}-\d{2}/.test(p))) return undefined;
  if (month === 0) return { period: String(year), month0: monthIndex(year, 1), months: 12, year };
  return { period: `${year}-${String(month).padStart(2, '0')}`, month0: monthIndex(year, month), months: 1, year };
}
