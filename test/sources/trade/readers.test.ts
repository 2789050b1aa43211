/**
 * The trade readers on the real tables shipped in data/trade (Eurostat monthly totals and annual
 * totals with their aggregates, national statistics, UN Comtrade) and on hand-made files in the
 * official layouts that no real copy was available for (Comext bulk, Comtrade API, CEPII BACI).
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../../src/model/paths.js';
import { SourceError } from '../../../src/sources/errors.js';
import { DuckDbStore } from '../../../src/store/duckdb/duckdb-store.js';
import { flowSeries } from '../../../src/trade/flows.js';
import { parseGoods } from '../../../src/trade/goods.js';
import { detectHubs } from '../../../src/trade/hubs.js';
import { ingestTrade } from '../../../src/trade/ingest.js';
import { parseWindow } from '../../../src/trade/periods.js';
import { tempDir } from '../../helpers.js';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const TRADE = path.join(DATA_DIR, 'trade');
const FIXTURES = path.join(import.meta.dirname, 'fixtures');

let store: DuckDbStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});
async function open(): Promise<DuckDbStore> {
  store = await DuckDbStore.open(path.join(tempDir('sanctrace-readers-'), 't.duckdb'));
  return store;
}
const csvLines = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').split(/\r?\n/).filter(Boolean);

describe('Eurostat relational views (comext)', () => {
  it('loads the monthly totals and keeps the EU27, EU and euro-area reporters apart from the member states', async () => {
    const s = await open();
    const file = path.join(TRADE, 'eurostat_totals', 'eurostat_eu_member_exports_monthly_total_2019_2024.csv.gz');
    const r = await ingestTrade(s, { format: 'comext', inputs: [file], dataset: 'totals' });
    expect(r.report?.rows).toBe(14_063);
    expect(r.report?.areas.filter((a) => a.side === 'reporter').map((a) => `${a.code}:${a.kind}`)).toEqual([
      'EA:aggregate', 'EA20:aggregate', 'EU:aggregate', 'EU27_2020:aggregate',
    ]);
    // members summed for Kyrgyzstan in 2022, independently of the loader: parse the CSV here
    let members = 0;
    let eu27 = 0;
    for (const line of csvLines(file).slice(1)) {
      const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
      const [reporter, partner, , flow, , period, value] = cells;
      if (partner !== 'Kyrgyzstan' || flow !== 'EXPORT' || !period!.startsWith('2022')) continue;
      if (reporter!.startsWith('European Union - 27')) eu27 += Number(value);
      else if (!/^(European Union|Euro area)/.test(reporter!)) members += Number(value);
    }
    const year = (await flowSeries(s, { partners: 'KG', flows: ['export'], monthly: false })).series.find((x) => x.period === '2022');
    expect(year?.value).toBe(members);
    const aggregate = (await flowSeries(s, { reporters: 'EU27_2020', partners: 'KG', flows: ['export'], monthly: false })).series.find((x) => x.period === '2022');
    expect(aggregate?.value).toBe(eu27);
    // all goods, EU member states to the neighbours: Russia falls, Kyrgyzstan rises; aggregates listed apart
    const hubs = await detectHubs(s, { goods: parseGoods('all'), baseline: parseWindow('2021'), period: parseWindow('2023') });
    expect(hubs.countries.find((c) => c.country === 'RU')!.growth).toBeLessThan(-0.4);
    expect(hubs.countries[0]!.country).toBe('KG');
    expect(hubs.areas.some((a) => a.reporter === 'EU27_2020' && a.partner === 'KG')).toBe(true);
  });

  it('loads the annual EU27 totals by partner with their confidential and unspecified partners, and the national imports', async () => {
    const s = await open();
    const annual = await ingestTrade(s, { format: 'comext', inputs: [path.join(TRADE, 'eurostat_totals', 'eurostat_eu27_exports_annual_total_by_partner_2017_2023.csv.gz')], dataset: 'annual' });
    expect(annual.report?.periods).toMatchObject({ first: '2017', last: '2023', annual: 1_696 });
    const kinds = new Set(annual.report?.areas.map((a) => `${a.side}:${a.code}:${a.kind}`));
    expect(kinds).toContain('reporter:EU27_2020:aggregate');
    expect(kinds).toContain('partner:CONF_EXTRA:confidential');
    expect(kinds).toContain('partner:NES_EXTRA:unspecified');
    expect(kinds).toContain('partner:EXTRA_EU27:aggregate');
    const national = await ingestTrade(s, { format: 'comext', inputs: [path.join(TRADE, 'national')], dataset: 'national' });
    expect(national.report?.files).toHaveLength(4);
    expect(national.report?.rows).toBe(573 + 437 + 688 + 1_175);
    expect(national.report?.areas.some((a) => a.code === 'WORLD' && a.side === 'partner')).toBe(true);
    // Kyrgyzstan's own imports from Germany, from the national statistics
    const kg = await flowSeries(s, { datasets: ['national'], reporters: 'KG', partners: 'DE', monthly: false });
    expect(kg.series.map((x) => x.period)).toEqual(['2019', '2020', '2021', '2022', '2023']);
  });

  it('refuses the 2016 annual rows whose French labels put Equatorial Guinea under "Guinea", naming both lines', async () => {
    const s = await open();
    const file = path.join(TRADE, 'eurostat_totals', 'eurostat_eu27_exports_annual_2016_mixed_labels.csv.gz');
    const e = await ingestTrade(s, { format: 'comext', inputs: [file], dataset: 'bad' }).catch((x) => x);
    expect(e).toBeInstanceOf(SourceError);
    expect(e.message).toMatch(/:68: duplicated row with a different value: lines 68, 131 .*EU27_2020 → GN.*125725547 and 901357072/);
    expect(await s.tradeDatasets()).toEqual([]); // nothing loaded
  });
});

describe('Comext bulk files (hand-made, official layouts)', () => {
  it('reads the pre-2024 layout: ISO codes, flows 1/2, regimes summed, confidential partners and codes kept apart', async () => {
    const s = await open();
    const r = await ingestTrade(s, { format: 'comext', inputs: [path.join(FIXTURES, 'comext_bulk_handmade.dat')], dataset: 'bulk' });
    expect(r.report?.files[0]).toMatchObject({ layout: 'Comext bulk file', lines: 7, rows: 5 });
    expect(Object.keys(r.report!.handled)).toEqual([
      'no value (empty, ":", "NA", "N/A", "null", "..": not available or confidential) — row not stored',
      'rows broken down by STAT_REGIME without a total row — summed (1 flows)',
    ]);
    const de = await flowSeries(s, { reporters: 'DE', partners: 'KG', codes: '854231', flows: ['export'], monthly: true });
    expect(de.series.map((x) => [x.period, x.value, x.net_weight_kg])).toEqual([['2021-03', 40_000, 4], ['2022-03', 200_000, 15]]);
    const imports = await flowSeries(s, { reporters: 'NL', flows: ['import'], monthly: true });
    expect(imports.series.map((x) => x.value)).toEqual([9_000]);
    expect(r.report?.areas).toEqual([{ side: 'partner', code: 'QX', kind: 'confidential', rows: 1, value: 20_000 }]);
    const hubs = await detectHubs(s, { goods: parseGoods('all'), baseline: parseWindow('2021-03'), period: parseWindow('2022-03') });
    expect(hubs.countries.map((c) => [c.country, c.baseline_value, c.period_value])).toEqual([['KG', 40_000, 207_000]]); // 8542XXXX counted in "all"
  });

  it('reads the 2024 layout with Comext annual periods (YYYY52) and Eurostat country codes (EL = Greece)', async () => {
    const s = await open();
    const r = await ingestTrade(s, { format: 'comext', inputs: [path.join(FIXTURES, 'comext_bulk_v2_handmade.dat')], dataset: 'bulk2' });
    expect(r.report?.periods).toMatchObject({ first: '2023', last: '2023', annual: 4 - 1 });
    const kz = await flowSeries(s, { reporters: 'DE', partners: 'KZ', codes: '8806', monthly: false });
    expect(kz.series).toEqual([{ period: '2023', months: 12, currency: 'EUR', value: 3_100_000, net_weight_kg: 410, rows: 1 }]);
    expect((await flowSeries(s, { reporters: 'GR', monthly: false })).series[0]?.value).toBe(80_000);
  });
});

describe('UN Comtrade', () => {
  it('reads the v1 API extract of Armenia (M49 codes, USD, CIF imports and FOB exports) and computes its pass-through', async () => {
    const s = await open();
    const file = path.join(TRADE, 'comtrade', 'armenia_smartphones_851713_monthly_2022_2024.csv.gz');
    const r = await ingestTrade(s, { format: 'comtrade', inputs: [file], dataset: 'am' });
    expect(r.report?.rows).toBe(286);
    expect(r.report?.currencies).toEqual(['USD']);
    expect(r.report?.areas).toEqual([expect.objectContaining({ side: 'partner', code: 'NES', kind: 'unspecified' })]);
    // independent sums from the raw CSV (v1 columns: trade_code, partner_code, period, trade_value_us)
    const lines = csvLines(file);
    const header = lines[0]!.split(',').map((h) => h.replace(/"/g, ''));
    const col = (name: string) => header.indexOf(name);
    const sums = { imports2022: 0, exportsRu2023: 0 };
    for (const line of lines.slice(1)) {
      const c = line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((x) => x.replace(/^"|"$/g, ''));
      const year = c[col('year')];
      if (c[col('trade_code')] === 'M' && year === '2022') sums.imports2022 += Number(c[col('trade_value_us')]);
      if (c[col('trade_code')] === 'X' && c[col('partner_code')] === '643' && year === '2023') sums.exportsRu2023 += Number(c[col('trade_value_us')]);
    }
    const imports = await flowSeries(s, { reporters: 'AM', flows: ['import'], monthly: false });
    expect(imports.series.find((x) => x.period === '2022')?.value).toBeCloseTo(sums.imports2022, 2);
    const toRussia = await flowSeries(s, { reporters: 'AM', partners: 'RU', flows: ['export'], monthly: false });
    expect(toRussia.series.find((x) => x.period === '2023')?.value).toBeCloseTo(sums.exportsRu2023, 2);

    const hubs = await detectHubs(s, { goods: parseGoods('851713'), currency: 'USD', baseline: parseWindow('2022-01..2022-06'), period: parseWindow('2023-01..2023-06') });
    const am = hubs.countries.find((c) => c.country === 'AM')!;
    expect(am.pass_through).not.toBeNull();
    expect(am.russia_share_change).not.toBeNull();
  });

  it('reads the current API layout: folds modes of transport and consignment countries into their totals, keeps World apart', async () => {
    const s = await open();
    const r = await ingestTrade(s, { format: 'comtrade', inputs: [path.join(FIXTURES, 'comtrade_api_handmade.csv')], dataset: 'api' });
    expect(r.report?.rows).toBe(5);
    expect(r.report?.nomenclatures).toEqual(['HS2017', 'HS2022']);
    expect(Object.entries(r.report!.handled).map(([k, v]) => [k, v.count])).toEqual([
      ['rows broken down by motCode, customsCode, mosCode whose total row is present — the total is kept', 1],
      ['rows by consignment country (partner2) whose all-countries row is present — the total is kept', 1],
    ]);
    const imports = await flowSeries(s, { reporters: 'KZ', flows: ['import'], monthly: true });
    expect(imports.series.map((x) => [x.period, x.value])).toEqual([['2021-03', 40_000], ['2022-03', 250_000.5]]);
    // X = all exports (re-exports included), RX a part of them: kept as separate flows, never added
    const exports = await flowSeries(s, { reporters: 'KZ', partners: 'RU', monthly: true });
    expect(exports.series.map((x) => x.value)).toEqual([240_000]);
    const onlyX = await flowSeries(s, { reporters: 'KZ', partners: 'RU', flows: ['export'], monthly: true });
    expect(onlyX.series.map((x) => x.value)).toEqual([180_000]);
    expect(r.report?.areas).toEqual([{ side: 'partner', code: 'WORLD', kind: 'aggregate', rows: 1, value: 190_000 }]);
  });
});

describe('CEPII BACI (hand-made file in the official layout)', () => {
  it('reads values in thousand USD and quantities in tonnes, codes through its country table, HS edition from the file name', async () => {
    const s = await open();
    const r = await ingestTrade(s, { format: 'baci', inputs: [path.join(FIXTURES, 'baci_handmade')], dataset: 'baci' });
    expect(r.report?.rows).toBe(5);
    expect(r.report?.nomenclatures).toEqual(['HS2017']);
    expect(r.report?.currencies).toEqual(['USD']);
    const de = await flowSeries(s, { reporters: 'DE', partners: 'KZ', monthly: false });
    expect(de.series).toEqual([{ period: '2021', months: 12, currency: 'USD', value: 1_500_500, net_weight_kg: 200, rows: 1 }]);
    const kg = await flowSeries(s, { reporters: 'DE', partners: 'KG', codes: '010121', monthly: false }); // "10121" lost its leading zero
    expect(kg.series[0]).toMatchObject({ value: 12_250, net_weight_kg: null });
    expect((await flowSeries(s, { reporters: 'FR', monthly: false })).series[0]?.value).toBe(300_000); // BACI 251 = France
    expect(r.report?.areas).toEqual([expect.objectContaining({ side: 'reporter', code: 'OTHER_ASIA_NES', kind: 'unspecified' })]);
  });

  it('needs the country table and the HS edition', async () => {
    const s = await open();
    const data = path.join(FIXTURES, 'baci_handmade', 'BACI_HS17_Y2021_V202401_handmade.csv');
    await expect(ingestTrade(s, { format: 'baci', inputs: [data], dataset: 'baci' })).rejects.toThrow(/country_codes/);
  });
});

