/** The trade routes' answers, and the top of the hub ranking (for the overview, without the chart library). */
import { useApi } from '../api';
import { Empty, Loaded } from '../components/status';
import { country, pct } from '../format';
import { href, Link } from '../router';
import { ROUTES } from '../routes';

export interface Driver {
  code: string;
  description?: string;
  chpl_tier?: string | null;
  baseline: number;
  period: number;
  growth: number | null;
}

export interface Hub {
  country: string;
  name?: string;
  /** 1 = most likely hub; null for Russia, the reference */
  rank: number | null;
  score: number;
  baseline_value: number;
  period_value: number;
  growth: number | null;
  currency?: string;
  drivers: Driver[];
  months?: Array<{ month: string; window: 'baseline' | 'period'; value: number }>;
}

/** GET /trade/hubs (as `sanctrace hubs --format json`). */
export interface HubAnswer {
  currency: string;
  countries: Hub[];
  windows?: Record<string, unknown>;
  goods?: Record<string, unknown>;
  notes?: string[];
  method?: Record<string, unknown>;
}

export const HUBS_FEATURE = { name: 'Trade-hub ranking', route: `GET ${ROUTES.hubs}` };

export function TopHubs({ limit }: { limit: number }) {
  const state = useApi<HubAnswer>(href(ROUTES.hubs, { goods: 'chpl' }));
  return (
    <Loaded state={state} what="trade hubs" feature={HUBS_FEATURE}>
      {(a) => {
        const hubs = a.countries.filter((h) => h.rank !== null).slice(0, limit);
        return hubs.length ? (
          <ol className="plain ranked">
            {hubs.map((h) => (
              <li key={h.country}>
                <span className="rank">{h.rank}</span> <Link to="/trade">{country(h.country)}</Link> <span className="muted">{h.growth === null ? '' : pct(h.growth)}</span>
              </li>
            ))}
          </ol>
        ) : (
          <Empty>No trade data loaded.</Empty>
        );
      }}
    </Loaded>
  );
}

