import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ingest } from '../src/ingest/ingest.js';
import { DATA_DIR } from '../src/model/paths.js';
import { mappingReader } from '../src/sources/mapping/index.js';
import { ReadReport } from '../src/sources/report.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';

/**
 * Mapping ingest throughput, in rows per second: the reader alone (CSV → cleaned FtM entities) and
 * the full all-or-nothing ingest into DuckDB.
 *
 *   node dist/bench/mapping.js                      customs lines made here (BENCH_ROWS, default 200,000)
 *   node dist/bench/mapping.js <mapping.yml> <data…> any mapping and data, e.g. the synthetic world's
 *
 * The made lines follow data/mappings/examples/customs.yml: deterministic (a fixed-seed generator),
 * with valid BINs, a few hundred declarants, real-looking HS codes, quantities and values.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A Kazakh BIN with a valid check digit, for registration YYMM and a serial number. */
function bin(yymm: string, serial: number): string {
  for (let k = serial; ; k++) {
    const d = yymm + '40' + String(k % 100000).padStart(5, '0');
    let c = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].reduce((s, w, i) => s + w * Number(d[i]), 0) % 11;
    if (c === 10) c = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2].reduce((s, w, i) => s + w * Number(d[i]), 0) % 11;
    if (c !== 10) return d + c;
  }
}

const HS = ['8542.31.00', '8542.32.00', '8471.50', '8517.62.00', '9030.33.10', '8526.91', '8807.30', '8481.80', '8411.12', '8536.50', '9013.80', '8504.40'];
const COUNTRIES = ['Germany', 'DE', 'CHN', 'China', 'Turkey', 'TR', 'United States', 'Italy', 'NL', 'Hong Kong', 'AE', 'Russia', 'RU', 'Kyrgyzstan', 'Armenia'];
const HEADER =
  'decl_no,line_no,decl_date,procedure,declarant_bin,declarant_name,broker_bin,broker_name,sender_name,sender_country,receiver_id,receiver_name,receiver_country,hs_code,goods,quantity,unit,net_kg,gross_kg,value,currency,origin,dispatch,transit,destination';

function makeCustomsCsv(file: string, rows: number): void {
  const r = rng(20240224);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const declarants = Array.from({ length: 400 }, (_, i) => ({ bin: bin(`${String(10 + (i % 14)).padStart(2, '0')}0${1 + (i % 9)}`, 1000 + i * 37), name: `ТОО «Торговый дом ${i + 1}»` }));
  const brokers = declarants.slice(0, 20);
  const foreign = Array.from({ length: 600 }, (_, i) => ({ name: `Supplier ${i + 1} GmbH`, country: pick(COUNTRIES) }));
  const lines: string[] = [HEADER];
  let decl = 0;
  for (let n = 0; n < rows; ) {
    decl++;
    const d = pick(declarants);
    const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(r() * 6 * 365) * 86400000);
    const date = `${String(day.getUTCDate()).padStart(2, '0')}.${String(day.getUTCMonth() + 1).padStart(2, '0')}.${day.getUTCFullYear()}`;
    const exportLine = r() < 0.4;
    const f = pick(foreign);
    const broker = r() < 0.5 ? pick(brokers) : undefined;
    const linesInDecl = 1 + Math.floor(r() * 4);
    for (let l = 1; l <= linesInDecl && n < rows; l++, n++) {
      const qty = 1 + Math.floor(r() * 5000);
      const value = (qty * (5 + r() * 400)).toFixed(2).replace('.', ',');
      lines.push(
        [
          `50508/${date.replace(/\./g, '').slice(0, 4)}${date.slice(-2)}/${String(decl).padStart(7, '0')}`,
          l,
          date,
          exportLine ? 'EX' : 'IM',
          d.bin,
          `"${d.name}"`,
          broker?.bin ?? '',
          broker ? `"${broker.name}"` : '',
          exportLine ? `"${d.name}"` : f.name,
          exportLine ? 'KZ' : f.country,
          exportLine ? '' : d.bin,
          exportLine ? f.name : `"${d.name}"`,
          exportLine ? f.country : 'KZ',
          pick(HS),
          'goods of the line',
          qty,
          pick(['pcs', 'kg', 'PCS', 'l']),
          (qty * 0.3).toFixed(1),
          (qty * 0.35).toFixed(1),
          `"${value}"`,
          pick(['EUR', 'usd', 'USD', 'cny']),
          pick(COUNTRIES),
          exportLine ? 'KZ' : f.country,
          r() < 0.2 ? 'KG;RU' : '',
          exportLine ? pick(COUNTRIES) : 'KZ',
        ].join(','),
      );
    }
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sanctrace-bench-mapping-'));
  try {
    let inputs = args;
    let generated = false;
    const t0 = performance.now();
    if (inputs.length === 0) {
      const csv = path.join(dir, 'customs_bench.csv');
      makeCustomsCsv(csv, Number(process.env['BENCH_ROWS'] ?? 200_000));
      inputs = [path.join(DATA_DIR, 'mappings', 'examples', 'customs.yml'), csv];
      generated = true;
    }
    const genSeconds = (performance.now() - t0) / 1000;
    const bytes = inputs.slice(1).reduce((s, f) => s + statSync(f).size, 0);

    const report = new ReadReport();
    let entities = 0;
    const t1 = performance.now();
    for await (const rec of mappingReader.read(inputs, { dataset: 'bench', report })) entities += rec.entities.length;
    const readSeconds = (performance.now() - t1) / 1000;

    const store = await DuckDbStore.open(path.join(dir, 'bench.duckdb'));
    const t2 = performance.now();
    const result = await ingest(store, { format: 'mapping', inputs, dataset: 'bench' });
    const ingestSeconds = (performance.now() - t2) / 1000;
    await store.close();

    const rows = report.records;
    process.stdout.write(
      JSON.stringify(
        {
          benchmark: 'mapping',
          input: generated ? `customs.yml over ${rows} generated customs lines` : inputs.map((f) => path.basename(f)).join(' '),
          machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version },
          rows,
          data_mb: Math.round((bytes / 2 ** 20) * 10) / 10,
          generate_seconds: generated ? Math.round(genSeconds * 100) / 100 : undefined,
          read: { seconds: Math.round(readSeconds * 100) / 100, rows_per_second: Math.round(rows / readSeconds), entities_yielded: entities },
          ingest: {
            seconds: Math.round(ingestSeconds * 100) / 100,
            rows_per_second: Math.round(rows / ingestSeconds),
            entities: result.version.entities,
            statements: result.version.statements,
            rejected_rows: [...result.report.unusable].filter(([k]) => k.startsWith('rejected row')).reduce((s, [, v]) => s + v.count, 0),
          },
          peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
        },
        null,
        2,
      ) + '\n',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
