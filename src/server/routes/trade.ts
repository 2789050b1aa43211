/**
 * Trade statistics for the UI's charts: GET /trade/datasets, /trade/hubs, /trade/flows and
 * /trade/goods, answering what `sanctrace hubs` and `sanctrace flows --format json` print.
 */
import type { FastifyInstance } from 'fastify';
import { SourceError, UsageError } from '../../sources/errors.js';
import { StoreError, type Store } from '../../store/store.js';
import { parseCountries } from '../../trade/areas.js';
import { chplTier } from '../../trade/chpl.js';
import { parseGoods, seriesInGoods } from '../../trade/goods.js';
import { bridgeSeries, describe, hsNomenclature } from '../../trade/hs.js';
import { detectHubs } from '../../trade/hubs.js';
import { flowOf, flowSeries, type FlowKind } from '../../trade/flows.js';
import { parseWindow } from '../../trade/periods.js';
import { errorResponses, HttpError } from '../http.js';

/** Bad parameters and unknown datasets are the caller's: 400. */
async function answer<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof UsageError || e instanceof StoreError || e instanceof SourceError) throw new HttpError(400, e.message);
    throw e;
  }
}

const openObject = { type: 'object', additionalProperties: true } as const;
const valuePair = {
  type: 'object',
  additionalProperties: true,
  properties: { baseline: { type: 'number' }, period: { type: 'number' }, growth: { type: ['number', 'null'], description: 'ratio: 0.5 = +50%' } },
} as const;
const nullableNumber = { type: ['number', 'null'] } as const;

const hubSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    country: { type: 'string', description: 'ISO2' },
    name: { type: 'string' },
    rank: { type: ['integer', 'null'], description: '1 = most likely hub; null for Russia, the reference' },
    score: { type: 'number', description: 'mean of the robust z-scores in components' },
    baseline_value: { type: 'number' },
    period_value: { type: 'number' },
    growth: nullableNumber,
    log_growth: { type: 'number' },
    currency: { type: 'string' },
    control: { type: ['object', 'null'], additionalProperties: true },
    did: nullableNumber,
    substitution: nullableNumber,
    substitution_growth: nullableNumber,
    pass_through: nullableNumber,
    russia_share_change: nullableNumber,
    mirror_gap_change: nullableNumber,
    components: { type: 'object', additionalProperties: { type: 'number' } },
    named_hub: { type: 'boolean' },
    drivers: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: true,
        properties: {
          code: { type: 'string' },
          description: { type: 'string' },
          chpl_tier: { type: ['string', 'null'] },
          baseline: { type: 'number' },
          period: { type: 'number' },
          growth: nullableNumber,
          change_per_month: { type: 'number' },
          did: nullableNumber,
          russia: { anyOf: [valuePair, { type: 'null' }] },
          bridged: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
    partners: { type: 'array', items: { ...valuePair, properties: { ...valuePair.properties, reporter: { type: 'string' }, name: { type: 'string' } } } },
    months: {
      type: 'array',
      items: { type: 'object', properties: { month: { type: 'string' }, window: { type: 'string', enum: ['baseline', 'period'] }, value: { type: 'number' } } },
    },
  },
} as const;

const seriesRowSchema = {
  type: 'object',
  properties: {
    period: { type: 'string', description: 'YYYY or YYYY-MM' },
    months: { type: 'integer', description: 'months the figure covers' },
    currency: { type: 'string' },
    value: { type: 'number' },
    net_weight_kg: nullableNumber,
    rows: { type: 'integer' },
  },
} as const;

const datasetQuery = { type: 'array', items: { type: 'string', maxLength: 64 }, maxItems: 20, description: 'trade datasets (default: all)' } as const;

