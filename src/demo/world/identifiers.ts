/**
 * National identifiers for synthetic companies and people, valid by their own rules (check digits,
 * encoded dates) so that what the red flags read from an identifier — a Kazakh BIN's YYMM, a
 * Kyrgyz INN's DDMMYYYY, an OGRN's year — agrees with the registry dates. Serial parts are drawn;
 * a `used` set keeps every number unique within the world.
 */
import type { CountryCode } from './countries.js';
import { isoDay, yearOf, monthOf } from './dates.js';
import type { Rng } from './random.js';

const digits = (r: Rng, n: number): string => Array.from({ length: n }, () => r.int(0, 9)).join('');
const p2 = (n: number) => String(n).padStart(2, '0');

function weighted(d: string, weights: number[]): number {
  return weights.reduce((sum, w, i) => sum + w * (d.charCodeAt(i) - 48), 0);
}

/** Kazakh BIN/IIN check digit, or undefined when the number has none (it must be redrawn). */
function kzCheck(body11: string): number | undefined {
  let c = weighted(body11, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) % 11;
  if (c === 10) c = weighted(body11, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]) % 11;
  return c === 10 ? undefined : c;
}

/** BIN: YYMM of registration, 4 (resident legal entity), 0, a five-digit serial, check digit. */
export function kzBin(r: Rng, registered: number): string {
  for (;;) {
    const body = `${p2(yearOf(registered) % 100)}${p2(monthOf(registered))}40${digits(r, 5)}`;
    const c = kzCheck(body);
    if (c !== undefined) return body + c;
  }
}

