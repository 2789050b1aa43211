import { createHash } from 'node:crypto';

const SAFE_KEY = /^[A-Za-z0-9._-]{1,40}$/;

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Deterministic entity id from the dataset name and the source's own key parts: the same source
 * record always gets the same id, so a re-ingest of a newer file lines up with the old one.
 * Short, safe keys stay readable (`ofac-sdn-36`); anything else is hashed.
 */
export function makeId(dataset: string, ...keyParts: Array<string | number>): string {
  if (keyParts.length === 0) throw new Error('makeId needs at least one key part');
  const prefix = slug(dataset) || 'x';
  const parts = keyParts.map((k) => String(k).trim());
  if (parts.length === 1 && SAFE_KEY.test(parts[0]!)) return `${prefix}-${parts[0]!.toLowerCase()}`;
  const digest = createHash('sha1').update(parts.join('\u001f')).digest('hex').slice(0, 24);
  return `${prefix}-${digest}`;
}
