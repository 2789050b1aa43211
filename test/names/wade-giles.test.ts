import { describe, expect, it } from 'vitest';
import { analyseName } from '../../src/names/analyse.js';
import { wadeGilesReadings, wadeGilesSyllable } from '../../src/names/wade-giles.js';
import { ALGORITHM, scorePair } from '../../src/screening/score.js';

const screen = (query: string, listed: string) =>
  scorePair({ schema: 'Person', properties: { name: [query] } }, { id: 'listed', schema: 'Person', properties: { name: [listed] } }).score;

describe('Wade-Giles', () => {
  it('reads syllables as pinyin, both ways where the apostrophe of an aspirate is lost', () => {
    expect(wadeGilesSyllable('hsi')).toEqual(['xi']);
    expect(wadeGilesSyllable('tse')).toEqual(['ze', 'ce']);
    expect(wadeGilesSyllable('tung')).toEqual(['dong', 'tong']);
    expect(wadeGilesSyllable('chin')).toEqual(['jin', 'qin']);
    expect(wadeGilesSyllable('shih')).toEqual(['shi']);
    expect(wadeGilesSyllable('ho')).toEqual(['he']);
    expect(wadeGilesSyllable('vladimir')).toBeUndefined();
  });

  it('reads a name only when every word is a syllable', () => {
    expect(wadeGilesReadings(['mao', 'tse', 'tung'])).toEqual([[], ['ze', 'ce'], ['dong', 'tong']]);
    expect(wadeGilesReadings(['vladimir', 'tung'])).toBeUndefined();
    expect(wadeGilesReadings(['li', 'na'])).toBeUndefined(); // reads as written: nothing to add
    expect(analyseName('Kim Jong Un', 'Person').tokens.some((t) => t.readings)).toBe(false);
  });

  it('matches Wade-Giles names with their pinyin spellings, and not other names', () => {
    expect(screen('Mao Tse-tung', 'Mao Zedong')).toBeGreaterThanOrEqual(ALGORITHM.threshold);
    expect(screen('Hsi Chin-ping', 'Xi Jinping')).toBeGreaterThanOrEqual(ALGORITHM.threshold);
    expect(screen('Chiang Ching-kuo', 'Jiang Jingguo')).toBeGreaterThanOrEqual(ALGORITHM.threshold);
    expect(screen('Mao Tse-tung', 'Mao Xinyu')).toBeLessThan(ALGORITHM.threshold);
    expect(screen('Hsi Chin-ping', 'Xi Mingze')).toBeLessThan(ALGORITHM.threshold);
  });
});
