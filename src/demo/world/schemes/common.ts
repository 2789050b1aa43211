/** Pieces several schemes share: ordinary-looking owners, Russian buyers with a trading history. */
import type { CountryCode } from '../countries.js';
import { dayOf, monthIndex } from '../dates.js';
import type { Company, Person } from '../model.js';
import type { SectorId } from '../sectors.js';
import { SECTORS } from '../sectors.js';
import type { SchemeBuilder } from './kit.js';

/** Owner and director of a firm that are no part of the scheme (not recorded in the truth). */
export function ordinaryOwners(b: SchemeBuilder, company: Company, nationality: CountryCode = company.country): Person {
  const w = b.kit.world;
  const owner = w.addPerson(b.r, { country: company.country, nationality, born: [1958, 1990], planted: true });
  w.own(owner, company, 100, company.incorporated);
  w.direct(b.r.chance(0.6) ? owner : w.addPerson(b.r, { country: company.country, nationality, born: [1965, 1992], planted: true }), company, company.incorporated);
  return owner;
}

/**
 * A Russian buyer: an established importer with ordinary owners and an ordinary history of imports
 * from China, recorded as the scheme's buyer.
 */
export function russianBuyer(b: SchemeBuilder, opts: { sector?: SectorId; city?: string; founded?: [number, number]; owners?: boolean } = {}): Company {
  const sector = opts.sector ?? 'electronic-components';
  const [y0, y1] = opts.founded ?? [2006, 2017];
  const buyer = b.company('buyer', {
    country: 'RU',
    sector,
    city: opts.city ?? b.r.pick(['Москва', 'Москва', 'Санкт-Петербург', 'Екатеринбург', 'Новосибирск']),
    incorporated: dayOf(b.r.int(y0, y1), b.r.int(1, 12), b.r.int(1, 28)),
    role: 'importer',
  });
  if (opts.owners !== false) ordinaryOwners(b, buyer);
  history(b, buyer, ['CN'], sector, 'in');
  return buyer;
}

/** An ordinary trading history of a planted firm: a relationship over the whole extract with a firm of the given countries. */
export function history(b: SchemeBuilder, firm: Company, countries: CountryCode[], sector: SectorId, direction: 'in' | 'out', months: [number, number] = [0, 71]): void {
  const goods = SECTORS[sector].goods;
  if (goods.length === 0) return;
  const hs = b.r.pick(goods);
  const partners: Company[] = [];
  for (const c of countries) {
    if (direction === 'in') partners.push(...b.kit.trade.exportersOf(c, hs));
    else partners.push(...b.kit.world.companies.filter((x) => x.country === c && !x.planted && !x.listed && x.role === 'importer' && SECTORS[x.sector].goods.includes(hs)));
  }
  if (partners.length === 0) return;
  const partner = b.r.pick(partners);
  const shared = SECTORS[partner.sector].goods.filter((g) => goods.includes(g));
  const picked = b.r.sample(shared.length > 0 ? shared : [hs], b.r.int(1, 2));
  if (direction === 'in') b.kit.trade.plantFlow(partner, firm, picked, months, b.r.float(0.4, 1.2));
  else b.kit.trade.plantFlow(firm, partner, picked, months, b.r.float(0.4, 1.2));
}

export function monthsOf(fromIso: string, toIso: string): [number, number] {
  const [fy, fm] = fromIso.split('-').map(Number) as [number, number];
  const [ty, tm] = toIso.split('-').map(Number) as [number, number];
  return [monthIndex(dayOf(fy, fm, 1)), monthIndex(dayOf(ty, tm, 1))];
}
