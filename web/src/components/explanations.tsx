/** The screening engine's per-feature explanations: what was compared, how, and what it gave. */
import type { Explanation } from '../types';

export interface FeatureLine {
  feature: string;
  score: number;
  weight: number;
  query: string;
  candidate: string;
  method: string;
  detail: string;
}

/** Explanations arrive as yente's map (API) or as the engine's list (bulk screening). */
export function featureLines(
  explanations: Record<string, Explanation> | Array<{ feature: string; score: number; weight: number; query: string[]; candidate: string[]; method: string; detail: string }>,
): FeatureLine[] {
  if (Array.isArray(explanations)) {
    return explanations.map((e) => ({ ...e, query: e.query.join('; '), candidate: e.candidate.join('; ') }));
  }
  return Object.entries(explanations).map(([feature, e]) => ({
    feature,
    score: e.score,
    weight: e.weight,
    query: e.query ?? '',
    candidate: e.candidate ?? '',
    method: e.method,
    detail: e.detail ?? '',
  }));
}

export function Explanations({ lines }: { lines: FeatureLine[] }) {
  if (lines.length === 0) return <p className="status empty">No feature explanations.</p>;
  return (
    <table className="explanations">
      <thead>
        <tr>
          <th scope="col">feature</th>
          <th scope="col" className="num">score</th>
          <th scope="col" className="num">weight</th>
          <th scope="col">compared</th>
          <th scope="col">why</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          <tr key={`${l.feature}-${i}`} className={l.score < 0 ? 'penalty' : undefined}>
            <td data-label="feature">{l.feature}</td>
            <td data-label="score" className="num">{l.score.toFixed(2)}</td>
            <td data-label="weight" className="num">{l.weight.toFixed(2)}</td>
            <td data-label="compared">
              {l.query || '—'} <span aria-hidden="true">↔</span>
              <span className="visually-hidden"> against </span> {l.candidate || '—'}
            </td>
            <td data-label="why">
              {l.detail}
              {l.method ? <span className="method"> ({l.method})</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
