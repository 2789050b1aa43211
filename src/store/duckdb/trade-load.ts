/**
 * Loading trade tables into trade_flows with DuckDB's own CSV reader: each file is read as text
 * into a temporary table, validated and converted in SQL (bad rows counted with their line
 * numbers), folded and checked for duplicates, the rows to store exposed as the view
 * `trade_incoming`; then each row's
 * own_value (its value minus that of the more detailed rows under it) is computed for the whole
 * load. The caller (DuckDbStore.loadTradeVersion) wraps everything in one transaction.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { SourceError } from '../../sources/errors.js';
import type { TradeLoadReport } from '../store.js';
import { flowOf, type AreaField, type ColumnOrConstant, type TradeLoadPlan, type TradeTableSpec } from '../../trade/flows.js';
import { levelOf, normaliseTableCode } from '../../trade/hs.js';
import { parsePeriod } from '../../trade/periods.js';

type Row = Record<string, unknown>;

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;
const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : Number(v ?? 0));

const PERIOD_FORMS = 'YYYY-MM, YYYYMM, YYYY, YYYY52 (Comext annual), YYYYMnn, Ynnnn or YYYY-MM-DD';

export class TradeLoader {
  private readonly report: TradeLoadReport = {
    kind: 'trade',
    lines: 0,
    rows: 0,
    files: [],
    handled: {},
    areas: [],
    subtotals: { rows: 0, value: 0, undetailed_value: 0, negative_remainders: 0 },
    currencies: [],
    periods: { first: null, last: null, monthly: 0, annual: 0 },
    nomenclatures: [],
  };

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly plan: TradeLoadPlan,
  ) {}

  private async all(sql: string): Promise<Row[]> {
    const reader = await this.conn.runAndReadAll(sql);
    return reader.getRowObjectsJS() as Row[];
  }

  private note(reason: string, count: number, examples: string[]): void {
    if (count <= 0) return;
    const issue = (this.report.handled[reason] ??= { count: 0, examples: [] });
    issue.count += count;
    for (const e of examples) if (issue.examples.length < 5) issue.examples.push(e);
  }

  /** The rows kept from each file, by file index (a table or a query over one). */
  private readonly parts: string[] = [];

  /**
   * Reads every file of the plan, then exposes the rows to store as the temp view
   * `trade_incoming` (identified by file and line) and their own values as `trade_child_sums`.
   */
  async load(): Promise<TradeLoadReport> {
    await this.conn.run('CREATE OR REPLACE TEMP TABLE trade_incoming_codes (code VARCHAR, description VARCHAR)');
    await this.conn.run('CREATE OR REPLACE TEMP TABLE trade_dropped (file SMALLINT, line BIGINT)');
    for (const [i, spec] of this.plan.specs.entries()) await this.loadFile(i, spec);
    await this.conn.run(`CREATE OR REPLACE TEMP VIEW trade_incoming AS ${this.parts.join(' UNION ALL ')}`);
    await this.crossFileDuplicates();
    await this.checkGranularity();
    await this.ownValues();
    await this.summarise();
    return this.report;
  }

  /** Temp tables and views of a load, dropped when it is over. */
  async dropTemp(): Promise<void> {
    await this.conn.run('DROP VIEW IF EXISTS trade_incoming');
    for (const [i] of this.plan.specs.entries()) {
      await this.conn.run(`DROP TABLE IF EXISTS trade_conv_${i}`);
      await this.conn.run(`DROP TABLE IF EXISTS trade_folded_${i}`);
    }
    for (const t of ['trade_incoming_codes', 'trade_dropped', 'trade_code_ancestors', 'trade_child_sums', 'raw', 'raw_lines']) {
      await this.conn.run(`DROP TABLE IF EXISTS ${t}`);
    }
    for (const t of ['map_reporter', 'map_partner', 'map_partner2', 'map_flow', 'map_period', 'map_code', 'map_class']) {
      await this.conn.run(`DROP TABLE IF EXISTS ${t}`);
    }
  }

  private fail(spec: TradeTableSpec, lines: number[], reason: string, total?: number): never {
    const first = lines[0];
    const more = (total ?? lines.length) > 1 ? ` (${(total ?? lines.length).toLocaleString('en-US')} rows in all; lines ${lines.slice(0, 5).join(', ')}${(total ?? lines.length) > 5 ? ', …' : ''})` : '';
    throw new SourceError(spec.file, first === undefined ? undefined : String(first), reason + more);
  }

  private async readRaw(spec: TradeTableSpec): Promise<void> {
    const columns = spec.columns.map((_, i) => `${lit(`c${i}`)}: 'VARCHAR'`).join(', ');
    try {
      await this.conn.run(
        `CREATE OR REPLACE TEMP TABLE raw AS SELECT * FROM read_csv(${lit(spec.file)}, header = true, auto_detect = false,
           columns = {${columns}}, delim = ${lit(spec.delimiter)}, quote = '"', escape = '"', strict_mode = true)`,
      );
    } catch (e) {
      const msg = (e as Error).message;
      const line = /line:?\s*(\d+)/i.exec(msg)?.[1];
      const reason = /unicode|utf-?8/i.test(msg)
        ? 'the file is not valid UTF-8 text'
        : /columns/i.test(msg)
          ? `a row does not have the ${spec.columns.length} columns of the header`
          : 'the file cannot be read as CSV';
      throw new SourceError(spec.file, line, `${reason} (${msg.split('\n')[0]})`);
    }
  }

  /** Line numbers: the data row index + 2, plus the newlines inside quoted fields before it. */
  private async lineExpression(spec: TradeTableSpec): Promise<{ expr: string; join: string }> {
    const concat = `concat_ws('', ${spec.columns.map((_, i) => q(`c${i}`)).join(', ')})`;
    const [r] = await this.all(`SELECT count(*) AS n FROM raw WHERE ${spec.columns.map((_, i) => `strpos(${q(`c${i}`)}, chr(10)) > 0`).join(' OR ')}`);
    // (rowids of a table created inside a transaction need not start at 0)
    const [base] = await this.all('SELECT coalesce(min(rowid), 0) AS b FROM raw');
    const first = num(base?.['b']);
    if (num(r?.['n']) === 0) return { expr: `(raw.rowid - ${first} + 2)`, join: '' };
    await this.conn.run(`CREATE OR REPLACE TEMP TABLE raw_lines AS
      SELECT rid, 2 + rid - ${first} + coalesce(sum(nl) OVER (ORDER BY rid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS line
      FROM (SELECT rowid AS rid, length(${concat}) - length(replace(${concat}, chr(10), '')) AS nl FROM raw)`);
    return { expr: 'rl.line', join: 'LEFT JOIN raw_lines rl ON rl.rid = raw.rowid' };
  }

  private col(spec: TradeTableSpec, name: string): string {
    const i = spec.columns.indexOf(name);
    if (i < 0) throw new SourceError(spec.file, '1', `the header has no column "${name}"`);
    return `raw.${q(`c${i}`)}`;
  }

  private valueOf(spec: TradeTableSpec, v: ColumnOrConstant): string {
    return 'constant' in v ? lit(v.constant) : `trim(${this.col(spec, v.column)})`;
  }

  /**
   * The distinct raw values of every column the loader maps (reporter, partner, flow, period,
   * code, classification, currency), with their first line, in one scan of the file.
   */
  private async distincts(
    exprs: Record<string, string>,
    lineOf: string,
    description: string | undefined,
  ): Promise<{ values: Map<string, Map<string, number>>; descriptions: Map<string, string> }> {
    const names = Object.keys(exprs);
    const rows = await this.all(`SELECT ${names.map((n) => `${exprs[n]} AS ${q(n)}`).join(', ')}, min(${lineOf}) AS line,
        GROUPING(${names.map(q).join(', ')}) AS gid
      FROM raw GROUP BY GROUPING SETS (${names.map((n) => `(${q(n)})`).join(', ')})`);
    const values = new Map<string, Map<string, number>>(names.map((n) => [n, new Map()]));
    const descriptions = new Map<string, string>();
    for (const r of rows) {
      const gid = num(r['gid']);
      names.forEach((n, i) => {
        if ((gid & (1 << (names.length - 1 - i))) !== 0) return;
        const v = r[n] === null ? '' : String(r[n]);
        values.get(n)!.set(v, num(r['line']));
      });
    }
    if (description) {
      const texts = await this.all(`SELECT ${exprs['code']} AS code, any_value(${description}) AS description FROM raw GROUP BY 1`);
      for (const r of texts) if (r['description']) descriptions.set(r['code'] === null ? '' : String(r['code']), String(r['description']));
    }
    return { values, descriptions };
  }

  /** Fails naming the raw values a mapping could not read, with how often and where they occur. */
  private async unreadable(spec: TradeTableSpec, expr: string, lineOf: string, bad: string[], reason: string, hint: string): Promise<never> {
    const list = bad.slice(0, 20);
    const rows = await this.all(
      `SELECT coalesce(${expr}, '') AS v, count(*) AS n, min(${lineOf}) AS line FROM raw
       WHERE coalesce(${expr}, '') IN (${list.map(lit).join(', ')}) GROUP BY 1 ORDER BY 3`,
    );
    const detail = rows
      .map((r) => `${String(r['v']).trim() ? `"${String(r['v']).trim()}"` : '(empty)'} (${num(r['n']).toLocaleString('en-US')} rows, first at line ${num(r['line'])})`)
      .join('; ');
    throw new SourceError(spec.file, String(num(rows[0]?.['line'])), `${reason}: ${detail}${bad.length > list.length ? `; and ${bad.length - list.length} more` : ''}. ${hint}`);
  }

  private async mapTable(name: string, columns: string, rows: string[]): Promise<void> {
    await this.conn.run(`CREATE OR REPLACE TEMP TABLE ${name} (${columns})`);
    for (let i = 0; i < rows.length; i += 1000) await this.conn.run(`INSERT INTO ${name} VALUES ${rows.slice(i, i + 1000).join(', ')}`);
  }

  private periodText(spec: TradeTableSpec): string {
    if ('column' in spec.period) return this.col(spec, spec.period.column);
    const y = `trim(${this.col(spec, spec.period.year)})`;
    if (!spec.period.month) return y;
    const m = `trim(${this.col(spec, spec.period.month)})`;
    return `CASE WHEN coalesce(${m}, '') IN ('', '0', '00', '52') THEN ${y} ELSE ${y} || '-' || lpad(${m}, 2, '0') END`;
  }

  private missingTest(spec: TradeTableSpec, expr: string): string {
    return `(${expr} IS NULL OR ${expr} = '' OR lower(${expr}) IN (${spec.missing.map((m) => lit(m.toLowerCase())).join(', ') || "''"}))`;
  }

  private async loadFile(index: number, spec: TradeTableSpec): Promise<void> {
    await this.readRaw(spec);
    const [{ n: lineCount }] = (await this.all('SELECT count(*) AS n FROM raw')) as [{ n: unknown }];
    const lines = num(lineCount);
    this.report.lines += lines;
    const line = await this.lineExpression(spec);
    const lineOf = line.join ? '(SELECT line FROM raw_lines WHERE rid = raw.rowid)' : line.expr;

    // 1. Distinct values of the mapped columns, read in JS.
    const areaFields: Array<[string, AreaField]> = [['reporter', spec.reporter], ['partner', spec.partner]];
    if (spec.partner2) areaFields.push(['partner2', spec.partner2]);
    // Mapped columns are joined on their raw text (no per-row trimming): the distinct values are
    // trimmed and read in JS.
    const exprs: Record<string, string> = { period: this.periodText(spec), code: this.col(spec, spec.code.column) };
    for (const [name, field] of areaFields) exprs[name] = this.col(spec, field.column);
    if ('column' in spec.flow) exprs['flow'] = this.col(spec, spec.flow.column);
    if ('column' in spec.nomenclature) exprs['classification'] = this.col(spec, spec.nomenclature.column);
    if ('column' in spec.currency) exprs['currency'] = `upper(trim(${this.col(spec, spec.currency.column)}))`;
    const seen = await this.distincts(exprs, lineOf, spec.description ? this.col(spec, spec.description) : undefined);
    const values = (name: string) => [...seen.values.get(name)!.keys()];

    const joins: string[] = [];
    for (const [name, field] of areaFields) {
      const rows: string[] = [];
      const bad: string[] = [];
      for (const v of values(name)) {
        const trimmed = v.trim();
        const area = trimmed ? (field.overrides?.[trimmed] ?? this.plan.resolveArea(trimmed, field)) : undefined;
        if (area) rows.push(`(${lit(v)}, ${lit(area.code)}, ${lit(area.kind)})`);
        else bad.push(v);
      }
      if (bad.length) {
        await this.unreadable(spec, exprs[name]!, lineOf, bad, `unknown ${name} in column ${field.column}`,
          'Known: country names in English/French/Russian, ISO2/ISO3 codes, M49 numbers and the areas of data/ref/trade_areas.csv and data/ref/country_aliases.csv');
      }
      await this.mapTable(`map_${name}`, 'raw VARCHAR, code VARCHAR, kind trade_area_kind', rows);
      joins.push(`LEFT JOIN map_${name} ON map_${name}.raw = ${exprs[name]}`);
    }
    let flowExpr: string;
    if ('constant' in spec.flow) {
      const f = flowOf(spec.flow.constant);
      if (!f) throw new SourceError(spec.file, undefined, `unknown flow "${spec.flow.constant}"`);
      flowExpr = lit(f);
    } else {
      const rows: string[] = [];
      const bad: string[] = [];
      for (const v of values('flow')) {
        const f = flowOf(v);
        if (f) rows.push(`(${lit(v)}, ${lit(f)})`);
        else bad.push(v);
      }
      if (bad.length) await this.unreadable(spec, exprs['flow']!, lineOf, bad, `unknown flow in column ${spec.flow.column}`, 'Expected import/export, M/X/RM/RX/DX/FM or 1/2/3/4.');
      await this.mapTable('map_flow', 'raw VARCHAR, flow trade_flow_kind', rows);
      joins.push(`LEFT JOIN map_flow ON map_flow.raw = ${exprs['flow']}`);
      flowExpr = 'map_flow.flow';
    }
    {
      const rows: string[] = [];
      const bad: string[] = [];
      for (const v of values('period')) {
        const p = parsePeriod(v);
        if (p) rows.push(`(${lit(v)}, ${p.month0}, ${p.months}, ${p.year})`);
        else bad.push(v);
      }
      if (bad.length) await this.unreadable(spec, exprs['period']!, lineOf, bad, 'periods that are not a month or year', `Expected ${PERIOD_FORMS}.`);
      await this.mapTable('map_period', 'raw VARCHAR, month0 INTEGER, months SMALLINT, y INTEGER', rows);
      joins.push(`LEFT JOIN map_period ON map_period.raw = ${exprs['period']}`);
    }
    {
      const rows: string[] = [];
      const bad: string[] = [];
      const described: string[] = [];
      for (const v of values('code')) {
        const c = normaliseTableCode(v, spec.code.pad);
        if (c) rows.push(`(${lit(v)}, ${lit(c)}, ${lit(levelOf(c))})`);
        else bad.push(v);
        const text = seen.descriptions.get(v)?.trim();
        if (c && text) described.push(`(${lit(c)}, ${lit(text)})`);
      }
      for (let i = 0; i < described.length; i += 1000) {
        await this.conn.run(`INSERT INTO trade_incoming_codes VALUES ${described.slice(i, i + 1000).join(', ')}`);
      }
      if (bad.length) {
        await this.unreadable(spec, exprs['code']!, lineOf, bad, `product codes that are not HS/CN codes in column ${spec.code.column}`,
          'Expected 2 to 12 digits (dots allowed), TOTAL, or a confidential code such as 8542XXXX.');
      }
      await this.mapTable('map_code', 'raw VARCHAR, code VARCHAR, level trade_code_level', rows);
      joins.push(`LEFT JOIN map_code ON map_code.raw = ${exprs['code']}`);
    }
    let nomenclature: string;
    if ('constant' in spec.nomenclature) nomenclature = lit(spec.nomenclature.constant);
    else if ('byYear' in spec.nomenclature) nomenclature = spec.nomenclature.byYear === 'CN' ? `'CN' || map_period.y::VARCHAR` : HS_EDITION_OF_YEAR;
    else {
      const map = Object.fromEntries(Object.entries(spec.nomenclature.map).map(([k, v]) => [k.toUpperCase(), v]));
      const rows: string[] = [];
      const bad: string[] = [];
      for (const v of values('classification')) {
        const edition = map[v.trim().toUpperCase()];
        if (edition) rows.push(`(${lit(v)}, ${edition === 'byYear' ? 'NULL' : lit(edition)})`);
        else bad.push(v);
      }
      if (bad.length) {
        await this.unreadable(spec, exprs['classification']!, lineOf, bad, `unknown classification in column ${spec.nomenclature.column}`,
          `Known: ${Object.keys(map).join(', ')}.`);
      }
      await this.mapTable('map_class', 'raw VARCHAR, edition VARCHAR', rows);
      joins.push(`LEFT JOIN map_class ON map_class.raw = ${exprs['classification']}`);
      nomenclature = `coalesce(map_class.edition, ${HS_EDITION_OF_YEAR})`;
    }
    const currency = 'constant' in spec.currency ? lit(spec.currency.constant.toUpperCase()) : exprs['currency']!;
    if ('column' in spec.currency) {
      const bad = values('currency').filter((v) => !/^[A-Z]{3}$/.test(v));
      if (bad.length) await this.unreadable(spec, exprs['currency']!, lineOf, bad, `currencies that are not ISO 4217 codes in column ${spec.currency.column}`, 'Expected EUR, USD….');
    }

    // 2. Every row converted, through the maps — only the columns this layout has: the others
    //    are constants filled in when the rows are stored.
    const conv = `trade_conv_${index}`;
    const scale = spec.value.scale ?? 1;
    const col = (column: string) => this.col(spec, column);
    const missing = (expr: string) => this.missingTest(spec, `trim(${expr})`);
    // the cast tolerates surrounding spaces; the "missing" test only runs where it fails
    const unreadableNumber = (expr: string) => `CASE WHEN ${expr} IS NULL OR TRY_CAST(${expr} AS DOUBLE) IS NOT NULL THEN false ELSE NOT ${missing(expr)} END`;
    const fold = spec.fold ?? [];
    const v = col(spec.value.column);
    const select: string[] = [
      `${index}::SMALLINT AS file`, 'raw.rowid AS rid', `${line.expr} AS line`,
      'map_period.month0', 'map_period.months',
      'map_reporter.code AS reporter', 'map_reporter.kind AS reporter_kind', 'map_partner.code AS partner', 'map_partner.kind AS partner_kind',
      `${nomenclature} AS nomenclature`, 'map_code.code AS code',
      `CASE WHEN map_code.level = 'CN8' AND NOT starts_with(${nomenclature}, 'CN') THEN 'NAT8'::trade_code_level ELSE map_code.level END AS level`,
      `TRY_CAST(${v} AS DOUBLE) * ${scale} AS value`,
      `CASE WHEN TRY_CAST(${v} AS DOUBLE) IS NOT NULL THEN false ELSE ${missing(v)} END AS v_missing`,
    ];
    // columns present only in some layouts: [name in conv, expression in conv, constant otherwise]
    const optional: Array<[string, string | undefined, string]> = [
      ['partner2', spec.partner2 ? "CASE WHEN map_partner2.kind = 'aggregate' THEN NULL ELSE map_partner2.code END" : undefined, 'NULL::VARCHAR'],
      ['flow', 'constant' in spec.flow ? undefined : 'map_flow.flow', flowExpr],
      ['currency', 'column' in spec.currency ? currency : undefined, currency],
      ['value_cif', spec.valueCif ? `TRY_CAST(${col(spec.valueCif)} AS DOUBLE) * ${scale}` : undefined, 'NULL::DOUBLE'],
      ['value_fob', spec.valueFob ? `TRY_CAST(${col(spec.valueFob)} AS DOUBLE) * ${scale}` : undefined, 'NULL::DOUBLE'],
      ['quantity', spec.quantity ? `TRY_CAST(${col(spec.quantity.column)} AS DOUBLE)` : undefined, 'NULL::DOUBLE'],
      ['unit', spec.quantity ? `nullif(${this.valueOf(spec, spec.quantity.unit)}, '')` : undefined, 'NULL::VARCHAR'],
      ['net_weight_kg', spec.netWeightKg ? `TRY_CAST(${col(spec.netWeightKg.column)} AS DOUBLE) * ${spec.netWeightKg.scale ?? 1}` : undefined, 'NULL::DOUBLE'],
    ];
    for (const [name, expr] of optional) if (expr) select.push(`${expr} AS ${name}`);
    const flags: Array<[string, string]> = [];
    if (spec.valueCif || spec.valueFob) {
      flags.push(['bad_cif_fob', [spec.valueCif, spec.valueFob].filter((x): x is string => !!x).map((x) => unreadableNumber(col(x))).join(' OR ')]);
    }
    if (spec.quantity) flags.push(['bad_qty', unreadableNumber(col(spec.quantity.column))]);
    if (spec.netWeightKg) flags.push(['bad_kg', unreadableNumber(col(spec.netWeightKg.column))]);
    for (const [name, expr] of flags) select.push(`${expr} AS ${name}`);
    if (fold.length) {
      select.push(`${fold.map((f) => (f.totals.length ? `coalesce(upper(trim(${col(f.column)})), '') IN (${f.totals.map((t) => lit(t.toUpperCase())).join(', ')})` : 'false')).join(' AND ')} AS is_total`);
      select.push(`concat_ws('|', ${fold.map((f) => `coalesce(trim(${col(f.column)}), '')`).join(', ')}) AS fold_key`);
    }
    await this.conn.run(`CREATE OR REPLACE TEMP TABLE ${conv} AS SELECT ${select.join(', ')} FROM raw ${joins.join(' ')} ${line.join}`);
    /** a column of conv, or its constant */
    const c = (name: string) => {
      const o = optional.find(([n]) => n === name);
      return o && !o[1] ? `${o[2]} AS ${name}` : name;
    };
    const cv = (name: string) => {
      const o = optional.find(([n]) => n === name);
      return o && !o[1] ? o[2] : name;
    };

    const [counts] = await this.all(`SELECT count(*) FILTER (WHERE v_missing) AS missing,
        count(*) FILTER (WHERE NOT v_missing AND (value IS NULL OR NOT isfinite(value))) AS nan,
        count(*) FILTER (WHERE NOT v_missing AND value < 0) AS negative
        ${flags.map(([name]) => `, count(*) FILTER (WHERE ${name}) AS ${name}`).join('')}
      FROM ${conv}`);
    const rawText = `(SELECT ${v} FROM raw WHERE raw.rowid = ${conv}.rid)`;
    if (num(counts?.['nan'])) {
      await this.failWhere(spec, conv, 'NOT v_missing AND (value IS NULL OR NOT isfinite(value))', rawText, (x) => `value "${x}" in column ${spec.value.column} is not a number`);
    }
    if (num(counts?.['negative'])) {
      await this.failWhere(spec, conv, 'NOT v_missing AND value < 0', rawText, (x) => `negative value ${String(x).trim()} in column ${spec.value.column}: trade values cannot be negative`);
    }
    const flagText: Record<string, string> = {
      bad_cif_fob: 'CIF/FOB values that are not numbers (kept empty)',
      bad_qty: 'quantities that are not numbers (kept empty)',
      bad_kg: 'net weights that are not numbers (kept empty)',
    };
    for (const [flag] of flags) {
      if (!num(counts?.[flag])) continue;
      const rows = await this.all(`SELECT line FROM ${conv} WHERE ${flag} ORDER BY line LIMIT 5`);
      this.note(flagText[flag]!, num(counts?.[flag]), rows.map((r) => `${spec.file}:${num(r['line'])}`));
    }
    if (num(counts?.['missing'])) {
      const rows = await this.all(`SELECT line FROM ${conv} WHERE v_missing ORDER BY line LIMIT 5`);
      this.note(`no value (empty, ${spec.missing.map((m) => `"${m}"`).join(', ')}: not available or confidential) — row not stored`, num(counts?.['missing']),
        rows.map((r) => `${spec.file}:${num(r['line'])}`));
    }

    // 3. Duplicated rows (same flow, same breakdown): identical repeats are kept once, conflicting ones fail.
    const key = `month0, months, reporter, partner, ${cv('partner2')}, ${cv('flow')}, nomenclature, code`;
    const foldKey = fold.length ? ', fold_key' : '';
    // (a hash of the key finds candidates cheaply; the exact key confirms them)
    const [h] = await this.all(`SELECT count(*) AS n FROM (SELECT 1 FROM ${conv} WHERE NOT v_missing GROUP BY hash(${key}${foldKey}) HAVING count(*) > 1)`);
    const [d] = num(h?.['n'])
      ? await this.all(`SELECT count(*) AS keys, coalesce(sum(n - 1), 0) AS extra, count(*) FILTER (WHERE vals > 1) AS conflicts FROM (
          SELECT count(*) AS n, count(DISTINCT value) AS vals FROM ${conv} WHERE NOT v_missing GROUP BY ${key}${foldKey} HAVING count(*) > 1)`)
      : [{ keys: 0, extra: 0, conflicts: 0 }];
    if (num(d?.['keys'])) {
      const dups = await this.all(`SELECT month0, months, reporter, partner, ${cv('flow')} AS flow, code, count(DISTINCT value) AS vals, list(line ORDER BY line) AS lines, list(value ORDER BY line) AS vs
        FROM ${conv} WHERE NOT v_missing GROUP BY ${key}${foldKey} HAVING count(*) > 1 ORDER BY vals DESC, min(line) LIMIT 5`);
      const first = dups[0]!;
      const ls = (first['lines'] as unknown[]).map(num);
      if (num(d?.['conflicts'])) {
        throw new SourceError(spec.file, String(ls[0]), `duplicated row with a different value: lines ${ls.join(', ')} report the same flow (${first['reporter']} → ${first['partner']}, ${first['flow']}, code ${first['code']}, period ${formatMonth(num(first['month0']), num(first['months']))}) with values ${(first['vs'] as unknown[]).map((x) => num(x) / scale).join(' and ')}${num(d?.['conflicts']) > 1 ? ` (${num(d?.['conflicts'])} flows in all)` : ''}`);
      }
      this.note('exact duplicate rows (same flow and value) — kept once', num(d?.['extra']), dups.map((x) => `${spec.file}:${(x['lines'] as unknown[]).map(num).join('=')}`));
    }

    // 4. Folding: a total over the fold columns (all modes of transport…) wins over its breakdown.
    const source = lit(spec.source);
    const valueBasis =
      spec.valueBasis === 'by-flow'
        ? `CASE WHEN ${cv('flow')}::VARCHAR LIKE '%import' THEN 'CIF' WHEN ${cv('flow')}::VARCHAR LIKE '%export' THEN 'FOB' END`
        : spec.valueBasis ? lit(spec.valueBasis) : 'NULL::VARCHAR';
    const columns = `file, line, month0, months, reporter, reporter_kind, partner, partner_kind, ${c('partner2')}, ${c('flow')}, nomenclature, code, level, value,
      ${c('currency')}, ${valueBasis} AS value_basis, ${c('value_cif')}, ${c('value_fob')}, ${c('quantity')}, ${c('unit')}, ${c('net_weight_kg')}, ${source} AS source`;
    const folded = `trade_folded_${index}`;
    if (!fold.length && !num(d?.['keys'])) {
      this.parts.push(`SELECT ${columns} FROM ${conv} WHERE NOT v_missing`);
    } else {
      const sum = (name: string) => (optional.find(([n]) => n === name)?.[1] ? `sum(${name}) AS ${name}` : c(name));
      const any = (name: string) => (optional.find(([n]) => n === name)?.[1] ? `any_value(${name}) AS ${name}` : c(name));
      await this.conn.run(`CREATE OR REPLACE TEMP TABLE ${folded} AS WITH dd AS (
          SELECT * FROM ${conv} WHERE NOT v_missing QUALIFY row_number() OVER (PARTITION BY ${key}${foldKey} ORDER BY line) = 1),
        t AS (SELECT *, bool_or(${fold.length ? 'is_total' : 'false'}) OVER (PARTITION BY ${key}) AS has_total, count(*) OVER (PARTITION BY ${key}) AS parts FROM dd)
        SELECT file, min(line) AS line, month0, months, reporter, partner, ${c('partner2')}, ${c('flow')}, nomenclature, code,
          any_value(level) AS level, any_value(reporter_kind) AS reporter_kind, any_value(partner_kind) AS partner_kind,
          sum(value) AS value, ${any('currency')}, ${sum('value_cif')}, ${sum('value_fob')}, ${sum('quantity')}, ${any('unit')}, ${sum('net_weight_kg')},
          count(*) AS summed, bool_or(has_total AND parts > 1) AS dropped_breakdown, max(parts) AS parts
        FROM t WHERE ${fold.length ? 'is_total OR NOT has_total' : 'true'}
        GROUP BY file, ${key}`);
      if (fold.length) {
        const [f] = await this.all(`SELECT coalesce(sum(CASE WHEN dropped_breakdown THEN parts - 1 ELSE 0 END), 0) AS dropped,
          coalesce(sum(CASE WHEN summed > 1 THEN summed ELSE 0 END), 0) AS summed, count(*) FILTER (WHERE summed > 1) AS keys FROM ${folded}`);
        const cols = fold.map((x) => x.column).join(', ');
        this.note(`rows broken down by ${cols} whose total row is present — the total is kept`, num(f?.['dropped']), []);
        this.note(`rows broken down by ${cols} without a total row — summed (${num(f?.['keys'])} flows)`, num(f?.['summed']), []);
      }
      if (spec.partner2) {
        // A flow given for all consignment countries and for some of them keeps the total.
        const same = `g.partner2 IS NULL AND g.month0 = f.month0 AND g.months = f.months AND g.reporter = f.reporter
            AND g.partner = f.partner AND g.flow = f.flow AND g.nomenclature = f.nomenclature AND g.code = f.code`;
        const [r] = await this.all(`SELECT count(*) AS n FROM ${folded} f WHERE partner2 IS NOT NULL AND EXISTS (SELECT 1 FROM ${folded} g WHERE ${same})`);
        if (num(r?.['n']) > 0) {
          await this.conn.run(`DELETE FROM ${folded} f WHERE partner2 IS NOT NULL AND EXISTS (SELECT 1 FROM ${folded} g WHERE ${same})`);
          this.note('rows by consignment country (partner2) whose all-countries row is present — the total is kept', num(r?.['n']), []);
        }
      }
      await this.conn.run(`DROP TABLE ${conv}`);
      this.parts.push(`SELECT file, line, month0, months, reporter, reporter_kind, partner, partner_kind, partner2, flow, nomenclature, code, level, value,
        currency, ${valueBasis.replace(/\bflow\b/g, 'flow')} AS value_basis, value_cif, value_fob, quantity, unit, net_weight_kg, ${source} AS source FROM ${folded}`);
    }
    const [{ n: kept }] = (await this.all(`SELECT count(*) AS n FROM (${this.parts.at(-1)})`)) as [{ n: unknown }];
    this.report.files.push({ path: spec.file, layout: spec.layout, source: spec.source, lines, rows: num(kept) });
    for (const t of ['raw', 'raw_lines']) await this.conn.run(`DROP TABLE IF EXISTS ${t}`);
  }

  /** Fails with the lines of the rows matching `where` in `table`, naming the first offending value. */
  private async failWhere(spec: TradeTableSpec, table: string, where: string, expr: string, reason: (value: unknown) => string): Promise<void> {
    const rows = await this.all(`SELECT line, ${expr} AS v FROM ${table} WHERE ${where} ORDER BY line LIMIT 5`);
    if (rows.length === 0) return;
    const [{ n }] = (await this.all(`SELECT count(*) AS n FROM ${table} WHERE ${where}`)) as [{ n: unknown }];
    this.fail(spec, rows.map((r) => num(r['line'])), reason(rows[0]!['v']), num(n));
  }

  /** The same flow in two files: identical repeats are kept once (the later ones dropped), different values fail. */
  private async crossFileDuplicates(): Promise<void> {
    if (this.plan.specs.length < 2) return;
    const key = 'month0, months, reporter, partner, partner2, flow, nomenclature, code';
    const [h] = await this.all(`SELECT count(*) AS n FROM (SELECT 1 FROM trade_incoming GROUP BY hash(${key}) HAVING count(*) > 1)`);
    if (!num(h?.['n'])) return;
    const dups = await this.all(`SELECT ${key}, count(DISTINCT value) AS vals, list(file ORDER BY file, line) AS files, list(line ORDER BY file, line) AS lines
      FROM trade_incoming GROUP BY ALL HAVING count(*) > 1 ORDER BY vals DESC, min(file), min(line) LIMIT 5`);
    if (dups.length === 0) return;
    const where = (d: Row) => (d['files'] as unknown[]).map((f, i) => `${this.fileOf(num(f))}:${num((d['lines'] as unknown[])[i])}`);
    const first = dups[0]!;
    if (num(first['vals']) > 1) {
      throw new SourceError(this.fileOf(num((first['files'] as unknown[])[0])), String(num((first['lines'] as unknown[])[0])),
        `the same flow (${first['reporter']} → ${first['partner']}, ${first['flow']}, code ${first['code']}, ${formatMonth(num(first['month0']), num(first['months']))}) has different values in ${where(first).join(' and ')}`);
    }
    await this.conn.run(`INSERT INTO trade_dropped SELECT file, line FROM trade_incoming
      QUALIFY row_number() OVER (PARTITION BY ${key} ORDER BY file, line) > 1`);
    const [{ n }] = (await this.all('SELECT count(*) AS n FROM trade_dropped')) as [{ n: unknown }];
    await this.conn.run(`CREATE OR REPLACE TEMP VIEW trade_incoming AS SELECT * FROM (${this.parts.join(' UNION ALL ')}) ANTI JOIN trade_dropped USING (file, line)`);
    this.note('rows repeated in another file (same flow and value) — kept once', num(n), dups.map((d) => where(d).join('=')));
  }

  private fileOf(index: number): string {
    return this.plan.specs[index]?.file ?? `file ${index}`;
  }

  /** Annual and monthly rows of the same flow and year in one table would count twice. */
  private async checkGranularity(): Promise<void> {
    const [k] = await this.all('SELECT bool_or(months = 1) AND bool_or(months = 12) AS both FROM trade_incoming');
    if (!k?.['both']) return;
    const rows = await this.all(`WITH a AS (SELECT * FROM trade_incoming WHERE months = 12), m AS (SELECT * FROM trade_incoming WHERE months = 1)
      SELECT a.file, a.line, m.file AS mfile, m.line AS mline, a.month0 // 12 AS year FROM a JOIN m
      ON m.month0 // 12 = a.month0 // 12 AND a.reporter = m.reporter AND a.partner = m.partner
        AND a.flow = m.flow AND a.nomenclature = m.nomenclature AND a.code = m.code AND a.partner2 IS NOT DISTINCT FROM m.partner2
      LIMIT 1`);
    const r = rows[0];
    if (r) {
      throw new SourceError(this.fileOf(num(r['file'])), String(num(r['line'])),
        `annual row for ${num(r['year'])} while ${this.fileOf(num(r['mfile']))}:${num(r['mline'])} has the same flow by month: load annual and monthly tables as separate datasets`);
    }
  }

  /**
   * own_value = value − the values of the row's nearest more detailed rows (same flow, period and
   * nomenclature; a code under it): an HS4 row over its CN8 rows keeps only what the CN8 rows do
   * not detail. Summing own_value over any set of rows never counts a flow twice.
   */
  private async ownValues(): Promise<void> {
    // Which codes of this load have ancestors in it (8471 over 84715000, TOTAL over everything):
    // found on the distinct codes, so rows without any are never joined.
    const codes = (await this.all('SELECT DISTINCT code FROM trade_incoming')).map((r) => String(r['code']));
    const present = new Set(codes);
    const pairs: string[] = [];
    for (const code of codes) {
      if (code === 'TOTAL') continue;
      for (const n of [10, 8, 6, 4, 2]) {
        const prefix = code.slice(0, n);
        if (n < code.length && /^\d+$/.test(prefix) && present.has(prefix)) pairs.push(`(${lit(code)}, ${lit(prefix)}, ${n})`);
      }
      if (present.has('TOTAL')) pairs.push(`(${lit(code)}, 'TOTAL', 0)`);
    }
    await this.conn.run('CREATE OR REPLACE TEMP TABLE trade_child_sums (file SMALLINT, line BIGINT, detailed DECIMAL(38, 2))');
    if (pairs.length === 0) return;
    await this.mapTable('trade_code_ancestors', 'code VARCHAR, ancestor VARCHAR, depth INTEGER', pairs);
    const group = "hash(month0, months, reporter, partner, coalesce(partner2, ''), flow, nomenclature)";
    // one pass picks the rows that take part (children and possible parents); the rest never joins
    await this.conn.run(`CREATE OR REPLACE TEMP TABLE trade_nodes AS
      SELECT i.file, i.line, ${group} AS gk, i.code, i.value::DECIMAL(18, 2) AS value FROM trade_incoming i
      WHERE i.code IN (SELECT code FROM trade_code_ancestors UNION SELECT ancestor FROM trade_code_ancestors)`);
    await this.conn.run(`INSERT INTO trade_child_sums
      WITH nearest AS (SELECT c.file, c.line, any_value(c.value) AS value, arg_max(p.file, a.depth) AS pfile, arg_max(p.line, a.depth) AS pline
        FROM trade_nodes c JOIN trade_code_ancestors a ON a.code = c.code JOIN trade_nodes p ON p.gk = c.gk AND p.code = a.ancestor
        GROUP BY c.file, c.line)
      SELECT pfile, pline, sum(value) FROM nearest GROUP BY pfile, pline`);
    await this.conn.run('DROP TABLE trade_nodes');
  }

  private async summarise(): Promise<void> {
    const [s] = await this.all(`SELECT count(*) AS rows, min(month0) FILTER (WHERE months = 1) AS first_m, max(month0) FILTER (WHERE months = 1) AS last_m,
        min(month0) FILTER (WHERE months = 12) AS first_y, max(month0) FILTER (WHERE months = 12) AS last_y,
        count(*) FILTER (WHERE months = 1) AS monthly, count(*) FILTER (WHERE months = 12) AS annual,
        list(DISTINCT currency ORDER BY currency) AS currencies, list(DISTINCT nomenclature ORDER BY nomenclature) AS noms FROM trade_incoming`);
    this.report.rows = num(s?.['rows']);
    const label = (v: unknown, months: number) => (v === null || v === undefined ? undefined : formatMonth(num(v), months));
    const firsts = [label(s?.['first_m'], 1), label(s?.['first_y'], 12)].filter((x): x is string => !!x).sort();
    const lasts = [label(s?.['last_m'], 1), label(s?.['last_y'], 12)].filter((x): x is string => !!x).sort();
    this.report.periods = { first: firsts[0] ?? null, last: lasts.at(-1) ?? null, monthly: num(s?.['monthly']), annual: num(s?.['annual']) };
    this.report.currencies = ((s?.['currencies'] as unknown[]) ?? []).map(String);
    this.report.nomenclatures = ((s?.['noms'] as unknown[]) ?? []).map(String);
    const [sub] = await this.all(`SELECT count(*) AS rows, coalesce(sum(i.value::DECIMAL(18, 2)), 0)::DOUBLE AS value,
        coalesce(sum(i.value::DECIMAL(18, 2) - cs.detailed), 0)::DOUBLE AS undetailed,
        count(*) FILTER (WHERE i.value::DECIMAL(18, 2) - cs.detailed < -0.5) AS negative
      FROM trade_child_sums cs JOIN trade_incoming i USING (file, line)`);
    this.report.subtotals = {
      rows: num(sub?.['rows']),
      value: num(sub?.['value']),
      undetailed_value: num(sub?.['undetailed']),
      negative_remainders: num(sub?.['negative']),
    };
    const areas = await this.all(`SELECT 'reporter' AS side, reporter AS code, reporter_kind AS kind, count(*) AS rows, sum(value::DECIMAL(18, 2))::DOUBLE AS value
        FROM trade_incoming WHERE reporter_kind <> 'country' GROUP BY ALL
      UNION ALL SELECT 'partner', partner, partner_kind, count(*), sum(value::DECIMAL(18, 2))::DOUBLE FROM trade_incoming WHERE partner_kind <> 'country' GROUP BY ALL ORDER BY 1, 2`);
    this.report.areas = areas.map((a) => ({ side: a['side'] as 'reporter' | 'partner', code: String(a['code']), kind: String(a['kind']), rows: num(a['rows']), value: num(a['value']) }));
  }
}

