import { describe, expect, it } from 'vitest';
import { rf17 } from '../../src/flags/rules/rf17-russian-founders.js';
import { Fixture, flagOf, evidenceIds } from './fixtures.js';

describe('RF17 Russian founders after the invasion', () => {
  it('flags a Bishkek firm of 2022 founded by a Russian national (date from its INN)', () => {
    const w = new Fixture();
    w.person('Ivan-Petrov', { nationality: 'ru', country: 'kg' });
    w.company('Bishkek-Chips', { country: 'kg', taxNumber: '01703202210110' });
    const own = w.own('Ivan-Petrov', 'Bishkek-Chips', 100, '2022-03-17');
    const f = flagOf(w.run(rf17), 'Bishkek-Chips');
    expect(f?.score).toBe(1);
    expect(f?.summary).toBe('Bishkek Chips (Kyrgyzstan (KG)), registered on 2022-03-17, was founded by Ivan Petrov, Russia (RU) national.');
    expect(evidenceIds(f)).toContain(own);
    expect(f?.evidence).toContainEqual(expect.objectContaining({ kind: 'statement', id: 'Ivan-Petrov', value: 'RU' }));
  });

  it('does not flag a firm founded by a Kyrgyz national whose Russian owner came two years later, nor an old firm', () => {
    const w = new Fixture();
    w.person('Local', { nationality: 'kg' });
    w.person('Later-Russian', { nationality: 'ru' });
    w.company('New-Firm', { country: 'kg', incorporationDate: '2022-05-01' });
    w.own('Local', 'New-Firm', 100, '2022-05-01');
    w.own('Later-Russian', 'New-Firm', 50, '2024-06-01');
    w.person('Founder-Ru', { nationality: 'ru' });
    w.company('Old-Firm', { country: 'kg', incorporationDate: '2015-05-01' });
    w.own('Founder-Ru', 'Old-Firm', 100, '2015-05-01');
    expect(w.run(rf17).flags).toEqual([]);
  });

  it('says what it needs when founders or dates are missing', () => {
    const w = new Fixture();
    w.company('Unknown-Owners', { country: 'kg', incorporationDate: '2022-05-01' });
    const out = w.run(rf17);
    expect(out.coverage).toEqual([expect.objectContaining({ status: 'not_evaluated', needs: expect.stringContaining('owners or directors') })]);
  });
});
