/**
 * The API as the UI calls it: same origin, JSON, errors as `{detail}`. A 404 "no such route"
 * means the server has no such feature (yet): views show that plainly instead of failing.
 */
import { useEffect, useState } from 'react';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly unavailable: boolean,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function fail(res: Response): Promise<never> {
  let detail = `${res.status} ${res.statusText}`;
  try {
    const body = (await res.json()) as { detail?: unknown };
    if (typeof body.detail === 'string') detail = body.detail;
  } catch {
    /* not JSON: keep the status line */
  }
  throw new ApiError(res.status, detail, res.status === 404 && detail.startsWith('no such route'));
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, `the server cannot be reached (${(e as Error).message})`, false);
  }
  if (!res.ok) return fail(res);
  return (await res.json()) as T;
}

export async function send<T>(method: string, url: string, body: unknown, contentType = 'application/json'): Promise<{ data: T; headers: Headers }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { 'content-type': contentType, accept: 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, `the server cannot be reached (${(e as Error).message})`, false);
  }
  if (!res.ok) return fail(res);
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json');
  return { data: (json ? JSON.parse(text) : text) as T, headers: res.headers };
}

// GET answers are kept for a short while: going back to a view is instant.
const cache = new Map<string, { at: number; data: unknown }>();
const CACHE_MS = 60_000;

export function invalidate(prefix: string): void {
  for (const key of cache.keys()) if (key.startsWith(prefix)) cache.delete(key);
}

export interface Loaded<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
}

/** GETs `url` (null: nothing to load) and re-renders with the answer, the error or the loading state. */
export function useApi<T>(url: string | null): Loaded<T> {
  const cached = url ? cache.get(url) : undefined;
  const fresh = cached && Date.now() - cached.at < CACHE_MS ? (cached.data as T) : undefined;
  const [state, setState] = useState<{ url: string | null } & Loaded<T>>({ url, data: fresh, loading: !!url && !fresh });
  useEffect(() => {
    if (!url) return setState({ url, loading: false });
    const hit = cache.get(url);
    if (hit && Date.now() - hit.at < CACHE_MS) return setState({ url, data: hit.data as T, loading: false });
    const abort = new AbortController();
    setState({ url, loading: true });
    getJson<T>(url, abort.signal).then(
      (data) => {
        cache.set(url, { at: Date.now(), data });
        setState({ url, data, loading: false });
      },
      (error: Error) => {
        if (error.name === 'AbortError') return;
        setState({ url, error: error instanceof ApiError ? error : new ApiError(0, error.message, false), loading: false });
      },
    );
    return () => abort.abort();
  }, [url]);
  // While a new url loads, the previous answer is not shown as if it were the new one.
  if (state.url !== url) return { loading: !!url && !fresh, data: fresh };
  return state;
}
