/**
 * Bad trade tables: every problem either fails the load naming the file, the line and the reason
 * (and nothing is loaded), or is handled in a documented way and counted in the load report.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceError, UsageError } from '../../src/sources/errors.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { flowSeries } from '../../src/trade/flows.js';
import { parseGoods } from '../../src/trade/goods.js';
import { detectHubs } from '../../src/trade/hubs.js';
import { ingestTrade } from '../../src/trade/ingest.js';
import { tempDir, writeTemp } from '../helpers.js';
import { before_after, cn8Csv } from './helpers.js';

const HEADER = 'cn8,product,flow,reporter,partner,period,value_eur';
let dir: string;
let store: DuckDbStore;
beforeEach(async () => {
  dir = tempDir('sanctrace-bad-trade-');
  store = await DuckDbStore.open(path.join(dir, 't.duckdb'));
});
afterEach(async () => store.close());

const load = (name: string, text: string, dataset = 'd', version?: string) =>
  ingestTrade(store, { format: 'eurostat-cn8', inputs: [writeTemp(dir, name, text)], dataset, version });
async function failure(name: string, text: string): Promise<SourceError> {
  const e = await load(name, text).catch((x) => x);
  expect(e).toBeInstanceOf(SourceError);
  expect(await store.tradeDatasets()).toEqual([]); // all or nothing
  return e as SourceError;
}

describe('bad trade input', () => {
  it('fails on unknown country names, naming the value, its rows and its first line', async () => {
    const e = await failure('names.csv', `${HEADER}\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-03,10\n85423190,x,EXPORT,Germany,Atlantis,2022-03,10\n85423190,x,EXPORT,Germany,Atlantis,2022-04,10\n`);
    expect(e.message).toMatch(/names\.csv:3: unknown partner in column partner: "Atlantis" \(2 rows, first at line 3\)/);
  });

  it('fails on negative and non-numeric values with their lines; counts "not available" cells as documented', async () => {
    const neg = await failure('neg.csv', `${HEADER}\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-03,10\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-04,-5\n`);
    expect(neg.message).toMatch(/neg\.csv:3: negative value -5 in column value_eur/);
    const nan = await failure('nan.csv', `${HEADER}\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-03,12 000\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-04,abc\n`);
    expect(nan.message).toMatch(/nan\.csv:2: value "12 000" in column value_eur is not a number \(2 rows in all; lines 2, 3\)/);
    const r = await load('na.csv', `${HEADER}\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-03,10\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-04,:\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-05,\n`);
    expect(r.report?.rows).toBe(1);
    const [[reason, issue]] = Object.entries(r.report!.handled) as [[string, { count: number; examples: string[] }]];
    expect(reason).toMatch(/^no value/);
    expect(issue.count).toBe(2);
    expect(issue.examples.map((x) => x.split(':').at(-1))).toEqual(['3', '4']);
  });

  it('keeps identical duplicated rows once and counts them; fails on duplicates with different values', async () => {
    const same = await load('dup.csv', `${HEADER}\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-03,10\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-03,10\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-04,10\n`);
    expect(same.report?.rows).toBe(2);
    expect(same.report?.handled['exact duplicate rows (same flow and value) — kept once']).toMatchObject({ count: 1 });
    const other = await DuckDbStore.open(path.join(dir, 'other.duckdb'));
    try {
      const e = await ingestTrade(other, {
        format: 'eurostat-cn8',
        inputs: [writeTemp(dir, 'conflict.csv', `${HEADER}\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-03,10\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-04,10\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-03,11\n`)],
        dataset: 'd',
      }).catch((x) => x);
      expect(e.message).toMatch(/conflict\.csv:2: duplicated row with a different value: lines 2, 4 report the same flow \(DE → KG, export, code 85423190, period 2022-03\) with values 10 and 11/);
    } finally {
      await other.close();
    }
  });

  it('fails on unreadable periods, flows and codes, and on a missing column', async () => {
    expect((await failure('p.csv', `${HEADER}\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-13,10\n`)).message).toMatch(/p\.csv:2: periods that are not a month or year: "2022-13"/);
    expect((await failure('f.csv', `${HEADER}\n85423190,x,TRANSIT,Germany,Kyrgyzstan,2022-03,10\n`)).message).toMatch(/f\.csv:2: unknown flow in column flow: "TRANSIT"/);
    expect((await failure('c.csv', `${HEADER}\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-03,10\nchips,x,EXPORT,Germany,Kyrgyzstan,2022-03,10\n`)).message).toMatch(/c\.csv:3: product codes that are not HS\/CN codes in column cn8: "chips"/);
    expect((await failure('h.csv', 'cn8,reporter,partner,period,value_eur\n85423190,Germany,Kyrgyzstan,2022-03,10\n')).message).toMatch(/h\.csv:1: no flow column/);
    expect((await failure('w.csv', `${HEADER}\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-03,10,extra\n`)).message).toMatch(/w\.csv:2: a row does not have the 7 columns of the header/);
  });

  it('names the right line after a quoted field that spans lines', async () => {
    const e = await failure('multi.csv', `${HEADER}\n85423190,"two\nlines",EXPORT,Germany,Kyrgyzstan,2022-03,10\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-04,-1\n`);
    expect(e.message).toMatch(/multi\.csv:4: negative value/);
  });

  it('refuses annual and monthly rows of the same flow in one dataset (they would count twice)', async () => {
    const e = await failure('mixed.csv', `${HEADER}\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-03,10\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022,120\n`);
    expect(e.message).toMatch(/mixed\.csv:3: annual row for 2022 while .*mixed\.csv:2 has the same flow by month/);
  });

  it('never sums different currencies: hubs asks which one, flows keeps one series per currency', async () => {
    await load('eur.csv', cn8Csv(before_after('85423190', 'Germany', 'Kyrgyzstan', 100, 300)), 'eur');
    const usd = `reporterCode,partnerCode,cmdCode,flowCode,period,primaryValue,classificationCode\n276,417,854231,X,202103,100,H5\n276,417,854231,X,202203,300,H6\n`;
    await ingestTrade(store, { format: 'comtrade', inputs: [writeTemp(dir, 'usd.csv', usd)], dataset: 'usd' });
    const e = await detectHubs(store, { goods: parseGoods('chpl') }).catch((x) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(/mixed currencies in the trade data \(eur: EUR; usd: USD\).*--currency or --dataset/);
    const eur = await detectHubs(store, { goods: parseGoods('chpl'), currency: 'EUR' });
    expect(eur.countries[0]).toMatchObject({ country: 'KG', baseline_value: 900, currency: 'EUR' });
    const series = await flowSeries(store, { reporters: 'DE', partners: 'KG', monthly: false });
    expect(series.series.map((s) => [s.period, s.currency, s.value])).toEqual([
      ['2021', 'EUR', 900], ['2021', 'USD', 100], ['2022', 'EUR', 2700], ['2022', 'USD', 300],
    ]);
    expect(series.notes.join(' ')).toMatch(/never summed/);
  });

  it('versions trade datasets: unchanged files load nothing, a new version counts its changed flows, a failed one changes nothing', async () => {
    const v1 = `${HEADER}\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-03,10\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-04,20\n`;
    const file = writeTemp(dir, 'v.csv', v1);
    const first = await ingestTrade(store, { format: 'eurostat-cn8', inputs: [file], dataset: 'v', version: 'a' });
    expect(first.version).toMatchObject({ version: 'a', records: 2, statements: 2, added: 2 });
    expect((await ingestTrade(store, { format: 'eurostat-cn8', inputs: [file], dataset: 'v' })).status).toBe('unchanged');
    const v2 = `${HEADER}\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-03,11\n85423190,x,EXPORT,Germany,Kyrgyzstan,2022-05,20\n`;
    const second = await ingestTrade(store, { format: 'eurostat-cn8', inputs: [writeTemp(dir, 'v2.csv', v2)], dataset: 'v', version: 'b' });
    expect(second.version).toMatchObject({ seq: 2, added: 1, removed: 1, changed: 1 });
    expect(await store.delta('v')).toMatchObject({ from: 'a', to: 'b', added: 1, removed: 1, changed: 1, entities: [] });
    const bad = await ingestTrade(store, { format: 'eurostat-cn8', inputs: [writeTemp(dir, 'v3.csv', `${HEADER}\n85423190,x,EXPORT,Germany,Narnia,2022-03,1\n`)], dataset: 'v', version: 'c' }).catch((x) => x);
    expect(bad).toBeInstanceOf(SourceError);
    const after = await flowSeries(store, { datasets: ['v'], monthly: true });
    expect(after.series.map((s) => [s.period, s.value])).toEqual([['2022-03', 11], ['2022-05', 20]]);
    expect((await store.datasets()).find((d) => d.name === 'v')).toMatchObject({ kind: 'trade', version: 'b', versions: 2, rows: 2 });
    // an entity dataset's name is not a trade dataset's
    await expect(detectHubs(store, { datasets: ['nope'], goods: parseGoods('all') })).rejects.toThrow(/no trade dataset named "nope"/);
  });
});
