import { describe, expect, it } from 'vitest';
import { ruInn, ruOgrn } from '../../src/model/identifiers.js';
import {
  ofacCountry,
  parseBirthDates,
  parseIdentifier,
  parseRemarks,
  parseSegment,
  remarkSegments,
  type RemarkFact,
} from '../../src/sources/ofac-remarks.js';

/** The facts of one kind, for compact assertions. */
function ofKind<K extends RemarkFact['kind']>(facts: RemarkFact[], kind: K): Array<Extract<RemarkFact, { kind: K }>> {
  return facts.filter((f): f is Extract<RemarkFact, { kind: K }> => f.kind === kind);
}

function props(facts: RemarkFact[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of ofKind(facts, 'prop')) (out[f.prop] ??= []).push(...f.values);
  return out;
}

// Remarks exactly as they stand in sdn_20240503.csv
const ALMAZ_ANTEY = // 16865
  'Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209; Organization Established Date 19 Nov 1991; Target Type State-Owned Enterprise; Tax ID No. 7731084175 (Russia); Government Gazette Number 11593871 (Russia); Registration Number 1027739001993 (Russia).';
const NASRALLAH = // 2686
  'DOB 31 Aug 1960; alt. DOB 31 Aug 1953; alt. DOB 31 Aug 1955; alt. DOB 31 Aug 1958; POB Al Basuriyah, Lebanon; Additional Sanctions Information - Subject to Secondary Sanctions Pursuant to the Hizballah Financial Sanctions Regulations; Gender Male; Passport 042833 (Lebanon); Secretary General of Hizballah; Linked To: HIZBALLAH.';
const SBERBANK_CAPITAL = // 18669
  'Executive Order 13662 Directive Determination - Subject to Directive 1; Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209; Executive Order 14024 Directive Information - For more information on directives, please visit the following link: https://home.treasury.gov/policy-issues/financial-sanctions/sanctions-programs-and-country-information/russian-harmful-foreign-activities-sanctions#directives; Listing Date (EO 14024 Directive 2): 24 Feb 2022; Effective Date (EO 14024 Directive 2): 26 Mar 2022; Registration ID 1087746887678 (Russia); Tax ID No. 7736581290 (Russia); For more information on directives, please visit the following link: http://www.treasury.gov/resource-center/sanctions/Programs/Pages/ukraine.aspx#directives; Linked To: PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA.';
const ARTAVIL = // 15036
  "Former Vessel Flag Malta; alt. Former Vessel Flag Tuvalu; alt. Former Vessel Flag None Identified; alt. Former Vessel Flag Tanzania; Additional Sanctions Information - Subject to Secondary Sanctions; Vessel Registration Identification IMO 9187629; MMSI 572469210; f.k.a. 'ALPHA'; Linked To: NATIONAL IRANIAN TANKER COMPANY.";
const AL_SHARIF = // 6944
  'DOB 1969; alt. DOB 1963; alt. DOB 11 Feb 1964; POB Al-Medinah, Saudi Arabia; nationality Saudi Arabia; Passport B 960789; alt. Passport G 649385 issued 08 Sep 2006 expires 17 Jul 2011.';
const PROKOPENKO = // 15892
  'DOB 28 Sep 1973; POB Vinnitsa, Ukraine; nationality Russia; alt. nationality Ukraine; citizen Russia; alt. citizen Ukraine; Gender Male; Tax ID No. 773407989940 (Russia).';
const TIAN_YINYIN = // 28263, Remarks cut at 1000 characters; sdn_comments carries "hn'; Linked To: LAZARUS GROUP."
  "DOB 12 Jul 1986; nationality China; Email Address 417136259@qq.com; Gender Male; Digital Currency Address - XBT 134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak; Identification Number 321284198607120616 (China); a.k.a. 'tianyinyin0404'; a.k.a. 'snowsjo" +
  "hn'; Linked To: LAZARUS GROUP.";

describe('OFAC Remarks: segments', () => {
  it('splits on "; " and takes off only the closing period of the field', () => {
    const { segments, closingDot } = remarkSegments(ALMAZ_ANTEY);
    expect(segments).toHaveLength(6);
    expect(closingDot).toBe(true);
    expect(segments[5]).toBe('Registration Number 1027739001993 (Russia)');
    expect(remarkSegments("a.k.a. 'BNC'.").segments).toEqual(["a.k.a. 'BNC'"]);
  });

  it('offers a linked name with and without the period the field closed on', () => {
    const [link] = parseRemarks('Linked To: PERSIAN GULF PETROCHEMICAL INDUSTRY CO.');
    expect(link).toMatchObject({ kind: 'link', names: ['PERSIAN GULF PETROCHEMICAL INDUSTRY CO', 'PERSIAN GULF PETROCHEMICAL INDUSTRY CO.'] });
    const [mid] = parseRemarks('Linked To: HIZBALLAH; Gender Male');
    expect(mid).toMatchObject({ kind: 'link', names: ['HIZBALLAH'] });
  });
});

