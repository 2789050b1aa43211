/**
 * Schemes whose defining evidence is in the registry: firms registered in the hubs after 24 Feb
 * 2022 by Russian nationals (S03), the successor of a listed firm at its address (S04), and a
 * cluster of shells at one flat with one nominee director (S05).
 */
import type { CountryCode } from '../countries.js';
import { drawPhone } from '../countries.js';
import type { CompanyName } from '../company-names.js';
import { INVASION } from '../dates.js';
import type { Company } from '../model.js';
import type { Kit, Tie } from './kit.js';
import { russianBuyer } from './common.js';

/** Russian nationals register trading firms in Bishkek, Yerevan and Tashkent in 2022 (DOMAIN.md §1). */
export function postInvasionRussianFounders(kit: Kit): void {
  const b = kit.scheme('S03', 'post-invasion-russian-founders', 'Firms registered in three hubs after the invasion by Russian nationals', 'OCCRP/IStories 2023 and FinCEN/BIS alerts: companies registered in Kazakhstan and other hubs by Russian nationals after 24 Feb 2022 acted as intermediaries.');
  const hubs: Company[] = [];
  const buyers: Company[] = [];
  const ties: Tie[] = [];
  const founders = [];
  const plan: Array<{ country: CountryCode; city: string; month: number; sector: 'electronic-components' | 'computers' }> = [
    { country: 'KG', city: 'Бишкек', month: b.r.int(3, 7), sector: 'electronic-components' },
    { country: 'AM', city: 'Yerevan', month: b.r.int(3, 8), sector: 'computers' },
    { country: 'UZ', city: 'Toshkent', month: b.r.int(5, 11), sector: 'electronic-components' },
  ];
  const suppliers = [
    b.supplier(['CN'], ['854231', '854239'], INVASION, 'electronic-components'),
    b.supplier(['HK'], ['851762', '852691'], INVASION, 'electronic-components'),
    b.supplier(['TR', 'CN'], ['853224', '854239'], INVASION, 'electronic-components'),
  ];
  for (const p of plan) {
    const founder = b.person('founder', { country: b.r.chance(0.5) ? p.country : 'RU', nationality: 'RU', born: [1975, 1995] });
    founders.push(founder);
    const hub = b.company('hub-intermediary', {
      country: p.country, sector: p.sector, city: p.city, incorporated: b.dayIn(2022, p.month), role: 'importer',
      // the Kyrgyz extract leaves the date out: only the INN (0 DDMMYYYY …) tells it
      incorporationShown: p.country !== 'KG',
    });
    ties.push(...b.founds(founder, hub));
    hubs.push(hub);
    const buyer = russianBuyer(b, {});
    buyers.push(buyer);
    const goods = p.sector === 'computers' ? ['851762', '847150', '854231'] : ['854231', '854239', '853224', '852691'];
    b.passThrough({ suppliers, hub, buyer, goods, from: `2022-${String(Math.min(12, p.month + 2)).padStart(2, '0')}`, months: 14, lag: [10, 40], every: 2 });
  }
  b.describe('Three trading firms registered between March and November 2022 in Bishkek, Yerevan and Tashkent, each founded and directed by a Russian national, import chips, capacitors, GNSS modules and routers from China, Hong Kong and Türkiye and sell them on to Russian buyers within weeks. The Kyrgyz registry extract leaves its firm\'s registration date empty; its INN carries it.')
    .flags(['RF17', 'RF01'], ['RF02', 'RF03', 'RF04', 'RF13'])
    .route({ suppliers, intermediaries: hubs, buyers, goods: ['854231', '854239', '853224', '852691', '851762', '847150'], links: [{ kind: 'same-owner', description: 'each hub firm was founded after 24 Feb 2022 by a Russian national who owns and directs it', parties: founders, ties }] });
}

const PHOENIX_SUFFIX = ['Экспресс', 'Плюс', 'Транзит', 'Логистик'];

