/** The layout (header, navigation, quick search) and which view a path shows. */
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { Loading } from './components/status';
import { href, Link, match, navigate, useLocation } from './router';
import { Overview } from './views/Overview';
import { Search } from './views/Search';
import { Entity } from './views/Entity';
import { Screening } from './views/Screening';
import { Flags } from './views/Flags';
import { Report } from './views/Report';

// The graph and chart libraries load only with the views that draw them.
const Network = lazy(() => import('./views/Network'));
const Trade = lazy(() => import('./views/Trade'));

const NAV: Array<{ to: string; label: string; prefix: string }> = [
  { to: '/', label: 'Overview', prefix: '/' },
  { to: '/search', label: 'Search', prefix: '/search' },
  { to: '/screen', label: 'Screening', prefix: '/screen' },
  { to: '/network', label: 'Network', prefix: '/network' },
  { to: '/trade', label: 'Trade', prefix: '/trade' },
  { to: '/flags', label: 'Flags', prefix: '/flags' },
  { to: '/report', label: 'Reports', prefix: '/report' },
];

function View({ path }: { path: string }) {
  let p: Record<string, string> | null;
  if (path === '/') return <Overview />;
  if (path === '/search') return <Search />;
  if ((p = match('/entity/:id', path))) return <Entity id={p['id']!} />;
  if (path === '/screen') return <Screening />;
  if (path === '/network') return <Network />;
  if ((p = match('/network/:id', path))) return <Network id={p['id']!} />;
  if (path === '/trade') return <Trade />;
  if (path === '/flags') return <Flags />;
  if (path === '/report') return <Report />;
  if ((p = match('/report/:id', path))) return <Report id={p['id']!} />;
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{path}</code>. <Link to="/">Go to the overview</Link>.
      </p>
    </section>
  );
}

const TITLES: Array<[RegExp, string]> = [
  [/^\/$/, 'Overview'],
  [/^\/search/, 'Search'],
  [/^\/entity\//, 'Entity'],
  [/^\/screen/, 'Screening'],
  [/^\/network/, 'Network'],
  [/^\/trade/, 'Trade'],
  [/^\/flags/, 'Flags'],
  [/^\/report/, 'Report'],
];

function QuickSearch() {
  const { path, query } = useLocation();
  const [text, setText] = useState(path === '/search' ? (query.get('q') ?? '') : '');
  useEffect(() => {
    if (path === '/search') setText(query.get('q') ?? '');
  }, [path, query]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) navigate(href('/search', { q: text.trim() }));
  };
  return (
    <form className="quick-search" role="search" onSubmit={submit}>
      <label htmlFor="quick-search" className="visually-hidden">
        Search names in any script
      </label>
      <input id="quick-search" type="search" placeholder="Search names, any script…" value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit">Search</button>
    </form>
  );
}

export function App() {
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  const shown = useRef(path);
  useEffect(() => {
    const title = TITLES.find(([re]) => re.test(path))?.[1] ?? 'Not found';
    document.title = `${title} · sanctrace`;
    // After a client-side navigation, keyboard and screen-reader focus moves to the new view.
    if (shown.current !== path) main.current?.focus({ preventScroll: true });
    shown.current = path;
  }, [path]);
  const active = (prefix: string) => (prefix === '/' ? path === '/' : path.startsWith(prefix) || (prefix === '/search' && path.startsWith('/entity/')));
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link to="/" className="brand" aria-label="sanctrace overview">
          sanctrace
        </Link>
        <nav aria-label="Views">
          <ul>
            {NAV.map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={active(n.prefix) ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <QuickSearch />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading what="the view" />}>
          <View path={path} />
        </Suspense>
      </main>
    </>
  );
}
