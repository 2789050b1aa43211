/**
 * The yente-compatible routes: POST /match/{dataset}, GET /search/{dataset}, GET /entities/{id},
 * GET /catalog, GET /algorithms — request parameters and response shapes as yente's
 * (opensanctions/yente, yente/data/common.py and yente/routers/*.py), so yente clients work
 * unchanged. sanctrace adds fields (explanations with weights and methods, reviewer decisions,
 * suppressed results, the audit log id), which such clients ignore.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { caption as modelCaption } from '../../model/entity.js';
import { hasSchema } from '../../model/ftm.js';
import type { DecisionNote } from '../../store/audit.js';
import type { MatchOptions, MatchResult } from '../../screening/types.js';
import { valueProblem } from '../../screening/bulk-input.js';
import {
  entityResponse,
  entitySchema,
  errorResponses,
  HttpError,
  scoredEntitySchema,
  scoredResponse,
  TIME_PATTERN,
  type Limits,
  type ScoredEntityResponse,
} from '../http.js';
import { checkQuery, type ExampleEntity, type ScreeningService } from '../screening.js';

/** yente's algorithm names, answered by our one algorithm. */
export const ALGORITHM_ALIASES = ['logic-v1', 'logic-v2', 'best'];

export interface YenteContext {
  service: ScreeningService;
  limits: Limits;
}

const datasetParam = {
  type: 'object',
  required: ['dataset'],
  properties: {
    dataset: { type: 'string', maxLength: 100, description: 'a dataset name, or `default` for all loaded datasets' },
  },
} as const;

const stringArray = (description: string) => ({ type: 'array', items: { type: 'string', maxLength: 200 }, maxItems: 500, description }) as const;

const totalSchema = {
  type: 'object',
  required: ['value', 'relation'],
  properties: { value: { type: 'integer' }, relation: { type: 'string', enum: ['eq', 'gte'] } },
} as const;

const exampleSchema = {
  type: 'object',
  required: ['schema', 'properties'],
  properties: {
    id: { type: ['string', 'null'], maxLength: 500 },
    schema: { type: 'string', maxLength: 100, description: 'FtM schema, e.g. Person, Company, LegalEntity' },
    properties: {
      type: 'object',
      description: 'FtM property → value or list of values',
      additionalProperties: {
        anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      },
    },
  },
} as const;

const featureDocsSchema = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: { description: { type: ['string', 'null'] }, coefficient: { type: 'number' }, url: { type: 'string' } },
  },
} as const;

interface FeatureDoc {
  description: string | null;
  coefficient: number;
  url: string;
}

/** Feature docs as yente's `matcher` field: from the algorithm if it documents them, else from the explanations given. */
function featureDocs(algorithm: object, results: MatchResult[]): Record<string, FeatureDoc> {
  const declared = (algorithm as { features?: unknown }).features;
  const docs: Record<string, FeatureDoc> = {};
  if (declared && typeof declared === 'object') {
    for (const [name, d] of Object.entries(declared as Record<string, { description?: string; weight?: number; coefficient?: number }>)) {
      docs[name] = { description: d.description ?? null, coefficient: d.coefficient ?? d.weight ?? 0, url: '/algorithms' };
    }
    return docs;
  }
  for (const r of results) {
    for (const e of r.explanations) docs[e.feature] ??= { description: e.method, coefficient: e.weight, url: '/algorithms' };
  }
  return docs;
}

