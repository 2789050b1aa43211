import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DATA_DIR } from '../src/model/paths.js';
import { analyseName, type AnalysedName } from '../src/names/analyse.js';
import { nameSimilarity } from '../src/names/similarity.js';

/**
 * Speed of the name layer on ~10,000 real names of the OFAC SDN list (2024-05-03): microseconds
 * per analyseName (first pass, and again with the words memoised) and per nameSimilarity (each
 * name against itself and its next 10 neighbours), after a warm-up. Prints one JSON object.
 *   node dist/bench/names.js
 */

const LIMIT = Number(process.env['BENCH_NAMES'] ?? 10_000);
const raw = gunzipSync(readFileSync(path.join(DATA_DIR, 'lists', 'ofac', 'sdn_20240503.csv.gz'))).toString('latin1');
const names: { name: string; schema: string }[] = [];
for (const m of raw.matchAll(/^\d+,"([^"]*)",(?:"([^"]*)"|-0-\s*)/gm)) {
  const type = (m[2] ?? '').trim();
  names.push({ name: m[1]!, schema: type === 'individual' ? 'Person' : type === 'vessel' ? 'Vessel' : type === 'aircraft' ? 'Airplane' : 'Organization' });
  if (names.length >= LIMIT) break;
}

function time<T>(fn: () => T): { result: T; ms: number } {
  const t0 = process.hrtime.bigint();
  const result = fn();
  return { result, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

// warm-up (JIT, bounded memo tables)
for (const n of names.slice(0, 2000)) analyseName(n.name, n.schema);

const analyse = time(() => names.map((n) => analyseName(n.name, n.schema)));
const analysed: AnalysedName[] = analyse.result;
// the same names again: words already in the bounded memo tables (latinKey, Double Metaphone)
const again = time(() => names.map((n) => analyseName(n.name, n.schema)));

// pairs: each name against the next 10 (mostly unrelated), plus each against itself
const pairs: [AnalysedName, AnalysedName][] = [];
for (let i = 0; i < analysed.length; i++) {
  pairs.push([analysed[i]!, analysed[i]!]);
  for (let k = 1; k <= 10 && i + k < analysed.length; k++) pairs.push([analysed[i]!, analysed[i + k]!]);
}
for (const [a, b] of pairs.slice(0, 20_000)) nameSimilarity(a, b);
let sink = 0;
const compare = time(() => {
  for (const [a, b] of pairs) sink += nameSimilarity(a, b).score;
});

const tokens = analysed.reduce((s, a) => s + a.tokens.length, 0);
process.stdout.write(
  JSON.stringify(
    {
      benchmark: 'names',
      machine: { cpu: os.cpus()[0]?.model, node: process.version },
      names: names.length,
      tokens_per_name: Number((tokens / names.length).toFixed(2)),
      analyse_us_per_name: Number(((analyse.ms * 1000) / names.length).toFixed(2)),
      analyse_again_us_per_name: Number(((again.ms * 1000) / names.length).toFixed(2)),
      comparisons: pairs.length,
      similarity_us_per_pair: Number(((compare.ms * 1000) / pairs.length).toFixed(2)),
      checksum: Number(sink.toFixed(3)),
      peak_rss_mb: Math.round(process.memoryUsage().rss / 2 ** 20),
    },
    null,
    2,
  ) + '\n',
);
