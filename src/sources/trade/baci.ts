/**
 * CEPII BACI (bilateral trade flows reconciled from UN Comtrade): `BACI_HS17_Y2021_V202401.csv`
 * with columns t (year), i (exporter), j (importer), k (HS6 product), v (value in thousands of
 * US dollars, FOB), q (quantity in metric tons), and `country_codes_V202401.csv` mapping the
 * numeric country codes (country_code, country_name, country_iso2, country_iso3; older releases:
 * iso_2digit_alpha, iso_3digit_alpha). Each row is stored as the exporter's export to the
 * importer: values × 1,000 in USD, quantities × 1,000 as net weight in kg. The HS edition comes
 * from the file name (HS92 … HS22).
 */
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { SourceError, UsageError } from '../errors.js';
import { readText } from '../files.js';
import { resolveArea, type Area } from '../../trade/areas.js';
import { MISSING, type TradeFilePlan, type TradeFormat } from './format.js';
import { findColumn, needColumn, readHead } from './header.js';

const EDITIONS: Record<string, string> = { '92': 'HS1992', '96': 'HS1996', '02': 'HS2002', '07': 'HS2007', '12': 'HS2012', '17': 'HS2017', '22': 'HS2022' };

async function readAll(file: string): Promise<string> {
  let text = '';
  for await (const chunk of readText(file)) text += chunk;
  return text;
}

/** BACI's country table: numeric code → area (by ISO3, else as an M49 number). */
async function countryCodes(file: string): Promise<Record<string, Area>> {
  const rows = parse(await readAll(file), { columns: true, bom: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  const columns = Object.keys(rows[0] ?? {});
  const code = needColumn(file, columns, 'country code', 'country_code');
  const iso3 = findColumn(columns, 'country_iso3', 'iso_3digit_alpha');
  const out: Record<string, Area> = {};
  for (const r of rows) {
    const n = String(Number(r[code]));
    const area = (iso3 ? resolveArea(r[iso3] ?? '', 'code') : undefined) ?? resolveArea(n, 'm49');
    if (area) {
      out[n] = area;
      out[r[code]!.trim()] = area;
    }
  }
  return out;
}

export const baciFormat: TradeFormat = {
  format: 'baci',
  title: 'CEPII BACI (t, i, j, k, v, q; values in thousand USD, quantities in tonnes) with its country_codes file',
  publisher: 'CEPII',
  async plan(files: string[]): Promise<TradeFilePlan> {
    const codesFiles = files.filter((f) => /country_codes/i.test(path.basename(f)));
    const dataFiles = files.filter((f) => !/country_codes|product_codes|readme/i.test(path.basename(f)));
    if (codesFiles.length === 0) {
      throw new UsageError('BACI needs its country_codes_V…csv file next to the data files (give the folder, or both files)');
    }
    const overrides: Record<string, Area> = {};
    for (const f of codesFiles) Object.assign(overrides, await countryCodes(f));
    const plan: TradeFilePlan = { specs: [] };
    for (const file of dataFiles) {
      const head = await readHead(file);
      const c = head.columns;
      for (const name of ['t', 'i', 'j', 'k', 'v', 'q']) needColumn(file, c, name, name);
      const edition = /HS(\d{2})/i.exec(path.basename(file))?.[1];
      const nomenclature = edition ? EDITIONS[edition] : undefined;
      if (!nomenclature) {
        throw new SourceError(file, undefined, 'the HS edition is not in the file name (BACI names files BACI_HS17_Y2021_V202401.csv): rename the file to say it');
      }
      plan.specs.push({
        file,
        layout: 'CEPII BACI',
        source: `CEPII BACI ${nomenclature}`,
        delimiter: head.delimiter,
        columns: c,
        period: { column: 't' },
        reporter: { column: 'i', scheme: 'm49', overrides },
        partner: { column: 'j', scheme: 'm49', overrides },
        flow: { constant: 'export' },
        code: { column: 'k', pad: 6 },
        nomenclature: { constant: nomenclature },
        value: { column: 'v', scale: 1000 },
        currency: { constant: 'USD' },
        valueBasis: 'FOB',
        netWeightKg: { column: 'q', scale: 1000 },
        missing: MISSING,
      });
    }
    return plan;
  },
};
