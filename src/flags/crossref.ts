/**
 * Cross-referencing: every party (company, person, organisation) of the registry and shipment
 * datasets screened against the sanctions lists with the screening engine. Matches become links
 * with their score and explanation — never merges. Runs incrementally: the dataset versions of
 * the last run are kept, and only parties that changed since are screened again, and only
 * against list entries that changed when a list has a new version.
 */
import { mkdtempSync, rmSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_LISTS } from '../ingest/bundled.js';
import { caption } from '../model/entity.js';
import { isA, hasSchema } from '../model/ftm.js';
import { WorkerPool, InlineExecutor, type MatchExecutor } from '../screening/bulk.js';
import type { BulkTask, TaskOutcome } from '../screening/bulk-pool.js';
import { SCREENED_SCHEMATA } from '../screening/index.js';
import { ALGORITHM } from '../screening/score.js';
import { FlagTables, type CrossrefRunRecord, type StoredLink } from '../store/duckdb/flags.js';
import { StoreError, type Store, type StoredEntity } from '../store/store.js';
import { UsageError } from '../sources/errors.js';
import { crossrefMatcher, sortKey } from './crossref-matcher.js';
import { mostSpecific } from './context.js';

export interface CrossrefProgress {
  update(done: number, total: number): void;
  stop(): void;
}

export interface CrossrefOptions {
  /** sanctions datasets to screen against (default: the bundled lists and any dataset whose parties are mostly listed) */
  lists?: string[];
  /** datasets whose parties are screened (default: every other entity dataset) */
  subjects?: string[];
  /** score from which a result becomes a link (default: the engine's threshold, 0.7) */
  threshold?: number;
  /** links kept per party, best first */
  limit?: number;
  /** screen everything again, ignoring the last run */
  full?: boolean;
  /** worker threads for large runs (default: one per core; 1 screens in this thread) */
  workers?: number;
  progress?: CrossrefProgress;
}

export interface CrossrefSummary {
  run_id: number | null;
  mode: 'full' | 'incremental' | 'unchanged';
  /** why this mode */
  reason: string;
  lists: Record<string, string>;
  subject_datasets: Record<string, string>;
  /** parties in the subject datasets */
  subjects: number;
  /** screenings done (a party screened against changed list entries counts once) */
  screened: number;
  /** links stored in all (after this run) */
  links: number;
  /** links at or above the engine's match threshold */
  matches: number;
  new_links: number;
  threshold: number;
  seconds: number;
  /** seconds per phase: reading the parties, the lists' snapshot and the matchers (index), screening, storing the links */
  phases: { read: number; index: number; screen: number; write: number };
  /** screenings answered from a party with the same names screened just before (see crossref-matcher.ts) */
  shared?: number;
}

const QUERY_PROPS = [
  'name', 'alias', 'previousName', 'weakAlias', 'abbreviation', 'firstName', 'lastName', 'middleName', 'fatherName', 'secondName',
  'country', 'jurisdiction', 'mainCountry', 'nationality', 'citizenship', 'birthDate', 'incorporationDate', 'gender',
  'registrationNumber', 'taxNumber', 'innCode', 'ogrnCode', 'idNumber', 'leiCode', 'vatCode', 'okpoCode', 'swiftBic', 'imoNumber', 'passportNumber',
];

/** Properties a link's caption is made of (model/entity.ts caption). */
const CAPTION_PROPS = ['name', 'full', 'number', 'program'];

const LISTED_TOPICS = new Set(['sanction', 'export.control', 'sanction.counter', 'debarment']);

function isSubject(schema: string): boolean {
  return hasSchema(schema) && isA(schema, 'LegalEntity');
}

/** The schemata of parties cross-referencing screens (LegalEntity and what descends from it). */
const SUBJECT_SCHEMATA = SCREENED_SCHEMATA.filter(isSubject);

/** A party to screen, with only the properties screening and the link read. */
export interface Subject {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
}

function queryOf(e: Subject): BulkTask['query'] {
  const properties: Record<string, string[]> = {};
  for (const p of QUERY_PROPS) if (e.properties[p]?.length) properties[p] = e.properties[p]!;
  return { schema: e.schema, properties };
}

/**
 * The parties of some datasets, read in one SQL pass with only the properties a query and a link
 * need (much less than whole entities through Store.entities). Values come sorted and distinct,
 * as Store.entities gives them; parties in no particular order.
 */
