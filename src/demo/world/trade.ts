/**
 * Ordinary trade of the synthetic customs extract: steady supplier–buyer relationships with their
 * goods, lot sizes, prices, seasons and growth; Russian buyers cut off from coalition suppliers of
 * restricted goods on 24 Feb 2022; legitimate re-exporters in the hubs, some passing goods on
 * back to back; consignments to Central Asia in transit through Russia, declared on export and
 * again on arrival. Lines are produced month by month, so the extract streams at any scale.
 *
 * Which side declares: inside the Eurasian Economic Union (RU, KZ, KG, AM) the exporter files the
 * record; otherwise the importing country when it is one the extract covers (the hubs, Russia,
 * Hong Kong), else the exporting one.
 */
import { COUNTRIES, HUBS, type CountryCode } from './countries.js';
import { INVASION, TRADE_END, TRADE_MONTHS, daysInMonth, dayOf, monthIndex, monthStart, yearOf, monthOf } from './dates.js';
import { SEASONS, good, restrictedForRussia } from './goods.js';
import type { Company, Declaration, DeclarationType, Line } from './model.js';
import type { Rng } from './random.js';
import { SECTORS } from './sectors.js';
import type { World } from './world.js';

export const LINES_AT_SCALE_1 = 200_000;

const EAEU = new Set<CountryCode>(['RU', 'KZ', 'KG', 'AM']);
const COVERED = new Set<CountryCode>(['KZ', 'KG', 'AM', 'GE', 'UZ', 'AE', 'TR', 'HK', 'RU']);
const CENTRAL_ASIA = new Set<CountryCode>(['KZ', 'KG', 'UZ']);

/** Where importers of each country buy (weights); coalition and Chinese buyers appear only with goods from the covered countries. */
const SOURCES: Record<CountryCode, Partial<Record<CountryCode, number>>> = {
  RU: { CN: 40, TR: 10, DE: 12, IT: 8, NL: 4, US: 4, GB: 3, HK: 5, KZ: 6, UZ: 5, AE: 4, AM: 2, GE: 2, KG: 1 },
  KZ: { CN: 35, RU: 25, DE: 10, IT: 5, TR: 6, US: 4, NL: 3, GB: 2, HK: 3, UZ: 4, AE: 3 },
  KG: { CN: 40, RU: 20, KZ: 20, TR: 8, AE: 4, DE: 4, UZ: 4 },
  UZ: { CN: 35, RU: 20, KZ: 15, TR: 12, DE: 8, IT: 4, AE: 3, US: 3 },
  AM: { RU: 25, CN: 20, DE: 10, IT: 8, GE: 8, AE: 10, US: 5, NL: 4, GB: 3, HK: 4, TR: 3 },
  GE: { TR: 25, RU: 10, CN: 20, DE: 10, IT: 6, US: 5, AE: 8, NL: 4, GB: 4, AM: 3, HK: 3 },
  AE: { CN: 35, US: 10, DE: 8, IT: 6, GB: 8, HK: 10, TR: 6, NL: 4, RU: 5, KZ: 2 },
  TR: { CN: 25, DE: 20, IT: 12, RU: 10, US: 8, GB: 6, NL: 6, HK: 3, AE: 4, KZ: 2, UZ: 2, GE: 2 },
  HK: { CN: 60, US: 12, GB: 5, DE: 5, NL: 3, IT: 3, AE: 3, TR: 1 },
  CN: { RU: 30, KZ: 25, UZ: 10, HK: 10, TR: 10, AE: 10, KG: 5 },
  DE: { TR: 40, RU: 20, KZ: 10, UZ: 10, GE: 5, AE: 5, AM: 3, HK: 7 },
  NL: { TR: 30, RU: 20, KZ: 10, UZ: 10, AE: 10, HK: 10, GE: 5, AM: 5 },
  IT: { TR: 35, RU: 20, KZ: 10, UZ: 10, GE: 5, AE: 10, AM: 5, HK: 5 },
  US: { HK: 30, TR: 20, AE: 15, RU: 15, KZ: 10, GE: 5, AM: 5 },
  GB: { TR: 30, HK: 20, AE: 20, RU: 15, KZ: 10, GE: 5 },
};

