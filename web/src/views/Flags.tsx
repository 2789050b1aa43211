/**
 * Red flags: the ranked worklist, an entity's flags with their evidence, the top of the list for
 * the overview. Needs the flag routes; reviewed marks are kept in this browser until the server
 * records them.
 */
import { useState } from 'react';
import { invalidate, send, useApi } from '../api';
import { EntityLink, entityPath, isSyntheticDataset } from '../components/entity';
import { Empty, Loaded } from '../components/status';
import { SortableTable } from '../components/table';
import { href, Link, useLocation, useQueryUpdate } from '../router';
import { ROUTES } from '../routes';

export interface Evidence {
  kind?: 'entity' | 'shipment' | 'statement' | 'number' | 'date';
  id?: string;
  value?: string | number;
  label?: string;
}

export interface Flag {
  code: string;
  entity_id: string;
  severity: string;
  score: number;
  summary: string;
  evidence: Evidence[];
}

export interface Review {
  reviewer: string;
  status: 'reviewed' | 'escalated' | 'dismissed';
  note: string;
  at: string;
}

/** One party of GET /flags (the worklist). */
export interface FlaggedEntity {
  entity_id: string;
  caption?: string;
  schema?: string;
  country?: string;
  datasets?: string[];
  score: number;
  rank?: number;
  flag_count?: number;
  first_reason?: string;
  flags: Flag[];
  review?: Review | null;
}

/** A ranked route (supplier → intermediary → buyer) of GET /flags/{id}. */
export interface FlagRoute {
  id: string;
  supplier: string;
  intermediary: string;
  buyer: string;
  /** by role: supplier, intermediary, buyer */
  names?: Record<string, string>;
  countries?: Record<string, string>;
  score: number;
  rank?: number;
  goods?: string[];
  lines?: number;
  first?: string;
  last?: string;
}

interface Worklist {
  total: number;
  entities: FlaggedEntity[];
}

const FEATURE = { name: 'Red flags', route: `GET ${ROUTES.flags}` };
const REVIEWER_KEY = 'sanctrace.reviewer';
const synthetic = (r: FlaggedEntity) => (r.datasets ?? []).some(isSyntheticDataset);

