import path from 'node:path';
import { EntityBuilder } from '../../model/builder.js';
import { toIso2 } from '../../model/countries.js';
import { parseDate } from '../../model/dates.js';
import type { FtmEntity } from '../../model/entity.js';
import { makeId } from '../../model/ids.js';
import { readCsvObjects } from '../csv.js';
import { SourceError } from '../errors.js';
import { ByteProgress, expandInputs } from '../files.js';
import type { ReadContext, SourceReader, SourceRecord } from '../types.js';
import { addShare, type ShareRange } from './interests.js';
import { obj, readJsonDocs, str, arr } from './json-docs.js';

const UK_PARTS = /^(england|wales|scotland|northern ireland|england and wales|england & wales|united kingdom|uk|great britain)$/i;

/** A country as Companies House writes it ("England", "Minnesota, Usa", "British"), as ISO2. */
function country(text: string | undefined): string | undefined {
  if (!text) return undefined;
  if (UK_PARTS.test(text.trim())) return 'gb';
  const iso = toIso2(text) ?? toIso2(text.split(',').at(-1)!.trim());
  return iso?.toLowerCase();
}

/** A UK company number as Companies House keys it: 8 characters, digits padded ("3530981" → "03530981"). */
function ukCompanyNumber(raw: string | undefined): string | undefined {
  const t = raw?.replace(/\s+/g, '').toUpperCase();
  if (!t) return undefined;
  if (/^\d{1,8}$/.test(t)) return t.padStart(8, '0');
  return /^[A-Z]{2}\d{6}$/.test(t) ? t : undefined;
}

/** One nature of control: its edge, its share band and how it is held. */
interface Nature {
  type: string;
  share?: ShareRange;
  control?: boolean;
  held?: string;
}

/** Bands of the PSC register (Companies Act 2006 Sch. 1A): "more than 25 % but not more than 50 %", …, "75 % or more". */
const BANDS: Record<string, ShareRange> = {
  '25-to-50': { min: 25, max: 50, minExclusive: true },
  '50-to-75': { min: 50, max: 75, minExclusive: true, maxExclusive: true },
  '75-to-100': { min: 75, max: 100 },
  'more-than-25': { min: 25, minExclusive: true },
};

const HELD: Array<[RegExp, string]> = [
  [/-as-trust/, 'as trustee of a trust'],
  [/-as-firm/, 'as member of a firm'],
  [/-registered-overseas-entity/, 'of a registered overseas entity'],
  [/-limited-liability-partnership/, 'of a limited liability partnership'],
];

/** Reads a natures_of_control code ("ownership-of-shares-25-to-50-percent-as-trust"). */
export function natureOfControl(code: string): Nature | undefined {
  const held = HELD.filter(([re]) => re.test(code)).map(([, h]) => h).join(', ') || undefined;
  const band = /(\d+-to-\d+|more-than-25)-percent/.exec(code)?.[1];
  if (code.startsWith('ownership-of-shares-') && band && BANDS[band]) return { type: 'shareholding', share: BANDS[band], held };
  if (code.startsWith('voting-rights-') && band && BANDS[band]) return { type: 'voting rights', share: BANDS[band], held };
  if (code.startsWith('right-to-appoint-and-remove-directors')) return { type: 'control: right to appoint and remove directors', control: true, held };
  if (code.startsWith('right-to-appoint-and-remove-members')) return { type: 'control: right to appoint and remove members', control: true, held };
  if (code.startsWith('right-to-appoint-and-remove-person')) return { type: 'control: right to appoint and remove the person', control: true, held };
  if (code.startsWith('right-to-share-surplus-assets')) return { type: 'rights to surplus assets on dissolution', share: band ? BANDS[band] : undefined, held };
  if (code.startsWith('significant-influence-or-control')) return { type: 'control: significant influence or control', control: true, held };
  return undefined;
}

const PSC_SCHEMA: Record<string, string> = {
  'individual-person-with-significant-control': 'Person',
  'individual-beneficial-owner': 'Person',
  'corporate-entity-person-with-significant-control': 'Company',
  'corporate-entity-beneficial-owner': 'Company',
  'legal-person-person-with-significant-control': 'Organization',
  'legal-person-beneficial-owner': 'Organization',
};

function addressText(a: Record<string, unknown> | undefined): string | undefined {
  if (!a) return undefined;
  const parts = ['care_of', 'po_box', 'premises', 'address_line_1', 'address_line_2', 'locality', 'region', 'postal_code', 'country'].map((k) => str(a[k]));
  return parts.filter(Boolean).join(', ') || undefined;
}