/** Where legitimate re-exporters of each hub sell on. */
const ONWARD: Partial<Record<CountryCode, Partial<Record<CountryCode, number>>>> = {
  KZ: { KG: 35, UZ: 35, RU: 30 },
  AE: { KZ: 20, UZ: 15, AM: 10, GE: 15, TR: 10, RU: 20, KG: 10 },
  TR: { GE: 30, AM: 10, KZ: 20, UZ: 15, RU: 25 },
  GE: { AM: 55, RU: 25, TR: 20 },
  AM: { GE: 50, RU: 50 },
  HK: { CN: 40, RU: 20, KZ: 15, AE: 25 },
  KG: { KZ: 50, UZ: 25, RU: 25 },
  UZ: { KG: 40, KZ: 35, RU: 25 },
  CN: { KZ: 40, KG: 20, UZ: 20, RU: 20 },
};

const ELECTRONICS_ORIGINS: Array<[string, number]> = [['CN', 35], ['TW', 15], ['MY', 12], ['US', 10], ['KR', 8], ['JP', 8], ['PH', 5], ['VN', 4], ['DE', 3]];
const MACHINERY_ORIGINS: Array<[string, number]> = [['DE', 30], ['IT', 20], ['JP', 15], ['CN', 20], ['CH', 5], ['US', 10]];

export interface Flow {
  exporter: Company;
  importer: Company;
  goods: string[];
  /** month indices (0 = Jan 2019), both included */
  start: number;
  end: number;
  /** declarations per month, before season and growth */
  rate: number;
  qty: number[];
  price: number[];
  origin: string[];
  growth: number;
  transport: string;
  transit?: CountryCode;
  /** declared on export and on arrival (consignments in transit through Russia) */
  mirrored: boolean;
  declarant?: Company;
  /** stop lines on and after 24 Feb 2022 for these goods indices */
  cutAtInvasion: Set<number>;
  /** outbound flows of a re-exporter fed line by line from this flow */
  feeds: BackToBack[];
}

export interface BackToBack {
  flow: Flow;
  /** part of each inbound lot sold on */
  share: number;
  markup: number;
  lag: [number, number];
}

export interface LineSpec {
  hs6: string;
  quantity: number;
  /** USD per unit; default: a typical price of the code */
  unitPrice?: number;
  origin?: string;
  description?: string;
}

export interface DeclarationSpec {
  date: number;
  exporter: Company;
  importer: Company;
  lines: LineSpec[];
  type?: DeclarationType;
  customsCountry?: CountryCode;
  transit?: CountryCode;
  declarant?: Company;
  transport?: string;
  /** destination as declared, when it differs from the importer's country */
  destination?: CountryCode;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function declaringSide(exporter: Company, importer: Company): { type: DeclarationType; customsCountry: CountryCode } {
  if (EAEU.has(exporter.country) && EAEU.has(importer.country)) return { type: 'EX', customsCountry: exporter.country };
  if (COVERED.has(importer.country)) return { type: 'IM', customsCountry: importer.country };
  return { type: 'EX', customsCountry: exporter.country };
}

/** By air only goods worth their weight (electronics, instruments, medicines, cosmetics); by sea across oceans; else by road or rail. */
function transportFor(r: Rng, from: CountryCode, to: CountryCode, hs6: string): string {
  const valuable = ['85', '88', '90', '30', '33'].includes(hs6.slice(0, 2)) && good(hs6).kgPerUnit < 50;
  if (valuable && r.chance(0.35)) return 'air';
  const overseas = new Set<CountryCode>(['US', 'GB', 'AE', 'HK', 'CN']);
  if ((overseas.has(from) || overseas.has(to)) && !(from === 'CN' && (CENTRAL_ASIA.has(to) || to === 'RU'))) return 'sea';
  return r.chance(0.7) ? 'road' : 'rail';
}

export class Trade {
  readonly flows: Flow[] = [];
  private readonly planted: Declaration[] = [];
  /** lines expected from planted declarations and flows, taken off the ordinary target */
  private plantedExpected = 0;
  private readonly exportersBy = new Map<string, Company[]>();
  private readonly forwarders = new Map<CountryCode, Company[]>();

