import { readFile } from 'node:fs/promises';
import { getProperty, getSchema, hasSchema, propertyType } from '../../model/ftm.js';
import { extensionProperty } from '../../model/extensions.js';
import { SourceError } from '../errors.js';
import { CLEANERS, VALIDATORS } from './cleaners.js';
import { compileCondition, compileFtmFilters } from './conditions.js';
import { compileDateFormat, type DateFormat } from './date-format.js';
import type { ColumnRef, Condition, CsvSettings, EntitySpec, MappingSpec, PropertySpec, QuerySpec, ValueSource, ValueSpec } from './spec.js';
import { MappingError, YamlFile, type Entry, type YNode } from './yaml-nodes.js';

const TOP_KEYS = ['title', 'publisher', 'strict', 'max_rejected', 'null_values', 'csv', 'queries', 'files', 'where', 'filters', 'filters_not', 'entities'];
const QUERY_KEYS = ['files', 'where', 'filters', 'filters_not', 'entities'];
const ENTITY_KEYS = ['schema', 'keys', 'key_literal', 'where', 'properties'];
const SOURCE_KEYS = ['column', 'columns', 'literal', 'literals', 'template', 'entity'];
const VALUE_KEYS = [...SOURCE_KEYS, 'join', 'split', 'map', 'cleaner', 'format', 'validate', 'required', 'invalid', 'where'];

/** "*.csv" → a case-insensitive regex on the file's base name. */
function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

const TEMPLATE_PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

class Compiler {
  constructor(private readonly file: string) {}

  mapping(root: YNode): MappingSpec {
    if (root.isNull) throw root.error('the mapping is empty');
    const top = root.entriesOf('the mapping', TOP_KEYS);
    const spec: MappingSpec = {
      file: this.file,
      title: top.get('title')?.value.name('title'),
      publisher: top.get('publisher')?.value.name('publisher'),
      strict: top.get('strict')?.value.bool('strict') ?? false,
      maxRejected: this.maxRejected(top.get('max_rejected')),
      nullValues: new Set(['', ...(top.get('null_values')?.value.texts('null_values') ?? []).map((v) => v.trim())]),
      csv: this.csv(top.get('csv')),
      queries: [],
    };
    const queries = top.get('queries');
    const inline = QUERY_KEYS.filter((k) => top.has(k));
    if (queries) {
      if (inline.length) throw new MappingError(this.file, top.get(inline[0]!)!.keyPos, `"${inline[0]}" belongs inside a query when the mapping has "queries"`);
      const items = queries.value.items('queries');
      if (items.length === 0) throw queries.value.error('queries must list at least one query');
      spec.queries = items.map((q) => this.query(q.entriesOf('a query', QUERY_KEYS), q));
    } else {
      if (!top.has('entities')) throw root.error('the mapping has neither "entities" nor "queries"');
      spec.queries = [this.query(top, root)];
    }
    return spec;
  }

  private maxRejected(e: Entry | undefined): MappingSpec['maxRejected'] {
    if (!e) return undefined;
    const t = e.value.text('max_rejected').trim();
    const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
    if (pct) return { percent: Number(pct[1]) };
    if (/^\d+$/.test(t)) return { count: Number(t) };
    throw e.value.error(`max_rejected must be a number of rows or a percentage ("5%"), not "${t}"`);
  }

  private csv(e: Entry | undefined): CsvSettings {
    if (!e) return { encoding: 'utf-8' };
    const m = e.value.entriesOf('csv', ['delimiter', 'encoding']);
    const settings: CsvSettings = { encoding: 'utf-8' };
    const d = m.get('delimiter');
    if (d) {
      const text = d.value.text('csv.delimiter');
      if (text.length !== 1) throw d.value.error(`csv.delimiter must be one character, not "${text}"`);
      settings.delimiter = text;
    }
    const enc = m.get('encoding');
    if (enc) {
      const text = enc.value.text('csv.encoding').toLowerCase();
      if (text !== 'utf-8' && text !== 'windows-1252') throw enc.value.error(`csv.encoding must be utf-8 or windows-1252, not "${text}"`);
      settings.encoding = text;
    }
    return settings;
  }

  private query(m: Map<string, Entry>, node: YNode): QuerySpec {
    const columns: ColumnRef[] = [];
    const files = m.get('files');
    const globs = files?.value.texts('files', true);
    const conds: Condition[] = [];
    const where = m.get('where');
    if (where) conds.push(compileCondition(where.value, 'where', columns));
    const filters = m.get('filters');
    if (filters) conds.push(compileFtmFilters(filters.value, false, columns));
    const filtersNot = m.get('filters_not');
    if (filtersNot) conds.push(compileFtmFilters(filtersNot.value, true, columns));
    const ents = m.get('entities');
    if (!ents) throw node.error('a query needs "entities"');
    const entries = ents.value.entries('entities');
    if (entries.length === 0) throw ents.value.error('entities must name at least one entity');
    const entities = entries.map((e) => this.entity(e, columns));
    this.checkReferences(entities, entries);
    return {
      pos: node.pos,
      files: globs?.map(globToRegExp),
      filesText: globs?.join(', '),
      where: conds.length === 0 ? undefined : conds.length === 1 ? conds[0] : (row) => conds.every((c) => c(row)),
      entities,
      columns,
    };
  }

