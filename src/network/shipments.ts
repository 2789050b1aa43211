import { float64, int32, Interner } from './columns.js';
import { dayIso, OPEN_END, OPEN_START, type TimeFilter } from './dates.js';

/**
 * Customs lines (EconomicActivity) aggregated into flows: one flow per sender → receiver pair,
 * with every line kept in columns (date, HS code, quantity, value) so that a flow can be
 * summarised for any window and goods filter and its line ids cited as evidence.
 */
export interface FlowSummary {
  lines: number;
  first: string | null;
  last: string | null;
  /** HS codes by number of lines, with quantities per unit */
  goods: Array<{ hs: string; lines: number; quantity: number | null; unit: string | null }>;
  /** summed declared value per currency */
  value: Record<string, number>;
  /** customs line entity ids (at most `maxLineIds`) */
  lineIds: string[];
}

export interface FlowSnapshot {
  lineIds: string[];
  columns: Record<'day' | 'hs' | 'unit' | 'currency', Int32Array> & Record<'quantity' | 'value', Float64Array>;
  strings: string[];
  from: number[];
  to: number[];
  offsets: Int32Array;
  lineOrder: Int32Array;
}

export class FlowTable {
  readonly lineIds: string[] = [];
  private readonly day = int32();
  private readonly hs = int32();
  private readonly quantity = float64();
  private readonly unit = int32();
  private readonly value = float64();
  private readonly currency = int32();
  private readonly strings = new Interner();

  readonly from: number[] = [];
  readonly to: number[] = [];
  private readonly building: number[][] = [];
  private readonly byPair = new Map<string, number>();
  private offsets: Int32Array = new Int32Array(1);
  private lineOrder: Int32Array = new Int32Array(0);

  snapshot(): FlowSnapshot {
    return {
      lineIds: this.lineIds,
      columns: { day: this.day.values(), hs: this.hs.values(), unit: this.unit.values(), currency: this.currency.values(), quantity: this.quantity.values(), value: this.value.values() },
      strings: this.strings.values,
      from: this.from,
      to: this.to,
      offsets: this.offsets,
      lineOrder: this.lineOrder,
    };
  }

  static fromSnapshot(s: FlowSnapshot): FlowTable {
    const f = new FlowTable();
    for (const id of s.lineIds) f.lineIds.push(id);
    f.day.load(s.columns.day);
    f.hs.load(s.columns.hs);
    f.unit.load(s.columns.unit);
    f.currency.load(s.columns.currency);
    f.quantity.load(s.columns.quantity);
    f.value.load(s.columns.value);
    f.strings.load(s.strings);
    for (let i = 0; i < s.from.length; i++) {
      f.from.push(s.from[i]!);
      f.to.push(s.to[i]!);
    }
    f.offsets = s.offsets;
    f.lineOrder = s.lineOrder;
    return f;
  }

  get flowCount(): number {
    return this.from.length;
  }

  get lineCount(): number {
    return this.lineIds.length;
  }

  addLine(from: number, to: number, line: { id: string; day: number; hs: string; quantity: number; unit: string; value: number; currency: string }): number {
    const key = `${from}>${to}`;
    let flow = this.byPair.get(key);
    if (flow === undefined) {
      flow = this.from.length;
      this.from.push(from);
      this.to.push(to);
      this.building.push([]);
      this.byPair.set(key, flow);
    }
    const l = this.lineIds.length;
    this.lineIds.push(line.id);
    this.day.push(line.day);
    this.hs.push(this.strings.id(line.hs));
    this.quantity.push(line.quantity);
    this.unit.push(this.strings.id(line.unit));
    this.value.push(line.value);
    this.currency.push(this.strings.id(line.currency));
    this.building[flow]!.push(l);
    return flow;
  }

  /** Packs the lines of each flow, oldest first. */
  finish(): void {
    const n = this.from.length;
    this.offsets = new Int32Array(n + 1);
    for (let f = 0; f < n; f++) this.offsets[f + 1] = this.offsets[f]! + this.building[f]!.length;
    this.lineOrder = new Int32Array(this.offsets[n]!);
    const day = this.day.data;
    for (let f = 0; f < n; f++) {
      const lines = this.building[f]!.sort((a, b) => day[a]! - day[b]! || a - b);
      this.lineOrder.set(lines, this.offsets[f]!);
    }
    this.building.length = 0;
    this.byPair.clear();
  }