export async function readSubjects(store: Store, datasets: string[]): Promise<Subject[]> {
  const tables = await FlagTables.of(store);
  const out: Subject[] = [];
  if (datasets.length === 0) return out;
  const props = [...new Set([...QUERY_PROPS, ...CAPTION_PROPS])];
  for await (const e of tables.currentEntities({ datasets, schemata: SUBJECT_SCHEMATA, props })) {
    const schema = mostSpecific(e.schemata.sort());
    if (!isSubject(schema)) continue;
    out.push({ id: e.id, schema, properties: e.properties, datasets: e.datasets });
  }
  return out;
}

/**
 * Which entity datasets are sanctions lists: the bundled lists, those named, and any other whose
 * parties mostly carry a sanctions topic (judged on its first 500 parties).
 */
export async function sanctionsDatasets(store: Store, named: string[] = []): Promise<string[]> {
  const bundled = new Set(BUNDLED_LISTS.map((l) => l.dataset));
  const out: string[] = [];
  for (const d of await store.datasets()) {
    if ((d as { kind?: string }).kind === 'trade') continue;
    if (bundled.has(d.name) || named.includes(d.name)) {
      out.push(d.name);
      continue;
    }
    const { parties, listed } = await (await FlagTables.of(store)).topicShare(d.name, SCREENED_SCHEMATA, [...LISTED_TOPICS], 500);
    if (parties > 0 && listed / parties >= 0.5) out.push(d.name);
  }
  return out.sort();
}

function versionsOf(all: Array<{ name: string; version: string }>, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of all) if (names.includes(d.name)) out[d.name] = d.version;
  return out;
}

function sameKeys(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

/** The worker factory module: compiled .js in a build, the .ts source in development. */
function matcherModule(): URL {
  const js = new URL('./crossref-matcher.js', import.meta.url);
  const ts = new URL('./crossref-matcher.ts', import.meta.url);
  return !existsSync(fileURLToPath(js)) && existsSync(fileURLToPath(ts)) ? ts : js;
}

/** Parties screened per batch sent to the executor. */
const BATCH = 64;
/** Below this many screenings the index is built in this thread instead of starting workers. */
const POOL_FROM = 3000;

/**
 * Screens the parties in batches, in the order of their names (parties named alike come one after
 * the other, so the matcher scores their names once); outcomes come back in the parties' order.
 */
async function screenAll(
  executor: MatchExecutor,
  subjects: Subject[],
  options: BulkTask['options'],
  progress: CrossrefProgress | undefined,
  done: { n: number; total: number },
): Promise<TaskOutcome[]> {
  const tasks = subjects.map((s) => ({ query: queryOf(s), options }));
  const keys = tasks.map((t) => sortKey(t.query));
  const order = tasks.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  const outcomes: TaskOutcome[] = new Array(subjects.length);
  const inFlight = Math.max(2, executor.parallelism * 2);
  let next = 0;
  const worker = async () => {
    while (next < order.length) {
      const batch = order.slice(next, next + BATCH);
      next += batch.length;
      const results = await executor.run(batch.map((i) => tasks[i]!));
      batch.forEach((i, j) => (outcomes[i] = results[j] ?? { error: 'no answer from the screening worker' }));
      done.n += batch.length;
      progress?.update(done.n, done.total);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, Math.ceil(order.length / BATCH)) }, worker));
  return outcomes;
}

