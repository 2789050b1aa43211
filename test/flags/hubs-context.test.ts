/**
 * Trade-hub context from the trade module's hub detection on a small hand-made trade table:
 * Germany's exports of processors to Russia collapse while those to Kazakhstan rise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/flags/config.js';
import { loadHubContext } from '../../src/flags/hubs-context.js';
import { before_after, cn8Csv, tradeStore, type TradeStore } from '../trade/helpers.js';

let t: TradeStore;

beforeAll(async () => {
  t = await tradeStore({
    comext: cn8Csv([
      ...before_after('85423190', 'Germany', 'Russian Federation', 100_000, 10_000),
      ...before_after('85423190', 'Germany', 'Kazakhstan', 10_000, 120_000),
      ...before_after('85423190', 'Germany', 'Georgia', 10_000, 10_500),
      ...before_after('85423190', 'Germany', 'Armenia', 10_000, 11_000),
      ...before_after('85423190', 'Germany', 'Uzbekistan', 10_000, 9_500),
      ...before_after('85423190', 'France', 'Kyrgyzstan', 10_000, 10_200),
    ]),
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('trade-hub context', () => {
  it('scores Kazakhstan and its processors highest, leaves Russia out, and says how', async () => {
    const hubs = await loadHubContext(t.store, DEFAULT_CONFIG);
    expect(hubs).toBeDefined();
    const kz = hubs!.countries.get('KZ')!;
    expect(kz).toBeGreaterThan(0.5);
    for (const [c, s] of hubs!.countries) if (c !== 'KZ') expect(s).toBeLessThan(kz);
    expect(hubs!.countries.has('RU')).toBe(false);
    expect(hubs!.goods.get('KZ')?.get('854231')).toBeGreaterThan(0.5);
    expect(hubs!.method).toContain('chpl');
  });
});
