/**
 * The HTTP API as a Fastify instance (no listen: `sanctrace serve` listens, tests inject).
 * JSON schemas validate every request and document it in the OpenAPI 3 document served at
 * GET /openapi.json; every error is answered as yente does: `{detail: "…"}`.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import type { Store } from '../store/store.js';
import type { Matcher } from '../screening/types.js';
import { DEFAULT_LIMITS, HttpError, type Limits } from './http.js';
import { ScreeningService } from './screening.js';
import { decisionRoutes } from './routes/decisions.js';
import { screenRoutes } from './routes/screen.js';
import { tradeRoutes } from './routes/trade.js';
import { networkRoutes } from './routes/network.js';
import { flagRoutes } from './routes/flags.js';
import { webRoutes } from './routes/web.js';
import { NetworkService } from '../network/service.js';
import { yenteRoutes } from './routes/yente.js';

export { DEFAULT_LIMITS, HttpError, type Limits } from './http.js';

export interface AppOptions {
  store: Store;
  matcher: Matcher;
  audit?: {
    /** write every screening (POST /match, POST /screen) to the audit log; default true */
    enabled?: boolean;
  };
  limits?: Partial<Limits>;
  /** Fastify's logger option (default: off) */
  logger?: FastifyServerOptions['logger'];
  /** package version shown in the OpenAPI document */
  version?: string;
  /** the network of the store (default: built from the store on first use, kept in memory) */
  network?: NetworkService;
}

function bytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toLocaleString('en-US')} MB` : `${(n / 1024).toLocaleString('en-US')} kB`;
}

export function buildApp(options: AppOptions): FastifyInstance {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: limits.bodyBytes,
    // ajv: coerce query strings (and single values into arrays), fill in defaults
    ajv: { customOptions: { coerceTypes: 'array', useDefaults: true, removeAdditional: true, allErrors: false } },
  });
  const service = new ScreeningService(options.store, options.matcher, options.audit?.enabled ?? true);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) return reply.code(error.statusCode).send({ detail: error.message });
    if (error.validation) return reply.code(400).send({ detail: error.message });
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = request.routeOptions.bodyLimit ?? limits.bodyBytes;
      return reply.code(413).send({ detail: `the request body is larger than the limit of ${bytes(limit)}` });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send({ detail: `unsupported content type "${request.headers['content-type'] ?? ''}": ${error.message}` });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).send({ detail: error.message });
    request.log.error(error);
    return reply.code(500).send({ detail: `internal error: ${error.message}` });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ detail: `no such route: ${request.method} ${request.url.split('?')[0]}` }));

  void app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'sanctrace API',
        version: options.version ?? '0.1.0',
        description:
          'Sanctions screening with explanations. The Matching and Data access routes are compatible with yente ' +
          '(OpenSanctions); Screening and Audit are sanctrace\'s own. Errors: {"detail": "…"}.',
      },
      tags: [
        { name: 'Matching', description: 'yente-compatible matching and search' },
        { name: 'Data access', description: 'yente-compatible entity and catalog access' },
        { name: 'System information', description: 'algorithms' },
        { name: 'Screening', description: 'bulk screening of CSV uploads' },
        { name: 'Audit', description: 'screening log and reviewer decisions' },
        { name: 'Trade', description: 'trade statistics: diversion hubs, flows, goods' },
        { name: 'Network', description: 'links in time: neighbourhoods, paths, ultimate owners, clusters' },
        { name: 'Flags', description: 'red flags with evidence, the risk worklist and reviews' },
        { name: 'Web UI', description: 'read routes for the web UI: datasets with versions, search with facets, entity detail' },
      ],
    },
  });
  void app.register(async (instance) => {
    await yenteRoutes(instance, { service, limits });
    await screenRoutes(instance, { service, limits });
    await decisionRoutes(instance, { service });
    await tradeRoutes(instance, { store: options.store });
    const network = options.network ?? new NetworkService(options.store, {}, async () => options.matcher);
    await networkRoutes(instance, { service: network });
    await flagRoutes(instance, { store: options.store });
    await webRoutes(instance, { store: options.store, matcher: options.matcher });
    instance.get('/openapi.json', { schema: { hide: true } }, async () => instance.swagger());
  });
  return app;
}
