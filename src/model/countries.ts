import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DATA_DIR } from './paths.js';

export interface Country {
  iso2: string;
  iso3: string;
  m49: string;
  name: string;
}

/**
 * Names that sanctions lists and trade tables use but the ISO/UN table does not spell this way.
 * Keys are compared after `countryKey` folding.
 */
const EXTRA_NAMES: Record<string, string> = {
  'russia': 'RU', 'russian federation': 'RU', 'rossiya': 'RU', 'россия': 'RU',
  'iran': 'IR', 'iran islamic republic of': 'IR', 'syria': 'SY', 'syrian arab republic': 'SY',
  'north korea': 'KP', 'korea north': 'KP', 'korea democratic peoples republic of': 'KP',
  'democratic peoples republic of korea': 'KP', 'dprk': 'KP',
  'south korea': 'KR', 'korea south': 'KR', 'korea republic of': 'KR', 'republic of korea': 'KR',
  'burma': 'MM', 'turkey': 'TR', 'turkiye': 'TR', 'uae': 'AE', 'united arab emirates': 'AE',
  'uk': 'GB', 'united kingdom': 'GB', 'great britain': 'GB', 'england': 'GB', 'scotland': 'GB',
  'usa': 'US', 'united states': 'US', 'united states of america': 'US', 'us': 'US',
  'kosovo': 'XK', 'czech republic': 'CZ', 'czechia': 'CZ', 'moldova': 'MD', 'republic of moldova': 'MD',
  'laos': 'LA', 'vietnam': 'VN', 'viet nam': 'VN', 'bolivia': 'BO', 'venezuela': 'VE',
  'tanzania': 'TZ', 'congo democratic republic of the': 'CD', 'democratic republic of the congo': 'CD',
  'congo republic of the': 'CG', 'republic of the congo': 'CG', 'cote divoire': 'CI', 'ivory coast': 'CI',
  'palestinian': 'PS', 'palestine': 'PS', 'west bank': 'PS', 'gaza': 'PS', 'gaza strip': 'PS',
  'occupied palestinian territory': 'PS', 'taiwan': 'TW', 'hong kong': 'HK', 'macau': 'MO', 'macao': 'MO',
  'brunei': 'BN', 'cape verde': 'CV', 'swaziland': 'SZ', 'macedonia': 'MK', 'north macedonia': 'MK',
  'the netherlands': 'NL', 'netherlands': 'NL', 'holland': 'NL', 'vatican': 'VA', 'holy see': 'VA',
  'kyrgyz republic': 'KG', 'kirghizia': 'KG', 'belarus': 'BY', 'byelorussia': 'BY',
  'crimea': 'UA', 'region crimea': 'UA', 'st kitts and nevis': 'KN', 'st vincent and the grenadines': 'VC',
  'st lucia': 'LC', 'micronesia': 'FM', 'soviet union': 'SU', 'former soviet union': 'SU', 'ussr': 'SU', 'yugoslavia': 'YU',
  'serbia and montenegro': 'CS', 'east timor': 'TL', 'the gambia': 'GM', 'gambia': 'GM', 'the bahamas': 'BS',
};

/** Nationality adjectives as lists write them ("Russian", "Kyrgyz", "Former USSR"). */
const DEMONYMS: Record<string, string> = {
  afgan: 'AF', afghan: 'AF', albanian: 'AL', algerian: 'DZ', american: 'US', armenian: 'AM',
  australian: 'AU', austrian: 'AT', azerbaijani: 'AZ', bahraini: 'BH', bangladeshi: 'BD', belarusian: 'BY',
  belarussian: 'BY', belgian: 'BE', bosnian: 'BA', brazilian: 'BR', british: 'GB', bulgarian: 'BG',
  burkinabe: 'BF', burmese: 'MM', cambodian: 'KH', cameroonian: 'CM', canadian: 'CA', chadian: 'TD',
  chinese: 'CN', colombian: 'CO', croatian: 'HR', cuban: 'CU', cypriot: 'CY', czech: 'CZ', danish: 'DK',
  dprk: 'KP', drc: 'CD', dutch: 'NL', egyptian: 'EG', emirati: 'AE', eritrean: 'ER', estonian: 'EE',
  ethiopian: 'ET', filipino: 'PH', finnish: 'FI', 'former soviet union': 'SU', 'former ussr': 'SU',
  french: 'FR', georgian: 'GE', german: 'DE', ghanaian: 'GH', greek: 'GR', guatemalan: 'GT', guinean: 'GN',
  haitian: 'HT', honduran: 'HN', hungarian: 'HU', indian: 'IN', indonesian: 'ID', iranian: 'IR', iraqi: 'IQ',
  irish: 'IE', israeli: 'IL', italian: 'IT', ivorian: 'CI', japanese: 'JP', jordanian: 'JO', kazakh: 'KZ',
  kazakhstani: 'KZ', kenyan: 'KE', kuwaiti: 'KW', kyrgyz: 'KG', kyrgyzstani: 'KG', latvian: 'LV',
  lebanese: 'LB', libyan: 'LY', lithuanian: 'LT', malaysian: 'MY', malian: 'ML', maltese: 'MT',
  mauritanian: 'MR', mexican: 'MX', moldovan: 'MD', montenegrin: 'ME', moroccan: 'MA', nicaraguan: 'NI',
  nigerian: 'NG', nigerien: 'NE', 'north korean': 'KP', norwegian: 'NO', omani: 'OM', pakistani: 'PK',
  palestinian: 'PS', polish: 'PL', portuguese: 'PT', qatari: 'QA', romanian: 'RO', russian: 'RU',
  rwandan: 'RW', saudi: 'SA', 'saudi arabian': 'SA', senegalese: 'SN', serbian: 'RS', singaporean: 'SG',
  slovak: 'SK', slovenian: 'SI', somali: 'SO', 'south african': 'ZA', 'south korean': 'KR',
  'south sudanese': 'SS', spanish: 'ES', sudanese: 'SD', swedish: 'SE', swiss: 'CH', syrian: 'SY',
  tajik: 'TJ', tanzanian: 'TZ', thai: 'TH', togolese: 'TG', tunisian: 'TN', turkish: 'TR', turkmen: 'TM',
  ugandan: 'UG', uk: 'GB', ukrainian: 'UA', usa: 'US', uzbek: 'UZ', uzbekistani: 'UZ', venezuelan: 'VE',
  vietnamese: 'VN', yemeni: 'YE', zimbabwean: 'ZW',
};

