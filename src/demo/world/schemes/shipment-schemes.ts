/**
 * Schemes whose defining evidence is in the customs lines: false transit (S06), split shipments
 * (S07), a forwarder as final consignee (S08), goods outside the line of business (S09), prices far
 * from the code's norm (S10), trade with a listed buyer (S12), a sudden surge in an old firm (S14).
 */
import { INVASION, dayOf } from '../dates.js';
import { good, typicalPrice } from '../goods.js';
import { history, ordinaryOwners, russianBuyer } from './common.js';
import type { Company } from '../model.js';
import type { Kit, SchemeBuilder } from './kit.js';

/** CNC machines declared for Kyrgyzstan in transit through Russia that never arrive. */
export function falseTransit(kit: Kit): void {
  const b = kit.scheme('S06', 'false-transit', 'CNC machines in transit through Russia to a Kyrgyz consignee that never receives them', 'BIS/FinCEN 2023 and EU guidance: goods declared for Central Asia in transit through Russia and unloaded in Russia.');
  const supplier = b.supplier(['IT', 'DE'], ['845811', '845961'], INVASION, 'machine-tool-manufacturing');
  const consignee = b.company('consignee', { country: 'KG', sector: 'industrial-equipment', city: 'Бишкек', incorporated: b.dayIn(2022, b.r.int(6, 9)), role: 'none' });
  ordinaryOwners(b, consignee);
  const goods = ['845811', '845961', '846693'];
  ordinaryTransit(kit, b, supplier);
  for (let i = 0; i < 5; i++) {
    const date = b.dayIn(2022 + Math.floor((9 + i * 2) / 12), ((9 + i * 2) % 12) + 1);
    const hs = goods[i % 3]!;
    b.ship({
      date, exporter: supplier, importer: consignee, type: 'EX', customsCountry: supplier.country, transit: 'RU', transport: 'road',
      lines: [{ hs6: hs, quantity: hs === '846693' ? b.lot(hs) : b.r.int(1, 3), unitPrice: b.price(hs) }],
    });
  }
  b.describe('An Italian or German machine-tool maker declares CNC lathes, milling machines and parts for export to a Bishkek firm registered in mid-2022, by road in transit through Russia; no import declaration in Kyrgyzstan follows, unlike the ordinary consignments through Russia, which are declared again on arrival.')
    .flags(['RF16'], ['RF01', 'RF02', 'RF13'])
    .route({ suppliers: [supplier], intermediaries: [consignee], buyers: [], actualDestination: 'RU', goods, links: [] });
}

/**
 * The same maker's ordinary consignments to an ordinary Kyrgyz importer through Russia, declared
 * on export and again on arrival: the comparison that shows the planted ones never arrive (at any
 * scale, even where the world has few other consignments to Kyrgyzstan). Not part of the scheme.
 */
function ordinaryTransit(kit: Kit, b: SchemeBuilder, supplier: Company): void {
  const w = kit.world;
  const candidates = w.companies.filter((c) => c.country === 'KG' && !c.planted && !c.listed && c.role === 'importer' && (c.sector === 'industrial-equipment' || c.sector === 'machine-tools') && c.incorporated < dayOf(2019, 1, 1) && c.dissolved === undefined);
  const importer = candidates.length > 0 ? b.r.pick(candidates) : w.addCompany(b.r, { country: 'KG', sector: 'industrial-equipment', city: 'Бишкек', incorporated: dayOf(b.r.int(2008, 2016), b.r.int(1, 12), 10), role: 'importer' });
  for (let i = 0; i < 6; i++) {
    const date = b.dayIn(2020 + Math.floor(i * 0.8), b.r.int(1, 12));
    const lines = [{ hs6: '846693', quantity: b.lot('846693'), unitPrice: b.price('846693') }];
    const spec = { exporter: supplier, importer, transit: 'RU' as const, transport: 'road', lines };
    kit.trade.declare({ ...spec, date, type: 'EX', customsCountry: supplier.country });
    kit.trade.declare({ ...spec, date: date + b.r.int(6, 20), type: 'IM', customsCountry: 'KG' });
  }
}

