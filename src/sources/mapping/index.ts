import path from 'node:path';
import type { FtmEntity } from '../../model/entity.js';
import { SourceError } from '../errors.js';
import { ByteProgress, expandInputs } from '../files.js';
import type { ReadContext, SourceReader, SourceRecord } from '../types.js';
import { QueryMapper, type LeftOut, type RowProblem } from './apply.js';
import { loadMapping } from './parse.js';
import { dataKind, readRows } from './rows.js';
import type { MappingSpec, QuerySpec } from './spec.js';
import { MappingError } from './yaml-nodes.js';

const MAPPING_FILE = /\.ya?ml$/i;

function fileName(file: string): string {
  return path.basename(file).replace(/\.gz$/i, '');
}

function queriesFor(spec: MappingSpec, file: string): QuerySpec[] {
  const name = fileName(file);
  return spec.queries.filter((q) => !q.files || q.files.some((re) => re.test(name)));
}

/** The entities of a row's queries, one per id (a row read by two queries may make one entity twice). */
function mergeById(lists: FtmEntity[][]): FtmEntity[] | RowProblem {
  const byId = new Map<string, FtmEntity>();
  for (const list of lists) {
    for (const e of list) {
      const seen = byId.get(e.id);
      if (!seen) {
        byId.set(e.id, e);
        continue;
      }
      if (seen.schema !== e.schema) return { reason: `two queries make entity ${e.id} as ${seen.schema} and as ${e.schema}` };
      for (const [prop, values] of Object.entries(e.properties)) {
        const list = (seen.properties[prop] ??= []);
        for (const v of values) if (!list.includes(v)) list.push(v);
      }
    }
  }
  return [...byId.values()];
}

/** ' "value" (detail)' for messages, or nothing. */
function valueText(p: { value?: string; detail?: string }): string {
  return (p.value !== undefined ? ` "${p.value}"` : '') + (p.detail ? ` (${p.detail})` : '');
}

/** A 53-bit hash of a string (cyrb53): enough to tell repeated entity contents apart. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Parties repeat on every row that names them (a declarant on each of its declaration lines):
 * an entity whose id and values were already yielded is not yielded again, which spares the
 * store millions of duplicate statements. Its first row stays its provenance.
 */
class Repeats {
  private readonly seen = new Map<string, number | number[]>();
  isRepeat(e: FtmEntity): boolean {
    const h = hash53(e.schema + JSON.stringify(e.properties));
    const known = this.seen.get(e.id);
    if (known === undefined) {
      this.seen.set(e.id, h);
      return false;
    }
    if (known === h || (Array.isArray(known) && known.includes(h))) return true;
    this.seen.set(e.id, Array.isArray(known) ? [...known, h] : [known, h]);
    return false;
  }
}

/** Counts rejected rows and enforces `strict` and `max_rejected`. */
class Rejections {
  rows = 0;
  rejected = 0;
  constructor(
    private readonly spec: MappingSpec,
    private readonly ctx: ReadContext,
  ) {}

  reject(file: string, line: number, problem: RowProblem): void {
    this.rejected++;
    const shown = valueText(problem);
    if (this.spec.strict) throw new SourceError(file, String(line), `${problem.reason}${shown ? `:${shown}` : ''} (strict mapping)`);
    this.ctx.report.skip(`rejected row: ${problem.reason}`, `${fileName(file)}:${line}${shown}`);
    const max = this.spec.maxRejected;
    if (max && 'count' in max && this.rejected > max.count) {
      throw new SourceError(file, String(line), `more than ${max.count} rows rejected (max_rejected of ${this.spec.file}); this one: ${problem.reason}${shown}`);
    }
  }

  finish(): void {
    const max = this.spec.maxRejected;
    if (max && 'percent' in max && this.rows > 0 && (this.rejected / this.rows) * 100 > max.percent) {
      const pct = ((this.rejected / this.rows) * 100).toFixed(1);
      throw new SourceError(this.spec.file, undefined, `${this.rejected} of ${this.rows} rows rejected (${pct} %), more than max_rejected ${max.percent} %`);
    }
  }
}

