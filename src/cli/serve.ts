import { resolveAudit } from '../config.js';
import { buildApp } from '../server/app.js';
import { loadMatcherFactory } from '../screening/bulk.js';
import { UsageError } from '../sources/errors.js';
import { openStore } from '../store/open.js';
import { NetworkService } from '../network/service.js';
import { defaultCacheFile } from '../network/cache.js';

export interface ServeFlags {
  port: string;
  host: string;
  audit?: boolean;
  matcher?: string;
}

/**
 * `sanctrace serve`: the HTTP API (yente-compatible routes, bulk screening, audit) on the store.
 * Prints the URL; runs until SIGINT or SIGTERM.
 */
export async function serveCommand(db: string, flags: ServeFlags, signal?: AbortSignal): Promise<void> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (0-65535), not "${flags.port}"`);
  const audit = resolveAudit(flags.audit === false ? false : undefined);
  // The engine reads the store to build its index before the server opens the store.
  const createMatcher = await loadMatcherFactory(flags.matcher);
  const matcher = await createMatcher(db);
  const store = await openStore(db);
  // the network is built (or read from its cache) while the server starts, not on the first request
  const network = new NetworkService(store, {}, async () => matcher, db === ':memory:' ? undefined : defaultCacheFile(db));
  network.network().catch((e: Error) => process.stderr.write(`sanctrace: the network could not be built: ${e.message}\n`));
  const app = buildApp({ store, matcher, network, audit: { enabled: audit }, logger: { level: 'info', stream: process.stderr } });
  try {
    const address = await app.listen({ port, host: flags.host });
    const url = address.replace('[::1]', 'localhost');
    process.stdout.write(`sanctrace: serving on ${url} (UI: ${url}/ui/, OpenAPI: ${url}/openapi.json; audit log ${audit ? 'on' : 'off'})\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      signal?.addEventListener('abort', stop, { once: true });
    });
  } finally {
    await app.close();
    await store.close();
  }
}
