import { describe, expect, it } from 'vitest';
import { rf05 } from '../../src/flags/rules/rf05-common-control.js';
import { Fixture, flagOf, evidenceIds } from './fixtures.js';

describe('RF05 common owner, director or relative across a route', () => {
  it('flags the Kazakh importer and the Moscow buyer owned by one person', () => {
    const w = new Fixture();
    w.person('Owner-Person', { nationality: 'kz' });
    w.company('Almaty-Drones', { country: 'kz' });
    w.company('Moscow-Drones', { country: 'ru' });
    w.company('Dutch-Distributor', { country: 'nl' });
    const o1 = w.own('Owner-Person', 'Almaty-Drones', 100, '2022-04-10');
    const o2 = w.own('Owner-Person', 'Moscow-Drones', 60, '2019-05-10');
    w.line({ sender: 'Dutch-Distributor', receiver: 'Almaty-Drones', date: '2022-06-05', hs: '880622', qty: 300 });
    const out = w.line({ sender: 'Almaty-Drones', receiver: 'Moscow-Drones', date: '2022-06-25', hs: '880622', qty: 300 });
    const result = w.run(rf05);
    const f = flagOf(result, 'Almaty-Drones');
    expect(f?.score).toBe(1);
    expect(f?.summary).toContain('both controlled by Owner Person');
    expect(f?.summary).toContain('Russia');
    expect(evidenceIds(f)).toEqual(expect.arrayContaining([o1, o2, 'Owner-Person', out]));
    expect(f?.route).toEqual({ supplier: 'Dutch-Distributor', intermediary: 'Almaty-Drones', buyer: 'Moscow-Drones' });
    expect(flagOf(result, 'Moscow-Drones')).toBeDefined();
  });

  it("flags parents' exporter and their son's hub firm, citing the family ties", () => {
    const w = new Fixture();
    w.person('Father', { nationality: 'ru' });
    w.person('Son', { nationality: 'ru' });
    w.company('Stuttgart-GmbH', { country: 'de' });
    w.company('Astana-LLP', { country: 'kz' });
    w.company('Moscow-Buyer', { country: 'ru' });
    w.own('Father', 'Stuttgart-GmbH', 50, '2008-01-01');
    w.own('Son', 'Astana-LLP', 100, '2022-03-10');
    w.own('Someone', 'Moscow-Buyer', 100);
    const fam = w.family('Father', 'Son', 'son');
    w.line({ sender: 'Stuttgart-GmbH', receiver: 'Astana-LLP', date: '2022-09-06', hs: '854231', qty: 2598 });
    w.line({ sender: 'Astana-LLP', receiver: 'Moscow-Buyer', date: '2022-09-25', hs: '854231', qty: 2598 });
    const f = flagOf(w.run(rf05), 'Astana-LLP');
    expect(f?.summary).toContain('relatives, Father and Son (son)');
    expect(f?.score).toBe(0.9);
    expect(evidenceIds(f)).toContain(fam);
    expect(f?.route).toEqual({ supplier: 'Stuttgart-GmbH', intermediary: 'Astana-LLP', buyer: 'Moscow-Buyer' });
  });

  it('does not see a common owner whose ownership ended before the trade', () => {
    const w = new Fixture();
    w.person('Former-Owner');
    w.person('New-Owner');
    w.company('Astana-Furniture', { country: 'kz' });
    w.company('Novosibirsk-Furniture', { country: 'ru' });
    w.own('Former-Owner', 'Astana-Furniture', 100, '2014-01-01', '2020-06-30');
    w.own('New-Owner', 'Astana-Furniture', 100, '2020-06-30');
    w.own('Former-Owner', 'Novosibirsk-Furniture', 100, '2012-01-01');
    w.line({ sender: 'Astana-Furniture', receiver: 'Novosibirsk-Furniture', date: '2022-04-01', hs: '940360', qty: 50 });
    expect(w.run(rf05).flags).toEqual([]);
  });

  it('weighs a group trading within itself away from Russia low', () => {
    const w = new Fixture();
    w.company('Parent-AG', { country: 'de' });
    w.company('Subsidiary-BV', { country: 'nl' });
    w.own('Parent-AG', 'Subsidiary-BV', 100);
    w.direct('Someone', 'Parent-AG');
    w.line({ sender: 'Parent-AG', receiver: 'Subsidiary-BV', date: '2022-04-01', hs: '847130', qty: 50 });
    const f = flagOf(w.run(rf05), 'Parent-AG');
    expect(f?.score).toBe(0.3);
    expect(f?.severity).toBe('low');
  });

  it('says it needs ownership or directorship data', () => {
    const w = new Fixture();
    w.company('A', { country: 'kz' });
    w.company('B', { country: 'ru' });
    w.line({ sender: 'A', receiver: 'B', date: '2022-04-01', hs: '854231', qty: 50 });
    const out = w.run(rf05);
    expect(out.flags).toEqual([]);
    expect(out.coverage).toEqual([expect.objectContaining({ status: 'not_evaluated', needs: expect.stringContaining('Ownership') })]);
  });
});
