/**
 * The world being generated: every company, person and tie, with the helpers that make them
 * (unique registry numbers and names, names kept off the sanctions lists, customs spellings).
 * Noise generators and planted schemes add to it the same way.
 */
import { COUNTRIES, cyrillicRegistry, drawAddress, drawPhone, type Address, type CountryCode } from './countries.js';
import { LATIN_LEGAL_FORMS, drawCompanyName, qualified, type CompanyName } from './company-names.js';
import { companyIds, type CompanyIds } from './identifiers.js';
import type { NameGuard } from './listed-names.js';
import type { Company, Directorship, FamilyTie, Ownership, Party, Person, TradeRole } from './model.js';
import { drawPerson, type PersonSpec } from './people.js';
import { Rng } from './random.js';
import { SECTORS, type SectorId } from './sectors.js';
import { hasCyrillic, toLatin, typo } from './translit.js';

export interface CompanySpec {
  country: CountryCode;
  sector: SectorId;
  incorporated: number;
  role?: TradeRole;
  name?: CompanyName;
  address?: Address;
  city?: string;
  residential?: boolean;
  /** null: no phone in the registry */
  phone?: string | null;
  ids?: CompanyIds;
  incorporationShown?: boolean;
  dissolved?: number;
  listed?: string;
  planted?: boolean;
  /** customs spellings to use instead of derived ones */
  customsNames?: string[];
}

const DIRECTOR_ROLE: Record<CountryCode, string> = {
  RU: 'Генеральный директор', KZ: 'Директор', KG: 'Директор', UZ: 'Direktor', AM: 'Director', GE: 'Director', AE: 'Manager',
  TR: 'Müdür', HK: 'Director', CN: 'Legal representative', DE: 'Geschäftsführer', NL: 'Bestuurder', IT: 'Amministratore unico',
  US: 'Manager', GB: 'Director',
};

export function directorRole(country: CountryCode): string {
  return DIRECTOR_ROLE[country];
}

export class World {
  readonly companies: Company[] = [];
  readonly people: Array<Person & { familyBase?: string; givenBase?: string }> = [];
  readonly ownerships: Ownership[] = [];
  readonly directorships: Directorship[] = [];
  readonly families: FamilyTie[] = [];
  private readonly registryNumbers = new Set<string>();
  private readonly companyNames = new Set<string>();
  /** people of each country of residence, for owners and directors */
  readonly peopleByCountry = new Map<CountryCode, Person[]>();

  constructor(
    readonly seed: number,
    readonly scale: number,
    readonly guard: NameGuard,
  ) {}

  rng(label: string): Rng {
    return new Rng(this.seed).fork(label);
  }

  /** A name for a new company: unique in its country and not a listed name. */
  companyName(r: Rng, country: CountryCode, sector: SectorId): CompanyName {
    for (let tries = 0; ; tries++) {
      const people = this.peopleByCountry.get(country);
      const family = () => {
        const p = people && people.length > 0 ? r.pick(people) : undefined;
        return p ? p.lastName : 'Nova';
      };
      let n = drawCompanyName(r, country, sector, family);
      if (tries >= 20) n = qualified(r, n, tries >= 60 ? 2 : 1);
      const unique = `${country}|${n.name.toLowerCase()}`;
      if (!this.companyNames.has(unique) && this.guard.allowed(n.name, 'Company') && n.aliases.every((a) => this.guard.allowed(a, 'Company'))) {
        this.companyNames.add(unique);
        return n;
      }
      if (tries > 200) throw new Error(`cannot draw a new company name in ${country}`);
    }
  }