export async function yenteRoutes(app: FastifyInstance, ctx: YenteContext): Promise<void> {
  const { service, limits } = ctx;
  const { store, matcher } = service;

  const knownDatasets = async (): Promise<Set<string>> =>
    new Set([...(await store.datasets()).map((d) => d.name), ...Object.keys(matcher.datasetVersions())]);

  /** The datasets to screen against: undefined = all. */
  const scope = async (dataset: string, include?: string[], exclude?: string[]): Promise<{ datasets?: string[]; exclude?: string[] }> => {
    const known = await knownDatasets();
    if (dataset !== 'default' && !known.has(dataset)) {
      throw new HttpError(404, `no dataset named "${dataset}"; known: default${known.size ? ', ' + [...known].sort().join(', ') : ''}`);
    }
    for (const d of [...(include ?? []), ...(exclude ?? [])]) {
      if (!known.has(d)) throw new HttpError(400, `unknown dataset "${d}" in include_dataset/exclude_dataset`);
    }
    let datasets = dataset === 'default' ? undefined : [dataset];
    if (include?.length) datasets = datasets ? datasets.filter((d) => include.includes(d)) : [...include];
    if (datasets && datasets.length === 0) {
      throw new HttpError(400, `include_dataset (${include!.join(', ')}) leaves nothing of the dataset "${dataset}"`);
    }
    return { datasets, exclude: exclude?.length ? exclude : undefined };
  };

  const checkAlgorithm = (name: string | undefined) => {
    if (name === undefined) return;
    const ours = matcher.algorithm.name;
    if (name !== ours && !ALGORITHM_ALIASES.includes(name)) {
      throw new HttpError(400, `unknown algorithm "${name}"; use ${ours} (also accepted as ${ALGORITHM_ALIASES.join(', ')})`);
    }
  };

  // --- POST /match/{dataset} ------------------------------------------------------------------
  app.post<{
    Params: { dataset: string };
    Querystring: {
      limit: number;
      threshold?: number;
      cutoff?: number;
      algorithm?: string;
      include_dataset?: string[];
      exclude_dataset?: string[];
      exclude_schema?: string[];
      exclude_entity_ids?: string[];
      changed_since?: string;
    };
    Body: { queries: Record<string, ExampleEntity>; weights?: Record<string, number>; config?: Record<string, unknown> };
  }>(
    '/match/:dataset',
    {
      schema: {
        tags: ['Matching'],
        summary: 'Query by example matcher (yente-compatible)',
        description:
          'Screens up to 100 example entities against a dataset (or `default`: all). Each result has yente\'s fields plus ' +
          '`explanations` (per feature: score, detail, the query and candidate values compared, weight, method) and, when a ' +
          'reviewer decided on the pair, `decision`. Results a reviewer marked as false positives for the same query are left ' +
          'out of `results` and listed under `suppressed` until the entity changes in a new list version.',
        params: datasetParam,
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: limits.maxLimit, default: 5, description: 'results per query' },
            threshold: { type: 'number', minimum: 0, maximum: 1, description: "score for match: true (default: the algorithm's)" },
            cutoff: { type: 'number', minimum: 0, maximum: 1, description: "lowest score returned at all (default: the matcher's)" },
            algorithm: { type: 'string', maxLength: 100, description: `our algorithm's name, or ${ALGORITHM_ALIASES.join(', ')}` },
            include_dataset: stringArray('only results from these datasets'),
            exclude_dataset: stringArray('no results from these datasets'),
            exclude_schema: stringArray('no results of these schemata'),
            exclude_entity_ids: stringArray('no results with these entity ids'),
            changed_since: { type: 'string', pattern: TIME_PATTERN, description: 'only entities changed since this date' },
          },
        },
        body: {
          type: 'object',
          required: ['queries'],
          properties: {
            queries: { type: 'object', additionalProperties: exampleSchema, description: 'your key → example entity' },
            weights: { type: 'object', additionalProperties: { type: 'number' }, description: 'accepted for yente compatibility; ignored' },
            config: { type: 'object', description: 'accepted for yente compatibility; ignored' },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['responses', 'matcher', 'limit'],
            properties: {
              responses: {
                type: 'object',
                additionalProperties: {
                  type: 'object',
                  required: ['status', 'results', 'total', 'query'],
                  properties: {
                    status: { type: 'integer' },
                    results: { type: 'array', items: scoredEntitySchema },
                    total: totalSchema,
                    query: exampleSchema,
                    query_fingerprint: { type: 'string', description: 'normalised query hash; decisions refer to it' },
                    log_id: { type: ['integer', 'null'], description: 'audit log entry of this screening (null when logging is off)' },
                    suppressed: {
                      type: 'array',
                      description: 'results left out by a false-positive decision, with the decision',
                      items: scoredEntitySchema,
                    },
                  },
                },
              },
              matcher: featureDocsSchema,
              limit: { type: 'integer' },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      checkAlgorithm(q.algorithm);
      const entries = Object.entries(request.body.queries);
      if (entries.length > limits.queries) {
        throw new HttpError(400, `Too many queries in one batch (limit: ${limits.queries}); this request has ${entries.length}`);
      }
      if (entries.length === 0) throw new HttpError(400, 'No queries provided.');
      for (const [key] of entries) {
        const problem = valueProblem(key, 'query key', 200);
        if (problem) throw new HttpError(400, problem);
      }
      for (const s of q.exclude_schema ?? []) if (!hasSchema(s)) throw new HttpError(400, `unknown schema "${s}" in exclude_schema`);
      const queries = entries.map(([key, example]) => ({ key, query: checkQuery(key, example, limits), id: example.id }));
      const { datasets, exclude } = await scope(request.params.dataset, q.include_dataset, q.exclude_dataset);
      const threshold = q.threshold ?? matcher.algorithm.threshold;
      const options: MatchOptions = {
        limit: q.limit,
        threshold,
        ...(datasets ? { datasets } : {}),
        ...(exclude ? { excludeDatasets: exclude } : {}),
        ...(q.exclude_entity_ids?.length ? { excludeEntityIds: q.exclude_entity_ids } : {}),
        ...(q.changed_since ? { changedSince: q.changed_since } : {}),
        ...(q.cutoff !== undefined ? { cutoff: q.cutoff } : {}),
      };
      const screened = await service.screen(queries, options, 'api');
      const excludedSchemata = new Set(q.exclude_schema ?? []);
      const keep = (r: MatchResult) => r.score >= (q.cutoff ?? 0) && !excludedSchemata.has(r.entity.schema);
      const responses: Record<string, unknown> = {};
      const all: MatchResult[] = [];
      screened.forEach((s, i) => {
        const results: ScoredEntityResponse[] = s.results
          .filter(({ result }) => keep(result))
          .map(({ result, decision }) => scoredResponse(result, decision));
        const suppressed = s.suppressed.map(({ result, decision }: { result: MatchResult; decision: DecisionNote }) => scoredResponse(result, decision));
        all.push(...s.results.map((r) => r.result));
        const id = queries[i]!.id;
        responses[s.key] = {
          status: 200,
          results,
          total: { value: results.length, relation: s.results.length >= q.limit ? 'gte' : 'eq' },
          query: { ...(id ? { id } : {}), schema: s.query.schema, properties: s.query.properties },
          query_fingerprint: s.fingerprint,
          log_id: s.logId,
          suppressed,
        };
      });
      reply.header('x-batch-size', String(screened.length));
      return { responses, matcher: featureDocs(matcher.algorithm, all), limit: q.limit };
    },
  );

  // --- GET /search/{dataset} --------------------------------------------------------------------
  app.get<{
    Params: { dataset: string };
    Querystring: {
      q: string;
      limit: number;
      offset: number;
      schema: string;
      include_dataset?: string[];
      exclude_dataset?: string[];
      changed_since?: string;
    };
  }>(
    '/search/:dataset',
    {
      schema: {
        tags: ['Matching'],
        summary: 'Simple entity search (yente-compatible)',
        description: 'Free-text, typo-tolerant search over names and aliases, best first.',
        params: datasetParam,
        querystring: {
          type: 'object',
          required: ['q'],
          properties: {
            q: { type: 'string', minLength: 1, maxLength: limits.nameLength, description: 'text to search for' },
            limit: { type: 'integer', minimum: 1, maximum: limits.maxLimit, default: 10 },
            offset: { type: 'integer', minimum: 0, maximum: 9_500, default: 0 },
            schema: { type: 'string', maxLength: 100, default: 'Thing', description: 'only entities of this schema (and its descendants)' },
            include_dataset: stringArray('only results from these datasets'),
            exclude_dataset: stringArray('no results from these datasets'),
            changed_since: { type: 'string', pattern: TIME_PATTERN },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['limit', 'offset', 'total', 'results', 'facets'],
            properties: {
              limit: { type: 'integer' },
              offset: { type: 'integer' },
              total: totalSchema,
              results: { type: 'array', items: entitySchema },
              facets: {
                type: 'object',
                additionalProperties: {
                  type: 'object',
                  properties: {
                    label: { type: 'string' },
                    values: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: { name: { type: 'string' }, label: { type: 'string' }, count: { type: 'integer' } },
                      },
                    },
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const problem = valueProblem(q.q, 'q', limits.nameLength);
      if (problem) throw new HttpError(400, problem);
      if (!q.q.trim()) throw new HttpError(400, 'q is empty');
      if (!hasSchema(q.schema)) throw new HttpError(400, `unknown schema "${q.schema}"`);
      const { datasets, exclude } = await scope(request.params.dataset, q.include_dataset, q.exclude_dataset);
      const found = matcher.search(q.q, {
        limit: q.offset + q.limit,
        ...(q.schema !== 'Thing' ? { schema: q.schema } : {}),
        ...(datasets ? { datasets } : {}),
        ...(exclude ? { excludeDatasets: exclude } : {}),
        ...(q.changed_since ? { changedSince: q.changed_since } : {}),
      });
      const page = found.slice(q.offset, q.offset + q.limit);
      const facet = (label: string, values: (r: MatchResult) => string[]) => {
        const counts = new Map<string, number>();
        for (const r of page) for (const v of new Set(values(r))) counts.set(v, (counts.get(v) ?? 0) + 1);
        return {
          label,
          values: [...counts]
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .map(([name, count]) => ({ name, label: name, count })),
        };
      };
      return {
        limit: q.limit,
        offset: q.offset,
        total: { value: found.length, relation: found.length >= q.offset + q.limit ? 'gte' : 'eq' },
        results: page.map((r) => entityResponse(r.entity, r.entity.caption)),
        facets: {
          countries: facet('Countries', (r) => [
            ...(r.entity.properties['country'] ?? []),
            ...(r.entity.properties['nationality'] ?? []),
            ...(r.entity.properties['jurisdiction'] ?? []),
          ]),
          topics: facet('Topics', (r) => r.entity.properties['topics'] ?? []),
          datasets: facet('Data sources', (r) => r.entity.datasets),
        },
      };
    },
  );

  // --- GET /entities/{id} -----------------------------------------------------------------------
  app.get<{ Params: { id: string } }>(
    '/entities/:id',
    {
      schema: {
        tags: ['Data access'],
        summary: 'One entity by id (yente-compatible)',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 500 } } },
        querystring: { type: 'object', properties: { nested: { type: 'boolean', description: 'accepted for yente compatibility' } } },
        response: { 200: entitySchema, ...errorResponses },
      },
    },
    async (request) => {
      const id = request.params.id;
      const entity = await store.getEntity(id);
      if (!entity) throw new HttpError(404, `No such entity: "${id}"`);
      const caption = matcher.getEntity(id)?.caption ?? modelCaption(entity);
      return entityResponse(entity, caption);
    },
  );

  // --- GET /catalog -------------------------------------------------------------------------------
  app.get(
    '/catalog',
    {
      schema: {
        tags: ['Data access'],
        summary: 'Data catalog (yente-compatible): the loaded datasets and the versions the index holds',
        response: {
          200: {
            type: 'object',
            required: ['datasets', 'current', 'outdated', 'index_stale'],
            properties: {
              datasets: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    name: { type: 'string' },
                    title: { type: 'string' },
                    summary: { type: ['string', 'null'] },
                    url: { type: ['string', 'null'] },
                    load: { type: 'boolean' },
                    entities_url: { type: ['string', 'null'] },
                    version: { type: 'string' },
                    index_version: { type: ['string', 'null'] },
                    index_current: { type: 'boolean' },
                    children: { type: 'array', items: { type: 'string' } },
                    format: { type: 'string' },
                    loaded_at: { type: 'string' },
                    entity_count: { type: 'integer' },
                    record_count: { type: 'integer' },
                    versions: { type: 'integer', description: 'versions loaded so far' },
                  },
                },
              },
              current: { type: 'array', items: { type: 'string' } },
              outdated: { type: 'array', items: { type: 'string' } },
              index_stale: { type: 'boolean' },
            },
          },
        },
      },
    },
    async () => {
      const loaded = await store.datasets();
      const indexed = matcher.datasetVersions();
      const datasets: Array<Record<string, unknown>> = loaded.map((d) => ({
        name: d.name,
        title: d.name,
        summary: null,
        url: null,
        load: true,
        entities_url: null,
        version: d.version,
        index_version: indexed[d.name] ?? null,
        index_current: indexed[d.name] === d.version,
        children: [],
        format: d.format,
        loaded_at: d.loaded_at,
        entity_count: d.entities,
        record_count: d.records,
        versions: d.versions,
      }));
      const names = loaded.map((d) => d.name);
      const current = loaded.filter((d) => indexed[d.name] === d.version).map((d) => d.name);
      const outdated = names.filter((n) => !current.includes(n));
      const combined = (v: Record<string, string>) =>
        createHash('sha256').update(JSON.stringify(Object.entries(v).sort())).digest('hex').slice(0, 12);
      const loadedVersions = Object.fromEntries(loaded.map((d) => [d.name, d.version]));
      datasets.push({
        name: 'default',
        title: 'All loaded datasets',
        summary: 'Every dataset in the store',
        url: null,
        load: true,
        entities_url: null,
        version: combined(loadedVersions),
        index_version: combined(Object.fromEntries(Object.entries(indexed).filter(([k]) => names.includes(k)))),
        index_current: outdated.length === 0,
        children: names,
      });
      return { datasets, current, outdated, index_stale: outdated.length > 0 };
    },
  );

  // --- GET /algorithms ----------------------------------------------------------------------------
  app.get(
    '/algorithms',
    {
      schema: {
        tags: ['System information'],
        summary: 'The matching algorithm (yente-compatible shape) and its defaults',
        response: {
          200: {
            type: 'object',
            required: ['algorithms', 'default', 'best'],
            properties: {
              algorithms: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    name: { type: 'string' },
                    description: { type: ['string', 'null'] },
                    version: { type: 'string' },
                    threshold: { type: 'number', description: 'default threshold for match: true' },
                    aliases: { type: 'array', items: { type: 'string' } },
                    features: featureDocsSchema,
                    docs: {
                      type: 'object',
                      properties: {
                        name: { type: 'string' },
                        description: { type: ['string', 'null'] },
                        config: {
                          type: 'object',
                          additionalProperties: {
                            type: 'object',
                            properties: { type: { type: 'string' }, description: { type: ['string', 'null'] }, default: { type: 'number' } },
                          },
                        },
                        features: featureDocsSchema,
                      },
                    },
                  },
                },
              },
              default: { type: 'string' },
              best: { type: 'string' },
            },
          },
        },
      },
    },
    async () => {
      const a = matcher.algorithm;
      const features = featureDocs(a, []);
      return {
        algorithms: [
          {
            name: a.name,
            description: a.description,
            version: a.version,
            threshold: a.threshold,
            aliases: ALGORITHM_ALIASES,
            features,
            docs: {
              name: a.name,
              description: a.description,
              config: {
                threshold: { type: 'float', description: 'default score for match: true (query parameter `threshold`)', default: a.threshold },
                limit: { type: 'integer', description: 'default results per query (query parameter `limit`)', default: 5 },
              },
              features,
            },
          },
        ],
        default: a.name,
        best: a.name,
      };
    },
  );
}
