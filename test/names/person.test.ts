import { describe, expect, it } from 'vitest';
import { analyseName } from '../../src/names/analyse.js';
import { isGivenName, patronymicMarker, patronymicOf, personParts, sameGivenName } from '../../src/names/person.js';
import { normalise } from '../../src/names/normalise.js';
import { latinKey, toLatin } from '../../src/names/transliterate.js';

const k = (s: string) => s.split(' ').map(latinKey);
const key = (s: string) => latinKey(toLatin(normalise(s)));
const kinds = (name: string) => analyseName(name, 'Person').tokens.map((t) => `${t.latin}:${t.kind}`);

describe('person names', () => {
  it('recognises patronymics by their suffix in every romanisation', () => {
    for (const p of ['Vladimirovich', 'Vladimirovitch', 'Wladimirowitsch', 'Vladimirovič', 'Romanovych', 'Arkadyevich', 'Ilyich']) {
      expect(patronymicOf(key(p))?.gender, p).toBe('male');
    }
    for (const p of ['Vladimirovna', 'Arkadyevna', 'Ilinichna', 'Volodymyrivna']) expect(patronymicOf(key(p))?.gender, p).toBe('female');
    expect(patronymicOf(latinKey('abishuly'))).toEqual({ stem: 'abish', gender: 'male', style: 'turkic' });
    expect(patronymicOf(latinKey('nursultankyzy'))?.gender).toBe('female');
    expect(patronymicOf(latinKey('vladimirovich'))?.stem).toBe('vladimir');
    expect(patronymicOf(latinKey('putin'))).toBeUndefined();
    expect(patronymicMarker(latinKey('uulu'))).toBe('male');
    expect(patronymicMarker(latinKey('ogly'))).toBe('male');
    expect(patronymicMarker(latinKey('kyzy'))).toBe('female');
  });

  it('assigns given, patronymic and family in any order (OFAC and EU styles)', () => {
    expect(kinds('PUTIN, Vladimir Vladimirovich')).toEqual(['putin:family', 'vladimir:given', 'vladimirovich:patronymic']);
    expect(kinds('Vladimir Vladimirovich Putin')).toEqual(['vladimir:given', 'vladimirovich:patronymic', 'putin:family']);
    expect(kinds('Путин Владимир Владимирович')).toEqual(['putin:family', 'vladimir:given', 'vladimirovich:patronymic']);
    expect(kinds('Putin Vladimir')).toEqual(['putin:family', 'vladimir:given']);
    expect(kinds('Vladislav Vladimirovich Fedorenko')).toEqual(['vladislav:given', 'vladimirovich:patronymic', 'fedorenko:family']);
  });

  it('keeps family names ending in -ovich family names (Abramovich, Petrovic)', () => {
    expect(kinds('Roman Arkadyevich Abramovich')).toEqual(['roman:given', 'arkadyevich:patronymic', 'abramovich:family']);
    expect(kinds('ABRAMOVICH, Roman Arkadyevich')).toEqual(['abramovich:family', 'roman:given', 'arkadyevich:patronymic']);
    expect(kinds('Marko Petrovic')).toEqual(['marko:word', 'petrovic:word']);
  });

  it('reads Turkic patronymic words and initials', () => {
    expect(kinds('Sadyr Nurgojo uulu')).toEqual(['sadyr:given', 'nurgojo:patronymic', 'uulu:patronymic']);
    expect(analyseName('Sadyr Nurgojo uulu', 'Person').tokens[1]!.stem).toBe('nurgojo');
    expect(kinds('В. В. Путин')).toEqual(['v:initial', 'v:initial', 'putin:family']);
    expect(kinds('Путин В. В.')).toEqual(['putin:family', 'v:initial', 'v:initial']);
  });

  it('leaves words whose part it cannot tell as words', () => {
    expect(personParts(k('kim jong'))).toEqual(['word', 'word']);
    expect(personParts(k('ivan ivanov'))).toEqual(['given', 'family']);
    expect(personParts(k('ivanov ivan ivanovich'), 0)).toEqual(['family', 'given', 'patronymic']);
  });

  it('knows given names and their forms in neighbouring languages', () => {
    expect(isGivenName(latinKey('yevgeny'))).toBe(true);
    expect(sameGivenName(latinKey('vladimir'), latinKey('volodymyr'))).toBe(1);
    expect(sameGivenName(latinKey('aleksei'), latinKey('oleksiy'))).toBe(1);
    expect(sameGivenName(latinKey('aleksandr'), latinKey('aleksei'))).toBe(0);
    expect(sameGivenName(latinKey('vladimir'), latinKey('putin'))).toBeUndefined();
  });
});