  constructor(
    private readonly world: World,
    private readonly r: Rng,
  ) {
    for (const c of world.companies) {
      if (c.planted || c.listed) continue;
      if (c.role === 'forwarder') this.forwarders.set(c.country, [...(this.forwarders.get(c.country) ?? []), c]);
      if (c.role !== 'supplier' && c.role !== 'reexporter') continue;
      for (const hs of SECTORS[c.sector].goods) {
        const k = `${c.country}|${hs}`;
        let list = this.exportersBy.get(k);
        if (!list) this.exportersBy.set(k, (list = []));
        list.push(c);
      }
    }
  }

  /** Exporters of the country that trade this code (ordinary firms only). */
  exportersOf(country: CountryCode, hs6: string): Company[] {
    return this.exportersBy.get(`${country}|${hs6}`) ?? [];
  }

  forwardersIn(country: CountryCode): Company[] {
    return this.forwarders.get(country) ?? [];
  }

  private activeMonths(a: Company, b: Company): [number, number] | undefined {
    const first = Math.max(0, monthIndex(Math.max(a.incorporated, b.incorporated)) + 1);
    const endDay = Math.min(a.dissolved ?? TRADE_END, b.dissolved ?? TRADE_END, TRADE_END);
    const last = Math.min(TRADE_MONTHS - 1, monthIndex(endDay) - 1);
    return first <= last ? [first, last] : undefined;
  }

  private makeFlow(r: Rng, exporter: Company, importer: Company, goods: string[], window: [number, number]): Flow {
    const start = r.chance(0.55) ? window[0] : Math.min(window[1], window[0] + r.int(0, 60));
    const end = Math.min(window[1], start + r.int(12, 72));
    const size = r.logUniform(0.4, 2.5);
    const electronicsDealer = !SECTORS[exporter.sector].producer;
    const origin = goods.map((hs) => {
      const ch = hs.slice(0, 2);
      if (!electronicsDealer || (COUNTRIES[exporter.country].region !== 'hub' && r.chance(0.6))) return exporter.country;
      if (ch === '85' || ch === '88') return r.weighted(ELECTRONICS_ORIGINS, (x) => x[1])[0];
      if (ch === '84' || ch === '90') return r.weighted(MACHINERY_ORIGINS, (x) => x[1])[0];
      return exporter.country;
    });
    const flow: Flow = {
      exporter,
      importer,
      goods,
      start,
      end,
      rate: r.logUniform(0.25, 2.6),
      qty: goods.map((hs) => Math.max(1, Math.sqrt(good(hs).lot[0] * good(hs).lot[1]) * size * r.logUniform(0.5, 2))),
      price: goods.map((hs) => r.logUniform(good(hs).price[0], good(hs).price[1])),
      origin,
      growth: Math.max(0.7, 1 + r.normal() * 0.12),
      transport: transportFor(r, exporter.country, importer.country, goods[0]!),
      mirrored: false,
      cutAtInvasion: new Set(),
      feeds: [],
    };
    const coalition = COUNTRIES[exporter.country].region === 'coalition';
    if (coalition && CENTRAL_ASIA.has(importer.country) && r.chance(0.4)) {
      flow.transit = 'RU';
      flow.mirrored = true;
      flow.transport = 'road';
    } else if ((coalition || exporter.country === 'TR') && importer.country === 'AM' && r.chance(0.6)) {
      flow.transit = 'GE';
      flow.transport = 'road';
    }
    if (importer.country === 'RU') {
      goods.forEach((hs, i) => {
        if (!restrictedForRussia(good(hs))) return;
        // coalition suppliers stop; hub re-exporters stop chips, radio parts and drones, and most other restricted goods
        const g = good(hs);
        const cutShare = hs.startsWith('88') ? 1 : g.chpl === '1' || g.chpl === '2' ? 0.9 : 0.7;
        if (coalition || (HUBS.includes(exporter.country) && r.chance(cutShare))) flow.cutAtInvasion.add(i);
      });
    }
    const side = declaringSide(exporter, importer);
    const forwarders = this.forwardersIn(side.customsCountry);
    if (forwarders.length > 0 && r.chance(0.5)) flow.declarant = r.pick(forwarders);
    return flow;
  }