export async function tradeRoutes(app: FastifyInstance, ctx: { store: Store }): Promise<void> {
  const { store } = ctx;

  app.get(
    '/trade/datasets',
    {
      schema: {
        tags: ['Trade'],
        summary: 'Trade datasets in the store, with their coverage',
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                version: { type: 'string' },
                format: { type: 'string' },
                loaded_at: { type: 'string' },
                rows: { type: 'integer' },
                currencies: { type: 'array', items: { type: 'string' } },
                first_period: { type: ['string', 'null'] },
                last_period: { type: ['string', 'null'] },
                reporters: { type: 'integer' },
                partners: { type: 'integer' },
                flows: { type: 'array', items: { type: 'string' } },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async () => store.tradeDatasets(),
  );

  app.get<{
    Querystring: { dataset?: string[]; baseline?: string; period?: string; goods: string; reporter?: string; currency?: string; floor?: number; drivers: number };
  }>(
    '/trade/hubs',
    {
      schema: {
        tags: ['Trade'],
        summary: 'Countries ranked as likely diversion hubs, with the codes, suppliers and months behind each',
        description:
          'As `sanctrace hubs --format json`. Windows: 2021-03..2021-11, 2019..2021 (default: March to the last month of 2022 in the data against the same months of 2021). ' +
          'Goods: chpl, chpl:tier1 … chpl:tier4b, drones, all, or HS codes. The answer states the method; each country carries `months` (a series for charts).',
        querystring: {
          type: 'object',
          properties: {
            dataset: datasetQuery,
            baseline: { type: 'string', maxLength: 40 },
            period: { type: 'string', maxLength: 40 },
            goods: { type: 'string', maxLength: 500, default: 'chpl' },
            reporter: { type: 'string', maxLength: 500, description: 'supplying reporters (default: the export-control coalition)' },
            currency: { type: 'string', pattern: '^[A-Za-z]{3}$' },
            floor: { type: 'number', exclusiveMinimum: 0, description: 'materiality floor per month' },
            drivers: { type: 'integer', minimum: 0, maximum: 50, default: 5 },
          },
        },
        response: {
          200: {
            type: 'object',
            additionalProperties: true,
            properties: {
              method: openObject,
              datasets: { type: 'array', items: { type: 'string' } },
              currency: { type: 'string' },
              windows: openObject,
              goods: openObject,
              floor: { type: 'number' },
              bridged: { type: 'boolean' },
              countries: { type: 'array', items: hubSchema },
              areas: { type: 'array', items: openObject },
              notes: { type: 'array', items: { type: 'string' } },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) =>
      answer(async () => {
        const q = request.query;
        if ((q.baseline === undefined) !== (q.period === undefined)) throw new UsageError('give both baseline and period, or neither');
        let suppliers: string[] | undefined;
        if (q.reporter) {
          const { codes, unknown } = parseCountries(q.reporter);
          if (unknown.length) throw new UsageError(`unknown reporter ${unknown.map((u) => `"${u}"`).join(', ')}`);
          suppliers = codes;
        }
        return detectHubs(store, {
          datasets: q.dataset,
          baseline: q.baseline ? parseWindow(q.baseline, 'baseline') : undefined,
          period: q.period ? parseWindow(q.period, 'period') : undefined,
          goods: parseGoods(q.goods),
          suppliers,
          currency: q.currency,
          floor: q.floor,
          drivers: q.drivers,
        });
      }),
  );

  app.get<{
    Querystring: { reporter?: string; partner?: string; code?: string; flow?: string; monthly: boolean; bridge: boolean; dataset?: string[]; currency?: string };
  }>(
    '/trade/flows',
    {
      schema: {
        tags: ['Trade'],
        summary: 'A time series of trade values (reporters → partners, codes)',
        description:
          'As `sanctrace flows --format json`: `series` is [{period, months, currency, value, net_weight_kg, rows}] by year, or by month with monthly=true. ' +
          'Values are never summed across currencies, nor aggregates (EU27_2020, WORLD) with their members: name an aggregate by its code to read its rows.',
        querystring: {
          type: 'object',
          properties: {
            reporter: { type: 'string', maxLength: 500 },
            partner: { type: 'string', maxLength: 500 },
            code: { type: 'string', maxLength: 500, description: 'HS/CN codes or prefixes, comma separated' },
            flow: { type: 'string', maxLength: 100, description: 'import, export, re-export, re-import (comma separated)' },
            monthly: { type: 'boolean', default: false },
            bridge: { type: 'boolean', default: true, description: 'join HS 2017 and HS 2022 codes of changed subheadings' },
            dataset: datasetQuery,
            currency: { type: 'string', pattern: '^[A-Za-z]{3}$' },
          },
        },
        response: {
          200: {
            type: 'object',
            additionalProperties: true,
            properties: {
              series: { type: 'array', items: seriesRowSchema },
              matched: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
              bridged: { type: 'array', items: { type: 'string' } },
              notes: { type: 'array', items: { type: 'string' } },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) =>
      answer(async () => {
        const q = request.query;
        let flows: FlowKind[] | undefined;
        if (q.flow) {
          flows = q.flow.split(',').map((f) => {
            const kind = flowOf(f);
            if (!kind) throw new UsageError(`unknown flow "${f}"`);
            return kind;
          });
        }
        return flowSeries(store, {
          datasets: q.dataset,
          reporters: q.reporter,
          partners: q.partner,
          codes: q.code,
          flows,
          monthly: q.monthly,
          bridge: q.bridge,
          currency: q.currency?.toUpperCase(),
        });
      }),
  );

  app.get<{ Querystring: { set: string; limit: number } }>(
    '/trade/goods',
    {
      schema: {
        tags: ['Trade'],
        summary: 'The HS 2022 codes of a goods set, with descriptions and CHPL tiers',
        querystring: {
          type: 'object',
          properties: {
            set: { type: 'string', maxLength: 500, default: 'chpl', description: 'chpl, chpl:tier1 … chpl:tier4b, drones, all, or HS codes' },
            limit: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              set: { type: 'string' },
              parts: { type: 'array', items: openObject },
              codes: {
                type: 'array',
                items: { type: 'object', properties: { code: { type: 'string' }, description: { type: 'string' }, level: { type: 'integer' }, chpl_tier: { type: ['string', 'null'] } } },
              },
              bridge: { type: 'array', items: openObject },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) =>
      answer(async () => {
        const goods = parseGoods(request.query.set);
        const codes = [...hsNomenclature().values()]
          .filter((c) => c.level === 6 && seriesInGoods(goods, c.code))
          .slice(0, request.query.limit)
          .map((c) => ({ code: c.code, description: describe(c.code), level: c.level, chpl_tier: chplTier(c.code) ?? null }));
        const bridge = bridgeSeries()
          .filter((b) => goods.all || (b.codes['HS2022'] ?? []).some((c) => goods.codes.some((p) => c.startsWith(p) || p.startsWith(c))))
          .map((b) => ({ series: b.series, label: b.label, codes: b.codes }));
        return { set: goods.spec, parts: goods.parts, codes, bridge };
      }),
  );
}