/**
 * Companies House "Persons with significant control" snapshot (JSON lines, or JSON arrays of the
 * same objects): individuals → Person (name parts, nationality, country of residence, month and
 * year of birth), corporate PSCs → Company (a UK-registered one keyed by its company number, so
 * chains of UK companies join up), legal persons → Organization; each nature of control → one
 * Ownership of the company (shares and voting rights with their band as "25-50"; the right to
 * appoint directors and significant influence as "control: …"), from notified_on to ceased_on.
 * PSC statements, exemptions and super-secure PSCs become notes on the company. BasicCompanyData
 * (CSV or JSON, same inputs) gives the companies their names.
 */
export const pscReader: SourceReader = {
  format: 'psc',
  title: 'UK Companies House persons with significant control (JSON) and basic company data',
  publisher: 'Companies House',
  async *read(inputs: string[], ctx: ReadContext): AsyncIterable<SourceRecord> {
    const files = await expandInputs(inputs, (f) => /\.(json|jsonl|txt|csv)(\.gz)?$/i.test(f));
    if (files.length === 0) throw new SourceError(inputs.join(', '), undefined, 'no .json, .jsonl, .txt or .csv files found');
    const progress = await ByteProgress.of(files, ctx);
    const companies = new Set<string>();
    const pending: Array<{ number: string; note: string; where: string }> = [];
    const edges: Array<{ asset: string; where: string }> = [];
    const companyId = (n: string) => makeId(ctx.dataset, `gb-${n}`);

    for (const file of files) {
      const name = path.basename(file);
      if (/\.csv(\.gz)?$/i.test(file)) {
        for await (const { row, line } of readCsvObjects(file, ['CompanyName', 'CompanyNumber'], { progress, what: 'a Companies House BasicCompanyData CSV' })) {
          ctx.report.records++;
          const e = basicCompany(row, ctx, companyId);
          if (e) {
            companies.add(row['CompanyNumber']!.trim());
            yield { key: `gb-${row['CompanyNumber']!.trim()}`, entities: [e] };
          } else ctx.report.skip('company data row without a name or number', `${name}:${line}`);
        }
        continue;
      }
      for await (const { value, where } of readJsonDocs(file, 'a Companies House PSC snapshot', progress)) {
        const at = `${name}:${where}`;
        if (typeof value['CompanyNumber'] === 'string' || typeof value['CompanyName'] === 'string') {
          ctx.report.records++;
          const e = basicCompany(value as Record<string, string>, ctx, companyId);
          if (!e) throw new SourceError(file, where, 'company data without CompanyName or CompanyNumber');
          companies.add(String(value['CompanyNumber']).trim());
          yield { key: `gb-${String(value['CompanyNumber']).trim()}`, entities: [e] };
          continue;
        }
        const data = obj(value['data']);
        const kind = str(data?.['kind']);
        if (!data || !kind) throw new SourceError(file, where, 'not a Companies House PSC snapshot line (needs "data" with a "kind")');
        ctx.report.noteVersion(parseDate(str(value['ContentDate']) ?? ''));
        if (kind.startsWith('totals#')) {
          ctx.report.noteVersion(parseDate(str(data['generated_at']) ?? ''));
          continue; // the snapshot's trailer: counts, no record
        }
        ctx.report.records++;
        const number = ukCompanyNumber(str(value['company_number']));
        if (!number) throw new SourceError(file, where, `PSC line without a valid company_number (${JSON.stringify(value['company_number'])})`);
        const period = [str(data['notified_on']), str(data['ceased_on'])].filter(Boolean).join(' – ');
        if (kind === 'persons-with-significant-control-statement' || kind.includes('exemption')) {
          const what = str(data['statement']) ?? kind;
          pending.push({ number, note: `PSC ${kind.includes('exemption') ? 'exemption' : 'statement'}: ${what.replace(/-/g, ' ')}${period ? ` (${period})` : ''}`, where: at });
          continue;
        }
        if (kind === 'super-secure-person-with-significant-control' || kind === 'super-secure-beneficial-owner') {
          pending.push({ number, note: `a super-secure person with significant control (details withheld by Companies House)${period ? ` (${period})` : ''}`, where: at });
          continue;
        }
        const schema = PSC_SCHEMA[kind];
        if (!schema) {
          ctx.report.skip(`PSC kind "${kind}" not mapped`, at);
          continue;
        }
        const entities = pscEntities(data, schema, number, ctx, companyId, at);
        edges.push({ asset: number, where: at });
        yield { key: str(obj(data['links'])?.['self']) ?? `${number}#${at}`, entities };
      }
    }
    for (const e of edges) if (!companies.has(e.asset)) ctx.report.skip('PSC of a company whose company data is not in the files (edges kept)', `${e.where} (${e.asset})`);
    for (const p of pending) {
      if (!companies.has(p.number)) {
        ctx.report.skip('PSC statement for a company whose company data is not in the files', `${p.where} (${p.number})`);
        continue;
      }
      yield { key: `gb-${p.number}#${p.where}`, entities: [{ id: companyId(p.number), schema: 'Company', properties: { notes: [p.note] } }] };
    }
  },
};