  private entity(e: Entry, columns: ColumnRef[]): EntitySpec {
    const what = `entity "${e.key}"`;
    const m = e.value.entriesOf(what, ENTITY_KEYS);
    const schemaEntry = m.get('schema');
    if (!schemaEntry) throw new MappingError(this.file, e.keyPos, `${what} needs a "schema"`);
    const schema = schemaEntry.value.name('schema');
    if (!hasSchema(schema)) throw schemaEntry.value.error(`unknown FtM schema "${schema}"`);
    const schemaObj = getSchema(schema);
    if (schemaObj.abstract) throw schemaEntry.value.error(`FtM schema "${schema}" is abstract; use one of its concrete schemata (e.g. Company, Person, Organization)`);
    const keysEntry = m.get('keys');
    if (!keysEntry) throw new MappingError(this.file, e.keyPos, `${what} needs "keys": the columns that identify it`);
    const keyNodes = keysEntry.value.items(`keys of ${what}`);
    if (keyNodes.length === 0) throw keysEntry.value.error(`keys of ${what} must name at least one column`);
    const keys = keyNodes.map((k) => {
      const c = k.name(`a key of ${what}`);
      columns.push({ column: c, pos: k.pos });
      return c;
    });
    const where = m.get('where');
    const spec: EntitySpec = {
      name: e.key,
      pos: e.keyPos,
      schema,
      keys,
      keyLiteral: m.get('key_literal')?.value.name('key_literal') ?? schema,
      where: where ? compileCondition(where.value, `where of ${what}`, columns) : undefined,
      refs: [],
      required: [...schemaObj.required],
    };
    const props = m.get('properties');
    if (props) {
      spec.properties = props.value.entries(`properties of ${what}`).map((p) => this.property(schema, p, what, columns));
      for (const p of spec.properties) {
        for (const v of p.specs) if (v.source.kind === 'entity') spec.refs.push(v.source.entity);
      }
      const missing = spec.required.filter((r) => !spec.properties!.some((p) => p.prop === r));
      if (missing.length) throw new MappingError(this.file, props.keyPos, `${what} (${schema}) must map "${missing.join('", "')}", which FtM requires`);
    }
    return spec;
  }

  private property(schema: string, p: Entry, what: string, columns: ColumnRef[]): PropertySpec {
    const type = propertyType(schema, p.key);
    if (type === undefined) throw new MappingError(this.file, p.keyPos, `FtM schema ${schema} has no property "${p.key}" (${what})`);
    if (!extensionProperty(schema, p.key) && getProperty(schema, p.key)?.stub) {
      throw new MappingError(this.file, p.keyPos, `"${p.key}" is a reverse property of ${schema}; map the edge entity (Ownership, Directorship, …) instead`);
    }
    const label = `${what}, property "${p.key}"`;
    const nodes = p.value.isList ? p.value.items(label) : [p.value];
    if (nodes.length === 0) throw p.value.error(`${label} has no value spec`);
    return { prop: p.key, type, specs: nodes.map((n) => this.value(n, type, label, columns)) };
  }

