import { describe, expect, it } from 'vitest';
import { parseCountries, resolveArea } from '../../src/trade/areas.js';
import { chpl, chplCodes, chplTier } from '../../src/trade/chpl.js';
import { DRONE_CODES, parseGoods, seriesInGoods } from '../../src/trade/goods.js';
import { describe as describeCode, hs6Of, hsEdition, hsNomenclature, levelOf, normaliseTableCode, seriesOf } from '../../src/trade/hs.js';
import { defaultWindows, formatWindow, monthIndex, parsePeriod, parseWindow } from '../../src/trade/periods.js';
import { UsageError } from '../../src/sources/errors.js';

describe('HS catalogue', () => {
  it('holds the HS 2022 nomenclature with descriptions at 2, 4 and 6 digits', () => {
    const hs = hsNomenclature();
    expect(hs.size).toBe(6940);
    expect(hs.get('854231')?.description).toMatch(/processors and controllers/);
    expect(hs.get('8806')?.description).toBe('Unmanned aircraft');
    expect(hs.get('88')?.level).toBe(2);
  });

  it('rolls CN8 up to HS6 and describes codes at every level', () => {
    expect(hs6Of('85423190')).toBe('854231');
    expect(hs6Of('8542')).toBeUndefined();
    expect(levelOf('85423190')).toBe('CN8');
    expect(levelOf('8542XXXX')).toBe('CONF');
    expect(describeCode('85423190')).toMatch(/integrated circuits/i);
    expect(describeCode('8802')).toMatch(/not detailed further/);
    // an HS 2017 code that no longer exists in HS 2022
    expect(describeCode('852580')).toMatch(/HS 2017/);
  });

  it('tells the HS edition of a row from its nomenclature', () => {
    expect(hsEdition('CN2021', 2021)).toBe('HS2017');
    expect(hsEdition('CN2022', 2022)).toBe('HS2022');
    expect(hsEdition('HS2017', 2023)).toBe('HS2017');
    expect(hsEdition('HS', 2016)).toBe('HS2012');
  });

  it('joins HS 2017 8802 and HS 2022 8806 in one series only when bridging', () => {
    const before = seriesOf('HS2017', '88022000', true); // CN8 of an aeroplane ≤ 2 t, where drones were classified until 2021
    const after = seriesOf('HS2022', '88062210', true); // CN8 of an unmanned aircraft of 250 g – 7 kg
    expect(before).toBe(after);
    expect(seriesOf('HS2022', '88062210', false)).toBe('880622');
    // big aircraft stay apart; cameras and semiconductors have their own bridges
    expect(seriesOf('HS2017', '88024000', true)).toBe('880240');
    expect(seriesOf('HS2017', '852580', true)).toBe(seriesOf('HS2022', '852589', true));
    expect(seriesOf('HS2017', '854140', true)).toBe(seriesOf('HS2022', '854149', true));
    expect(seriesOf('HS2017', '854150', true)).toBe(seriesOf('HS2022', '854159', true));
    expect(seriesOf('HS2017', '854890', true)).toBe(seriesOf('HS2022', '854800', true));
    expect(seriesOf('HS2017', '8803', true)).toBe(seriesOf('HS2022', '8807', true));
  });

  it('normalises codes as tables write them', () => {
    expect(normaliseTableCode('10121')).toBe('010121'); // a leading zero lost by a spreadsheet
    expect(normaliseTableCode('10121', 6)).toBe('010121');
    expect(normaliseTableCode('8541.49')).toBe('854149');
    expect(normaliseTableCode('Total')).toBe('TOTAL');
    expect(normaliseTableCode('8542xxxx')).toBe('8542XXXX');
    expect(normaliseTableCode('abc')).toBeUndefined();
    expect(normaliseTableCode('1234567890123')).toBeUndefined();
  });
});

describe('CHPL and goods sets', () => {
  it('holds the 50 CHPL codes in six tiers', () => {
    expect(chpl()).toHaveLength(50);
    expect(chplCodes('tier1')).toEqual(['854231', '854232', '854233', '854239']);
    expect(chplCodes('tier3')?.length).toBe((chplCodes('tier3a')?.length ?? 0) + (chplCodes('tier3b')?.length ?? 0));
    expect(chplTier('880730')).toBe('TIER_3_B');
    expect(chplTier('870323')).toBeUndefined();
  });

  it('selects goods by name, tier or code', () => {
    expect(parseGoods('chpl').codes).toHaveLength(50);
    expect(parseGoods('chpl:tier1').codes).toHaveLength(4);
    expect(parseGoods('drones').codes).toEqual(DRONE_CODES);
    expect(parseGoods('all').all).toBe(true);
    const mixed = parseGoods('chpl:tier1, 8806, 8471.50');
    expect(mixed.codes).toEqual(['854231', '854232', '854233', '854239', '8806', '847150']);
    expect(seriesInGoods(mixed, '880622')).toBe(true);
    expect(seriesInGoods(mixed, '847180')).toBe(false);
    expect(seriesInGoods(parseGoods('drones'), seriesOf('HS2017', '88022000', true))).toBe(true);
  });

  it('refuses unknown set names and tiers', () => {
    expect(() => parseGoods('chpl:tier9')).toThrow(/unknown CHPL tier "tier9"/);
    expect(() => parseGoods('chips')).toThrow(UsageError);
    expect(() => parseGoods(' , ')).toThrow(/empty/);
  });
});

