import { SaxesParser } from 'saxes';
import { SourceError } from './errors.js';
import { readText, type ByteProgress } from './files.js';

/** A small, fully-read XML element: enough to map one list entry. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  line: number;
}

export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** Trimmed text of a child element, or undefined if absent or empty. */
export function childText(node: XmlNode, name: string): string | undefined {
  const t = child(node, name)?.text.trim();
  return t ? t : undefined;
}

/** Local name without namespace prefix. */
function local(name: string): string {
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(i + 1) : name;
}

/** The root element a file of one format has; anything else is not that format. */
export interface RootCheck {
  /** local names the root element may have */
  names: string[];
  /** the default namespace (xmlns) the root must have if it declares one */
  namespace?: RegExp;
  /** what the file should be, for the messages: "a UN consolidated list" */
  what: string;
}

export interface XmlStreamOptions {
  /** local names of the elements to yield whole (one list entry each) */
  records: Set<string>;
  progress?: ByteProgress;
  /** rejects a document of another format, or text that is no XML at all, as "not <what>: …" */
  expectRoot?: RootCheck;
  /** called with the attributes of the root element (e.g. a generation date) */
  onRoot?: (name: string, attrs: Record<string, string>) => void;
}

function checkRoot(file: string, check: RootCheck, name: string, attrs: Record<string, string>): void {
  if (!check.names.includes(name)) throw new SourceError(file, undefined, `not ${check.what}: root element is ${name}`);
  const ns = attrs['xmlns'];
  if (ns && check.namespace && !check.namespace.test(ns)) throw new SourceError(file, undefined, `not ${check.what}: namespace is ${ns}`);
}

/**
 * Streams an XML file and yields each record element, fully built, in document order. Elements
 * outside records are not kept, so memory stays flat. A malformed or truncated document is a
 * SourceError naming the line.
 */
export async function* readXmlRecords(file: string, opts: XmlStreamOptions): AsyncGenerator<XmlNode> {
  const parser = new SaxesParser({ position: true });
  const stack: XmlNode[] = [];
  const ready: XmlNode[] = [];
  let depth = 0;
  let sawRoot = false;
  let failure: { line: number; detail: string; truncated: boolean } | undefined;
  // Worded when thrown, not when saxes reports it: junk followed by a root element in the same
  // chunk is malformed XML, but text in which no root element ever opened is no XML at all.
  const failed = (f: NonNullable<typeof failure>) =>
    new SourceError(
      file,
      String(f.line),
      !sawRoot && opts.expectRoot
        ? `not ${opts.expectRoot.what}: not an XML document (${f.detail})`
        : f.truncated
          ? `truncated XML: the document ends inside an element (${f.detail})`
          : `malformed XML: ${f.detail}`,
    );

  let closing = false;
  parser.on('error', (e) => {
    const detail = e.message.replace(/^(?:.*?:)?\d+:\d+: /, '');
    failure ??= { line: parser.line, detail, truncated: closing && depth > 0 };
  });
  parser.on('opentag', (tag) => {
    depth++;
    const name = local(tag.name);
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[local(k)] = String(v);
    if (!sawRoot) {
      sawRoot = true;
      if (opts.expectRoot) checkRoot(file, opts.expectRoot, name, attrs);
      opts.onRoot?.(name, attrs);
    }
    if (stack.length > 0 || opts.records.has(name)) {
      const node: XmlNode = { name, attrs, children: [], text: '', line: parser.line };
      stack.at(-1)?.children.push(node);
      stack.push(node);
    }
  });
  const onText = (text: string) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    depth--;
    const node = stack.pop();
    if (node && stack.length === 0) ready.push(node);
  });

  for await (const chunk of readText(file, { progress: opts.progress })) {
    parser.write(chunk);
    if (failure) throw failed(failure);
    while (ready.length) yield ready.shift()!;
  }
  closing = true;
  parser.close();
  if (failure) throw failed(failure);
  if (!sawRoot) throw new SourceError(file, undefined, 'not an XML document (no root element)');
  if (depth !== 0) throw new SourceError(file, String(parser.line), 'truncated XML: the document ends inside an element');
  while (ready.length) yield ready.shift()!;
}
