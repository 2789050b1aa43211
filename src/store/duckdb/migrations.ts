/**
 * Schema migrations, versioned in code: each runs once, in order, inside a transaction, and is
 * recorded in schema_migrations. Never edit a released migration; add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'datasets, versions and statements',
    sql: `
      CREATE TABLE datasets (
        name VARCHAR PRIMARY KEY,
        format VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL
      );
      CREATE TABLE dataset_versions (
        dataset VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        version VARCHAR NOT NULL,
        format VARCHAR NOT NULL,
        loaded_at TIMESTAMP NOT NULL,
        records INTEGER NOT NULL,
        entities INTEGER NOT NULL,
        statements INTEGER NOT NULL,
        content_hash VARCHAR NOT NULL,
        files VARCHAR NOT NULL,
        report VARCHAR NOT NULL,
        added INTEGER NOT NULL,
        removed INTEGER NOT NULL,
        changed INTEGER NOT NULL,
        PRIMARY KEY (dataset, seq),
        UNIQUE (dataset, version)
      );
      -- Statement history as validity intervals over version sequence numbers: a statement is
      -- part of version n of its dataset when first_seq <= n <= last_seq.
      CREATE TABLE statements (
        dataset VARCHAR NOT NULL,
        entity_id VARCHAR NOT NULL,
        schema VARCHAR NOT NULL,
        prop VARCHAR NOT NULL,
        value VARCHAR NOT NULL,
        norm VARCHAR,
        record_key VARCHAR NOT NULL,
        first_seq INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        first_seen TIMESTAMP NOT NULL,
        last_seen TIMESTAMP NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'screening log and reviewer decisions',
    // Both tables are append-only: the Store offers no update or delete for them. Ids are
    // allocated by the store (max + 1 under its write lock); JSON is kept as text so the SQL
    // stays portable to PostgreSQL.
    sql: `
      CREATE TABLE screening_log (
        id BIGINT PRIMARY KEY,
        screened_at TIMESTAMP NOT NULL,
        source VARCHAR NOT NULL CHECK (source IN ('api', 'bulk', 'cli')),
        query_key VARCHAR,
        query_fingerprint VARCHAR NOT NULL,
        query VARCHAR NOT NULL,
        dataset_versions VARCHAR NOT NULL,
        algorithm VARCHAR NOT NULL,
        algorithm_version VARCHAR NOT NULL,
        config_hash VARCHAR NOT NULL,
        results VARCHAR NOT NULL
      );
      CREATE TABLE decisions (
        id BIGINT PRIMARY KEY,
        decided_at TIMESTAMP NOT NULL,
        query_fingerprint VARCHAR NOT NULL,
        query_key VARCHAR,
        log_id BIGINT,
        entity_id VARCHAR NOT NULL,
        entity_hash VARCHAR NOT NULL,
        decision VARCHAR NOT NULL CHECK (decision IN ('false_positive', 'match')),
        reviewer VARCHAR NOT NULL,
        note VARCHAR NOT NULL
      );
      CREATE INDEX decisions_by_query ON decisions (query_fingerprint);
    `,
  },
];