/** Runs cross-referencing and stores its links; returns what it did. */
export async function crossref(store: Store, opts: CrossrefOptions = {}): Promise<CrossrefSummary> {
  const started = performance.now();
  const tables = await FlagTables.of(store);
  const all = (await store.datasets()).filter((d) => (d as { kind?: string }).kind !== 'trade');
  const known = new Set(all.map((d) => d.name));
  for (const d of [...(opts.lists ?? []), ...(opts.subjects ?? [])]) {
    if (!known.has(d)) throw new UsageError(`no dataset named "${d}"; loaded: ${[...known].join(', ') || 'none'}`);
  }
  const lists = opts.lists?.length ? [...opts.lists].sort() : await sanctionsDatasets(store);
  const subjectNames = (opts.subjects?.length ? opts.subjects : all.map((d) => d.name)).filter((d) => !lists.includes(d)).sort();
  if (lists.length === 0) throw new UsageError('no sanctions list in the store to cross-reference against: load lists first (sanctrace demo, or sanctrace ingest …)');
  const threshold = opts.threshold ?? ALGORITHM.threshold;
  if (!(threshold > 0 && threshold <= 1)) throw new UsageError(`--threshold must be a number above 0 and at most 1, not ${threshold}`);
  const limit = opts.limit ?? 3;
  const listVersions = versionsOf(all, lists);
  const subjectVersions = versionsOf(all, subjectNames);
  const settings = { threshold, limit, algorithm: `${ALGORITHM.name} ${ALGORITHM.version}`, lists, subjects: subjectNames };
  const last = opts.full ? undefined : await tables.latestCrossrefRun();

  // what to screen: everything, or what changed since the last run
  let mode: CrossrefSummary['mode'] = 'full';
  let reason = opts.full ? 'asked for a full run' : 'no earlier run';
  let changedSubjects: Set<string> | undefined;
  let removedSubjects: string[] = [];
  let changedListed: string[] = [];
  let droppedListed: string[] = [];
  if (last) {
    const sameSettings = JSON.stringify({ ...last.settings, subjects: undefined }) === JSON.stringify({ ...settings, subjects: undefined });
    if (!sameSettings) reason = 'settings changed since the last run (threshold, limit, algorithm or lists)';
    else if (!sameKeys(last.list_versions, listVersions)) reason = 'the set of lists changed';
    else {
      mode = 'incremental';
      changedSubjects = new Set();
      for (const d of subjectNames) {
        const before = last.subject_versions[d];
        const now = subjectVersions[d]!;
        if (before === now) continue;
        if (before === undefined) {
          for (const e of await readSubjects(store, [d])) changedSubjects.add(e.id);
          continue;
        }
        const delta = await store.delta(d, before, now);
        for (const c of delta.entities) {
          if (c.change === 'removed') removedSubjects.push(c.id);
          else changedSubjects.add(c.id);
        }
      }
      for (const d of Object.keys(last.subject_versions)) {
        if (subjectVersions[d] === undefined) {
          // a dataset no longer screened: its links go
          removedSubjects.push(...(await tables.crossrefLinks()).filter((l) => l.subject_dataset === d).map((l) => l.subject_id));
        }
      }
      for (const d of lists) {
        if (last.list_versions[d] === listVersions[d]) continue;
        const delta = await store.delta(d, last.list_versions[d], listVersions[d]);
        for (const c of delta.entities) {
          if (c.change !== 'added') droppedListed.push(c.id);
          if (c.change !== 'removed') changedListed.push(c.id);
        }
      }
      const nothing = changedSubjects.size === 0 && removedSubjects.length === 0 && changedListed.length === 0 && droppedListed.length === 0;
      reason = nothing ? `nothing changed since run ${last.id}` : `changes since run ${last.id}`;
      if (nothing && sameKeys(last.subject_versions, subjectVersions)) {
        const counts = await tables.crossrefLinkCounts();
        return {
          run_id: last.id, mode: 'unchanged', reason, lists: listVersions, subject_datasets: subjectVersions,
          subjects: Number(last.stats['subjects'] ?? 0), screened: 0, links: counts.links,
          matches: counts.matches, new_links: 0, threshold, seconds: round((performance.now() - started) / 1000),
          phases: { read: round((performance.now() - started) / 1000), index: 0, screen: 0, write: 0 },
        };
      }
    }
  }

  // the parties to screen against the whole lists, and all parties (screened against changed list entries)
  const subjects = await readSubjects(store, subjectNames);
  const toScreen = mode === 'full' ? subjects : subjects.filter((e) => changedSubjects!.has(e.id));
  const againstChanged = mode === 'incremental' && changedListed.length ? subjects.filter((s) => !changedSubjects!.has(s.id)) : [];
  const total = toScreen.length + againstChanged.length;
  const done = { n: 0, total };
  const tRead = performance.now();
  const phases = { read: round((tRead - started) / 1000), index: 0, screen: 0, write: 0 };
  opts.progress?.update(0, total);
  const options: BulkTask['options'] = { limit, threshold, cutoff: threshold, datasets: lists };
  const results: Array<{ subject: Subject; outcome: TaskOutcome }> = [];
  let algorithmVersions: Record<string, string> = listVersions;

  if (toScreen.length) {
    const t0 = performance.now();
    const workers = Math.max(1, Math.floor(opts.workers ?? availableParallelism()));
    let executor: MatchExecutor;
    let snapshotDir: string | undefined;
    if (workers > 1 && toScreen.length >= POOL_FROM) {
      snapshotDir = mkdtempSync(path.join(tmpdir(), 'sanctrace-crossref-'));
      const file = path.join(snapshotDir, 'listed.jsonl');
      writeFileSync(file, JSON.stringify(listVersions) + '\n');
      let buffer = '';
      for await (const e of store.entities({ datasets: lists, schemata: SCREENED_SCHEMATA })) {
        buffer += JSON.stringify(e) + '\n';
        if (buffer.length > 1 << 20) {
          appendFileSync(file, buffer);
          buffer = '';
        }
      }
      appendFileSync(file, buffer);
      executor = await WorkerPool.start({ factoryModule: matcherModule(), dbPath: file, workers });
    } else {
      const listed: StoredEntity[] = [];
      for await (const e of store.entities({ datasets: lists, schemata: SCREENED_SCHEMATA })) listed.push(e);
      executor = new InlineExecutor(crossrefMatcher(listed, listVersions));
    }
    const t1 = performance.now();
    phases.index = round((t1 - t0) / 1000);
    try {
      algorithmVersions = executor.datasetVersions();
      const outcomes = await screenAll(executor, toScreen, options, opts.progress, done);
      toScreen.forEach((subject, i) => results.push({ subject, outcome: outcomes[i]! }));
    } finally {
      await executor.close();
      if (snapshotDir) rmSync(snapshotDir, { recursive: true, force: true });
    }
    phases.screen = round((performance.now() - t1) / 1000);
  }
  if (againstChanged.length) {
    const t0 = performance.now();
    const changed: StoredEntity[] = [];
    for (const id of changedListed) {
      const e = await store.getEntity(id);
      if (e) changed.push(e);
    }
    const executor = new InlineExecutor(crossrefMatcher(changed));
    const t1 = performance.now();
    phases.index = round(phases.index + (t1 - t0) / 1000);
    const outcomes = await screenAll(executor, againstChanged, options, opts.progress, done);
    againstChanged.forEach((subject, i) => results.push({ subject, outcome: outcomes[i]! }));
    phases.screen = round(phases.screen + (performance.now() - t1) / 1000);
  }
  opts.progress?.stop();

  const tWrite = performance.now();
  const links: Array<Omit<StoredLink, 'run_id'>> = [];
  const subjectDataset = (e: Subject) => e.datasets.find((d) => subjectNames.includes(d)) ?? e.datasets[0] ?? '';
  let failed = 0;
  for (const { subject, outcome } of results) {
    if ('error' in outcome) {
      failed++;
      continue;
    }
    for (const r of outcome.results) {
      if (r.score < threshold) continue;
      links.push({
        subject_id: subject.id,
        subject_dataset: subjectDataset(subject),
        subject_caption: caption({ id: subject.id, schema: subject.schema, properties: subject.properties }),
        listed_id: r.entity_id,
        listed_caption: r.caption,
        listed_datasets: r.datasets,
        score: r.score,
        match: r.match,
        explanations: r.explanations,
      });
    }
  }
  const record: CrossrefRunRecord = await tables.saveCrossrefRun({
    list_versions: listVersions,
    subject_versions: subjectVersions,
    settings,
    stats: { subjects: subjects.length, screened: total, failed, new_links: links.length, index_versions: algorithmVersions, mode },
    replaceSubjects: mode === 'full' ? 'all' : [...changedSubjects!, ...removedSubjects],
    dropListed: droppedListed,
    links,
  });
  const counts = await tables.crossrefLinkCounts();
  phases.write = round((performance.now() - tWrite) / 1000);
  if (failed > 0 && failed === results.length) throw new StoreError(`cross-referencing failed for every party (${failed})`);
  return {
    run_id: record.id, mode, reason, lists: listVersions, subject_datasets: subjectVersions, subjects: subjects.length, screened: total,
    links: counts.links, matches: counts.matches, new_links: links.length, threshold,
    seconds: round((performance.now() - started) / 1000),
    phases,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
