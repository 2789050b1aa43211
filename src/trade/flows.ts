/**
 * Trade flows as sanctrace stores them (one normalised `trade_flows` table whatever the source),
 * and the declarative description of a source table that the store loads into it: which column
 * holds the period, the reporter, the partner, the flow, the code, the value… and how to read it.
 * Readers (sources/trade) describe files; the store does the reading in SQL.
 */
import { UsageError } from '../sources/errors.js';
import type { Store, TradeSeriesRow } from '../store/store.js';
import { parseCountries, resolveArea, type Area, type AreaScheme } from './areas.js';
import { bridgeSeries, hsEdition, normaliseCode, seriesOf } from './hs.js';

export type FlowKind = 'import' | 'export' | 're-export' | 're-import' | 'domestic-export' | 'foreign-import';

/** What source tables write in their flow column, case-insensitive. */
const FLOW_WORDS: Record<string, FlowKind> = {
  '1': 'import',
  '2': 'export',
  '3': 're-export',
  '4': 're-import',
  m: 'import',
  x: 'export',
  rx: 're-export',
  rm: 're-import',
  dx: 'domestic-export',
  fm: 'foreign-import',
  import: 'import',
  imports: 'import',
  export: 'export',
  exports: 'export',
  're-export': 're-export',
  're-exports': 're-export',
  reexport: 're-export',
  're-import': 're-import',
  're-imports': 're-import',
  reimport: 're-import',
  'domestic export': 'domestic-export',
  'foreign import': 'foreign-import',
};

export function flowOf(raw: string): FlowKind | undefined {
  return FLOW_WORDS[raw.trim().toLowerCase()];
}

export type ColumnOrConstant = { column: string } | { constant: string };

export interface AreaField {
  column: string;
  scheme: AreaScheme;
  /** raw value → area, consulted first (BACI's own country code table) */
  overrides?: Record<string, Area>;
}

/**
 * How to read one source file into trade flows. Column names are as in the file's header.
 * Every value is read as text and converted in SQL; bad values are counted with their lines.
 */
export interface TradeTableSpec {
  file: string;
  /** the layout recognised, for reports: "Eurostat Comext bulk (2024 layout)" */
  layout: string;
  /** provenance stored with every row */
  source: string;
  delimiter: string;
  /** the header, in file order */
  columns: string[];
  /** one column with a month or year in any usual form, or separate year and month columns */
  period: { column: string } | { year: string; month?: string };
  reporter: AreaField;
  partner: AreaField;
  /** consignment country (Comtrade partner2); World there means "all" */
  partner2?: AreaField;
  flow: ColumnOrConstant;
  code: { column: string; /** left-pad numeric codes to this many digits (BACI writes 10121 for 010121) */ pad?: number };
  /** nomenclature of the codes: fixed, the CN or HS edition of each row's year, or a column mapped */
  nomenclature: { constant: string } | { byYear: 'CN' | 'HS' } | { column: string; map: Record<string, string> };
  /** a column with the code's description */
  description?: string;
  value: { column: string; /** multiply by (BACI: 1000) */ scale?: number };
  currency: ColumnOrConstant;
  /** FOB or CIF; by-flow = CIF for imports, FOB for exports (Comext, Comtrade primary values) */
  valueBasis?: 'by-flow' | 'FOB' | 'CIF';
  valueCif?: string;
  valueFob?: string;
  quantity?: { column: string; unit: ColumnOrConstant };
  netWeightKg?: { column: string; scale?: number };
  /**
   * Columns that split a flow further (mode of transport, customs procedure, statistical
   * regime): rows are folded over them — the row where every such column holds a total value is
   * kept when present, otherwise the rows are summed.
   */
  fold?: Array<{ column: string; totals: string[] }>;
  /** text meaning "no figure" in value columns (besides empty): ":", "NA", "null"… */
  missing: string[];
}

/** What a reader hands to the store: the files to load, described. */
export interface TradeLoadPlan {
  specs: TradeTableSpec[];
  /** area of a raw reporter/partner value; undefined = unknown (the load fails naming the lines) */
  resolveArea: (raw: string, field: AreaField) => Area | undefined;
}

// --- time series of flows (sanctrace flows, GET /trade/flows) ------------------------------