  /** First and last line day of a flow (OPEN_* when its lines are undated). */
  span(flow: number): { first: number; last: number } {
    let first = OPEN_END;
    let last = OPEN_START;
    for (const l of this.lines(flow)) {
      const d = this.day.data[l]!;
      if (d === OPEN_START) continue;
      if (d < first) first = d;
      if (d > last) last = d;
    }
    return first === OPEN_END ? { first: OPEN_START, last: OPEN_END } : { first, last };
  }

  *lines(flow: number): Iterable<number> {
    for (let k = this.offsets[flow]!; k < this.offsets[flow + 1]!; k++) yield this.lineOrder[k]!;
  }

  lineDay(line: number): number {
    return this.day.data[line]!;
  }

  lineHs(line: number): string {
    return this.strings.get(this.hs.data[line]!);
  }

  /**
   * Whether a line counts under the filter: as of a day, lines on or before it (the trade had
   * happened by then); in a window, lines within it; undated lines count only without a filter.
   * HS prefixes, if given, restrict the goods.
   */
  lineCounts(line: number, time: TimeFilter, hsPrefixes?: string[]): boolean {
    if (hsPrefixes?.length) {
      const hs = this.lineHs(line);
      if (!hsPrefixes.some((p) => hs.startsWith(p))) return false;
    }
    if (!time) return true;
    const d = this.day.data[line]!;
    if (d === OPEN_START) return false;
    return 'at' in time ? d <= time.at : d >= time.from && d <= time.to;
  }

  hasLines(flow: number, time: TimeFilter, hsPrefixes?: string[]): boolean {
    if (!time && !hsPrefixes?.length) return true;
    for (const l of this.lines(flow)) if (this.lineCounts(l, time, hsPrefixes)) return true;
    return false;
  }

  summary(flow: number, time?: TimeFilter, hsPrefixes?: string[], maxLineIds = 20): FlowSummary {
    const goods = new Map<string, { hs: string; lines: number; quantity: number | null; unit: string | null }>();
    const value: Record<string, number> = {};
    const lineIds: string[] = [];
    let count = 0;
    let first = OPEN_END;
    let last = OPEN_START;
    for (const l of this.lines(flow)) {
      if (!this.lineCounts(l, time, hsPrefixes)) continue;
      count++;
      const d = this.day.data[l]!;
      if (d !== OPEN_START) {
        first = Math.min(first, d);
        last = Math.max(last, d);
      }
      const hs = this.lineHs(l) || '(no HS code)';
      const unit = this.strings.get(this.unit.data[l]!) || null;
      const g = goods.get(`${hs}|${unit}`) ?? { hs, lines: 0, quantity: null, unit };
      g.lines++;
      const q = this.quantity.data[l]!;
      if (!Number.isNaN(q)) g.quantity = (g.quantity ?? 0) + q;
      goods.set(`${hs}|${unit}`, g);
      const v = this.value.data[l]!;
      if (!Number.isNaN(v)) {
        const cur = this.strings.get(this.currency.data[l]!) || '(no currency)';
        value[cur] = (value[cur] ?? 0) + v;
      }
      if (lineIds.length < maxLineIds) lineIds.push(this.lineIds[l]!);
    }
    return {
      lines: count,
      first: first === OPEN_END ? null : dayIso(first),
      last: last === OPEN_START ? null : dayIso(last),
      goods: [...goods.values()].sort((a, b) => b.lines - a.lines || a.hs.localeCompare(b.hs)),
      value,
      lineIds,
    };
  }
}

/** "2 lines 2022-07-12…2022-07-28: 8542 ×12,000 pcs; 184,300 EUR". */
export function describeFlow(s: FlowSummary): string {
  const when = s.first ? (s.first === s.last ? ` on ${s.first}` : ` ${s.first} to ${s.last}`) : ' (undated)';
  const goods = s.goods
    .slice(0, 3)
    .map((g) => `HS ${g.hs}${g.quantity !== null ? ` ×${g.quantity.toLocaleString('en-US')}${g.unit ? ` ${g.unit}` : ''}` : ''}`)
    .join(', ');
  const more = s.goods.length > 3 ? ` and ${s.goods.length - 3} more codes` : '';
  const value = Object.entries(s.value)
    .map(([c, v]) => `${Math.round(v).toLocaleString('en-US')} ${c}`)
    .join(' + ');
  return `${s.lines} customs line${s.lines === 1 ? '' : 's'}${when}${goods ? `: ${goods}${more}` : ''}${value ? `; declared value ${value}` : ''}`;
}