/** A successor registered at the listed firm's Bishkek address with a near-identical name. */
export function phoenixSuccessor(kit: Kit): void {
  const b = kit.scheme('S04', 'phoenix-successor', 'Successor of a listed Kyrgyz firm at its address', 'FinCEN/BIS alerts: new entities formed to replace designated ones ("phoenix" firms) at the same address, under a similar name.');
  const predecessor = b.listed('predecessor', 'kargolayn');
  const suffix = b.r.pick(PHOENIX_SUFFIX);
  const name: CompanyName = { name: `ОсОО «Карголайн ${suffix}»`, legalForm: 'ОсОО', aliases: [], core: `Карголайн ${suffix}`, latinCore: `Kargolayn ${suffix}` };
  const incorporated = b.dayIn(2024, b.r.int(1, 2));
  const successor = b.company('successor', {
    country: 'KG', sector: 'general-trading', incorporated, role: 'importer', name,
    address: { full: `720001, г. Бишкек, ул. Шабдан Баатыра, 27/1, офис ${b.r.int(2, 9)}`, city: 'Бишкек', postalCode: '720001', street: 'ул. Шабдан Баатыра', residential: false },
  });
  const succession = b.succeeds(successor, predecessor);
  const owner = b.person('owner', { country: 'RU', nationality: 'RU', born: [1970, 1990] });
  const director = b.person('director', { country: 'KG', nationality: 'KG', born: [1980, 1996], city: 'Бишкек' });
  const own = b.own(owner, successor, 100, incorporated);
  const dir = b.direct(director, successor, incorporated);
  const buyer = russianBuyer(b, {});
  const suppliers = [b.supplier(['CN'], ['854129', '853221'], INVASION, 'electronic-components'), b.supplier(['HK'], ['854231', '854129'], INVASION, 'electronic-components')];
  b.passThrough({ suppliers, hub: successor, buyer, goods: ['854129', '853221', '854231'], from: '2024-03', months: 9, lag: [7, 28] });
  b.describe(`A Bishkek firm registered in early 2024 under the name "Карголайн ${suffix}" at the address of OSOO KARGOLAYN (on the OFAC SDN list), naming it as predecessor; owned by a Russian national, it passes power transistors, tantalum capacitors and microcontrollers from China and Hong Kong to a Russian buyer.`)
    .flags(['RF07', 'RF06'], ['RF01', 'RF02', 'RF04', 'RF13', 'RF17'])
    .route({ suppliers, intermediaries: [successor], buyers: [buyer], goods: ['854129', '853221', '854231'], links: [{ kind: 'successor', description: 'the hub firm names the listed OSOO KARGOLAYN as predecessor and sits at its address', parties: [predecessor], ties: [succession, own, dir] }] });
}

/** Six shells at one Yerevan flat, one nominee director, one phone. */
export function addressCluster(kit: Kit): void {
  const b = kit.scheme('S05', 'address-cluster', 'Shells sharing a flat, a phone and a nominee director in Yerevan', 'FinCEN/BIS alerts and UK guidance: many recently formed companies at one residential address with a common director.');
  const street = b.r.pick(['Arshakunyats Ave', 'Khanjyan St', 'Halabyan St']);
  const no = b.r.int(10, 60);
  const apt = b.r.int(5, 80);
  const full = `${no} ${street}, apt ${apt}, Yerevan 00${b.r.int(10, 99)}`;
  const variant = `${street.replace(' Ave', ' Avenue').replace(' St', ' Street')} ${no}, apartment ${apt}, Yerevan`;
  const phone = drawPhone(b.r, 'AM');
  const nominee = b.person('nominee', { country: 'AM', nationality: 'AM', born: [1985, 1998], city: 'Yerevan' });
  const owners = [b.person('owner', { country: 'RU', nationality: 'RU', born: [1970, 1990] }), b.person('owner', { country: 'AM', nationality: 'RU', born: [1975, 1992] })];
  const shells: Company[] = [];
  const ties: Tie[] = [];
  const sectors = ['general-trading', 'computers', 'electronic-components', 'consulting', 'general-trading', 'computers'] as const;
  for (let i = 0; i < 6; i++) {
    const shell = b.company(i < 3 ? 'hub-intermediary' : 'shell', {
      country: 'AM', sector: sectors[i]!, incorporated: b.dayIn(2022, b.r.int(4, 12)), role: i < 3 ? 'importer' : 'none',
      address: { full: i === 4 ? variant : full, city: 'Yerevan', postalCode: '', street, residential: true }, phone,
    });
    shells.push(shell);
    ties.push(b.own(owners[i % 2]!, shell, 100, shell.incorporated), b.direct(nominee, shell, shell.incorporated));
  }
  const buyers = [russianBuyer(b, {}), russianBuyer(b, { sector: 'computers' })];
  const suppliers = [b.supplier(['HK'], ['854231', '851762'], INVASION, 'electronic-components'), b.supplier(['CN', 'AE'], ['847150', '851762'], INVASION, 'computers')];
  for (let i = 0; i < 3; i++) {
    b.passThrough({ suppliers, hub: shells[i]!, buyer: buyers[i % 2]!, goods: ['854231', '851762', '847150'], from: `2023-0${1 + i * 2}`, months: 10, lag: [6, 25], every: 2 });
  }
  b.describe('Six firms registered April–December 2022 at one Yerevan flat with one telephone number; an Armenian nominee directs all six, two Russian nationals own three each; three of them pass processors, routers and server units from Hong Kong, China and the UAE to two Russian buyers.')
    .flags(['RF06'], ['RF01', 'RF02', 'RF04', 'RF13', 'RF17'])
    .route({ suppliers, intermediaries: shells.slice(0, 3), buyers, goods: ['854231', '851762', '847150'], links: [{ kind: 'shared-address', description: 'six firms at one residential address with one phone and one nominee director', parties: [nominee, ...owners], ties }] });
}