  /**
   * An ordinary relationship of a planted firm (its legitimate history), between two month indices.
   * Returns the flow, or undefined when the firms do not both exist in the window.
   */
  plantFlow(exporter: Company, importer: Company, goods: string[], months: [number, number], rate?: number): Flow | undefined {
    const active = this.activeMonths(exporter, importer);
    if (!active) return undefined;
    const window: [number, number] = [Math.max(active[0], months[0]), Math.min(active[1], months[1])];
    if (window[0] > window[1]) return undefined;
    const r = this.r.fork(`plant-${this.flows.length}`);
    const flow = this.makeFlow(r, exporter, importer, goods, window);
    flow.start = window[0];
    flow.end = window[1];
    if (rate !== undefined) flow.rate = rate;
    this.flows.push(flow);
    this.plantedExpected += this.expectedLines(flow);
    return flow;
  }

  /** A planted forwarder also lodges ordinary declarations as customs broker. */
  registerForwarder(c: Company): void {
    this.forwarders.set(c.country, [...(this.forwarders.get(c.country) ?? []), c]);
  }

  /** Lines a flow is expected to produce. */
  private expectedLines(f: Flow): number {
    const perDecl = (1 + Math.min(3, f.goods.length)) / 2;
    const last = f.cutAtInvasion.size === f.goods.length && f.cutAtInvasion.size > 0 ? Math.min(f.end, 37) : f.end;
    let declarations = 0;
    for (let m = f.start; m <= last; m++) declarations += f.growth ** (m / 12);
    return f.rate * declarations * perDecl * (f.mirrored ? 2 : 1);
  }