describe('OFAC Remarks: a Russian state company (EO 14024)', () => {
  const facts = parseRemarks(ALMAZ_ANTEY);

  it('reads the INN, OGRN and OKPO with their country and validates them', () => {
    const ids = ofKind(facts, 'identifier').map((f) => f.id);
    expect(ids.map((i) => [i.label, i.number, i.country, i.prop])).toEqual([
      ['Tax ID No.', '7731084175', 'RU', 'taxNumber'],
      ['Government Gazette Number', '11593871', 'RU', 'okpoCode'],
      ['Registration Number', '1027739001993', 'RU', 'registrationNumber'],
    ]);
    expect(ruInn('7731084175').valid).toBe(true);
    expect(ids[0]!.extra).toEqual([{ prop: 'innCode', value: '7731084175' }]);
    expect(ruOgrn('1027739001993').valid).toBe(true);
    expect(ids[2]!.extra).toEqual([{ prop: 'ogrnCode', value: '1027739001993' }]);
  });

  it('keeps establishment date, target type and the secondary-sanctions provision', () => {
    expect(props(facts)).toEqual({ incorporationDate: ['1991-11-19'], classification: ['State-Owned Enterprise'] });
    expect(ofKind(facts, 'sanction')).toEqual([
      {
        kind: 'sanction',
        prop: 'provisions',
        value: 'Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209',
        text: 'Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209',
      },
    ]);
    expect(ofKind(facts, 'note')).toEqual([]);
  });

  it('reads listing and effective dates of a directive, the directive link and Registration ID', () => {
    const s = parseRemarks(SBERBANK_CAPITAL);
    const sanction = ofKind(s, 'sanction');
    expect(sanction.filter((f) => f.prop === 'listingDate').map((f) => f.value)).toEqual(['2022-02-24']);
    expect(sanction.filter((f) => f.prop === 'startDate').map((f) => f.value)).toEqual(['2022-03-26']);
    expect(sanction.filter((f) => f.prop === 'programUrl').map((f) => f.value)).toEqual([
      'http://www.treasury.gov/resource-center/sanctions/Programs/Pages/ukraine.aspx#directives',
    ]);
    expect(sanction.filter((f) => f.prop === 'provisions')).toHaveLength(3);
    const reg = ofKind(s, 'identifier').find((f) => f.id.label === 'Registration ID')!.id;
    expect(reg).toMatchObject({ number: '1087746887678', country: 'RU', prop: 'registrationNumber' });
    expect(reg.extra).toEqual([{ prop: 'ogrnCode', value: '1087746887678' }]);
    expect(ofKind(s, 'link')[0]!.names[0]).toBe('PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA');
  });

  it('checks the INN check digits: a wrong one stays a tax number only', () => {
    const id = parseIdentifier('Tax ID No. 7731084176 (Russia)')!;
    expect(id.prop).toBe('taxNumber');
    expect(id.extra).toEqual([]);
  });
});

