/**
 * `sanctrace crossref` and `sanctrace flags` through the CLI on a small store: a hand-made list
 * dataset (every party with the sanction topic, invented names) and a hand-made registry/customs
 * dataset whose Kyrgyz buyer has the listed party's tax number.
 */
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli-run.js';
import { tempDir } from '../helpers.js';

const e = (id: string, schema: string, properties: Record<string, string[]>, extensions?: Record<string, string[]>) =>
  JSON.stringify(extensions ? { id, schema, properties, extensions } : { id, schema, properties });

let db: string;

beforeAll(async () => {
  const dir = tempDir('sanctrace-flags-cli-');
  db = path.join(dir, 'cli.duckdb');
  const list = path.join(dir, 'list.ftm.json');
  writeFileSync(
    list,
    [
      e('lst-1', 'Company', { name: ['OSOO Tian Shan Elektronik'], country: ['kg'], taxNumber: ['02503202210145'], topics: ['sanction'], incorporationDate: ['2022-03-25'] }),
      e('lst-2', 'Person', { name: ['Arkady Viktorovich Zhelezny'], nationality: ['ru'], birthDate: ['1961-02-03'], topics: ['sanction'] }),
    ].join('\n') + '\n',
  );
  const registry = path.join(dir, 'registry.ftm.json');
  writeFileSync(
    registry,
    [
      e('hub', 'Company', { name: ['TOO Step Trade'], country: ['kz'], incorporationDate: ['2022-05-04'] }),
      e('buyer', 'Company', { name: ['Tian Shan Elektronik LLC'], country: ['kg'], taxNumber: ['02503202210145'] }),
      e('maker', 'Company', { name: ['Rheinau Mikro GmbH'], country: ['de'], incorporationDate: ['2001-01-01'] }),
      e('l1', 'EconomicActivity', { sender: ['maker'], receiver: ['hub'], date: ['2022-09-06'] }, { hsCode: ['854231'], quantity: ['500'], value: ['9000'], currency: ['EUR'] }),
      e('l2', 'EconomicActivity', { sender: ['hub'], receiver: ['buyer'], date: ['2022-09-20'] }, { hsCode: ['854231'], quantity: ['500'], value: ['9900'], currency: ['EUR'] }),
    ].join('\n') + '\n',
  );
  expect((await cli('--db', db, 'ingest', 'ftm', list, '--dataset', 'hand_list', '--version', '1')).code).toBe(0);
  expect((await cli('--db', db, 'ingest', 'ftm', registry, '--dataset', 'hand_registry', '--version', '1')).code).toBe(0);
});

describe('sanctrace crossref', () => {
  it('links the registry party to the listed one and reports the run as JSON', async () => {
    const out = await cli('--db', db, 'crossref', '--format', 'json', '--workers', '1');
    expect(out.code).toBe(0);
    const body = JSON.parse(out.stdout);
    expect(body).toMatchObject({ mode: 'full', lists: { hand_list: '1' }, subject_datasets: { hand_registry: '1' }, subjects: 3 });
    expect(body.top_links[0]).toMatchObject({ subject_id: 'buyer', listed_id: 'lst-1', match: true });
    const again = await cli('--db', db, 'crossref');
    expect(again.stdout).toContain('cross-referencing unchanged');
  });

  it('rejects an unknown dataset and a threshold out of range', async () => {
    expect((await cli('--db', db, 'crossref', '--dataset', 'nope')).code).toBe(2);
    expect((await cli('--db', db, 'crossref', '--threshold', '2')).code).toBe(2);
  });
});

describe('sanctrace flags', () => {
  it('lists the ranked parties with their flags as JSON: the buyer that is the listed firm, then its supplier', async () => {
    const out = await cli('--db', db, 'flags', '--format', 'json', '--top', '3');
    expect(out.code).toBe(0);
    const body = JSON.parse(out.stdout);
    expect(body.entities.map((x: { entity_id: string }) => x.entity_id).slice(0, 2)).toEqual(['buyer', 'hub']);
    expect(body.entities[1].flags.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(['RF01', 'RF04', 'RF07', 'RF13']));
    expect(body.total).toBeGreaterThanOrEqual(2);
  });

  it("prints one party's terms and evidence, CSV, and routes", async () => {
    const one = await cli('--db', db, 'flags', '--entity', 'hub');
    expect(one.stdout).toContain('score, term by term');
    // a pass-through into Kyrgyzstan, a hub, not Russia: 0.6
    expect(one.stdout).toMatch(/RF04 {2}2 × 0\.6 × 1 = 1\.2/);
    expect(one.stdout).toContain('registry facts count as much as its strongest flag on conduct: ×0.6');
    expect(one.stdout).toContain('shipment [l2]');
    const csv = await cli('--db', db, 'flags', '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('rank,entity_id,caption,schema,country,score,flags,codes,first_reason');
    const routes = await cli('--db', db, 'flags', '--routes', '--format', 'json');
    expect(JSON.parse(routes.stdout).routes[0]).toMatchObject({ supplier: 'maker', intermediary: 'hub', buyer: 'buyer' });
  });

  it('shows a list dataset\'s entries when asked, and rejects unknown rules and entities', async () => {
    const listed = JSON.parse((await cli('--db', db, 'flags', '--dataset', 'hand_list', '--format', 'json')).stdout);
    expect(listed.entities.map((x: { entity_id: string }) => x.entity_id)).toContain('lst-1');
    expect((await cli('--db', db, 'flags', '--code', 'RF99')).code).toBe(2);
    const unknown = await cli('--db', db, 'flags', '--entity', 'no-such-id');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no entity with id "no-such-id"');
  });
});
