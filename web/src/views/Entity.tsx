/** One entity: names, sanctions, flags, properties with their sources, relations, screening hits, timeline. */
import { useMemo } from 'react';
import { useApi } from '../api';
import { DatasetTag, DatasetTags, EntityLink, SanctionedBadge, Score, SyntheticBadge } from '../components/entity';
import { Explanations, featureLines } from '../components/explanations';
import { Empty, Loaded } from '../components/status';
import { SortableTable, type Column } from '../components/table';
import { country, day, num } from '../format';
import { Link } from '../router';
import type { EntityDetail, Hit, PartyRef, PropertyValues, RelationGroup, RelationItem, ShipmentFacts, ShipmentRow, Source } from '../types';
import { looksLikeDate, safeUrl, Value } from '../values';
import { EntityFlags } from './Flags';

const NAME_PROPS = ['name', 'alias', 'weakAlias', 'previousName', 'abbreviation'];

export function Entity({ id }: { id: string }) {
  const state = useApi<EntityDetail>(`/api/entities/${encodeURIComponent(id)}`);
  return (
    <Loaded state={state} what="the entity">
      {(detail) => <EntityPage detail={detail} />}
    </Loaded>
  );
}

function EntityPage({ detail }: { detail: EntityDetail }) {
  const { entity, properties, relations, hits, shipments, shipment } = detail;
  const names = properties.filter((p) => NAME_PROPS.includes(p.prop));
  const other = properties.filter((p) => !NAME_PROPS.includes(p.prop));
  const sanctions = relations.filter((r) => r.schema === 'Sanction');
  const links = relations.filter((r) => r.schema !== 'Sanction');
  // A customs line is shown by what it carried between whom; names, sanctions and screening are the parties' business.
  const party = !shipment;
  const sections = [
    ...(shipment ? [['shipment', 'Shipment']] : []),
    ...(party ? [['names', 'Names'], ['sanctions', `Sanctions (${sanctions.reduce((n, g) => n + g.items.length, 0)})`]] : []),
    ['flags', 'Flags'],
    ['properties', 'Properties'],
    ...(party || links.length ? [['relations', `Relations (${links.reduce((n, g) => n + g.items.length, 0)})`]] : []),
    ...(shipments.total ? [['shipments', `Shipments (${num(shipments.total)})`]] : []),
    ...(party ? [['hits', `Screening hits (${hits.length})`]] : []),
    ['timeline', 'Timeline'],
  ];
  const shown = new Set(sections.map(([key]) => key));
  const enc = encodeURIComponent(entity.id);
  return (
    <article className="entity" data-entity={entity.id}>
      <header className="entity-head">
        <p className="kicker">
          {entity.schema_label} {entity.sanctioned ? <SanctionedBadge /> : null} {entity.synthetic ? <SyntheticBadge /> : null}
        </p>
        <h1>{entity.caption}</h1>
        <p className="meta">
          <DatasetTags datasets={entity.datasets} /> · first seen {day(entity.first_seen)} · last changed {day(entity.last_change)} · <code>{entity.id}</code>
        </p>
        <p className="actions">
          {party ? (
            <>
              <Link to={`/network/${enc}`} className="button">
                Network
              </Link>{' '}
            </>
          ) : null}
          <Link to={`/report/${enc}`} className="button">
            Case report
          </Link>
        </p>
        <nav className="toc" aria-label="Sections">
          {sections.map(([key, label]) => (
            <a key={key} href={`#${key}`}>
              {label}
            </a>
          ))}
        </nav>
      </header>

      {shipment ? <ShipmentCard s={shipment} /> : null}

      {shown.has('names') ? (
        <section id="names" className="panel">
          <h2>Names</h2>
          {names.length ? <PropertyTable rows={names} caption="Names and aliases" /> : <Empty>No names recorded.</Empty>}
        </section>
      ) : null}

      {shown.has('sanctions') ? (
        <section id="sanctions" className="panel">
          <h2>Sanctions</h2>
          {sanctions.length ? sanctions.flatMap((g) => g.items).map((s) => <SanctionCard key={s.id} item={s} />) : <Empty>No sanction entry refers to this entity.</Empty>}
        </section>
      ) : null}

      <section id="flags" className="panel">
        <h2>Flags</h2>
        <EntityFlags id={entity.id} />
      </section>

      <section id="properties" className="panel">
        <h2>Properties and their sources</h2>
        {other.length ? <PropertyTable rows={other} caption="Properties" /> : <Empty>No other properties.</Empty>}
      </section>

      {shown.has('relations') ? (
        <section id="relations" className="panel">
          <h2>Relations</h2>
          {links.length ? links.map((g) => <RelationTable key={g.key} group={g} />) : <Empty>No ownership, family, link or other relation refers to this entity.</Empty>}
        </section>
      ) : null}

      {shipments.total ? (
        <section id="shipments" className="panel">
          <h2>Shipments</h2>
          <ShipmentTable shipments={shipments} />
        </section>
      ) : null}

      {shown.has('hits') ? (
        <section id="hits" className="panel">
          <h2>Screening hits</h2>
          <p className="muted">This entity screened against every loaded list (itself left out): the same party listed elsewhere, or namesakes.</p>
          {hits.length ? <HitList hits={hits} /> : <Empty>No other listed entity scores above the cut-off.</Empty>}
        </section>
      ) : null}

      <section id="timeline" className="panel">
        <h2>Timeline</h2>
        <Timeline detail={detail} />
      </section>
    </article>
  );
}

