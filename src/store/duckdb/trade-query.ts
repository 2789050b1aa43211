/**
 * Trade queries in DuckDB SQL: the single pass hub detection needs (GROUPING SETS over the rows
 * in scope), time series, codes and coverage. Every sum is over own_value, so rows that total
 * more detailed rows never count twice; rows whose reporter or partner is not a country are
 * left out of country sums and returned apart.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  StoreError,
  type TradeAggregateQuery,
  type TradeAggregateResult,
  type TradeCodeCount,
  type TradeCoverage,
  type TradeScope,
  type TradeSeriesQuery,
  type TradeSeriesRow,
} from '../store.js';

type Row = Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : Number(v ?? 0));
const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Country and area codes are inlined into SQL: only codes of letters, digits and '_' pass. */
function codeList(codes: string[], what: string): string {
  for (const c of codes) if (!/^[A-Za-z0-9_]{1,24}$/.test(c)) throw new StoreError(`invalid ${what} code "${c}"`);
  return codes.length ? codes.map(lit).join(', ') : 'NULL';
}

export class TradeQueries {
  constructor(private readonly conn: DuckDBConnection) {}

  private async all(sql: string, params?: Array<string | number>): Promise<Row[]> {
    const reader = await this.conn.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as Row[];
  }

  async tradeDatasetNames(): Promise<string[]> {
    const rows = await this.all("SELECT name FROM datasets WHERE kind = 'trade' ORDER BY name");
    return rows.map((r) => String(r['name']));
  }

  /** SQL condition for the scope; checks the datasets exist and are trade tables. */
  async scopeWhere(scope: TradeScope = {}, alias = 't'): Promise<string> {
    const names = await this.tradeDatasetNames();
    const wanted = scope.datasets?.length ? scope.datasets : names;
    for (const d of wanted) {
      if (!names.includes(d)) {
        throw new StoreError(
          names.length ? `no trade dataset named "${d}"; trade datasets: ${names.join(', ')}` : `no trade dataset named "${d}": load one with sanctrace ingest eurostat-cn8|comext|comtrade|baci <path> --dataset <name>`,
        );
      }
    }
    const parts = [`${alias}.dataset IN (${wanted.length ? wanted.map(lit).join(', ') : 'NULL'})`];
    if (scope.currency) parts.push(`${alias}.currency = ${lit(scope.currency)}`);
    return parts.join(' AND ');
  }

  async codes(scope?: TradeScope): Promise<TradeCodeCount[]> {
    const where = await this.scopeWhere(scope);
    const rows = await this.all(`SELECT t.nomenclature, t.code, count(*) AS rows, any_value(c.description) AS description
      FROM trade_flows t LEFT JOIN trade_codes c ON c.dataset = t.dataset AND c.nomenclature = t.nomenclature AND c.code = t.code
      WHERE ${where} GROUP BY ALL ORDER BY 1, 2`);
    return rows.map((r) => ({
      nomenclature: String(r['nomenclature']),
      code: String(r['code']),
      rows: num(r['rows']),
      description: r['description'] === null || r['description'] === undefined ? null : String(r['description']),
    }));
  }

  async coverage(scope?: TradeScope): Promise<TradeCoverage> {
    const where = await this.scopeWhere(scope);
    const [r] = await this.all(`SELECT list(DISTINCT currency ORDER BY currency) AS currencies,
        min(month0) FILTER (WHERE months = 1) AS first_month, max(month0) FILTER (WHERE months = 1) AS last_month,
        min(month0 // 12) FILTER (WHERE months = 12) AS first_year, max(month0 // 12) FILTER (WHERE months = 12) AS last_year
      FROM trade_flows t WHERE ${where}`);
    const opt = (v: unknown) => (v === null || v === undefined ? undefined : num(v));
    return {
      currencies: ((r?.['currencies'] as unknown[]) ?? []).map(String),
      firstMonth: opt(r?.['first_month']),
      lastMonth: opt(r?.['last_month']),
      firstYear: opt(r?.['first_year']),
      lastYear: opt(r?.['last_year']),
    };
  }