/** Historic and user-assigned codes that are valid on lists but absent from ISO 3166-1 today. */
const EXTRA_CODES: Country[] = [
  { iso2: 'XK', iso3: 'XKX', m49: '', name: 'Kosovo' },
  { iso2: 'SU', iso3: 'SUN', m49: '810', name: 'Soviet Union' },
  { iso2: 'YU', iso3: 'YUG', m49: '890', name: 'Yugoslavia' },
  { iso2: 'CS', iso3: 'SCG', m49: '891', name: 'Serbia and Montenegro' },
  { iso2: 'AN', iso3: 'ANT', m49: '530', name: 'Netherlands Antilles' },
];

export function countryKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(the\)|\(le\)|\(la\)|\(l'\)|\(les\)|\(el\)/g, ' ')
    .replace(/['’`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

interface CountryTable {
  byCode: Map<string, Country>;
  byName: Map<string, string>;
}

let table: CountryTable | undefined;

function load(): CountryTable {
  const rows = parse(readFileSync(path.join(DATA_DIR, 'ref', 'countries.csv')), { columns: true }) as Array<
    Record<string, string>
  >;
  const byCode = new Map<string, Country>();
  const byName = new Map<string, string>();
  const add = (c: Country, names: string[]) => {
    byCode.set(c.iso2, c);
    byCode.set(c.iso3, c);
    if (c.m49) byCode.set(String(Number(c.m49)), c);
    for (const n of [c.name, ...names]) {
      const key = countryKey(n);
      if (key && !byName.has(key)) byName.set(key, c.iso2);
    }
  };
  for (const r of rows) {
    const c: Country = { iso2: r['iso2']!, iso3: r['iso3']!, m49: r['m49']!, name: r['name']! };
    add(c, (r['other_names'] ?? '').split('|').filter(Boolean));
  }
  for (const c of EXTRA_CODES) add(c, []);
  // Spellings of trade statistics (Eurostat's French labels, national offices, UN Comtrade).
  const aliases = path.join(DATA_DIR, 'ref', 'country_aliases.csv');
  if (existsSync(aliases)) {
    for (const r of parse(readFileSync(aliases), { columns: true }) as Array<Record<string, string>>) {
      const key = countryKey(r['alias']!);
      if (key && !byName.has(key)) byName.set(key, r['iso2']!);
    }
  }
  for (const [name, iso2] of Object.entries(EXTRA_NAMES)) byName.set(countryKey(name), iso2);
  for (const [name, iso2] of Object.entries(DEMONYMS)) if (!byName.has(countryKey(name))) byName.set(countryKey(name), iso2);
  return { byCode, byName };
}

function countries(): CountryTable {
  table ??= load();
  return table;
}

/**
 * ISO2 code for a country code (ISO2, ISO3, M49 number), a name in English, Russian, French or
 * Spanish, or a nationality adjective ("Russian").
 */
export function toIso2(value: string): string | undefined {
  const raw = value.trim();
  if (!raw) return undefined;
  const { byCode, byName } = countries();
  const upper = raw.toUpperCase();
  if (/^[A-Z]{2,3}$/.test(upper) && byCode.has(upper)) return byCode.get(upper)!.iso2;
  if (/^\d{1,3}$/.test(raw)) return byCode.get(String(Number(raw)))?.iso2;
  return byName.get(countryKey(raw));
}

export function countryName(iso2: string): string {
  return countries().byCode.get(iso2.toUpperCase())?.name ?? iso2;
}

/** ISO2 for a nationality adjective only ("Afghan" → AF); short words like "ID" are never codes here. */
export function demonymToIso2(text: string): string | undefined {
  return DEMONYMS[countryKey(text)];
}
