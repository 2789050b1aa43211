/** Search over every name and alias, in any script, with facets; all of it in the URL. */
import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { DatasetTags, EntityLink, SanctionedBadge, Score } from '../components/entity';
import { Empty, Loaded } from '../components/status';
import { country } from '../format';
import { href, useLocation, useQueryUpdate } from '../router';
import type { FacetValue, SearchAnswer } from '../types';

const PAGE = 20;
/** On a phone the filters start folded, above the results. */
const isPhone = () => window.matchMedia('(max-width: 760px)').matches;
const FACETS: Array<{ key: 'schema' | 'country' | 'dataset' | 'sanctioned'; label: string; show?: (v: string) => string }> = [
  { key: 'sanctioned', label: 'Sanctioned', show: (v) => (v === 'yes' ? 'sanctioned' : 'not sanctioned') },
  { key: 'schema', label: 'Type' },
  { key: 'country', label: 'Country', show: country },
  { key: 'dataset', label: 'Dataset' },
];

export function Search() {
  const { query } = useLocation();
  const update = useQueryUpdate();
  const q = query.get('q') ?? '';
  const filters = Object.fromEntries(FACETS.map((f) => [f.key, query.get(f.key) ?? ''])) as Record<string, string>;
  const page = Math.max(1, Number(query.get('page')) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const url = q.trim() ? href('/api/search', { q: q.trim(), ...filters, limit: PAGE, offset: (page - 1) * PAGE }) : null;
  const state = useApi<SearchAnswer>(url);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: text.trim(), page: null });
  };
  return (
    <section className="search">
      <h1>Search</h1>
      <form className="search-form" role="search" onSubmit={submit}>
        <label htmlFor="search-q">Name in any script (Latin, Cyrillic, Arabic, Chinese…); spelling mistakes are forgiven</label>
        <div className="row">
          <input id="search-q" name="q" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. Putin, Путин, Elem Group" />
          <button type="submit">Search</button>
        </div>
      </form>
      {FACETS.some((f) => filters[f.key]) ? (
        <ul className="chips" aria-label="Active filters">
          {FACETS.filter((f) => filters[f.key]).map((f) => (
            <li key={f.key}>
              <button type="button" onClick={() => update({ [f.key]: null, page: null })} aria-label={`Remove filter ${f.label}: ${filters[f.key]}`}>
                {f.label}: {f.show ? f.show(filters[f.key]!) : filters[f.key]} ✕
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {!url ? (
        <Empty>Type a name to search every list loaded.</Empty>
      ) : (
        <Loaded state={state} what="search results">
          {(answer) => (
            <div className="search-layout">
              <details className="facets-box" open={!isPhone()}>
                <summary>Filters</summary>
                <aside className="facets" aria-label="Filters">
                {FACETS.map((f) => (
                  <Facet
                    key={f.key}
                    label={f.label}
                    values={answer.facets[f.key]}
                    active={filters[f.key] ?? ''}
                    show={f.show}
                    onPick={(v) => update({ [f.key]: v === filters[f.key] ? null : v, page: null })}
                  />
                ))}
                </aside>
              </details>
              <div className="results">
                <p className="lede" aria-live="polite">
                  {answer.total === 0
                    ? `Nothing found for “${answer.q}”.`
                    : `${answer.total}${answer.capped ? '+' : ''} ${answer.total === 1 ? 'entity' : 'entities'} for “${answer.q}”`}
                </p>
                <ol className="hits" start={answer.offset + 1}>
                  {answer.results.map((r) => (
                    <li key={r.id} className="hit">
                      <div className="hit-head">
                        <EntityLink id={r.id} caption={r.caption} synthetic={r.synthetic} /> <span className="schema">{r.schema}</span>
                        {r.sanctioned ? <> <SanctionedBadge /></> : null} <Score value={r.score} />
                      </div>
                      {r.names.length > 1 ? <div className="names">{r.names.filter((n) => n !== r.caption).join(' · ')}</div> : null}
                      <div className="meta">
                        {r.countries.map(country).join(', ')}
                        {r.birth_date.length ? ` · born ${r.birth_date.join(', ')}` : ''} <DatasetTags datasets={r.datasets} />
                      </div>
                      {r.matched ? <div className="why">{r.matched}</div> : null}
                    </li>
                  ))}
                </ol>
                {answer.total > PAGE ? (
                  <nav className="pager" aria-label="Pages">
                    <button type="button" disabled={page <= 1} onClick={() => update({ page: page - 1 })}>
                      ← Previous
                    </button>
                    <span>
                      page {page} of {Math.ceil(answer.total / PAGE)}
                    </span>
                    <button type="button" disabled={page * PAGE >= answer.total} onClick={() => update({ page: page + 1 })}>
                      Next →
                    </button>
                  </nav>
                ) : null}
              </div>
            </div>
          )}
        </Loaded>
      )}
    </section>
  );
}

function Facet({ label, values, active, show, onPick }: { label: string; values: FacetValue[]; active: string; show?: (v: string) => string; onPick: (v: string) => void }) {
  const [all, setAll] = useState(false);
  if (values.length === 0) return null;
  const shown = all ? values : values.slice(0, 8);
  return (
    <fieldset className="facet">
      <legend>{label}</legend>
      <ul>
        {shown.map((v) => (
          <li key={v.value}>
            <button type="button" className={v.value === active ? 'facet-value active' : 'facet-value'} aria-pressed={v.value === active} onClick={() => onPick(v.value)}>
              <span>{show ? show(v.value) : v.value}</span> <span className="count">{v.count}</span>
            </button>
          </li>
        ))}
      </ul>
      {values.length > 8 ? (
        <button type="button" className="link" onClick={() => setAll(!all)}>
          {all ? 'fewer' : `all ${values.length}`}
        </button>
      ) : null}
    </fieldset>
  );
}
