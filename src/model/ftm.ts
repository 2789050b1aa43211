import { Model, defaultModel } from '@opensanctions/followthemoney';
import type { Schema, Property } from '@opensanctions/followthemoney';

/** The FollowTheMoney model from the pinned @opensanctions/followthemoney package. */
export const model = new Model(defaultModel);

export class UnknownSchemaError extends Error {}

export function getSchema(name: string): Schema {
  const schema = model.schemata[name];
  if (!schema) throw new UnknownSchemaError(`unknown FollowTheMoney schema "${name}"`);
  return schema;
}

export function hasSchema(name: string): boolean {
  return model.schemata[name] !== undefined;
}

export function getProperty(schema: string, prop: string): Property | undefined {
  return getSchema(schema).getProperties().get(prop);
}

/** The FtM type name of a property (country, date, identifier, name, entity, …). */
export function propertyType(schema: string, prop: string): string | undefined {
  return getProperty(schema, prop)?.type.name;
}

export function isA(schema: string, parent: string): boolean {
  return getSchema(schema).isA(parent);
}
