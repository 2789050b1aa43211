/**
 * What a planted scheme is made of, and the kit that plants one: it adds companies, people, ties
 * and declarations to the world like the ordinary generators do, and records each of them with its
 * role so that the ground truth can name them.
 */
import { COUNTRIES, type CountryCode } from '../countries.js';
import type { CompanyName } from '../company-names.js';
import { TRADE_END, day, daysInMonth, dayOf } from '../dates.js';
import { good, typicalPrice } from '../goods.js';
import { LISTED_PARTIES, listedParty, type ListedParty } from '../listed.js';
import type { Company, Declaration, Directorship, FamilyTie, Ownership, Party, Person } from '../model.js';
import type { PersonSpec } from '../people.js';
import type { Rng } from '../random.js';
import type { SectorId } from '../sectors.js';
import type { DeclarationSpec, Trade } from '../trade.js';
import type { CompanySpec, World } from '../world.js';

/** Red flags of DOMAIN.md §7 that the synthetic world can show. */
export type RedFlag = 'RF01' | 'RF02' | 'RF03' | 'RF04' | 'RF05' | 'RF06' | 'RF07' | 'RF08' | 'RF09' | 'RF13' | 'RF14' | 'RF15' | 'RF16' | 'RF17';

export type SchemeKind =
  | 'same-owner-both-sides'
  | 'family-pass-through'
  | 'post-invasion-russian-founders'
  | 'phoenix-successor'
  | 'address-cluster'
  | 'false-transit'
  | 'split-shipments'
  | 'forwarder-consignee'
  | 'goods-inconsistent-with-business'
  | 'price-anomaly'
  | 'layered-ownership-listed-owner'
  | 'listed-party-trade'
  | 'relatives-across-route'
  | 'sudden-surge';

/** What an entity is in a scheme. Suppliers are ordinary firms unaware of the scheme. */
export type Role =
  | 'hub-intermediary'
  | 'buyer'
  | 'supplier'
  | 'owner'
  | 'founder'
  | 'director'
  | 'nominee'
  | 'relative'
  | 'listed-party'
  | 'predecessor'
  | 'successor'
  | 'holding'
  | 'shell'
  | 'consignee';

/** planted: made for the scheme; ordinary: an existing firm of the world; listed: copied from a real list */
export type Origin = 'planted' | 'ordinary' | 'listed';

export interface SchemeEntity {
  party: Party;
  role: Role;
  origin: Origin;
}

export type Tie =
  | { schema: 'Ownership'; tie: Ownership }
  | { schema: 'Directorship'; tie: Directorship }
  | { schema: 'Family'; tie: FamilyTie }
  /** a successor firm naming its predecessor (keyed by the successor) */
  | { schema: 'Succession'; tie: { predecessor: Company; successor: Company } };

export interface RouteLink {
  kind: 'same-owner' | 'family' | 'ownership-chain' | 'successor' | 'shared-address' | 'shared-director' | 'listed-counterparty';
  description: string;
  parties: Party[];
  ties: Tie[];
}

export interface Route {
  suppliers: Company[];
  intermediaries: Company[];
  buyers: Company[];
  /** the declared destination when the real buyer is unknown (false transit) */
  actualDestination?: CountryCode;
  links: RouteLink[];
  goods: string[];
}

export interface PlantedScheme {
  id: string;
  kind: SchemeKind;
  title: string;
  description: string;
  modelledOn: string;
  entities: SchemeEntity[];
  ties: Tie[];
  declarations: Declaration[];
  /** flags whose evidence defines the scheme, and every flag the scheme should raise */
  flags: { defining: RedFlag[]; expected: RedFlag[] };
  route: Route;
}

/** What a scheme or a decoy holds: its entities with roles, its ties, its declarations. */
export interface Planting {
  entities: SchemeEntity[];
  ties: Tie[];
  declarations: Declaration[];
}

/** A near miss that must not be taken for a scheme (e.g. a common owner whose ownership ended before the trade). */
export interface Decoy {
  id: string;
  kind: string;
  description: string;
  entities: SchemeEntity[];
  ties: Tie[];
  declarations: Declaration[];
  /** flags that must not fire on it */
  mustNotRaise: RedFlag[];
}

export class Kit {
  readonly schemes: PlantedScheme[] = [];
  readonly decoys: Decoy[] = [];
  private readonly listedCompanies = new Map<string, Company>();

  constructor(
    readonly world: World,
    readonly trade: Trade,
    readonly r: Rng,
  ) {}

