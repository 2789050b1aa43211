/**
 * Screening: paste names or upload a CSV, read each result's explanation, record decisions
 * (match / false positive) in the audit log, download the results. Pasted names stay in the URL.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, send } from '../api';
import { DatasetTags, EntityLink, Score } from '../components/entity';
import { Explanations, featureLines } from '../components/explanations';
import { Empty, ErrorBox, Loading } from '../components/status';
import { csvRow, download } from '../csv';
import { useLocation, useQueryUpdate } from '../router';
import type { ScreenRow } from '../types';

type Result = NonNullable<ScreenRow['results']>[number];
const SCHEMAS = ['LegalEntity', 'Person', 'Company', 'Organization', 'Vessel'];
/** Longer pasted lists are not put in the URL. */
const URL_CHARS = 1800;
const REVIEWER_KEY = 'sanctrace.reviewer';

function pastedCsv(text: string, schema: string): { csv: string; names: Map<string, string> } {
  const names = new Map<string, string>();
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const rows = lines.map((name, i) => {
    const id = String(i + 1);
    names.set(id, name);
    return csvRow([id, name, schema]);
  });
  return { csv: ['id,name,schema', ...rows].join('\n') + '\n', names };
}

/** The id → name of an uploaded CSV, for showing what was screened (quoted fields handled). */
function uploadedNames(csv: string): Map<string, string> {
  const names = new Map<string, string>();
  const rows = parseCsv(csv);
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const id = header.indexOf('id');
  const name = header.indexOf('name');
  if (id >= 0 && name >= 0) for (const r of rows) names.set(r[id] ?? '', r[name] ?? '');
  return names;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

export function Screening() {
  const { query } = useLocation();
  const update = useQueryUpdate();
  const urlNames = query.get('names') ?? '';
  const schema = query.get('schema') ?? 'LegalEntity';
  const threshold = query.get('threshold') ?? '';
  const [text, setText] = useState(urlNames);
  const [state, setState] = useState<{ loading: boolean; error?: ApiError; rows?: ScreenRow[]; names?: Map<string, string>; rowErrors?: number }>({ loading: false });
  const file = useRef<HTMLInputElement>(null);

  const run = async (csv: string, names: Map<string, string>) => {
    setState({ loading: true });
    try {
      const qs = new URLSearchParams({ format: 'json', limit: '5' });
      if (threshold) qs.set('threshold', threshold);
      const { data, headers } = await send<ScreenRow[]>('POST', `/screen?${qs}`, csv, 'text/csv');
      setState({ loading: false, rows: data, names, rowErrors: Number(headers.get('x-sanctrace-row-errors') ?? 0) });
    } catch (e) {
      setState({ loading: false, error: e instanceof ApiError ? e : new ApiError(0, (e as Error).message, false) });
    }
  };

  // A shared link with names screens them on opening.
  const ran = useRef('');
  useEffect(() => {
    const key = `${urlNames}|${schema}|${threshold}`;
    if (!urlNames.trim() || ran.current === key) return;
    ran.current = key;
    setText(urlNames);
    const { csv, names } = pastedCsv(urlNames, schema);
    void run(csv, names);
  }, [urlNames, schema, threshold]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    if (text.length <= URL_CHARS) {
      ran.current = '';
      update({ names: text.trim() });
    } else {
      const { csv, names } = pastedCsv(text, schema);
      void run(csv, names);
    }
  };
  const upload = async () => {
    const f = file.current?.files?.[0];
    if (!f) return;
    const csv = await f.text();
    void run(csv, uploadedNames(csv));
  };

  return (
    <section className="screening">
      <h1>Screening</h1>
      <div className="grid-2">
        <form className="panel" onSubmit={submit}>
          <h2>Paste names</h2>
          <label htmlFor="screen-names">One name per line, any script</label>
          <textarea id="screen-names" rows={7} value={text} onChange={(e) => setText(e.target.value)} placeholder={'Vladimir Putin\nТОО «Элем Групп»'} />
          <div className="row">
            <label>
              Type{' '}
              <select value={schema} onChange={(e) => update({ schema: e.target.value === 'LegalEntity' ? null : e.target.value })}>
                {SCHEMAS.map((s) => (
                  <option key={s} value={s}>
                    {s === 'LegalEntity' ? 'any person or company' : s}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Threshold{' '}
              <input type="number" min={0} max={1} step={0.05} value={threshold} placeholder="0.7" onChange={(e) => update({ threshold: e.target.value || null }, { replace: true })} className="narrow" />
            </label>
            <button type="submit">Screen</button>
          </div>
        </form>
        <div className="panel">
          <h2>Upload a CSV</h2>
          <p className="muted">
            Header <code>id,name</code>; optional <code>schema,country,birth_date,identifier</code>. Up to 10,000 rows.
          </p>
          <label htmlFor="screen-file">CSV file</label>
          <input id="screen-file" ref={file} type="file" accept=".csv,text/csv" />
          <button type="button" onClick={upload}>
            Screen the file
          </button>
        </div>
      </div>
      {state.loading ? <Loading what="screening results" /> : null}
      {state.error ? <ErrorBox error={state.error} what="screening results" /> : null}
      {state.rows ? <Results rows={state.rows} names={state.names ?? new Map()} rowErrors={state.rowErrors ?? 0} /> : null}
    </section>
  );
}

function Results({ rows, names, rowErrors }: { rows: ScreenRow[]; names: Map<string, string>; rowErrors: number }) {
  const matched = rows.filter((r) => r.results?.some((x) => x.match)).length;
  const exportCsv = () => {
    const lines = ['input_id,input_name,entity_id,caption,schema,score,match,datasets,explanation,error'];
    for (const r of rows) {
      if (r.error) lines.push(csvRow([r.id, names.get(r.id ?? '') ?? '', '', '', '', '', '', '', '', `line ${r.line}: ${r.error}`]));
      for (const x of r.results ?? []) {
        const why = featureLines(x.explanations).map((l) => `${l.feature} ${l.score.toFixed(2)}: ${l.detail}`).join(' | ');
        lines.push(csvRow([r.id, names.get(r.id) ?? '', x.entity_id, x.caption, x.schema, x.score.toFixed(3), x.match, x.datasets.join(' '), why, '']));
      }
    }
    download('screening-results.csv', lines.join('\n') + '\n', 'text/csv');
  };
  return (
    <div className="panel results-panel">
      <h2>Results</h2>
      <p className="lede" aria-live="polite">
        {rows.length} rows screened, {matched} with a match{rowErrors ? `, ${rowErrors} could not be screened` : ''}.
      </p>
      <p className="row">
        <button type="button" onClick={exportCsv}>
          Download CSV
        </button>
        <button type="button" onClick={() => download('screening-results.json', JSON.stringify(rows, null, 2), 'application/json')}>
          Download JSON
        </button>
      </p>
      <ol className="screen-rows">
        {rows.map((r, i) => (
          <li key={`${r.id}-${i}`} className="screen-row" data-row={r.id}>
            <h3>
              {names.get(r.id ?? '') ?? r.id} <span className="muted">#{r.id}</span>
            </h3>
            {r.error ? (
              <p className="status error" role="alert">
                line {r.line}: {r.error}
              </p>
            ) : r.results?.length ? (
              <ol className="hits">
                {r.results.map((x) => (
                  <ResultItem key={x.entity_id} result={x} logId={r.log_id ?? null} />
                ))}
              </ol>
            ) : (
              <Empty>No listed entity scores above the cut-off.</Empty>
            )}
            {r.suppressed?.length ? <p className="muted">{r.suppressed.length} result(s) left out as decided false positives.</p> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

function ResultItem({ result, logId }: { result: Result; logId: number | null }) {
  const [decision, setDecision] = useState(result.decision?.decision ?? '');
  const [reviewer, setReviewer] = useState(() => localStorage.getItem(REVIEWER_KEY) ?? '');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ saving?: boolean; error?: string }>({});
  const decide = async (kind: 'match' | 'false_positive') => {
    if (!reviewer.trim()) return setStatus({ error: 'give your name as reviewer first' });
    if (logId === null) return setStatus({ error: 'this server does not keep an audit log, so decisions cannot be recorded' });
    localStorage.setItem(REVIEWER_KEY, reviewer.trim());
    setStatus({ saving: true });
    try {
      await send('POST', '/decisions', { query_id: logId, entity_id: result.entity_id, decision: kind, reviewer: reviewer.trim(), note });
      setDecision(kind);
      setStatus({});
    } catch (e) {
      setStatus({ error: (e as Error).message });
    }
  };
  return (
    <li className="hit" data-entity={result.entity_id}>
      <div className="hit-head">
        <EntityLink id={result.entity_id} caption={result.caption} /> <span className="schema">{result.schema}</span> <Score value={result.score} />{' '}
        {result.match ? <span className="badge match">match</span> : null} <DatasetTags datasets={result.datasets} />
        {decision ? <span className={`badge decided ${decision}`}>{decision === 'match' ? 'confirmed match' : 'false positive'}</span> : null}
      </div>
      <details>
        <summary>Why it scores {result.score.toFixed(2)}</summary>
        <Explanations lines={featureLines(result.explanations)} />
      </details>
      <details className="decide">
        <summary>Record a decision</summary>
        <div className="row">
          <label>
            Reviewer <input value={reviewer} onChange={(e) => setReviewer(e.target.value)} autoComplete="name" />
          </label>
          <label>
            Note <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="button" disabled={status.saving} onClick={() => decide('match')}>
            Match
          </button>
          <button type="button" disabled={status.saving} onClick={() => decide('false_positive')}>
            False positive
          </button>
        </div>
        {status.error ? (
          <p className="status error" role="alert">
            {status.error}
          </p>
        ) : null}
      </details>
    </li>
  );
}
