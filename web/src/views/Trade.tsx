/**
 * The trade picture: countries ranked as likely diversion hubs with the goods that drive them, and
 * monthly flows per partner with 24 February 2022 marked. Needs the trade routes.
 */
import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type Plugin } from 'chart.js';
import { useApi } from '../api';
import { Empty, Loaded } from '../components/status';
import { SortableTable } from '../components/table';
import { country, num, pct } from '../format';
import { href, useLocation, useQueryUpdate } from '../router';
import { ROUTES } from '../routes';
import { HUBS_FEATURE, type Hub, type HubAnswer } from './hubs';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const GOODS = [
  ['chpl', 'Common High Priority List'],
  ['chpl:tier1', 'CHPL tier 1'],
  ['drones', 'drones'],
  ['all', 'all goods'],
];
/** Countries drawn in the chart: Russia and the best-ranked hubs. */
const CHARTED = 6;

export default function Trade() {
  const { query } = useLocation();
  const update = useQueryUpdate();
  const goods = query.get('goods') ?? 'chpl';
  const hubs = useApi<HubAnswer>(href(ROUTES.hubs, { goods }));
  return (
    <section className="trade">
      <h1>Trade</h1>
      <label>
        Goods{' '}
        <select value={goods} onChange={(e) => update({ goods: e.target.value === 'chpl' ? null : e.target.value })}>
          {GOODS.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <div className="panel">
        <h2>Monthly supplies to Russia and the leading hubs</h2>
        <Loaded state={hubs} what="trade flows" feature={HUBS_FEATURE}>
          {(a) => {
            const charted = a.countries.filter((h) => h.months?.length && (h.rank === null || h.rank <= CHARTED));
            return charted.length ? <FlowChart hubs={charted} currency={a.currency} /> : <Empty>No monthly figures for these goods.</Empty>;
          }}
        </Loaded>
        <p className="muted">The baseline and the later window of the ranking; the dashed line marks 24 February 2022.</p>
      </div>
      <div className="panel">
        <h2>Likely diversion hubs</h2>
        <Loaded state={hubs} what="trade hubs" feature={HUBS_FEATURE}>
          {(a) => {
            const rows = a.countries;
            if (!rows.length) return <Empty>No trade data loaded.{a.notes?.length ? ` ${a.notes.join(' ')}` : ''}</Empty>;
            const currency = a.currency ?? '';
            return (
              <>
              <SortableTable
                rows={rows}
                rowKey={(h: Hub) => h.country}
                caption="Hub ranking"
                initialSort={{ key: 'rank' }}
                columns={[
                  { key: 'rank', label: 'rank', value: (h) => h.rank ?? 0, render: (h) => h.rank ?? 'reference', numeric: true },
                  { key: 'country', label: 'country', value: (h) => country(h.country) },
                  { key: 'score', label: 'score', value: (h) => h.score, render: (h) => h.score.toFixed(2), numeric: true },
                  { key: 'baseline', label: `baseline ${currency}`, value: (h) => h.baseline_value, render: (h) => num(Math.round(h.baseline_value)), numeric: true },
                  { key: 'period', label: `period ${currency}`, value: (h) => h.period_value, render: (h) => num(Math.round(h.period_value)), numeric: true },
                  { key: 'growth', label: 'growth', value: (h) => h.growth ?? -Infinity, render: (h) => (h.growth === null ? '—' : pct(h.growth)), numeric: true },
                  {
                    key: 'drivers',
                    label: 'drivers',
                    value: (h) => h.drivers.map((d) => d.code).join(' '),
                    render: (h) => (
                      <ul className="plain drivers">
                        {h.drivers.slice(0, 3).map((d) => (
                          <li key={d.code}>
                            <code>{d.code}</code> {d.description ?? ''} {d.chpl_tier ? <span className="tag">CHPL {d.chpl_tier}</span> : null}{' '}
                            {d.growth === null ? '' : <span className="muted">{pct(d.growth)}</span>}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
              {a.notes?.length ? (
                <ul className="muted">
                  {a.notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              ) : null}
              </>
            );
          }}
        </Loaded>
      </div>
    </section>
  );
}

/** A vertical line at the invasion (24 Feb 2022), between the February and March 2022 points. */
const invasionMarker: Plugin<'line'> = {
  id: 'invasion',
  afterDatasetsDraw(chart) {
    const labels = chart.data.labels as string[];
    const after = labels.findIndex((l) => l >= '2022-03');
    if (after <= 0) return;
    const scale = chart.scales['x']!;
    const before = labels[after - 1] === '2022-02' ? 23 / 28 : 0.5;
    const x = scale.getPixelForValue(after - 1) + (scale.getPixelForValue(after) - scale.getPixelForValue(after - 1)) * before;
    const { top, bottom } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = '#c0392b';
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    ctx.fillStyle = '#c0392b';
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillText('24 Feb 2022', x + 4, top + 12);
    ctx.restore();
  },
};

const COLOURS = ['#c0392b', '#2563eb', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4b5563', '#65a30d'];

function FlowChart({ hubs, currency }: { hubs: Hub[]; currency: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const periods = [...new Set(hubs.flatMap((h) => (h.months ?? []).map((m) => m.month.slice(0, 7))))].sort();
  const key = hubs.map((h) => h.country).join();
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: periods,
        datasets: hubs.map((h, i) => {
          const byMonth = new Map((h.months ?? []).map((m) => [m.month.slice(0, 7), m.value]));
          const colour = h.country === 'RU' ? '#c0392b' : COLOURS[(i % (COLOURS.length - 1)) + 1]!;
          return {
            label: country(h.country),
            data: periods.map((m) => byMonth.get(m) ?? null),
            borderColor: colour,
            backgroundColor: colour,
            borderWidth: h.country === 'RU' ? 3 : 1.5,
            pointRadius: 2,
            spanGaps: false,
          };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: { y: { beginAtZero: true, title: { display: !!currency, text: currency } } },
      },
      plugins: [invasionMarker],
    });
    // What the chart was given to draw, for tests: series and the points with a value above zero.
    if (box.current) {
      const values = chart.data.datasets.map((d) => (d.data as Array<number | null>).filter((v) => typeof v === 'number' && v > 0).length);
      box.current.dataset['datasets'] = String(chart.data.datasets.length);
      box.current.dataset['nonzeroPoints'] = String(values.reduce((a, b) => a + b, 0));
      box.current.dataset['seriesNonzero'] = chart.data.datasets.map((d, i) => `${d.label}:${values[i]}`).join('|');
      box.current.dataset['invasionMarked'] = String(periods.some((m) => m >= '2022-03') && periods.some((m) => m < '2022-03'));
    }
    return () => chart.destroy();
  }, [key, periods.join()]);
  return (
    <div ref={box} className="chart" data-series={hubs.length} data-points={periods.length}>
      <canvas ref={canvas} role="img" aria-label={`Monthly values for ${hubs.map((h) => country(h.country)).join(', ')}, ${periods[0]} to ${periods[periods.length - 1]}`} />
    </div>
  );
}
