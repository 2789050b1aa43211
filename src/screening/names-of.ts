import { analyseName, isGenericToken, type AnalysedName } from '../names/analyse.js';

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

const SLASH = /\s*\/\s*/;
const WORD = /\p{L}{3}/u;

/**
 * Names a list gives two ways with a slash ("Al-Qa'ida/Islamic Army", "KAMAZ / КАМАЗ"): each side,
 * when each has a word of three letters or more and the words either side of the slash are not
 * generic (A/S, M/V and "Nordic Import/Export Ltd" are left alone).
 */
function slashAlternatives(name: string): string[] {
  if (!name.includes('/')) return [];
  const sides = name.split(SLASH).map((x) => x.trim());
  if (sides.length < 2 || sides.length > 4 || !sides.every((x) => WORD.test(x))) return [];
  const analysed = sides.map((x) => analyseName(x));
  // a generic word on either side of the slash pairs with the other: Import/Export, Sales/Service
  for (let i = 0; i + 1 < analysed.length; i++) {
    const before = analysed[i]!.tokens.at(-1);
    const after = analysed[i + 1]!.tokens[0];
    if (!before || !after || isGenericToken(before) || isGenericToken(after)) return [];
  }
  return sides.filter((_, i) => !analysed[i]!.genericOnly);
}

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
    for (const alt of slashAlternatives(t)) add(alt, prop, weak);
  };
  for (const [prop, weak] of NAME_PROPS) for (const v of properties[prop] ?? []) add(v, prop, weak);
  const first = properties['firstName'] ?? [];
  const last = properties['lastName'] ?? [];
  if (first.length && last.length) add(`${first[0]} ${last[0]}`, 'firstName+lastName', true);
  return out;
}