  /** Plans ordinary relationships until they are expected to give `target` lines. */
  planFlows(total: number): void {
    const target = Math.max(0, total - this.plantedExpected);
    const r = this.r.fork('flows');
    const importers = this.world.companies.filter((c) => !c.planted && !c.listed && (c.role === 'importer' || c.role === 'reexporter'));
    const reexporters = importers.filter((c) => c.role === 'reexporter');
    const parentOf = new Map<Company, Company>();
    for (const o of this.world.ownerships) if (o.owner.kind === 'company' && o.owner.country !== o.asset.country) parentOf.set(o.asset, o.owner);
    let expected = 0;
    const inboundTarget = target * 0.86;
    let attempts = 0;
    while (expected < inboundTarget && attempts < target * 20) {
      attempts++;
      const importer = r.pick(importers);
      const sources = SOURCES[importer.country];
      const wanted = SECTORS[importer.sector].goods;
      if (wanted.length === 0) continue;
      let exporter: Company | undefined;
      const parent = parentOf.get(importer);
      if (parent && (parent.role === 'supplier' || parent.role === 'reexporter') && r.chance(0.5)) {
        if (SECTORS[parent.sector].goods.some((g) => wanted.includes(g))) exporter = parent;
      }
      for (let t = 0; !exporter && t < 6; t++) {
        const hs = r.pick(wanted);
        const country = r.weightedKey(sources as Record<CountryCode, number>);
        const list = this.exportersOf(country, hs);
        if (list.length > 0) exporter = r.pick(list);
      }
      if (!exporter || exporter === importer) continue;
      const common = SECTORS[exporter.sector].goods.filter((g) => wanted.includes(g));
      const window = this.activeMonths(exporter, importer);
      if (common.length === 0 || !window) continue;
      const goods = r.sample(common, r.int(1, 3));
      const flow = this.makeFlow(r, exporter, importer, goods, window);
      this.flows.push(flow);
      expected += this.expectedLines(flow);
    }
    // legitimate re-exporters sell on: to neighbours, and to Russia (restricted goods mostly stop in 2022)
    const onwardR = this.r.fork('onward');
    const inboundOf = new Map<Company, Flow[]>();
    for (const f of this.flows) if (f.importer.role === 'reexporter') inboundOf.set(f.importer, [...(inboundOf.get(f.importer) ?? []), f]);
    const buyersIn = new Map<CountryCode, Company[]>();
    for (const c of importers) buyersIn.set(c.country, [...(buyersIn.get(c.country) ?? []), c]);
    attempts = 0;
    while (expected < target && reexporters.length > 0 && attempts < target * 20) {
      attempts++;
      const seller = onwardR.pick(reexporters);
      const onward = ONWARD[seller.country];
      if (!onward) continue;
      const country = onwardR.weightedKey(onward as Record<CountryCode, number>);
      const buyers = buyersIn.get(country);
      if (!buyers || buyers.length === 0) continue;
      const buyer = onwardR.pick(buyers);
      const inbound = inboundOf.get(seller) ?? [];
      const feeding = inbound.length > 0 && onwardR.chance(0.35) ? onwardR.pick(inbound) : undefined;
      const sellable = feeding ? feeding.goods : SECTORS[seller.sector].goods;
      const goods = sellable.filter((g) => SECTORS[buyer.sector].goods.includes(g) || buyer.sector === 'general-trading');
      const window = this.activeMonths(seller, buyer);
      if (goods.length === 0 || !window || buyer === seller) continue;
      const flow = this.makeFlow(onwardR, seller, buyer, onwardR.sample(goods, onwardR.int(1, 2)), window);
      if (feeding) {
        flow.rate = 0;
        flow.start = Math.max(flow.start, feeding.start);
        feeding.feeds.push({ flow, share: onwardR.pick([1, 1, 0.5, 0.4, 0.3, 0.25]), markup: onwardR.float(1.04, 1.25), lag: [5, 45] });
        expected += this.expectedLines(feeding) * 0.5;
      } else {
        expected += this.expectedLines(flow);
      }
      this.flows.push(flow);
    }
  }

  /** A declaration planted by a scheme, merged into the extract in date order. */
  declare(spec: DeclarationSpec): Declaration {
    const d = this.build(spec, this.r);
    this.planted.push(d);
    this.plantedExpected += d.lines.length;
    return d;
  }

  private build(spec: DeclarationSpec, r: Rng): Declaration {
    const side = spec.type && spec.customsCountry ? { type: spec.type, customsCountry: spec.customsCountry } : declaringSide(spec.exporter, spec.importer);
    const lines: Line[] = spec.lines.map((l, i) => {
      const g = good(l.hs6);
      const unitPrice = l.unitPrice ?? Math.sqrt(g.price[0] * g.price[1]);
      return {
        key: '',
        declarationNumber: '',
        lineNo: i + 1,
        type: side.type,
        customsCountry: side.customsCountry,
        date: spec.date,
        exporter: spec.exporter,
        exporterName: this.spelling(r, spec.exporter),
        importer: spec.importer,
        importerName: this.spelling(r, spec.importer),
        declarant: spec.declarant,
        hs6: l.hs6,
        description: l.description ?? r.pick(g.trade),
        quantity: l.quantity,
        unit: g.unit,
        netWeight: round(l.quantity * g.kgPerUnit, 3),
        value: round(l.quantity * unitPrice, 2),
        currency: 'USD',
        origin: l.origin ?? spec.exporter.country,
        dispatch: spec.exporter.country,
        destination: spec.destination ?? spec.importer.country,
        transit: spec.transit,
        transport: spec.transport ?? transportFor(r, spec.exporter.country, spec.importer.country, l.hs6),
      };
    });
    return { date: spec.date, type: side.type, customsCountry: side.customsCountry, seq: r.next(), lines };
  }