/** Columns the queries read that the file lacks: a mapping error naming where the mapping reads them. */
function checkColumns(spec: MappingSpec, file: string, queries: QuerySpec[], present: Set<string>, header: string[] | undefined): void {
  for (const q of queries) {
    for (const ref of q.columns) {
      if (present.has(ref.column)) continue;
      const shown = header ? ` (header: ${header.slice(0, 12).join(',')}${header.length > 12 ? ',…' : ''})` : ' (in no line of the file)';
      throw new MappingError(spec.file, ref.pos, `column "${ref.column}" is not in ${fileName(file)}${shown}`);
    }
  }
}

async function* readMapped(inputs: string[], ctx: ReadContext): AsyncGenerator<SourceRecord> {
  const [mappingFile, ...dataInputs] = inputs;
  if (!mappingFile || !MAPPING_FILE.test(mappingFile)) {
    throw new SourceError(mappingFile ?? '(none)', undefined, 'the first input of a mapping ingest must be the mapping (.yml or .yaml), then the data files');
  }
  if (dataInputs.length === 0) throw new SourceError(mappingFile, undefined, 'no data files given after the mapping');
  const spec = await loadMapping(mappingFile);
  const files = await expandInputs(dataInputs, (f) => dataKind(f) !== undefined);
  if (files.length === 0) throw new SourceError(dataInputs.join(', '), undefined, 'no .csv, .tsv, .jsonl or .ndjson files found');
  const plan = files.map((file) => {
    const queries = queriesFor(spec, file);
    if (queries.length === 0) {
      const globs = spec.queries.map((q) => q.filesText).join('; ');
      throw new SourceError(file, undefined, `no query of ${fileName(spec.file)} reads this file (files: ${globs})`);
    }
    return { file, queries, mappers: queries.map((q) => new QueryMapper(q, ctx.dataset)) };
  });

  const progress = await ByteProgress.of([mappingFile, ...files], ctx);
  progress.add(ctx.report.files.find((f) => f.path === mappingFile)?.bytes ?? 0);
  const rejections = new Rejections(spec, ctx);
  const repeats = new Repeats();
  for (const { file, queries, mappers } of plan) {
    const columns = [...new Set(queries.flatMap((q) => q.columns.map((c) => c.column)))];
    const source = readRows(file, { csv: spec.csv, nulls: spec.nullValues, progress, columns });
    const name = fileName(file);
    for await (const data of source.rows) {
      if (data.problem === 'header') {
        checkColumns(spec, file, queries, source.columnsSeen(), source.header);
        continue;
      }
      rejections.rows++;
      ctx.report.records++;
      if (data.problem !== undefined) {
        rejections.reject(file, data.line, { reason: data.problem });
        continue;
      }
      const lists: FtmEntity[][] = [];
      let problem: RowProblem | undefined;
      let filtered = 0;
      const leftOut: LeftOut[] = [];
      for (const m of mappers) {
        const r = m.map(data.row);
        if (r.status === 'rejected') {
          problem = r.problem;
          break;
        }
        if (r.status === 'filtered') filtered++;
        else {
          lists.push(r.entities);
          leftOut.push(...r.leftOut);
        }
      }
      const merged = problem ?? mergeById(lists);
      if (!Array.isArray(merged)) {
        rejections.reject(file, data.line, merged);
        continue;
      }
      if (filtered === mappers.length) ctx.report.skip('row not mapped: filtered out by the where of its queries', `${name}:${data.line}`);
      for (const l of leftOut) ctx.report.skip(l.reason, `${name}:${data.line}${valueText(l)}`);
      yield { key: `${name}:${data.line}`, entities: merged.filter((e) => !repeats.isRepeat(e)) };
    }
    if (dataKind(file) === 'jsonl') checkColumns(spec, file, queries, source.columnsSeen(), undefined);
  }
  rejections.finish();
}

/** CSV or JSON lines through a declarative YAML mapping (docs/mappings.md). */
export const mappingReader: SourceReader = {
  format: 'mapping',
  title: 'CSV / JSON lines through a YAML mapping',
  publisher: 'as stated in the mapping',
  read: readMapped,
};

export { compileMapping, loadMapping } from './parse.js';
export { MappingError } from './yaml-nodes.js';
