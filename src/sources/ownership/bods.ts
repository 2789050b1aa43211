import { EntityBuilder } from '../../model/builder.js';
import { toIso2 } from '../../model/countries.js';
import { parseDate } from '../../model/dates.js';
import type { FtmEntity } from '../../model/entity.js';
import { makeId } from '../../model/ids.js';
import { SourceError } from '../errors.js';
import { ByteProgress, expandInputs } from '../files.js';
import type { ReadContext, SourceReader, SourceRecord } from '../types.js';
import { addShare, BODS_INTERESTS, type InterestKind } from './interests.js';
import { arr, obj, readJsonDocs, str } from './json-docs.js';

/** One BODS statement, with where it was read. */
interface Statement {
  s: Record<string, unknown>;
  recordId: string;
  recordType: 'entity' | 'person' | 'relationship';
  date: string;
  details: Record<string, unknown>;
  where: string;
}

/** BODS entity types → FtM schema; unnamed entities (anonymous, unknown) have no FtM form. */
const ENTITY_SCHEMA: Record<string, string> = {
  registeredEntity: 'Company',
  legalEntity: 'LegalEntity',
  arrangement: 'LegalEntity',
  state: 'PublicBody',
  stateBody: 'PublicBody',
};

/** A jurisdiction or country object ({code, name}) as ISO2; "US-DE" is the United States. */
function country(v: unknown): string | undefined {
  const o = obj(v);
  const code = str(o?.['code'])?.split('-')[0];
  return (code && toIso2(code)) || (str(o?.['name']) && toIso2(str(o?.['name'])!)) || undefined;
}

function addresses(b: EntityBuilder, list: unknown): void {
  for (const a of arr(list).map(obj)) {
    if (!a) continue;
    const text = [str(a['address']), str(a['postCode'])].filter(Boolean).join(', ');
    b.add('address', text);
    b.add('country', country(a['country']));
  }
}

/**
 * Beneficial Ownership Data Standard 0.4 (JSON array packages or JSON lines of statements):
 * entity and person statements become Company / LegalEntity / PublicBody / Person, relationship
 * statements one edge per interest — Ownership (shares, voting rights, rights to assets; and the
 * other kinds of control, typed "control: …"), Directorship (board member or chair, senior
 * managing official) — with share ranges, direct/indirect, beneficial ownership and dates.
 *
 * A record's statements are read in date order; each (interest type, direct/indirect, start date)
 * of a relationship is one edge whose latest statement wins, so share changes with a new start date
 * stay as history (the earlier one ends where the next starts, when it states no end itself).
 * Unnamed parties (anonymous persons, undisclosed owners) become a note on the subject.
 */
export const bodsReader: SourceReader = {
  format: 'bods',
  title: 'Beneficial Ownership Data Standard 0.4 (JSON)',
  publisher: 'as stated in the statements (publicationDetails)',
  async *read(inputs: string[], ctx: ReadContext): AsyncIterable<SourceRecord> {
    const files = await expandInputs(inputs, (f) => /\.(json|jsonl)(\.gz)?$/i.test(f));
    if (files.length === 0) throw new SourceError(inputs.join(', '), undefined, 'no .json or .jsonl files found');
    const progress = await ByteProgress.of(files, ctx);
    const byRecord = new Map<string, Statement[]>();
    for (const file of files) {
      for await (const { value: s, where } of readJsonDocs(file, 'a BODS statement package', progress)) {
        const at = `${file}:${where}`;
        const version = str(obj(s['publicationDetails'])?.['bodsVersion']);
        if (version && !/^0\.[4-9]/.test(version)) throw new SourceError(file, where, `BODS ${version}; this reader reads BODS 0.4 (recordId, recordType, recordDetails)`);
        const recordId = str(s['recordId']);
        const recordType = str(s['recordType']);
        const details = obj(s['recordDetails']);
        if (!recordId || !details || (recordType !== 'entity' && recordType !== 'person' && recordType !== 'relationship')) {
          throw new SourceError(file, where, 'not a BODS 0.4 statement (needs recordId, recordType entity/person/relationship and recordDetails)');
        }
        ctx.report.noteVersion(parseDate(str(obj(s['publicationDetails'])?.['publicationDate']) ?? ''));
        const list = byRecord.get(recordId) ?? [];
        if (list[0] && list[0].recordType !== recordType) throw new SourceError(file, where, `record ${recordId} is a ${list[0].recordType} in ${list[0].where} and a ${recordType} here`);
        list.push({ s, recordId, recordType, date: str(s['statementDate']) ?? '', details, where: at });
        byRecord.set(recordId, list);
      }
    }
    const mapper = new BodsMapper(ctx, byRecord);
    // parties first, so that relationships know the schema and namelessness of their ends
    for (const type of ['entity', 'person', 'relationship'] as const) {
      for (const [recordId, statements] of byRecord) {
        if (statements[0]!.recordType !== type) continue;
        const entities = mapper.map(recordId, statements);
        ctx.report.records++;
        if (entities.length) yield { key: recordId, entities };
      }
    }
    for (const e of mapper.subjectNotes()) yield { key: `${e.id}#notes`, entities: [e] };
  },
};

