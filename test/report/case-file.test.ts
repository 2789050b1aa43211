import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { cli } from '../cli-run.js';
import { LISTS, tempDir } from '../helpers.js';

// The case file of a real entity of the OpenSanctions extract (ZALA group, with ownership links).
describe('sanctrace report', () => {
  const db = path.join(tempDir(), 'report.duckdb');
  const zala = path.join(LISTS, 'ftm', 'zala_entities.ftm.json.gz');
  const id = 'NK-56Edov9bas9puzaChH5pBy';

  it('writes a case file with every value and its source, as Markdown and as printable HTML', async () => {
    expect((await cli('--db', db, 'ingest', 'ftm', zala, '--dataset', 'zala', '--version', 'v1')).code).toBe(0);
    const md = await cli('--db', db, 'report', id);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('# Case file: ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ИЖТЕЛЕКОМ"');
    for (const section of ['## Identity and provenance', '## Sanctions-list matches', '## Red flags', '## Routes', '## Sources']) {
      expect(md.stdout).toContain(section);
    }
    // each value with its dataset, version and source record
    expect(md.stdout).toMatch(/\| name \| ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ИЖТЕЛЕКОМ" \| zala \| v1 \| NK-56Edov9bas9puzaChH5pBy \|/);
    expect(md.stdout).toContain('- zala, version v1');
    expect(md.stdout).not.toContain('SYNTHETIC');

    const page = await cli('--db', db, 'report', id, '--format', 'html');
    expect(page.code).toBe(0);
    expect(page.stdout).toMatch(/^<!doctype html>/);
    expect(page.stdout).toContain('<h2>Identity and provenance</h2>');
    expect(page.stdout).toContain('&quot;ИЖТЕЛЕКОМ&quot;');
    expect(page.stdout).not.toMatch(/<script/i);
    expect(page.stdout).toContain('@media print');
  });

  it('says plainly when the entity does not exist or the format is unknown', async () => {
    const missing = await cli('--db', db, 'report', 'no-such-entity');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no entity with id "no-such-entity"');
    expect((await cli('--db', db, 'report', id, '--format', 'pdf')).code).toBe(2);
  });
});