/** "TIER_3_A" → "CHPL tier 3.A". */
export function ChplTag({ tier }: { tier: string | null }) {
  if (!tier) return null;
  const t = tier.replace(/^TIER_/, '').replace(/_/g, '.');
  return (
    <span className="tag chpl" title="on the Common High Priority List of goods Russia's weapons need">
      CHPL tier {t}
    </span>
  );
}

function Party({ party }: { party: PartyRef | null }) {
  if (!party) return <>—</>;
  return (
    <>
      <EntityLink id={party.id} caption={party.caption} synthetic={party.synthetic} /> {party.sanctioned ? <SanctionedBadge /> : null}
    </>
  );
}

const route = (s: ShipmentFacts) =>
  [s.departure, s.transit, s.destination]
    .filter((c): c is string => !!c)
    .map((c) => c.toUpperCase())
    .join(' → ');

/** The page of a customs line: what went from whom to whom, when, and what the goods are. */
function ShipmentCard({ s }: { s: ShipmentFacts }) {
  return (
    <section id="shipment" className="panel shipment" data-testid="shipment" data-hs={s.hs_code ?? ''} data-quantity={s.quantity ?? ''}>
      <h2>Shipment {s.synthetic ? <SyntheticBadge /> : null}</h2>
      <dl className="facts">
        <div>
          <dt>date</dt>
          <dd>{s.date ?? '—'}</dd>
        </div>
        <div>
          <dt>sender</dt>
          <dd>
            <Party party={s.sender} />
          </dd>
        </div>
        <div>
          <dt>receiver</dt>
          <dd>
            <Party party={s.receiver} />
          </dd>
        </div>
        <div>
          <dt>goods</dt>
          <dd>
            {s.hs_code ? <code className="hs">HS {s.hs_code}</code> : null} {s.hs_description ?? ''} <ChplTag tier={s.chpl_tier} />
            {s.goods ? <div className="muted">declared as: {s.goods}</div> : null}
          </dd>
        </div>
        <div>
          <dt>quantity</dt>
          <dd className="quantity">
            {num(s.quantity)} {s.unit ?? ''}
          </dd>
        </div>
        <div>
          <dt>value</dt>
          <dd>
            {num(s.value)} {s.currency ?? ''}
          </dd>
        </div>
        <div>
          <dt>route</dt>
          <dd>
            {route(s) || '—'}
            {s.origin ? <span className="muted"> (origin {s.origin.toUpperCase()})</span> : null}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** A party's customs lines: sortable, filterable, goods described and CHPL tiers marked. */
function ShipmentTable({ shipments }: { shipments: EntityDetail['shipments'] }) {
  const columns: Column<ShipmentRow>[] = [
    { key: 'date', label: 'date', value: (r) => r.date ?? '', render: (r) => <Link to={`/entity/${encodeURIComponent(r.id)}`}>{r.date ?? 'undated'}</Link> },
    { key: 'role', label: 'role', value: (r) => (r.role === 'sent' ? 'sent to' : r.role === 'received' ? 'received from' : r.role) },
    {
      key: 'counterparty',
      label: 'counterparty',
      value: (r) => r.counterparty?.caption ?? `${r.sender?.caption ?? ''} → ${r.receiver?.caption ?? ''}`,
      render: (r) =>
        r.counterparty ? (
          <Party party={r.counterparty} />
        ) : (
          <>
            <Party party={r.sender} /> → <Party party={r.receiver} />
          </>
        ),
    },
    {
      key: 'goods',
      label: 'goods',
      value: (r) => `${r.hs_code ?? ''} ${r.hs_description ?? ''} ${r.goods ?? ''}`,
      render: (r) => (
        <>
          <code>{r.hs_code ?? '—'}</code> {r.hs_description ?? r.goods ?? ''}
        </>
      ),
    },
    { key: 'chpl', label: 'CHPL', value: (r) => r.chpl_tier ?? '', render: (r) => <ChplTag tier={r.chpl_tier} /> },
    { key: 'quantity', label: 'quantity', value: (r) => r.quantity ?? -1, render: (r) => `${num(r.quantity)} ${r.unit ?? ''}`, numeric: true },
    { key: 'value', label: 'value', value: (r) => r.value ?? -1, render: (r) => `${num(r.value)} ${r.currency ?? ''}`, numeric: true },
    { key: 'route', label: 'route', value: route },
  ];
  return (
    <>
      <p className="lede">
        {num(shipments.total)} customs lines:{' '}
        {Object.entries(shipments.roles)
          .map(([role, n]) => `${num(n)} ${role}`)
          .join(', ')}
        {shipments.rows.length < shipments.total ? `; the newest ${num(shipments.rows.length)} listed` : ''}.
      </p>
      <SortableTable rows={shipments.rows} columns={columns} rowKey={(r) => r.id} caption="Shipments" />
    </>
  );
}

function Sources({ sources }: { sources: Source[] }) {
  return (
    <ul className="sources">
      {sources.map((s, i) => (
        <li key={i} className={s.current ? undefined : 'stale'}>
          <DatasetTag name={s.dataset} /> {s.first_version === s.last_version ? s.first_version : `${s.first_version} → ${s.last_version}`} · record{' '}
          <code>{s.record}</code>
          {s.current ? null : <span className="warn"> no longer in the current version</span>}
        </li>
      ))}
    </ul>
  );
}

function PropertyTable({ rows, caption }: { rows: PropertyValues[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="props">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">property</th>
            <th scope="col">value</th>
            <th scope="col">source (dataset, version, record)</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((p) =>
            p.values.map((v, i) => (
              <tr key={`${p.prop}-${i}`} data-prop={p.prop}>
                {i === 0 ? (
                  <th scope="row" rowSpan={p.values.length}>
                    {p.label}
                  </th>
                ) : null}
                <td>
                  <Value value={v.value} type={p.type} entity={v.ref} />
                </td>
                <td data-label="source">
                  <Sources sources={v.sources} />
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

const SANCTION_FIELDS = ['program', 'programId', 'authority', 'listingDate', 'startDate', 'endDate', 'modifiedAt', 'provisions', 'reason', 'summary', 'status', 'duration', 'unscId', 'country'];

function SanctionCard({ item }: { item: RelationItem }) {
  const p = item.properties;
  const url = (p['sourceUrl'] ?? []).map(safeUrl).find((u): u is string => !!u);
  return (
    <div className="card sanction" data-sanction={item.id}>
      <h3>
        {(p['program'] ?? p['authority'] ?? ['Sanction'])[0]} <DatasetTags datasets={item.datasets} />
        {item.synthetic ? <> <SyntheticBadge /></> : null}
      </h3>
      <dl>
        {SANCTION_FIELDS.filter((f) => p[f]?.length && !(f === 'program' && p[f]!.length === 1)).map((f) => (
          <div key={f}>
            <dt>{item.labels[f] ?? f}</dt>
            <dd>{(f === 'country' ? p[f]!.map(country) : p[f]!).join('; ')}</dd>
          </div>
        ))}
        {url ? (
          <div>
            <dt>Source</dt>
            <dd>
              <a href={url} target="_blank" rel="noopener noreferrer nofollow">
                {url}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

const DATE_PROPS = ['startDate', 'endDate', 'date'];
const SKIP_PROPS = new Set(['sourceUrl', 'recordId']);

function RelationTable({ group }: { group: RelationGroup }) {
  const extra = useMemo(() => {
    const keys = new Set<string>();
    for (const it of group.items) for (const k of Object.keys(it.properties)) if (!DATE_PROPS.includes(k) && !SKIP_PROPS.has(k)) keys.add(k);
    return [...keys].slice(0, 4);
  }, [group]);
  const labels = group.items[0]?.labels ?? {};
  const columns: Column<RelationItem>[] = [
    {
      key: 'party',
      label: 'party',
      value: (r) => r.parties.map((p) => p.caption).join(', '),
      render: (r) =>
        r.parties.length ? (
          <ul className="plain">
            {r.parties.map((p) => (
              <li key={p.prop + p.id}>
                <EntityLink id={p.id} caption={p.caption} /> <span className="muted">({p.label.toLowerCase()})</span>
              </li>
            ))}
          </ul>
        ) : (
          '—'
        ),
    },
    ...extra.map((k) => ({ key: k, label: (labels[k] ?? k).toLowerCase(), value: (r: RelationItem) => (r.properties[k] ?? []).join('; ') })),
    { key: 'from', label: 'from', value: (r) => (r.properties['startDate'] ?? r.properties['date'] ?? []).join('; ') },
    { key: 'to', label: 'to', value: (r) => (r.properties['endDate'] ?? []).join('; ') },
    { key: 'datasets', label: 'dataset', value: (r) => r.datasets.join(', '), render: (r) => <DatasetTags datasets={r.datasets} /> },
  ];
  return (
    <div className="relation-group" data-relation={group.schema}>
      <h3>
        {group.label} <span className="count">{group.items.length}</span>
      </h3>
      <SortableTable rows={group.items} columns={columns} rowKey={(r) => r.id} caption={group.label} />
    </div>
  );
}

function HitList({ hits }: { hits: Hit[] }) {
  return (
    <ol className="hits">
      {hits.map((h) => (
        <li key={h.id} className="hit">
          <div className="hit-head">
            <EntityLink id={h.id} caption={h.caption} synthetic={h.synthetic} /> <span className="schema">{h.schema}</span> <Score value={h.score} />{' '}
            {h.match ? <span className="badge match">match</span> : null} <DatasetTags datasets={h.datasets} />
          </div>
          <details>
            <summary>Why it scores {h.score.toFixed(2)}</summary>
            <Explanations lines={featureLines(h.explanations)} />
          </details>
        </li>
      ))}
    </ol>
  );
}

interface Fact {
  date: string;
  what: string;
  source: string;
}

function Timeline({ detail }: { detail: EntityDetail }) {
  const facts = useMemo(() => {
    const out: Fact[] = [];
    for (const p of detail.properties) {
      if (p.type !== 'date') continue;
      for (const v of p.values) out.push({ date: v.value, what: p.label, source: v.sources.map((s) => s.dataset).join(', ') });
    }
    for (const g of detail.relations) {
      for (const it of g.items) {
        for (const [k, values] of Object.entries(it.properties)) {
          if (!/(Date|At|^date)$/.test(k)) continue;
          const about = it.parties.map((p) => p.caption).join(', ') || (it.properties['program'] ?? [])[0] || '';
          for (const v of values) if (looksLikeDate(v)) out.push({ date: v, what: `${g.label}: ${(it.labels[k] ?? k).toLowerCase()}${about ? ` — ${about}` : ''}`, source: it.datasets.join(', ') });
        }
      }
    }
    return out.sort((a, b) => a.date.localeCompare(b.date));
  }, [detail]);
  if (facts.length === 0) return <Empty>No dated fact.</Empty>;
  return (
    <ol className="timeline">
      {facts.map((f, i) => (
        <li key={i}>
          <time dateTime={f.date.slice(0, 10)}>{f.date}</time> <span>{f.what}</span> <span className="muted">({f.source})</span>
        </li>
      ))}
    </ol>
  );
}
