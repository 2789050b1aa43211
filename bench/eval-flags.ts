/**
 * `npm run eval:flags`: the red flags and the ranking against the synthetic world's ground truth
 * (issue 7's figures): recall of the planted hub intermediaries in the top 50 of the worklist,
 * precision of the top 50, expected and defining flags raised, decoy violations. Works on the
 * main job's store (`--db`, default ./sanctrace.duckdb, or env SANCTRACE_DB), running the main
 * job into it first (without serving) when it is not built yet. Prints one JSON object.
 *
 *   npm run eval:flags [-- --db FILE] [--top 50]
 */
import { resolveConfig } from '../src/config.js';
import { buildDemo } from '../src/cli/demo.js';
import { defaultWorldDir, readTruth } from '../src/cli/demo-world.js';
import { checkAgainstTruth } from '../src/flags/truth-check.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { FlagTables } from '../src/store/duckdb/flags.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const db = resolveConfig({ db: arg('db') }).db;
  const top = Number(arg('top') ?? 50);
  const store = await DuckDbStore.open(db);
  try {
    // the main job's own lines go to stderr, the figures to stdout
    await buildDemo(store, db, {}, (line) => process.stderr.write(line + '\n'));
    const { truth } = await readTruth(defaultWorldDir(db));
    const tables = await FlagTables.of(store);
    const { entities } = await tables.worklist({ limit: 1000 });
    const decoyIds = truth.decoys.flatMap((d) => d.entities.map((e) => e.id));
    const flags = await tables.flagsOf(entities.map((e) => e.entity_id).concat(decoyIds));
    const check = checkAgainstTruth(truth, entities, flags, top);
    process.stdout.write(
      JSON.stringify(
        {
          store: db,
          world: truth.generator,
          targets: { recall: 0.9, precision: 0.6 },
          ...check,
        },
        null,
        2,
      ) + '\n',
    );
  } finally {
    await store.close();
  }
}

await main();
