/**
 * The real listed parties planted in the synthetic world, copied exactly from the bundled OFAC SDN
 * list (data/lists/ofac/sdn_20240503.csv.gz with add_20250106.csv.gz and alt_20250106.csv.gz):
 * name, aliases, identifiers, establishment date and address as the list gives them, so that
 * screening the synthetic registry finds them. Everything else the world says about them (trade,
 * holdings, a successor) is invented and carries the synthetic marker. A test checks these records
 * against the bundled list.
 */
import type { CountryCode } from './countries.js';
import type { SectorId } from './sectors.js';

export interface ListedParty {
  /** short handle used by the schemes */
  ref: 'rosel' | 'kargolayn';
  /** bundled dataset and its entry key */
  dataset: string;
  entryKey: string;
  name: string;
  aliases: string[];
  country: CountryCode;
  legalForm: string;
  sector: SectorId;
  /** establishment date as the list states it */
  incorporated: string;
  address: { full: string; city: string; postalCode: string; street: string };
  registrationNumber: string;
  taxNumber?: string;
  innCode?: string;
  ogrnCode?: string;
}

export const LISTED_PARTIES: readonly ListedParty[] = [
  {
    ref: 'rosel',
    dataset: 'us_ofac_sdn',
    entryKey: '37776',
    name: 'JOINT STOCK COMPANY TRADING HOUSE ROSEL',
    aliases: ['AO TD ROSEL'],
    country: 'RU',
    legalForm: 'АО',
    sector: 'electronic-components',
    incorporated: '2005-10-26',
    address: { full: 'Ul. Kosmonavta Volkova D. 12, Moscow 127299', city: 'Moscow', postalCode: '127299', street: 'Ul. Kosmonavta Volkova D. 12' },
    registrationNumber: '1057748776733',
    innCode: '7718564221',
    ogrnCode: '1057748776733',
  },
  {
    ref: 'kargolayn',
    dataset: 'us_ofac_sdn',
    entryKey: '44030',
    name: 'OSOO KARGOLAYN',
    aliases: ['CARGOLINE LLC'],
    country: 'KG',
    legalForm: 'ОсОО',
    sector: 'freight-forwarding',
    incorporated: '2022-03-25',
    address: { full: 'Str. Shabdan Baatyra 27/1, Bishkek 720001', city: 'Bishkek', postalCode: '720001', street: 'Str. Shabdan Baatyra 27/1' },
    registrationNumber: '02503202210145',
    taxNumber: '02503202210145',
  },
];

export function listedParty(ref: ListedParty['ref']): ListedParty {
  return LISTED_PARTIES.find((p) => p.ref === ref)!;
}

/** Every name the planted listed parties go by (exempt from the invented-names check). */
export function listedPartyNames(): string[] {
  return LISTED_PARTIES.flatMap((p) => [p.name, ...p.aliases]);
}
