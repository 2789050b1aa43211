import { describe, expect, it } from 'vitest';
import { compactIdentifier, digitsOnly, kgInn, kzBin, kzIin, recogniseIdentifier, ruInn, ruOgrn } from '../../src/model/identifiers.js';

// Real identifiers from the EU Reg. 833/2014 Annex IV and OFAC SDN lists bundled in data/lists.
describe('identifiers', () => {
  it('keeps a digits-only form beside the original', () => {
    expect(digitsOnly('7744 001-497')).toBe('7744001497');
    expect(compactIdentifier('ab 12-34/5')).toBe('AB12345');
  });

  it('reads the registration month from a Kazakh BIN (TOO Elem Group, Annex IV)', () => {
    expect(kzBin('220340015717')).toMatchObject({ valid: true, date: '2022-03', dateMeaning: 'registration' });
    expect(kzBin('120540008532')).toMatchObject({ valid: true, date: '2012-05' });
  });

  it('rejects a BIN with a wrong check digit or length', () => {
    expect(kzBin('220340015718')).toMatchObject({ valid: false, problem: 'check digit does not match' });
    expect(kzBin('22034001571').problem).toMatch(/12 digits/);
  });

  it('reads the birth date from a Kazakh IIN', () => {
    // 850101 + century digit 3 (1900s, male) + serial; check digit computed by the official algorithm
    const body = '85010130012';
    const w = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const c = body.split('').reduce((s, d, i) => s + Number(d) * w[i]!, 0) % 11;
    expect(c).toBeLessThan(10);
    expect(kzIin(body + c)).toMatchObject({ valid: true, date: '1985-01-01', dateMeaning: 'birth' });
    expect(kzIin('851301300125').valid).toBe(false);
  });

  it('reads the registration date from a Kyrgyz INN (Profflab LLC, Annex IV)', () => {
    expect(kgInn('01703202210047')).toMatchObject({ valid: true, date: '2022-03-17', dateMeaning: 'registration' });
    expect(kgInn('01713202210047').valid).toBe(false);
  });

  it('validates Russian INN and OGRN check digits (Gazprombank, OFAC remarks)', () => {
    expect(ruInn('7744001497').valid).toBe(true);
    expect(ruInn('7744001498').valid).toBe(false);
    expect(ruOgrn('1027700167110')).toMatchObject({ valid: true, kind: 'ru-ogrn', date: '2002' });
    expect(ruOgrn('1027700167111').valid).toBe(false);
  });

  it('recognises an identifier given the issuing country', () => {
    expect(recogniseIdentifier('220340015717', 'KZ')?.kind).toBe('kz-bin');
    expect(recogniseIdentifier('7744001497', 'RU')?.kind).toBe('ru-inn');
    expect(recogniseIdentifier('1027700167110', 'RU')?.kind).toBe('ru-ogrn');
    expect(recogniseIdentifier('01703202210047', 'KG')?.kind).toBe('kg-inn');
    expect(recogniseIdentifier('AB123', 'RU')).toBeUndefined();
  });
});
