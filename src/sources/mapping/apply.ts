import { EntityBuilder, type ValueProblem } from '../../model/builder.js';
import type { FtmEntity } from '../../model/entity.js';
import { propertyType } from '../../model/ftm.js';
import { makeId } from '../../model/ids.js';
import type { EntitySpec, PropertySpec, QuerySpec, Row, ValueSource, ValueSpec } from './spec.js';

/** Why a row cannot be mapped: `reason` groups rows in the report, `value` is the offending text. */
export interface RowProblem {
  reason: string;
  value?: string;
  /** what is wrong with this value in particular ("check digit does not match") */
  detail?: string;
}

/** A value left out of an entity under `invalid: skip` or `note`, for the report. */
export interface LeftOut {
  reason: string;
  value: string;
  detail?: string;
}

export type QueryResult =
  | { status: 'filtered' }
  | { status: 'mapped'; entities: FtmEntity[]; leftOut: LeftOut[] }
  | { status: 'rejected'; problem: RowProblem };

class Rejected extends Error {
  constructor(readonly problem: RowProblem) {
    super(problem.reason);
  }
}

function sourceLabel(s: ValueSource): string {
  switch (s.kind) {
    case 'column':
      return `column ${s.column}`;
    case 'columns':
      return `columns ${s.columns.join(', ')}`;
    case 'template':
      return `template`;
    case 'literal':
      return 'literal';
    case 'entity':
      return `entity ${s.entity}`;
  }
}

/**
 * A cleaner's reason ('not a date: "31.02.2023"', 'not a valid LEI: "X" (check digit…)') split
 * into the reason rows group by and the detail of this value.
 */
function splitReason(reason: string): { reason: string; detail?: string } {
  const m = /^(.*?): ".*"(?: \((.*)\))?$/s.exec(reason);
  return m ? { reason: m[1]!, detail: m[2] } : { reason };
}

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

function renderTemplate(template: string, row: Row): string | undefined {
  let any = false;
  const text = template.replace(PLACEHOLDER, (_m, col: string) => {
    const v = row.get(col).join(' ');
    if (v) any = true;
    return v;
  });
  if (!any) return undefined;
  // placeholders left empty must not leave ", , " or a dangling separator behind
  return text
    .replace(/(\s*,\s*)+,/g, ',')
    .replace(/\s+/g, ' ')
    .replace(/\s+,/g, ',')
    .replace(/^[\s,;/-]+|[\s,;/-]+$/g, '');
}

function rawValues(spec: ValueSpec, row: Row, ids: Map<string, string>): string[] {
  const s = spec.source;
  switch (s.kind) {
    case 'column':
      return row.get(s.column);
    case 'columns': {
      const vals = s.columns.flatMap((c) => row.get(c));
      return s.join !== undefined ? (vals.length ? [vals.join(s.join)] : []) : vals;
    }
    case 'literal':
      return s.values;
    case 'template': {
      const t = renderTemplate(s.template, row);
      return t ? [t] : [];
    }
    case 'entity': {
      const id = ids.get(s.entity);
      return id ? [id] : [];
    }
  }
}

/**
 * Maps one row through one query: ids from keys, conditions, values through split → map → date
 * format → cleaners → identifier check → EntityBuilder's type cleaning. An invalid value rejects
 * the row unless its spec says `invalid: skip` or `note`.
 */
export class QueryMapper {
  private readonly problems: ValueProblem[] = [];
  private readonly sink = (p: ValueProblem) => this.problems.push(p);

  constructor(
    private readonly query: QuerySpec,
    private readonly dataset: string,
  ) {}

  map(row: Row): QueryResult {
    if (this.query.where && !this.query.where(row)) return { status: 'filtered' };
    try {
      return this.mapRow(row);
    } catch (e) {
      if (e instanceof Rejected) return { status: 'rejected', problem: e.problem };
      throw e;
    }
  }

