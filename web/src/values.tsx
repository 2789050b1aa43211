/** One property value as the UI shows it, by its FtM type. */
import { country } from './format';
import { EntityLink } from './components/entity';
import type { EntityRef } from './types';

/** Only web links are made clickable: a list's `javascript:` text stays text. */
export function safeUrl(value: string): string | null {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function Value({ value, type, entity }: { value: string; type: string; entity?: EntityRef | null }) {
  if (type === 'entity') return entity ? <EntityLink id={entity.id} caption={entity.caption} /> : <code title="not in the store">{value}</code>;
  if (type === 'url') {
    const url = safeUrl(value);
    return url ? (
      <a href={url} target="_blank" rel="noopener noreferrer nofollow">
        {value}
      </a>
    ) : (
      <>{value}</>
    );
  }
  if (type === 'country') return <>{country(value)}</>;
  return <>{value}</>;
}

export const looksLikeDate = (v: string) => /^\d{4}(-\d{2}(-\d{2})?)?([T ][\d:.]+Z?)?$/.test(v);
