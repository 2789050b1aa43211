/**
 * Writes the world as the two extracts a user would bring: a registry extract (companies, people,
 * ownership, directorships, family ties) and a customs extract (the customs register of parties as
 * declarations spell them, and one file of declaration lines per year), streaming line by line.
 */
import path from 'node:path';
import type { CountryCode } from './countries.js';
import { CsvWriter } from './csv-writer.js';
import { isoDay, yearOf } from './dates.js';
import { SECTORS } from './sectors.js';
import type { Company, Declaration, Line } from './model.js';
import type { World } from './world.js';

export interface WrittenFile {
  name: string;
  rows: number;
}

const iso = (d: number | undefined) => (d === undefined ? '' : isoDay(d));
/** customs extracts write dates day first */
const dmy = (d: number) => {
  const s = isoDay(d);
  return `${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)}`;
};

/** Numbers as plain decimals without trailing zeros (deterministic in every locale). */
function num(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

export const REGISTRY_FILES = ['companies.csv', 'people.csv', 'ownership.csv', 'directorships.csv', 'family.csv'] as const;

export async function writeRegistry(world: World, dir: string, marker: string): Promise<WrittenFile[]> {
  const files: WrittenFile[] = [];
  const companies = new CsvWriter(path.join(dir, 'companies.csv'), [
    'company_key', 'name', 'alias', 'legal_form', 'country', 'registration_number', 'tax_number', 'inn', 'ogrn', 'vat_number',
    'incorporation_date', 'dissolution_date', 'status', 'activity_code', 'activity', 'address', 'city', 'postal_code', 'phone', 'predecessor_key', 'synthetic',
  ]);
  for (const c of world.companies) {
    const listed = !!c.listed;
    await companies.row([
      c.key, c.name, c.aliases.join(';'), c.legalForm, c.country, c.ids.registrationNumber, c.ids.taxNumber, c.ids.innCode, c.ids.ogrnCode, c.ids.vatCode,
      c.incorporationShown ? iso(c.incorporated) : '', iso(c.dissolved), listed ? '' : c.dissolved !== undefined ? 'liquidated' : 'active',
      listed ? '' : SECTORS[c.sector].nace, listed ? '' : SECTORS[c.sector].label, c.address.full, c.address.city, c.address.postalCode, c.phone, c.predecessor?.key, marker,
    ]);
  }
  await companies.close();
  files.push({ name: 'companies.csv', rows: companies.rows });

  const people = new CsvWriter(path.join(dir, 'people.csv'), [
    'person_key', 'name', 'alias', 'first_name', 'last_name', 'patronymic', 'gender', 'birth_date', 'nationality', 'country', 'id_number', 'inn', 'synthetic',
  ]);
  for (const p of world.people) {
    await people.row([p.key, p.name, p.aliases.join(';'), p.firstName, p.lastName, p.patronymic, p.female ? 'female' : 'male', iso(p.birth), p.nationality, p.country, p.idNumber, p.innCode, marker]);
  }
  await people.close();
  files.push({ name: 'people.csv', rows: people.rows });

  const ownership = new CsvWriter(path.join(dir, 'ownership.csv'), ['ownership_key', 'owner_key', 'asset_key', 'percentage', 'start_date', 'end_date', 'synthetic']);
  for (const o of world.ownerships) await ownership.row([o.key, o.owner.key, o.asset.key, num(o.percentage, 2), iso(o.start), iso(o.end), marker]);
  await ownership.close();
  files.push({ name: 'ownership.csv', rows: ownership.rows });

  const directorships = new CsvWriter(path.join(dir, 'directorships.csv'), ['directorship_key', 'director_key', 'company_key', 'role', 'start_date', 'end_date', 'synthetic']);
  for (const d of world.directorships) await directorships.row([d.key, d.director.key, d.organization.key, d.role, iso(d.start), iso(d.end), marker]);
  await directorships.close();
  files.push({ name: 'directorships.csv', rows: directorships.rows });

  const family = new CsvWriter(path.join(dir, 'family.csv'), ['family_key', 'person_key', 'relative_key', 'relationship', 'synthetic']);
  for (const f of world.families) await family.row([f.key, f.person.key, f.relative.key, f.relationship, marker]);
  await family.close();
  files.push({ name: 'family.csv', rows: family.rows });
  return files;
}

export const SHIPMENT_COLUMNS = [
  'line_key', 'declaration_number', 'line_no', 'declaration_type', 'customs_country', 'declaration_date',
  'exporter_key', 'exporter_name', 'exporter_country', 'importer_key', 'importer_name', 'importer_country', 'declarant_key',
  'hs_code', 'goods_description', 'quantity', 'unit', 'net_weight_kg', 'value', 'currency',
  'origin_country', 'dispatch_country', 'destination_country', 'transit_country', 'transport_mode', 'synthetic',
] as const;

const OFFICES: Record<CountryCode, string[]> = {
  RU: ['10005020', '10013160', '10130090', '10216170', '10702070', '10502110'], KZ: ['50508', '55201', '39604', '56201', '62102'],
  KG: ['41513', '41514', '41803'], AM: ['05250', '05260', '05100'], UZ: ['26001', '26002', '18001'], GE: ['30011', '40010', '50021'],
  TR: ['341300', '340200', '330100', '350300'], AE: ['101', '102', '205'], HK: ['TDEC'], CN: ['5316', '5301'], DE: ['310000', '470000'],
  NL: ['000396', '000544'], IT: ['076100', '062100'], US: ['X'], GB: ['GB0001'],
};

/** A declaration number in the style of the declaring country's customs. */
function declarationNumber(country: CountryCode, type: 'IM' | 'EX', date: number, serial: number, office: string): string {
  const d = isoDay(date);
  const ddmmyy = `${d.slice(8, 10)}${d.slice(5, 7)}${d.slice(2, 4)}`;
  const yy = d.slice(2, 4);
  switch (country) {
    case 'RU':
    case 'KZ':
    case 'KG':
    case 'AM':
    case 'UZ':
    case 'GE':
      return `${office}/${ddmmyy}/${String(serial).padStart(7, '0')}`;
    case 'TR':
      return `${yy}${office}${type}${String(serial).padStart(6, '0')}`;
    case 'AE':
      return `${office}-${String(serial).padStart(8, '0')}-${yy}`;
    case 'HK':
      return `TDEC${yy}${String(serial).padStart(8, '0')}`;
    case 'CN':
      return `${office}${d.slice(0, 4)}${String(serial).padStart(9, '0')}`;
    case 'US':
      return `X${d.replace(/-/g, '')}${String(serial).padStart(6, '0')}`;
    default:
      return `${yy}${country}${office}${String(serial).padStart(8, '0')}`;
  }
}

/** The customs extract: lines per year in date order, then the parties as declarations spell them. */
export async function writeCustoms(dir: string, months: Iterable<Declaration[]>, marker: string): Promise<{ files: WrittenFile[]; lines: number; declarations: number }> {
  const files: WrittenFile[] = [];
  const serials = new Map<CountryCode, number>();
  const spellings = new Map<Company, Set<string>>();
  let writer: CsvWriter | undefined;
  let writerYear = 0;
  let lineCount = 0;
  let declarationCount = 0;
  const use = (c: Company, name: string) => {
    let set = spellings.get(c);
    if (!set) spellings.set(c, (set = new Set()));
    set.add(name);
  };
  for (const month of months) {
    for (const d of month) {
      const year = yearOf(d.date);
      if (year !== writerYear) {
        if (writer) {
          await writer.close();
          files.push({ name: path.basename(writer.path), rows: writer.rows });
        }
        writer = new CsvWriter(path.join(dir, `shipments_${year}.csv`), SHIPMENT_COLUMNS);
        writerYear = year;
      }
      const serial = (serials.get(d.customsCountry) ?? 0) + 1;
      serials.set(d.customsCountry, serial);
      const offices = OFFICES[d.customsCountry];
      const number = declarationNumber(d.customsCountry, d.type, d.date, serial, offices[serial % offices.length]!);
      declarationCount++;
      for (const l of d.lines) {
        lineCount++;
        l.key = `L${String(lineCount).padStart(8, '0')}`;
        l.declarationNumber = number;
        use(l.exporter, l.exporterName);
        use(l.importer, l.importerName);
        await writer!.row(lineRow(l, marker));
      }
    }
  }
  if (writer) {
    await writer.close();
    files.push({ name: path.basename(writer.path), rows: writer.rows });
  }
  const parties = new CsvWriter(path.join(dir, 'customs_parties.csv'), ['party_key', 'name', 'country', 'synthetic']);
  const traded = [...spellings.keys()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const c of traded) {
    const used = spellings.get(c)!;
    for (const name of c.customsNames) if (used.has(name)) await parties.row([c.key, name, c.country, marker]);
  }
  await parties.close();
  files.unshift({ name: 'customs_parties.csv', rows: parties.rows });
  return { files, lines: lineCount, declarations: declarationCount };
}

function lineRow(l: Line, marker: string): Array<string | number | undefined> {
  return [
    l.key, l.declarationNumber, l.lineNo, l.type, l.customsCountry, dmy(l.date),
    l.exporter.key, l.exporterName, l.exporter.country, l.importer.key, l.importerName, l.importer.country, l.declarant?.key,
    l.hs6, l.description, l.quantity, l.unit, num(l.netWeight, 3), l.value.toFixed(2), l.currency,
    l.origin, l.dispatch, l.destination, l.transit, l.transport, marker,
  ];
}