describe('OFAC Remarks: people', () => {
  it('reads several DOBs, the birth place and its country, gender, a passport, a link; the title stays a note', () => {
    const facts = parseRemarks(NASRALLAH);
    expect(props(facts)).toEqual({
      birthDate: ['1960-08-31', '1953-08-31', '1955-08-31', '1958-08-31'],
      birthPlace: ['Al Basuriyah, Lebanon'],
      gender: ['male'],
    });
    expect(ofKind(facts, 'prop').find((f) => f.prop === 'birthPlace')!.country).toBe('LB');
    const [passport] = ofKind(facts, 'identifier');
    expect(passport!.id).toMatchObject({ label: 'Passport', number: '042833', country: 'LB', passport: true, prop: 'passportNumber' });
    expect(ofKind(facts, 'note').map((n) => n.text)).toEqual(['Secretary General of Hizballah']);
    expect(ofKind(facts, 'link')[0]!.names).toEqual(['HIZBALLAH', 'HIZBALLAH.']);
  });

  it('reads passports with issue and expiry dates, and year-only DOBs', () => {
    const facts = parseRemarks(AL_SHARIF);
    expect(props(facts).birthDate).toEqual(['1969', '1963', '1964-02-11']);
    expect(props(facts).nationality).toEqual(['SA']);
    const passports = ofKind(facts, 'identifier').map((f) => f.id);
    expect(passports.map((p) => [p.number, p.issued, p.expires])).toEqual([
      ['B 960789', undefined, undefined],
      ['G 649385', '08 Sep 2006', '17 Jul 2011'],
    ]);
  });

  it('reads nationality and citizenship (with alt.) and a 12-digit personal INN', () => {
    const facts = parseRemarks(PROKOPENKO);
    expect(props(facts).nationality).toEqual(['RU', 'UA']);
    expect(props(facts).citizenship).toEqual(['RU', 'UA']);
    expect(ruInn('773407989940').valid).toBe(true);
    const tax = ofKind(facts, 'identifier')[0]!.id;
    expect(tax.extra).toEqual([{ prop: 'innCode', value: '773407989940' }]);
  });

  it('reads the weak aliases, e-mail, wallet and link of a remark continued in the comments file', () => {
    const facts = parseRemarks(TIAN_YINYIN);
    expect(ofKind(facts, 'name').map((n) => [n.prop, n.value])).toEqual([
      ['weakAlias', 'tianyinyin0404'],
      ['weakAlias', 'snowsjohn'],
    ]);
    expect(props(facts).email).toEqual(['417136259@qq.com']);
    expect(ofKind(facts, 'wallet')).toMatchObject([{ currency: 'XBT', address: '134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak' }]);
    expect(ofKind(facts, 'identifier')[0]!.id).toMatchObject({ label: 'Identification Number', number: '321284198607120616', country: 'CN', prop: 'idNumber' });
    expect(ofKind(facts, 'link')[0]!.names[0]).toBe('LAZARUS GROUP');
  });

  it('reads DOB ranges and circa dates as OFAC means them', () => {
    expect(parseBirthDates('1951 to 1953')).toEqual(['1951', '1952', '1953']);
    expect(parseBirthDates('01 Jan 1961 to 31 Dec 1962')).toEqual(['1961', '1962']);
    expect(parseBirthDates('Mar 1962 to Feb 1963')).toEqual(['1962-03', '1963-02']);
    expect(parseBirthDates('circa 1951')).toEqual(['1951']);
    expect(parseBirthDates('circa 07 Jul 1966')).toEqual(['1966-07-07']);
    expect(parseBirthDates('circa 1979-1982')).toEqual(['1979', '1980', '1981', '1982']);
    expect(parseBirthDates('Sep 1938')).toEqual(['1938-09']);
    // not a date: the segment stays a note, verbatim
    expect(parseSegment('DOB unknown')).toEqual({ kind: 'note', text: 'DOB unknown' });
  });
});

describe('OFAC Remarks: vessels and aircraft', () => {
  it('reads IMO, MMSI, former flags and names; an unknown flag stays a note', () => {
    const facts = parseRemarks(ARTAVIL);
    expect(props(facts).pastFlags).toEqual(['MT', 'TV', 'TZ']);
    expect(ofKind(facts, 'note').map((n) => n.text)).toEqual(['alt. Former Vessel Flag None Identified']);
    const ids = ofKind(facts, 'identifier').map((f) => [f.id.prop, f.id.number]);
    expect(ids).toEqual([
      ['imoNumber', 'IMO9187629'],
      ['mmsi', '572469210'],
    ]);
    expect(ofKind(facts, 'name')).toMatchObject([{ prop: 'previousName', value: 'ALPHA' }]);
  });

  it('reads aircraft model, build date, serial number and operator', () => {
    // 15431 EP-GOM
    const facts = parseRemarks(
      "Aircraft Construction Number (also called L/N or S/N or F/N) 8401; Aircraft Manufacture Date 1992; Aircraft Model IL76-TD; Aircraft Operator YAS AIR; Aircraft Manufacturer's Serial Number (MSN) 1023409321; Linked To: POUYA AIR.",
    );
    expect(props(facts)).toEqual({ buildDate: ['1992'], model: ['IL76-TD'] });
    expect(ofKind(facts, 'identifier').map((f) => [f.id.prop, f.id.number])).toEqual([['serialNumber', '1023409321']]);
    expect(ofKind(facts, 'operator')[0]!.name).toBe('YAS AIR');
    expect(ofKind(facts, 'note').map((n) => n.text)).toEqual(['Aircraft Construction Number (also called L/N or S/N or F/N) 8401']);
  });
});

