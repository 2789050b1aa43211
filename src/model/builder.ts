import type { FtmEntity } from './entity.js';
import { getSchema, propertyType } from './ftm.js';
import { toIso2 } from './countries.js';
import { parseDate } from './dates.js';
import { cleanHsCode, cleanNumber } from './extensions.js';

/** Something a source said that could not be kept as a clean value; the reader reports these. */
export interface ValueProblem {
  entityId: string;
  prop: string;
  value: string;
  reason: string;
}

export type ProblemSink = (problem: ValueProblem) => void;

/** A source's own reading of one raw value; `exact` is false when the value says more than `values`. */
export type ValueParser = (raw: string) => { values: string[]; exact: boolean };

const GENDERS: Record<string, string> = { male: 'male', m: 'male', female: 'female', f: 'female', other: 'other' };

/** Clean one raw value for an FtM property type; returns undefined and a reason if it cannot be kept. */
export function cleanValue(type: string | undefined, raw: string): { value?: string; reason?: string } {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return {};
  switch (type) {
    case 'country': {
      const iso2 = toIso2(text);
      return iso2 ? { value: iso2.toLowerCase() } : { reason: `not a known country: "${text}"` };
    }
    case 'date': {
      const d = parseDate(text);
      return d ? { value: d } : { reason: `not a date: "${text}"` };
    }
    case 'gender': {
      const g = GENDERS[text.toLowerCase()];
      return g ? { value: g } : { reason: `not a gender: "${text}"` };
    }
    case 'hscode': {
      const code = cleanHsCode(text);
      return code ? { value: code } : { reason: `not an HS code: "${text}"` };
    }
    case 'number': {
      const n = cleanNumber(text);
      return n !== undefined ? { value: n } : { reason: `not a number: "${text}"` };
    }
    case 'text':
      return { value: raw.trim() };
    default:
      return { value: text };
  }
}

/**
 * Builds one FtM entity property by property, checking every property against the FtM schema
 * and cleaning values by their FtM type (countries to ISO2 lower-case as FtM stores them, dates
 * to partial ISO). Values that cannot be cleaned go to the problem sink, never silently away.
 */
export class EntityBuilder {
  readonly properties: Record<string, string[]> = {};

  constructor(
    readonly schema: string,
    readonly id: string,
    private readonly onProblem?: ProblemSink,
  ) {
    getSchema(schema);
  }

  /** Add values; undefined, null and empty strings are ignored. Returns this for chaining. */
  add(prop: string, values: string | number | null | undefined | Array<string | number | null | undefined>): this {
    const type = propertyType(this.schema, prop);
    if (type === undefined) throw new Error(`FtM schema ${this.schema} has no property "${prop}"`);
    for (const v of Array.isArray(values) ? values : [values]) {
      if (v === undefined || v === null) continue;
      const { value, reason } = cleanValue(type, String(v));
      if (reason) this.onProblem?.({ entityId: this.id, prop, value: String(v), reason });
      if (value === undefined) continue;
      const list = (this.properties[prop] ??= []);
      if (!list.includes(value)) list.push(value);
    }
    return this;
  }

  /**
   * Adds values to a property if the schema has it, and keeps a value that cannot be cleaned in
   * `notes` as "label: value" too; if the schema lacks the property, every value goes to notes so.
   * `parse` reads a raw value the source's way ("circa 1960", "Russian, Ukrainian"): its values
   * are added (the raw value if none, for the builder to report) and, unless `exact`, the raw
   * value is kept in notes.
   */
  addOrNote(prop: string, values: string | undefined | Array<string | undefined>, label: string, parse?: ValueParser): this {
    const type = propertyType(this.schema, prop);
    for (const raw of Array.isArray(values) ? values : [values]) {
      const v = raw?.trim();
      if (!v) continue;
      if (type === undefined) {
        this.add('notes', `${label}: ${v}`);
        continue;
      }
      const parsed = parse ? parse(v) : { values: [v], exact: !cleanValue(type, v).reason };
      this.add(prop, parsed.values.length ? parsed.values : v);
      if (!parsed.exact) this.add('notes', `${label}: ${v}`);
    }
    return this;
  }

  /** Whether the entity's schema has this property at all. */
  hasProp(prop: string): boolean {
    return propertyType(this.schema, prop) !== undefined;
  }

  has(prop: string): boolean {
    return (this.properties[prop]?.length ?? 0) > 0;
  }

  get(prop: string): string[] {
    return this.properties[prop] ?? [];
  }

  build(): FtmEntity {
    return { id: this.id, schema: this.schema, properties: this.properties };
  }
}

/** The entities one source entry derives (addresses, documents, sanctions): one builder per id. */
export class DerivedEntities {
  private readonly byId = new Map<string, EntityBuilder>();

  constructor(private readonly onProblem?: ProblemSink) {}

  /** The builder of this id; made with this schema, and set up by `init`, when first asked for. */
  get(schema: string, id: string, init?: (b: EntityBuilder) => void): EntityBuilder {
    let b = this.byId.get(id);
    if (!b) {
      b = new EntityBuilder(schema, id, this.onProblem);
      init?.(b);
      this.byId.set(id, b);
    }
    return b;
  }

  get size(): number {
    return this.byId.size;
  }

  /** The builders in the order their ids were first asked for. */
  builders(): EntityBuilder[] {
    return [...this.byId.values()];
  }

  build(): FtmEntity[] {
    return this.builders().map((b) => b.build());
  }
}
