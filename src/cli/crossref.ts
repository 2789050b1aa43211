/**
 * `sanctrace crossref`: screens the parties of the registry and shipment datasets against the
 * sanctions lists, incrementally, and stores the matches as links (never merges).
 */
import { Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { crossref, type CrossrefSummary } from '../flags/crossref.js';
import { UsageError } from '../sources/errors.js';
import { FlagTables } from '../store/duckdb/flags.js';
import type { Store } from '../store/store.js';
import { withStore, type GlobalFlags } from './context.js';
import { printJson, table } from './output.js';
import type { Progress } from './progress.js';

export interface CrossrefFlags {
  dataset?: string[];
  lists?: string[];
  threshold?: string;
  limit?: string;
  full?: boolean;
  workers?: string;
  show?: string;
  format: 'text' | 'json';
}

/** Parties screened on a bar, on a terminal only (progress.ts's bar counts kilobytes). */
function partiesBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || process.env['CI']) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: 'cross-referencing      [{bar}] {percentage}% | {value}/{total} parties | {duration_formatted}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(Math.max(1, total), 0);
        started = true;
      }
      bar.setTotal(Math.max(1, total));
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

function number(text: string | undefined, what: string, min: number, max: number, integer: boolean): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${what} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not "${text}"`);
  }
  return n;
}

export async function crossrefCommand(store: Store, flags: CrossrefFlags): Promise<CrossrefSummary> {
  const threshold = number(flags.threshold, '--threshold', 0.01, 1, false);
  const limit = number(flags.limit, '--limit', 1, 50, true);
  const workers = number(flags.workers, '--workers', 1, 256, true);
  const show = number(flags.show, '--show', 0, 10_000, true) ?? 20;
  const progress = flags.format === 'text' ? partiesBar() : undefined;
  const summary = await crossref(store, { subjects: flags.dataset, lists: flags.lists, threshold, limit, full: flags.full, workers, progress });
  const links = (await (await FlagTables.of(store)).crossrefLinks()).slice(0, show);
  if (flags.format === 'json') {
    printJson({ ...summary, top_links: links });
    return summary;
  }
  const lines = [
    `cross-referencing ${summary.mode} (${summary.reason}): ${summary.screened.toLocaleString('en-US')} screenings of ${summary.subjects.toLocaleString('en-US')} parties in ${Object.keys(summary.subject_datasets).join(', ') || 'no dataset'}`,
    `  against ${Object.entries(summary.lists).map(([d, v]) => `${d} ${v}`).join(', ')}`,
    `  ${summary.links.toLocaleString('en-US')} links at or above ${summary.threshold} (${summary.matches} matches, ${summary.new_links} from this run), ${summary.seconds} s`,
  ];
  if (links.length) {
    lines.push('', table(links.map((l) => ({ score: l.score.toFixed(3), party: l.subject_caption.slice(0, 45), dataset: l.subject_dataset, listed: l.listed_caption.slice(0, 45), lists: l.listed_datasets.join(' ') })), ['score', 'party', 'dataset', 'listed', 'lists']));
  }
  process.stdout.write(lines.join('\n') + '\n');
  return summary;
}

/** Registers `sanctrace crossref` on the program; `db` gives the global --db option. */
export function registerCrossrefCommand(program: Command, db: () => GlobalFlags): Command {
  return program
    .command('crossref')
    .description('screen the parties of registry and shipment datasets against the sanctions lists; matches become links with score and explanation (never merged)')
    .option('--dataset <name...>', 'datasets whose parties are screened (default: every dataset that is not a sanctions list)')
    .option('--lists <name...>', 'sanctions datasets to screen against (default: the bundled lists and datasets of listed parties)')
    .option('--threshold <score>', 'score from which a result becomes a link (default: the engine\'s 0.7)')
    .option('--limit <n>', 'links kept per party (default 3)')
    .option('--full', 'screen everything again, not only what changed since the last run')
    .option('--workers <n>', 'worker threads for large runs (default: one per core)')
    .option('--show <n>', 'links listed (text output, default 20)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: CrossrefFlags) => {
      await withStore(db(), (store) => crossrefCommand(store, flags));
    });
}
