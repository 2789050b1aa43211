import { appendFileSync, readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { ingest } from '../src/ingest/ingest.js';
import { BUNDLED_LISTS, bundledIngest } from '../src/ingest/bundled.js';
import { PACKAGE_ROOT } from '../src/model/paths.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { buildMatcher } from '../src/screening/engine.js';
import { scorePair } from '../src/screening/score.js';
import { analyseName } from '../src/names/analyse.js';
import type { Matcher, ScreeningQuery } from '../src/screening/types.js';

/**
 * `npm run eval:screening`: the screening quality figures of issue 3 on the development sets in
 * ../shared/data/name_matching (not shipped, not used by the tests). Prints one JSON object.
 * The labelled pairs are split in two halves by row parity: tune on `dev`, report `held_out`.
 */
/** EVAL_HITS=file: every negative at or above the threshold is appended there, for error analysis. */
const HITS_FILE = process.env['EVAL_HITS'];
const SHARED = process.env['SANCTRACE_SHARED_DATA'] ?? path.resolve(PACKAGE_ROOT, '..', 'shared', 'data', 'name_matching');

function csv(file: string, columns: true | string[] = true): Array<Record<string, string>> {
  const buf = readFileSync(path.join(SHARED, file));
  const text = (file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
  return parse(text, { columns, skip_empty_lines: true, relax_column_count: true, comment: '#' });
}

function f1(rows: Array<{ truth: boolean; predicted: boolean }>) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const r of rows) {
    if (r.truth && r.predicted) tp++;
    else if (!r.truth && r.predicted) fp++;
    else if (r.truth && !r.predicted) fn++;
    else tn++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  return { n: rows.length, f1: round(f), precision: round(precision), recall: round(recall), tp, fp, fn, tn };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const nameQuery = (schema: string, name: string): ScreeningQuery => ({ schema, properties: { name: [name] } });

function pairs(threshold: number) {
  const rows = csv('nomenklatura_name_bench_cases.csv').map((r, i) => {
    const score = scorePair(nameQuery(r['schema']!, r['name1']!), { id: 'candidate', schema: r['schema']!, properties: { name: [r['name2']!] } }).score;
    return { i, group: r['case_group']!, truth: r['is_match'] === 'true', predicted: score >= threshold, score };
  });
  const groups = [...new Set(rows.map((r) => r.group))];
  return {
    all: f1(rows),
    dev: f1(rows.filter((r) => r.i % 2 === 0)),
    held_out: f1(rows.filter((r) => r.i % 2 === 1)),
    by_group: Object.fromEntries(groups.map((g) => [g, f1(rows.filter((r) => r.group === g))])),
  };
}

function crossScript(threshold: number) {
  // its header is inside a comment line
  const rows = csv('watchman_cross_script_pairs.csv', ['Query', 'Expected Match', 'Min Score', 'Description']);
  const results = rows.map((r) => {
    const q = r['Query']!;
    const expected = r['Expected Match']!;
    const score = scorePair(nameQuery('Person', q), { id: 'c', schema: 'Person', properties: { name: [expected] } }).score;
    return { query: q, expected, score: round(score), match: score >= threshold };
  });
  const putin = readFileSync(path.join(SHARED, 'putin_name_variants.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const putinResults = putin.map((v) => {
    const score = scorePair(nameQuery('Person', v), { id: 'c', schema: 'Person', properties: { name: ['Vladimir Vladimirovich PUTIN'] } }).score;
    return { query: v, score: round(score), match: score >= threshold };
  });
  return {
    cross_script: { n: results.length, matched: results.filter((r) => r.match).length, missed: results.filter((r) => !r.match) },
    putin_variants: { n: putinResults.length, matched: putinResults.filter((r) => r.match).length, missed: putinResults.filter((r) => !r.match) },
  };
}

function keyOf(name: string): string {
  return analyseName(name, 'Person').tokens.map((t) => t.key).sort().join(' ');
}

function unPositives(matcher: Matcher) {
  const treated = csv('yente_positives_un_treated.csv');
  const untreated = csv('yente_positives_un_untreated.csv');
  let top5 = 0;
  const misses: string[] = [];
  treated.forEach((r, i) => {
    const props: Record<string, string[]> = { name: [r['full_name']!] };
    if (r['date_of_birth']) props['birthDate'] = [r['date_of_birth']];
    if (r['nationality']) props['nationality'] = [r['nationality']];
    const truth = keyOf(untreated[i]!['full_name']!);
    const results = matcher.match({ schema: 'Person', properties: props }, { limit: 5, threshold: 0 });
    const hit = results.some((m) => [...(m.entity.properties['name'] ?? []), ...(m.entity.properties['alias'] ?? [])].some((n) => keyOf(n) === truth));
    if (hit) top5++;
    else if (misses.length < 20) misses.push(`${r['full_name']} (${untreated[i]!['full_name']})`);
  });
  return { n: treated.length, right_in_top5: top5, rate: round(top5 / treated.length), first_misses: misses };
}

function negatives(matcher: Matcher, threshold: number, sample: number) {
  const out: Record<string, unknown> = {};
  for (const file of ['yente_negatives_us.csv.gz', 'yente_negatives_global.csv.gz']) {
    const rows = csv(file).slice(0, sample);
    let hits = 0;
    const examples: string[] = [];
    for (const r of rows) {
      const props: Record<string, string[]> = { name: [r['full_name']!] };
      if (r['date_of_birth']) props['birthDate'] = [r['date_of_birth']];
      const [best] = matcher.match({ schema: 'Person', properties: props }, { limit: 1, threshold });
      if (best && best.score >= threshold) {
        hits++;
        const line = `${r['full_name']} → ${best.entity.caption} (${round(best.score)})`;
        if (examples.length < 10) examples.push(line);
        if (HITS_FILE) appendFileSync(HITS_FILE, `${file}\t${line}\n`);
      }
    }
    out[file] = { n: rows.length, at_or_above_threshold: hits, rate: round(hits / rows.length), examples };
  }
  return out;
}

async function main(): Promise<void> {
  if (!existsSync(SHARED)) {
    process.stderr.write(`evaluation data not found at ${SHARED} (set SANCTRACE_SHARED_DATA)\n`);
    process.exitCode = 1;
    return;
  }
  const sample = Number(process.env['EVAL_NEGATIVES'] ?? 50_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'sanctrace-eval-'));
  const store = await DuckDbStore.open(path.join(dir, 'eval.duckdb'));
  try {
    for (const l of BUNDLED_LISTS) await ingest(store, bundledIngest(l));
    const matcher = await buildMatcher(store);
    const threshold = matcher.algorithm.threshold;
    const report = {
      algorithm: matcher.algorithm,
      threshold,
      labelled_pairs: pairs(threshold),
      ...crossScript(threshold),
      un_positives_treated: unPositives(matcher),
      synthetic_negatives: negatives(matcher, threshold, sample),
    };
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
