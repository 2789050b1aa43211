/**
 * POST /screen: bulk screening of a CSV upload (for the UI), answered like `sanctrace screen`:
 * JSONL (default), a JSON array, or CSV, one entry per input row in input order.
 */
import { Readable, Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { BulkLimitError, InlineExecutor, InputHeaderError, screenBulk, type BulkFormat } from '../../screening/bulk.js';
import { errorResponses, HttpError, type Limits } from '../http.js';
import type { ScreeningService } from '../screening.js';

const CONTENT_TYPES: Record<BulkFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

class Collect extends Writable {
  readonly chunks: string[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk.toString());
    done();
  }
}

export async function screenRoutes(app: FastifyInstance, ctx: { service: ScreeningService; limits: Limits }): Promise<void> {
  const { service, limits } = ctx;
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post<{ Querystring: { dataset?: string[]; threshold?: number; limit: number; format: BulkFormat }; Body: string }>(
    '/screen',
    {
      bodyLimit: limits.csvBytes,
      schema: {
        tags: ['Screening'],
        summary: 'Bulk screening of a CSV upload',
        description:
          `Send the CSV as the request body (Content-Type: text/csv, at most ${limits.csvBytes.toLocaleString('en-US')} bytes and ` +
          `${limits.csvRows.toLocaleString('en-US')} rows). Header: id,name required; schema,country,birth_date,identifier optional. ` +
          'Answer: one entry per input row, in input order: {id, results: [{entity_id, caption, schema, score, match, datasets, ' +
          'explanations}], suppressed?, log_id?}, or {id, line, error} for a row that could not be screened. ' +
          'The header x-sanctrace-row-errors counts those rows.',
        consumes: ['text/csv'],
        querystring: {
          type: 'object',
          properties: {
            dataset: { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 100, description: 'only these datasets' },
            threshold: { type: 'number', minimum: 0, maximum: 1 },
            limit: { type: 'integer', minimum: 1, maximum: limits.maxLimit, default: 5 },
            format: { type: 'string', enum: ['jsonl', 'json', 'csv'], default: 'jsonl' },
          },
        },
        body: { type: 'string', description: 'CSV text' },
        response: {
          200: {
            description: 'JSONL, JSON array or CSV, by `format`',
            content: { 'application/x-ndjson': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'array' } }, 'text/csv': { schema: { type: 'string' } } },
          },
          ...errorResponses,
          415: { description: 'Not a CSV body', type: 'object', properties: { detail: { type: 'string' } } },
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      if (typeof request.body !== 'string') throw new HttpError(415, 'send the CSV as the request body with Content-Type: text/csv');
      const known = new Set([...(await service.store.datasets()).map((d) => d.name), ...Object.keys(service.matcher.datasetVersions())]);
      for (const d of q.dataset ?? []) if (!known.has(d)) throw new HttpError(404, `no dataset named "${d}"`);
      const out = new Collect();
      let rowErrors = 0;
      try {
        await screenBulk({
          input: Readable.from([request.body]),
          output: out,
          format: q.format,
          executor: new InlineExecutor(service.matcher),
          limit: q.limit,
          threshold: q.threshold,
          datasets: q.dataset,
          store: service.store,
          log: service.audit,
          source: 'api',
          decisions: await service.decisionBook(),
          maxRows: limits.csvRows,
          onRowError: () => rowErrors++,
        });
      } catch (e) {
        if (e instanceof InputHeaderError) throw new HttpError(400, `CSV input: ${e.message}`);
        if (e instanceof BulkLimitError) throw new HttpError(413, `${e.message}; screen larger files with \`sanctrace screen\``);
        throw e;
      }
      reply.header('content-type', CONTENT_TYPES[q.format]);
      reply.header('x-sanctrace-row-errors', String(rowErrors));
      return reply.send(out.chunks.join(''));
    },
  );
}
