/**
 * The goods catalogue: HS 2022 codes with descriptions, CN8 descriptions, code levels, the HS
 * edition a row's nomenclature follows, and the HS 2017 ↔ HS 2022 bridge for the codes that
 * changed between the editions (unmanned aircraft, cameras, semiconductors, electrical parts,
 * aircraft parts). EU CN8 codes begin with their HS6 code, so CN8 rolls up to HS6 by prefix.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { DATA_DIR } from '../model/paths.js';

export type CodeLevel = 'TOTAL' | 'HS2' | 'HS4' | 'HS6' | 'CN8' | 'NAT10' | 'CONF';

export interface HsCode {
  code: string;
  description: string;
  level: 2 | 4 | 6;
  parent: string;
  section: string;
}

function readCsv(file: string): Array<Record<string, string>> {
  let buf = readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  return parse(buf, { columns: true, bom: true, comment: '#', skip_empty_lines: true }) as Array<Record<string, string>>;
}

let hs2022: Map<string, HsCode> | undefined;

/** The HS 2022 nomenclature (WCO, as distributed by UN Comtrade): 2-, 4- and 6-digit codes. */
export function hsNomenclature(): Map<string, HsCode> {
  if (!hs2022) {
    hs2022 = new Map();
    for (const r of readCsv(path.join(DATA_DIR, 'ref', 'hs2022.csv.gz'))) {
      const level = Number(r['level']) as 2 | 4 | 6;
      hs2022.set(r['hscode']!, { code: r['hscode']!, description: r['description']!, level, parent: r['parent']!, section: r['section']! });
    }
  }
  return hs2022;
}

let cn8: Map<string, string> | undefined;

/** CN8 descriptions of the EU export-ban goods list shipped in data/trade (2,223 codes). */
function cn8Descriptions(): Map<string, string> {
  if (!cn8) {
    cn8 = new Map();
    const file = path.join(DATA_DIR, 'trade', 'eu_export_sanctions_cn8_codes.csv.gz');
    if (existsSync(file)) for (const r of readCsv(file)) cn8.set(r['code']!, r['product']!);
  }
  return cn8;
}

/** Level of a normalised code: 'TOTAL', by its digit count, or CONF for confidential codes (84XXXXXX, 99RRR100…). */
export function levelOf(code: string): CodeLevel {
  if (code === 'TOTAL') return 'TOTAL';
  if (!/^\d+$/.test(code)) return 'CONF';
  switch (code.length) {
    case 2:
      return 'HS2';
    case 4:
      return 'HS4';
    case 6:
      return 'HS6';
    case 8:
      return 'CN8';
    default:
      return 'NAT10';
  }
}

/** The HS6 code a code rolls up to (CN8 and national 10-digit codes by prefix); none above HS6. */
export function hs6Of(code: string): string | undefined {
  return /^\d{6,}$/.test(code) ? code.slice(0, 6) : undefined;
}

/** The HS chapter (2 digits) of a code, if it has one. */
export function chapterOf(code: string): string | undefined {
  const m = /^(\d{2})/.exec(code);
  return m && m[1] !== '99' ? m[1] : undefined;
}

const EDITIONS: Array<[number, string]> = [
  [2022, 'HS2022'],
  [2017, 'HS2017'],
  [2012, 'HS2012'],
  [2007, 'HS2007'],
  [2002, 'HS2002'],
  [1996, 'HS1996'],
  [1988, 'HS1992'],
];

/** The HS edition in force in a year (HS 2022 from 1 January 2022, HS 2017 from 2017…). */
export function hsEditionOfYear(year: number): string {
  return EDITIONS.find(([from]) => year >= from)?.[1] ?? 'HS1992';
}

/**
 * The HS edition a row's nomenclature follows: 'HS2017' as it is; 'CN2021' (the EU Combined
 * Nomenclature of a year) by the HS edition of that year; 'HS' (as reported) by the row's year.
 */
export function hsEdition(nomenclature: string, year: number): string {
  if (/^HS\d{4}$/.test(nomenclature)) return nomenclature;
  const cn = /^CN(\d{4})$/.exec(nomenclature);
  if (cn) return hsEditionOfYear(Number(cn[1]));
  return hsEditionOfYear(year);
}

export interface BridgeSeries {
  series: string;
  label: string;
  /** codes of the series by edition (6-digit subheadings, or 4-digit headings standing for all their subheadings) */
  codes: Record<string, string[]>;
  descriptions: Map<string, string>;
}

let bridge: { byEdition: Map<string, Array<{ prefix: string; series: BridgeSeries }>>; series: Map<string, BridgeSeries> } | undefined;

