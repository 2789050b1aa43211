import { describe, expect, it } from 'vitest';
import { rf04 } from '../../src/flags/rules/rf04-pass-through.js';
import { Fixture, flagOf } from './fixtures.js';

function route(w: Fixture): void {
  w.company('Stuttgart-Elektronik', { country: 'de' });
  w.company('Astana-Chip', { country: 'kz' });
  w.company('Moscow-Security', { country: 'ru' });
}

describe('RF04 pass-through', () => {
  it('flags 2,598 chips in and the same 2,598 out within weeks, with both lines and the route', () => {
    const w = new Fixture();
    route(w);
    const inLine = w.line({ sender: 'Stuttgart-Elektronik', receiver: 'Astana-Chip', date: '2022-09-06', hs: '85423190', qty: 2598, unit: 'pcs' });
    const outLine = w.line({ sender: 'Astana-Chip', receiver: 'Moscow-Security', date: '2022-09-25', hs: '854231', qty: 2598, unit: 'pcs' });
    const out = w.run(rf04);
    const f = flagOf(out, 'Astana-Chip');
    expect(f?.score).toBe(1);
    expect(f?.route).toEqual({ supplier: 'Stuttgart-Elektronik', intermediary: 'Astana-Chip', buyer: 'Moscow-Security' });
    expect(f?.summary).toContain('2,598');
    expect(f?.summary).toContain('within 19 days');
    expect(f?.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ id: inLine }), expect.objectContaining({ id: outLine }), expect.objectContaining({ kind: 'number', value: 2598 })]));
    // the buyer at the end of the conduit is flagged too, lower
    const buyer = flagOf(out, 'Moscow-Security');
    expect(buyer?.score).toBe(0.6);
    expect(buyer?.summary).toMatch(/^Moscow Security is the buyer of a pass-through/);
    expect(flagOf(out, 'Stuttgart-Elektronik')).toBeUndefined();
  });

  it('matches a month total in against lots out', () => {
    const w = new Fixture();
    route(w);
    w.line({ sender: 'Stuttgart-Elektronik', receiver: 'Astana-Chip', date: '2022-09-02', hs: '854231', qty: 1000, unit: 'pcs' });
    w.line({ sender: 'Stuttgart-Elektronik', receiver: 'Astana-Chip', date: '2022-09-12', hs: '854231', qty: 1598, unit: 'pcs' });
    w.line({ sender: 'Astana-Chip', receiver: 'Moscow-Security', date: '2022-09-20', hs: '854231', qty: 1300, unit: 'pcs' });
    w.line({ sender: 'Astana-Chip', receiver: 'Moscow-Security', date: '2022-10-03', hs: '854231', qty: 1298, unit: 'pcs' });
    const f = flagOf(w.run(rf04), 'Astana-Chip');
    expect(f?.summary).toContain('totals of 2022-09');
  });

  it('does not flag different quantities, other goods, or goods that leave after the window', () => {
    const w = new Fixture();
    route(w);
    w.line({ sender: 'Stuttgart-Elektronik', receiver: 'Astana-Chip', date: '2022-03-01', hs: '854231', qty: 2598 });
    w.line({ sender: 'Astana-Chip', receiver: 'Moscow-Security', date: '2022-03-20', hs: '854231', qty: 1900 });
    w.line({ sender: 'Stuttgart-Elektronik', receiver: 'Astana-Chip', date: '2022-06-01', hs: '854232', qty: 500 });
    w.line({ sender: 'Astana-Chip', receiver: 'Moscow-Security', date: '2022-06-10', hs: '854239', qty: 500 });
    w.line({ sender: 'Stuttgart-Elektronik', receiver: 'Astana-Chip', date: '2023-01-01', hs: '852691', qty: 300 });
    w.line({ sender: 'Astana-Chip', receiver: 'Moscow-Security', date: '2023-05-01', hs: '852691', qty: 300 });
    expect(w.run(rf04).flags).toEqual([]);
  });

  it('scores a pass-through of other goods to a non-restricted buyer lower, and most of a lot passed on lower still', () => {
    const w = new Fixture();
    route(w);
    w.company('Tbilisi-Retail', { country: 'ge' });
    w.line({ sender: 'Stuttgart-Elektronik', receiver: 'Astana-Chip', date: '2022-09-06', hs: '940360', qty: 200 });
    w.line({ sender: 'Astana-Chip', receiver: 'Tbilisi-Retail', date: '2022-09-16', hs: '940360', qty: 200 });
    const f = flagOf(w.run(rf04), 'Astana-Chip');
    expect(f?.score).toBeCloseTo(0.3);
    expect(f?.severity).toBe('low');
    const v = new Fixture();
    route(v);
    v.line({ sender: 'Stuttgart-Elektronik', receiver: 'Astana-Chip', date: '2022-09-06', hs: '854231', qty: 2000 });
    v.line({ sender: 'Astana-Chip', receiver: 'Moscow-Security', date: '2022-09-16', hs: '854231', qty: 1800 });
    const partial = flagOf(v.run(rf04), 'Astana-Chip');
    expect(partial?.score).toBeCloseTo(0.7);
    expect(partial?.summary).toContain('1,800 (90%)');
  });

  it('says it needs quantities when the lines have none', () => {
    const w = new Fixture();
    route(w);
    w.line({ sender: 'Stuttgart-Elektronik', receiver: 'Astana-Chip', date: '2022-09-06', hs: '854231' });
    w.line({ sender: 'Astana-Chip', receiver: 'Moscow-Security', date: '2022-09-25', hs: '854231' });
    const out = w.run(rf04);
    expect(out.flags).toEqual([]);
    expect(out.coverage).toEqual([expect.objectContaining({ status: 'not_evaluated', needs: expect.stringContaining('quantity') })]);
  });
});
