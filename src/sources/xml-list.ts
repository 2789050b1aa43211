import type { FtmEntity } from '../model/entity.js';
import { parseDate } from '../model/dates.js';
import { SourceError } from './errors.js';
import { ByteProgress, expandInputsOfType } from './files.js';
import type { ReadContext, SourceRecord } from './types.js';
import { readXmlRecords, type RootCheck, type XmlNode } from './xml.js';

/** An id an entry states, by the name the format gives it. */
export interface EntryId {
  name: string;
  value: string | undefined;
}

/** What an XML sanctions list looks like: its root, its entries, how they are keyed and mapped. */
export interface XmlListFormat {
  root: RootCheck;
  /** local names of the entry elements */
  entries: string[];
  /** the root attribute that states when the file was generated */
  dateAttribute: string;
  /** the entry's key, and the id that keys it when the first is missing or already taken */
  ids(node: XmlNode): [EntryId, EntryId];
  map(node: XmlNode, key: string, ctx: ReadContext, where: string): FtmEntity[];
}

/** Reads the entries of every .xml file of the inputs, one record each, keyed uniquely across the files. */
export async function* readXmlList(inputs: string[], ctx: ReadContext, format: XmlListFormat): AsyncGenerator<SourceRecord> {
  const files = await expandInputsOfType(inputs, 'xml');
  const progress = await ByteProgress.of(files, ctx);
  const keys = new Set<string>();
  for (const file of files) {
    const entries = readXmlRecords(file, {
      records: new Set(format.entries),
      progress,
      expectRoot: format.root,
      onRoot: (_name, attrs) => {
        const generated = attrs[format.dateAttribute];
        ctx.report.noteVersion(generated ? parseDate(generated) : undefined);
      },
    });
    for await (const node of entries) {
      ctx.report.records++;
      const where = `${file}:${node.line}`;
      const [own, other] = format.ids(node);
      const key = own.value && !keys.has(own.value) ? own.value : other.value;
      if (!key || keys.has(key)) {
        throw new SourceError(file, String(node.line), `${node.name} has no unique ${own.name} or ${other.name} (${own.value ?? '-'} / ${other.value ?? '-'})`);
      }
      keys.add(key);
      if (own.value && key !== own.value) ctx.report.skip(`${own.name} used twice; keyed by ${other.name}`, `${where} ${own.value}`);
      yield { key, entities: format.map(node, key, ctx, where) };
    }
  }
}
