/**
 * sanctrace's declared extensions of the FollowTheMoney model: the customs-line facts FtM lacks.
 * This is the one place they are defined. Stored and screened like FtM properties; exported
 * outside `properties` (see splitExtensions) so that exports stay valid FtM for Aleph and
 * OpenSanctions tools, and read back by the ftm reader.
 */
export interface ExtensionProperty {
  /** the value type: cleaned by EntityBuilder like FtM types of the same name */
  type: 'hscode' | 'number' | 'country' | 'string' | 'date';
  label: string;
  description: string;
}

export const EXTENSIONS: Record<string, Record<string, ExtensionProperty>> = {
  EconomicActivity: {
    hsCode: {
      type: 'hscode',
      label: 'HS code',
      description: 'commodity code of the line, digits only (HS2–HS6, CN8 or a national 10-digit code); vedCode keeps the declared text',
    },
    quantity: { type: 'number', label: 'Quantity', description: 'quantity in the supplementary unit' },
    quantityUnit: { type: 'string', label: 'Unit', description: 'unit of the quantity (pcs, kg, l, m2, pairs…)' },
    netWeight: { type: 'number', label: 'Net weight (kg)', description: 'net mass in kilograms' },
    grossWeight: { type: 'number', label: 'Gross weight (kg)', description: 'gross mass in kilograms' },
    value: { type: 'number', label: 'Value', description: 'declared value of the line, in `currency`' },
    currency: { type: 'string', label: 'Currency', description: 'ISO 4217 code of `value`' },
    transitCountry: { type: 'country', label: 'Transit country', description: 'country the goods pass through' },
    declarationDate: { type: 'date', label: 'Declaration date', description: 'date of the customs declaration' },
  },
};

/** The extension property of a schema, if declared (extended schemata have no FtM descendants). */
export function extensionProperty(schema: string, prop: string): ExtensionProperty | undefined {
  return EXTENSIONS[schema]?.[prop];
}

/** HS/CN code to digits: "8542.31.00" → "85423100"; undefined unless 2–10 digits in even count. */
export function cleanHsCode(raw: string): string | undefined {
  const digits = raw.replace(/[\s.\-]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  return digits.length >= 2 && digits.length <= 10 && digits.length % 2 === 0 ? digits : undefined;
}

/** A decimal number in plain notation; accepts "1 234,5", "1,234.5", "1234.50". */
export function cleanNumber(raw: string): string | undefined {
  let t = raw.replace(/[\s\u00a0']/g, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else if (/^-?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? String(n) : undefined;
}

/** Separates the FtM properties of an entity from its extension properties. */
export function splitExtensions(schema: string, properties: Record<string, string[]>): {
  properties: Record<string, string[]>;
  extensions?: Record<string, string[]>;
} {
  let extensions: Record<string, string[]> | undefined;
  const plain: Record<string, string[]> = {};
  for (const [prop, values] of Object.entries(properties)) {
    if (extensionProperty(schema, prop)) (extensions ??= {})[prop] = values;
    else plain[prop] = values;
  }
  return extensions ? { properties: plain, extensions } : { properties: plain };
}

/** An entity as valid FtM JSON: extension properties moved from `properties` to `extensions`. */
export function toFtmJson<T extends { schema: string; properties: Record<string, string[]> }>(entity: T): T & { extensions?: Record<string, string[]> } {
  const split = splitExtensions(entity.schema, entity.properties);
  return split.extensions ? { ...entity, properties: split.properties, extensions: split.extensions } : entity;
}
