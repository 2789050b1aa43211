/**
 * The hub method on small hand-made tables where the right answer is obvious. Values per month;
 * the default windows are March–November 2021 against March–November 2022.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseGoods } from '../../src/trade/goods.js';
import { detectHubs, type HubReport, type HubResult } from '../../src/trade/hubs.js';
import { flowSeries } from '../../src/trade/flows.js';
import { parseWindow } from '../../src/trade/periods.js';
import { before_after, cn8Csv, tradeStore, type TradeStore } from './helpers.js';

const EU27 = 'European Union - 27 countries (AT, BE, BG, CY, CZ, DE, DK, EE, ES, FI, FR, GR, HR, HU, IE, IT, LT, LU, LV, MT, NL, PL, PT, RO, SE, SI, SK)';
const byCountry = (r: HubReport, c: string): HubResult => {
  const found = r.countries.find((x) => x.country === c);
  if (!found) throw new Error(`no ${c} in ${r.countries.map((x) => x.country).join(', ')}`);
  return found;
};

let t: TradeStore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('difference-in-differences against control goods of the same chapter', () => {
  it('gives no signal when a control good rises as much as the good of interest', async () => {
    t = await tradeStore({
      d: cn8Csv([
        // Kyrgyzstan: integrated circuits ×3, and the control (other goods of chapter 85) ×3 too
        ...before_after('85423190', 'Germany', 'Kyrgyzstan', 100_000, 300_000),
        ...before_after('85444290', 'Germany', 'Kyrgyzstan', 100_000, 300_000),
        // Armenia: circuits ×3, control flat
        ...before_after('85423190', 'Germany', 'Armenia', 100_000, 300_000),
        ...before_after('85444290', 'Germany', 'Armenia', 100_000, 100_000),
        // Georgia: nothing moves
        ...before_after('85423190', 'Germany', 'Georgia', 100_000, 100_000),
        ...before_after('85444290', 'Germany', 'Georgia', 100_000, 100_000),
        // Uzbekistan: circuits +50%, control flat
        ...before_after('85423190', 'Germany', 'Uzbekistan', 100_000, 150_000),
        ...before_after('85444290', 'Germany', 'Uzbekistan', 100_000, 100_000),
      ]),
    });
    const r = await detectHubs(t.store, { goods: parseGoods('chpl:tier1') });
    expect(r.windows).toMatchObject({ baseline: '2021-03..2021-11', period: '2022-03..2022-11' });
    const kg = byCountry(r, 'KG');
    const am = byCountry(r, 'AM');
    const ge = byCountry(r, 'GE');
    expect(kg.growth).toBeCloseTo(2, 10); // the goods tripled…
    expect(kg.control?.growth).toBeCloseTo(2, 10); // …and so did the control
    expect(Math.abs(kg.did!)).toBeLessThan(1e-12);
    expect(kg.components['rise']).toBe(ge.components['rise']); // no more signal than a country where nothing moved
    expect(am.did).toBeCloseTo(Math.log(310_000 / 110_000), 4); // ln((later + floor) / (baseline + floor))
    expect(am.rank).toBe(1);
    expect(byCountry(r, 'UZ').rank).toBe(2);
    expect(r.goods.control_series).toBe(1);
    expect(r.method.steps.join(' ')).toMatch(/Difference-in-differences/);
  });
});

describe('aggregates and subtotals', () => {
  it('counts a flow once: aggregate reporters apart, a heading row only for what its CN8 rows do not detail', async () => {
    t = await tradeStore({
      d: cn8Csv([
        ...before_after('85423190', 'Germany', 'Kazakhstan', 1_000, 1_000),
        ...before_after('8542', 'Germany', 'Kazakhstan', 1_500, 1_500), // heading total: 500 a month not detailed
        ...before_after('85423190', 'France', 'Kazakhstan', 2_000, 2_000),
        ...before_after('85423190', EU27, 'Kazakhstan', 3_000, 3_000), // the EU27's own row: the sum of its members
        ...before_after('8542', EU27, 'Kazakhstan', 3_500, 3_500),
        ...before_after('85423190', 'Germany', 'World', 999_999, 999_999), // an aggregate partner
      ]),
    });
    const r = await detectHubs(t.store, { goods: parseGoods('all') });
    expect(r.countries.map((c) => c.country)).toEqual(['KZ']);
    const kz = byCountry(r, 'KZ');
    expect(kz.baseline_value).toBe(3_500 * 9);
    expect(kz.period_value).toBe(3_500 * 9);
    expect(r.areas.map((a) => [a.reporter, a.partner, a.baseline]).sort()).toEqual([
      ['DE', 'WORLD', 999_999 * 9],
      ['EU27_2020', 'KZ', 3_500 * 9],
    ]);
    expect(r.notes.join(' ')).toMatch(/not summed with countries/);

    const year = async (reporters?: string) => (await flowSeries(t!.store, { reporters, partners: 'KZ', monthly: false })).series.find((s) => s.period === '2021')?.value;
    expect(await year()).toBe(3_500 * 9); // countries only
    expect(await year('EU27')).toBe(3_500 * 9); // the member states
    expect(await year('EU27_2020')).toBe(3_500 * 9); // the aggregate's own rows, named explicitly
  });
});

describe('HS 2017 / HS 2022 bridge', () => {
  const table = () =>
    cn8Csv([
      // drones were aeroplanes ≤ 2 t (8802.20) until 2021, unmanned aircraft (8806) from 2022
      ...before_after('88022000', 'Germany', 'Kyrgyzstan', 1_000_000, 0).filter((r) => r[3].startsWith('2021')),
      ...before_after('88062210', 'Germany', 'Kyrgyzstan', 0, 3_000_000).filter((r) => r[3].startsWith('2022')),
      ...before_after('88024000', 'Germany', 'Kyrgyzstan', 5_000_000, 5_000_000), // airliners: no bridge, not drones
      ...before_after('85423190', 'Germany', 'Armenia', 100_000, 110_000),
    ]);

  it('joins 8802 and 8806 when the windows straddle 2022', async () => {
    t = await tradeStore({ d: table() });
    const r = await detectHubs(t.store, { goods: parseGoods('drones') });
    expect(r.bridged).toBe(true);
    const kg = byCountry(r, 'KG');
    expect(kg.drivers[0]).toMatchObject({ code: '880211+880220+8806', baseline: 9_000_000, period: 27_000_000, growth: 2 });
    expect(kg.drivers[0]!.bridged).toEqual({ HS2017: ['880211', '880220'], HS2022: ['880211', '880220', '8806'] });
    expect(kg.baseline_value).toBe(9_000_000);
    expect(r.notes.join(' ')).toMatch(/bridge applied/);
  });

  it('keeps 8806 on its own when both windows are in HS 2022', async () => {
    t = await tradeStore({ d: table() });
    const r = await detectHubs(t.store, { goods: parseGoods('drones'), baseline: parseWindow('2022-03..2022-05'), period: parseWindow('2022-06..2022-08') });
    expect(r.bridged).toBe(false);
    expect(byCountry(r, 'KG').drivers[0]).toMatchObject({ code: '880622', baseline: 9_000_000, period: 9_000_000 });
  });

  it('bridges the time series of flows too, unless told not to', async () => {
    t = await tradeStore({ d: table() });
    const bridged = await flowSeries(t.store, { reporters: 'DE', partners: 'KG', codes: '8806', monthly: false });
    expect(bridged.series.map((s) => [s.period, s.value])).toEqual([['2021', 9_000_000], ['2022', 27_000_000]]);
    expect(bridged.matched).toEqual({ CN2021: ['88022000'], CN2022: ['88062210'] });
    const plain = await flowSeries(t.store, { reporters: 'DE', partners: 'KG', codes: '8806', monthly: false, bridge: false });
    expect(plain.series.map((s) => [s.period, s.value])).toEqual([['2022', 27_000_000]]);
  });
});

describe('substitution, pass-through, Russia\'s share and the mirror gap', () => {
  it('measures how far a rise replaces Russia\'s fall, good by good', async () => {
    t = await tradeStore({
      d: cn8Csv([
        ...before_after('85423190', 'Germany', 'Russian Federation (Russia)', 1_000_000, 100_000),
        ...before_after('84715000', 'Germany', 'Russian Federation (Russia)', 500_000, 500_000),
        ...before_after('85423190', 'Germany', 'Armenia', 100_000, 700_000), // +600k: within Russia's −900k
        ...before_after('84715000', 'Germany', 'Armenia', 100_000, 300_000), // +200k: Russia did not fall
      ]),
    });
    const r = await detectHubs(t.store, { goods: parseGoods('854231,847150') });
    const am = byCountry(r, 'AM');
    expect(am.substitution).toBeCloseTo(0.75, 10);
    const ru = byCountry(r, 'RU');
    expect(ru.rank).toBeNull(); // the reference, listed last
    expect(r.countries.at(-1)?.country).toBe('RU');
    expect(ru.growth).toBeCloseTo(-0.6, 10);
    expect(am.drivers[0]).toMatchObject({ code: '854231', russia: { baseline: 9_000_000, period: 900_000, growth: -0.9 } });
  });

  it('computes pass-through, Russia\'s share and the mirror gap where the hub reports its own trade', async () => {
    t = await tradeStore({
      d: cn8Csv([
        ...before_after('85423190', 'Germany', 'Kyrgyzstan', 100_000, 500_000), // coalition-reported exports
        ...before_after('85423190', 'Kyrgyzstan', 'Germany', 100_000, 400_000, 'IMPORT'), // the hub's imports
        ...before_after('85423190', 'Kyrgyzstan', 'Russian Federation (Russia)', 0, 240_000, 'EXPORT'),
        ...before_after('85423190', 'Kyrgyzstan', 'Kazakhstan', 50_000, 60_000, 'EXPORT'),
      ]),
    });
    const r = await detectHubs(t.store, { goods: parseGoods('chpl') });
    const kg = byCountry(r, 'KG');
    expect(kg.pass_through).toBeCloseTo(240_000 / 300_000, 4);
    expect(kg.russia_share_change).toBeCloseTo(240 / 300 - 0, 4);
    expect(kg.mirror_gap_change).toBeCloseTo(Math.log(510_000 / 410_000) - Math.log(110_000 / 110_000), 4);
    expect(Object.keys(kg.components).sort()).toEqual(['mirror_gap_change', 'pass_through', 'rise', 'russia_share_change']);
    // Kyrgyzstan's exports to Kazakhstan are its own flow, not coalition supply: Kazakhstan is no hub here
    expect(r.countries.map((c) => c.country)).toEqual(['KG']);
  });
});
