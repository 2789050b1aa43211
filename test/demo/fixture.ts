import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildWorld, type BuildResult } from '../../src/demo/world/build.js';
import { listedNameGuard } from '../../src/demo/world/listed-names.js';
import { listedPartyNames } from '../../src/demo/world/listed.js';
import { tempDir } from '../helpers.js';

/** A small world (scale 0.02: about 400 companies and 4,000 shipment lines) in a fresh folder. */
export async function smallWorld(seed: number, scale = 0.02): Promise<BuildResult> {
  const guard = await listedNameGuard(listedPartyNames());
  return buildWorld({ seed, scale, outDir: tempDir('sanctrace-world-'), guard });
}

export type Row = Record<string, string>;

export function readCsv(dir: string, name: string): Row[] {
  return parse(readFileSync(path.join(dir, name)), { columns: true, bom: false }) as Row[];
}

/** The rows of a built world, by file, with lookups. */
export class WorldFiles {
  readonly companies: Row[];
  readonly people: Row[];
  readonly ownership: Row[];
  readonly directorships: Row[];
  readonly family: Row[];
  readonly parties: Row[];
  readonly lines: Row[];
  readonly company = new Map<string, Row>();
  readonly person = new Map<string, Row>();
  readonly line = new Map<string, Row>();

  constructor(readonly dir: string) {
    this.companies = readCsv(dir, 'companies.csv');
    this.people = readCsv(dir, 'people.csv');
    this.ownership = readCsv(dir, 'ownership.csv');
    this.directorships = readCsv(dir, 'directorships.csv');
    this.family = readCsv(dir, 'family.csv');
    this.parties = readCsv(dir, 'customs_parties.csv');
    this.lines = readdirSync(dir).filter((f) => /^shipments_\d{4}\.csv$/.test(f)).sort().flatMap((f) => readCsv(dir, f));
    for (const c of this.companies) this.company.set(c['company_key']!, c);
    for (const p of this.people) this.person.set(p['person_key']!, p);
    for (const l of this.lines) this.line.set(l['line_key']!, l);
  }

  /** ISO date of a customs line (the extract writes DD.MM.YYYY). */
  static date(line: Row): string {
    const [d, m, y] = line['declaration_date']!.split('.');
    return `${y}-${m}-${d}`;
  }

  ownersOf(companyKey: string): Row[] {
    return this.ownership.filter((o) => o['asset_key'] === companyKey);
  }

  linesOf(keys: string[]): Row[] {
    return keys.map((k) => this.line.get(k)!);
  }
}
