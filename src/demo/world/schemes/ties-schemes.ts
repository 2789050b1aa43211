/**
 * Schemes whose defining evidence is a tie between the two ends of a route: one owner on both
 * sides (S01), parents and son (S02), brothers (S13), a listed owner behind layers of holdings (S11);
 * and a decoy whose common owner left before the trade began.
 */
import { INVASION, dayOf } from '../dates.js';
import type { Kit } from './kit.js';
import { history, russianBuyer } from './common.js';

/** The Kazakh drone importer of April 2022 owned by the owner of its Moscow buyer (DOMAIN.md §1). */
export function sameOwnerBothSides(kit: Kit): void {
  const b = kit.scheme('S01', 'same-owner-both-sides', 'One owner on both sides: Kazakh drone importer and its Moscow buyer', 'OCCRP/IStories 2023: a Kazakh company registered in April 2022 imported drones (the trail started at a Dutch distributor) and sold hundreds to a Moscow company; one person owned both.');
  const owner = b.person('owner', { country: 'KZ', nationality: 'KZ', female: false, born: [1972, 1986], city: 'Алматы' });
  const hub = b.company('hub-intermediary', { country: 'KZ', sector: 'photo-drones', city: 'Алматы', incorporated: b.dayIn(2022, 4), role: 'importer' });
  const buyer = b.company('buyer', { country: 'RU', sector: 'photo-drones', city: 'Москва', incorporated: dayOf(b.r.int(2013, 2017), b.r.int(1, 12), 15), role: 'importer' });
  const partner = b.kit.world.addPerson(b.r, { country: 'RU', nationality: 'RU', born: [1970, 1985], planted: true });
  const hubTies = b.founds(owner, hub);
  const buyerOwn = b.own(owner, buyer, 60, dayOf(2019, b.r.int(2, 10), 10));
  b.kit.world.own(partner, buyer, 40, buyer.incorporated);
  b.kit.world.direct(partner, buyer, buyer.incorporated);
  history(b, buyer, ['CN'], 'photo-drones', 'in', [0, 71]);
  const nl = b.supplier(['NL'], ['880622', '880621'], INVASION, 'photo-drones');
  const cn = b.supplier(['CN'], ['880621', '880622'], INVASION, 'photo-drones');
  b.passThrough({ suppliers: [nl, nl, cn], hub, buyer, goods: ['880622', '880621', '880622'], from: '2022-06', months: 12, lag: [8, 30], exact: true, lotFactor: 1.5 });
  b.describe('A Kazakh firm registered in April 2022 imports drones from a Dutch distributor and a Chinese maker and sells the same counts to a Moscow firm within weeks; the same person owns the Kazakh firm and 60% of the Moscow buyer.')
    .flags(['RF05', 'RF04'], ['RF01', 'RF02', 'RF03', 'RF13'])
    .route({ suppliers: [nl, cn], intermediaries: [hub], buyers: [buyer], goods: ['880621', '880622'], links: [{ kind: 'same-owner', description: 'the same person owns the hub importer (100%) and the Russian buyer (60%)', parties: [owner], ties: [hubTies[0]!, buyerOwn] }] });
}

