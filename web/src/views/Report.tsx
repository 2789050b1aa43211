/**
 * The case report of an entity, made to be printed or saved: identity and provenance, sanctions,
 * flags with evidence, relations, screening hits and the list of sources.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useApi } from '../api';
import { DatasetTags, SanctionedBadge, SyntheticBadge } from '../components/entity';
import { Empty, Loaded } from '../components/status';
import { download } from '../csv';
import { day } from '../format';
import { href, Link, navigate } from '../router';
import type { EntityDetail } from '../types';
import { Value } from '../values';
import { EntityFlags } from './Flags';

export function Report({ id }: { id?: string }) {
  if (!id) return <PickReport />;
  return <CaseReport id={id} />;
}

function PickReport() {
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) navigate(href('/search', { q: text.trim() }));
  };
  return (
    <section>
      <h1>Reports</h1>
      <p>A case report gathers what sanctrace knows about one entity, ready to print or save. Open it from an entity's page or the flags worklist, or find the entity:</p>
      <form className="search-form" onSubmit={submit} role="search">
        <label htmlFor="report-q">Entity name</label>
        <div className="row">
          <input id="report-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit">Find</button>
        </div>
      </form>
    </section>
  );
}

const REPORT_CSS = `body{font:14px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#1f2933}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.25rem .4rem;text-align:left;vertical-align:top}
.badge{border:1px solid;padding:0 .3rem;font-size:.75rem;text-transform:uppercase}.synthetic{color:#a05a00}.muted{color:#666}
a{color:#1d4ed8}.no-print{display:none}`;

function CaseReport({ id }: { id: string }) {
  const state = useApi<EntityDetail>(`/api/entities/${encodeURIComponent(id)}`);
  const body = useRef<HTMLElement>(null);
  const save = (caption: string) => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Case report: ${escapeHtml(caption)}</title><style>${REPORT_CSS}</style></head><body>${body.current?.innerHTML ?? ''}</body></html>`;
    download(`case-report-${id.replace(/[^\w.-]+/g, '_')}.html`, html, 'text/html');
  };
  return (
    <Loaded state={state} what="the case report">
      {(d) => (
        <>
          <p className="actions no-print">
            <Link to={`/entity/${encodeURIComponent(id)}`}>← entity page</Link>{' '}
            <button type="button" onClick={() => window.print()}>
              Print
            </button>{' '}
            <button type="button" onClick={() => save(d.entity.caption)}>
              Download HTML
            </button>
          </p>
          <article className="report" ref={body}>
            <header>
              <p className="kicker">
                Case report · generated {new Date().toISOString().slice(0, 10)} by sanctrace {d.entity.synthetic ? <SyntheticBadge /> : null}
              </p>
              <h1>{d.entity.caption}</h1>
              <p>
                {d.entity.schema_label} {d.entity.sanctioned ? <SanctionedBadge /> : null} · <code>{d.entity.id}</code> · <DatasetTags datasets={d.entity.datasets} />
              </p>
            </header>
            <section>
              <h2>Identity and provenance</h2>
              <table>
                <tbody>
                  {d.properties.map((p) => (
                    <tr key={p.prop}>
                      <th scope="row">{p.label}</th>
                      <td>
                        {p.values.map((v, i) => (
                          <div key={i}>
                            <Value value={v.value} type={p.type} entity={v.ref} />{' '}
                            <span className="muted">[{v.sources.map((s) => `${s.dataset} ${s.last_version} #${s.record}`).join('; ')}]</span>
                          </div>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section>
              <h2>Sanctions</h2>
              {d.relations.filter((g) => g.schema === 'Sanction').flatMap((g) => g.items).length === 0 ? <Empty>None recorded.</Empty> : null}
              <ul>
                {d.relations
                  .filter((g) => g.schema === 'Sanction')
                  .flatMap((g) => g.items)
                  .map((s) => (
                    <li key={s.id}>
                      {[s.properties['authority']?.[0], s.properties['program']?.join('; '), s.properties['listingDate']?.[0] ?? s.properties['startDate']?.[0]].filter(Boolean).join(' · ')}{' '}
                      <span className="muted">({s.datasets.join(', ')})</span>
                    </li>
                  ))}
              </ul>
            </section>
            <section>
              <h2>Red flags</h2>
              <EntityFlags id={d.entity.id} />
            </section>
            <section>
              <h2>Relations</h2>
              {d.relations.filter((g) => g.schema !== 'Sanction').length === 0 ? <Empty>None recorded.</Empty> : null}
              {d.relations
                .filter((g) => g.schema !== 'Sanction')
                .map((g) => (
                  <div key={g.key}>
                    <h3>{g.label}</h3>
                    <ul>
                      {g.items.map((it) => (
                        <li key={it.id}>
                          {it.parties.map((p) => `${p.caption} (${p.label.toLowerCase()})`).join(', ') || it.id}
                          {it.properties['startDate'] || it.properties['endDate'] ? ` ${it.properties['startDate']?.[0] ?? '…'} – ${it.properties['endDate']?.[0] ?? '…'}` : ''}
                          {it.properties['role'] ? ` · ${it.properties['role'].join(', ')}` : ''} <span className="muted">({it.datasets.join(', ')})</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
            </section>
            <section>
              <h2>Screening hits on the loaded lists</h2>
              {d.hits.length === 0 ? <Empty>None above the cut-off.</Empty> : null}
              <ul>
                {d.hits.map((h) => (
                  <li key={h.id}>
                    {h.caption} — {h.score.toFixed(2)} {h.match ? '(match)' : ''} <span className="muted">({h.datasets.join(', ')})</span>
                  </li>
                ))}
              </ul>
            </section>
            <section>
              <h2>Sources</h2>
              <ul>
                {[...new Set(d.properties.flatMap((p) => p.values.flatMap((v) => v.sources.map((s) => `${s.dataset} version ${s.last_version}`))))].sort().map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
              <p className="muted">
                First seen {day(d.entity.first_seen)}, last changed {day(d.entity.last_change)}.
              </p>
            </section>
          </article>
        </>
      )}
    </Loaded>
  );
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
