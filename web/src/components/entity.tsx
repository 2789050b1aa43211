/** How an entity is named and marked everywhere: link, schema, datasets, sanctioned, SYNTHETIC. */
import { Link } from '../router';

/** Datasets made up by the demo's world generator: everything from them is marked. */
export const SYNTHETIC_DATASETS = ['demo-synthetic'];
export const isSyntheticDataset = (d: string) => SYNTHETIC_DATASETS.includes(d);

export function SyntheticBadge() {
  return (
    <span className="badge synthetic" title="Made-up data from the demo's synthetic world, not a real party">
      SYNTHETIC
    </span>
  );
}

export function SanctionedBadge() {
  return <span className="badge sanctioned">sanctioned</span>;
}

export function DatasetTag({ name }: { name: string }) {
  return (
    <span className={isSyntheticDataset(name) ? 'tag dataset synthetic' : 'tag dataset'} title={`dataset ${name}`}>
      {name}
      {isSyntheticDataset(name) ? ' · SYNTHETIC' : ''}
    </span>
  );
}

export function DatasetTags({ datasets }: { datasets: string[] }) {
  return (
    <span className="tags">
      {datasets.map((d) => (
        <DatasetTag key={d} name={d} />
      ))}
    </span>
  );
}

export const entityPath = (id: string) => `/entity/${encodeURIComponent(id)}`;

export function EntityLink({ id, caption, synthetic }: { id: string; caption: string; synthetic?: boolean }) {
  return (
    <>
      <Link to={entityPath(id)}>{caption || id}</Link>
      {synthetic ? <> <SyntheticBadge /></> : null}
    </>
  );
}

export function Score({ value }: { value: number }) {
  const level = value >= 0.9 ? 'high' : value >= 0.7 ? 'mid' : 'low';
  return <span className={`score ${level}`}>{value.toFixed(2)}</span>;
}