/** The Stuttgart exporter of a Russian couple, their son's Astana firm, and 2,598 chips in and out in one month (DOMAIN.md §1). */
export function familyPassThrough(kit: Kit): void {
  const b = kit.scheme('S02', 'family-pass-through', "Parents' exporter, son's new hub firm, Russian buyer", 'OCCRP/IStories 2023: a Stuttgart company owned by a Russian couple sent chips to an Astana company registered in March 2022 and owned by their son, which forwarded them to a Russian supplier of the security services; in one month 2,598 chips went in and out.');
  const father = b.person('owner', { country: 'DE', nationality: 'RU', female: false, born: [1956, 1964] });
  const familyName = father.lastName;
  const mother = b.person('owner', { country: 'DE', nationality: 'RU', female: true, born: [1958, 1966], family: familyName });
  const son = b.person('relative', { country: 'KZ', nationality: 'RU', female: false, born: [1987, 1994], family: familyName, city: 'Астана' });
  const spouses = b.relate(father, mother, 'spouse');
  const fatherSon = b.relate(father, son, 'son');
  const motherSon = b.relate(mother, son, 'son');
  const exporter = b.company('supplier', { country: 'DE', sector: 'electronic-components', city: 'Stuttgart', incorporated: dayOf(b.r.int(2006, 2012), b.r.int(1, 12), 10), role: 'supplier' });
  const fatherOwn = b.own(father, exporter, 50, exporter.incorporated);
  const motherOwn = b.own(mother, exporter, 50, exporter.incorporated);
  b.direct(father, exporter, exporter.incorporated);
  history(b, exporter, ['TR', 'KZ', 'AE'], 'electronic-components', 'out');
  history(b, exporter, ['RU'], 'electronic-components', 'out', [0, 37]);
  const hub = b.company('hub-intermediary', { country: 'KZ', sector: 'electronic-components', city: 'Астана', incorporated: b.dayIn(2022, 3), role: 'importer' });
  const sonTies = b.founds(son, hub);
  const buyer = russianBuyer(b, { city: 'Москва', founded: [2008, 2013] });
  b.passThrough({ suppliers: [exporter], hub, buyer, goods: ['854231', '854232', '854231'], from: '2022-05', months: 15, lag: [6, 24], exact: true });
  // the month the article counted: 2,598 chips in and the same 2,598 out
  const inDay = dayOf(2022, 9, 6);
  b.ship({ date: inDay, exporter, importer: hub, lines: [{ hs6: '854231', quantity: 2598, unitPrice: b.price('854231') }] });
  b.ship({ date: inDay + 19, exporter: hub, importer: buyer, lines: [{ hs6: '854231', quantity: 2598, unitPrice: b.price('854231', 1.2) }] });
  b.describe("A Stuttgart distributor owned 50/50 by a Russian couple ships microcontrollers and memories to an Astana firm their son registered in March 2022; the son's firm passes every lot on to a Moscow buyer within weeks, 2,598 pieces in and out in September 2022.")
    .flags(['RF05', 'RF04'], ['RF01', 'RF02', 'RF03', 'RF13', 'RF17'])
    .route({ suppliers: [exporter], intermediaries: [hub], buyers: [buyer], goods: ['854231', '854232'], links: [{ kind: 'family', description: "the supplier's owners (a Russian couple in Stuttgart) are the parents of the hub firm's owner", parties: [father, mother, son], ties: [fatherOwn, motherOwn, spouses, fatherSon, motherSon, sonTies[0]!] }] });
}

/** Brothers: one registered a free-zone firm in Sharjah in 2022, the other owns the St Petersburg buyer. */
export function relativesAcrossRoute(kit: Kit): void {
  const b = kit.scheme('S13', 'relatives-across-route', 'Brothers at both ends: Sharjah free-zone firm and St Petersburg buyer', 'FinCEN/BIS alert 2022: family members at both ends of a route through a third country.');
  const elder = b.person('relative', { country: 'RU', nationality: 'RU', female: false, born: [1972, 1980], city: 'Санкт-Петербург' });
  const younger = b.person('founder', { country: 'AE', nationality: 'RU', female: false, born: [1982, 1990], family: elder.lastName.replace(/а$/, '') });
  const brothers = b.relate(elder, younger, 'brother');
  const hub = b.company('hub-intermediary', { country: 'AE', sector: 'electronic-components', city: 'Sharjah', incorporated: b.dayIn(2022, 5), role: 'importer' });
  const hubTies = b.founds(younger, hub);
  const buyer = b.company('buyer', { country: 'RU', sector: 'electronic-components', city: 'Санкт-Петербург', incorporated: dayOf(b.r.int(2008, 2014), b.r.int(1, 12), 20), role: 'importer' });
  const buyerTies = b.founds(elder, buyer);
  history(b, buyer, ['CN'], 'electronic-components', 'in');
  const suppliers = [b.supplier(['HK'], ['854231', '854232'], INVASION, 'electronic-components'), b.supplier(['US', 'CN'], ['852691', '854232'], INVASION, 'electronic-components')];
  b.passThrough({ suppliers, hub, buyer, goods: ['854231', '854232', '852691'], from: '2022-08', months: 20, lag: [10, 35], every: 2 });
  b.describe('A Russian national registers a Sharjah free-zone firm in May 2022; it buys chips and GNSS modules from Hong Kong, China and the US and sells nearly the same quantities within weeks to a St Petersburg firm owned by his brother.')
    .flags(['RF05'], ['RF01', 'RF02', 'RF04', 'RF13', 'RF17'])
    .route({ suppliers, intermediaries: [hub], buyers: [buyer], goods: ['854231', '854232', '852691'], links: [{ kind: 'family', description: "the hub firm's owner and the buyer's owner are brothers", parties: [younger, elder], ties: [hubTies[0]!, brothers, buyerTies[0]!] }] });
}

