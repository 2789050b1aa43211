import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkScale, checkSeed, type BuildResult } from '../../src/demo/world/build.js';
import { entityId } from '../../src/demo/world/ids.js';
import { listedNameKeys, nameKey } from '../../src/demo/world/listed-names.js';
import type { TruthScheme } from '../../src/demo/world/truth.js';
import { kgInn, kzBin, kzIin, ruInn, ruOgrn } from '../../src/model/identifiers.js';
import { UsageError } from '../../src/sources/errors.js';
import { WorldFiles, smallWorld, type Row } from './fixture.js';

const KINDS = [
  'same-owner-both-sides', 'family-pass-through', 'post-invasion-russian-founders', 'phoenix-successor', 'address-cluster', 'false-transit',
  'split-shipments', 'forwarder-consignee', 'goods-inconsistent-with-business', 'price-anomaly', 'layered-ownership-listed-owner',
  'listed-party-trade', 'relatives-across-route', 'sudden-surge',
];

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function digest(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, sha(path.join(dir, f))]));
}

describe('synthetic world', () => {
  let built: BuildResult;
  let w: WorldFiles;
  const scheme = (kind: string): TruthScheme => built.truth.schemes.find((s) => s.kind === kind)!;
  const keysOf = (s: TruthScheme, role: string) => s.entities.filter((e) => e.role === role).map((e) => e.source_key);
  const unitPrice = (l: Row) => Number(l['value']) / Number(l['quantity']);

  beforeAll(async () => {
    built = await smallWorld(7);
    w = new WorldFiles(built.outDir);
  }, 180_000);

  it('gives byte-identical files for the same seed and scale, other files for another seed', async () => {
    const again = await smallWorld(7);
    expect(digest(again.outDir)).toEqual(digest(built.outDir));
    expect(Object.keys(digest(built.outDir))).toEqual([
      'companies.csv', 'customs_parties.csv', 'directorships.csv', 'family.csv', 'ownership.csv', 'people.csv',
      'shipments_2019.csv', 'shipments_2020.csv', 'shipments_2021.csv', 'shipments_2022.csv', 'shipments_2023.csv', 'shipments_2024.csv', 'truth.json',
    ]);
    const other = await smallWorld(8);
    expect(sha(path.join(other.outDir, 'companies.csv'))).not.toBe(sha(path.join(built.outDir, 'companies.csv')));
  });

  it('scales its size with --scale and keeps every planted scheme at any size', async () => {
    const c = built.truth.counts;
    expect(c['companies']).toBeGreaterThan(0.02 * 20_000 * 0.9);
    expect(c['companies']).toBeLessThan(0.02 * 20_000 * 1.3);
    expect(c['people']).toBeGreaterThan(0.02 * 30_000 * 0.9);
    expect(c['shipment_lines']).toBeGreaterThan(0.02 * 200_000 * 0.75);
    expect(c['shipment_lines']).toBeLessThan(0.02 * 200_000 * 1.3);
    const bigger = await smallWorld(7, 0.06);
    expect(bigger.truth.counts['companies']).toBeGreaterThan(2.5 * c['companies']!);
    expect(bigger.truth.counts['shipment_lines']).toBeGreaterThan(2.2 * c['shipment_lines']!);
    expect(bigger.truth.schemes.map((s) => s.kind)).toEqual(built.truth.schemes.map((s) => s.kind));
  }, 120_000);

  it('lists every planted scheme in the truth with its kind, entities, ties, shipments, flags and route', () => {
    const t = built.truth;
    expect(t.schemes.length).toBeGreaterThanOrEqual(12);
    expect(t.schemes.map((s) => s.kind).sort()).toEqual([...KINDS].sort());
    for (const s of t.schemes) {
      expect(s.entities.length, s.id).toBeGreaterThan(0);
      expect(s.shipments.length, s.id).toBeGreaterThan(0);
      expect(s.red_flags.defining.length, s.id).toBeGreaterThan(0);
      for (const f of s.red_flags.defining) expect(s.red_flags.expected, s.id).toContain(f);
      expect(s.route.intermediaries.length, s.id).toBeGreaterThan(0);
      for (const e of s.entities) {
        const row = e.schema === 'Company' ? w.company.get(e.source_key) : w.person.get(e.source_key);
        expect(row, `${s.id} ${e.source_key}`).toBeDefined();
        expect(row!['name']).toBe(e.name);
        expect(e.id).toBe(entityId('party', e.source_key));
      }
      const ids = new Set(s.entities.map((e) => e.id));
      for (const r of [...s.route.suppliers, ...s.route.intermediaries, ...s.route.buyers]) expect(ids, s.id).toContain(r);
      s.shipment_keys.forEach((k, i) => {
        expect(w.line.get(k), `${s.id} ${k}`).toBeDefined();
        expect(s.shipments[i]).toBe(entityId('line', k));
      });
    }
    expect(t.listed_parties.map((p) => p.name)).toEqual(['JOINT STOCK COMPANY TRADING HOUSE ROSEL', 'OSOO KARGOLAYN']);
    expect(t.decoys.map((d) => d.kind)).toEqual(['ended-ownership']);
  });

  it('plants the evidence that defines each scheme', () => {
    // S01: one person owns the hub importer and the Russian buyer
    const s01 = scheme('same-owner-both-sides');
    const [owner] = keysOf(s01, 'owner');
    const [hub01] = keysOf(s01, 'hub-intermediary');
    const [buyer01] = keysOf(s01, 'buyer');
    expect(w.ownersOf(hub01!).map((o) => o['owner_key'])).toContain(owner);
    expect(w.ownersOf(buyer01!).map((o) => o['owner_key'])).toContain(owner);
    expect(w.company.get(hub01!)!['incorporation_date']).toMatch(/^2022-04/);

    // S02: parents own the German exporter, their son the Astana firm; 2,598 chips in and out in September 2022
    const s02 = scheme('family-pass-through');
    const [exporter] = keysOf(s02, 'supplier');
    const [hub02] = keysOf(s02, 'hub-intermediary');
    const [son] = keysOf(s02, 'relative');
    const parents = keysOf(s02, 'owner');
    expect(w.company.get(exporter!)!['country']).toBe('DE');
    expect(w.ownersOf(exporter!).map((o) => o['owner_key']).sort()).toEqual([...parents].sort());
    expect(w.ownersOf(hub02!).map((o) => o['owner_key'])).toEqual([son]);
    for (const p of parents) expect(w.family.some((f) => f['person_key'] === p && f['relative_key'] === son && f['relationship'] === 'son')).toBe(true);
    const sept = w.linesOf(s02.shipment_keys).filter((l) => l['quantity'] === '2598' && WorldFiles.date(l).startsWith('2022-09'));
    expect(sept.map((l) => [l['exporter_key'], l['importer_key']])).toEqual([[exporter, hub02], [hub02, keysOf(s02, 'buyer')[0]]]);

    // S03: hub firms registered after the invasion by Russian nationals; the Kyrgyz one shows its date only in its INN
    const s03 = scheme('post-invasion-russian-founders');
    for (const hub of keysOf(s03, 'hub-intermediary')) {
      const c = w.company.get(hub)!;
      const date = c['country'] === 'KG' ? kgInn(c['tax_number']!).date! : c['incorporation_date']!;
      expect(date >= '2022-02-24', hub).toBe(true);
      if (c['country'] === 'KG') expect(c['incorporation_date']).toBe('');
      for (const o of w.ownersOf(hub)) expect(w.person.get(o['owner_key']!)!['nationality']).toBe('RU');
    }

    // S04: the successor names the listed Kyrgyz firm as predecessor and sits at its address
    const s04 = scheme('phoenix-successor');
    const [successor] = keysOf(s04, 'successor');
    const [predecessor] = keysOf(s04, 'predecessor');
    expect(w.company.get(predecessor!)!['name']).toBe('OSOO KARGOLAYN');
    expect(w.company.get(successor!)!['predecessor_key']).toBe(predecessor);
    expect(w.company.get(successor!)!['address']).toMatch(/Шабдан Баатыра, 27\/1/);
    expect(w.companies.filter((c) => c['predecessor_key'] !== '')).toHaveLength(1);

    // S05: six firms, one flat (one of them spelled differently), one phone, one director
    const s05 = scheme('address-cluster');
    const cluster = [...keysOf(s05, 'hub-intermediary'), ...keysOf(s05, 'shell')].map((k) => w.company.get(k)!);
    expect(cluster).toHaveLength(6);
    expect(new Set(cluster.map((c) => c['phone'])).size).toBe(1);
    expect(new Set(cluster.map((c) => c['address'])).size).toBe(2);
    const directors = new Set(cluster.flatMap((c) => w.directorships.filter((d) => d['company_key'] === c['company_key']).map((d) => d['director_key'])));
    expect([...directors]).toEqual(keysOf(s05, 'nominee'));

    // S06: export declarations in transit through Russia with no arrival; ordinary transit consignments arrive
    const s06 = scheme('false-transit');
    const [consignee] = keysOf(s06, 'consignee');
    const transit = w.linesOf(s06.shipment_keys);
    expect(transit.every((l) => l['declaration_type'] === 'EX' && l['transit_country'] === 'RU' && l['importer_key'] === consignee && l['destination_country'] === 'KG')).toBe(true);
    expect(w.lines.filter((l) => l['importer_key'] === consignee && l['declaration_type'] === 'IM')).toHaveLength(0);

    // S07: one lot in, many lots under 10,000 USD out, summing to it
    const s07 = scheme('split-shipments');
    const [hub07] = keysOf(s07, 'hub-intermediary');
    const lines07 = w.linesOf(s07.shipment_keys);
    for (const hs of ['854232', '854231']) {
      const inbound = lines07.filter((l) => l['importer_key'] === hub07 && l['hs_code'] === hs);
      const outbound = lines07.filter((l) => l['exporter_key'] === hub07 && l['hs_code'] === hs);
      expect(inbound).toHaveLength(1);
      expect(outbound.length).toBeGreaterThanOrEqual(20);
      expect(outbound.reduce((n, l) => n + Number(l['quantity']), 0)).toBe(Number(inbound[0]!['quantity']));
      expect(outbound.every((l) => Number(l['value']) < 10_000)).toBe(true);
    }

    // S08: a freight forwarder is the consignee; S09: a fruit wholesaler ships bearings and instruments
    const s08 = scheme('forwarder-consignee');
    expect(w.company.get(keysOf(s08, 'hub-intermediary')[0]!)!['activity_code']).toBe('52.29');
    const s09 = scheme('goods-inconsistent-with-business');
    const [hub09] = keysOf(s09, 'hub-intermediary');
    expect(w.company.get(hub09!)!['activity_code']).toBe('46.31');
    expect(w.linesOf(s09.shipment_keys).every((l) => /^(84|90)/.test(l['hs_code']!))).toBe(true);

    // S10: processors out at a small fraction of the price they came in at
    const s10 = scheme('price-anomaly');
    const [hub10] = keysOf(s10, 'hub-intermediary');
    const lines10 = w.linesOf(s10.shipment_keys).filter((l) => l['hs_code'] === '854231');
    const inPrice = Math.min(...lines10.filter((l) => l['importer_key'] === hub10).map(unitPrice));
    const outPrice = Math.max(...lines10.filter((l) => l['exporter_key'] === hub10).map(unitPrice));
    expect(outPrice).toBeLessThan(inPrice / 10);

    // S11: listed firm → Dubai holding → Hong Kong holding → Kazakh trader
    const s11 = scheme('layered-ownership-listed-owner');
    const [rosel] = keysOf(s11, 'listed-party');
    const [hub11] = keysOf(s11, 'hub-intermediary');
    let upper = w.ownersOf(hub11!).map((o) => o['owner_key']!).find((k) => w.company.has(k))!;
    const chain = [upper];
    while (upper !== rosel) {
      upper = w.ownersOf(upper)[0]!['owner_key']!;
      chain.push(upper);
    }
    expect(chain.map((k) => w.company.get(k)!['country'])).toEqual(['HK', 'AE', 'RU']);

    // S12: the listed firm is the buyer; S13: brothers own the two ends
    const s12 = scheme('listed-party-trade');
    expect(w.linesOf(s12.shipment_keys).filter((l) => l['importer_key'] === keysOf(s12, 'buyer')[0]).length).toBeGreaterThan(0);
    expect(w.company.get(keysOf(s12, 'buyer')[0]!)!['inn']).toBe('7718564221');
    const s13 = scheme('relatives-across-route');
    const [elder] = keysOf(s13, 'relative');
    const [younger] = keysOf(s13, 'founder');
    expect(w.family.some((f) => f['person_key'] === elder && f['relative_key'] === younger && f['relationship'] === 'brother')).toBe(true);

    // S14: an old building-materials firm with no electronics before 2022
    const s14 = scheme('sudden-surge');
    const [hub14] = keysOf(s14, 'hub-intermediary');
    expect(w.company.get(hub14!)!['incorporation_date']! < '2012').toBe(true);
    const electronics = w.lines.filter((l) => l['importer_key'] === hub14 && l['hs_code']!.startsWith('85'));
    expect(electronics.length).toBeGreaterThan(0);
    expect(electronics.every((l) => WorldFiles.date(l) >= '2022-05-01')).toBe(true);

    // the decoy's common owner left the Kazakh firm before the two firms began to trade
    const decoy = built.truth.decoys[0]!;
    const ended = decoy.links.find((l) => l.schema === 'Ownership' && l.end_date)!;
    const first = w.linesOf(decoy.shipment_keys).map(WorldFiles.date).sort()[0]!;
    expect(ended.end_date! < first).toBe(true);
  });

  it('declares ordinary consignments in transit through Russia again on arrival (what false transit lacks)', async () => {
    const larger = await smallWorld(7, 0.1);
    const lw = new WorldFiles(larger.outDir);
    const planted = new Set(larger.truth.schemes.find((x) => x.kind === 'false-transit')!.shipment_keys);
    const key = (l: Row) => `${l['exporter_key']}|${l['importer_key']}|${l['hs_code']}|${l['quantity']}`;
    const arrivals = new Set(lw.lines.filter((l) => l['declaration_type'] === 'IM' && l['transit_country'] === 'RU').map(key));
    const exports = lw.lines.filter((l) => l['declaration_type'] === 'EX' && l['transit_country'] === 'RU');
    const unmatched = new Set(exports.filter((l) => !arrivals.has(key(l))).map((l) => l['line_key']!));
    for (const k of planted) expect(unmatched).toContain(k);
    const ordinary = exports.filter((l) => !planted.has(l['line_key']!));
    expect(ordinary.length).toBeGreaterThan(50);
    expect(ordinary.filter((l) => unmatched.has(l['line_key']!)).length).toBeLessThan(ordinary.length * 0.05);
  }, 120_000);

  it('gives identifiers that validate and agree with the registry dates', () => {
    let checked = 0;
    for (const c of w.companies) {
      if (c['country'] === 'KZ') {
        const bin = kzBin(c['registration_number']!);
        expect(bin.valid, c['registration_number']).toBe(true);
        if (c['incorporation_date']) expect(c['incorporation_date']!.slice(0, 7)).toBe(bin.date);
        checked++;
      }
      if (c['country'] === 'KG') {
        const inn = kgInn(c['tax_number']!);
        expect(inn.valid).toBe(true);
        if (c['incorporation_date']) expect(c['incorporation_date']).toBe(inn.date);
      }
      if (c['country'] === 'RU') {
        expect(ruInn(c['inn']!).valid, c['inn']).toBe(true);
        const ogrn = ruOgrn(c['ogrn']!);
        expect(ogrn.valid, c['ogrn']).toBe(true);
        expect(c['incorporation_date']!.slice(0, 4)).toBe(ogrn.date);
      }
    }
    for (const p of w.people) {
      if (p['country'] === 'KZ' && p['id_number']) {
        expect(kzIin(p['id_number']!).date).toBe(p['birth_date']);
        checked++;
      }
      if (p['inn']) expect(ruInn(p['inn']!).valid).toBe(true);
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('uses invented names: no name or alias is a name on the bundled lists, but for the planted listed parties', async () => {
    const keys = await listedNameKeys();
    const listedKeys = new Set(built.truth.listed_parties.map((p) => p.source_key));
    const hits: string[] = [];
    for (const c of w.companies) {
      for (const n of [c['name']!, ...c['alias']!.split(';').filter(Boolean)]) if (keys.has(nameKey(n, 'Company')) && !listedKeys.has(c['company_key']!)) hits.push(n);
    }
    for (const p of w.people) {
      for (const n of [p['name']!, ...p['alias']!.split(';').filter(Boolean)]) if (keys.has(nameKey(n, 'Person'))) hits.push(n);
    }
    expect(hits).toEqual([]);
    for (const key of listedKeys) expect(keys.has(nameKey(w.company.get(key)!['name']!, 'Company'))).toBe(true);
  }, 120_000);

  it('writes names across scripts: Cyrillic registry names with Latin customs spellings', () => {
    const cyrillic = w.parties.filter((p) => /[\u0400-\u04ff]/.test(w.company.get(p['party_key']!)!['name']!));
    expect(cyrillic.length).toBeGreaterThan(10);
    expect(cyrillic.every((p) => /^[\x20-\x7e]+$/.test(p['name']!))).toBe(true);
    expect(w.companies.some((c) => /[\u4e00-\u9fff]/.test(c['name']!) && /Co\., Ltd\./.test(c['alias']!))).toBe(true);
  });

  it('marks every row as synthetic', () => {
    const marker = built.truth.marker.value;
    expect(marker).toBe('synthetic: generated by sanctrace demo build (seed 7, scale 0.02)');
    for (const rows of [w.companies, w.people, w.ownership, w.directorships, w.family, w.parties, w.lines]) {
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r['synthetic'] === marker)).toBe(true);
    }
  });

  it('rejects a scale or seed out of range', () => {
    expect(() => checkScale(0)).toThrow(UsageError);
    expect(() => checkScale(Number.NaN)).toThrow(/--scale/);
    expect(() => checkSeed(-1)).toThrow(UsageError);
    expect(() => checkSeed(1.5)).toThrow(/--seed/);
  });
});
