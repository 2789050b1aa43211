import path from 'node:path';
import { EntityBuilder } from '../../model/builder.js';
import { toIso2 } from '../../model/countries.js';
import { parseDate } from '../../model/dates.js';
import type { FtmEntity } from '../../model/entity.js';
import { makeId } from '../../model/ids.js';
import { DATA_DIR } from '../../model/paths.js';
import { readCsvObjects } from '../csv.js';
import { SourceError } from '../errors.js';
import { ByteProgress, expandInputsOfType } from '../files.js';
import type { ReadContext, SourceReader, SourceRecord } from '../types.js';
import { child, childText, children, readXmlRecords, type XmlNode } from '../xml.js';

const ELF_CODES = path.join(DATA_DIR, 'ownership', 'gleif', 'elf-codes-1.4.1.csv.gz');

let elfNames: Promise<Map<string, string>> | undefined;

/** ISO 20275 Entity Legal Form code → "local name (abbreviations)", from GLEIF's ELF list 1.4.1. */
function elfTable(): Promise<Map<string, string>> {
  elfNames ??= (async () => {
    const out = new Map<string, string>();
    for await (const { row } of readCsvObjects(ELF_CODES, ['elf_code', 'local_name', 'abbreviations_local'])) {
      if (out.has(row['elf_code']!) || !row['local_name']) continue; // the first language listed is the form's own
      const abbr = row['abbreviations_local']?.split(';')[0]?.trim();
      out.set(row['elf_code']!, abbr ? `${row['local_name']} (${abbr})` : row['local_name']!);
    }
    return out;
  })();
  return elfNames;
}

/** LEI entity categories → FtM schema. */
const CATEGORY_SCHEMA: Record<string, string> = {
  GENERAL: 'Company',
  BRANCH: 'Company',
  FUND: 'LegalEntity',
  SOLE_PROPRIETOR: 'LegalEntity',
  RESIDENT_GOVERNMENT_ENTITY: 'PublicBody',
  INTERNATIONAL_ORGANIZATION: 'Organization',
};

/**
 * RR-CDF relationship types. StartNode is the child (the consolidated company, the fund, the
 * branch), EndNode the parent; `owner` says which node owns or controls in FtM terms.
 */
const RELATIONSHIPS: Record<string, { schema: 'Ownership' | 'Representation'; type: string; role: string }> = {
  IS_DIRECTLY_CONSOLIDATED_BY: { schema: 'Ownership', type: 'accounting consolidation', role: 'direct parent' },
  IS_ULTIMATELY_CONSOLIDATED_BY: { schema: 'Ownership', type: 'accounting consolidation', role: 'ultimate parent' },
  IS_INTERNATIONAL_BRANCH_OF: { schema: 'Ownership', type: 'branch', role: 'head office of an international branch' },
  IS_SUBFUND_OF: { schema: 'Ownership', type: 'umbrella fund', role: 'umbrella fund of a sub-fund' },
  IS_FEEDER_TO: { schema: 'Ownership', type: 'master-feeder fund', role: 'feeder fund invests in its master fund' },
  IS_FUND_MANAGED_BY: { schema: 'Representation', type: 'fund management', role: 'fund manager' },
  'IS_FUND-MANAGED_BY': { schema: 'Representation', type: 'fund management', role: 'fund manager' },
};

function addressText(node: XmlNode | undefined): { text?: string; country?: string } {
  if (!node) return {};
  const parts = [
    ...children(node, 'FirstAddressLine'),
    ...children(node, 'AdditionalAddressLine'),
  ].map((n) => n.text.trim());
  for (const k of ['City', 'Region', 'PostalCode', 'Country']) parts.push(childText(node, k) ?? '');
  return { text: parts.filter(Boolean).join(', '), country: childText(node, 'Country') };
}

function jurisdiction(code: string | undefined): string | undefined {
  return code ? (toIso2(code.split('-')[0]!) ?? code) : undefined;
}

const day = (v: string | undefined) => (v ? parseDate(v) : undefined);

/**
 * GLEIF golden-copy XML: LEI-CDF 2.1 (LEI records → Company / LegalEntity / PublicBody with LEI,
 * names, jurisdiction, ELF legal form, addresses, statuses), RR-CDF 1.1 (relationship records →
 * Ownership of the parent over the child, typed "accounting consolidation", role direct or
 * ultimate parent, with the relationship period; fund management → Representation) and
 * Reporting Exceptions (why no parent is reported → a note on the entity). The kind of each file
 * is told by its root element.
 */
