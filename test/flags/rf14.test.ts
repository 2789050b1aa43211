import { describe, expect, it } from 'vitest';
import { rf14 } from '../../src/flags/rules/rf14-price.js';
import { Fixture, flagOf } from './fixtures.js';

/** 30 ordinary lines of processors at 9–11 USD a piece. */
function market(w: Fixture): void {
  w.company('Trader-A', { country: 'cn' });
  w.company('Trader-B', { country: 'ae' });
  for (let i = 0; i < 30; i++) w.line({ sender: 'Trader-A', receiver: 'Trader-B', date: `2022-0${1 + (i % 9)}-10`, hs: '854231', qty: 1000, unit: 'pcs', value: 1000 * (9 + (i % 5) * 0.5) });
}

describe('RF14 price anomaly', () => {
  it('flags processors declared at a thirtieth of the usual price, with the median and z-score', () => {
    const w = new Fixture();
    market(w);
    w.company('Tbilisi-Computers', { country: 'ge' });
    w.company('Moscow-Buyer', { country: 'ru' });
    const cheap = w.line({ sender: 'Tbilisi-Computers', receiver: 'Moscow-Buyer', date: '2022-11-01', hs: '854231', qty: 5000, unit: 'pcs', value: 1650 });
    const out = w.run(rf14);
    const f = flagOf(out, 'Tbilisi-Computers');
    expect(f?.summary).toContain('3.3% of the median of 10 USD');
    expect(f?.evidence).toContainEqual(expect.objectContaining({ kind: 'shipment', id: cheap }));
    expect(f?.evidence).toContainEqual(expect.objectContaining({ kind: 'number', value: 10, label: expect.stringContaining('median unit price of 31 lines') }));
    expect(flagOf(out, 'Moscow-Buyer')).toBeDefined();
    expect(flagOf(out, 'Trader-A')).toBeUndefined();
  });

  it('does not flag a price 30% above the median', () => {
    const w = new Fixture();
    market(w);
    w.company('Dear-Seller', { country: 'ge' });
    w.line({ sender: 'Dear-Seller', receiver: 'Trader-B', date: '2022-11-01', hs: '854231', qty: 1000, unit: 'pcs', value: 13000 });
    expect(w.run(rf14).flags).toEqual([]);
  });

  it('does not judge codes with too few lines, and says so', () => {
    const w = new Fixture();
    w.company('A');
    w.company('B');
    for (let i = 0; i < 5; i++) w.line({ sender: 'A', receiver: 'B', date: '2022-01-10', hs: '903082', qty: 1, value: 100000 });
    w.line({ sender: 'A', receiver: 'B', date: '2022-02-10', hs: '903082', qty: 1, value: 3000000 });
    const out = w.run(rf14);
    expect(out.flags).toEqual([]);
    expect(out.coverage).toEqual([expect.objectContaining({ status: 'not_evaluated', needs: expect.stringContaining('enough lines') })]);
  });
});