/** One large lot in, two dozen small lots out to a Russian buyer, each under 10,000 USD. */
export function splitShipments(kit: Kit): void {
  const b = kit.scheme('S07', 'split-shipments', 'A large lot split into two dozen small shipments to Russia', 'FinCEN/BIS alerts: shipments split into many small lots to stay under reporting and licensing thresholds.');
  const hub = b.company('hub-intermediary', { country: 'TR', sector: 'electronic-components', city: 'İstanbul', incorporated: dayOf(b.r.int(2014, 2018), b.r.int(1, 12), 12), role: 'importer' });
  ordinaryOwners(b, hub);
  history(b, hub, ['DE', 'CN'], 'electronic-components', 'in');
  history(b, hub, ['GE', 'KZ'], 'electronic-components', 'out');
  const buyer = russianBuyer(b, {});
  const supplier = b.supplier(['US', 'GB'], ['854232', '854231'], INVASION, 'electronics-manufacturing');
  const rounds: Array<{ hs: string; start: number; total: number; parts: number }> = [
    { hs: '854232', start: dayOf(2022, 11, b.r.int(1, 10)), total: 60_000, parts: 24 },
    { hs: '854231', start: dayOf(2023, 4, b.r.int(1, 10)), total: 40_000, parts: 20 },
  ];
  for (const round of rounds) {
    const g = good(round.hs);
    const each = round.total / round.parts;
    // unit price such that each small lot stays just under 10,000 USD
    const outPrice = Math.min(typicalPrice(g) * 1.5, 9_800 / each);
    b.ship({ date: round.start, exporter: supplier, importer: hub, lines: [{ hs6: round.hs, quantity: round.total, unitPrice: outPrice / 1.15, origin: supplier.country }] });
    for (let i = 0; i < round.parts; i++) {
      b.ship({ date: round.start + 6 + Math.floor((i * 21) / round.parts), exporter: hub, importer: buyer, lines: [{ hs6: round.hs, quantity: each, unitPrice: outPrice * b.r.float(0.97, 1), origin: supplier.country }] });
    }
  }
  b.describe('An Istanbul electronics distributor with years of ordinary trade receives 60,000 memories and later 40,000 processors in single lots and ships them to one Russian buyer in 24 and 20 lots of 2,500 and 2,000 pieces within three weeks, each lot under 10,000 USD.')
    .flags(['RF15'], ['RF02', 'RF04', 'RF13'])
    .route({ suppliers: [supplier], intermediaries: [hub], buyers: [buyer], goods: ['854232', '854231'], links: [] });
}

/** A Kazakh freight forwarder is the final consignee of oscilloscopes and signal generators, then exports them to Russia. */
export function forwarderConsignee(kit: Kit): void {
  const b = kit.scheme('S08', 'forwarder-consignee', 'Freight forwarder as final consignee of test equipment', 'FinCEN/BIS alert 2022: a freight forwarder or logistics firm listed as final consignee.');
  const forwarder = b.company('hub-intermediary', { country: 'KZ', sector: 'freight-forwarding', city: 'Алматы', incorporated: dayOf(b.r.int(2011, 2016), b.r.int(1, 12), 3), role: 'forwarder' });
  ordinaryOwners(b, forwarder);
  kit.trade.registerForwarder(forwarder);
  const suppliers = [b.supplier(['US', 'GB'], ['903020', '854320'], INVASION, 'instrument-manufacturing'), b.supplier(['DE'], ['903020', '903032'], INVASION, 'instrument-manufacturing')];
  const buyer = russianBuyer(b, { sector: 'instruments' });
  b.passThrough({ suppliers, hub: forwarder, buyer, goods: ['903020', '854320', '903032'], from: '2022-07', months: 12, lag: [5, 21], exact: true });
  b.describe('An Almaty freight forwarder registered years ago, which also lodges ordinary declarations as customs broker, becomes the final consignee of oscilloscopes, signal generators and recording multimeters from American, British and German makers and exports the same counts to a Russian instruments dealer within three weeks.')
    .flags(['RF09'], ['RF02', 'RF04', 'RF08', 'RF13'])
    .route({ suppliers, intermediaries: [forwarder], buyers: [buyer], goods: ['903020', '854320', '903032'], links: [] });
}

