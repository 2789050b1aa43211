import type { ColumnRef, Condition, Row } from './spec.js';
import type { YNode } from './yaml-nodes.js';

const RESERVED = ['present', 'absent', 'matches', 'equals', 'not', 'all', 'any'];

function equalsAny(column: string, values: string[]): Condition {
  const wanted = new Set(values.map((v) => v.trim()));
  return (row: Row) => row.get(column).some((v) => wanted.has(v));
}

function allOf(conds: Condition[]): Condition {
  return conds.length === 1 ? conds[0]! : (row) => conds.every((c) => c(row));
}

/** `{col: value, …}` or `{col: [v1, v2]}`: column equality, all columns. */
function equalities(node: YNode, what: string, refs: ColumnRef[]): Condition[] {
  return node.entries(what).map((e) => {
    refs.push({ column: e.key, pos: e.keyPos });
    const values = e.value.isList ? e.value.texts(`the values of "${e.key}"`) : [e.value.text(`the value of "${e.key}"`)];
    return equalsAny(e.key, values);
  });
}

/**
 * Compiles a `where` condition (see docs/mappings.md, Conditions). Columns it reads are added to
 * `refs`, so that a column missing from a file is caught before rows are read.
 */
export function compileCondition(node: YNode, what: string, refs: ColumnRef[]): Condition {
  const parts: Condition[] = [];
  for (const e of node.entries(what)) {
    const columnsOf = (): string[] => {
      const cols = e.value.texts(`"${e.key}" in ${what}`, true);
      if (cols.length === 0) throw e.value.error(`"${e.key}" in ${what} names no column`);
      for (const c of cols) refs.push({ column: c, pos: e.value.pos });
      return cols;
    };
    switch (e.key) {
      case 'present': {
        const cols = columnsOf();
        parts.push((row) => cols.every((c) => row.get(c).length > 0));
        break;
      }
      case 'absent': {
        const cols = columnsOf();
        parts.push((row) => cols.every((c) => row.get(c).length === 0));
        break;
      }
      case 'matches':
        for (const m of e.value.entries(`"matches" in ${what}`)) {
          let re: RegExp;
          try {
            re = new RegExp(m.value.text(`the pattern of "${m.key}"`), 'u');
          } catch (err) {
            throw m.value.error(`invalid regular expression: ${(err as Error).message}`);
          }
          refs.push({ column: m.key, pos: m.keyPos });
          parts.push((row) => row.get(m.key).some((v) => re.test(v)));
        }
        break;
      case 'equals':
        parts.push(...equalities(e.value, `"equals" in ${what}`, refs));
        break;
      case 'not': {
        const inner = compileCondition(e.value, `"not" in ${what}`, refs);
        parts.push((row) => !inner(row));
        break;
      }
      case 'all':
      case 'any': {
        const items = e.value.items(`"${e.key}" in ${what}`);
        if (items.length === 0) throw e.value.error(`"${e.key}" in ${what} must list at least one condition`);
        const conds = items.map((n) => compileCondition(n, `an item of "${e.key}"`, refs));
        parts.push(e.key === 'all' ? allOf(conds) : (row) => conds.some((c) => c(row)));
        break;
      }
      default: {
        refs.push({ column: e.key, pos: e.keyPos });
        const values = e.value.isList ? e.value.texts(`the values of "${e.key}"`) : [e.value.text(`the value of "${e.key}"`)];
        parts.push(equalsAny(e.key, values));
      }
    }
  }
  if (parts.length === 0) throw node.error(`${what} is an empty condition`);
  return allOf(parts);
}

/** FtM's query filters: `filters: {col: value}` (all hold), `filters_not: {col: value}` (none holds). */
export function compileFtmFilters(node: YNode, negate: boolean, refs: ColumnRef[]): Condition {
  const conds = equalities(node, negate ? 'filters_not' : 'filters', refs);
  if (!negate) return allOf(conds);
  return (row) => !conds.some((c) => c(row));
}

export { RESERVED as RESERVED_CONDITION_WORDS };
