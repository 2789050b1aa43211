import { describe, expect, it } from 'vitest';
import { normalise, stripDiacritics, tokens } from '../../src/names/normalise.js';

describe('normalise', () => {
  it('folds case, collapses whitespace and turns punctuation into token boundaries', () => {
    expect(normalise('  PUTIN,   Vladimir\tVladimirovich ')).toBe('putin vladimir vladimirovich');
    expect(normalise('Kazan Helicopter Plant PJSC')).toBe('kazan helicopter plant pjsc');
    expect(normalise('L.L.C.')).toBe('llc');
    expect(normalise('A.B.C. Company')).toBe('abc company');
    expect(normalise('Almaz-Antey / (VKO)')).toBe('almaz antey vko');
  });

  it('treats the quotes lists use as boundaries («» “” „“ ‘’ ")', () => {
    // EU Annex IV, TOO Elem Group
    expect(normalise('Товарищество с Ограниченной Ответственностью «ELEM GROUP (ЭЛЕМ ГРУПП)»')).toBe('товарищество с ограниченной ответственностью elem group элем групп');
    expect(normalise('Joint Stock Company “Research and Production Association ‘BAZALT’”')).toBe('joint stock company research and production association bazalt');
    expect(normalise('„Romashka“')).toBe('romashka');
    expect(normalise('ООО"Ромашка"')).toBe('ооо ромашка');
  });

  it('drops apostrophes inside words (Gol\'dberg, O\'Brien, Ukrainian apostrophe) instead of splitting', () => {
    expect(normalise("Gol'dberg")).toBe('goldberg');
    expect(normalise('Gol’dberg')).toBe('goldberg');
    expect(normalise("O'Brien")).toBe('obrien');
    expect(normalise("“MVIZION” mas'uliyati cheklangan jamiyati")).toBe('mvizion masuliyati cheklangan jamiyati');
    expect(normalise('Мар’яна')).toBe('маряна');
    expect(normalise("'Abd Allah")).toBe('abd allah');
  });

  it('applies NFKC and strips control and format characters', () => {
    expect(normalise('ﬁrm\u00ADname\u200B')).toBe('firmname');
    expect(normalise('ＡＢＣ　Ｌｔｄ')).toBe('abc ltd');
    expect(normalise('Line1\nLine2\r\n')).toBe('line1 line2');
  });

  it('removes diacritics that do not change transliteration, keeps those that do', () => {
    expect(normalise('Vladímír Pútín')).toBe('vladimir putin');
    expect(normalise('Müller Markt')).toBe('muller markt');
    expect(normalise('Влади́мир ПУ́ТИН')).toBe('владимир путин'); // stress marks go
    expect(normalise('Йошкар-Ола Ёлкин Їжак')).toBe('йошкар ола ёлкин їжак'); // й ё ї stay
    expect(normalise('Vladimirovič Šojgu Žukov')).toBe('vladimirovič šojgu žukov'); // caron stays for the transliterator
    expect(normalise('Ltd. Şti.')).toBe('ltd şti');
    expect(normalise('Straße')).toBe('strasse');
    expect(normalise('İSTANBUL')).toBe('istanbul');
    expect(stripDiacritics('çğ')).toBe('cg');
  });

  it('keeps Arabic letters and drops harakat; leaves Devanagari vowel signs alone', () => {
    expect(normalise('مُحَمَّد')).toBe('محمد');
    expect(normalise('ش.ذ.م.م-منطقة حرة')).toBe('ش ذ م م منطقة حرة');
    expect(normalise('व्लादिमीर पुतिन')).toBe('व्लादिमीर पुतिन');
  });

  it('turns & into "and" and No/№ into a boundary', () => {
    expect(normalise('GmbH & Co. KG')).toBe('gmbh and co kg');
    expect(normalise('Завод №9')).toBe('завод 9');
    expect(tokens('')).toEqual([]);
    expect(tokens('a b')).toEqual(['a', 'b']);
  });
});
