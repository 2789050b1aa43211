import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ftmReader } from '../../src/sources/ftm.js';
import { LISTS, rawText, readAll, tempDir, writeTemp } from '../helpers.js';

describe('FtM JSON lines reader', () => {
  it('reads every line of the OpenSanctions extract unchanged', async () => {
    const lines = rawText('ftm/zala_entities.ftm.json.gz').split('\n').filter((l) => l.trim());
    const { records, report } = await readAll(ftmReader, [path.join(LISTS, 'ftm', 'zala_entities.ftm.json.gz')]);
    expect(report.records).toBe(lines.length);
    expect(records.map((r) => r.entities[0]!.id)).toEqual(lines.map((l) => JSON.parse(l).id));
    const first = JSON.parse(lines[0]!);
    expect(records[0]!.entities[0]!.properties).toEqual(first.properties);
  });

  it('names the file and line of a bad entity', async () => {
    const dir = tempDir();
    const bad = writeTemp(dir, 'bad.json', '{"id":"a","schema":"Person","properties":{}}\n{"id":"b","schema":"Persson","properties":{}}\n');
    await expect(readAll(ftmReader, [bad])).rejects.toThrow(/bad\.json:2: entity b: unknown FtM schema "Persson"/);
    const notList = writeTemp(dir, 'notlist.json', '{"id":"a","schema":"Person","properties":{"name":"Ivan"}}\n');
    await expect(readAll(ftmReader, [notList])).rejects.toThrow(/notlist\.json:1: entity a: property "name" is not a list of strings/);
    const truncated = writeTemp(dir, 'trunc.json.gz', gzipSync(Buffer.from('{"id":"a","schema":"Person","properties":{}}\n')).subarray(0, 20));
    await expect(readAll(ftmReader, [truncated])).rejects.toThrow(/trunc\.json\.gz: corrupt or truncated gzip data/);
    const latin1 = writeTemp(dir, 'latin1.json', Buffer.from('{"id":"a","schema":"Person","properties":{"name":["M\xfcller"]}}\n', 'latin1'));
    await expect(readAll(ftmReader, [latin1])).rejects.toThrow(/latin1\.json:1: invalid utf-8 text/);
    const csv = writeTemp(dir, 'list.json', 'ent_num,name\n1,"X"\n');
    await expect(readAll(ftmReader, [csv])).rejects.toThrow(/list\.json:1: not a JSON object/);
  });
});
