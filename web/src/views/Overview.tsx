/** What the store holds: datasets with their versions and deltas; top hubs and flagged entities when the server has them. */
import { useApi } from '../api';
import { SyntheticBadge } from '../components/entity';
import { Empty, Loaded } from '../components/status';
import { day, num } from '../format';
import { href, Link } from '../router';
import type { DatasetInfo } from '../types';
import { TopFlags } from './Flags';
import { TopHubs } from './hubs';

export function Overview() {
  const datasets = useApi<{ datasets: DatasetInfo[] }>('/api/datasets');
  return (
    <section className="overview">
      <h1>Overview</h1>
      <div className="panel">
        <h2>Datasets loaded</h2>
        <Loaded state={datasets} what="the datasets">
          {({ datasets: list }) => (list.length ? <DatasetTable datasets={list} /> : <Empty>The store holds no dataset yet: run <code>sanctrace demo</code> or <code>sanctrace ingest</code>.</Empty>)}
        </Loaded>
      </div>
      <div className="grid-2">
        <div className="panel">
          <h2>Top trade hubs</h2>
          <TopHubs limit={8} />
        </div>
        <div className="panel">
          <h2>Top flagged entities</h2>
          <TopFlags limit={8} />
        </div>
      </div>
    </section>
  );
}

function DatasetTable({ datasets }: { datasets: DatasetInfo[] }) {
  const total = datasets.reduce((n, d) => n + d.entities, 0);
  return (
    <>
      <p className="lede">
        {datasets.length} datasets, {num(total)} entities.
      </p>
      <div className="table-wrap">
        <table className="datasets">
          <thead>
            <tr>
              <th scope="col">dataset</th>
              <th scope="col">version</th>
              <th scope="col">loaded</th>
              <th scope="col" className="num">records</th>
              <th scope="col" className="num">entities</th>
              <th scope="col">last delta</th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((d) => {
              const latest = d.versions[0];
              return (
                <tr key={d.name} data-dataset={d.name}>
                  <td data-label="dataset">
                    <Link to={href('/search', { dataset: d.name })} title={`search in ${d.name}`}>
                      {d.title}
                    </Link>
                    {d.synthetic ? <> <SyntheticBadge /></> : null}
                    <div className="muted">
                      {d.name} · {d.format}
                    </div>
                  </td>
                  <td data-label="version">
                    {d.version}
                    {d.versions.length > 1 ? (
                      <details>
                        <summary>{d.versions.length} versions</summary>
                        <ol className="versions">
                          {d.versions.map((v) => (
                            <li key={v.seq}>
                              {v.version} ({day(v.loaded_at)}): {num(v.entities)} entities, +{num(v.added)} −{num(v.removed)} ~{num(v.changed)}
                            </li>
                          ))}
                        </ol>
                      </details>
                    ) : null}
                    {d.indexed_version !== null && d.indexed_version !== d.version ? <div className="warn">screening index holds {d.indexed_version}</div> : null}
                  </td>
                  <td data-label="loaded">{day(d.loaded_at)}</td>
                  <td data-label="records" className="num">{num(d.records)}</td>
                  <td data-label="entities" className="num">{num(d.entities)}</td>
                  <td data-label="last delta">
                    {latest && d.versions.length > 1 ? (
                      <span className="delta">
                        <span className="added">+{num(latest.added)}</span> <span className="removed">−{num(latest.removed)}</span>{' '}
                        <span className="changed">~{num(latest.changed)}</span>
                      </span>
                    ) : (
                      <span className="muted">first version</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
