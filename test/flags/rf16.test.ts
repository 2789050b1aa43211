import { describe, expect, it } from 'vitest';
import { rf16 } from '../../src/flags/rules/rf16-false-transit.js';
import { Fixture, flagOf } from './fixtures.js';

/** An ordinary consignment through Russia to Kazakhstan, declared on export and again on arrival. */
function ordinary(w: Fixture): void {
  w.company('Milano-Macchine', { country: 'it' });
  w.company('Almaty-Machines', { country: 'kz' });
  w.line({ sender: 'Milano-Macchine', receiver: 'Almaty-Machines', date: '2022-10-01', hs: '845811', qty: 2, direction: 'export', departure: 'IT', transit: 'RU', destination: 'KZ' });
  w.line({ sender: 'Milano-Macchine', receiver: 'Almaty-Machines', date: '2022-10-15', hs: '845811', qty: 2, direction: 'import', departure: 'IT', transit: 'RU', destination: 'KZ' });
}

describe('RF16 false transit', () => {
  it('flags CNC lathes declared for Kyrgyzstan through Russia that never arrive, where arrivals are declared', () => {
    const w = new Fixture();
    ordinary(w);
    w.company('Bishkek-Equipment', { country: 'kg' });
    w.company('Kyrgyz-Dealer', { country: 'kg' });
    // another consignment to Kyrgyzstan that does arrive: the data holds Kyrgyz arrivals
    w.line({ sender: 'Milano-Macchine', receiver: 'Kyrgyz-Dealer', date: '2022-09-01', hs: '846693', qty: 10, direction: 'export', transit: 'RU', destination: 'KG' });
    w.line({ sender: 'Milano-Macchine', receiver: 'Kyrgyz-Dealer', date: '2022-09-12', hs: '846693', qty: 10, direction: 'import', transit: 'RU', destination: 'KG' });
    const ghost = w.line({ sender: 'Milano-Macchine', receiver: 'Bishkek-Equipment', date: '2022-11-03', hs: '845811', qty: 2, direction: 'export', departure: 'IT', transit: 'RU', destination: 'KG' });
    const out = w.run(rf16);
    const f = flagOf(out, 'Bishkek-Equipment');
    expect(f?.score).toBe(0.9);
    expect(f?.summary).toContain('no arrival in Kyrgyzstan (KG) is declared');
    expect(f?.evidence).toContainEqual(expect.objectContaining({ kind: 'shipment', id: ghost }));
    expect(flagOf(out, 'Milano-Macchine')?.score).toBeCloseTo(0.6);
    expect(flagOf(out, 'Kyrgyz-Dealer')).toBeUndefined();
    expect(flagOf(out, 'Almaty-Machines')).toBeUndefined();
  });

  it('flags a consignee registered in Russia for goods declared for Mongolia', () => {
    const w = new Fixture();
    w.company('Milano-Macchine', { country: 'it' });
    w.company('Moscow-Receiver', { country: 'ru' });
    w.line({ sender: 'Milano-Macchine', receiver: 'Moscow-Receiver', date: '2022-11-03', hs: '845811', qty: 2, transit: 'RU', destination: 'MN' });
    expect(flagOf(w.run(rf16), 'Moscow-Receiver')?.summary).toContain('consignee is registered in Russia');
  });

  it('does not judge a missing arrival where the data holds no arrivals for that country', () => {
    const w = new Fixture();
    w.company('Milano-Macchine', { country: 'it' });
    w.company('Bishkek-Equipment', { country: 'kg' });
    w.line({ sender: 'Milano-Macchine', receiver: 'Bishkek-Equipment', date: '2022-11-03', hs: '845811', qty: 2, direction: 'export', transit: 'RU', destination: 'KG' });
    const out = w.run(rf16);
    expect(out.flags).toEqual([]);
    expect(out.coverage).toEqual([expect.objectContaining({ status: 'not_evaluated', needs: expect.stringContaining('arrival') })]);
  });
});