  private value(node: YNode, type: string, label: string, columns: ColumnRef[]): ValueSpec {
    if (node.isScalar && !node.isNull) {
      const column = node.name(`${label}`);
      if (type === 'entity') throw node.error(`${label} refers to an entity: write {entity: <name>}, not a column`);
      columns.push({ column, pos: node.pos });
      return { pos: node.pos, source: { kind: 'column', column }, cleaners: [], required: false, invalid: 'reject' };
    }
    const m = node.entriesOf(`the value of ${label}`, VALUE_KEYS);
    const sources = SOURCE_KEYS.filter((k) => m.has(k));
    if (sources.length !== 1) {
      throw node.error(`the value of ${label} needs exactly one of ${SOURCE_KEYS.join(', ')}${sources.length ? ` (has ${sources.join(', ')})` : ''}`);
    }
    const src = m.get(sources[0]!)!;
    let source: ValueSource;
    switch (sources[0]) {
      case 'column': {
        const column = src.value.name('column');
        columns.push({ column, pos: src.value.pos });
        source = { kind: 'column', column };
        break;
      }
      case 'columns': {
        const cols = src.value.texts('columns');
        if (cols.length === 0) throw src.value.error('columns must name at least one column');
        for (const c of cols) columns.push({ column: c, pos: src.value.pos });
        source = { kind: 'columns', columns: cols, join: m.get('join')?.value.text('join') };
        break;
      }
      case 'literal':
        source = { kind: 'literal', values: [src.value.text('literal')] };
        break;
      case 'literals':
        source = { kind: 'literal', values: src.value.texts('literals') };
        break;
      case 'template': {
        const template = src.value.text('template');
        const cols = [...template.matchAll(TEMPLATE_PLACEHOLDER)].map((x) => x[1]!);
        if (cols.length === 0) throw src.value.error('template has no {{column}} placeholder; use literal for fixed text');
        for (const c of cols) columns.push({ column: c, pos: src.value.pos });
        source = { kind: 'template', template, columns: cols };
        break;
      }
      default:
        source = { kind: 'entity', entity: src.value.name('entity') };
    }
    if (type === 'entity' && source.kind !== 'entity') throw src.value.error(`${label} refers to an entity: use {entity: <name>}`);
    if (type !== 'entity' && source.kind === 'entity') throw src.value.error(`${label} is a ${type} property, not a reference; "entity:" is only for entity properties`);
    if (m.has('join') && source.kind !== 'columns') throw m.get('join')!.value.error('join only goes with columns');

    const spec: ValueSpec = { pos: node.pos, source, cleaners: [], required: false, invalid: 'reject' };
    const split = m.get('split');
    if (split) {
      spec.split = split.value.text('split');
      if (!spec.split) throw split.value.error('split must not be empty');
    }
    const map = m.get('map');
    if (map) {
      spec.map = new Map(map.value.entries('map').map((x) => [x.key.trim().toLowerCase(), x.value.isNull ? '' : x.value.text(`the value of map "${x.key}"`)]));
    }
    const cleaner = m.get('cleaner');
    if (cleaner) {
      for (const name of cleaner.value.texts('cleaner', true)) {
        const clean = CLEANERS[name];
        if (!clean) throw cleaner.value.error(`unknown cleaner "${name}"; known: ${Object.keys(CLEANERS).join(', ')}`);
        spec.cleaners.push({ name, clean });
      }
    }
    const format = m.get('format');
    if (format) {
      if (type !== 'date') throw format.value.error(`format is for date properties; ${label} is ${type}`);
      spec.formats = format.value.texts('format', true).map((f): DateFormat => {
        try {
          return compileDateFormat(f);
        } catch (err) {
          throw format.value.error((err as Error).message);
        }
      });
    }
    const validate = m.get('validate');
    if (validate) {
      const name = validate.value.name('validate');
      const clean = VALIDATORS[name];
      if (!clean) throw validate.value.error(`unknown identifier check "${name}"; known: ${Object.keys(VALIDATORS).join(', ')}`);
      spec.validate = { name, clean };
    }
    spec.required = m.get('required')?.value.bool('required') ?? false;
    const invalid = m.get('invalid');
    if (invalid) {
      const v = invalid.value.text('invalid');
      if (v !== 'reject' && v !== 'skip' && v !== 'note') throw invalid.value.error(`invalid must be reject, skip or note, not "${v}"`);
      spec.invalid = v;
    }
    const where = m.get('where');
    if (where) spec.where = compileCondition(where.value, `where of ${label}`, columns);
    return spec;
  }

  private checkReferences(entities: EntitySpec[], entries: Entry[]): void {
    const names = new Set(entities.map((e) => e.name));
    entities.forEach((entity, i) => {
      const props = entries[i]!.value.entriesOf('', ENTITY_KEYS).get('properties');
      for (const ref of entity.refs) {
        if (ref === entity.name || !names.has(ref)) {
          // find the reference's own node for the position
          const at = props ? findReference(props.value, ref) : undefined;
          const reason = ref === entity.name ? `entity "${ref}" refers to itself` : `no entity "${ref}" in this query (entities: ${[...names].join(', ')})`;
          throw at ? at.error(reason) : new MappingError(this.file, entity.pos, reason);
        }
      }
    });
  }
}

function findReference(props: YNode, ref: string): YNode | undefined {
  for (const p of props.entries('properties')) {
    for (const n of p.value.isList ? p.value.items('') : [p.value]) {
      if (!n.isMap) continue;
      const e = n.entries('').find((x) => x.key === 'entity');
      if (e && e.value.isScalar && e.value.text('') === ref) return e.value;
    }
  }
  return undefined;
}

/** Parses and checks a mapping's text; every mistake is a MappingError naming line and column. */
export function compileMapping(file: string, text: string): MappingSpec {
  return new Compiler(file).mapping(new YamlFile(file, text.replace(/^\ufeff/, '')).root);
}

/** Reads, parses and checks a mapping file. */
export async function loadMapping(file: string): Promise<MappingSpec> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new SourceError(file, undefined, 'no such mapping file');
  }
  return compileMapping(file, text);
}
