/**
 * The ordinary registry of the synthetic world: households of people (spouses, children, some of
 * them abroad), companies of every line of business with their owners and directors, holding
 * structures, foreign parents, changes of owner and director — and, in the hubs, the wave of
 * companies registered after 24 Feb 2022, a good part of them by Russian nationals, nearly all of
 * them legitimate.
 */
import { COUNTRIES, COUNTRY_CODES, HUBS, type CountryCode } from './countries.js';
import { INVASION, TRADE_END, dayOf, yearOf } from './dates.js';
import type { Company, Person, TradeRole } from './model.js';
import type { Rng } from './random.js';
import { SECTORS, type SectorId } from './sectors.js';
import type { World } from './world.js';

const PEOPLE_PER_COMPANY = 1.5;

/** Registration year weights: older firms in the coalition, a wave in the hubs from 2022. */
function incorporationYear(r: Rng, country: CountryCode): number {
  const region = COUNTRIES[country].region;
  const years: Array<[number, number]> = [];
  for (let y = 1993; y <= 2024; y++) {
    let w = y < 2000 ? 1 : 2;
    if (region === 'hub') w = y < 2019 ? 1.5 : y < 2022 ? 2 : y === 2022 ? 6 : y === 2023 ? 4 : 2.5;
    if (region === 'russia') w = 1.5;
    if (region === 'coalition' && y >= 2022) w = 1.8;
    years.push([y, w]);
  }
  return r.weighted(years, (x) => x[1])[0];
}

export function drawIncorporation(r: Rng, country: CountryCode): number {
  const y = incorporationYear(r, country);
  return dayOf(y, r.int(1, 12), r.int(1, 28));
}

/** What a company of this line of business and country does in the customs extract. */
export function drawTradeRole(r: Rng, country: CountryCode, sectorId: SectorId): TradeRole {
  const sector = SECTORS[sectorId];
  if (sector.goods.length === 0) return sectorId === 'freight-forwarding' ? 'forwarder' : 'none';
  const region = COUNTRIES[country].region;
  if (sector.producer) return r.chance(0.85) ? 'supplier' : 'none';
  if (region === 'coalition' || region === 'asia') {
    return r.weighted([['supplier', 55], ['importer', country === 'HK' ? 35 : 20], ['reexporter', country === 'HK' ? 20 : 0], ['none', 20]] as const, (x) => x[1])[0];
  }
  const reexport = country === 'RU' ? 3 : ['AE', 'TR', 'KZ', 'GE'].includes(country) ? 22 : 12;
  return r.weighted([['importer', 58], ['reexporter', reexport], ['supplier', 10], ['none', 15]] as const, (x) => x[1])[0];
}

function sectorOf(r: Rng, country: CountryCode): SectorId {
  const mix = COUNTRIES[country].sectors;
  return r.weightedKey(mix as Record<SectorId, number>);
}

/** Households: a head, sometimes a spouse and children, with family ties; now and then a child lives abroad. */
function generatePeople(world: World, r: Rng, country: CountryCode, target: number): void {
  const abroadFrom: Partial<Record<CountryCode, CountryCode[]>> = {
    RU: ['DE', 'KZ', 'AM', 'GE', 'AE', 'TR', 'KG', 'UZ'],
    DE: ['NL', 'GB', 'US'], KZ: ['RU', 'DE', 'TR'], TR: ['DE', 'GE', 'NL'], AM: ['RU', 'GE', 'US'], GE: ['TR', 'DE'], UZ: ['RU', 'KZ', 'TR'],
    KG: ['RU', 'KZ'], CN: ['HK', 'US'], HK: ['GB', 'CN'], IT: ['DE', 'GB'], NL: ['DE', 'GB'], GB: ['US', 'NL'], US: ['GB'], AE: ['GB'],
  };
  let made = 0;
  while (made < target) {
    // Russian nationals living in the country: the diaspora in Germany, the 2022 relocation to the hubs
    const foreignRu = country !== 'RU' && r.chance(country === 'DE' ? 0.04 : HUBS.includes(country) ? 0.05 : 0.01);
    const nationality: CountryCode = foreignRu ? 'RU' : country;
    const headFemale = r.chance(0.3);
    const head = world.addPerson(r, { country, nationality, female: headFemale, born: [1950, 1994] }) as Person & { familyBase: string; givenBase: string };
    made++;
    const headBorn = yearOf(head.birth);
    let father = headFemale ? undefined : head.givenBase;
    if (r.chance(0.4)) {
      const spouse = world.addPerson(r, { country, nationality, female: !headFemale, born: [headBorn - 5, headBorn + 5], family: head.familyBase }) as Person & { givenBase: string };
      made++;
      world.relate(head, spouse, 'spouse');
      if (headFemale) father = spouse.givenBase;
      const children = r.chance(0.5) ? r.int(1, 2) : 0;
      const kids: Person[] = [];
      for (let i = 0; i < children && headBorn + 22 <= 2003; i++) {
        const abroad = r.chance(0.08) ? abroadFrom[country] : undefined;
        const childCountry = abroad ? r.pick(abroad) : country;
        const female = r.chance(0.5);
        const child = world.addPerson(r, {
          country: childCountry, nationality, female, born: [headBorn + 22, Math.min(headBorn + 38, 2003)], family: head.familyBase, father,
        });
        made++;
        world.relate(head, child, female ? 'daughter' : 'son');
        world.relate(spouse, child, female ? 'daughter' : 'son');
        for (const k of kids) world.relate(k, child, female ? 'sister' : 'brother');
        kids.push(child);
      }
    }
  }
}

