/**
 * The records of the synthetic world as the generator holds them before writing: companies and
 * people of the registry, their ties, and customs declaration lines. Keys are given only once
 * everything exists, after a shuffle, so planted entities sit among the others.
 */
import type { Address, CountryCode } from './countries.js';
import type { CompanyIds } from './identifiers.js';
import type { SectorId } from './sectors.js';

/** What a company does in trade: nothing, sell abroad, buy abroad, both (re-export), or forward goods. */
export type TradeRole = 'none' | 'supplier' | 'importer' | 'reexporter' | 'forwarder';

export interface Company {
  kind: 'company';
  /** registry key (C + six digits), assigned after the shuffle */
  key: string;
  country: CountryCode;
  name: string;
  legalForm: string;
  aliases: string[];
  /** Latin core of the name, from which customs spellings are made */
  latinCore: string;
  /** how customs declarations spell the company (first: the usual one) */
  customsNames: string[];
  sector: SectorId;
  role: TradeRole;
  /** day number of registration */
  incorporated: number;
  /** false: the registry extract leaves the date empty (the BIN/INN still carries it) */
  incorporationShown: boolean;
  dissolved?: number;
  address: Address;
  phone?: string;
  email?: string;
  website?: string;
  ids: CompanyIds;
  /** successor of this company (phoenix), written as `predecessors` of the successor */
  predecessor?: Company;
  /** a real listed party planted from the bundled lists (see listed.ts) */
  listed?: string;
  /** planted by a scheme (never written; used for checks) */
  planted?: boolean;
}

export interface Person {
  kind: 'person';
  key: string;
  /** country of residence */
  country: CountryCode;
  nationality: CountryCode;
  name: string;
  aliases: string[];
  firstName: string;
  lastName: string;
  patronymic?: string;
  female: boolean;
  birth: number;
  idNumber?: string;
  innCode?: string;
  planted?: boolean;
}

export type Party = Company | Person;

export interface Ownership {
  key: string;
  owner: Party;
  asset: Company;
  /** percent, 0–100 */
  percentage: number;
  start: number;
  end?: number;
}

export interface Directorship {
  key: string;
  director: Person;
  organization: Company;
  role: string;
  start: number;
  end?: number;
}

export interface FamilyTie {
  key: string;
  person: Person;
  relative: Person;
  /** what the relative is to the person: spouse, son, daughter, brother… */
  relationship: string;
}

export type DeclarationType = 'IM' | 'EX';

/** One line of a customs declaration. */
export interface Line {
  /** line key (L + eight digits), given when written */
  key: string;
  declarationNumber: string;
  lineNo: number;
  type: DeclarationType;
  customsCountry: CountryCode;
  date: number;
  exporter: Company;
  exporterName: string;
  importer: Company;
  importerName: string;
  declarant?: Company;
  hs6: string;
  description: string;
  quantity: number;
  unit: string;
  netWeight: number;
  value: number;
  currency: string;
  origin: string;
  dispatch: CountryCode;
  destination: CountryCode;
  transit?: CountryCode;
  transport: string;
}

/** A declaration before it is numbered: its lines share parties, date and route. */
export interface Declaration {
  date: number;
  type: DeclarationType;
  customsCountry: CountryCode;
  /** random tie-breaker between declarations of the same day (planted ones do not come first) */
  seq: number;
  lines: Line[];
}
