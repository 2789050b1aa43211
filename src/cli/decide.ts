import { userInfo } from 'node:os';
import { UsageError } from '../sources/errors.js';
import type { Decision, DecisionKind, Store } from '../store/store.js';
import { printJson } from './output.js';

export interface DecideFlags {
  queryId: string;
  entity: string;
  decision: string;
  note?: string;
  reviewer?: string;
  format?: string;
}

function defaultReviewer(): string {
  const env = process.env['SANCTRACE_REVIEWER']?.trim();
  if (env) return env;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * `sanctrace decide`: records a reviewer decision. `--query-id` is an audit log entry id (the
 * `log_id` of a screening) or a query fingerprint (32 hex characters).
 */
export async function decideCommand(store: Store, flags: DecideFlags): Promise<Decision> {
  if (!['false_positive', 'match'].includes(flags.decision)) {
    throw new UsageError(`--decision must be false_positive or match, not "${flags.decision}"`);
  }
  const ref = flags.queryId.trim();
  let fingerprint: string;
  let queryKey: string | null = null;
  let logId: number | null = null;
  if (/^\d+$/.test(ref)) {
    const entry = await store.getScreeningLogEntry(Number(ref));
    if (!entry) throw new UsageError(`no screening log entry ${ref} (see: sanctrace log)`);
    fingerprint = entry.query_fingerprint;
    queryKey = entry.query_key;
    logId = entry.id;
    if (!entry.results.some((r) => r.entity_id === flags.entity)) {
      process.stderr.write(`sanctrace: note: ${flags.entity} is not among the results of log entry ${ref}\n`);
    }
  } else if (/^[0-9a-f]{32}$/.test(ref)) {
    fingerprint = ref;
  } else {
    throw new UsageError(`--query-id must be a screening log entry id or a query fingerprint (32 hex characters), not "${ref}"`);
  }
  const hash = (await store.entityHashes([flags.entity])).get(flags.entity);
  if (!hash) throw new UsageError(`no entity "${flags.entity}" in the store`);
  const reviewer = (flags.reviewer ?? defaultReviewer()).trim();
  if (!reviewer) throw new UsageError('--reviewer is empty');
  const decision = await store.addDecision({
    query_fingerprint: fingerprint,
    query_key: queryKey,
    log_id: logId,
    entity_id: flags.entity,
    entity_hash: hash,
    decision: flags.decision as DecisionKind,
    reviewer,
    note: flags.note ?? '',
  });
  if (flags.format === 'json') printJson(decision);
  else {
    process.stdout.write(
      `decision ${decision.id}: ${decision.decision} — ${decision.entity_id} for query ${decision.query_fingerprint}` +
        `${logId ? ` (log entry ${logId})` : ''} by ${decision.reviewer}\n`,
    );
  }
  return decision;
}