export const gleifReader: SourceReader = {
  format: 'gleif',
  title: 'GLEIF LEI-CDF, RR-CDF and reporting exceptions (XML)',
  publisher: 'GLEIF (Global Legal Entity Identifier Foundation)',
  async *read(inputs: string[], ctx: ReadContext): AsyncIterable<SourceRecord> {
    const files = await expandInputsOfType(inputs, 'xml');
    const progress = await ByteProgress.of(files, ctx);
    const schemaOf = new Map<string, string>();
    const exceptions: Array<{ lei: string; text: string; where: string }> = [];
    for (const file of files) {
      let root = '';
      const nodes = readXmlRecords(file, {
        records: new Set(['LEIHeader', 'Header', 'LEIRecord', 'RelationshipRecord', 'Exception']),
        progress,
        expectRoot: { names: ['LEIData', 'RelationshipData', 'ReportingExceptionData'], namespace: /gleif\.org\/data\/schema/, what: 'a GLEIF LEI-CDF, RR-CDF or reporting-exception file' },
        onRoot: (name) => (root = name),
      });
      for await (const node of nodes) {
        const where = `${path.basename(file)}:${node.line}`;
        if (node.name === 'LEIHeader' || node.name === 'Header') {
          ctx.report.noteVersion(day(childText(node, 'ContentDate')));
          continue;
        }
        ctx.report.records++;
        if (root === 'LEIData' && node.name === 'LEIRecord') {
          const e = await leiRecord(node, ctx, file);
          schemaOf.set(childText(node, 'LEI')!, e.schema);
          yield { key: childText(node, 'LEI')!, entities: [e] };
        } else if (root === 'RelationshipData' && node.name === 'RelationshipRecord') {
          const e = relationshipRecord(node, ctx, file, where);
          if (e) yield { key: e.id, entities: [e] };
        } else if (root === 'ReportingExceptionData' && node.name === 'Exception') {
          const lei = childText(node, 'LEI');
          if (!lei) throw new SourceError(file, String(node.line), 'reporting exception without an LEI');
          const text = `no ${(childText(node, 'ExceptionCategory') ?? 'parent').toLowerCase().replace(/_/g, ' ')} reported: ${(childText(node, 'ExceptionReason') ?? 'no reason given').toLowerCase().replace(/_/g, ' ')}`;
          exceptions.push({ lei, text, where });
        } else {
          throw new SourceError(file, String(node.line), `a ${node.name} element in a ${root} file`);
        }
      }
    }
    // exceptions are notes on the entity: only for LEIs whose record was read
    for (const x of exceptions) {
      const schema = schemaOf.get(x.lei);
      if (!schema) {
        ctx.report.skip('reporting exception for an LEI whose record is not in the files', `${x.where} (${x.lei})`);
        continue;
      }
      yield { key: `${x.lei}#exception`, entities: [{ id: makeId(ctx.dataset, x.lei), schema, properties: { notes: [`GLEIF reporting exception: ${x.text}`] } }] };
    }
  },
};

async function leiRecord(node: XmlNode, ctx: ReadContext, file: string): Promise<FtmEntity> {
  const lei = childText(node, 'LEI');
  const entity = child(node, 'Entity');
  const name = entity && childText(entity, 'LegalName');
  if (!lei || !entity || !name) throw new SourceError(file, String(node.line), 'LEI record without LEI, Entity or LegalName');
  const category = childText(entity, 'EntityCategory') ?? '';
  const b = new EntityBuilder(CATEGORY_SCHEMA[category] ?? 'LegalEntity', makeId(ctx.dataset, lei), ctx.report.valueProblem);
  b.add('leiCode', lei).add('name', name);
  for (const other of [...children(child(entity, 'OtherEntityNames') ?? node, 'OtherEntityName'), ...children(child(entity, 'TransliteratedOtherEntityNames') ?? node, 'TransliteratedOtherEntityName')]) {
    b.add(other.attrs['type'] === 'PREVIOUS_LEGAL_NAME' ? 'previousName' : 'alias', other.text.trim());
  }
  b.add('jurisdiction', jurisdiction(childText(entity, 'LegalJurisdiction')));
  for (const kind of ['LegalAddress', 'HeadquartersAddress']) {
    const a = addressText(child(entity, kind));
    b.add('address', a.text);
    b.add('country', a.country);
  }
  const ra = child(entity, 'RegistrationAuthority');
  b.add('registrationNumber', ra && childText(ra, 'RegistrationAuthorityEntityID'));
  const form = child(entity, 'LegalForm');
  const elf = form && childText(form, 'EntityLegalFormCode');
  const formName = elf && elf !== '8888' && elf !== '9999' ? (await elfTable()).get(elf) : undefined;
  if (elf && elf !== '8888' && elf !== '9999' && !formName) ctx.report.skip('ELF legal-form code not in the ELF list 1.4.1 (code kept)', `${path.basename(file)}:${node.line} (${elf})`);
  b.add('legalForm', formName ?? (form && childText(form, 'OtherLegalForm')) ?? (elf && `ELF ${elf}`));
  if (category) b.add('classification', category.toLowerCase().replace(/_/g, ' '));
  b.add('status', childText(entity, 'EntityStatus')?.toLowerCase());
  b.add('incorporationDate', day(childText(entity, 'EntityCreationDate')));
  b.add('dissolutionDate', day(childText(entity, 'EntityExpirationDate')));
  const successor = child(entity, 'SuccessorEntity');
  if (successor) b.add('notes', `successor: ${[childText(successor, 'SuccessorLEI'), childText(successor, 'SuccessorEntityName')].filter(Boolean).join(' ')}`);
  const reg = child(node, 'Registration');
  if (reg) {
    b.add('notes', `LEI registration status: ${childText(reg, 'RegistrationStatus') ?? 'unknown'}`);
    b.add('modifiedAt', day(childText(reg, 'LastUpdateDate')));
  }
  b.add('publisher', 'GLEIF');
  return b.build();
}