  private mapRow(row: Row): QueryResult {
    const entities = this.query.entities;
    const excluded = new Set<string>();
    const ids = new Map<string, string>();
    for (const e of entities) {
      if (e.where && !e.where(row)) {
        excluded.add(e.name);
        continue;
      }
      const keyValues = e.keys.map((k) => row.get(k).join(';'));
      if (keyValues.every((v) => v === '')) {
        throw new Rejected({ reason: `${e.name}: key column${e.keys.length > 1 ? 's' : ''} ${e.keys.join(', ')} empty` });
      }
      ids.set(e.name, makeId(this.dataset, e.keyLiteral, ...keyValues));
    }
    // an entity whose required reference (an Ownership's owner) points only at excluded entities
    // is excluded too; an optional reference to an excluded entity just gives no value
    for (let changed = excluded.size > 0; changed; ) {
      changed = false;
      for (const e of entities) {
        if (excluded.has(e.name) || !e.properties) continue;
        if (this.lacksRequiredReference(e, row, excluded)) {
          excluded.add(e.name);
          ids.delete(e.name);
          changed = true;
        }
      }
    }
    const byId = new Map<string, { name: string; builder: EntityBuilder }>();
    const leftOut: LeftOut[] = [];
    for (const e of entities) {
      if (!e.properties || excluded.has(e.name)) continue;
      const id = ids.get(e.name)!;
      const seen = byId.get(id);
      if (seen && seen.builder.schema !== e.schema) {
        throw new Rejected({ reason: `entities ${seen.name} (${seen.builder.schema}) and ${e.name} (${e.schema}) get the same id; give them different key_literal` });
      }
      const builder = seen?.builder ?? new EntityBuilder(e.schema, id, this.sink);
      for (const p of e.properties) this.addProperty(e, p, builder, row, ids, leftOut);
      if (!seen) byId.set(id, { name: e.name, builder });
    }
    for (const e of entities) {
      if (!e.properties || excluded.has(e.name)) continue;
      const b = byId.get(ids.get(e.name)!)!.builder;
      for (const r of e.required) {
        if (!b.has(r)) {
          const p = e.properties.find((x) => x.prop === r);
          const from = p ? ` (${p.specs.map((s) => sourceLabel(s.source)).join('; ')})` : '';
          throw new Rejected({ reason: `${e.name}.${r}${from}: empty, and FtM requires it` });
        }
      }
    }
    return { status: 'mapped', entities: [...byId.values()].map((x) => x.builder.build()), leftOut };
  }

  private lacksRequiredReference(e: EntitySpec, row: Row, excluded: Set<string>): boolean {
    for (const p of e.properties ?? []) {
      if (p.type !== 'entity' || !e.required.includes(p.prop)) continue;
      const targets = p.specs.filter((s) => !s.where || s.where(row)).map((s) => (s.source as { entity: string }).entity);
      if (targets.length > 0 && targets.every((t) => excluded.has(t))) return true;
    }
    return false;
  }

  private addProperty(e: EntitySpec, p: PropertySpec, b: EntityBuilder, row: Row, ids: Map<string, string>, leftOut: LeftOut[]): void {
    for (const spec of p.specs) {
      if (spec.where && !spec.where(row)) continue;
      // built only when a value fails: most rows never need it
      const label = () => `${e.name}.${p.prop} (${sourceLabel(spec.source)})`;
      let values = rawValues(spec, row, ids);
      if (spec.split) values = values.flatMap((v) => v.split(spec.split!)).map((v) => v.trim()).filter((v) => v !== '');
      if (spec.map) {
        values = values.map((v) => spec.map!.get(v.trim().toLowerCase()) ?? v).filter((v) => v.trim() !== '');
      }
      if (values.length === 0) {
        if (spec.required) throw new Rejected({ reason: `${label()}: required value empty` });
        continue;
      }
      for (const raw of values) {
        const cleaned = this.clean(spec, raw);
        if (cleaned.reason !== undefined) {
          this.invalid(spec, label, raw, cleaned.reason, b, p.prop, leftOut);
          continue;
        }
        const before = this.problems.length;
        b.add(p.prop, cleaned.value);
        if (this.problems.length > before) {
          const problem = this.problems.splice(before)[0]!;
          this.invalid(spec, label, raw, problem.reason, b, p.prop, leftOut);
        }
      }
    }
  }

  private clean(spec: ValueSpec, raw: string): { value?: string; reason?: string } {
    let v = raw;
    if (spec.formats) {
      let parsed: string | undefined;
      for (const f of spec.formats) if ((parsed = f.parse(v)) !== undefined) break;
      if (parsed === undefined) {
        const fmts = spec.formats.map((f) => f.source).join('" or "');
        return { reason: `not a date in format "${fmts}": "${raw}"` };
      }
      v = parsed;
    }
    for (const c of spec.cleaners) {
      const r = c.clean(v);
      if (r.reason !== undefined) return { reason: r.reason };
      v = r.value;
    }
    if (spec.validate) {
      const r = spec.validate.clean(v);
      if (r.reason !== undefined) return { reason: r.reason };
      v = r.value;
    }
    return { value: v };
  }

  private invalid(spec: ValueSpec, label: () => string, raw: string, reason: string, b: EntityBuilder, prop: string, leftOut: LeftOut[]): void {
    const split = splitReason(reason);
    const problem: RowProblem = { reason: `${label()}: ${split.reason}`, value: raw, detail: split.detail };
    if (spec.invalid === 'reject') throw new Rejected(problem);
    if (spec.invalid === 'note') {
      const noteProp = propertyType(b.schema, 'notes') ? 'notes' : 'description';
      b.add(noteProp, `${prop}: ${raw}`);
      leftOut.push({ reason: `invalid value kept in ${noteProp}: ${problem.reason}`, value: raw, detail: split.detail });
    } else {
      leftOut.push({ reason: `invalid value left out: ${problem.reason}`, value: raw, detail: split.detail });
    }
  }
}
