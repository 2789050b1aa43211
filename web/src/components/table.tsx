/** A table sortable by any column (click or Enter on the header) and filterable by text. */
import { useMemo, useState, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  label: string;
  /** sort and filter value */
  value: (row: T) => string | number;
  render?: (row: T) => ReactNode;
  numeric?: boolean;
}

export function SortableTable<T>({
  rows,
  columns,
  rowKey,
  caption,
  filterable = rows.length > 10,
  initialSort,
}: {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  caption?: string;
  filterable?: boolean;
  initialSort?: { key: string; desc?: boolean };
}) {
  const [sort, setSort] = useState<{ key: string; desc: boolean } | null>(initialSort ? { key: initialSort.key, desc: !!initialSort.desc } : null);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    let out = needle ? rows.filter((r) => columns.some((c) => String(c.value(r)).toLowerCase().includes(needle))) : rows;
    const col = sort && columns.find((c) => c.key === sort.key);
    if (col) {
      out = [...out].sort((a, b) => {
        const x = col.value(a);
        const y = col.value(b);
        const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return sort!.desc ? -cmp : cmp;
      });
    }
    return out;
  }, [rows, columns, sort, filter]);
  const toggle = (key: string) => setSort((s) => (s?.key === key ? { key, desc: !s.desc } : { key, desc: false }));
  return (
    <div className="table-wrap">
      {filterable ? (
        <input
          className="table-filter"
          type="search"
          placeholder={`Filter ${rows.length} rows…`}
          aria-label={`Filter ${caption ?? 'rows'}`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      ) : null}
      <table>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={c.numeric ? 'num' : undefined}
                aria-sort={sort?.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
              >
                <button type="button" className="sort" onClick={() => toggle(c.key)}>
                  {c.label}
                  <span aria-hidden="true">{sort?.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined} data-label={c.label}>
                  {c.render ? c.render(r) : c.value(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {filter && shown.length === 0 ? <p className="status empty">No row contains “{filter}”.</p> : null}
    </div>
  );
}