  /** Loads the code selection into a temp table joined by the aggregate query. */
  private async selection(q: TradeAggregateQuery): Promise<void> {
    await this.conn.run('CREATE OR REPLACE TEMP TABLE q_codes (nomenclature VARCHAR, code VARCHAR, series VARCHAR, goods BOOLEAN)');
    const appender = await this.conn.createAppender('q_codes');
    for (const c of q.codes) {
      appender.appendVarchar(c.nomenclature);
      appender.appendVarchar(c.code);
      appender.appendVarchar(c.series);
      appender.appendBoolean(c.goods);
      appender.endRow();
    }
    appender.closeSync();
  }

  async aggregate(q: TradeAggregateQuery): Promise<TradeAggregateResult> {
    const where = await this.scopeWhere(q);
    await this.selection(q);
    const coalition = codeList(q.coalition, 'country');
    const suppliers = codeList(q.suppliers ?? q.coalition, 'country');
    const russia = codeList([q.russia], 'country');
    const { baseline: b, period: p } = q;
    const fits = (w: { from: number; to: number }) => `t.month0 >= ${w.from} AND t.month0 + t.months - 1 <= ${w.to}`;
    const lo = Math.min(b.from, p.from);
    const hi = Math.max(b.to, p.to);
    const scoped = `FROM trade_flows t JOIN q_codes c ON c.nomenclature = t.nomenclature AND c.code = t.code
      WHERE ${where} AND t.month0 BETWEEN ${lo} AND ${hi} AND t.currency = ${lit(q.currency)}`;
    const windowCase = `CASE WHEN ${fits(b)} THEN 'baseline' WHEN ${fits(p)} THEN 'period' END`;
    const rows = await this.all(`WITH f AS (
        SELECT ${windowCase} AS win, t.reporter, t.partner, t.month0, t.months, t.own_value AS v, c.series, c.goods,
          CASE
            WHEN t.flow = 'export' AND t.reporter IN (${suppliers}) AND t.partner_kind = 'country' AND t.partner NOT IN (${coalition}) THEN 'supply'
            WHEN t.reporter_kind = 'country' AND t.reporter NOT IN (${coalition}) AND t.partner_kind <> 'aggregate' AND t.flow = 'import' THEN 'imports'
            WHEN t.reporter_kind = 'country' AND t.reporter NOT IN (${coalition}) AND t.partner_kind <> 'aggregate' AND t.flow = 'export' THEN 'exports'
          END AS role
        ${scoped} AND t.reporter_kind = 'country'),
      g AS (
        SELECT *, CASE WHEN role = 'supply' THEN partner ELSE reporter END AS country,
          CASE WHEN role = 'supply' THEN NULL WHEN partner = ${russia} THEN 'russia' WHEN partner IN (${coalition}) THEN 'coalition' ELSE 'other' END AS pclass,
          CASE WHEN role = 'supply' AND goods THEN reporter END AS supplier,
          CASE WHEN role = 'supply' AND goods THEN month0 END AS month
        FROM f WHERE win IS NOT NULL AND role IS NOT NULL)
      SELECT GROUPING(series, pclass, supplier, month, months) AS gid, role, country, series, win, pclass, supplier, month, months,
        sum(v)::DOUBLE AS value, count(*) AS rows
      FROM g
      GROUP BY GROUPING SETS ((role, country, series, win, pclass), (role, country, supplier, win), (role, country, month, months))`);
    const out: TradeAggregateResult = { cells: [], suppliers: [], months: [], areas: [], rows: 0 };
    for (const r of rows) {
      const gid = num(r['gid']);
      const win = r['win'] as 'baseline' | 'period';
      const value = num(r['value']);
      // GROUPING bits (series, pclass, supplier, month, months): 0 = grouped by that column
      if ((gid & 0b11000) === 0) {
        out.rows += num(r['rows']);
        out.cells.push({
          role: r['role'] as 'supply',
          country: String(r['country']),
          series: String(r['series']),
          window: win,
          pclass: (r['pclass'] ?? null) as 'russia' | null,
          value,
          rows: num(r['rows']),
        });
      } else if ((gid & 0b00100) === 0) {
        if (r['supplier'] !== null) out.suppliers.push({ country: String(r['country']), reporter: String(r['supplier']), window: win, value });
      } else if (r['month'] !== null) {
        out.months.push({ country: String(r['country']), month0: num(r['month']), months: num(r['months']), value });
      }
    }
    const areas = await this.all(`WITH a AS (
        SELECT ${windowCase} AS win, t.reporter, t.reporter_kind, t.partner, t.partner_kind, t.flow, c.goods, t.own_value
        ${scoped} AND (t.reporter_kind <> 'country' OR t.partner_kind <> 'country'))
      SELECT win, reporter, reporter_kind, partner, partner_kind, flow, goods, sum(own_value)::DOUBLE AS value, count(*) AS rows
      FROM a WHERE win IS NOT NULL GROUP BY ALL ORDER BY value DESC LIMIT 500`);
    out.areas = areas.map((a) => ({
      reporter: String(a['reporter']),
      reporter_kind: String(a['reporter_kind']),
      partner: String(a['partner']),
      partner_kind: String(a['partner_kind']),
      flow: String(a['flow']),
      window: a['win'] as 'baseline',
      goods: Boolean(a['goods']),
      value: num(a['value']),
      rows: num(a['rows']),
    }));
    return out;
  }