function pickResident(world: World, r: Rng, country: CountryCode): Person {
  const list = world.peopleByCountry.get(country)!;
  // a few people own or run many companies: prefer the front of the list
  return list[Math.floor(list.length * r.next() ** 1.7)]!;
}

function pickRussianIn(world: World, r: Rng, country: CountryCode): Person {
  const list = (world.peopleByCountry.get(country) ?? []).filter((p) => p.nationality === 'RU');
  if (list.length > 0 && r.chance(0.5)) return r.pick(list);
  return world.addPerson(r, { country: r.chance(0.6) ? country : 'RU', nationality: 'RU', born: [1965, 1998] });
}

const SHARES: number[][] = [[100], [50, 50], [51, 49], [70, 30], [60, 40], [40, 30, 30], [34, 33, 33], [50, 25, 25]];

/** Owners and directors of one company: people, a domestic holding or a foreign parent; changes over time. */
function governCompany(world: World, r: Rng, c: Company, holdings: Map<CountryCode, Company[]>, parents: Company[]): void {
  const hub = HUBS.includes(c.country);
  const postInvasion = c.incorporated >= INVASION;
  const roll = r.next();
  const domesticHoldings = holdings.get(c.country) ?? [];
  let personOwners: Person[] = [];
  if (roll < 0.07 && domesticHoldings.length > 0 && c.sector !== 'holding') {
    const parent = r.pick(domesticHoldings);
    world.own(parent, c, r.chance(0.8) ? 100 : r.pick([51, 75, 90]), c.incorporated);
  } else if (roll < 0.12 && parents.length > 0 && c.country !== 'RU' && c.sector !== 'holding') {
    // a foreign parent: a German distributor's subsidiary in Almaty, a Chinese maker's Hong Kong arm
    const parent = r.pick(parents);
    if (parent.country !== c.country && parent.incorporated < c.incorporated) world.own(parent, c, 100, c.incorporated);
    else {
      personOwners = [pickResident(world, r, c.country)];
      world.own(personOwners[0]!, c, 100, c.incorporated);
    }
  } else {
    const shares = r.pick(SHARES);
    for (let i = 0; i < shares.length; i++) {
      const ru = hub && postInvasion && r.chance(0.35);
      let p = ru ? pickRussianIn(world, r, c.country) : pickResident(world, r, c.country);
      if (personOwners.includes(p)) p = world.addPerson(r, { country: c.country, born: [1955, 1996] });
      personOwners.push(p);
    }
    const change = r.chance(0.12) ? c.incorporated + r.int(365, 3650) : undefined;
    const changeDay = change !== undefined && change < TRADE_END ? change : undefined;
    shares.forEach((pct, i) => world.own(personOwners[i]!, c, pct, c.incorporated, changeDay));
    if (changeDay !== undefined) {
      const next = pickResident(world, r, c.country);
      world.own(next, c, 100, changeDay);
      personOwners = [next];
    }
  }
  const first = personOwners.length > 0 && r.chance(0.75) ? personOwners[0]! : pickResident(world, r, c.country);
  const change = r.chance(0.15) ? c.incorporated + r.int(400, 4000) : undefined;
  const changeDay = change !== undefined && change < TRADE_END ? change : undefined;
  world.direct(first, c, c.incorporated, changeDay);
  if (changeDay !== undefined) world.direct(pickResident(world, r, c.country), c, changeDay);
  if (r.chance(0.15)) world.direct(pickResident(world, r, c.country), c, c.incorporated + r.int(0, 900), undefined, c.country === 'RU' || c.country === 'KZ' || c.country === 'KG' ? 'Заместитель директора' : 'Director');
}

/** Every ordinary company and person, with their ties. */
export function generateRegistry(world: World): void {
  const r = world.rng('registry');
  for (const country of COUNTRY_CODES) {
    generatePeople(world, r.fork(`people-${country}`), country, Math.round(COUNTRIES[country].companies * world.scale * PEOPLE_PER_COMPANY));
  }
  const created: Company[] = [];
  for (const country of COUNTRY_CODES) {
    const rc = r.fork(`companies-${country}`);
    const count = Math.max(12, Math.round(COUNTRIES[country].companies * world.scale));
    for (let i = 0; i < count; i++) {
      const sector = sectorOf(rc, country);
      const incorporated = drawIncorporation(rc, country);
      const dissolved = rc.chance(0.04) ? Math.min(TRADE_END - 30, incorporated + rc.int(700, 6000)) : undefined;
      const role = drawTradeRole(rc, country, sector);
      const gappy = (country === 'KZ' || country === 'KG') && rc.chance(0.12);
      created.push(world.addCompany(rc, { country, sector, incorporated, role, dissolved: dissolved !== undefined && dissolved > incorporated + 365 ? dissolved : undefined, incorporationShown: !gappy }));
    }
  }
  const holdings = new Map<CountryCode, Company[]>();
  for (const c of created) if (c.sector === 'holding') holdings.set(c.country, [...(holdings.get(c.country) ?? []), c]);
  const parents = created.filter((c) => (c.role === 'supplier' || c.sector === 'holding') && ['DE', 'NL', 'IT', 'US', 'GB', 'CN', 'TR'].includes(c.country));
  const rg = r.fork('governance');
  for (const c of created) governCompany(world, rg, c, holdings, parents);
}
