import { describe, expect, it } from 'vitest';
import { rf01 } from '../../src/flags/rules/rf01-new-company.js';
import { Fixture, flagOf } from './fixtures.js';
import { binOf } from './ids.js';

describe('RF01 incorporated on or after 24 Feb 2022', () => {
  it('flags a Kazakh company registered in April 2022, citing the registry date', () => {
    const w = new Fixture();
    w.company('Altyn-Trade', { country: 'kz', incorporationDate: '2022-04-12' });
    const f = flagOf(w.run(rf01), 'Altyn-Trade');
    expect(f?.score).toBe(1);
    expect(f?.severity).toBe('high');
    expect(f?.summary).toContain('Kazakhstan');
    expect(f?.evidence).toContainEqual(expect.objectContaining({ kind: 'statement', id: 'Altyn-Trade', value: '2022-04-12' }));
    expect(f?.evidence).toContainEqual(expect.objectContaining({ kind: 'date', value: '2022-02-24' }));
  });

  it('reads the date a BIN encodes when the registry gives none', () => {
    const w = new Fixture();
    const bin = binOf('2203');
    w.company('Steppe-Components', { country: 'kz', registrationNumber: bin });
    const f = flagOf(w.run(rf01), 'Steppe-Components');
    expect(f).toBeDefined();
    expect(f?.evidence[0]).toMatchObject({ kind: 'statement', value: bin });
    expect(f?.evidence[0]!.label).toContain('Kazakh BIN');
    expect(f?.summary).toContain('2022-03');
  });

  it('reads a Kyrgyz INN (0 DDMMYYYY …) and a remark', () => {
    const w = new Fixture();
    w.company('Ala-Too-Import', { country: 'kg', taxNumber: '01703202210110' });
    w.company('Bosphorus-Dis', { country: 'tr', notes: 'Date of registration: 04.04.2022' });
    const out = w.run(rf01);
    expect(flagOf(out, 'Ala-Too-Import')?.summary).toContain('2022-03-17');
    const remark = flagOf(out, 'Bosphorus-Dis');
    expect(remark?.evidence[0]).toMatchObject({ kind: 'statement', value: 'Date of registration: 04.04.2022' });
  });

  it('does not flag a company registered the day before, nor a BIN of February 2022 (it may be before the 24th)', () => {
    const w = new Fixture();
    w.company('Old-Firm', { country: 'kz', incorporationDate: '2022-02-23' });
    w.company('February-Firm', { country: 'kz', registrationNumber: binOf('2202') });
    const out = w.run(rf01);
    expect(out.flags).toEqual([]);
    // both were evaluated: a date was known
    expect(out.coverage).toEqual([expect.objectContaining({ dataset: 'registry', status: 'evaluated', subjects: 2, evaluated: 2 })]);
  });

  it('scores a new firm outside the hubs lower', () => {
    const w = new Fixture();
    w.company('Moscow-New', { country: 'ru', incorporationDate: '2023-01-10' });
    const f = flagOf(w.run(rf01), 'Moscow-New');
    expect(f?.score).toBe(0.5);
    expect(f?.severity).toBe('medium');
  });

  it('says what it needs when a dataset has no registration dates', () => {
    const w = new Fixture('customs-parties');
    w.company('No-Date-LLP', { country: 'kz' });
    const out = w.run(rf01);
    expect(out.flags).toEqual([]);
    expect(out.coverage).toEqual([
      expect.objectContaining({ code: 'RF01', dataset: 'customs-parties', status: 'not_evaluated', evaluated: 0, needs: expect.stringContaining('registration date') }),
    ]);
  });
});
