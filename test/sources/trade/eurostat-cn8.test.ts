/**
 * The shipped real extract (EU member states' monthly exports of sanctioned CN8 goods to RU, BY,
 * KZ, GE, AM, UZ, KG, 2020-01 … 2022-11): it loads completely, and its totals per partner and
 * window equal an independent plain-SQL computation over the raw file.
 */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../../src/model/paths.js';
import { DuckDbStore } from '../../../src/store/duckdb/duckdb-store.js';
import { flowSeries } from '../../../src/trade/flows.js';
import { parseGoods } from '../../../src/trade/goods.js';
import { detectHubs, type HubReport } from '../../../src/trade/hubs.js';
import { ingestTrade, type TradeIngestResult } from '../../../src/trade/ingest.js';
import { tempDir } from '../../helpers.js';

const FILE = path.join(DATA_DIR, 'trade', 'eurostat_comext_cn8_exports_monthly_2020_2022_ch85_88_90.csv.gz');
const PARTNERS: Record<string, string> = {
  'Russian Federation (Russia)': 'RU',
  'Belarus (Belorussia)': 'BY',
  Kazakhstan: 'KZ',
  Georgia: 'GE',
  Armenia: 'AM',
  Uzbekistan: 'UZ',
  Kyrgyzstan: 'KG',
};
const WINDOWS = { baseline: ['2021-03', '2021-11'], period: ['2022-03', '2022-11'] } as const;

type Totals = Record<string, { baseline: number; period: number }>;

/** Plain SQL over the raw CSV, with nothing of sanctrace: totals per partner and window. */
async function independentTotals(): Promise<{ all: Totals; topLevel: Totals; lines: number; codeLengths: number[] }> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const names = Object.entries(PARTNERS).map(([n, iso]) => `('${n}', '${iso}')`).join(', ');
  await c.run(`CREATE TABLE raw AS SELECT cn8::VARCHAR AS code, reporter, partner, period, value_eur AS v
    FROM read_csv('${FILE}', types = {'cn8': 'VARCHAR', 'value_eur': 'DOUBLE'})`);
  const [[lines]] = (await c.runAndReadAll('SELECT count(*) FROM raw')).getRows() as [[bigint]];
  const lengths = (await c.runAndReadAll('SELECT DISTINCT length(code) FROM raw ORDER BY 1')).getRows().map((r) => Number(r[0]));
  // In this file a 4-digit heading row totals the CN8 rows under it (same reporter, partner, month).
  const query = (topLevelOnly: boolean) => `
    WITH heads AS (SELECT DISTINCT reporter, partner, period, code FROM raw WHERE length(code) = 4),
    kept AS (SELECT r.* FROM raw r ${topLevelOnly ? `WHERE NOT (length(r.code) = 8 AND EXISTS (
      SELECT 1 FROM heads h WHERE h.reporter = r.reporter AND h.partner = r.partner AND h.period = r.period AND h.code = substr(r.code, 1, 4)))` : ''})
    SELECT m.iso, CASE WHEN period BETWEEN '${WINDOWS.baseline[0]}' AND '${WINDOWS.baseline[1]}' THEN 'baseline' ELSE 'period' END AS w, sum(v)
    FROM kept JOIN (VALUES ${names}) m(name, iso) ON m.name = kept.partner
    WHERE period BETWEEN '${WINDOWS.baseline[0]}' AND '${WINDOWS.baseline[1]}' OR period BETWEEN '${WINDOWS.period[0]}' AND '${WINDOWS.period[1]}'
    GROUP BY ALL`;
  const collect = async (topLevelOnly: boolean): Promise<Totals> => {
    const out: Totals = {};
    for (const [iso, w, sum] of (await c.runAndReadAll(query(topLevelOnly))).getRows() as Array<[string, 'baseline' | 'period', number]>) {
      (out[iso] ??= { baseline: 0, period: 0 })[w] = sum;
    }
    return out;
  };
  const result = { all: await collect(false), topLevel: await collect(true), lines: Number(lines), codeLengths: lengths };
  c.closeSync();
  db.closeSync();
  return result;
}