function loadBridge() {
  if (!bridge) {
    const series = new Map<string, BridgeSeries>();
    const byEdition = new Map<string, Array<{ prefix: string; series: BridgeSeries }>>();
    for (const r of readCsv(path.join(DATA_DIR, 'ref', 'hs_bridge_2017_2022.csv'))) {
      const id = r['series']!;
      let s = series.get(id);
      if (!s) series.set(id, (s = { series: id, label: r['label']!, codes: {}, descriptions: new Map() }));
      const edition = r['edition']!;
      (s.codes[edition] ??= []).push(r['hs6']!);
      s.descriptions.set(`${edition}:${r['hs6']}`, r['description']!);
      const list = byEdition.get(edition) ?? [];
      list.push({ prefix: r['hs6']!, series: s });
      byEdition.set(edition, list);
    }
    for (const list of byEdition.values()) list.sort((a, b) => b.prefix.length - a.prefix.length);
    bridge = { byEdition, series };
  }
  return bridge;
}

/** The bridge series an HS 2017 or HS 2022 code belongs to, if its subheading changed between the editions. */
export function bridgeSeriesOf(edition: string, code: string): BridgeSeries | undefined {
  const list = loadBridge().byEdition.get(edition);
  if (!list) return undefined;
  return list.find((e) => code.length >= e.prefix.length && code.startsWith(e.prefix))?.series;
}

export function bridgeSeries(): BridgeSeries[] {
  return [...loadBridge().series.values()];
}

/** Editions the bridge joins. */
export const BRIDGED_EDITIONS = ['HS2017', 'HS2022'] as const;

/**
 * The analysis unit of a code: its HS6 code (CN8 and longer codes roll up), or the code itself
 * above HS6 (a heading's or chapter's amount not detailed further), or — when `bridging` — the
 * bridge series of an HS 2017/2022 code whose subheading changed.
 */
export function seriesOf(edition: string, code: string, bridging: boolean): string {
  if (bridging) {
    const b = bridgeSeriesOf(edition, code);
    if (b) return `~${b.series}`;
  }
  return hs6Of(code) ?? code;
}

/** A series key back to the bridge series it names, if it is one. */
export function bridgeOfSeries(series: string): BridgeSeries | undefined {
  return series.startsWith('~') ? loadBridge().series.get(series.slice(1)) : undefined;
}

/** Description of a code or series: bridge label, CN8 text, or the HS 2022 text (nearest level up). */
export function describe(code: string, extra?: Map<string, string>): string {
  const b = bridgeOfSeries(code);
  if (b) return b.label;
  if (code === 'TOTAL') return 'All products';
  const own = extra?.get(code);
  if (own) return own;
  const hs = hsNomenclature();
  if (code.length === 8) {
    const text = cn8Descriptions().get(code);
    if (text) return text;
  }
  const exact = hs.get(code);
  if (exact) return code.length === 4 || code.length === 2 ? `${exact.description} (not detailed further)` : exact.description;
  for (const e of loadBridge().series.values()) {
    for (const [key, text] of e.descriptions) if (key.endsWith(`:${code}`)) return `${text} (HS 2017)`;
  }
  for (let n = Math.min(6, code.length - 1); n >= 2; n -= 2) {
    const up = hs.get(code.slice(0, n));
    if (up) return `${up.description} (${code})`;
  }
  return code;
}

/** Parses a user's code: digits with optional dots and spaces ("8541.49" → "854149"). */
export function normaliseCode(text: string): string | undefined {
  const c = text.trim().replace(/[.\s]/g, '');
  return /^\d{2,10}$/.test(c) ? c : undefined;
}

const TOTAL_WORDS = new Set(['TOTAL', 'ALL', 'TOT', 'T']);

/**
 * A product code as a table writes it, normalised: dots and spaces removed, numeric codes that
 * lost their leading zero restored (to `pad` digits, or to an even length: HS codes have 2, 4, 6,
 * 8 or 10 digits), TOTAL for all products, confidential codes (8542XXXX, 99RRR100) upper-cased.
 * Undefined when it is none of these.
 */
export function normaliseTableCode(raw: string, pad?: number): string | undefined {
  const c = raw.trim().replace(/[.\s]/g, '');
  if (TOTAL_WORDS.has(c.toUpperCase())) return 'TOTAL';
  if (/^\d+$/.test(c)) {
    const code = pad && c.length < pad ? c.padStart(pad, '0') : c.length % 2 ? `0${c}` : c;
    return [2, 4, 6, 8, 10, 12].includes(code.length) ? code : undefined;
  }
  if (/^\d{2}[0-9A-Za-z]{0,8}$/.test(c)) return c.toUpperCase();
  return undefined;
}