  async series(q: TradeSeriesQuery): Promise<TradeSeriesRow[]> {
    const parts = [await this.scopeWhere(q)];
    // by default every reporter and partner but the aggregates (unspecified and confidential areas are parts of the world, not sums)
    parts.push(q.reporters?.length ? `t.reporter IN (${codeList(q.reporters, 'reporter')})` : "t.reporter_kind <> 'aggregate'");
    parts.push(q.partners?.length ? `t.partner IN (${codeList(q.partners, 'partner')})` : "t.partner_kind <> 'aggregate'");
    if (q.flows?.length) parts.push(`t.flow IN (${q.flows.map(lit).join(', ')})`);
    let join = '';
    if (q.codes) {
      await this.conn.run('CREATE OR REPLACE TEMP TABLE q_series_codes (nomenclature VARCHAR, code VARCHAR)');
      const appender = await this.conn.createAppender('q_series_codes');
      for (const c of q.codes) {
        appender.appendVarchar(c.nomenclature);
        appender.appendVarchar(c.code);
        appender.endRow();
      }
      appender.closeSync();
      join = 'JOIN q_series_codes c ON c.nomenclature = t.nomenclature AND c.code = t.code';
    }
    const period = q.monthly
      ? "CASE WHEN t.months = 12 THEN (t.month0 // 12)::VARCHAR ELSE t.period END"
      : '(t.month0 // 12)::VARCHAR';
    const rows = await this.all(`SELECT ${period} AS period, min(t.month0) AS m0, t.currency,
        CASE WHEN max(t.months) = 12 THEN 12 ELSE count(DISTINCT t.month0) END AS months,
        sum(t.own_value)::DOUBLE AS value, sum(t.net_weight_kg) AS kg, count(*) AS rows
      FROM trade_flows t ${join} WHERE ${parts.join(' AND ')}
      GROUP BY ALL ORDER BY m0, period, currency`);
    return rows.map((r) => ({
      period: String(r['period']),
      months: num(r['months']),
      currency: String(r['currency']),
      value: num(r['value']),
      net_weight_kg: r['kg'] === null ? null : num(r['kg']),
      rows: num(r['rows']),
    }));
  }
}