/** IIN: birth date YYMMDD, century-and-sex digit, four-digit serial, check digit. */
export function kzIin(r: Rng, birth: number, female: boolean): string {
  const iso = isoDay(birth);
  const year = Number(iso.slice(0, 4));
  const century = year >= 2000 ? (female ? 6 : 5) : female ? 4 : 3;
  for (;;) {
    const body = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${century}${digits(r, 4)}`;
    const c = kzCheck(body);
    if (c !== undefined) return body + c;
  }
}

/** Kyrgyz INN: 0 (legal entity) or 1/2 (woman/man), the date DDMMYYYY, a five-digit serial. */
export function kgInn(r: Rng, date: number, kind: 'company' | 'female' | 'male'): string {
  const iso = isoDay(date);
  const lead = kind === 'company' ? '0' : kind === 'female' ? '1' : '2';
  return `${lead}${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}${kind === 'company' ? '10' + digits(r, 3) : digits(r, 5)}`;
}

const RU_REGIONS: Record<string, string> = { Москва: '77', 'Санкт-Петербург': '78', Екатеринбург: '66', Новосибирск: '54', Казань: '16', 'Нижний Новгород': '52', Самара: '63', 'Ростов-на-Дону': '61' };

export function ruRegion(city: string): string {
  return RU_REGIONS[city] ?? '50';
}

/** Russian INN of an organisation: region, tax office, serial, check digit. */
export function ruInn10(r: Rng, region: string): string {
  const body = `${region}${p2(r.int(1, 51))}${digits(r, 5)}`;
  return body + ((weighted(body, [2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10);
}

/** Russian INN of a person: 12 digits with two check digits. */
export function ruInn12(r: Rng, region: string): string {
  const body = `${region}${p2(r.int(1, 51))}${digits(r, 6)}`;
  const c11 = (weighted(body, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  const c12 = (weighted(body + c11, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  return `${body}${c11}${c12}`;
}

/** OGRN: 1 (legal entity), the year of registration YY, region, a seven-digit serial, check digit. */
export function ruOgrn(r: Rng, registered: number, region: string): string {
  const body = `1${p2(yearOf(registered) % 100)}${region}${digits(r, 7)}`;
  return body + Number((BigInt(body) % 11n) % 10n);
}

/** Italian partita IVA: seven-digit serial, three-digit office, Luhn-style check digit. */
function itPartitaIva(r: Rng): string {
  const body = `${digits(r, 7)}${String(r.int(1, 100)).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = body.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + ((10 - (sum % 10)) % 10);
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CN_AREAS: Record<string, string> = { Shenzhen: '440300', Guangzhou: '440100', Dongguan: '441900', Shanghai: '310115', Ningbo: '330206', Suzhou: '320594', Xiamen: '350206', Yiwu: '330782', Qingdao: '370211' };

/** China's unified social credit code: 91, the area code, a nine-character organisation code, check character. */
function cnUscc(r: Rng, city: string): string {
  const org = Array.from({ length: 9 }, () => USCC_CHARS[r.int(0, 30)]).join('');
  const body = `91${CN_AREAS[city] ?? '440300'}${org}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(body[i]!) * USCC_WEIGHTS[i]!;
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}

const DE_COURTS: Record<string, string> = { Berlin: 'Charlottenburg', Hamburg: 'Hamburg', München: 'München', 'Frankfurt am Main': 'Frankfurt am Main', Stuttgart: 'Stuttgart', Köln: 'Köln', Düsseldorf: 'Düsseldorf', Nürnberg: 'Nürnberg', Leipzig: 'Leipzig', Karlsruhe: 'Mannheim' };

export interface CompanyIds {
  registrationNumber: string;
  taxNumber?: string;
  innCode?: string;
  ogrnCode?: string;
  vatCode?: string;
}

/** The identifiers a registry of the country gives a company registered on that day. */
export function companyIds(r: Rng, country: CountryCode, registered: number, city: string, legalForm: string): CompanyIds {
  switch (country) {
    case 'KZ': {
      const bin = kzBin(r, registered);
      return { registrationNumber: bin, taxNumber: bin };
    }
    case 'KG': {
      const inn = kgInn(r, registered, 'company');
      return { registrationNumber: `${r.int(100000, 299999)}-${r.int(3300, 3310)}-ООО`, taxNumber: inn };
    }
    case 'RU': {
      const region = ruRegion(city);
      const ogrn = ruOgrn(r, registered, region);
      return { registrationNumber: ogrn, ogrnCode: ogrn, innCode: ruInn10(r, region) };
    }
    case 'UZ':
      return { registrationNumber: String(r.int(300000000, 312999999)), taxNumber: String(r.int(300000000, 312999999)) };
    case 'AM':
      return { registrationNumber: `${r.int(200, 290)}.${r.int(110, 120)}.${r.int(10000, 99999)}`, taxNumber: digits(r, 8) };
    case 'GE':
      return { registrationNumber: `4${digits(r, 8)}` };
    case 'AE':
      return { registrationNumber: `${r.pick(['DMCC', 'JAFZA', 'DED', 'SAIF', 'RAKEZ', 'DSO', 'AFZ'])}-${r.int(10000, 999999)}`, taxNumber: `100${digits(r, 11)}3` };
    case 'TR':
      return { registrationNumber: `${r.int(100000, 999999)}-${r.int(1, 9)}`, taxNumber: digits(r, 10) };
    case 'HK':
      return { registrationNumber: String(r.int(1000000, 3299999)), taxNumber: digits(r, 8) };
    case 'CN':
      return { registrationNumber: cnUscc(r, city) };
    case 'DE':
      return { registrationNumber: `${/GmbH|UG/.test(legalForm) ? 'HRB' : legalForm.includes('KG') ? 'HRA' : 'HRB'} ${r.int(1000, 799999)} (Amtsgericht ${DE_COURTS[city] ?? city})`, vatCode: `DE${digits(r, 9)}` };
    case 'NL':
      return { registrationNumber: String(r.int(10000000, 99999999)), vatCode: `NL${digits(r, 9)}B01` };
    case 'IT': {
      const iva = itPartitaIva(r);
      return { registrationNumber: `${r.pick(['MI', 'TO', 'BO', 'BG', 'BS', 'VR', 'PD', 'MO', 'NA'])}-${r.int(100000, 2999999)}`, vatCode: `IT${iva}`, taxNumber: iva };
    }
    case 'US':
      return { registrationNumber: String(r.int(1000000, 9999999)), taxNumber: `${p2(r.int(10, 99))}-${digits(r, 7)}` };
    case 'GB':
      return { registrationNumber: r.chance(0.1) ? `SC${digits(r, 6)}` : `${p2(r.int(1, 15))}${digits(r, 6)}`, vatCode: `GB${digits(r, 9)}` };
  }
}

/** A personal identification number where the country's registry shows one (KZ IIN, KG PIN, RU INN). */
export function personId(r: Rng, country: CountryCode, birth: number, female: boolean, city?: string): { idNumber?: string; innCode?: string } {
  if (country === 'KZ') return { idNumber: kzIin(r, birth, female) };
  if (country === 'KG') return { idNumber: kgInn(r, birth, female ? 'female' : 'male') };
  if (country === 'RU') return { innCode: ruInn12(r, ruRegion(city ?? 'Москва')) };
  return {};
}
