import { describe, expect, it } from 'vitest';
import { rf07 } from '../../src/flags/rules/rf07-listed-link.js';
import { Fixture, flagOf, evidenceIds } from './fixtures.js';

describe('RF07 linked to a listed party', () => {
  it('flags a hub firm 75% owned by a listed firm through two holdings (50% rule), chain as evidence', () => {
    const w = new Fixture();
    w.listed('Listed-Rosel', { country: 'ru' });
    w.company('Registry-Rosel', { country: 'ru' });
    w.crossref = [{ subject_id: 'Registry-Rosel', listed_id: 'Listed-Rosel', score: 0.97, explanation: ['INN matches'] }];
    w.company('Dubai-Holding', { country: 'ae' });
    w.company('HK-Holding', { country: 'hk' });
    w.company('Almaty-Trader', { country: 'kz' });
    const chain = [w.own('Registry-Rosel', 'Dubai-Holding', 100), w.own('Dubai-Holding', 'HK-Holding', 100), w.own('HK-Holding', 'Almaty-Trader', 75)];
    const f = flagOf(w.run(rf07), 'Almaty-Trader');
    expect(f?.score).toBe(1);
    expect(f?.summary).toContain('75% owned by the listed Listed Rosel');
    expect(evidenceIds(f)).toEqual(expect.arrayContaining([...chain, 'Listed-Rosel']));
  });

  it('flags a registry firm that matches a listed one (0 steps) and its trading partner (1 step)', () => {
    const w = new Fixture();
    w.listed('Listed-Rosel', { country: 'ru' });
    w.company('Registry-Rosel', { country: 'ru' });
    w.company('Yerevan-Computers', { country: 'am' });
    w.company('Chinese-Supplier', { country: 'cn' });
    w.crossref = [{ subject_id: 'Registry-Rosel', listed_id: 'Listed-Rosel', score: 0.97, explanation: ['INN matches'] }];
    w.line({ sender: 'Yerevan-Computers', receiver: 'Registry-Rosel', date: '2023-03-01', hs: '847150', qty: 10 });
    w.line({ sender: 'Chinese-Supplier', receiver: 'Yerevan-Computers', date: '2023-02-01', hs: '847150', qty: 10 });
    const out = w.run(rf07);
    expect(flagOf(out, 'Registry-Rosel')?.score).toBeCloseTo(0.97);
    expect(flagOf(out, 'Registry-Rosel')?.summary).toContain('matches the listed');
    const hub = flagOf(out, 'Yerevan-Computers');
    expect(hub?.score).toBeCloseTo(0.582);
    expect(hub?.summary).toContain('1 step from the listed');
    // a supplier of the supplier is not linked by trade
    expect(flagOf(out, 'Chinese-Supplier')).toBeUndefined();
  });

  it('flags the successor of a listed firm', () => {
    const w = new Fixture();
    w.listed('Kargolayn', { country: 'kg' });
    w.company('Kargolayn-Plus', { country: 'kg' });
    const s = w.add('Succession', 'succ-1', { predecessor: 'Kargolayn', successor: 'Kargolayn-Plus' });
    const f = flagOf(w.run(rf07), 'Kargolayn-Plus');
    expect(f?.summary).toContain('successor of the listed');
    expect(f?.score).toBe(0.9);
    expect(evidenceIds(f)).toContain(s);
  });

  it('does not flag a firm four steps away, nor a weak name match as the party itself', () => {
    const w = new Fixture();
    w.listed('Listed-Co');
    w.person('P1');
    w.person('P2');
    w.company('Far-Co');
    w.direct('P1', 'Listed-Co');
    w.family('P1', 'P2', 'cousin');
    w.direct('P2', 'Mid-Co');
    w.company('Mid-Co');
    w.own('Mid-Co', 'Far-Co', 10);
    w.company('Similar-Name');
    w.crossref = [{ subject_id: 'Similar-Name', listed_id: 'Listed-Co', score: 0.72, explanation: [] }];
    const out = w.run(rf07);
    expect(flagOf(out, 'Far-Co')).toBeUndefined();
    expect(flagOf(out, 'Mid-Co')?.summary).toContain('3 steps');
    const weak = flagOf(out, 'Similar-Name');
    expect(weak?.score).toBeCloseTo(0.216);
    expect(weak?.summary).toContain('may be the listed');
  });

  it('says it needs lists when none is loaded', () => {
    const w = new Fixture();
    w.company('Alone');
    const out = w.run(rf07);
    expect(out.flags).toEqual([]);
    expect(out.coverage).toEqual([expect.objectContaining({ dataset: 'registry', status: 'not_evaluated', needs: expect.stringContaining('sanctions lists') })]);
  });
});
