import { describe, expect, it } from 'vitest';
import { analyseName } from '../../src/names/analyse.js';
import { annexIv, sdnWithAliases } from './data.js';

describe('analyseName', () => {
  it('returns the original, the normalised and Latin forms, and tokens with every field', () => {
    const a = analyseName('Путин, Владимир Владимирович', 'Person');
    expect(a.original).toBe('Путин, Владимир Владимирович');
    expect(a.normalised).toBe('путин владимир владимирович');
    expect(a.latin).toBe('putin vladimir vladimirovich');
    expect(a.person).toBe(true);
    expect(a.legalForms).toEqual([]);
    expect(a.genericOnly).toBe(false);
    const [family, given, patronymic] = a.tokens;
    expect(family).toMatchObject({ text: 'путин', latin: 'putin', key: 'putin', kind: 'family', weight: 1, script: 'cyrillic', index: 0 });
    expect(family!.phonetic).toBe('PTN');
    expect(given).toMatchObject({ latin: 'vladimir', kind: 'given' });
    expect(patronymic).toMatchObject({ latin: 'vladimirovich', kind: 'patronymic', stem: 'vladimir' });
    expect(patronymic!.weight).toBeLessThan(1);
  });

  it('removes legal forms from the tokens and reports their classes (OFAC Russian companies)', () => {
    const a = analyseName('OOO TAMOZHENNAYA KARTA', 'Company');
    expect(a.legalForms).toEqual(['llc']);
    expect(a.tokens.map((t) => t.latin)).toEqual(['tamozhennaya', 'karta']);
    expect(a.latin).toBe('ooo tamozhennaya karta');
    const b = analyseName('AKTSIONERNOE OBSHCHESTVO PASIT', 'Company');
    expect(b.legalForms).toEqual(['jsc']);
    expect(b.tokens.map((t) => t.latin)).toEqual(['pasit']);
  });

  it('gives organisation tokens generic weights and numbers their own kind', () => {
    const a = analyseName('Joint Stock Company 123 Aviation Repair Plant', 'Company');
    expect(a.legalForms).toEqual(['jsc']);
    expect(a.tokens.map((t) => `${t.latin}:${t.kind}`)).toEqual(['123:number', 'aviation:word', 'repair:word', 'plant:word']);
    expect(a.tokens.find((t) => t.latin === 'plant')!.weight).toBeLessThan(0.5);
    expect(analyseName('35th Shipyard', 'Company').tokens[0]).toMatchObject({ latin: '35', kind: 'number' });
    expect(analyseName('35-й завод', 'Company').tokens.map((t) => t.latin)).toEqual(['35', 'zavod']);
  });

  it('flags a generic-only name', () => {
    expect(analyseName('International Trading Company Ltd', 'Company').genericOnly).toBe(true);
    expect(analyseName('Trading', 'Company').genericOnly).toBe(true);
    expect(analyseName('Kalashnikov Trading Company', 'Company').genericOnly).toBe(false);
  });

  it('keeps parenthesised translations and acronyms apart as alternatives', () => {
    const a = analyseName('Foreign Intelligence Service (SVR)', 'Organization');
    expect(a.tokens.map((t) => t.latin)).toEqual(['foreign', 'intelligence', 'service']);
    expect(a.alternatives).toEqual(['SVR']);
    const p = analyseName('Lev Anatolyevich Yershov (Ershov)', 'Person');
    expect(p.tokens.map((t) => t.kind)).toEqual(['given', 'patronymic', 'family']);
    expect(p.alternatives).toEqual(['Ershov']);
    expect(analyseName('Moselectronproekt (JSC)', 'Company').legalForms).toEqual(['jsc']);
  });

  it('guesses a person when the schema does not say', () => {
    expect(analyseName('PUTIN, Vladimir Vladimirovich').person).toBe(true);
    expect(analyseName('Ivanov Ivan Ivanovich', 'LegalEntity').person).toBe(true);
    expect(analyseName('Kalashnikov Concern').person).toBe(false);
    expect(analyseName('Argut OOO').person).toBe(false);
    expect(analyseName('PUTIN, Vladimir Vladimirovich', 'Company').person).toBe(false);
  });

  it('analyses every Annex IV and SDN name without throwing, with tokens for nearly all', () => {
    const names = [...annexIv().values()].flatMap((e) => [e.name, ...e.aliases]);
    for (const e of [...sdnWithAliases().values()].slice(0, 3000)) names.push(e.name, ...e.aliases);
    let empty = 0;
    for (const n of names) {
      const a = analyseName(n);
      if (a.tokens.length === 0) empty++;
      for (const t of a.tokens) {
        expect(t.latin).toMatch(/^[a-z0-9]+$/);
        expect(t.weight).toBeGreaterThan(0);
        expect(t.weight).toBeLessThanOrEqual(1);
      }
    }
    expect(empty / names.length).toBeLessThan(0.002);
  });

  it('is deterministic', () => {
    const n = '«ELEM GROUP (ЭЛЕМ ГРУПП)» Жауапкершілігі Шектеулі Серіктестігі';
    expect(analyseName(n)).toEqual(analyseName(n));
  });
});