  /** The company of a real listed party (made once, with the list's exact data). */
  listed(ref: ListedParty['ref']): Company {
    let c = this.listedCompanies.get(ref);
    if (c) return c;
    const p = listedParty(ref);
    const name: CompanyName = { name: p.name, legalForm: p.legalForm, aliases: p.aliases, core: p.name, latinCore: p.name };
    c = this.world.addCompany(this.r, {
      country: p.country,
      sector: p.sector,
      incorporated: day(p.incorporated),
      role: 'none',
      name,
      address: { ...p.address, residential: false },
      phone: null,
      ids: { registrationNumber: p.registrationNumber, taxNumber: p.taxNumber, innCode: p.innCode, ogrnCode: p.ogrnCode },
      listed: p.ref,
      customsNames: [p.name, ...p.aliases],
    });
    this.listedCompanies.set(ref, c);
    return c;
  }

  /** Every listed party the schemes planted. */
  listedParties(): Array<{ party: ListedParty; company: Company }> {
    return LISTED_PARTIES.filter((p) => this.listedCompanies.has(p.ref)).map((p) => ({ party: p, company: this.listedCompanies.get(p.ref)! }));
  }

  scheme(id: string, kind: SchemeKind, title: string, modelledOn: string): SchemeBuilder {
    const s: PlantedScheme = {
      id, kind, title, description: '', modelledOn, entities: [], ties: [], declarations: [],
      flags: { defining: [], expected: [] },
      route: { suppliers: [], intermediaries: [], buyers: [], links: [], goods: [] },
    };
    this.schemes.push(s);
    return new SchemeBuilder(this, s, this.r.fork(id), s);
  }

  decoy(id: string, kind: string, description: string): SchemeBuilder & { decoy: Decoy } {
    const d: Decoy = { id, kind, description, entities: [], ties: [], declarations: [], mustNotRaise: [] };
    this.decoys.push(d);
    return Object.assign(new SchemeBuilder(this, d, this.r.fork(id)), { decoy: d });
  }
}

export class SchemeBuilder {
  constructor(
    readonly kit: Kit,
    /** where the entities, ties and declarations go */
    readonly planting: Planting,
    readonly r: Rng,
    /** the scheme being described (not set for a decoy) */
    private readonly described?: PlantedScheme,
  ) {}

  private get scheme(): PlantedScheme {
    if (!this.described) throw new Error('a decoy has no flags, route or description of a scheme');
    return this.described;
  }

  private record(party: Party, role: Role, origin: Origin): void {
    if (!this.planting.entities.some((e) => e.party === party && e.role === role)) this.planting.entities.push({ party, role, origin });
  }

  describe(text: string): this {
    this.scheme.description = text;
    return this;
  }

  company(role: Role, spec: Omit<CompanySpec, 'planted'>): Company {
    const c = this.kit.world.addCompany(this.r, { ...spec, planted: true });
    this.record(c, role, 'planted');
    return c;
  }

  person(role: Role, spec: PersonSpec): Person {
    const p = this.kit.world.addPerson(this.r, { ...spec, planted: true });
    this.record(p, role, 'planted');
    return p;
  }

  /** An ordinary firm of the world taking part without knowing it (a supplier). */
  use(role: Role, party: Party): Party {
    this.record(party, role, party.kind === 'company' && party.listed ? 'listed' : 'ordinary');
    return party;
  }

  listed(role: Role, ref: ListedParty['ref']): Company {
    const c = this.kit.listed(ref);
    this.record(c, role, 'listed');
    return c;
  }

  own(owner: Party, asset: Company, percentage: number, start: number, end?: number): Tie {
    const t: Tie = { schema: 'Ownership', tie: this.kit.world.own(owner, asset, percentage, start, end) };
    this.planting.ties.push(t);
    return t;
  }

  direct(director: Person, organization: Company, start: number, end?: number): Tie {
    const t: Tie = { schema: 'Directorship', tie: this.kit.world.direct(director, organization, start, end) };
    this.planting.ties.push(t);
    return t;
  }

  succeeds(successor: Company, predecessor: Company): Tie {
    successor.predecessor = predecessor;
    const t: Tie = { schema: 'Succession', tie: { predecessor, successor } };
    this.planting.ties.push(t);
    return t;
  }

  relate(person: Person, relative: Person, relationship: string): Tie {
    const t: Tie = { schema: 'Family', tie: this.kit.world.relate(person, relative, relationship) };
    this.planting.ties.push(t);
    return t;
  }

