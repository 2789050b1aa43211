import type { DecisionNote } from '../store/audit.js';
import type { FeatureExplanation, MatchResult } from './types.js';

/** One result of a bulk screening, as written to JSONL. */
export interface BulkResult {
  entity_id: string;
  caption: string;
  schema: string;
  score: number;
  match: boolean;
  datasets: string[];
  explanations: FeatureExplanation[];
  /** a reviewer's decision on this query and entity, if any */
  decision?: DecisionNote;
}

/** One output line: the results of an input row, or why the row could not be screened. */
export type BulkLine =
  | {
      id: string;
      results: BulkResult[];
      /** results left out by a reviewer's false-positive decision, with the decision */
      suppressed?: BulkResult[];
      /** the audit log entry of this screening */
      log_id?: number;
    }
  | { id: string | null; line: number; error: string };

export function toBulkResult(r: MatchResult): BulkResult {
  return {
    entity_id: r.entity.id,
    caption: r.entity.caption,
    schema: r.entity.schema,
    score: r.score,
    match: r.match,
    datasets: [...r.entity.datasets],
    explanations: r.explanations,
  };
}

export const CSV_COLUMNS = [
  'id',
  'name',
  'entity_id',
  'caption',
  'schema',
  'score',
  'match',
  'suppressed',
  'datasets',
  'explanation',
  'decision',
  'error',
] as const;

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(cells: string[]): string {
  return cells.map(csvCell).join(',') + '\n';
}

function round(n: number): string {
  return String(Math.round(n * 10_000) / 10_000);
}

/** The few features that weigh most in a score, in one line: `name_alignment 0.93 (detail); …`. */
export function shortExplanation(explanations: FeatureExplanation[], max = 3): string {
  return [...explanations]
    .sort((a, b) => Math.abs(b.score * b.weight) - Math.abs(a.score * a.weight) || a.feature.localeCompare(b.feature))
    .slice(0, max)
    .map((e) => `${e.feature} ${round(e.score)}${e.detail ? ` (${e.detail})` : ''}`)
    .join('; ');
}

function decisionText(d: DecisionNote | undefined): string {
  if (!d) return '';
  const who = `#${d.id} by ${d.reviewer}`;
  return `${d.decision} ${who}${d.entity_changed ? ' (entity changed since; review again)' : ''}`;
}

/**
 * CSV output: one row per result; an input without results still gets a row (empty result
 * columns), and a row that could not be screened gets one with its error. Suppressed results
 * appear with suppressed=true and the decision.
 */
export function csvLines(line: BulkLine, name: string): string {
  if ('error' in line) {
    const cells = CSV_COLUMNS.map((c) => (c === 'id' ? (line.id ?? '') : c === 'name' ? name : c === 'error' ? `line ${line.line}: ${line.error}` : ''));
    return csvRow(cells);
  }
  const rows = [
    ...line.results.map((r) => ({ r, suppressed: false })),
    ...(line.suppressed ?? []).map((r) => ({ r, suppressed: true })),
  ];
  if (rows.length === 0) return csvRow(CSV_COLUMNS.map((c) => (c === 'id' ? line.id : c === 'name' ? name : '')));
  return rows
    .map(({ r, suppressed }) =>
      csvRow([
        line.id,
        name,
        r.entity_id,
        r.caption,
        r.schema,
        round(r.score),
        String(r.match),
        String(suppressed),
        r.datasets.join(';'),
        shortExplanation(r.explanations),
        decisionText(r.decision),
        '',
      ]),
    )
    .join('');
}
