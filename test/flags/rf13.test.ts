import { describe, expect, it } from 'vitest';
import { rf13 } from '../../src/flags/rules/rf13-chpl.js';
import { Fixture, flagOf } from './fixtures.js';

describe('RF13 high-priority and drone goods', () => {
  it('flags tier-1 chips going to Russia fully and into a hub less, with the tier and the lines', () => {
    const w = new Fixture();
    w.company('Stuttgart-Elektronik', { country: 'de' });
    w.company('Astana-Chip', { country: 'kz' });
    w.company('Moscow-Buyer', { country: 'ru' });
    const line = w.line({ sender: 'Stuttgart-Elektronik', receiver: 'Astana-Chip', date: '2022-09-06', hs: '85423190', qty: 2598, value: 30000 });
    w.line({ sender: 'Astana-Chip', receiver: 'Moscow-Buyer', date: '2022-09-26', hs: '854231', qty: 2598, value: 36000 });
    const out = w.run(rf13);
    const f = flagOf(out, 'Stuttgart-Elektronik');
    expect(f?.score).toBe(0.6);
    expect(f?.summary).toContain('CHPL tier 1');
    expect(f?.summary).toContain('into Kazakhstan (KZ)');
    expect(flagOf(out, 'Astana-Chip')?.score).toBe(1);
    expect(flagOf(out, 'Astana-Chip')?.summary).toContain('1 to Russia (RU)');
    expect(f?.evidence).toContainEqual(expect.objectContaining({ kind: 'shipment', id: line }));
    expect(flagOf(out, 'Astana-Chip')?.goods).toEqual(['854231']);
  });

  it('flags drones, and weighs goods of concern that stay in the coalition lower', () => {
    const w = new Fixture();
    w.company('Dutch-Drones', { country: 'nl' });
    w.company('French-Buyer', { country: 'fr' });
    w.company('Almaty-Drones', { country: 'kz' });
    w.line({ sender: 'Dutch-Drones', receiver: 'Almaty-Drones', date: '2022-06-01', hs: '880622', qty: 300 });
    w.line({ sender: 'French-Buyer', receiver: 'Dutch-Drones', date: '2022-06-01', hs: '848210', qty: 300 });
    const out = w.run(rf13);
    expect(flagOf(out, 'Almaty-Drones')?.summary).toContain('drone goods');
    expect(flagOf(out, 'French-Buyer')?.score).toBeCloseTo(0.28);
  });

  it('does not flag goods off the list, and says it needs HS codes', () => {
    const w = new Fixture();
    w.company('Furniture', { country: 'kz' });
    w.company('Buyer', { country: 'ru' });
    w.line({ sender: 'Furniture', receiver: 'Buyer', date: '2022-06-01', hs: '940360', qty: 300 });
    expect(w.run(rf13).flags).toEqual([]);
    const v = new Fixture();
    v.line({ sender: 'A', receiver: 'B', date: '2022-06-01', qty: 3 });
    expect(v.run(rf13).coverage).toEqual([expect.objectContaining({ status: 'not_evaluated', needs: expect.stringContaining('HS codes') })]);
  });
});