/** Marks a party reviewed (POST /flags/{id}/review); the review is kept with the flag run. */
function ReviewButton({ row, onDone }: { row: FlaggedEntity; onDone: (r: Review) => void }) {
  const [error, setError] = useState('');
  if (row.review) return <span className={`badge decided ${row.review.status}`} title={`${row.review.reviewer}, ${row.review.at}`}>{row.review.status}</span>;
  const mark = async () => {
    const reviewer = localStorage.getItem(REVIEWER_KEY) || window.prompt('Reviewer name') || '';
    if (!reviewer.trim()) return;
    localStorage.setItem(REVIEWER_KEY, reviewer.trim());
    try {
      const { data } = await send<Review>('POST', `${ROUTES.entityFlags(row.entity_id)}/review`, { reviewer: reviewer.trim(), note: '', status: 'reviewed' });
      invalidate(ROUTES.flags);
      onDone(data);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <button type="button" onClick={mark}>
        mark reviewed
      </button>
      {error ? <span className="warn"> {error}</span> : null}
    </>
  );
}

export function TopFlags({ limit }: { limit: number }) {
  const state = useApi<Worklist>(`${ROUTES.flags}?limit=${limit}`);
  return (
    <Loaded state={state} what="flagged entities" feature={FEATURE}>
      {(a) => {
        const rows = a.entities.slice(0, limit);
        return rows.length ? (
          <ol className="plain ranked">
            {rows.map((r, i) => (
              <li key={r.entity_id}>
                <span className="rank">{i + 1}</span> <EntityLink id={r.entity_id} caption={r.caption ?? r.entity_id} synthetic={synthetic(r)} />{' '}
                <span className="muted">{[...new Set(r.flags.map((f) => f.code))].join(' ')}</span>
              </li>
            ))}
          </ol>
        ) : (
          <Empty>No entity is flagged.</Empty>
        );
      }}
    </Loaded>
  );
}

export function Flags() {
  const { query } = useLocation();
  const update = useQueryUpdate();
  const code = query.get('code') ?? '';
  const hideReviewed = query.get('reviewed') === 'hide';
  const state = useApi<Worklist>(`${ROUTES.flags}?limit=500`);
  const [reviews, setReviews] = useState<Record<string, Review>>({});
  return (
    <section className="flags">
      <h1>Flags worklist</h1>
      <Loaded state={state} what="flagged entities" feature={FEATURE}>
        {(a) => {
          const all = a.entities.map((r) => (reviews[r.entity_id] ? { ...r, review: reviews[r.entity_id] } : r));
          const codes = [...new Set(all.flatMap((r) => r.flags.map((f) => f.code)))].sort();
          const rows = all.filter((r) => (!code || r.flags.some((f) => f.code === code)) && (!hideReviewed || !r.review));
          return (
            <>
              <div className="row filters">
                <label>
                  Flag{' '}
                  <select value={code} onChange={(e) => update({ code: e.target.value || null })}>
                    <option value="">any</option>
                    {codes.map((c) => (
                      <option key={c}>{c}</option>
                    ))}
                  </select>
                </label>
                <label className="check">
                  <input type="checkbox" checked={hideReviewed} onChange={(e) => update({ reviewed: e.target.checked ? 'hide' : null })} /> hide reviewed
                </label>
              </div>
              {rows.length === 0 ? (
                <Empty>No flagged entity matches.</Empty>
              ) : (
                <SortableTable
                  rows={rows}
                  rowKey={(r) => r.entity_id}
                  caption="Flagged entities"
                  initialSort={{ key: 'score', desc: true }}
                  columns={[
                    { key: 'score', label: 'risk', value: (r) => r.score, render: (r) => r.score.toFixed(2), numeric: true },
                    { key: 'entity', label: 'entity', value: (r) => r.caption ?? r.entity_id, render: (r) => <EntityLink id={r.entity_id} caption={r.caption ?? r.entity_id} synthetic={synthetic(r)} /> },
                    { key: 'country', label: 'country', value: (r) => r.country ?? '' },
                    {
                      key: 'flags',
                      label: 'flags',
                      value: (r) => [...new Set(r.flags.map((f) => f.code))].join(' '),
                      render: (r) => <span title={r.flags.map((f) => `${f.code}: ${f.summary}`).join('\n')}>{[...new Set(r.flags.map((f) => f.code))].join(' ')}</span>,
                    },
                    { key: 'first', label: 'first reason', value: (r) => r.first_reason ?? r.flags[0]?.summary ?? '' },
                    {
                      key: 'actions',
                      label: 'case',
                      value: (r) => (r.review ? 1 : 0),
                      render: (r) => (
                        <span className="row">
                          <Link to={`/report/${encodeURIComponent(r.entity_id)}`}>report</Link>
                          <ReviewButton row={r} onDone={(review) => setReviews((old) => ({ ...old, [r.entity_id]: review }))} />
                        </span>
                      ),
                    },
                  ]}
                />
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function EvidenceItem({ e }: { e: Evidence }) {
  const label = e.label ?? (e.value !== undefined ? String(e.value) : (e.id ?? ''));
  if (e.id && (e.kind === 'entity' || e.kind === 'shipment' || e.kind === undefined)) {
    return (
      <>
        {e.kind === 'shipment' ? 'shipment ' : ''}
        <Link to={entityPath(e.id)}>{label}</Link>
        {e.value !== undefined && e.label ? <span className="muted"> ({String(e.value)})</span> : null}
      </>
    );
  }
  return (
    <>
      {e.kind && e.kind !== 'statement' ? <span className="muted">{e.kind}: </span> : null}
      {label}
      {e.value !== undefined && e.label ? <span className="muted"> = {String(e.value)}</span> : null}
    </>
  );
}

function Routes({ routes }: { routes: FlagRoute[] }) {
  return (
    <>
      <h3>Routes through this party</h3>
      <ol className="plain routes">
        {routes.map((r) => (
          <li key={r.id} className="route" data-route={r.id}>
            {(['supplier', 'intermediary', 'buyer'] as const).map((role, i) => (
              <span key={role} className={role}>
                {i ? ' → ' : null}
                <Link to={entityPath(r[role])}>{r.names?.[role] ?? r[role]}</Link>
                {r.countries?.[role] ? <span className="muted"> ({r.countries[role]})</span> : null}
              </span>
            ))}{' '}
            <span className="muted">
              · risk {r.score.toFixed(2)}
              {r.lines ? ` · ${r.lines} customs lines` : ''}
              {r.first ? ` ${r.first} – ${r.last ?? '…'}` : ''}
              {r.goods?.length ? ` · HS ${r.goods.join(', ')}` : ''}
            </span>{' '}
            <Link to={href(`/network/${encodeURIComponent(r.supplier)}`, { to: r.buyer })} className="button small draw-route">
              Draw on the network
            </Link>
          </li>
        ))}
      </ol>
    </>
  );
}

export function EntityFlags({ id }: { id: string }) {
  const state = useApi<{ flags: Flag[]; score: { score: number; rank?: number } | null; routes?: FlagRoute[]; reviews: Review[] }>(ROUTES.entityFlags(id));
  return (
    <Loaded state={state} what="flags" feature={{ name: 'Red flags', route: `GET ${ROUTES.flags}/{id}` }}>
      {(a) => {
        const flags = a.flags;
        return flags.length ? (
          <>
            {a.score ? (
              <p className="lede">
                Risk score {a.score.score.toFixed(2)}
                {a.score.rank ? `, rank ${a.score.rank}` : ''}
                {a.reviews.length ? ` · ${a.reviews[a.reviews.length - 1]!.status} by ${a.reviews[a.reviews.length - 1]!.reviewer}` : ''}
              </p>
            ) : null}
            <ul className="plain flag-list">
              {flags.map((f, i) => (
                <li key={`${f.code}-${i}`} className={`flag sev-${f.severity}`} data-code={f.code}>
                  <strong>{f.code}</strong> <span className="muted">{f.severity}</span> {f.summary}
                  {f.evidence.length ? (
                    <ul className="evidence">
                      {f.evidence.map((e, j) => (
                        <li key={j} data-kind={e.kind}>
                          <EvidenceItem e={e} />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
            {a.routes?.length ? <Routes routes={a.routes} /> : null}
          </>
        ) : (
          <Empty>No flag raised.</Empty>
        )
      }}
    </Loaded>
  );
}
