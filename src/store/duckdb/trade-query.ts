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

  /** A result as columns (fewer objects than rows for large results). */
  private async columns(sql: string): Promise<Record<string, unknown[]>> {
    const reader = await this.conn.runAndReadAll(sql);
    return reader.getColumnsObjectJS() as Record<string, unknown[]>;
  }

  /** The code selection as a temp table, to join aggregated rows to their series. */
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

  private names?: Promise<string[]>;

  /** Trade dataset names (read once per TradeQueries, which lives for one store call). */
  tradeDatasetNames(): Promise<string[]> {
    this.names ??= this.all("SELECT name FROM datasets WHERE kind = 'trade' ORDER BY name").then((rows) => rows.map((r) => String(r['name'])));
    return this.names;
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

  /** Codes of the datasets in scope, from trade_codes (written at load: every code with its row count). */
  async codes(scope?: TradeScope): Promise<TradeCodeCount[]> {
    const where = await this.scopeWhere({ datasets: scope?.datasets }, 'c');
    const rows = await this.all(`SELECT c.nomenclature, c.code, sum(c.rows) AS rows, any_value(c.description) AS description
      FROM trade_codes c WHERE ${where} GROUP BY ALL ORDER BY 1, 2`);
    return rows.map((r) => ({
      nomenclature: String(r['nomenclature']),
      code: String(r['code']),
      rows: num(r['rows']),
      description: r['description'] === null || r['description'] === undefined ? null : String(r['description']),
    }));
  }

  /** Coverage from trade_parties (written at load), without reading the rows. */
  async coverage(scope?: TradeScope): Promise<TradeCoverage> {
    const where = await this.scopeWhere(scope, 'p');
    const [r] = await this.all(`SELECT list(DISTINCT currency ORDER BY currency) AS currencies, min(first_month) AS first_month, max(last_month) AS last_month,
        min(first_year) AS first_year, max(last_year) AS last_year FROM trade_parties p WHERE ${where}`);
    const opt = (v: unknown) => (v === null || v === undefined ? undefined : num(v));
    return {
      currencies: ((r?.['currencies'] as unknown[]) ?? []).map(String),
      firstMonth: opt(r?.['first_month']),
      lastMonth: opt(r?.['last_month']),
      firstYear: opt(r?.['first_year']),
      lastYear: opt(r?.['last_year']),
    };
  }

  /**
   * The flows hub detection needs, in few passes over the rows: (1) the suppliers' exports to
   * non-coalition countries by partner, code and window; (2) for the goods only, the same by
   * supplying reporter and by month; (3) the own imports and exports of non-coalition
   * reporters, and (4) the rows of aggregate or unspecified areas — these two only when the
   * datasets' parties (trade_parties) show any. Codes are mapped to series here, after summing.
   */
  async aggregate(q: TradeAggregateQuery): Promise<TradeAggregateResult> {
    const datasets = await this.scopeWhere({ datasets: q.datasets });
    const partyWhere = await this.scopeWhere({ datasets: q.datasets }, 'p');
    const coalitionCodes = codeList(q.coalition, 'country');
    const supplierCodes = codeList(q.suppliers ?? q.coalition, 'country');
    const coalition = `[${coalitionCodes}]`;
    const suppliers = `[${supplierCodes}]`;
    const russia = lit(q.russia);
    const { baseline: b, period: p } = q;

    // What the datasets hold (trade_parties, written at load) tells which filters the rows need.
    const isSupplier = new Set(q.suppliers ?? q.coalition);
    const isCoalition = new Set(q.coalition);
    const parties = await this.all(`SELECT reporter, reporter_kind, partner, partner_kind, flow, currency, rows, first_year FROM trade_parties p WHERE ${partyWhere}`);
    const isSupply = (r: Row) => r['flow'] === 'export' && isSupplier.has(String(r['reporter'])) && r['partner_kind'] === 'country' && !isCoalition.has(String(r['partner']));
    const inCurrency = (r: Row) => r['currency'] === q.currency;
    const onlyCurrency = parties.every(inCurrency);
    const onlySupply = parties.every(isSupply);
    const annual = parties.some((r) => r['first_year'] !== null && r['first_year'] !== undefined);
    const ownRows = parties.filter((r) => inCurrency(r) && r['reporter_kind'] === 'country' && !isCoalition.has(String(r['reporter'])) && r['partner_kind'] !== 'aggregate' && (r['flow'] === 'import' || r['flow'] === 'export')).length;
    const areaRows = parties.filter((r) => inCurrency(r) && (r['reporter_kind'] !== 'country' || r['partner_kind'] !== 'country')).length;

    const fits = (w: { from: number; to: number }) =>
      annual ? `(t.month0 >= ${w.from} AND t.month0 + t.months - 1 <= ${w.to})` : `t.month0 BETWEEN ${w.from} AND ${w.to}`;
    const later = `(t.month0 BETWEEN ${p.from} AND ${p.to})`;
    const rows = `${datasets}${onlyCurrency ? '' : ` AND t.currency = ${lit(q.currency)}`} AND (${fits(b)} OR ${fits(p)})`;
    const supply = onlySupply
      ? 'true'
      : `t.flow = 'export' AND list_contains(${suppliers}, t.reporter) AND t.partner_kind = 'country' AND NOT list_contains(${coalition}, t.partner)`;
    const out: TradeAggregateResult = { cells: [], suppliers: [], months: [], areas: [], rows: 0 };
    const windowOf = (isLater: unknown) => (isLater ? 'period' : 'baseline') as 'baseline' | 'period';
    await this.selection(q);

    // (1) supply by partner, code and window, summed over the rows first, then joined to the series
    const supplied = await this.columns(`WITH a AS (
        SELECT t.partner, t.nomenclature, t.code, ${later} AS later, sum(t.own_value) AS v
        FROM trade_flows t WHERE ${rows} AND ${supply} GROUP BY ALL)
      SELECT a.partner, c.series, a.later, sum(a.v)::DOUBLE AS value, count(*) AS n
      FROM a JOIN q_codes c USING (nomenclature, code) GROUP BY ALL`);
    const count = (supplied['partner'] ?? []).length;
    for (let i = 0; i < count; i++) {
      const n = num(supplied['n']![i]);
      out.rows += n;
      out.cells.push({
        role: 'supply',
        country: String(supplied['partner']![i]),
        series: String(supplied['series']![i]),
        window: windowOf(supplied['later']![i]),
        pclass: null,
        value: num(supplied['value']![i]),
        rows: n,
      });
    }

    // (2) the goods by supplying reporter and by month (a code list filters first: cheap)
    const goodsCodes = [...new Set(q.codes.filter((c) => c.goods).map((c) => c.code))];
    const allGoods = goodsCodes.length > 0 && q.codes.every((c) => c.goods);
    if (goodsCodes.length) {
      if (!allGoods) {
        await this.conn.run('CREATE OR REPLACE TEMP TABLE q_goods (code VARCHAR)');
        const appender = await this.conn.createAppender('q_goods');
        for (const c of goodsCodes) {
          appender.appendVarchar(c);
          appender.endRow();
        }
        appender.closeSync();
      }
      const goodsFilter = allGoods ? '' : goodsCodes.length <= 500 ? `AND list_contains([${goodsCodes.map(lit).join(', ')}], t.code)` : 'AND t.code IN (SELECT code FROM q_goods)';
      for (const r of await this.all(`SELECT GROUPING(t.reporter, t.month0) AS gid, t.partner, t.reporter, ${later} AS later, t.month0, t.months, sum(t.own_value)::DOUBLE AS value
          FROM trade_flows t WHERE ${rows} AND ${supply} ${goodsFilter}
          GROUP BY GROUPING SETS ((t.partner, t.reporter, later), (t.partner, t.month0, t.months))`)) {
        if ((num(r['gid']) & 0b10) === 0) out.suppliers.push({ country: String(r['partner']), reporter: String(r['reporter']), window: windowOf(r['later']), value: num(r['value']) });
        else out.months.push({ country: String(r['partner']), month0: num(r['month0']), months: num(r['months']), value: num(r['value']) });
      }
    }

    // (3) non-coalition reporters' own imports and exports, and (4) areas that are not countries — when the parties show any
    if (ownRows) {
      for (const r of await this.all(`WITH a AS (
            SELECT t.reporter, t.flow, CASE WHEN t.partner = ${russia} THEN 'russia' WHEN list_contains(${coalition}, t.partner) THEN 'coalition' ELSE 'other' END AS pclass,
              t.nomenclature, t.code, ${later} AS later, sum(t.own_value) AS v, count(*) AS n
            FROM trade_flows t WHERE ${rows} AND t.reporter_kind = 'country' AND NOT list_contains(${coalition}, t.reporter)
              AND t.partner_kind <> 'aggregate' AND t.flow IN ('import', 'export')
            GROUP BY ALL)
          SELECT a.reporter, a.flow::VARCHAR AS flow, a.pclass, c.series, a.later, sum(a.v)::DOUBLE AS value, sum(a.n)::BIGINT AS n
          FROM a JOIN q_codes c USING (nomenclature, code) GROUP BY ALL`)) {
        const n = num(r['n']);
        out.rows += n;
        out.cells.push({
          role: r['flow'] === 'import' ? 'imports' : 'exports',
          country: String(r['reporter']),
          series: String(r['series']),
          window: windowOf(r['later']),
          pclass: r['pclass'] as 'other',
          value: num(r['value']),
          rows: n,
        });
      }
    }
    if (areaRows) {
      const areas = await this.all(`WITH a AS (
          SELECT t.reporter, t.reporter_kind, t.partner, t.partner_kind, t.flow, t.nomenclature, t.code, ${later} AS later,
            sum(t.own_value) AS v, count(*) AS n
          FROM trade_flows t WHERE ${rows} AND (t.reporter_kind <> 'country' OR t.partner_kind <> 'country') GROUP BY ALL)
        SELECT a.reporter, a.reporter_kind::VARCHAR AS reporter_kind, a.partner, a.partner_kind::VARCHAR AS partner_kind, a.flow::VARCHAR AS flow,
          c.goods, a.later, sum(a.v)::DOUBLE AS value, sum(a.n)::BIGINT AS n
        FROM a JOIN q_codes c USING (nomenclature, code) GROUP BY ALL ORDER BY value DESC LIMIT 500`);
      out.areas = areas.map((a) => ({
        reporter: String(a['reporter']),
        reporter_kind: String(a['reporter_kind']),
        partner: String(a['partner']),
        partner_kind: String(a['partner_kind']),
        flow: String(a['flow']),
        window: windowOf(a['later']),
        goods: Boolean(a['goods']),
        value: num(a['value']),
        rows: num(a['n']),
      }));
    }
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
      ? "CASE WHEN t.months = 12 THEN (t.month0 // 12)::VARCHAR ELSE (t.month0 // 12)::VARCHAR || '-' || lpad((t.month0 % 12 + 1)::VARCHAR, 2, '0') END"
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