/** A listed Russian firm owns a Kazakh trader through a Dubai and a Hong Kong holding. */
export function layeredOwnership(kit: Kit): void {
  const b = kit.scheme('S11', 'layered-ownership-listed-owner', 'Listed owner behind two holdings', 'Tri-Seal/Quint-Seal notes and EU guidance: ownership layered through holdings in the UAE and Hong Kong to hide a sanctioned owner.');
  const listed = b.listed('listed-party', 'rosel');
  const dubai = b.company('holding', { country: 'AE', sector: 'holding', city: 'Dubai', incorporated: b.dayIn(2021, b.r.int(3, 8)), role: 'none' });
  const hk = b.company('holding', { country: 'HK', sector: 'holding', incorporated: b.dayIn(2021, b.r.int(9, 12)), role: 'none' });
  const nominee = b.person('nominee', { country: 'KZ', nationality: 'KZ', born: [1980, 1995], city: 'Алматы' });
  const hub = b.company('hub-intermediary', { country: 'KZ', sector: 'electronic-components', city: 'Алматы', incorporated: b.dayIn(2022, 6), role: 'importer' });
  const l1 = b.own(listed, dubai, 100, dubai.incorporated);
  const l2 = b.own(dubai, hk, 100, hk.incorporated);
  const l3 = b.own(hk, hub, 75, hub.incorporated);
  const n1 = b.own(nominee, hub, 25, hub.incorporated);
  b.direct(nominee, hub, hub.incorporated);
  const directorAe = b.kit.world.addPerson(b.r, { country: 'AE', born: [1970, 1990], planted: true });
  b.kit.world.direct(directorAe, dubai, dubai.incorporated);
  const directorHk = b.kit.world.addPerson(b.r, { country: 'HK', born: [1970, 1990], planted: true });
  b.kit.world.direct(directorHk, hk, hk.incorporated);
  const buyer = russianBuyer(b, {});
  const suppliers = [b.supplier(['CN'], ['854239', '853224'], INVASION, 'electronic-components'), b.supplier(['DE', 'NL'], ['851762', '854239'], INVASION, 'electronic-components')];
  b.passThrough({ suppliers, hub, buyer, goods: ['854239', '853224', '851762'], from: '2022-09', months: 16, lag: [7, 30] });
  b.describe('A Kazakh trader registered in June 2022 is 75% owned by a Hong Kong holding, owned by a Dubai holding, owned by a Russian firm on the OFAC SDN list; a local nominee holds 25% and directs it. It passes integrated circuits, capacitors and routers to a Russian buyer.')
    .flags(['RF07'], ['RF01', 'RF02', 'RF04', 'RF13'])
    .route({ suppliers, intermediaries: [hub], buyers: [buyer], goods: ['854239', '853224', '851762'], links: [{ kind: 'ownership-chain', description: 'listed Russian firm → Dubai holding (100%) → Hong Kong holding (100%) → hub firm (75%)', parties: [listed, dubai, hk], ties: [l1, l2, l3, n1] }] });
}

/** Decoy: the common owner sold his stake in the Kazakh importer in 2020; the trade with his Russian firm began in 2022. */
export function endedLinkDecoy(kit: Kit): void {
  const b = kit.decoy('D01', 'ended-ownership', 'A person owned the Kazakh importer until June 2020 and owns the Russian buyer; the furniture trade between the two firms began in 2022, after the ownership had ended. A rule or trace that respects dates must not see a common owner on this route.');
  const person = b.person('owner', { country: 'RU', nationality: 'RU', born: [1965, 1980] });
  const kzFirm = b.company('hub-intermediary', { country: 'KZ', sector: 'furniture', city: 'Астана', incorporated: dayOf(2014, b.r.int(1, 12), 5), role: 'importer' });
  const ruFirm = b.company('buyer', { country: 'RU', sector: 'furniture', city: 'Новосибирск', incorporated: dayOf(2012, b.r.int(1, 12), 5), role: 'importer' });
  const ended = b.own(person, kzFirm, 100, kzFirm.incorporated, dayOf(2020, 6, 30));
  const successor = b.kit.world.addPerson(b.r, { country: 'KZ', born: [1970, 1990], planted: true });
  b.kit.world.own(successor, kzFirm, 100, dayOf(2020, 6, 30));
  b.kit.world.direct(successor, kzFirm, dayOf(2020, 6, 30));
  const current = b.own(person, ruFirm, 100, ruFirm.incorporated);
  b.direct(person, ruFirm, ruFirm.incorporated);
  history(b, kzFirm, ['CN', 'TR'], 'furniture', 'in');
  for (let i = 0; i < 8; i++) {
    const date = b.dayIn(2022 + Math.floor((2 + i * 2) / 12), ((2 + i * 2) % 12) + 1);
    b.ship({ date, exporter: kzFirm, importer: ruFirm, lines: [{ hs6: b.r.pick(['940360', '940171']), quantity: b.lot('940360'), unitPrice: b.price('940360') }] });
  }
  void ended;
  void current;
  b.decoy.mustNotRaise.push('RF05');
}
