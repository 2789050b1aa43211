import { describe, expect, it } from 'vitest';
import { hubContextFromReport } from '../../src/flags/hubs-context.js';
import { evaluateRules } from '../../src/flags/evaluate.js';
import { rankEntities, rankRoutes } from '../../src/flags/rank.js';
import { DEFAULT_CONFIG } from '../../src/flags/config.js';
import { Fixture } from './fixtures.js';

/** A pass-through route DE → KZ → RU of chips, and a new Kazakh firm that only imports. */
function world(): Fixture {
  const w = new Fixture();
  w.company('Stuttgart-Elektronik', { country: 'de', incorporationDate: '2005-01-01', classification: '46.52' });
  w.company('Astana-Chip', { country: 'kz', incorporationDate: '2022-03-15', classification: '46.52' });
  w.company('Moscow-Security', { country: 'ru', incorporationDate: '2010-01-01', classification: '46.52' });
  w.company('Almaty-Importer', { country: 'kz', incorporationDate: '2022-05-01', classification: '46.47' });
  w.line({ sender: 'Stuttgart-Elektronik', receiver: 'Astana-Chip', date: '2022-09-06', hs: '854231', qty: 2598, value: 30000 });
  w.line({ sender: 'Astana-Chip', receiver: 'Moscow-Security', date: '2022-09-25', hs: '854231', qty: 2598, value: 36000 });
  w.line({ sender: 'Stuttgart-Elektronik', receiver: 'Almaty-Importer', date: '2022-10-06', hs: '940360', qty: 20, value: 3000 });
  return w;
}

describe('ranking', () => {
  it('adds one term per rule, weight × score × context, and ranks the intermediary first', () => {
    const ctx = world().context();
    const { flags } = evaluateRules(ctx);
    const ranked = rankEntities(ctx, flags);
    const top = ranked[0]!;
    expect(top.entity_id).toBe('Astana-Chip');
    const rf04 = top.terms.find((t) => t.code === 'RF04')!;
    expect(rf04).toMatchObject({ weight: 2, score: 1, context: 1, contribution: 2 });
    expect(top.score).toBeCloseTo(top.terms.reduce((t, x) => t + x.contribution, 0), 3);
    expect(new Set(top.terms.map((t) => t.code)).size).toBe(top.terms.length);
  });

  it('weighs registry facts by the strongest flag on conduct, and says so', () => {
    const ctx = world().context();
    const ranked = rankEntities(ctx, evaluateRules(ctx).flags);
    const importer = ranked.find((e) => e.entity_id === 'Almaty-Importer')!;
    const rf01 = importer.terms.find((t) => t.code === 'RF01')!;
    expect(rf01.context).toBe(0.5);
    expect(rf01.contribution).toBe(0.5);
    expect(rf01.context_reason).toContain('no clear flag on its conduct');
    const hub = ranked.find((e) => e.entity_id === 'Astana-Chip')!;
    expect(hub.terms.find((t) => t.code === 'RF01')!.context).toBe(1);
  });

  it('raises flags in a country and goods the trade data marks as a hub, and lowers those where trade with Russia fell', () => {
    const w = world();
    w.hubs = hubContextFromReport(
      {
        method: { summary: 'robust z of rise and substitution' },
        windows: { baseline: '2021-03..2021-11', period: '2022-03..2022-11' },
        goods: { spec: 'chpl' },
        countries: [
          { country: 'KZ', rank: 1, score: 6, drivers: [{ code: '854231', did: 2.5, growth: 3 }] },
          { country: 'DE', rank: 9, score: -3, drivers: [] },
          { country: 'RU', rank: null, score: -8, drivers: [] },
        ],
      },
      DEFAULT_CONFIG,
    );
    expect(w.hubs.countries.has('RU')).toBe(false);
    const ctx = w.context();
    const ranked = rankEntities(ctx, evaluateRules(ctx).flags);
    const rf04 = ranked.find((e) => e.entity_id === 'Astana-Chip')!.terms.find((t) => t.code === 'RF04')!;
    expect(rf04.context).toBeGreaterThan(1.4);
    expect(rf04.context_reason).toContain('Kazakhstan for HS 854231');
    const supplierRf13 = ranked.find((e) => e.entity_id === 'Stuttgart-Elektronik')!.terms.find((t) => t.code === 'RF13')!;
    expect(supplierRf13.context).toBeGreaterThan(1);
  });

  it('scores a route with each rule once, from whichever party has it strongest', () => {
    const ctx = world().context();
    const { flags } = evaluateRules(ctx);
    const entities = rankEntities(ctx, flags);
    const routes = rankRoutes(ctx, flags, entities);
    const r = routes.find((x) => x.intermediary === 'Astana-Chip' && x.buyer === 'Moscow-Security')!;
    expect(r.supplier).toBe('Stuttgart-Elektronik');
    expect(r.goods).toEqual(['854231']);
    expect(new Set(r.terms.map((t) => t.code)).size).toBe(r.terms.length);
    expect(r.terms.find((t) => t.code === 'RF04')).toMatchObject({ entity_id: 'Astana-Chip', role: 'intermediary', contribution: 2 });
    expect(r.score).toBeCloseTo(r.terms.reduce((t, x) => t + x.contribution, 0), 3);
  });
});
