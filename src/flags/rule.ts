/** What every rule is, and the small helpers rules share. */
import { countryName } from '../model/countries.js';
import type { ContextEntity, FlagContext, Shipment } from './context.js';
import type { Coverage, Evidence, Flag, Indicator, RuleCode, RuleOutcome, Severity } from './types.js';

export interface Rule {
  code: RuleCode;
  title: string;
  /** the official indicator the rule implements */
  indicator: Indicator;
  /** the data it reads, in words */
  needs: string;
  evaluate(ctx: FlagContext): RuleOutcome;
}

export function severityOf(score: number): Severity {
  return score >= 0.75 ? 'high' : score >= 0.45 ? 'medium' : 'low';
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Counts, per dataset, the subjects a rule looked at and those it could evaluate, and turns them
 * into coverage records: "evaluated", "partial" or "not_evaluated" with what is needed.
 */
export class CoverageCounter {
  private readonly counts = new Map<string, { subjects: number; evaluated: number }>();
  private readonly extra = new Map<string, string>();

  constructor(
    private readonly code: RuleCode,
    private readonly needs: string,
  ) {}

  count(datasets: readonly string[], evaluated: boolean): void {
    for (const d of datasets) {
      let c = this.counts.get(d);
      if (!c) this.counts.set(d, (c = { subjects: 0, evaluated: 0 }));
      c.subjects++;
      if (evaluated) c.evaluated++;
    }
  }

  /** A dataset the rule has nothing to look at in, said once with why. */
  nothing(dataset: string, needs: string): void {
    if (!this.counts.has(dataset)) this.counts.set(dataset, { subjects: 0, evaluated: 0 });
    this.extra.set(dataset, needs);
  }

  records(): Coverage[] {
    return [...this.counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([dataset, c]) => {
        const status: Coverage['status'] = c.subjects > 0 && c.evaluated === c.subjects ? 'evaluated' : c.evaluated === 0 ? 'not_evaluated' : 'partial';
        const record: Coverage = { code: this.code, dataset, status, subjects: c.subjects, evaluated: c.evaluated };
        if (status !== 'evaluated') record.needs = this.extra.get(dataset) ?? this.needs;
        return record;
      });
  }
}

export function flag(f: Omit<Flag, 'severity' | 'score'> & { score: number; severity?: Severity }): Flag {
  const score = round(clamp01(f.score));
  return { ...f, score, severity: f.severity ?? severityOf(score) };
}

export function entityEvidence(ctx: FlagContext, id: string, label: string): Evidence {
  return { kind: 'entity', id, label };
}

/** "KZ" → "Kazakhstan (KZ)". */
export function country(code: string): string {
  const name = countryName(code);
  return name === code ? code : `${name} (${code})`;
}

export function shipmentLabel(ctx: FlagContext, s: Shipment): string {
  const name = (id?: string) => (id ? (ctx.parties.get(id)?.properties['name']?.[0] ?? id) : '?');
  const qty = s.quantity !== undefined ? `${fmt(s.quantity)}${s.unit ? ' ' + s.unit : ''}` : undefined;
  const value = s.value !== undefined ? `${fmt(s.value)}${s.currency ? ' ' + s.currency : ''}` : undefined;
  const goods = [s.hs ? `HS ${s.hs}` : undefined, qty, value].filter(Boolean).join(', ');
  const route = [s.departure ?? s.origin, ...s.transit, s.destination].filter(Boolean).join('→');
  return `${s.date ?? 'undated'}: ${name(s.sender)} → ${name(s.receiver)}${goods ? ` (${goods})` : ''}${route ? ` ${route}` : ''}`;
}

export function shipmentEvidence(ctx: FlagContext, s: Shipment, prefix = ''): Evidence {
  return { kind: 'shipment', id: s.id, label: prefix + shipmentLabel(ctx, s) };
}

// toLocaleString builds a formatter on every call: at scale that is most of a rule's time
const INTEGER = new Intl.NumberFormat('en-US');
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function fmt(n: number): string {
  return Number.isInteger(n) ? INTEGER.format(n) : DECIMAL.format(n);
}

/** Datasets a party is counted under for coverage: its own. */
export function datasetsOf(e: ContextEntity | Shipment): string[] {
  return e.datasets;
}

export function isListed(ctx: FlagContext, id: string): boolean {
  return ctx.listed.has(id);
}

/** Parties that come only from sanctions lists are not subjects of the rules about registries and shipments. */
export function fromListsOnly(ctx: FlagContext, e: ContextEntity): boolean {
  return e.datasets.every((d) => ctx.datasets.get(d)?.sanctions);
}

export function cutoffDay(ctx: FlagContext): number {
  const [y, m, d] = ctx.config.invasionDate.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}

export function hubs(ctx: FlagContext): Set<string> {
  return new Set(ctx.config.hubCountries.map((c) => c.toUpperCase()));
}

export function restricted(ctx: FlagContext): Set<string> {
  return new Set(ctx.config.restrictedDestinations.map((c) => c.toUpperCase()));
}

/** The country a party is in (its first), for sentences and for routes. */
export function mainCountry(ctx: FlagContext, id: string | undefined): string | undefined {
  if (!id) return undefined;
  const e = ctx.parties.get(id);
  if (!e) return undefined;
  const c = e.properties['country']?.[0] ?? e.properties['jurisdiction']?.[0] ?? e.properties['mainCountry']?.[0];
  if (c) return c.toUpperCase();
  for (const a of e.properties['addressEntity'] ?? []) {
    const ac = ctx.addresses.get(a)?.properties['country']?.[0];
    if (ac) return ac.toUpperCase();
  }
  return undefined;
}

/** "on 2022-04-12" for a day, "in 2022-04" for a month or year. */
export function onDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(date) ? `on ${date.slice(0, 10)}` : `in ${date}`;
}
