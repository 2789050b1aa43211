import type { FtmEntity } from './entity.js';
import { getSchema, propertyType } from './ftm.js';
import { toIso2 } from './countries.js';
import { parseDate } from './dates.js';

/** Something a source said that could not be kept as a clean value; the reader reports these. */
export interface ValueProblem {
  entityId: string;
  prop: string;
  value: string;
  reason: string;
}

export type ProblemSink = (problem: ValueProblem) => void;

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