function basicCompany(row: Record<string, string>, ctx: ReadContext, companyId: (n: string) => string): FtmEntity | undefined {
  const number = ukCompanyNumber(str(row['CompanyNumber']));
  const name = str(row['CompanyName']);
  if (!number || !name) return undefined;
  const b = new EntityBuilder('Company', companyId(number), ctx.report.valueProblem);
  b.add('name', name).add('registrationNumber', number).add('jurisdiction', 'gb');
  const address = ['RegAddress.CareOf', 'RegAddress.POBox', 'RegAddress.AddressLine1', 'RegAddress.AddressLine2', 'RegAddress.PostTown', 'RegAddress.County', 'RegAddress.PostCode', 'RegAddress.Country']
    .map((k) => str(row[k]))
    .filter(Boolean)
    .join(', ');
  b.add('address', address || undefined);
  b.add('legalForm', str(row['CompanyCategory']));
  b.add('status', str(row['CompanyStatus']));
  b.add('incorporationDate', parseDate(str(row['IncorporationDate']) ?? ''));
  b.add('dissolutionDate', parseDate(str(row['DissolutionDate']) ?? ''));
  for (let i = 1; i <= 4; i++) b.add('sector', str(row[`SICCode.SicText_${i}`]));
  for (let i = 1; i <= 10; i++) b.add('previousName', str(row[`PreviousName_${i}.CompanyName`]));
  b.add('sourceUrl', str(row['URI']));
  return b.build();
}

function pscEntities(data: Record<string, unknown>, schema: string, number: string, ctx: ReadContext, companyId: (n: string) => string, where: string): FtmEntity[] {
  const selfLink = str(obj(data['links'])?.['self']);
  const pscKey = selfLink?.split('/').at(-1) ?? `${number}:${where}`;
  const ident = obj(data['identification']);
  // a corporate PSC registered at Companies House is that company: its id is the company's
  const registeredUk = !!ident && (/companies house/i.test(str(ident['place_registered']) ?? '') || country(str(ident['country_registered'])) === 'gb');
  const ukNumber = schema === 'Company' && registeredUk ? ukCompanyNumber(str(ident?.['registration_number'])) : undefined;
  const pscId = ukNumber ? companyId(ukNumber) : makeId(ctx.dataset, 'psc', pscKey);
  const psc = new EntityBuilder(schema, pscId, ctx.report.valueProblem);
  const name = str(data['name']);
  if (!name) throw new SourceError(where.split(':')[0]!, where.split(':').slice(1).join(':'), 'PSC without a name');
  psc.add('name', name);
  psc.add('address', addressText(obj(data['address'])));
  if (schema === 'Person') {
    const n = obj(data['name_elements']);
    psc.add('title', str(n?.['title'])).add('firstName', str(n?.['forename'])).add('middleName', str(n?.['middle_name'])).add('lastName', str(n?.['surname']));
    for (const nat of (str(data['nationality']) ?? '').split(',')) psc.add('nationality', country(nat.trim()));
    psc.add('country', country(str(data['country_of_residence'])));
    const dob = obj(data['date_of_birth']);
    const year = typeof dob?.['year'] === 'number' ? dob['year'] : undefined;
    const month = typeof dob?.['month'] === 'number' ? dob['month'] : undefined;
    if (year) psc.add('birthDate', month ? `${year}-${String(month).padStart(2, '0')}` : String(year));
  } else {
    psc.add('registrationNumber', ukNumber ?? str(ident?.['registration_number']));
    psc.add('jurisdiction', country(str(ident?.['country_registered'])) ?? country(str(ident?.['legal_authority'])));
    psc.add('legalForm', str(ident?.['legal_form']));
  }
  const out: FtmEntity[] = [psc.build()];
  const natures = arr(data['natures_of_control']).map(str).filter((c): c is string => !!c);
  if (natures.length === 0) ctx.report.skip('PSC without natures of control (no edge)', where);
  for (const code of natures) {
    const nature = natureOfControl(code);
    if (!nature) {
      ctx.report.skip(`nature of control "${code}" not mapped`, where);
      continue;
    }
    const b = new EntityBuilder('Ownership', makeId(ctx.dataset, 'psc', pscKey, code), ctx.report.valueProblem);
    b.add('owner', pscId).add('asset', companyId(number)).add('ownershipType', nature.type);
    b.add('role', `person with significant control${nature.held ? ` ${nature.held}` : ''}`);
    if (nature.share) addShare(b, nature.share);
    b.add('startDate', parseDate(str(data['notified_on']) ?? ''));
    b.add('endDate', parseDate(str(data['ceased_on']) ?? ''));
    b.add('description', `nature of control: ${code}`);
    b.add('sourceUrl', selfLink ? `https://api.company-information.service.gov.uk${selfLink}` : undefined);
    b.add('publisher', 'Companies House');
    out.push(b.build());
  }
  return out;
}
