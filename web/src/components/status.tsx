/** Loading, empty, unavailable and error states, the same on every view. */
import type { ReactNode } from 'react';
import type { ApiError } from '../api';

export function Loading({ what }: { what: string }) {
  return (
    <p className="status loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="status empty">{children}</p>;
}

export function Unavailable({ feature, route }: { feature: string; route: string }) {
  return (
    <div className="status unavailable" data-testid="unavailable">
      <strong>{feature} is not available on this server.</strong> It needs <code>{route}</code>, which this sanctrace
      server does not provide yet.
    </div>
  );
}

export function ErrorBox({ error, what }: { error: ApiError | Error; what: string }) {
  return (
    <div className="status error" role="alert">
      <strong>Could not load {what}:</strong> {error.message}
    </div>
  );
}

/** The three states of a request in one place: loading, failed (or missing feature), or the content. */
export function Loaded<T>({
  state,
  what,
  feature,
  children,
}: {
  state: { data?: T; error?: ApiError; loading: boolean };
  what: string;
  /** when set, a missing route shows as "not available" rather than as an error */
  feature?: { name: string; route: string };
  children: (data: T) => ReactNode;
}) {
  if (state.error) {
    if (feature && state.error.unavailable) return <Unavailable feature={feature.name} route={feature.route} />;
    // A feature's route refusing for lack of data ("no trade datasets in the store…") is an empty state.
    if (feature && (state.error.status === 400 || state.error.status === 404) && /^no .* in the store/.test(state.error.message)) return <Empty>{state.error.message}</Empty>;
    return <ErrorBox error={state.error} what={what} />;
  }
  if (state.loading || state.data === undefined) return <Loading what={what} />;
  return <>{children(state.data)}</>;
}
