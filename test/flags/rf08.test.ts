import { describe, expect, it } from 'vitest';
import { rf08 } from '../../src/flags/rules/rf08-line-of-business.js';
import { lineOfBusiness } from '../../src/flags/line-of-business.js';
import { Fixture, flagOf } from './fixtures.js';

describe('RF08 goods inconsistent with the line of business', () => {
  it('flags a fruit wholesaler shipping bearings and navigation instruments, citing its activity code', () => {
    const w = new Fixture();
    w.company('Tashkent-Fruit', { country: 'uz', classification: '46.31 Wholesale of fruit and vegetables' });
    w.company('Moscow-Fruit', { country: 'ru' });
    w.line({ sender: 'Tashkent-Fruit', receiver: 'Moscow-Fruit', date: '2022-03-01', hs: '080810', qty: 1000, value: 20000 });
    const bearings = w.line({ sender: 'Tashkent-Fruit', receiver: 'Moscow-Fruit', date: '2022-08-01', hs: '848210', qty: 500, value: 5000 });
    const f = flagOf(w.run(rf08), 'Tashkent-Fruit');
    expect(f?.score).toBe(0.9);
    expect(f?.summary).toContain('46.31');
    expect(f?.summary).toContain('goods of concern (HS 848210)');
    expect(f?.evidence[0]).toMatchObject({ kind: 'statement', value: '46.31 Wholesale of fruit and vegetables' });
    expect(f?.evidence).toContainEqual(expect.objectContaining({ kind: 'shipment', id: bearings }));
  });

  it('does not flag an electronics wholesaler shipping chips and cables, nor a general trader shipping anything', () => {
    const w = new Fixture();
    w.company('Chip-Wholesale', { classification: '46.52' });
    w.company('General-Trade', { classification: 'NACE 46.90' });
    w.company('Buyer');
    w.line({ sender: 'Chip-Wholesale', receiver: 'Buyer', date: '2022-03-01', hs: '854231', qty: 10 });
    w.line({ sender: 'Chip-Wholesale', receiver: 'Buyer', date: '2022-03-01', hs: '854442', qty: 10 });
    w.line({ sender: 'General-Trade', receiver: 'Buyer', date: '2022-03-01', hs: '848210', qty: 10 });
    expect(flagOf(w.run(rf08), 'Chip-Wholesale')).toBeUndefined();
    expect(flagOf(w.run(rf08), 'General-Trade')).toBeUndefined();
  });

  it('flags other goods outside the line only above a share of the trade', () => {
    const w = new Fixture();
    w.company('Tile-Importer', { classification: '46.73' });
    w.company('Supplier');
    w.line({ sender: 'Supplier', receiver: 'Tile-Importer', date: '2022-03-01', hs: '690721', value: 90000 });
    w.line({ sender: 'Supplier', receiver: 'Tile-Importer', date: '2022-03-01', hs: '610910', value: 1000 });
    expect(flagOf(w.run(rf08), 'Tile-Importer')).toBeUndefined();
    w.line({ sender: 'Supplier', receiver: 'Tile-Importer', date: '2022-04-01', hs: '610910', value: 60000 });
    const f = flagOf(w.run(rf08), 'Tile-Importer');
    expect(f?.score).toBe(0.5);
    expect(f?.summary).toContain('40% of its trade is HS 610910');
  });

  it('reads OKED codes without dots, and says what it needs without a code', () => {
    expect(lineOfBusiness('46.31')?.key).toBe('46.3');
    expect(lineOfBusiness('62.01')?.scope.kind).toBe('codes');
    const w = new Fixture();
    w.company('Oked-Firm', { classification: '68201' });
    w.company('No-Code');
    w.company('Buyer');
    w.line({ sender: 'Oked-Firm', receiver: 'Buyer', date: '2022-03-01', hs: '854231', qty: 10 });
    w.line({ sender: 'No-Code', receiver: 'Buyer', date: '2022-03-01', hs: '854231', qty: 10 });
    const out = w.run(rf08);
    expect(flagOf(out, 'Oked-Firm')?.summary).toContain('Real estate activities');
    expect(out.coverage).toEqual([expect.objectContaining({ dataset: 'registry', status: 'partial', evaluated: 1, needs: expect.stringContaining('activity code') })]);
  });
});
