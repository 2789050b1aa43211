import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Scalar } from 'yaml';
import { SourceError } from '../errors.js';

/** A place in the mapping file, for messages: 1-based line and column. */
export interface Pos {
  line: number;
  col: number;
}

/** A mistake in the mapping itself: names the mapping file, line and column. */
export class MappingError extends SourceError {
  constructor(file: string, pos: Pos | undefined, reason: string) {
    super(file, pos ? `${pos.line}:${pos.col}` : undefined, reason);
    this.name = 'MappingError';
  }
}

/** One key of a YAML map with its value node. */
export interface Entry {
  key: string;
  keyPos: Pos;
  value: YNode;
}

/**
 * A node of the parsed mapping with the checks the mapping reader needs: every "expected a list"
 * or "unknown key" names the line and column of the offending node.
 */
export class YNode {
  constructor(
    readonly node: Node | null,
    private readonly doc: YamlFile,
    /** position to blame when the node itself has none (an empty value) */
    private readonly fallback: Pos,
  ) {}

  get pos(): Pos {
    return this.doc.posOf(this.node) ?? this.fallback;
  }

  error(reason: string): MappingError {
    return new MappingError(this.doc.file, this.pos, reason);
  }

  get isMap(): boolean {
    return isMap(this.node);
  }

  get isList(): boolean {
    return isSeq(this.node);
  }

  get isScalar(): boolean {
    return isScalar(this.node);
  }

  get isNull(): boolean {
    return this.node === null || (isScalar(this.node) && this.node.value === null);
  }

  /** The entries of a map, in order; `what` says what the map should be, for the error. */
  entries(what: string): Entry[] {
    if (!isMap(this.node)) throw this.error(`${what} must be a map (key: value), not ${this.kind()}`);
    return this.node.items.map((pair) => {
      const keyNode = pair.key as Node | null;
      if (!isScalar(keyNode) || typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number') {
        throw new YNode(keyNode, this.doc, this.pos).error(`keys of ${what} must be plain text`);
      }
      const keyPos = this.doc.posOf(keyNode) ?? this.pos;
      return { key: String(keyNode.value), keyPos, value: this.doc.wrap(pair.value as Node | null, keyPos) };
    });
  }

  /** The entries of a map whose keys must be among `known`. */
  entriesOf(what: string, known: readonly string[]): Map<string, Entry> {
    const out = new Map<string, Entry>();
    for (const e of this.entries(what)) {
      if (!known.includes(e.key)) {
        throw new MappingError(this.doc.file, e.keyPos, `unknown key "${e.key}" in ${what}; expected one of: ${known.join(', ')}`);
      }
      out.set(e.key, e);
    }
    return out;
  }

  items(what: string): YNode[] {
    if (!isSeq(this.node)) throw this.error(`${what} must be a list, not ${this.kind()}`);
    return this.node.items.map((n) => this.doc.wrap(n as Node | null, this.pos));
  }

  /** A scalar as text: strings, numbers and booleans as written. */
  text(what: string): string {
    if (!isScalar(this.node) || this.node.value === null || typeof this.node.value === 'object') {
      throw this.error(`${what} must be text, not ${this.kind()}`);
    }
    const s = this.node as Scalar;
    // keep what was written ("007", "1.50"), not the number YAML read it as
    return typeof s.value === 'string' ? s.value : (s.source ?? String(s.value));
  }

  /** Non-empty text. */
  name(what: string): string {
    const t = this.text(what).trim();
    if (!t) throw this.error(`${what} must not be empty`);
    return t;
  }

  bool(what: string): boolean {
    if (!isScalar(this.node) || typeof this.node.value !== 'boolean') throw this.error(`${what} must be true or false, not ${this.kind()}`);
    return this.node.value;
  }

  /** A list of texts; a single text is a list of one when `single` allows it. */
  texts(what: string, single = false): string[] {
    if (single && isScalar(this.node)) return [this.text(what)];
    return this.items(what).map((n) => n.text(`each item of ${what}`));
  }

  /** What the node is, in words, for "must be a list, not …". */
  kind(): string {
    if (this.node === null) return 'empty';
    if (isMap(this.node)) return 'a map';
    if (isSeq(this.node)) return 'a list';
    if (isScalar(this.node)) {
      const v = this.node.value;
      if (v === null) return 'empty';
      if (typeof v === 'string') return `the text "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
      return `${typeof v} ${String(v)}`;
    }
    return 'an unsupported YAML node';
  }
}

/** A parsed mapping file: its root node, and offsets turned into lines and columns. */
export class YamlFile {
  private readonly lines = new LineCounter();
  private readonly doc: Document;
  readonly root: YNode;

  constructor(
    readonly file: string,
    source: string,
  ) {
    this.doc = parseDocument(source, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    const problem = this.doc.errors[0];
    if (problem) {
      const p = this.lines.linePos(problem.pos[0]);
      throw new MappingError(file, { line: p.line, col: p.col }, `malformed YAML: ${problem.message.split('\n')[0]}`);
    }
    this.root = this.wrap(this.doc.contents as Node | null, { line: 1, col: 1 });
  }

  posOf(node: Node | null): Pos | undefined {
    const start = node?.range?.[0];
    if (start === undefined) return undefined;
    const p = this.lines.linePos(start);
    return { line: p.line, col: p.col };
  }

  wrap(node: Node | null, fallback: Pos): YNode {
    let n = node;
    for (let hops = 0; isAlias(n) && hops < 20; hops++) n = (n.resolve(this.doc) as Node | undefined) ?? null;
    return new YNode(n, this, this.posOf(node) ?? fallback);
  }
}
