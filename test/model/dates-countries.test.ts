import { describe, expect, it } from 'vitest';
import { parseDate, parseDateOrRange } from '../../src/model/dates.js';
import { toIso2, countryName } from '../../src/model/countries.js';
import { makeId } from '../../src/model/ids.js';
import { EntityBuilder, type ValueProblem } from '../../src/model/builder.js';

describe('dates', () => {
  it('keeps the precision the source gives', () => {
    expect(parseDate('1965')).toBe('1965');
    expect(parseDate('1965-03')).toBe('1965-03');
    expect(parseDate('31 Aug 1960')).toBe('1960-08-31');
    expect(parseDate('Aug 1960')).toBe('1960-08');
    expect(parseDate('circa 1958')).toBe('1958');
    expect(parseDate('23.2.2024')).toBe('2024-02-23');
    expect(parseDate('29/04/2026')).toBe('2026-04-29');
    expect(parseDate('2026-02-27T00:00:09Z')).toBe('2026-02-27');
  });
  it('refuses what is not a date', () => {
    expect(parseDate('31 Feb 1960')).toBeUndefined();
    expect(parseDate('unknown')).toBeUndefined();
    expect(parseDate('')).toBeUndefined();
  });
  it('expands year ranges', () => {
    expect(parseDateOrRange('1961 to 1963')).toEqual(['1961', '1962', '1963']);
    expect(parseDateOrRange('01 Jan 1970')).toEqual(['1970-01-01']);
  });
});

describe('countries', () => {
  it('maps names and codes in several languages to ISO2', () => {
    expect(toIso2('Russia')).toBe('RU');
    expect(toIso2('Russian Federation')).toBe('RU');
    expect(toIso2('Российская Федерация')).toBe('RU');
    expect(toIso2('KAZ')).toBe('KZ');
    expect(toIso2('398')).toBe('KZ');
    expect(toIso2('Kyrgyz Republic')).toBe('KG');
    expect(toIso2('Türkiye')).toBe('TR');
    expect(toIso2('Turkey')).toBe('TR');
    expect(toIso2('Korea, North')).toBe('KP');
    expect(toIso2('Atlantis')).toBeUndefined();
    expect(countryName('AE')).toBe('United Arab Emirates');
  });
});

describe('ids and entity builder', () => {
  it('makes the same id from the same dataset and key', () => {
    expect(makeId('us_ofac_sdn', '36')).toBe('us-ofac-sdn-36');
    expect(makeId('x', 'a', 'b')).toBe(makeId('x', 'a', 'b'));
    expect(makeId('x', 'a', 'b')).not.toBe(makeId('x', 'a', 'c'));
    expect(makeId('x', 'a b')).toMatch(/^x-[0-9a-f]{24}$/);
  });
  it('cleans values by FtM type and reports what it cannot keep', () => {
    const problems: ValueProblem[] = [];
    const b = new EntityBuilder('Person', 'p1', (p) => problems.push(p));
    b.add('nationality', ['Russia', 'Atlantis']).add('birthDate', ['1965', 'soon']).add('name', ['  Ivan   Petrov ', 'Ivan Petrov']);
    expect(b.build().properties).toEqual({ nationality: ['ru'], birthDate: ['1965'], name: ['Ivan Petrov'] });
    expect(problems.map((p) => p.value)).toEqual(['Atlantis', 'soon']);
    expect(() => b.add('imoNumber', '1')).toThrow(/no property "imoNumber"/);
  });
});
