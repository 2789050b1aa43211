import type { DateFormat } from './date-format.js';
import type { Cleaner } from './cleaners.js';
import type { Pos } from './yaml-nodes.js';

/** One data row as the mapping sees it: the non-empty, trimmed values of a column. */
export interface Row {
  get(column: string): string[];
}

export type Condition = (row: Row) => boolean;

/** A column the mapping reads, and where the mapping first names it (for "missing column"). */
export interface ColumnRef {
  column: string;
  pos: Pos;
}

export type ValueSource =
  | { kind: 'column'; column: string }
  | { kind: 'columns'; columns: string[]; join?: string }
  | { kind: 'literal'; values: string[] }
  | { kind: 'template'; template: string; columns: string[] }
  | { kind: 'entity'; entity: string };

export type InvalidPolicy = 'reject' | 'skip' | 'note';

export interface ValueSpec {
  pos: Pos;
  source: ValueSource;
  split?: string;
  /** lower-cased trimmed source value → replacement ("" drops the value) */
  map?: Map<string, string>;
  cleaners: Array<{ name: string; clean: Cleaner }>;
  formats?: DateFormat[];
  validate?: { name: string; clean: Cleaner };
  required: boolean;
  invalid: InvalidPolicy;
  where?: Condition;
}

export interface PropertySpec {
  prop: string;
  /** the FtM (or extension) type of the property */
  type: string;
  specs: ValueSpec[];
}

export interface EntitySpec {
  name: string;
  pos: Pos;
  schema: string;
  keys: string[];
  keyLiteral: string;
  where?: Condition;
  /** undefined: a reference only, not emitted */
  properties?: PropertySpec[];
  /** names of the entities this one refers to (through `entity:` values) */
  refs: string[];
  /** required properties of the schema */
  required: string[];
}

export interface QuerySpec {
  pos: Pos;
  /** name globs; undefined: every file */
  files?: RegExp[];
  filesText?: string;
  where?: Condition;
  entities: EntitySpec[];
  columns: ColumnRef[];
}

export interface CsvSettings {
  delimiter?: string;
  encoding: 'utf-8' | 'windows-1252';
}

export interface MappingSpec {
  file: string;
  title?: string;
  publisher?: string;
  strict: boolean;
  maxRejected?: { count: number } | { percent: number };
  nullValues: Set<string>;
  csv: CsvSettings;
  queries: QuerySpec[];
}
