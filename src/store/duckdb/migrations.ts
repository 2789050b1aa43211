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
  {
    version: 3,
    name: 'trade flows',
    // Trade tables are datasets too (kind 'trade'): their versions are rows of dataset_versions
    // (records = data lines read, statements = rows stored; the load report holds the rest), their
    // rows live in trade_flows. Only the current version's rows are kept. Months are indexes
    // (year * 12 + month - 1); an annual row has months = 12. own_value is the row's value minus
    // the values of the more detailed rows under it in the same table (an HS4 row over its CN8
    // rows), so that summing own_value never counts a flow twice and loses nothing; reporters and
    // partners that are not countries are marked by their kind. Values are decimals (cents) so
    // that sums do not depend on the order DuckDB adds them in.
    sql: `
      ALTER TABLE datasets ADD COLUMN kind VARCHAR DEFAULT 'entities';
      CREATE TABLE trade_flows (
        dataset VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        file SMALLINT NOT NULL,
        line BIGINT NOT NULL,
        period VARCHAR NOT NULL,
        month0 INTEGER NOT NULL,
        months SMALLINT NOT NULL,
        reporter VARCHAR NOT NULL,
        reporter_kind VARCHAR NOT NULL,
        partner VARCHAR NOT NULL,
        partner_kind VARCHAR NOT NULL,
        partner2 VARCHAR,
        flow VARCHAR NOT NULL,
        nomenclature VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        level VARCHAR NOT NULL,
        value DECIMAL(18, 2) NOT NULL,
        own_value DECIMAL(18, 2) NOT NULL,
        subtotal BOOLEAN NOT NULL,
        currency VARCHAR NOT NULL,
        value_basis VARCHAR,
        value_cif DECIMAL(18, 2),
        value_fob DECIMAL(18, 2),
        quantity DOUBLE,
        unit VARCHAR,
        net_weight_kg DOUBLE,
        source VARCHAR NOT NULL
      );
      CREATE TABLE trade_codes (
        dataset VARCHAR NOT NULL,
        nomenclature VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        description VARCHAR NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'trade metadata',
    // What a trade dataset holds, written at load so that queries need not scan its rows to know:
    // every code with its row count (trade_codes), and every reporter/partner/flow/currency
    // combination with its months and years (trade_parties).
    sql: `
      ALTER TABLE trade_codes ADD COLUMN rows BIGINT DEFAULT 0;
      ALTER TABLE trade_codes ALTER COLUMN description DROP NOT NULL;
      CREATE TABLE trade_parties (
        dataset VARCHAR NOT NULL,
        reporter VARCHAR NOT NULL,
        reporter_kind VARCHAR NOT NULL,
        partner VARCHAR NOT NULL,
        partner_kind VARCHAR NOT NULL,
        flow VARCHAR NOT NULL,
        currency VARCHAR NOT NULL,
        rows BIGINT NOT NULL,
        first_month INTEGER,
        last_month INTEGER,
        first_year INTEGER,
        last_year INTEGER
      );
    `,
  },
  {
    version: 5,
    name: 'trade flows: kinds as enums, source per file',
    // Writing a string column costs as much as reading it back saves: the kinds, flows, levels and
    // value bases become enums, the period is read from month0/months, and the source is kept once
    // per file (trade_files) instead of on every row.
    sql: `
      CREATE TYPE trade_flow_kind AS ENUM ('import', 'export', 're-export', 're-import', 'domestic-export', 'foreign-import');
      CREATE TYPE trade_area_kind AS ENUM ('country', 'aggregate', 'unspecified', 'confidential', 'special');
      CREATE TYPE trade_code_level AS ENUM ('TOTAL', 'HS2', 'HS4', 'HS6', 'CN8', 'NAT8', 'NAT10', 'CONF');
      CREATE TYPE trade_value_basis AS ENUM ('CIF', 'FOB');
      CREATE TABLE trade_files (
        dataset VARCHAR NOT NULL,
        file SMALLINT NOT NULL,
        path VARCHAR NOT NULL,
        layout VARCHAR NOT NULL,
        source VARCHAR NOT NULL
      );
      INSERT INTO trade_files SELECT dataset, file, '', '', any_value(source) FROM trade_flows GROUP BY dataset, file;
      ALTER TABLE trade_flows DROP COLUMN source;
      ALTER TABLE trade_flows DROP COLUMN period;
      ALTER TABLE trade_flows ALTER COLUMN flow TYPE trade_flow_kind;
      ALTER TABLE trade_flows ALTER COLUMN reporter_kind TYPE trade_area_kind;
      ALTER TABLE trade_flows ALTER COLUMN partner_kind TYPE trade_area_kind;
      ALTER TABLE trade_flows ALTER COLUMN level TYPE trade_code_level;
      ALTER TABLE trade_flows ALTER COLUMN value_basis TYPE trade_value_basis;
    `,
  },
  {
    version: 6,
    name: 'red flags, risk ranking, reviews and cross-reference links',
    // These tables were first created on use by src/store/duckdb/flags.ts (CREATE ... IF NOT
    // EXISTS, before this migration existed): the same statements, still IF NOT EXISTS, so that a
    // store that already has them keeps them and their rows. flag_runs holds one row per run (its
    // summary as JSON text); flags, entity_scores and route_scores the latest run only;
    // flag_reviews is append-only; crossref_runs keeps the dataset versions and settings of each
    // cross-reference run, crossref_links its links (never merges).
    sql: `
      CREATE SEQUENCE IF NOT EXISTS flag_run_ids START 1;
      CREATE TABLE IF NOT EXISTS flag_runs (
        id INTEGER PRIMARY KEY,
        created_at TIMESTAMP NOT NULL,
        config_hash VARCHAR NOT NULL,
        input_hash VARCHAR NOT NULL,
        summary VARCHAR NOT NULL
      );
      CREATE TABLE IF NOT EXISTS flags (
        run_id INTEGER NOT NULL,
        entity_id VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        severity VARCHAR NOT NULL,
        score DOUBLE NOT NULL,
        summary VARCHAR NOT NULL,
        evidence VARCHAR NOT NULL,
        route VARCHAR,
        countries VARCHAR[],
        goods VARCHAR[]
      );
      CREATE TABLE IF NOT EXISTS entity_scores (
        run_id INTEGER NOT NULL,
        entity_id VARCHAR NOT NULL,
        caption VARCHAR NOT NULL,
        schema VARCHAR NOT NULL,
        country VARCHAR,
        datasets VARCHAR[] NOT NULL,
        listed BOOLEAN NOT NULL,
        list_only BOOLEAN NOT NULL,
        score DOUBLE NOT NULL,
        rank INTEGER NOT NULL,
        flag_count INTEGER NOT NULL,
        codes VARCHAR[] NOT NULL,
        terms VARCHAR NOT NULL,
        first_reason VARCHAR NOT NULL
      );
      CREATE TABLE IF NOT EXISTS route_scores (
        run_id INTEGER NOT NULL,
        id VARCHAR NOT NULL,
        supplier VARCHAR,
        intermediary VARCHAR NOT NULL,
        buyer VARCHAR,
        score DOUBLE NOT NULL,
        rank INTEGER NOT NULL,
        data VARCHAR NOT NULL
      );
      CREATE SEQUENCE IF NOT EXISTS flag_review_ids START 1;
      CREATE TABLE IF NOT EXISTS flag_reviews (
        id INTEGER PRIMARY KEY,
        entity_id VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        reviewer VARCHAR NOT NULL,
        status VARCHAR NOT NULL,
        note VARCHAR NOT NULL,
        run_id INTEGER,
        score DOUBLE
      );
      CREATE SEQUENCE IF NOT EXISTS crossref_run_ids START 1;
      CREATE TABLE IF NOT EXISTS crossref_runs (
        id INTEGER PRIMARY KEY,
        created_at TIMESTAMP NOT NULL,
        list_versions VARCHAR NOT NULL,
        subject_versions VARCHAR NOT NULL,
        settings VARCHAR NOT NULL,
        stats VARCHAR NOT NULL
      );
      CREATE TABLE IF NOT EXISTS crossref_links (
        subject_id VARCHAR NOT NULL,
        subject_dataset VARCHAR NOT NULL,
        subject_caption VARCHAR NOT NULL,
        listed_id VARCHAR NOT NULL,
        listed_caption VARCHAR NOT NULL,
        listed_datasets VARCHAR[] NOT NULL,
        score DOUBLE NOT NULL,
        match BOOLEAN NOT NULL,
        explanations VARCHAR NOT NULL,
        run_id INTEGER NOT NULL
      );
    `,
  },
];
