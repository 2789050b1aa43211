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

export interface XmlStreamOptions {
  /** local names of the elements to yield whole (one list entry each) */
  records: Set<string>;
  progress?: ByteProgress;
  /** called with the attributes of the root element (e.g. a generation date) */
  onRoot?: (name: string, attrs: Record<string, string>) => void;
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
  let failure: Error | undefined;

  let closing = false;
  parser.on('error', (e) => {
    const detail = e.message.replace(/^(?:.*?:)?\d+:\d+: /, '');
    failure ??= new SourceError(
      file,
      String(parser.line),
      closing && depth > 0 ? `truncated XML: the document ends inside an element (${detail})` : `malformed XML: ${detail}`,
    );
  });
  parser.on('opentag', (tag) => {
    depth++;
    const name = local(tag.name);
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[local(k)] = String(v);
    if (!sawRoot) {
      sawRoot = true;
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
    if (failure) throw failure;
    while (ready.length) yield ready.shift()!;
  }
  closing = true;
  parser.close();
  if (failure) throw failure;
  if (!sawRoot) throw new SourceError(file, undefined, 'not an XML document (no root element)');
  if (depth !== 0) throw new SourceError(file, String(parser.line), 'truncated XML: the document ends inside an element');
  while (ready.length) yield ready.shift()!;
}
