import path from 'node:path';

/** Settings: command-line flags > SANCTRACE_* environment variables > defaults. */
export interface Config {
  db: string;
}

export const DEFAULT_DB = 'sanctrace.duckdb';

export function resolveConfig(flags: { db?: string } = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const db = flags.db ?? env['SANCTRACE_DB'] ?? DEFAULT_DB;
  return { db: db === ':memory:' ? db : path.resolve(db) };
}

/**
 * Whether screenings (API and bulk) are written to the audit log: on by default; off with the
 * `--no-audit` flag or SANCTRACE_AUDIT=off (also 0, false, no).
 */
export function resolveAudit(flag?: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  const value = env['SANCTRACE_AUDIT']?.trim().toLowerCase();
  if (value === undefined || value === '') return true;
  return !['off', '0', 'false', 'no'].includes(value);
}
