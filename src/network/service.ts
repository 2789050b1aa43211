import type { Matcher } from '../screening/types.js';
import type { Store } from '../store/store.js';
import { buildNetwork, type BuildOptions } from './build.js';
import { cacheKey, readCache, writeCache } from './cache.js';
import type { Network } from './network.js';
import { addSameAs, entitiesAround, resolveEntities, type ResolveOptions } from './resolution.js';

/**
 * One network per store, built on first use and rebuilt when a dataset gets a new version (the
 * server keeps it between requests; the CLI builds it once per command). Concurrent callers share
 * one build.
 */
export class NetworkService {
  private current?: Promise<Network>;
  private versionsKey?: string;
  private matcherPromise?: Promise<Matcher>;
  private readonly resolved = new Set<string>();

  /** where the graph came from last: built from the store, or read from the cache file */
  origin?: 'built' | 'cache';

  constructor(
    readonly store: Store,
    private readonly options: BuildOptions & { datasets?: string[] } = {},
    private readonly makeMatcher?: () => Promise<Matcher>,
    /** a file to keep the built graph in between processes (see cache.ts) */
    private readonly cacheFile?: string,
  ) {}

  async network(): Promise<Network> {
    const key = cacheKey(await this.store.datasets(), this.options);
    if (!this.current || key !== this.versionsKey) {
      this.versionsKey = key;
      this.resolved.clear();
      this.current = this.load(key);
      this.current.catch(() => {
        if (this.versionsKey === key) this.current = undefined;
      });
    }
    return this.current;
  }

  private async load(key: string): Promise<Network> {
    if (this.cacheFile) {
      const cached = await readCache(this.cacheFile, key);
      if (cached) {
        this.origin = 'cache';
        return cached;
      }
    }
    const net = await buildNetwork(this.store, this.options);
    this.origin = 'built';
    // a cache that cannot be written (read-only folder) only costs the next command a rebuild
    if (this.cacheFile) await writeCache(this.cacheFile, key, net).catch(() => undefined);
    return net;
  }

  async matcher(): Promise<Matcher> {
    if (!this.makeMatcher) throw new Error('no screening engine configured for entity resolution');
    return (this.matcherPromise ??= this.makeMatcher());
  }

  get canResolve(): boolean {
    return !!this.makeMatcher;
  }

  /**
   * Resolves the entities within `hops` links of an entity against all datasets and adds the
   * candidates as same_as links (each entity is resolved once per network).
   */
  async resolveAround(id: string, hops: number, options: ResolveOptions = {}): Promise<{ resolved: number; links: number }> {
    const net = await this.network();
    const matcher = await this.matcher();
    const ids = entitiesAround(net, id, hops).filter((x) => !this.resolved.has(x));
    const links = resolveEntities(net, matcher, { ...options, ids });
    for (const x of ids) this.resolved.add(x);
    return { resolved: ids.length, links: addSameAs(net, links) };
  }
}
