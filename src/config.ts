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
