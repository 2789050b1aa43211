import { isA } from '../model/ftm.js';
import type { Store } from '../store/store.js';
import { formatNumber, printJson, table } from './output.js';

function isParty(schema: string): boolean {
  try {
    return isA(schema, 'LegalEntity') || isA(schema, 'Vehicle');
  } catch {
    return false;
  }
}

export async function deltaCommand(
  store: Store,
  dataset: string,
  flags: { from?: string; to?: string; format?: string; limit?: string },
): Promise<void> {
  const delta = await store.delta(dataset, flags.from, flags.to);
  if (flags.format === 'json') {
    printJson(delta);
    return;
  }
  const out: string[] = [
    `${dataset}: ${delta.from ?? '(empty)'} → ${delta.to}: ${formatNumber(delta.added)} added, ` +
      `${formatNumber(delta.removed)} removed, ${formatNumber(delta.changed)} changed entities`,
    '',
    table(
      Object.entries(delta.bySchema)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([schema, c]) => ({ schema, ...c })),
      ['schema', 'added', 'removed', 'changed'],
    ),
  ];
  const limit = Number(flags.limit ?? 20);
  // listed parties first, then their sanctions, addresses, identifications and links
  const rank = (schema: string) => (isParty(schema) ? 0 : 1);
  for (const kind of ['added', 'removed', 'changed'] as const) {
    const list = delta.entities
      .filter((e) => e.change === kind)
      .sort((a, b) => rank(a.schema) - rank(b.schema) || a.caption.localeCompare(b.caption));
    if (!list.length) continue;
    out.push('', `${kind} (${formatNumber(list.length)}${list.length > limit ? `, first ${limit}` : ''}):`);
    for (const e of list.slice(0, limit)) {
      const props = e.properties?.map((p) => p.prop).join(', ');
      out.push(`  ${e.id}  ${e.schema}  ${e.caption}${props ? `  [${props}]` : ''}`);
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}