function relationshipRecord(node: XmlNode, ctx: ReadContext, file: string, where: string): FtmEntity | undefined {
  const rel = child(node, 'Relationship');
  const start = rel && child(rel, 'StartNode');
  const end = rel && child(rel, 'EndNode');
  const childLei = start && childText(start, 'NodeID');
  const parentLei = end && childText(end, 'NodeID');
  const typeName = rel && childText(rel, 'RelationshipType');
  if (!rel || !childLei || !parentLei || !typeName) throw new SourceError(file, String(node.line), 'relationship record without StartNode, EndNode or RelationshipType');
  const kind = RELATIONSHIPS[typeName];
  if (!kind) {
    ctx.report.skip(`relationship type ${typeName} not mapped`, where);
    return undefined;
  }
  const b = new EntityBuilder(kind.schema, makeId(ctx.dataset, 'rr', childLei, typeName, parentLei), ctx.report.valueProblem);
  const childId = makeId(ctx.dataset, childLei);
  const parentId = makeId(ctx.dataset, parentLei);
  if (kind.schema === 'Representation') {
    b.add('agent', parentId).add('client', childId).add('role', kind.role);
  } else if (typeName === 'IS_FEEDER_TO') {
    b.add('owner', childId).add('asset', parentId).add('ownershipType', kind.type).add('role', kind.role);
  } else {
    b.add('owner', parentId).add('asset', childId).add('ownershipType', kind.type).add('role', kind.role);
  }
  const descriptions: string[] = [];
  for (const p of children(child(rel, 'RelationshipPeriods') ?? rel, 'RelationshipPeriod')) {
    const type = childText(p, 'PeriodType');
    const from = day(childText(p, 'StartDate'));
    const to = day(childText(p, 'EndDate'));
    if (type === 'RELATIONSHIP_PERIOD') {
      b.add('startDate', from);
      b.add('endDate', to);
    } else {
      descriptions.push(`${(type ?? 'period').toLowerCase().replace(/_/g, ' ')} ${from ?? '?'} – ${to ?? ''}`.trim());
    }
  }
  for (const q of children(child(rel, 'RelationshipQualifiers') ?? rel, 'RelationshipQualifier')) {
    descriptions.push([childText(q, 'QualifierDimension'), childText(q, 'QualifierCategory')].filter(Boolean).join(': ').toLowerCase().replace(/_/g, ' '));
  }
  for (const q of children(child(rel, 'RelationshipQuantifiers') ?? rel, 'RelationshipQuantifier')) {
    const amount = childText(q, 'QuantifierAmount');
    if (amount && childText(q, 'QuantifierUnits') === 'PERCENTAGE' && kind.schema === 'Ownership') b.add('percentage', amount);
    else if (amount) descriptions.push(`${(childText(q, 'MeasurementMethod') ?? '').toLowerCase().replace(/_/g, ' ')} ${amount} ${childText(q, 'QuantifierUnits') ?? ''}`.trim());
  }
  b.add('description', descriptions.join('; ') || undefined);
  b.add('status', childText(rel, 'RelationshipStatus')?.toLowerCase());
  const reg = child(node, 'Registration');
  if (reg) {
    b.add('summary', `relationship record ${childText(reg, 'RegistrationStatus')?.toLowerCase() ?? ''}${childText(reg, 'ValidationSources') ? `, ${childText(reg, 'ValidationSources')!.toLowerCase().replace(/_/g, ' ')}` : ''}`);
    b.add('modifiedAt', day(childText(reg, 'LastUpdateDate')));
    b.add('sourceUrl', childText(reg, 'ValidationReference'));
  }
  b.add('recordId', `${childLei} ${typeName} ${parentLei}`);
  b.add('publisher', 'GLEIF');
  return b.build();
}