  private spelling(r: Rng, c: Company): string {
    const names = c.customsNames;
    return names.length === 1 || r.chance(0.7) ? names[0]! : r.pick(names);
  }

  /** The declarations of every month, in date order: ordinary trade, back-to-back sales and planted ones. */
  *months(): Generator<Declaration[]> {
    const r = this.r.fork('lines');
    const pending = new Map<number, Declaration[]>();
    const later = (d: Declaration) => {
      const m = monthIndex(d.date);
      if (d.date > TRADE_END) return;
      let list = pending.get(m);
      if (!list) pending.set(m, (list = []));
      list.push(d);
    };
    for (const d of this.planted) later(d);
    for (let m = 0; m < TRADE_MONTHS; m++) {
      const first = monthStart(m);
      const year = yearOf(first);
      const month = monthOf(first);
      const days = daysInMonth(year, month);
      for (const f of this.flows) {
        if (m < f.start || m > f.end || f.rate === 0) continue;
        const season = SEASONS[good(f.goods[0]!).season][month - 1]!;
        const k = r.poisson(f.rate * season * f.growth ** (year - 2019 + (month - 1) / 12));
        for (let i = 0; i < k; i++) {
          const date = dayOf(year, month, r.int(1, days));
          const picks = r.sample(f.goods.map((_, gi) => gi), r.int(1, Math.min(3, f.goods.length))).sort((a, b) => a - b);
          const lines: LineSpec[] = [];
          for (const gi of picks) {
            if (date >= INVASION && f.cutAtInvasion.has(gi)) continue;
            const g = good(f.goods[gi]!);
            const qty = Math.max(1, Math.round(f.qty[gi]! * Math.exp(r.normal() * 0.35)));
            const drift = 1 + 0.03 * (year - 2019) + r.normal() * 0.06;
            lines.push({ hs6: g.hs6, quantity: qty, unitPrice: f.price[gi]! * Math.max(0.7, drift), origin: f.origin[gi] });
          }
          if (lines.length === 0) continue;
          const spec: DeclarationSpec = { date, exporter: f.exporter, importer: f.importer, lines, transit: f.transit, declarant: f.declarant, transport: f.transport };
          if (f.mirrored) {
            later(this.build({ ...spec, type: 'EX', customsCountry: f.exporter.country }, r));
            // now and then the arrival is missing from the extract (coverage gaps), not only in false transit
            if (r.chance(0.995)) later(this.build({ ...spec, date: date + r.int(6, 20), type: 'IM', customsCountry: f.importer.country }, r));
          } else {
            later(this.build(spec, r));
          }
          for (const feed of f.feeds) {
            const onward = lines.filter((l) => feed.flow.goods.includes(l.hs6));
            const when = date + r.int(feed.lag[0], feed.lag[1]);
            if (onward.length === 0 || monthIndex(when) > feed.flow.end) continue;
            const out = onward
              .map((l) => ({ ...l, quantity: Math.max(1, Math.round(l.quantity * feed.share)), unitPrice: l.unitPrice! * feed.markup }))
              .filter((l) => !(when >= INVASION && feed.flow.cutAtInvasion.has(feed.flow.goods.indexOf(l.hs6))));
            if (out.length > 0) later(this.build({ date: when, exporter: feed.flow.exporter, importer: feed.flow.importer, lines: out, declarant: feed.flow.declarant, transport: feed.flow.transport }, r));
          }
        }
      }
      const due = pending.get(m) ?? [];
      pending.delete(m);
      due.sort((a, b) => a.date - b.date || a.seq - b.seq);
      yield due;
    }
  }
}
