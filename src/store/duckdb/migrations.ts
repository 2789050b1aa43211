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
];
