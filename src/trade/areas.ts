/**
 * Reporters and partners of trade tables: countries as ISO2, and the areas that are not
 * countries — aggregates (World, EU27, euro area, continents), unspecified areas (n.e.s., not
 * determined), confidential partners, special areas (stores and provisions, high seas) — under
 * codes of three letters or more, so that they are never taken for, or summed with, countries.
 * Names, ISO codes and M49 numbers map through one table (data/ref/countries.csv via
 * model/countries.ts, plus data/ref/trade_areas.csv for what is not a country).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { countryKey, countryName, toIso2 } from '../model/countries.js';
import { DATA_DIR } from '../model/paths.js';

export type AreaKind = 'country' | 'aggregate' | 'unspecified' | 'confidential' | 'special';
/** name: a label (any language the country table knows); code: ISO2/ISO3 or a statistics letter code; m49: a number */
export type AreaScheme = 'name' | 'code' | 'm49';

export interface Area {
  code: string;
  kind: AreaKind;
  name: string;
}

interface AreaEntry extends Area {
  scheme: AreaScheme;
  match: 'exact' | 'prefix';
  key: string;
}

let entries: AreaEntry[] | undefined;

function table(): AreaEntry[] {
  if (!entries) {
    const rows = parse(readFileSync(path.join(DATA_DIR, 'ref', 'trade_areas.csv')), {
      columns: true,
      comment: '#',
      skip_empty_lines: true,
    }) as Array<Record<string, string>>;
    entries = rows.map((r) => ({
      scheme: r['scheme'] as AreaScheme,
      match: r['match'] as 'exact' | 'prefix',
      key: r['scheme'] === 'name' ? countryKey(r['key']!) : r['key']!.toUpperCase(),
      code: r['code']!,
      kind: r['kind'] as AreaKind,
      name: r['name']!,
    }));
    // longest prefixes first, so "euro area - 20 countries" wins over "euro area"
    entries.sort((a, b) => b.key.length - a.key.length);
  }
  return entries;
}

function country(iso2: string): Area {
  return { code: iso2, kind: 'country', name: countryName(iso2) };
}

function fromTable(scheme: AreaScheme, key: string): Area | undefined {
  for (const e of table()) {
    if (e.scheme !== scheme) continue;
    if (e.key === key || (e.match === 'prefix' && key.startsWith(e.key))) {
      return e.kind === 'country' ? { ...country(e.code), name: e.name } : { code: e.code, kind: e.kind, name: e.name };
    }
  }
  return undefined;
}

/** Eurostat long names carry notes in parentheses: "France (incl. Saint Barthélemy 'BL' -> 2012; …)". */
function withoutNotes(name: string): string {
  return name.replace(/\s*\([^()]*(\([^()]*\)[^()]*)*\)\s*/g, ' ').trim();
}

/** "Korea, Republic of" → "Republic of Korea"; "Congo, Democratic Republic of" → "Democratic Republic of Congo". */
function inverted(name: string): string | undefined {
  const m = /^([^,]+),\s*(.+)$/.exec(name);
  return m ? `${m[2]} ${m[1]}` : undefined;
}

/** The area a raw reporter or partner value stands for; undefined when it is unknown. */
export function resolveArea(raw: string, scheme: AreaScheme): Area | undefined {
  const value = raw.trim();
  if (!value) return undefined;
  if (scheme === 'm49') {
    if (!/^\d{1,3}$/.test(value)) return undefined;
    const n = String(Number(value));
    const special = fromTable('m49', n);
    if (special) return special;
    const iso2 = toIso2(n);
    return iso2 ? country(iso2) : undefined;
  }
  if (scheme === 'code') {
    const upper = value.toUpperCase();
    const special = fromTable('code', upper);
    if (special) return special;
    if (/^[A-Z]{2,3}$/.test(upper)) {
      const iso2 = toIso2(upper);
      return iso2 ? country(iso2) : undefined;
    }
    return undefined;
  }
  const special = fromTable('name', countryKey(value));
  if (special) return special;
  for (const candidate of [value, withoutNotes(value), inverted(withoutNotes(value)), /\(([^()]+)\)$/.exec(value)?.[1]]) {
    if (!candidate) continue;
    // a bare code in a name column ("DE") is not a name: "Georgia" must not be read as GE's code either way
    if (/^[A-Za-z]{2,3}$/.test(candidate) && candidate !== candidate.toUpperCase()) continue;
    const iso2 = toIso2(candidate);
    if (iso2) return country(iso2);
  }
  return undefined;
}

/** EU member states since 1 February 2020. */
export const EU27 = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
];

/**
 * The Global Export Control Coalition that restricts exports to Russia (BIS, 15 CFR 746
 * Supplement No. 3): the EU member states, Australia, Canada, Iceland, Japan, Liechtenstein,
 * New Zealand, Norway, South Korea, Switzerland, Taiwan, the United Kingdom and the United States.
 */
export const COALITION = [...EU27, 'AU', 'CA', 'IS', 'JP', 'LI', 'NZ', 'NO', 'KR', 'CH', 'TW', 'GB', 'US'];

/**
 * Transshipment hubs named in FinCEN/BIS alerts (2022–2023) and by their partners; the UK adds
 * Malaysia, Mongolia, Thailand and Vietnam.
 */
export const NAMED_HUBS = [
  'AM', 'BR', 'CN', 'GE', 'IN', 'IL', 'KZ', 'KG', 'MX', 'NI', 'RS', 'SG', 'ZA', 'TW', 'TJ', 'TR', 'AE', 'UZ', 'HK', 'MO',
  'MY', 'MN', 'TH', 'VN',
];

const GROUPS: Record<string, string[]> = { EU27, COALITION, HUBS: NAMED_HUBS };

/**
 * Countries a user names: ISO2/ISO3 codes, names, or the groups EU27, coalition and hubs, comma
 * separated. Returns the ISO2 codes and the items it could not read.
 */
export function parseCountries(text: string): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const group = GROUPS[item.toUpperCase()];
    if (group) {
      codes.push(...group);
      continue;
    }
    const area = /^[A-Za-z]{2,3}$/.test(item) ? resolveArea(item, 'code') : resolveArea(item, 'name');
    if (area?.kind === 'country') codes.push(area.code);
    else unknown.push(item);
  }
  return { codes: [...new Set(codes)], unknown };
}

export function areaName(code: string): string {
  if (code.length === 2) return countryName(code);
  return table().find((e) => e.code === code)?.name ?? code;
}