  /** Owner and director from registration. */
  founds(person: Person, company: Company, percentage = 100): Tie[] {
    return [this.own(person, company, percentage, company.incorporated), this.direct(person, company, company.incorporated)];
  }

  ship(spec: DeclarationSpec): Declaration {
    const d = this.kit.trade.declare(spec);
    this.planting.declarations.push(d);
    return d;
  }

  /**
   * An ordinary exporter of the country for one of the codes, active on the day; if the world
   * (at a small scale) has none, an ordinary firm is made for the purpose (it is as innocent as
   * the others, so it is recorded as ordinary).
   */
  supplier(countries: CountryCode[], codes: string[], on: number, sector: SectorId): Company {
    const candidates: Company[] = [];
    for (const c of countries) for (const hs of codes) for (const x of this.kit.trade.exportersOf(c, hs)) if (x.incorporated < on - 365 && (x.dissolved ?? Infinity) > on + 400 && !candidates.includes(x)) candidates.push(x);
    if (candidates.length > 0) {
      const s = this.r.pick(candidates);
      this.use('supplier', s);
      return s;
    }
    const made = this.kit.world.addCompany(this.r, { country: countries[0]!, sector, incorporated: dayOf(this.r.int(2000, 2015), this.r.int(1, 12), this.r.int(1, 28)), role: 'supplier' });
    this.record(made, 'supplier', 'ordinary');
    return made;
  }

  /** A day in the given month (1–28). */
  dayIn(year: number, month: number): number {
    return dayOf(year, month, this.r.int(1, Math.min(28, daysInMonth(year, month))));
  }

  /** A typical lot of the code, scaled. */
  lot(hs6: string, factor = 1): number {
    const g = good(hs6);
    return Math.max(1, Math.round(Math.sqrt(g.lot[0] * g.lot[1]) * factor * this.r.logUniform(0.6, 1.6)));
  }

  price(hs6: string, factor = 1): number {
    return Math.round(typicalPrice(good(hs6)) * factor * this.r.logUniform(0.8, 1.25) * 10000) / 10000;
  }

  /**
   * Goods in through the hub and out to the buyer: each inbound lot leaves again within the lag,
   * in the same quantity (`exact`) or nearly so, at a markup. One inbound declaration a month.
   */
  passThrough(opts: {
    suppliers: Company[];
    hub: Company;
    buyer: Company;
    goods: string[];
    from: string;
    months: number;
    lag: [number, number];
    exact?: boolean;
    lotFactor?: number;
    every?: number;
    outPrice?: number;
  }): Declaration[] {
    const out: Declaration[] = [];
    const [y0, m0] = opts.from.split('-').map(Number) as [number, number];
    for (let i = 0; i < opts.months; i += opts.every ?? 1) {
      const year = y0 + Math.floor((m0 - 1 + i) / 12);
      const month = ((m0 - 1 + i) % 12) + 1;
      const date = this.dayIn(year, month);
      if (date > TRADE_END - 60) break;
      const hs = this.r.pick(opts.goods);
      const qty = this.lot(hs, opts.lotFactor ?? 1);
      const price = this.price(hs);
      const supplier = this.r.pick(opts.suppliers);
      out.push(this.ship({ date, exporter: supplier, importer: opts.hub, lines: [{ hs6: hs, quantity: qty, unitPrice: price, origin: originFor(this.r, supplier, hs) }] }));
      const sold = opts.exact ? qty : Math.round(qty * this.r.float(0.88, 1));
      out.push(this.ship({ date: date + this.r.int(opts.lag[0], opts.lag[1]), exporter: opts.hub, importer: opts.buyer, lines: [{ hs6: hs, quantity: sold, unitPrice: price * (opts.outPrice ?? this.r.float(1.08, 1.3)), origin: originFor(this.r, supplier, hs) }] }));
    }
    return out;
  }

  flags(defining: RedFlag[], expected: RedFlag[]): this {
    this.scheme.flags = { defining, expected: [...new Set([...defining, ...expected])].sort() };
    return this;
  }

  route(route: Partial<Route>): this {
    Object.assign(this.scheme.route, route);
    return this;
  }
}

/** Country of origin of goods a supplier ships: its own, or for distributors of chips where chips are made. */
export function originFor(r: Rng, supplier: Company, hs6: string): string {
  if (!['85', '88', '90'].includes(hs6.slice(0, 2)) || COUNTRIES[supplier.country].region === 'coalition') return supplier.country;
  return r.weighted([['CN', 45], ['TW', 20], ['MY', 15], ['US', 10], ['KR', 10]] as const, (x) => x[1])[0];
}
