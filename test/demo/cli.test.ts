import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDemoWorldCommands } from '../../src/cli/demo-world.js';
import { listedNameKeys } from '../../src/demo/world/listed-names.js';
import { UsageError } from '../../src/sources/errors.js';
import { tempDir } from '../helpers.js';
import { cli } from '../cli-run.js';

/** The demo command as main.ts wires it: a global --db, `demo` with its own action, and the two subcommands. */
async function run(...args: string[]): Promise<{ stdout: string; mainJob: boolean }> {
  let stdout = '';
  let mainJob = false;
  const program = new Command('sanctrace').option('--db <file>').exitOverride();
  const demo = program.command('demo').action(() => {
    mainJob = true;
  });
  addDemoWorldCommands(demo, () => program.opts<{ db?: string }>());
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  try {
    await program.parseAsync(['node', 'sanctrace', ...args]);
  } finally {
    out.mockRestore();
  }
  return { stdout, mainJob };
}

describe('sanctrace demo build / demo truth', () => {
  afterEach(() => vi.restoreAllMocks());

  it('builds into demo-world/ beside the store, loads it, and prints the truth', async () => {
    await listedNameKeys();
    const dir = tempDir();
    const db = path.join(dir, 'store.duckdb');
    const built = await run('--db', db, 'demo', 'build', '--seed', '3', '--scale', '0.02', '--format', 'json');
    const summary = JSON.parse(built.stdout);
    expect(summary.out).toBe(path.join(dir, 'demo-world'));
    expect(summary).toMatchObject({ seed: 3, scale: 0.02, load: { status: 'loaded', dataset: 'demo-synthetic' } });
    expect(summary.schemes).toBeGreaterThanOrEqual(12);
    expect(existsSync(path.join(dir, 'demo-world', 'truth.json'))).toBe(true);
    expect(built.mainJob).toBe(false);

    const truth = JSON.parse((await run('--db', db, 'demo', 'truth', '--format', 'json')).stdout);
    expect(truth.generator).toMatchObject({ seed: 3, scale: 0.02 });
    expect(truth.schemes).toHaveLength(summary.schemes);

    const text = (await run('demo', 'truth', '--db', db)).stdout;
    expect(text).toMatch(/S02 +family-pass-through/);
    expect(text).toMatch(/JOINT STOCK COMPANY TRADING HOUSE ROSEL \(us_ofac_sdn 37776\)/);
  }, 180_000);

  it('writes files only with --no-load and --out; `demo` alone still runs the main job', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'world');
    const built = await run('--db', path.join(dir, 'never.duckdb'), 'demo', 'build', '--scale', '0.02', '--out', out, '--no-load');
    expect(built.stdout).toMatch(/not loaded \(--no-load\)/);
    expect(existsSync(path.join(out, 'companies.csv'))).toBe(true);
    expect(existsSync(path.join(dir, 'never.duckdb'))).toBe(false);
    expect((await run('demo')).mainJob).toBe(true);
  }, 120_000);

  it('takes `demo build` options through the real CLI (the main job\'s own options do not swallow them)', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'world');
    const r = await cli('--db', path.join(dir, 'never.duckdb'), 'demo', 'build', '--seed', '5', '--scale', '0.01', '--out', out, '--no-load');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`sanctrace demo build --seed 5 --scale 0.01 --out ${out}`);
  }, 120_000);

  it('refuses a bad scale or seed, and truth without a built world, as usage errors', async () => {
    await expect(run('demo', 'build', '--scale', '0', '--no-load')).rejects.toThrow(UsageError);
    await expect(run('demo', 'build', '--seed', 'x', '--no-load')).rejects.toThrow(/--seed must be a number/);
    await expect(run('demo', 'truth', '--out', tempDir())).rejects.toThrow(/no synthetic world in .*run: sanctrace demo build/);
  });
});