class BodsMapper {
  /** records that have no FtM form (anonymous persons…), with why */
  private readonly unnamed = new Map<string, string>();
  private readonly schemaOf = new Map<string, string>();
  private readonly notes = new Map<string, string[]>();

  constructor(
    private readonly ctx: ReadContext,
    byRecord: Map<string, Statement[]>,
  ) {
    for (const list of byRecord.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  private id(recordId: string): string {
    return makeId(this.ctx.dataset, recordId);
  }

  map(recordId: string, statements: Statement[]): FtmEntity[] {
    const last = statements.at(-1)!;
    if (statements.length > 1 && last.recordType !== 'relationship') {
      for (const st of statements.slice(0, -1)) this.ctx.report.skip('entity or person statement superseded by a later statement of the same record', `${st.where} (${recordId})`);
    }
    if (last.recordType === 'entity') return this.entity(last);
    if (last.recordType === 'person') return this.person(last);
    return this.relationship(statements);
  }

  private builder(schema: string, st: Statement): EntityBuilder {
    const b = new EntityBuilder(schema, this.id(st.recordId), this.ctx.report.valueProblem);
    b.add('publisher', str(obj(obj(st.s['publicationDetails'])?.['publisher'])?.['name']));
    b.add('modifiedAt', parseDate(st.date));
    return b;
  }

  private unnamedParty(st: Statement, kind: string): FtmEntity[] {
    const u = obj(st.details['unspecifiedEntityDetails']) ?? obj(st.details['unspecifiedPersonDetails']);
    const why = [kind, str(u?.['reason']), str(u?.['description'])].filter(Boolean).join(': ');
    this.unnamed.set(st.recordId, why);
    this.ctx.report.skip(`unnamed party (no name to screen): noted on the entities it holds an interest in`, `${st.where} (${why})`);
    return [];
  }

  private entity(st: Statement): FtmEntity[] {
    const d = st.details;
    const type = obj(d['entityType']);
    const typeName = str(type?.['type']) ?? '';
    const schema = ENTITY_SCHEMA[typeName];
    const name = str(d['name']);
    if (!schema || !name) return this.unnamedParty(st, `${typeName || 'entity'} without a name`);
    this.schemaOf.set(st.recordId, schema);
    const b = this.builder(schema, st);
    b.add('name', name);
    b.add('alias', arr(d['alternateNames']).map(str));
    b.add('jurisdiction', country(d['jurisdiction']));
    if (typeName === 'arrangement' || typeName === 'stateBody') b.add('legalForm', [str(type?.['subtype']), str(type?.['details'])].filter(Boolean).join(': ') || typeName);
    for (const idf of arr(d['identifiers']).map(obj)) {
      const id = str(idf?.['id']);
      if (!id) continue;
      b.add(str(idf?.['scheme']) === 'XI-LEI' ? 'leiCode' : 'registrationNumber', id);
    }
    b.add('incorporationDate', parseDate(str(d['foundingDate']) ?? ''));
    b.add('dissolutionDate', parseDate(str(d['dissolutionDate']) ?? ''));
    addresses(b, d['addresses']);
    b.add('website', str(d['uri']));
    return [b.build()];
  }

  private person(st: Statement): FtmEntity[] {
    const d = st.details;
    const names = arr(d['names']).map(obj).filter((n): n is Record<string, unknown> => !!n);
    const full = (n: Record<string, unknown>) => str(n['fullName']) ?? [str(n['givenName']), str(n['familyName'])].filter(Boolean).join(' ');
    const main = names.find((n) => ['legal', 'individual', undefined].includes(str(n['type'])) && full(n)) ?? names.find((n) => full(n));
    if (str(d['personType']) !== 'knownPerson' || !main) return this.unnamedParty(st, str(d['personType']) ?? 'person without a name');
    this.schemaOf.set(st.recordId, 'Person');
    const b = this.builder('Person', st);
    b.add('name', full(main));
    b.add('firstName', str(main['givenName']));
    b.add('lastName', str(main['familyName']));
    for (const n of names) if (n !== main) b.add(str(n['type']) === 'birth' || str(n['type']) === 'former' ? 'previousName' : 'alias', full(n));
    b.add('birthDate', parseDate(str(d['birthDate']) ?? ''));
    b.add('deathDate', parseDate(str(d['deathDate']) ?? ''));
    b.add('nationality', arr(d['nationalities']).map(country));
    b.add('country', arr(d['taxResidencies']).map(country));
    b.add('birthPlace', str(obj(d['placeOfBirth'])?.['address']));
    addresses(b, d['addresses']);
    for (const idf of arr(d['identifiers']).map(obj)) b.add('idNumber', str(idf?.['id']));
    const pep = obj(d['politicalExposure']);
    if (str(pep?.['status']) === 'isPep') {
      b.add('topics', 'role.pep');
      for (const p of arr(pep?.['details']).map(obj)) b.add('position', str(p?.['reason']));
    }
    return [b.build()];
  }

  private relationship(statements: Statement[]): FtmEntity[] {
    const edges = new Map<string, EntityBuilder>();
    const starts = new Map<string, string[]>();
    for (const st of statements) {
      const d = st.details;
      const subject = str(d['subject']);
      const party = d['interestedParty'];
      if (!subject) throw new SourceError(st.where.replace(/:[^:]*$/, ''), st.where.replace(/^.*:/, ''), `relationship ${st.recordId} has no subject`);
      const partyId = str(party);
      const closed = str(st.s['recordStatus']) === 'closed';
      if (!partyId || this.unnamed.has(partyId)) {
        const why = partyId ? this.unnamed.get(partyId)! : [str(obj(party)?.['reason']), str(obj(party)?.['description'])].filter(Boolean).join(': ');
        const types = arr(d['interests']).map((i) => str(obj(i)?.['type'])).filter(Boolean).join(', ');
        this.note(subject, `interest${types ? ` (${types})` : ''} held by an unnamed party — ${why || 'not disclosed'} (BODS ${st.recordId})`);
        continue;
      }
      for (const who of [subject, partyId]) {
        if (!this.schemaOf.has(who)) this.ctx.report.skip('relationship refers to a record not in the files (edge kept)', `${st.where} (${who})`);
      }
      const interests = arr(d['interests']).map(obj).filter((i): i is Record<string, unknown> => !!i);
      if (interests.length === 0) interests.push({});
      for (const it of interests) {
        const typeName = str(it['type']);
        const kind: InterestKind = (typeName && BODS_INTERESTS[typeName]) || { kind: 'ownership', label: typeName ? typeName : 'interest not stated' };
        if (typeName && !BODS_INTERESTS[typeName]) this.ctx.report.skip(`unknown BODS interest type "${typeName}" (kept as an Ownership)`, st.where);
        const direct = str(it['directOrIndirect']) ?? 'unknown';
        const start = parseDate(str(it['startDate']) ?? '');
        const key = [typeName ?? '', direct, start ?? ''].join('|');
        const schema = kind.kind === 'directorship' ? 'Directorship' : 'Ownership';
        const b = new EntityBuilder(schema, makeId(this.ctx.dataset, st.recordId, typeName ?? '', direct, start ?? ''), this.ctx.report.valueProblem);
        if (schema === 'Directorship') {
          b.add('director', this.id(partyId)).add('organization', this.id(subject)).add('role', kind.label);
        } else {
          b.add('owner', this.id(partyId)).add('asset', this.id(subject)).add('ownershipType', kind.label).add('role', direct);
          const share = obj(it['share']);
          if (share) {
            const n = (k: string) => (typeof share[k] === 'number' ? (share[k] as number) : undefined);
            addShare(b, {
              exact: n('exact'),
              min: n('minimum') ?? n('exclusiveMinimum'),
              max: n('maximum') ?? n('exclusiveMaximum'),
              minExclusive: n('minimum') === undefined && n('exclusiveMinimum') !== undefined,
              maxExclusive: n('maximum') === undefined && n('exclusiveMaximum') !== undefined,
            });
          }
        }
        if (it['beneficialOwnershipOrControl'] === true) b.add('status', 'beneficial ownership or control');
        b.add('startDate', start);
        b.add('endDate', parseDate(str(it['endDate']) ?? '') ?? (closed ? parseDate(st.date) : undefined));
        b.add('description', str(it['details']));
        b.add('recordId', st.recordId);
        b.add('publisher', str(obj(obj(st.s['publicationDetails'])?.['publisher'])?.['name']));
        b.add('modifiedAt', parseDate(st.date));
        edges.set(key, b); // a later statement of the same interest replaces the earlier
        const series = `${typeName ?? ''}|${direct}`;
        if (start && !(starts.get(series) ?? []).includes(start)) starts.set(series, [...(starts.get(series) ?? []), start]);
      }
    }
    // an interest that a later one of the same kind follows ends where the later one starts
    for (const [key, b] of edges) {
      const [typeName, direct, start] = key.split('|');
      if (!start || b.has('endDate')) continue;
      const next = (starts.get(`${typeName}|${direct}`) ?? []).filter((s) => s > start!).sort()[0];
      if (next) {
        b.add('endDate', next);
        b.add('summary', `end date: the start of the next ${typeName || 'interest'} of this relationship`);
      }
    }
    return [...edges.values()].map((b) => b.build());
  }

  private note(subject: string, text: string): void {
    const list = this.notes.get(subject) ?? [];
    if (!list.includes(text)) list.push(text);
    this.notes.set(subject, list);
  }

  /** Notes about unnamed parties, on the entities they hold interests in. */
  subjectNotes(): FtmEntity[] {
    const out: FtmEntity[] = [];
    for (const [subject, notes] of this.notes) {
      const schema = this.schemaOf.get(subject);
      if (!schema) {
        this.ctx.report.skip('interest of an unnamed party in a record not in the files', subject);
        continue;
      }
      out.push({ id: this.id(subject), schema, properties: { notes } });
    }
    return out;
  }
}
