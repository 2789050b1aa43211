import { describe, expect, it } from 'vitest';
import { analyseName } from '../../src/names/analyse.js';
import { genericWeight, genericWeights, isGeneric, isGenericOnly, isParticle, isStopWord, isTitle, STOP_WEIGHT } from '../../src/names/generic-words.js';
import { latinKey } from '../../src/names/transliterate.js';

const w = (word: string) => genericWeight(latinKey(word));

describe('generic words', () => {
  it('weighs generic words 0.2–0.45, stop words 0.05, ordinary words 1', () => {
    for (const g of ['trading', 'company', 'international', 'group', 'holding', 'industries', 'enterprise', 'services', 'technology', 'import', 'export', 'logistics', 'global', 'general', 'limited']) {
      expect(w(g), g).toBeGreaterThanOrEqual(0.2);
      expect(w(g), g).toBeLessThanOrEqual(0.45);
    }
    for (const s of ['the', 'and', 'of']) expect(w(s), s).toBe(STOP_WEIGHT);
    expect(isStopWord(latinKey('the'))).toBe(true);
    for (const o of ['elem', 'kalashnikov', 'rosneft', 'sberbank']) expect(w(o), o).toBe(1);
  });

  it('knows transliterated Russian, Kazakh and Turkish generic words, whatever the spelling', () => {
    for (const g of ['torgovyy', 'torgovyi', 'kompaniya', 'gruppa', 'grupp', 'kholding', 'tekhnologii', 'servis', 'treid', 'zavod', 'ticaret', 'sanayi']) {
      expect(w(g), g).toBeLessThan(0.5);
    }
    expect(isGeneric(latinKey('group'))).toBe(true);
    expect(isGeneric(latinKey('elem'))).toBe(false);
  });

  it('weighs "trading house", "торговый дом" and ТД down together', () => {
    const a = analyseName('Торговый Дом Ромашка', 'Company');
    expect(a.tokens.map((t) => t.weight)).toEqual([0.25, 0.25, 1]);
    const b = analyseName('TD Romashka', 'Company');
    expect(b.tokens[0]!.weight).toBeLessThan(0.5);
    expect(genericWeights(['trading', 'hous'].map(latinKey))).toEqual([0.25, 0.25]);
  });

  it('flags names made only of generic words', () => {
    expect(analyseName('General Trading Company LLC', 'Company').genericOnly).toBe(true);
    expect(analyseName('International Holding Group', 'Company').genericOnly).toBe(true);
    expect(analyseName('Торговый дом', 'Company').genericOnly).toBe(true);
    expect(analyseName('Elem Group', 'Company').genericOnly).toBe(false);
    expect(isGenericOnly([])).toBe(true);
    expect(isGenericOnly([0.3, 1])).toBe(false);
  });

  it('knows particles and titles of personal names, by their spelling and place', () => {
    expect(isParticle('bin')).toBe(true);
    expect(isParticle('von')).toBe(true);
    expect(isParticle('le')).toBe(true);
    expect(isParticle('lee')).toBe(false); // Lee is a name, not the particle le
    expect(isTitle(['president', 'putin'], 0)).toBe(true);
    expect(isTitle(['carol', 'king'], 1)).toBe(false); // a title only before a name
    expect(isTitle(['robert', 'cole'], 1)).toBe(false);
    expect(isTitle(['putyin', 'elnok'], 1)).toBe(true); // Hungarian puts it after
    expect(analyseName('Президент Путин', 'Person').tokens[0]!.weight).toBe(STOP_WEIGHT);
    expect(analyseName('Carol King', 'Person').tokens[1]!.weight).toBe(1);
  });
});