describe('periods and windows', () => {
  it('reads every period form of the sources', () => {
    expect(parsePeriod('2022-03')).toEqual({ period: '2022-03', month0: monthIndex(2022, 3), months: 1, year: 2022 });
    expect(parsePeriod('202203')?.period).toBe('2022-03');
    expect(parsePeriod('2022-03-01')?.period).toBe('2022-03');
    expect(parsePeriod('2022M03')?.period).toBe('2022-03');
    expect(parsePeriod('202252')).toMatchObject({ period: '2022', months: 12 }); // Comext: the whole year
    expect(parsePeriod('Y2021')).toMatchObject({ period: '2021', months: 12 });
    expect(parsePeriod('2022-13')).toBeUndefined();
    expect(parsePeriod('March 2022')).toBeUndefined();
  });

  it('parses windows and chooses defaults from the data', () => {
    expect(parseWindow('2021-03..2021-11')).toEqual({ from: monthIndex(2021, 3), to: monthIndex(2021, 11) });
    expect(formatWindow(parseWindow('2019..2021'))).toBe('2019..2021');
    expect(() => parseWindow('2022-11..2022-03')).toThrow(/ends before/);
    const d = defaultWindows({ lastMonth: monthIndex(2022, 11) });
    expect(formatWindow(d.baseline)).toBe('2021-03..2021-11');
    expect(formatWindow(d.period)).toBe('2022-03..2022-11');
    const annual = defaultWindows({ firstYear: 2019, lastYear: 2023 });
    expect([formatWindow(annual.baseline), formatWindow(annual.period)]).toEqual(['2019..2021', '2022..2023']);
  });
});

describe('reporters and partners', () => {
  it('reads Eurostat long names, French labels, codes and M49 numbers', () => {
    expect(resolveArea("Germany (incl. German Democratic Republic 'DD' from 1991)", 'name')?.code).toBe('DE');
    expect(resolveArea("France (incl. Saint Barthélemy 'BL' -> 2012; incl. French Guiana 'GF', Guadeloupe 'GP', Martinique 'MQ', Réunion 'RE' from 1997; incl. Mayotte 'YT' from 2014)", 'name')?.code).toBe('FR');
    expect(resolveArea('Russian Federation (Russia)', 'name')?.code).toBe('RU');
    expect(resolveArea('Belarus (Belorussia)', 'name')?.code).toBe('BY');
    expect(resolveArea('Korea, Republic of (South Korea)', 'name')?.code).toBe('KR');
    expect(resolveArea('Turquie', 'name')?.code).toBe('TR');
    expect(resolveArea('EL', 'code')?.code).toBe('GR');
    expect(resolveArea('417', 'm49')?.code).toBe('KG');
    expect(resolveArea('842', 'm49')?.code).toBe('US'); // Comtrade's code for the USA
  });

  it('recognises aggregates, unspecified and confidential areas and keeps them apart from countries', () => {
    expect(resolveArea('European Union - 27 countries (AT, BE, BG, CY, CZ, DE, DK, EE, ES, FI, FR, GR, HR, HU, IE, IT, LT, LU, LV, MT, NL, PL, PT, RO, SE, SI, SK)', 'name')).toMatchObject({ code: 'EU27_2020', kind: 'aggregate' });
    expect(resolveArea('Euro area - 20 countries (AT, BE, CY, DE, EE, ES, FI, FR, GR, HR, IE, IT, LT, LU, LV, MT, NL, PT, SI, SK)', 'name')).toMatchObject({ code: 'EA20', kind: 'aggregate' });
    expect(resolveArea('World', 'name')).toMatchObject({ code: 'WORLD', kind: 'aggregate' });
    expect(resolveArea('0', 'm49')).toMatchObject({ code: 'WORLD', kind: 'aggregate' });
    expect(resolveArea('899', 'm49')).toMatchObject({ kind: 'unspecified' });
    expect(resolveArea('Countries and territories not specified for commercial or military reasons in the framework of extra-Union trade', 'name')).toMatchObject({ kind: 'confidential' });
    expect(resolveArea('QX', 'code')).toMatchObject({ kind: 'confidential' });
    expect(resolveArea('Atlantis', 'name')).toBeUndefined();
  });

  it('expands groups named by users', () => {
    const { codes, unknown } = parseCountries('EU27, KZ, Kyrgyzstan, Narnia');
    expect(codes).toHaveLength(29);
    expect(codes).toContain('KG');
    expect(unknown).toEqual(['Narnia']);
  });
});
