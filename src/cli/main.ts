import { Command, CommanderError, Option } from 'commander';
import { resolveConfig } from '../config.js';
import { SourceError, UsageError } from '../sources/errors.js';
import { formats } from '../sources/registry.js';
import { StoreError } from '../store/store.js';
import { withStore } from './context.js';
import { datasetsCommand } from './datasets.js';
import { deltaCommand } from './delta.js';
import { demoCommand } from './demo.js';
import { exportCommand } from './export.js';
import { ingestCommand } from './ingest.js';

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
    .argument('<format>', `source format: ${formats().join(', ')}`)
    .argument('<path...>', 'files or folders')
    .requiredOption('--dataset <name>', 'dataset name (the id namespace of its entities)')
    .option('--version <label>', 'version label (default: the date the source states)')
    .addOption(jsonOption())
    .action(async (format: string, paths: string[], flags) => {
      if (!formats().includes(format)) throw new UsageError(`unknown format "${format}"; known formats: ${formats().join(', ')}`);
      await withStore(db(), (store) => ingestCommand(store, format, paths, flags));
    });

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

  program
    .command('demo')
    .description('the main job: build the store from the bundled real data and print a summary')
    .action(async () => withStore(db(), (store) => demoCommand(store, resolveConfig(db()).db)));

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
    if (e instanceof SourceError || e instanceof StoreError) {
      process.stderr.write(`sanctrace: error: ${e.message}\n`);
      return EXIT_FAILURE;
    }
    process.stderr.write(`sanctrace: unexpected error: ${(e as Error).stack ?? e}\n`);
    return EXIT_FAILURE;
  }
}
