import { describe, expect, it } from 'vitest';
import { analyseName } from '../../src/names/analyse.js';
import { consonantSkeleton, phoneticKey, phoneticKeys } from '../../src/names/phonetic.js';
import { latinKey } from '../../src/names/transliterate.js';

const code = (w: string) => phoneticKey(latinKey(w));

describe('phonetic keys', () => {
  it('gives one Double Metaphone code to spellings of one name', () => {
    expect(code('vladimir')).toBe(code('wladimir'));
    expect(code('putin')).toBe(code('poutine'));
    expect(code('mohamed')).toBe(code('muhammad'));
    expect(code('jon')).toBe(code('john'));
    expect(code('khaled')).toBe(code('halid'));
    expect(phoneticKeys(latinKey('john'))).toHaveLength(2);
  });

  it('tells different names apart', () => {
    expect(code('putin')).not.toBe(code('medvedev'));
    expect(code('ivanov')).not.toBe(code('petrov'));
  });

  it('has no code for numbers', () => {
    expect(phoneticKey('123')).toBe('');
    expect(phoneticKeys('123')).toEqual(['', '']);
  });

  it('gives names written without vowels the consonant skeleton of their Latin spellings', () => {
    const arabic = analyseName('محمد خالد عبد', 'Person').tokens.map((t) => t.skeleton);
    expect(arabic).toEqual([consonantSkeleton('mohamed'), consonantSkeleton('khaled'), consonantSkeleton('abd')]);
    expect(consonantSkeleton('mahmoud')).toBe(consonantSkeleton('mhmwd'));
    expect(consonantSkeleton('vladimir')).toBe(consonantSkeleton('fldymyr'));
    expect(consonantSkeleton('putin')).toBe(consonantSkeleton('bwtyn'));
    // Hebrew: ו is a vowel inside a word, פ is p
    expect(consonantSkeleton('fvtyn', true)).toBe(consonantSkeleton('putin'));
    expect(consonantSkeleton('vldymyr', true)).toBe(consonantSkeleton('vladimir'));
  });
});
