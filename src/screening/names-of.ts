import { analyseName, type AnalysedName } from '../names/analyse.js';

/** One name of an entity as screening compares it. */
export interface EntityName {
  analysed: AnalysedName;
  /** the property it came from: name, alias, previousName, weakAlias, or a name built from parts */
  prop: string;
  /** weak aliases (and names built from parts) count a little less */
  weak: boolean;
}

const NAME_PROPS: Array<[string, boolean]> = [
  ['name', false],
  ['alias', false],
  ['previousName', false],
  ['weakAlias', true],
  ['abbreviation', true],
];

/**
 * Every name of an entity worth comparing: its names and aliases, the alternatives a list puts
 * in parentheses ("ELEM GROUP (ЭЛЕМ ГРУПП)"), and for people without a full name the one their
 * name parts make.
 */
export function namesOf(schema: string, properties: Record<string, string[]>): EntityName[] {
  const out: EntityName[] = [];
  const seen = new Set<string>();
  const add = (text: unknown, prop: string, weak: boolean) => {
    if (typeof text !== 'string') return;
    const t = text.trim();
    if (t.length < 2 || t.length > 500 || seen.has(t)) return;
    seen.add(t);
    const analysed = analyseName(t, schema);
    if (analysed.tokens.length === 0) return;
    out.push({ analysed, prop, weak });
    for (const alt of analysed.alternatives) if (alt.length >= 3) add(alt, prop, true);
  };
  for (const [prop, weak] of NAME_PROPS) for (const v of properties[prop] ?? []) add(v, prop, weak);
  const first = properties['firstName'] ?? [];
  const last = properties['lastName'] ?? [];
  if (first.length && last.length) add(`${first[0]} ${last[0]}`, 'firstName+lastName', true);
  return out;
}
