/**
 * Trade benchmark; prints one JSON object.
 * - ingest of the shipped 1.1M-row Eurostat CN8 extract into a fresh store (target ≤ 10 s);
 * - hub ranking (`hubs --goods chpl`) over a generated table of 10M rows (target ≤ 2 s), and its
 *   ratio to a bare DuckDB aggregation of the same rows (sum by partner, code and window;
 *   target ≤ 3×).
 * The generated table: 27 EU reporters × 40 partners × 400 CN8 codes (the 50 CHPL codes and 350
 * other codes of chapters 84, 85, 88, 90) × 24 months (2021–2022), written straight into
 * trade_flows as the loader writes it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATA_DIR, PACKAGE_ROOT } from '../src/model/paths.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { TRADE_FLOW_COLUMNS } from '../src/store/duckdb/trade-load.js';
import { EU27 } from '../src/trade/areas.js';
import { chplCodes } from '../src/trade/chpl.js';
import { parseGoods } from '../src/trade/goods.js';
import { hsNomenclature } from '../src/trade/hs.js';
import { detectHubs } from '../src/trade/hubs.js';
import { ingestTrade } from '../src/trade/ingest.js';
import { monthIndex, parseWindow } from '../src/trade/periods.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
// the whole 1.1M-row extract where the development data sits beside the repository; else the shipped cut
const FULL_EXTRACT =
  process.env['SANCTRACE_TRADE_EXTRACT'] ??
  path.join(PACKAGE_ROOT, '..', 'shared', 'data', 'trade_eurostat_cn8_sanctioned', 'eurostat_comext_cn8_sanctioned_exports_monthly_2020_2022.csv.gz');
const EXTRACT = existsSync(FULL_EXTRACT) ? FULL_EXTRACT : path.join(DATA_DIR, 'trade', 'eurostat_comext_cn8_exports_monthly_2020_2022_ch85_88_90.csv.gz');
const PARTNERS = [
  'RU', 'BY', 'KZ', 'KG', 'AM', 'GE', 'UZ', 'TJ', 'TM', 'AZ', 'TR', 'AE', 'CN', 'HK', 'IN', 'IL', 'RS', 'MN', 'MY', 'TH',
  'VN', 'SG', 'BR', 'MX', 'ZA', 'EG', 'MA', 'SA', 'QA', 'IR', 'PK', 'ID', 'PH', 'AR', 'CL', 'NG', 'KE', 'UA', 'MD', 'BA',
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => Math.round(ms) / 1000;

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function benchIngest(dir: string): Promise<{ seconds: number; seconds_all: number[]; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < Math.min(RUNS, 2); i++) {
    const store = await DuckDbStore.open(path.join(dir, `ingest-${i}.duckdb`));
    try {
      times.push(
        await timeIt(async () => {
          const r = await ingestTrade(store, { format: 'eurostat-cn8', inputs: [EXTRACT], dataset: 'eu_cn8' });
          rows = r.report?.rows ?? 0;
        }),
      );
    } finally {
      await store.close();
    }
  }
  return { seconds: seconds(Math.min(...times)), seconds_all: times.map(seconds), rows };
}

function benchCodes(): string[] {
  const chpl = chplCodes() ?? [];
  const others = [...hsNomenclature().values()]
    .filter((c) => c.level === 6 && ['84', '85', '88', '90'].includes(c.code.slice(0, 2)) && !chpl.includes(c.code))
    .map((c) => c.code)
    .slice(0, 350);
  return [...chpl, ...others].map((c) => `${c}00`);
}

async function generate(file: string): Promise<number> {
  (await DuckDbStore.open(file)).close(); // create and migrate
  const db = await DuckDBInstance.create(file);
  const c = await db.connect();
  const list = (xs: string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
  const from = monthIndex(2021, 1);
  const march2022 = monthIndex(2022, 3);
  await c.run("INSERT INTO datasets (name, format, created_at, kind) VALUES ('bench10m', 'generated', now(), 'trade')");
  // Values: pseudo-random by flow; from March 2022 exports to Russia fall and to its neighbours rise.
  await c.run(`INSERT INTO trade_flows (${TRADE_FLOW_COLUMNS})
    SELECT 'bench10m', 1, 0, 0, m, 1, r, 'country', p, 'country', NULL, 'export', 'CN' || (m // 12)::VARCHAR, code, 'CN8',
      v, v, false, 'EUR', 'FOB', NULL, NULL, NULL, NULL, NULL
    FROM (
      SELECT r, p, code, m,
        ((hash(r, p, code, m) % 100000 + 1) * CASE WHEN m < ${march2022} THEN 1
            WHEN p = 'RU' THEN 0.3 WHEN p IN ('KZ', 'KG', 'AM', 'GE', 'UZ', 'TR', 'AE') THEN 2.5 ELSE 1.1 END)::DECIMAL(18, 2) AS v
      FROM unnest(${list(EU27)}) t1(r), unnest(${list(PARTNERS)}) t2(p), unnest(${list(benchCodes())}) t3(code), range(${from}, ${from + 24}) t4(m))`);
  // the metadata the loader writes with every trade dataset
  await c.run(`INSERT INTO trade_codes (dataset, nomenclature, code, rows) SELECT 'bench10m', nomenclature, code, count(*) FROM trade_flows WHERE dataset = 'bench10m' GROUP BY ALL`);
  await c.run(`INSERT INTO trade_parties SELECT 'bench10m', reporter, reporter_kind, partner, partner_kind, flow, currency, count(*), min(month0), max(month0), NULL, NULL
    FROM trade_flows WHERE dataset = 'bench10m' GROUP BY ALL`);
  const rows = Number((await c.runAndReadAll("SELECT count(*) FROM trade_flows WHERE dataset = 'bench10m'")).getRows()[0]![0]);
  await c.run(`INSERT INTO dataset_versions VALUES ('bench10m', 1, 'generated', 'generated', now(), ${rows}, 0, ${rows}, '', '[]', '{"kind":"trade"}', ${rows}, 0, 0)`);
  c.closeSync();
  db.closeSync();
  return rows;
}

async function benchHubs(dir: string) {
  const file = path.join(dir, 'hubs.duckdb');
  const genStart = performance.now();
  const rows = await generate(file);
  const generateSeconds = seconds(performance.now() - genStart);
  const baseline = parseWindow('2021-03..2021-11');
  const period = parseWindow('2022-03..2022-11');

  const store = await DuckDbStore.open(file);
  const hubTimes: number[] = [];
  let countries = 0;
  let leader = '';
  try {
    for (let i = 0; i < RUNS + 1; i++) {
      const ms = await timeIt(async () => {
        const r = await detectHubs(store, { datasets: ['bench10m'], goods: parseGoods('chpl'), baseline, period });
        countries = r.countries.length;
        leader = r.countries[0]!.country;
      });
      if (i > 0) hubTimes.push(ms); // the first run warms the file cache
    }
  } finally {
    await store.close();
  }

  // The bare aggregation of the same rows: sums by partner, code and window, nothing else.
  const db = await DuckDBInstance.create(file);
  const c = await db.connect();
  const bareTimes: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const ms = await timeIt(() =>
      c.runAndReadAll(`SELECT partner, code, month0 >= ${period.from} AS later, sum(own_value) FROM trade_flows
        WHERE dataset = 'bench10m' AND (month0 BETWEEN ${baseline.from} AND ${baseline.to} OR month0 BETWEEN ${period.from} AND ${period.to})
        GROUP BY ALL`),
    );
    if (i > 0) bareTimes.push(ms);
  }
  c.closeSync();
  db.closeSync();
  const hubs = median(hubTimes);
  const bare = median(bareTimes);
  return {
    rows,
    generate_seconds: generateSeconds,
    seconds: seconds(hubs),
    seconds_all: hubTimes.map(seconds),
    bare_aggregation_seconds: seconds(bare),
    ratio_to_bare: Math.round((hubs / bare) * 100) / 100,
    countries,
    leader,
  };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'sanctrace-bench-trade-'));
try {
  const ingest = await benchIngest(dir);
  const hubs = await benchHubs(dir);
  process.stdout.write(
    JSON.stringify(
      {
        benchmark: 'trade',
        machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, load_average: os.loadavg().map((x) => Math.round(x * 100) / 100) },
        ingest_cn8_extract: { ...ingest, target_seconds: 10, meets_target: ingest.seconds <= 10 },
        hubs_10m: { ...hubs, target_seconds: 2, target_ratio: 3, meets_target: hubs.seconds <= 2 && hubs.ratio_to_bare <= 3 },
      },
      null,
      2,
    ) + '\n',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