describe('OFAC Remarks: identifiers and countries', () => {
  it('keeps a parenthesis that is no country in the number', () => {
    expect(parseIdentifier('Registration Number HRA 738077 (Stuttgart) (Germany)')).toMatchObject({
      number: 'HRA 738077 (Stuttgart)',
      country: 'DE',
    });
    expect(parseIdentifier('Matricula Mercantil No 21-573208-02 (Medellin)')).toMatchObject({
      number: '21-573208-02 (Medellin)',
      country: undefined,
    });
  });

  it('prefers the longest label and maps OFAC labels to FtM properties', () => {
    expect(parseIdentifier('Identification Number IMO 5342883')).toMatchObject({ prop: 'imoNumber', number: 'IMO5342883' });
    expect(parseIdentifier('Identification Number AO 2879097 (Italy) expires 30 Oct 2012')).toMatchObject({
      label: 'Identification Number',
      number: 'AO 2879097',
      country: 'IT',
      expires: '30 Oct 2012',
    });
    expect(parseIdentifier('Legal Entity Number 253400V1H6ART1UQ0N98 (Russia)')).toMatchObject({ prop: 'leiCode', number: '253400V1H6ART1UQ0N98' });
    expect(parseIdentifier('SWIFT/BIC HAVIGB2L')).toMatchObject({ prop: 'swiftBic', number: 'HAVIGB2L' });
    expect(parseIdentifier('BIK (RU) 044030707')).toMatchObject({ prop: 'bikCode', number: '044030707' });
    expect(parseIdentifier('Unified Social Credit Code (USCC) 9113100033607322XK (China)')).toMatchObject({ prop: 'uscCode', country: 'CN' });
    expect(parseIdentifier('SSN 523-33-8386 (United States)')).toMatchObject({ prop: 'socialSecurityNumber', country: 'US' });
    expect(parseIdentifier('V.A.T. Number CHE-267.936.404 (Switzerland)')).toMatchObject({ prop: 'vatCode', country: 'CH' });
    expect(parseIdentifier('Diplomatic Passport A0008886 (Nicaragua) issued 12 Feb 2012 expires 12 Feb 2022')).toMatchObject({
      passport: true,
      issued: '12 Feb 2012',
      expires: '12 Feb 2022',
    });
    expect(parseIdentifier('Government Gazette Number 00044463 (Bulgaria)')).toMatchObject({ prop: 'registrationNumber' });
    // "NIT # Provisional (Colombia)" carries no number
    expect(parseIdentifier('NIT # Provisional (Colombia)')).toBeUndefined();
    expect(parseIdentifier('Member of the State Duma of the Federal Assembly of the Russian Federation')).toBeUndefined();
  });

  it('recognises a Kazakh BIN given as identification number', () => {
    // 12-digit BIN of a KZ company in the SDN list
    expect(parseIdentifier('Identification Number 220340015717 (Kazakhstan)')!.extra).toEqual([
      { prop: 'registrationNumber', value: '220340015717' },
    ]);
  });

  it('reads countries as OFAC spells them', () => {
    expect(ofacCountry('Korea, North')).toBe('KP');
    expect(ofacCountry('Virgin Islands, British')).toBe('VG');
    expect(ofacCountry('Man, Isle of')).toBe('IM');
    expect(ofacCountry('Congo, Democratic Republic of the')).toBe('CD');
    expect(ofacCountry('Bahamas, The')).toBe('BS');
    expect(ofacCountry('Region: Crimea')).toBe('UA');
    expect(ofacCountry('Burma')).toBe('MM');
    expect(ofacCountry('Region: Kafia Kingi')).toBeUndefined();
    expect(ofacCountry('Stuttgart')).toBeUndefined();
    expect(ofacCountry('-0-')).toBeUndefined();
  });
});

describe('OFAC Remarks: other segments', () => {
  it('maps contact details, organisation facts and aliases', () => {
    const facts = parseRemarks(
      "Website www.rdif.ru; alt. Website www.investinrussia.com; Organization Established Date 11 Apr 2017; Organization Type: Trusts, funds and similar financial entities; Target Type Financial Institution; alt. Target Type State-Owned Enterprise; Phone Number 982188526300; a.k.a. 'JSC MC RDIF'; n.k.a. 'X'; d.b.a. 'ANARQUIA PAINTBALL'; f.k.a. 'ANA I'.",
    );
    expect(props(facts)).toEqual({
      website: ['www.rdif.ru', 'www.investinrussia.com'],
      incorporationDate: ['2017-04-11'],
      sector: ['Trusts, funds and similar financial entities'],
      classification: ['Financial Institution', 'State-Owned Enterprise'],
      phone: ['982188526300'],
    });
    expect(ofKind(facts, 'name').map((n) => [n.prop, n.value])).toEqual([
      ['weakAlias', 'JSC MC RDIF'],
      ['weakAlias', 'X'],
      ['weakAlias', 'ANARQUIA PAINTBALL'],
      ['previousName', 'ANA I'],
    ]);
  });

  it('keeps what it does not recognise verbatim', () => {
    const facts = parseRemarks('all offices worldwide; Fax (98)(21)(22224537); UN/LOCODE UA KEH.');
    expect(facts).toEqual([
      { kind: 'note', text: 'all offices worldwide' },
      { kind: 'note', text: 'Fax (98)(21)(22224537)' },
      { kind: 'note', text: 'UN/LOCODE UA KEH' },
    ]);
  });
});
