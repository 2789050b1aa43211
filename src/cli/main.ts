import { Command, CommanderError, Option } from 'commander';
import { resolveConfig } from '../config.js';
import { SourceError, UsageError } from '../sources/errors.js';
import { formats } from '../sources/registry.js';
import { StoreError } from '../store/store.js';
import { withStore } from './context.js';
import { datasetsCommand } from './datasets.js';
import { deltaCommand } from './delta.js';
import { demoCommand, type DemoFlags } from './demo.js';
import { exportCommand } from './export.js';
import { ingestCommand, tradeIngestCommand } from './ingest.js';
import { isTradeFormat, tradeFormats } from '../sources/trade/registry.js';
import { MatcherLoadError } from '../screening/bulk.js';
import { decideCommand } from './decide.js';
import { decisionsCommand, logCommand } from './log.js';
import { screenCommand } from './screen.js';
import { addDemoWorldCommands } from './demo-world.js';
import { registerNetworkCommands } from './trace.js';
import { registerFlagsCommand } from './flags.js';
import { registerCrossrefCommand } from './crossref.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

function buildProgram(): Command {
  const program = new Command('sanctrace')
    .description('Trace sanctions-evasion supply chains: sanctions lists, screening, trade hubs, routes and red flags.')
    .option('--db <file>', 'store file (env SANCTRACE_DB; default ./sanctrace.duckdb)')
    .exitOverride()
    .showHelpAfterError('(run sanctrace --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const db = () => program.opts<{ db?: string }>();
  const jsonOption = () => new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');

  program
    .command('ingest')
    .description('load a source (a file or a folder; .gz read transparently) as a new version of a dataset')
    .argument('<format>', `source format: ${formats().join(', ')}; trade tables: ${tradeFormats().join(', ')}`)
    .argument('<path...>', 'files or folders')
    .requiredOption('--dataset <name>', 'dataset name (the id namespace of its entities; for trade tables, the name of the trade dataset)')
    .option('--version <label>', 'version label (default: the date the source states)')
    .addOption(jsonOption())
    .action(async (format: string, paths: string[], flags) => {
      if (isTradeFormat(format)) {
        await withStore(db(), (store) => tradeIngestCommand(store, format, paths, flags));
        return;
      }
      if (!formats().includes(format)) {
        throw new UsageError(`unknown format "${format}"; known formats: ${[...formats(), ...tradeFormats()].join(', ')}`);
      }
      await withStore(db(), (store) => ingestCommand(store, format, paths, flags));
    });

  program
    .command('hubs')
    .description('rank countries as likely diversion hubs from trade statistics, each with the codes, suppliers and months behind it')
    .option('--dataset <name...>', 'trade datasets (default: all)')
    .option('--baseline <window>', 'baseline window: 2021-03..2021-11, 2019..2021 (default: the same months of 2021 as --period)')
    .option('--period <window>', 'later window: 2022-03..2022-11, 2022 (default: March to the last month of 2022 in the data)')
    .option('--goods <set>', 'goods: chpl, chpl:tier1 … chpl:tier4b, drones, all, or HS codes/prefixes (comma separated)', 'chpl')
    .option('--reporter <countries>', 'supplying reporters (ISO codes, names, EU27; default: the export-control coalition)')
    .option('--currency <code>', 'currency of the values (needed when the data mixes currencies)')
    .option('--floor <amount>', 'materiality floor per month, in the currency (default 10000)')
    .option('--drivers <n>', 'codes listed per country (default 5)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .action(async (flags) => withStore(db(), async (store) => {
      const { hubsCommand } = await import('./hubs.js');
      await hubsCommand(store, flags);
    }));

  program
    .command('flows')
    .description('time series of trade values: reporters → partners, for HS/CN codes (HS 2017/2022 changes bridged)')
    .option('--reporter <countries>', 'reporters: ISO codes, names, EU27, coalition, or an area code (EU27_2020); default: every country')
    .option('--partner <countries>', 'partners, as --reporter; default: every country')
    .option('--code <codes>', 'HS/CN codes or prefixes, comma separated (default: all)')
    .option('--flow <flows>', 'import, export, re-export, re-import (default: all)')
    .option('--monthly', 'by month (default: by year)')
    .option('--no-bridge', 'do not join the HS 2017 and HS 2022 codes of changed subheadings')
    .option('--dataset <name...>', 'trade datasets (default: all)')
    .option('--currency <code>', 'only values in this currency')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'csv', 'json']).default('text'))
    .action(async (flags) => withStore(db(), async (store) => {
      const { flowsCommand } = await import('./flows.js');
      await flowsCommand(store, flags);
    }));

  program
    .command('datasets')
    .description('list loaded datasets with their current version and counts')
    .addOption(jsonOption())
    .action(async (flags) => withStore(db(), (store) => datasetsCommand(store, flags)));

  program
    .command('delta')
    .description('what changed between two versions of a dataset (default: the last two)')
    .argument('<dataset>')
    .option('--from <version>', 'older version')
    .option('--to <version>', 'newer version')
    .option('--limit <n>', 'entities listed per kind of change (text output)', '20')
    .addOption(jsonOption())
    .action(async (dataset: string, flags) => withStore(db(), (store) => deltaCommand(store, dataset, flags)));

  program
    .command('export')
    .description('write current entities as FollowTheMoney JSON lines')
    .requiredOption('--format <format>', 'export format: ftm')
    .option('--dataset <name...>', 'only these datasets')
    .option('--output <file>', 'write to a file instead of stdout')
    .action(async (flags) => withStore(db(), (store) => exportCommand(store, flags)));

  const demo = program
    .command('demo')
    .description('the main job: bundled real lists and trade data, the synthetic world, cross-referencing, hubs and red flags; prints a summary and serves the API and UI')
    // no --seed/--scale here: they are `demo build`'s, and a parent's option would take them
    .option('--world-scale <x>', 'size of the synthetic world (1 ≈ 20,000 companies, 200,000 shipment lines)', '1')
    .option('--port <port>', 'port of the API and UI', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--no-serve', 'build the store and print the summary only')
    .action(async (flags: DemoFlags & { port: string; host: string; worldScale: string }) => {
      const path = resolveConfig(db()).db;
      await withStore(db(), (store) => demoCommand(store, path, { ...flags, scale: flags.worldScale }));
      if (flags.serve === false) return;
      const { serveCommand } = await import('./serve.js');
      await serveCommand(path, { port: flags.port, host: flags.host });
    });
  addDemoWorldCommands(demo, db);

  registerNetworkCommands(program, (fn) => withStore(db(), fn), { dbPath: () => resolveConfig(db()).db });
  registerCrossrefCommand(program, db);
  registerFlagsCommand(program, db);

  program
    .command('report')
    .description('the case file of an entity: identity with sources, list matches, red flags with evidence, routes, owners, trade context')
    .argument('<id>', 'entity id')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html']).default('md'))
    .option('--output <file>', 'write to a file instead of stdout')
    .action(async (id: string, flags) => {
      const { reportCommand } = await import('./report.js');
      await withStore(db(), (store) => reportCommand(store, id, flags, resolveConfig(db()).db));
    });

  program
    .command('screen')
    .description('bulk screening of a CSV file (id,name[,schema,country,birth_date,identifier]) on all cores, output in input order')
    .requiredOption('--input <file>', 'CSV file with a header row')
    .option('--dataset <name...>', 'only these datasets (default: all)')
    .option('--threshold <score>', "score for match: true (default: the algorithm's)")
    .option('--limit <n>', 'results per row', '5')
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv']).default('jsonl'))
    .option('--output <file>', 'write to a file instead of stdout')
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--no-audit', 'do not write the screenings to the audit log (env SANCTRACE_AUDIT=off)')
    .addOption(new Option('--matcher <module>', 'module exporting createMatcher(dbPath, datasets?)').hideHelp())
    .action(async (flags) => {
      await screenCommand(resolveConfig(db()).db, flags);
    });

  program
    .command('serve')
    .description('the HTTP API: yente-compatible /match, /search, /entities, /catalog, /algorithms; /screen; /decisions, /log; /openapi.json')
    .option('--port <port>', 'port', '8000')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--no-audit', 'do not write the screenings to the audit log (env SANCTRACE_AUDIT=off)')
    .addOption(new Option('--matcher <module>', 'module exporting createMatcher(dbPath, datasets?)').hideHelp())
    .action(async (flags) => {
      const { serveCommand } = await import('./serve.js'); // loads Fastify only when serving
      await serveCommand(resolveConfig(db()).db, flags);
    });

  program
    .command('decide')
    .description("record a reviewer's decision on a screening result (a false positive stays suppressed until the entity changes)")
    .requiredOption('--query-id <id>', 'audit log entry id (log_id of a screening) or query fingerprint')
    .requiredOption('--entity <id>', 'the matched entity id')
    .addOption(new Option('--decision <decision>', 'the decision').choices(['false_positive', 'match']).makeOptionMandatory())
    .option('--note <text>', 'why', '')
    .option('--reviewer <name>', 'who decided (default: env SANCTRACE_REVIEWER, else the user name)')
    .addOption(jsonOption())
    .action(async (flags) => {
      await withStore(db(), (store) => decideCommand(store, flags));
    });

  program
    .command('log')
    .description('the screening audit log, oldest first')
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'json']).default('jsonl'))
    .option('--since <time>', 'entries at or after this date or time (UTC)')
    .option('--limit <n>', 'at most this many entries')
    .option('--output <file>', 'write to a file instead of stdout')
    .action(async (flags) => withStore(db(), (store) => logCommand(store, flags)));

  program
    .command('decisions')
    .description('export the reviewer decisions, oldest first')
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv', 'json']).default('jsonl'))
    .option('--entity <id>', 'only decisions on this entity')
    .option('--query <fingerprint>', 'only decisions on this query fingerprint')
    .option('--output <file>', 'write to a file instead of stdout')
    .action(async (flags) => withStore(db(), (store) => decisionsCommand(store, flags)));

  return program;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 failure, 2 bad usage. */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? EXIT_OK : EXIT_USAGE;
    }
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') return EXIT_OK; // reader closed the pipe (| head)
    if (e instanceof UsageError) {
      process.stderr.write(`sanctrace: ${e.message}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof SourceError || e instanceof StoreError || e instanceof MatcherLoadError) {
      process.stderr.write(`sanctrace: error: ${e.message}\n`);
      return EXIT_FAILURE;
    }
    process.stderr.write(`sanctrace: unexpected error: ${(e as Error).stack ?? e}\n`);
    return EXIT_FAILURE;
  }
}