/** An Uzbek fruit exporter starts shipping bearings, CNC parts and navigation instruments to its Russian fruit buyer. */
export function goodsInconsistent(kit: Kit): void {
  const b = kit.scheme('S09', 'goods-inconsistent-with-business', 'A fruit wholesaler trading bearings and navigation instruments', 'FinCEN/BIS alerts: goods inconsistent with the customer\'s line of business.');
  const hub = b.company('hub-intermediary', { country: 'UZ', sector: 'fruit-vegetables', city: 'Toshkent', incorporated: dayOf(b.r.int(2012, 2018), b.r.int(1, 12), 8), role: 'supplier' });
  ordinaryOwners(b, hub);
  const buyer = russianBuyer(b, { sector: 'fruit-vegetables', owners: true });
  b.kit.trade.plantFlow(hub, buyer, ['080810', '080610'], [0, 71], 1.2);
  history(b, hub, ['KZ'], 'fruit-vegetables', 'out');
  const suppliers = [b.supplier(['CN'], ['848210', '848220'], INVASION, 'machine-tools'), b.supplier(['TR', 'CN'], ['846693', '901480'], INVASION, 'instruments')];
  b.passThrough({ suppliers, hub, buyer, goods: ['848210', '848220', '846693', '901480'], from: '2022-07', months: 18, lag: [10, 35], every: 2 });
  b.describe('A Tashkent fruit and vegetable wholesaler that has shipped apples and grapes to a Moscow fruit buyer since 2019 starts in mid-2022 to import ball and roller bearings, machine-tool parts and navigation instruments from China and Türkiye, and sends them to the same buyer.')
    .flags(['RF08'], ['RF02', 'RF03', 'RF04', 'RF13'])
    .route({ suppliers, intermediaries: [hub], buyers: [buyer], goods: ['848210', '848220', '846693', '901480'], links: [] });
}

/** A Georgian firm re-exports processors to Russia at a small fraction of their price, and declares one wafer tester at many times its price. */
export function priceAnomaly(kit: Kit): void {
  const b = kit.scheme('S10', 'price-anomaly', 'Declared prices far from the norm of the code', 'EU and UK guidance: declared values far below or above market prices of the goods.');
  const hub = b.company('hub-intermediary', { country: 'GE', sector: 'computers', city: 'Tbilisi', incorporated: dayOf(2020, b.r.int(1, 12), 14), role: 'importer' });
  ordinaryOwners(b, hub);
  history(b, hub, ['CN', 'AE'], 'computers', 'in');
  const supplier = b.supplier(['HK'], ['854231', '854232'], INVASION, 'electronic-components');
  const buyer = russianBuyer(b, {});
  b.passThrough({ suppliers: [supplier], hub, buyer, goods: ['854231', '854232'], from: '2022-10', months: 12, lag: [8, 30], exact: true, outPrice: 1 / b.r.float(25, 40), lotFactor: 2 });
  const tester = dayOf(2023, b.r.int(3, 9), 12);
  b.ship({ date: tester, exporter: supplier, importer: hub, lines: [{ hs6: '903082', quantity: 1, unitPrice: b.price('903082'), origin: 'US' }] });
  b.ship({ date: tester + 20, exporter: hub, importer: buyer, lines: [{ hs6: '903082', quantity: 1, unitPrice: b.price('903082', b.r.float(20, 35)), origin: 'US' }] });
  b.describe('A Tbilisi computer dealer buys processors and memories from Hong Kong at ordinary prices and declares them on export to a Russian buyer at 1/25–1/40 of that price; a semiconductor tester goes out declared at 20–35 times the usual price.')
    .flags(['RF14'], ['RF02', 'RF04', 'RF13'])
    .route({ suppliers: [supplier], intermediaries: [hub], buyers: [buyer], goods: ['854231', '854232', '903082'], links: [] });
}

