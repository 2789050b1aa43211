import { describe, expect, it } from 'vitest';
import { rf15 } from '../../src/flags/rules/rf15-split.js';
import { Fixture, flagOf } from './fixtures.js';

describe('RF15 split shipments', () => {
  it('flags two dozen lots under the threshold to one buyer within three weeks', () => {
    const w = new Fixture();
    w.company('Istanbul-Elektronik', { country: 'tr' });
    w.company('Moscow-Buyer', { country: 'ru' });
    const lots = [];
    for (let i = 0; i < 24; i++) {
      lots.push(w.line({ sender: 'Istanbul-Elektronik', receiver: 'Moscow-Buyer', date: `2022-11-${String(7 + Math.floor((i * 21) / 24)).padStart(2, '0')}`, hs: '854232', qty: 2500, value: 9700 }));
    }
    const out = w.run(rf15);
    const f = flagOf(out, 'Istanbul-Elektronik');
    expect(f?.summary).toMatch(/sent Moscow Buyer \d+ lots of HS 854232 within \d+ days, each at most 10,000 USD/);
    expect(f?.evidence).toContainEqual(expect.objectContaining({ kind: 'shipment', id: lots[0] }));
    expect(flagOf(out, 'Moscow-Buyer')).toBeDefined();
  });

  it('does not flag four lots, lots above the threshold, or weekly lots', () => {
    const w = new Fixture();
    w.company('A');
    w.company('B');
    for (let i = 0; i < 4; i++) w.line({ sender: 'A', receiver: 'B', date: `2022-11-0${1 + i}`, hs: '854232', value: 5000 });
    for (let i = 0; i < 6; i++) w.line({ sender: 'A', receiver: 'B', date: `2022-12-0${1 + i}`, hs: '854231', value: 15000 });
    for (let i = 0; i < 10; i++) w.line({ sender: 'A', receiver: 'B', date: `2023-${String(1 + i).padStart(2, '0')}-01`, hs: '854239', value: 2000 });
    expect(w.run(rf15).flags).toEqual([]);
  });

  it('says it needs line values', () => {
    const w = new Fixture();
    for (let i = 0; i < 6; i++) w.line({ sender: 'A', receiver: 'B', date: `2022-11-0${1 + i}`, hs: '854232', qty: 10 });
    const out = w.run(rf15);
    expect(out.flags).toEqual([]);
    expect(out.coverage).toEqual([expect.objectContaining({ status: 'not_evaluated', needs: expect.stringContaining('value') })]);
  });
});
