import { describe, expect, it } from 'vitest';
import { EntityBuilder, type ValueProblem } from '../../src/model/builder.js';
import { toFtmJson } from '../../src/model/extensions.js';
import { getSchema } from '../../src/model/ftm.js';
import { cli } from '../cli-run.js';
import { tempDir, writeTemp } from '../helpers.js';
import path from 'node:path';

describe('FtM extension properties for customs lines', () => {
  it('cleans HS codes, numbers and transit countries, and reports what it cannot clean', () => {
    const problems: ValueProblem[] = [];
    const line = new EntityBuilder('EconomicActivity', 'decl-1', (p) => problems.push(p))
      .add('hsCode', '8542.31.00')
      .add('quantity', '1 200')
      .add('netWeight', '3,5')
      .add('value', '12,345.60')
      .add('transitCountry', 'Kazakhstan')
      .add('hsCode', '854')
      .add('quantity', 'many');
    expect(line.properties).toEqual({ hsCode: ['85423100'], quantity: ['1200'], netWeight: ['3.5'], value: ['12345.6'], transitCountry: ['kz'] });
    expect(problems.map((p) => p.reason)).toEqual(['not an HS code: "854"', 'not a number: "many"']);
    expect(() => new EntityBuilder('Company', 'c').add('hsCode', '8542')).toThrow(/no property "hsCode"/);
  });

  it('exports extensions outside `properties`, so the line is valid FtM, and reads them back', async () => {
    const entity = { id: 'decl-1', schema: 'EconomicActivity', properties: { ccdNumber: ['10702070/010322/0001'], hsCode: ['85423100'], quantity: ['1200'] } };
    const json = toFtmJson(entity);
    const ftmProps = getSchema('EconomicActivity').getProperties();
    expect(Object.keys(json.properties).every((p) => ftmProps.has(p))).toBe(true);
    expect(json.extensions).toEqual({ hsCode: ['85423100'], quantity: ['1200'] });

    const dir = tempDir();
    const db = path.join(dir, 'x.duckdb');
    const file = writeTemp(dir, 'lines.ftm.json', JSON.stringify(json) + '\n');
    const loaded = await cli('--db', db, 'ingest', 'ftm', file, '--dataset', 'customs');
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).not.toMatch(/not in the pinned FtM model/);
    const exported = await cli('--db', db, 'export', '--format', 'ftm');
    const back = JSON.parse(exported.stdout.trim());
    expect(back.properties).toEqual({ ccdNumber: ['10702070/010322/0001'] });
    expect(back.extensions).toEqual({ hsCode: ['85423100'], quantity: ['1200'] });
  });
});