describe('the real Eurostat CN8 extract', () => {
  let store: DuckDbStore;
  let loaded: TradeIngestResult;
  let expected: Awaited<ReturnType<typeof independentTotals>>;
  const dir = tempDir('sanctrace-cn8-');

  beforeAll(async () => {
    store = await DuckDbStore.open(path.join(dir, 'cn8.duckdb'));
    loaded = await ingestTrade(store, { format: 'eurostat-cn8', inputs: [FILE], dataset: 'eu_cn8' });
    expected = await independentTotals();
  }, 300_000);
  afterAll(async () => store?.close());

  it('loads completely: every line a flow, nothing skipped', () => {
    expect(loaded.status).toBe('loaded');
    expect(loaded.version.version).toBe('2023-01-13'); // "dataset last updated" of the extract
    expect(expected.lines).toBe(100_600);
    expect(loaded.report?.lines).toBe(expected.lines);
    expect(loaded.report?.rows).toBe(expected.lines);
    expect(loaded.report?.handled).toEqual({});
    expect(loaded.report?.areas).toEqual([]);
    expect(loaded.report?.periods).toMatchObject({ first: '2020-01', last: '2022-11', monthly: expected.lines });
    expect(loaded.report?.nomenclatures).toEqual(['CN2020', 'CN2021', 'CN2022']);
  });

  it('totals per partner and window equal plain SQL over the raw file, counting heading rows once', async () => {
    expect(expected.codeLengths).toEqual([4, 8]);
    expect(Object.keys(expected.topLevel).sort()).toEqual(Object.values(PARTNERS).sort());
    for (const [iso, want] of Object.entries(expected.topLevel)) {
      const { series } = await flowSeries(store, { partners: iso, monthly: true });
      const sum = (from: string, to: string) => series.filter((s) => s.period >= from && s.period <= to).reduce((a, s) => a + s.value, 0);
      expect(sum(...WINDOWS.baseline)).toBeCloseTo(want.baseline, 2);
      expect(sum(...WINDOWS.period)).toBeCloseTo(want.period, 2);
      // the heading rows are real: counting them as well would overstate the totals
      expect(expected.all[iso]!.baseline).toBeGreaterThan(want.baseline);
    }
    const hubs = await detectHubs(store, { goods: parseGoods('all') });
    for (const c of hubs.countries) {
      expect(c.baseline_value).toBeCloseTo(expected.topLevel[c.country]!.baseline, 2);
      expect(c.period_value).toBeCloseTo(expected.topLevel[c.country]!.period, 2);
    }
  });

  describe('hubs', () => {
    let all: HubReport;
    let chpl: HubReport;
    beforeAll(async () => {
      all = await detectHubs(store, { goods: parseGoods('all') });
      chpl = await detectHubs(store, { goods: parseGoods('chpl') });
    }, 120_000);

    it('--goods all shows Russia\'s collapse and ranks its neighbours by their rise', () => {
      const ru = all.countries.find((c) => c.country === 'RU')!;
      expect(ru.growth).toBeLessThan(-0.5);
      expect(ru.rank).toBeNull();
      expect(ru.score).toBeLessThan(Math.min(...all.countries.filter((c) => c.country !== 'RU').map((c) => c.score)));
      const ranked = all.countries.filter((c) => c.rank !== null);
      expect(ranked.map((c) => c.country).slice(0, 2).sort()).toEqual(['AM', 'KG']); // the fastest risers, as published
      for (const c of ranked.filter((x) => x.country !== 'BY')) expect(c.growth).toBeGreaterThan(0.5);
      // ranked by their rise: growth falls with the rank among the neighbours
      const growths = ranked.map((c) => c.log_growth);
      expect(growths.slice(0, 2).every((g) => g > Math.max(...growths.slice(2)))).toBe(true);
      // the leaders' drivers include codes whose exports to Russia collapsed (851762: −99%)
      for (const c of ranked.slice(0, 2)) expect(c.drivers.slice(0, 3).some((d) => (d.russia?.growth ?? 0) < -0.5), c.country).toBe(true);
    });

    it('--goods chpl explains the leaders by the CHPL codes that drive them', () => {
      expect(chpl.goods.series).toBeGreaterThan(10);
      for (const c of chpl.countries.slice(0, 3)) {
        expect(c.drivers.length).toBeGreaterThan(0);
        for (const d of c.drivers) expect(d.chpl_tier).toMatch(/^TIER_/);
        expect(c.drivers[0]!.period).toBeGreaterThan(c.drivers[0]!.baseline);
        expect(c.partners[0]!.reporter).toMatch(/^[A-Z]{2}$/);
        expect(c.months).toHaveLength(18);
      }
      expect(chpl.method.steps.join(' ')).toMatch(/control goods/);
    });
  });
});