export interface FlowSeriesOptions {
  datasets?: string[];
  /** reporters and partners as the user names them: ISO2/ISO3, names, EU27, coalition, hubs, or an aggregate code (EU27_2020, WORLD) */
  reporters?: string;
  partners?: string;
  /** HS/CN codes or prefixes, comma separated; none = every code */
  codes?: string;
  flows?: FlowKind[];
  monthly: boolean;
  /** join the HS 2017 and HS 2022 codes of a changed subheading (default true) */
  bridge?: boolean;
  currency?: string;
}

export interface FlowSeries {
  /** 'all' = every reporter that is not an aggregate */
  reporters: string[] | 'all';
  partners: string[] | 'all';
  flows: FlowKind[] | 'all';
  codes: string[] | 'all';
  /** stored codes summed, by nomenclature */
  matched: Record<string, string[]>;
  bridged: string[];
  monthly: boolean;
  series: TradeSeriesRow[];
  notes: string[];
}

/** Countries or areas a user names; an aggregate must be named by its code to be read (never summed with members). */
function areasOf(text: string | undefined, what: string): string[] | undefined {
  if (!text?.trim()) return undefined;
  const { codes, unknown } = parseCountries(text);
  for (const item of unknown) {
    const area = resolveArea(item, 'code') ?? resolveArea(item, 'name');
    if (!area) throw new UsageError(`unknown ${what} "${item}": give ISO codes, country names, EU27, coalition, hubs, or an area code such as EU27_2020 or WORLD`);
    codes.push(area.code);
  }
  return [...new Set(codes)];
}

export async function flowSeries(store: Store, opts: FlowSeriesOptions): Promise<FlowSeries> {
  const reporters = areasOf(opts.reporters, 'reporter');
  const partners = areasOf(opts.partners, 'partner');
  const prefixes = opts.codes?.trim()
    ? opts.codes.split(',').map((c) => {
        const code = normaliseCode(c);
        if (!code) throw new UsageError(`--code: "${c.trim()}" is not an HS/CN code or prefix (digits, dots allowed)`);
        return code;
      })
    : undefined;
  const notes: string[] = [];
  let codes: Array<{ nomenclature: string; code: string }> | undefined;
  const matched: Record<string, string[]> = {};
  const bridged: string[] = [];
  if (prefixes) {
    const bridge = opts.bridge ?? true;
    const overlaps = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
    const series = bridge
      ? new Set(bridgeSeries().filter((s) => Object.values(s.codes).flat().some((c) => prefixes.some((p) => overlaps(c, p)))).map((s) => `~${s.series}`))
      : new Set<string>();
    for (const s of bridgeSeries()) if (series.has(`~${s.series}`)) bridged.push(s.label);
    codes = [];
    for (const c of await store.tradeCodes({ datasets: opts.datasets, currency: opts.currency })) {
      const direct = prefixes.some((p) => c.code.startsWith(p));
      const viaBridge = bridge && series.has(seriesOf(hsEdition(c.nomenclature, 0), c.code, true));
      if (!direct && !viaBridge) continue;
      codes.push({ nomenclature: c.nomenclature, code: c.code });
      (matched[c.nomenclature] ??= []).push(c.code);
    }
    if (codes.length === 0) notes.push(`no stored code matches ${prefixes.join(', ')}`);
    if (bridged.length) notes.push(`codes joined across HS 2017 and HS 2022: ${bridged.join('; ')} (turn off with --no-bridge)`);
  }
  const rows = codes && codes.length === 0 ? [] : await store.tradeSeries({
    datasets: opts.datasets,
    currency: opts.currency,
    reporters,
    partners,
    flows: opts.flows,
    codes,
    monthly: opts.monthly,
  });
  const currencies = new Set(rows.map((r) => r.currency));
  if (currencies.size > 1) notes.push(`the rows are in ${[...currencies].join(' and ')}: one series per currency, never summed`);
  if (!reporters) notes.push('reporters: every country and unspecified area; aggregates such as EU27_2020 only when named');
  if (!partners) notes.push('partners: every country and unspecified or confidential area; aggregates such as WORLD only when named');
  return {
    reporters: reporters ?? 'all',
    partners: partners ?? 'all',
    flows: opts.flows ?? 'all',
    codes: prefixes ?? 'all',
    matched,
    bridged,
    monthly: opts.monthly,
    series: rows,
    notes,
  };
}
