import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { ingest } from '../../src/ingest/ingest.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import type { Store, StoredEntity } from '../../src/store/store.js';
import { SourceError } from '../../src/sources/errors.js';
import { LISTS, rawText, tempDir, writeTemp } from '../helpers.js';

const ZALA = path.join(LISTS, 'ftm', 'zala_entities.ftm.json.gz');
const zalaLines = () => rawText('ftm/zala_entities.ftm.json.gz').split('\n').filter((l) => l.trim());

function canonical(e: { id: string; schema: string; properties: Record<string, string[]> }) {
  const properties = Object.fromEntries(
    Object.entries(e.properties)
      .map(([k, v]) => [k, [...new Set(v)].sort()] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return { id: e.id, schema: e.schema, properties };
}

async function all(store: Store, datasets?: string[]): Promise<StoredEntity[]> {
  const out: StoredEntity[] = [];
  for await (const e of store.entities({ datasets })) out.push(e);
  return out;
}

describe('DuckDB store', () => {
  let dir: string;
  let store: DuckDbStore;
  beforeEach(async () => {
    dir = tempDir();
    store = await DuckDbStore.open(path.join(dir, 'test.duckdb'));
  });
  afterEach(async () => store.close());

  it('loads FtM entities exactly as they are, with provenance per statement', async () => {
    const result = await ingest(store, { format: 'ftm', inputs: [ZALA], dataset: 'zala', version: 'v1' });
    const lines = zalaLines();
    expect(result.version.records).toBe(lines.length);
    const expected = lines.map((l) => canonical(JSON.parse(l)));
    const loaded = (await all(store)).map(canonical);
    expect(loaded).toEqual(expected.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));

    const someone = expected.find((e) => e.schema === 'Person')!;
    const statements = await store.statements(someone.id);
    expect(statements.length).toBeGreaterThan(1);
    expect(statements.every((s) => s.dataset === 'zala' && s.recordKey === someone.id && s.firstVersion === 'v1' && s.current)).toBe(true);
  });

  it('streams every entity even while other queries run on the store', async () => {
    const loaded = await ingest(store, { format: 'un-xml', inputs: [path.join(LISTS, 'un')], dataset: 'un' });
    const expected = loaded.version.entities;
    let seen = 0;
    for await (const e of store.entities()) {
      seen++;
      // a lookup per entity, as a server answering requests or a caller following links does
      if (seen % 50 === 1) expect((await store.getEntity(e.id))?.id).toBe(e.id);
    }
    expect(seen).toBe(expected);
  });

  it('round-trips export → ingest without loss', async () => {
    await ingest(store, { format: 'ftm', inputs: [path.join(LISTS, 'ftm')], dataset: 'os' });
    const exported = await all(store);
    const file = writeTemp(dir, 'export.ftm.json', exported.map((e) => JSON.stringify(e)).join('\n') + '\n');
    await ingest(store, { format: 'ftm', inputs: [file], dataset: 'again' });
    const again = await all(store, ['again']);
    expect(again.map(canonical)).toEqual(exported.map(canonical));
  });

  it('round-trips a whole official list (UN XML) through export → ingest ftm', async () => {
    await ingest(store, { format: 'un-xml', inputs: [path.join(LISTS, 'un')], dataset: 'un' });
    const exported = await all(store, ['un']);
    expect(exported.length).toBeGreaterThan(3000);
    const file = writeTemp(dir, 'un.ftm.json', exported.map((e) => JSON.stringify(e)).join('\n') + '\n');
    await ingest(store, { format: 'ftm', inputs: [file], dataset: 'un_again' });
    expect((await all(store, ['un_again'])).map(canonical)).toEqual(exported.map(canonical));
  });

  it('records a new version and its delta: added, removed and changed properties', async () => {
    const lines = zalaLines();
    await ingest(store, { format: 'ftm', inputs: [ZALA], dataset: 'zala', version: '2026-06-01' });
    const removed = lines.slice(0, 3).map((l) => JSON.parse(l).id as string);
    const changed = JSON.parse(lines[3]!);
    const prop = Object.keys(changed.properties)[0]!;
    const oldValues: string[] = changed.properties[prop];
    changed.properties[prop] = [...oldValues.slice(1), 'NEW VALUE'];
    const added = { id: 'test-new-entity', schema: 'Company', properties: { name: ['New Trading LLP'], country: ['kz'] } };
    const next = [JSON.stringify(changed), ...lines.slice(4), JSON.stringify(added)].join('\n');
    const file = writeTemp(dir, 'zala-next.ftm.json', next);
    const result = await ingest(store, { format: 'ftm', inputs: [file], dataset: 'zala', version: '2026-07-01' });
    expect(result.version).toMatchObject({ seq: 2, added: 1, removed: 3, changed: 1 });

    const delta = await store.delta('zala');
    expect(delta).toMatchObject({ from: '2026-06-01', to: '2026-07-01', added: 1, removed: 3, changed: 1 });
    expect(delta.entities.filter((e) => e.change === 'removed').map((e) => e.id).sort()).toEqual(removed.sort());
    const ch = delta.entities.find((e) => e.change === 'changed')!;
    expect(ch.id).toBe(changed.id);
    expect(ch.properties).toEqual([{ prop, added: ['NEW VALUE'], removed: [oldValues[0]] }]);
    expect((await store.getEntity('test-new-entity'))?.properties['name']).toEqual(['New Trading LLP']);
    expect(await store.getEntity(removed[0]!)).toBeUndefined();
    // the old version is still there for history
    const hist = await store.statements(removed[0]!);
    expect(hist.length).toBeGreaterThan(0);
    expect(hist.every((s) => !s.current && s.lastVersion === '2026-06-01')).toBe(true);
    // the reverse delta mirrors it
    const back = await store.delta('zala', '2026-07-01', '2026-06-01');
    expect(back).toMatchObject({ added: 3, removed: 1, changed: 1 });
  });

  it('does not load the same files twice', async () => {
    await ingest(store, { format: 'ftm', inputs: [ZALA], dataset: 'zala' });
    const again = await ingest(store, { format: 'ftm', inputs: [ZALA], dataset: 'zala' });
    expect(again.status).toBe('unchanged');
    expect(await store.versions('zala')).toHaveLength(1);
  });

  it('leaves the store unchanged when a load fails half-way', async () => {
    await ingest(store, { format: 'ftm', inputs: [ZALA], dataset: 'zala', version: 'v1' });
    const before = await all(store);
    const lines = zalaLines();
    const broken = [...lines.slice(0, 50), '{"id": "x", "schema": "Person", "properties": ', ...lines.slice(50)].join('\n');
    const file = writeTemp(dir, 'broken.ftm.json', broken);
    await expect(ingest(store, { format: 'ftm', inputs: [file], dataset: 'zala' })).rejects.toThrow(SourceError);
    await expect(ingest(store, { format: 'ftm', inputs: [file], dataset: 'zala' })).rejects.toThrow(/broken\.ftm\.json:51: not a JSON object/);
    await expect(ingest(store, { format: 'ftm', inputs: [file], dataset: 'other' })).rejects.toThrow(SourceError);
    expect(await all(store)).toEqual(before);
    expect((await store.datasets()).map((d) => d.name)).toEqual(['zala']);
    expect(await store.versions('zala')).toHaveLength(1);
  });

  it('keeps data across reopening the file, and refuses unknown versions clearly', async () => {
    await ingest(store, { format: 'ftm', inputs: [ZALA], dataset: 'zala', version: 'v1' });
    await store.close();
    store = await DuckDbStore.open(path.join(dir, 'test.duckdb'));
    expect((await store.datasets())[0]).toMatchObject({ name: 'zala', version: 'v1', records: zalaLines().length });
    await expect(store.delta('zala', 'v0')).rejects.toThrow(/no version "v0"; versions: v1/);
    await expect(store.delta('nope')).rejects.toThrow(/no dataset named "nope"/);
  });
});
