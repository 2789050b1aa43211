import { Model, defaultModel } from '@opensanctions/followthemoney';
import type { Schema, Property } from '@opensanctions/followthemoney';
import { extensionProperty } from './extensions.js';

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

// The FtM library rebuilds a schema's inherited property map on every getProperties() call,
// and readers ask for a property's type once per value: remember the answers.
const typeCache = new Map<string, Map<string, string | null>>();

/**
 * The FtM type name of a property (country, date, identifier, name, entity, …), or the type of a
 * sanctrace extension property (hscode, number, …; see extensions.ts).
 */
export function propertyType(schema: string, prop: string): string | undefined {
  let props = typeCache.get(schema);
  if (!props) typeCache.set(schema, (props = new Map()));
  let type = props.get(prop);
  if (type === undefined) props.set(prop, (type = getProperty(schema, prop)?.type.name ?? extensionProperty(schema, prop)?.type ?? null));
  return type ?? undefined;
}

export function isA(schema: string, parent: string): boolean {
  return getSchema(schema).isA(parent);
}