/** An Armenian computer dealer sells servers, routers and processors to a Russian firm on the SDN list. */
export function listedPartyTrade(kit: Kit): void {
  const b = kit.scheme('S12', 'listed-party-trade', 'Exports to a buyer on the sanctions lists', 'The planted party on the bundled OFAC SDN list as the buyer: screening the trade partners finds it.');
  const listed = b.listed('buyer', 'rosel');
  const hub = b.company('hub-intermediary', { country: 'AM', sector: 'computers', city: 'Yerevan', incorporated: dayOf(b.r.int(2016, 2019), b.r.int(1, 12), 9), role: 'reexporter' });
  ordinaryOwners(b, hub);
  history(b, hub, ['CN', 'AE'], 'computers', 'in');
  history(b, hub, ['GE'], 'computers', 'out');
  const suppliers = [b.supplier(['CN', 'HK'], ['847150', '851762'], INVASION, 'computers'), b.supplier(['AE', 'HK'], ['854231', '851762'], INVASION, 'electronic-components')];
  b.passThrough({ suppliers, hub, buyer: listed, goods: ['847150', '851762', '854231'], from: '2023-02', months: 16, lag: [9, 32], every: 2 });
  b.describe('A Yerevan computer dealer with an ordinary history of imports from China and the UAE and sales to Georgia starts in 2023 to pass server units, routers and processors to JOINT STOCK COMPANY TRADING HOUSE ROSEL, on the OFAC SDN list with its INN and OGRN.')
    .flags(['RF07'], ['RF02', 'RF03', 'RF04', 'RF13'])
    .route({ suppliers, intermediaries: [hub], buyers: [listed], goods: ['847150', '851762', '854231'], links: [{ kind: 'listed-counterparty', description: 'the buyer is on the OFAC SDN list', parties: [listed], ties: [] }] });
}

/** A Karaganda building-materials importer of 2009 suddenly imports chips and radio modules and sends them to Russia. */
export function suddenSurge(kit: Kit): void {
  const b = kit.scheme('S14', 'sudden-surge', 'A building-materials firm suddenly trades electronics', 'FinCEN/BIS alerts: no prior history in the product, then a sudden surge of high-priority goods.');
  const hub = b.company('hub-intermediary', { country: 'KZ', sector: 'construction-materials', city: 'Караганда', incorporated: dayOf(b.r.int(2007, 2011), b.r.int(1, 12), 4), role: 'importer' });
  ordinaryOwners(b, hub);
  history(b, hub, ['TR', 'CN'], 'construction-materials', 'in');
  history(b, hub, ['RU'], 'construction-materials', 'in');
  const suppliers = [b.supplier(['CN'], ['854239', '851762'], INVASION, 'electronic-components'), b.supplier(['HK'], ['852691', '854239'], INVASION, 'electronic-components')];
  const buyer = russianBuyer(b, { city: 'Екатеринбург' });
  b.passThrough({ suppliers, hub, buyer, goods: ['854239', '851762', '852691'], from: '2022-05', months: 18, lag: [7, 30], lotFactor: 3 });
  b.describe('A Karaganda importer of tiles, cement and steel since about 2009 starts in May 2022 to import integrated circuits, routers and GNSS modules from China and Hong Kong in large lots, every month, and passes them to a buyer in Yekaterinburg.')
    .flags(['RF03', 'RF08'], ['RF02', 'RF04', 'RF13'])
    .route({ suppliers, intermediaries: [hub], buyers: [buyer], goods: ['854239', '851762', '852691'], links: [] });
}
