import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { DATA_DIR } from '../../src/model/paths.js';

/** A small real fixture shipped in data/names (see data/SOURCES.md). */
export function namesFixture(file: string): string {
  return readFileSync(path.join(DATA_DIR, 'names', file), 'utf8');
}

/** The 80 spellings of Vladimir Putin's name in many scripts. */
export function putinVariants(): string[] {
  return namesFixture('putin_name_variants.txt').split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

/** watchman's cross-script pairs: query, expected match. */
export function crossScriptPairs(): { query: string; expected: string; note: string }[] {
  return namesFixture('watchman_cross_script_pairs.csv')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
      const [query, expected, , note] = l.split(',');
      return { query: query!, expected: expected!, note: note ?? '' };
    });
}

/** A bundled list file, gunzipped. */
export function listText(relative: string, encoding: BufferEncoding = 'utf8'): string {
  const buf = readFileSync(path.join(DATA_DIR, 'lists', relative));
  return (buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf).toString(encoding);
}

/** Names and aliases of EU Reg. 833/2014 Annex IV entries, by record id. */
export function annexIv(): Map<string, { name: string; aliases: string[] }> {
  const rows = parse(listText('eu/32014R0833.csv.gz'), { columns: true, relax_quotes: true }) as Record<string, string>[];
  const out = new Map<string, { name: string; aliases: string[] }>();
  for (const r of rows) {
    if (r['annex'] !== 'IV') continue;
    out.set(r['recordId']!, { name: r['name']!, aliases: (r['alias'] ?? '').split(';').map((a) => a.trim()).filter((a) => a !== '') });
  }
  return out;
}

/** OFAC SDN entries (2024-05-03) with their aliases (alt file 2025-01-06). */
export function sdnWithAliases(): Map<string, { name: string; type: string; aliases: string[] }> {
  const out = new Map<string, { name: string; type: string; aliases: string[] }>();
  for (const m of listText('ofac/sdn_20240503.csv.gz', 'latin1').matchAll(/^(\d+),"([^"]*)",(?:"([^"]*)"|-0-\s*)/gm)) {
    out.set(m[1]!, { name: m[2]!, type: (m[3] ?? '').trim(), aliases: [] });
  }
  for (const m of listText('ofac/alt_20250106.csv.gz', 'latin1').matchAll(/^(\d+),\d+,"([^"]*)","([^"]*)"/gm)) {
    out.get(m[1]!)?.aliases.push(m[3]!);
  }
  return out;
}