const HS_EDITION_OF_YEAR = `CASE WHEN map_period.y >= 2022 THEN 'HS2022' WHEN map_period.y >= 2017 THEN 'HS2017' WHEN map_period.y >= 2012 THEN 'HS2012'
  WHEN map_period.y >= 2007 THEN 'HS2007' WHEN map_period.y >= 2002 THEN 'HS2002' WHEN map_period.y >= 1996 THEN 'HS1996' ELSE 'HS1992' END`;

function formatMonth(month0: number, months: number): string {
  const y = Math.floor(month0 / 12);
  return months === 12 ? String(y) : `${y}-${String((month0 % 12) + 1).padStart(2, '0')}`;
}

/** Columns of trade_flows in table order, as the loader's final INSERT fills them. */
export const TRADE_FLOW_INSERT = `SELECT $1 AS dataset, $2 AS seq, i.file, i.line, i.month0, i.months, i.reporter, i.reporter_kind,
    i.partner, i.partner_kind, i.partner2, i.flow, i.nomenclature, i.code, i.level,
    i.value::DECIMAL(18, 2), (i.value::DECIMAL(18, 2) - coalesce(cs.detailed, 0))::DECIMAL(18, 2) AS own_value, cs.detailed IS NOT NULL AS subtotal, i.currency, i.value_basis,
    i.value_cif::DECIMAL(18, 2), i.value_fob::DECIMAL(18, 2), i.quantity, i.unit, i.net_weight_kg
  FROM trade_incoming i LEFT JOIN trade_child_sums cs USING (file, line)`;

/** Columns of trade_flows in the order TRADE_FLOW_INSERT fills them (the table's order after migration 5). */
export const TRADE_FLOW_COLUMNS =
  'dataset, seq, file, line, month0, months, reporter, reporter_kind, partner, partner_kind, partner2, flow, nomenclature, code, level, value, own_value, subtotal, currency, value_basis, value_cif, value_fob, quantity, unit, net_weight_kg';
