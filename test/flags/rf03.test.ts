import { describe, expect, it } from 'vitest';
import { rf03 } from '../../src/flags/rules/rf03-surge.js';
import { Fixture, flagOf } from './fixtures.js';

/** A steady partner that keeps the customs dataset's history reaching back to 2019. */
function withHistory(w: Fixture): void {
  w.company('Steady-A', { country: 'de' });
  w.company('Steady-B', { country: 'kz' });
  for (const d of ['2019-01-10', '2020-06-10', '2021-03-10', '2021-09-10', '2022-05-10']) w.line({ sender: 'Steady-A', receiver: 'Steady-B', date: d, hs: '940360', qty: 10, value: 5000 });
}

describe('RF03 no prior history or sudden surge', () => {
  it('flags a firm that traded tiles for years and starts importing chips after the invasion', () => {
    const w = new Fixture();
    withHistory(w);
    w.company('Karaganda-Build', { country: 'kz' });
    w.company('Shenzhen-Chips', { country: 'cn' });
    w.line({ sender: 'Steady-A', receiver: 'Karaganda-Build', date: '2020-05-01', hs: '690721', qty: 100, value: 8000 });
    const chips = ['2022-05-03', '2022-06-03', '2022-07-03'].map((d) => w.line({ sender: 'Shenzhen-Chips', receiver: 'Karaganda-Build', date: d, hs: '854239', qty: 5000, value: 20000 }));
    const f = flagOf(w.run(rf03), 'Karaganda-Build');
    expect(f?.summary).toContain('never goods of HS 8542');
    expect(f?.evidence).toContainEqual(expect.objectContaining({ kind: 'shipment', id: chips[0] }));
    expect(f?.evidence).toContainEqual(expect.objectContaining({ kind: 'number', value: 60000 }));
  });

  it('flags a sixfold surge of goods of concern and not a steady trader', () => {
    const w = new Fixture();
    withHistory(w);
    w.company('Surge-Co', { country: 'am' });
    w.company('Steady-Co', { country: 'am' });
    w.company('Supplier', { country: 'cn' });
    for (const id of ['Surge-Co', 'Steady-Co']) w.line({ sender: 'Supplier', receiver: id, date: '2021-06-01', hs: '854231', qty: 100, value: 10000 });
    for (const d of ['2022-04-01', '2022-06-01', '2022-08-01']) w.line({ sender: 'Supplier', receiver: 'Surge-Co', date: d, hs: '854231', qty: 1000, value: 20000 });
    w.line({ sender: 'Supplier', receiver: 'Steady-Co', date: '2022-06-01', hs: '854231', qty: 120, value: 12000 });
    const out = w.run(rf03);
    expect(flagOf(out, 'Surge-Co')?.summary).toMatch(/rose from 10,000 .* to 60,000/);
    expect(flagOf(out, 'Steady-Co')).toBeUndefined();
  });

  it('does not judge small amounts', () => {
    const w = new Fixture();
    withHistory(w);
    w.company('Tiny-New', { country: 'kz' });
    w.line({ sender: 'Steady-A', receiver: 'Tiny-New', date: '2022-06-01', hs: '854231', qty: 10, value: 900 });
    expect(flagOf(w.run(rf03), 'Tiny-New')).toBeUndefined();
  });

  it('says it needs history when the lines start after the invasion', () => {
    const w = new Fixture();
    w.company('New-Co', { country: 'kz' });
    w.company('Supplier', { country: 'cn' });
    w.line({ sender: 'Supplier', receiver: 'New-Co', date: '2022-06-01', hs: '854231', qty: 10000, value: 90000 });
    const out = w.run(rf03);
    expect(out.flags).toEqual([]);
    expect(out.coverage).toContainEqual(expect.objectContaining({ dataset: 'customs', status: 'not_evaluated', needs: expect.stringContaining('before 24 Feb 2022') }));
  });
});
