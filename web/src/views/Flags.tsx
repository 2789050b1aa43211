/**
 * Red flags: the ranked worklist, an entity's flags with their evidence, the top of the list for
 * the overview. Needs the flag routes; reviewed marks are kept in this browser until the server
 * records them.
 */
import { useState } from 'react';
import { useApi } from '../api';
import { EntityLink, entityPath } from '../components/entity';
import { Empty, Loaded } from '../components/status';
import { SortableTable } from '../components/table';
import { Link, useLocation, useQueryUpdate } from '../router';
import { ROUTES } from '../routes';

export interface Evidence {
  kind?: string;
  id?: string;
  caption?: string;
  text?: string;
  value?: string | number;
}

export interface Flag {
  code: string;
  entity_id: string;
  severity: string;
  score: number;
  summary: string;
  evidence: Array<Evidence | string>;
}

export interface FlaggedEntity {
  entity_id: string;
  caption?: string;
  schema?: string;
  score: number;
  synthetic?: boolean;
  flags: Flag[];
}

const FEATURE = { name: 'Red flags', route: `GET ${ROUTES.flags}` };
const listOf = (a: FlaggedEntity[] | { entities: FlaggedEntity[] }) => (Array.isArray(a) ? a : a.entities);
const REVIEWED_KEY = 'sanctrace.reviewed';

function useReviewed(): [Set<string>, (id: string, on: boolean) => void] {
  const [set, setSet] = useState<Set<string>>(() => new Set(JSON.parse(localStorage.getItem(REVIEWED_KEY) ?? '[]') as string[]));
  const mark = (id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    localStorage.setItem(REVIEWED_KEY, JSON.stringify([...next]));
    setSet(next);
  };
  return [set, mark];
}

export function TopFlags({ limit }: { limit: number }) {
  const state = useApi<FlaggedEntity[] | { entities: FlaggedEntity[] }>(`${ROUTES.flags}?top=${limit}`);
  return (
    <Loaded state={state} what="flagged entities" feature={FEATURE}>
      {(a) => {
        const rows = listOf(a).slice(0, limit);
        return rows.length ? (
          <ol className="plain ranked">
            {rows.map((r, i) => (
              <li key={r.entity_id}>
                <span className="rank">{i + 1}</span> <EntityLink id={r.entity_id} caption={r.caption ?? r.entity_id} synthetic={r.synthetic} />{' '}
                <span className="muted">{r.flags.map((f) => f.code).join(' ')}</span>
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
  const state = useApi<FlaggedEntity[] | { entities: FlaggedEntity[] }>(`${ROUTES.flags}?top=500`);
  const [reviewed, mark] = useReviewed();
  return (
    <section className="flags">
      <h1>Flags worklist</h1>
      <Loaded state={state} what="flagged entities" feature={FEATURE}>
        {(a) => {
          const all = listOf(a);
          const codes = [...new Set(all.flatMap((r) => r.flags.map((f) => f.code)))].sort();
          const rows = all.filter((r) => (!code || r.flags.some((f) => f.code === code)) && (!hideReviewed || !reviewed.has(r.entity_id)));
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
                    { key: 'entity', label: 'entity', value: (r) => r.caption ?? r.entity_id, render: (r) => <EntityLink id={r.entity_id} caption={r.caption ?? r.entity_id} synthetic={r.synthetic} /> },
                    { key: 'flags', label: 'flags', value: (r) => r.flags.map((f) => f.code).join(' '), render: (r) => <span title={r.flags.map((f) => `${f.code}: ${f.summary}`).join('\n')}>{r.flags.map((f) => f.code).join(' ')}</span> },
                    { key: 'first', label: 'first reason', value: (r) => r.flags[0]?.summary ?? '' },
                    {
                      key: 'actions',
                      label: 'case',
                      value: (r) => (reviewed.has(r.entity_id) ? 1 : 0),
                      render: (r) => (
                        <span className="row">
                          <Link to={`/report/${encodeURIComponent(r.entity_id)}`}>report</Link>
                          <label className="check">
                            <input type="checkbox" checked={reviewed.has(r.entity_id)} onChange={(e) => mark(r.entity_id, e.target.checked)} /> reviewed
                          </label>
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

function EvidenceItem({ e }: { e: Evidence | string }) {
  if (typeof e === 'string') return <>{e}</>;
  const label = e.caption ?? e.text ?? (e.value !== undefined ? String(e.value) : (e.id ?? ''));
  if (e.id) return <Link to={entityPath(e.id)}>{label}</Link>;
  return <>{label}</>;
}

export function EntityFlags({ id }: { id: string }) {
  const state = useApi<Flag[] | { flags: Flag[] }>(ROUTES.entityFlags(id));
  return (
    <Loaded state={state} what="flags" feature={{ name: 'Red flags', route: `GET ${ROUTES.flags}/{id}` }}>
      {(a) => {
        const flags = Array.isArray(a) ? a : a.flags;
        return flags.length ? (
          <ul className="plain flag-list">
            {flags.map((f, i) => (
              <li key={`${f.code}-${i}`} className={`flag sev-${f.severity}`}>
                <strong>{f.code}</strong> <span className="muted">{f.severity}</span> {f.summary}
                {f.evidence.length ? (
                  <ul className="evidence">
                    {f.evidence.map((e, j) => (
                      <li key={j}>
                        <EvidenceItem e={e} />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <Empty>No flag raised.</Empty>
        );
      }}
    </Loaded>
  );
}
