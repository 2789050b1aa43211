import { describe, expect, it } from 'vitest';
import { rf06 } from '../../src/flags/rules/rf06-address.js';
import { Fixture, flagOf, evidenceIds } from './fixtures.js';

describe('RF06 shared, residential or listed-party address', () => {
  it('flags shells at one flat, including one that writes the address differently', () => {
    const w = new Fixture();
    for (let i = 1; i <= 4; i++) w.company(`Shell-${i}`, { country: 'am', address: '23 Arshakunyats Ave, apt 5, Yerevan 0012' });
    w.company('Shell-5', { country: 'am', address: 'Arshakunyats Avenue 23, apartment 5, Yerevan' });
    const out = w.run(rf06);
    const f = flagOf(out, 'Shell-5');
    expect(f?.summary).toContain('shares its address');
    expect(f?.summary).toContain('flat');
    expect(evidenceIds(f)).toEqual(expect.arrayContaining(['Shell-1', 'Shell-4']));
    expect(f?.evidence).toContainEqual(expect.objectContaining({ kind: 'number', value: 5, label: 'companies at this address' }));
    expect(out.flags).toHaveLength(5);
  });

  it('flags an address close to a listed firm, with both addresses', () => {
    const w = new Fixture();
    w.listed('Kargo-Listed', { country: 'kg', address: '720001, г. Бишкек, ул. Шабдан Баатыра, 27/1' });
    w.company('Kargo-Plus', { country: 'kg', address: 'г. Бишкек, ул. Шабдан Баатыра, 27/1, офис 5, 720001' });
    const f = flagOf(w.run(rf06), 'Kargo-Plus');
    expect(f?.summary).toContain('listed Kargo Listed');
    expect(f?.score).toBeGreaterThanOrEqual(0.85);
    expect(evidenceIds(f)).toContain('Kargo-Listed');
  });

  it('does not flag two firms at one office address, or one at a different house number', () => {
    const w = new Fixture();
    w.listed('Kargo-Listed', { country: 'kg', address: 'ул. Шабдан Баатыра, 27/1, Бишкек' });
    w.company('Neighbour', { country: 'kg', address: 'ул. Шабдан Баатыра, 95, Бишкек' });
    w.company('Firm-A', { country: 'de', address: 'Königstraße 10, 70173 Stuttgart' });
    w.company('Firm-B', { country: 'de', address: 'Königstraße 10, 70173 Stuttgart' });
    expect(w.run(rf06).flags).toEqual([]);
  });

  it('reads Address entities and says what it needs when there are none', () => {
    const w = new Fixture();
    w.address('addr-1', { full: 'Abay Ave 150, apt 12, Almaty', country: 'kz' });
    w.company('Flat-Firm', { country: 'kz', addressEntity: 'addr-1' });
    w.company('No-Address', { country: 'kz' });
    const out = w.run(rf06);
    expect(flagOf(out, 'Flat-Firm')?.evidence[0]).toMatchObject({ id: 'addr-1' });
    expect(out.coverage).toEqual([expect.objectContaining({ status: 'partial', subjects: 2, evaluated: 1, needs: expect.stringContaining('addresses') })]);
  });
});