  addCompany(r: Rng, spec: CompanySpec): Company {
    const profile = COUNTRIES[spec.country];
    const sectorInfo = SECTORS[spec.sector];
    const n = spec.name ?? this.companyName(r, spec.country, spec.sector);
    if (spec.name) this.companyNames.add(`${spec.country}|${n.name.toLowerCase()}`);
    const cityName = spec.city ?? n.city;
    const city = cityName ? profile.cities.find((c) => c.name === cityName) : undefined;
    if (cityName && !city) throw new Error(`no city ${cityName} in ${spec.country}`);
    const address = spec.address ?? drawAddress(r, spec.country, { residential: spec.residential, city });
    let ids = spec.ids;
    if (!ids) {
      do ids = companyIds(r, spec.country, spec.incorporated, address.city, n.legalForm);
      while (this.registryNumbers.has(`${spec.country}|${ids.registrationNumber}`));
    }
    this.registryNumbers.add(`${spec.country}|${ids.registrationNumber}`);
    const phone = spec.phone === null ? undefined : spec.phone ?? (r.chance(0.8) ? drawPhone(r, spec.country, address.city) : undefined);
    const company: Company = {
      kind: 'company',
      key: '',
      country: spec.country,
      name: n.name,
      legalForm: n.legalForm,
      aliases: n.aliases,
      latinCore: n.latinCore,
      customsNames: spec.customsNames ?? customsSpellings(r, spec.country, n),
      sector: spec.sector,
      role: spec.role ?? (sectorInfo.goods.length === 0 ? (spec.sector === 'freight-forwarding' ? 'forwarder' : 'none') : 'importer'),
      incorporated: spec.incorporated,
      incorporationShown: spec.incorporationShown ?? true,
      dissolved: spec.dissolved,
      address,
      phone,
      ids,
      listed: spec.listed,
      planted: spec.planted,
    };
    this.companies.push(company);
    return company;
  }

  addPerson(r: Rng, spec: PersonSpec & { planted?: boolean }): Person {
    const p = drawPerson(r, spec, this.guard);
    if (spec.planted) p.planted = true;
    this.people.push(p);
    let list = this.peopleByCountry.get(spec.country);
    if (!list) this.peopleByCountry.set(spec.country, (list = []));
    list.push(p);
    return p;
  }

  own(owner: Party, asset: Company, percentage: number, start: number, end?: number): Ownership {
    const o: Ownership = { key: '', owner, asset, percentage, start, end };
    this.ownerships.push(o);
    return o;
  }

  direct(director: Person, organization: Company, start: number, end?: number, role?: string): Directorship {
    const d: Directorship = { key: '', director, organization, role: role ?? directorRole(organization.country), start, end };
    this.directorships.push(d);
    return d;
  }

  relate(person: Person, relative: Person, relationship: string): FamilyTie {
    const f: FamilyTie = { key: '', person, relative, relationship };
    this.families.push(f);
    return f;
  }
}

/**
 * How customs declarations spell a company: Latin transliterations of Cyrillic names in more than
 * one system, the English name of a Chinese firm, upper case, and now and then a typing slip.
 */
export function customsSpellings(r: Rng, country: CountryCode, n: CompanyName): string[] {
  const count = r.weighted([[1, 70], [2, 25], [3, 5]] as const, (x) => x[1])[0];
  const out: string[] = [];
  for (let i = 0; i < count * 3 && out.length < count; i++) {
    let spelling: string;
    if (cyrillicRegistry(country) || hasCyrillic(n.core)) {
      const scheme = i === 0 ? 'bgn' : r.pick(['bgn', 'icao', 'simple'] as const);
      const core = (hasCyrillic(n.core) ? toLatin(n.core, scheme) : n.latinCore).toUpperCase();
      const forms = LATIN_LEGAL_FORMS[n.legalForm] ?? [n.legalForm];
      const form = i === 0 ? forms[0]! : r.pick(forms);
      spelling = r.chance(0.6) ? `${form} "${core}"` : `${core} ${form}`;
    } else if (country === 'CN') {
      spelling = (n.aliases[0] ?? n.latinCore).toUpperCase();
    } else {
      spelling = r.chance(0.6) ? n.name.toUpperCase() : n.name;
    }
    if (i > 0 && r.chance(0.3)) spelling = typo(spelling, r);
    if (!out.includes(spelling)) out.push(spelling);
  }
  return out;
}
