/**
 * People of the synthetic registry: names composed from the country pools in the order and script
 * the registry of their country of residence writes them (Фамилия Имя Отчество in Russian, Kazakh
 * and Kyrgyz registries; given-family elsewhere; characters in Chinese ones), with the Latin or
 * native spelling other records use as an alias.
 */
import type { CountryCode } from './countries.js';
import { cyrillicRegistry } from './countries.js';
import { dayOf } from './dates.js';
import { personId } from './identifiers.js';
import type { NameGuard } from './listed-names.js';
import type { Person } from './model.js';
import { CN_FAMILY, CN_GIVEN, HK_ENGLISH_FEMALE, HK_ENGLISH_MALE, NAME_POOLS, feminineFamily, patronymic } from './name-pools.js';
import type { Rng } from './random.js';
import { toLatin } from './translit.js';

export interface PersonSpec {
  country: CountryCode;
  nationality?: CountryCode;
  female?: boolean;
  /** birth year range */
  born?: [number, number];
  /** family name to use (households share one), in the pool's form */
  family?: string;
  /** father's given name, for patronymics */
  father?: string;
  city?: string;
}

interface Drawn {
  name: string;
  aliases: string[];
  firstName: string;
  lastName: string;
  patronymic?: string;
  familyBase: string;
  givenBase: string;
}

function slavic(r: Rng, pool: CountryCode, female: boolean, family: string | undefined, father: string | undefined, kazakhStyle: boolean): Drawn {
  const p = NAME_POOLS[pool as Exclude<CountryCode, 'CN'>];
  const base = family ?? r.pick(p.family);
  const last = female ? feminineFamily(base) : base;
  const given = r.pick(female ? p.female : p.male);
  const dad = father ?? r.pick(p.male);
  let patr: string | undefined;
  if (kazakhStyle && r.chance(0.35)) patr = `${dad}${female ? 'қызы' : 'ұлы'}`;
  else if (r.chance(0.9)) patr = patronymic(dad, female);
  const name = [last, given, patr].filter(Boolean).join(' ');
  return { name, aliases: [], firstName: given, lastName: last, patronymic: patr, familyBase: base, givenBase: given };
}

function drawName(r: Rng, spec: PersonSpec, nationality: CountryCode, female: boolean): Drawn {
  const residence = spec.country;
  switch (nationality) {
    case 'RU':
    case 'KZ':
    case 'KG': {
      // a quarter of Kazakhstan's citizens in the pools carry Russian names
      const pool = nationality === 'KZ' && !spec.family && r.chance(0.22) ? 'RU' : nationality;
      const d = slavic(r, pool, female, spec.family, spec.father, pool === 'KZ');
      const latin = `${toLatin(d.firstName, r.pick(['bgn', 'icao'] as const))} ${toLatin(d.lastName, 'bgn')}`;
      if (cyrillicRegistry(residence)) return { ...d, aliases: r.chance(0.5) ? [latin] : [] };
      // a Latin-script registry abroad writes the name in Latin; the Cyrillic form is the alias
      return { ...d, name: latin, aliases: [d.name], firstName: latin.split(' ')[0]!, lastName: toLatin(d.lastName, 'bgn'), patronymic: undefined };
    }
    case 'UZ': {
      const p = NAME_POOLS.UZ;
      const base = spec.family ?? r.pick(p.family);
      const last = female ? feminineFamily(base) : base;
      const given = r.pick(female ? p.female : p.male);
      const dad = spec.father ?? r.pick(p.male);
      const patr = r.chance(0.5) ? `${dad} ${female ? 'qizi' : "o'g'li"}` : undefined;
      return { name: patr ? `${last} ${given} ${patr}` : `${given} ${last}`, aliases: [], firstName: given, lastName: last, patronymic: patr, familyBase: base, givenBase: given };
    }
    case 'CN': {
      const [famZh, famPy] = spec.family ? CN_FAMILY.find((f) => f[1] === spec.family) ?? r.pick(CN_FAMILY) : r.pick(CN_FAMILY);
      const options = CN_GIVEN.filter((g) => (female ? g[2] === 'f' : g[2] === 'm'));
      const [givZh, givPy] = r.pick(options);
      const pinyin = `${famPy} ${givPy}`;
      if (residence === 'CN') return { name: `${famZh}${givZh}`, aliases: [pinyin], firstName: givPy, lastName: famPy, familyBase: famPy, givenBase: givPy };
      return { name: pinyin, aliases: [`${famZh}${givZh}`], firstName: givPy, lastName: famPy, familyBase: famPy, givenBase: givPy };
    }
    case 'HK': {
      const p = NAME_POOLS.HK;
      const fam = spec.family ?? r.pick(p.family);
      const given = r.pick(female ? p.female : p.male);
      const english = r.chance(0.4) ? r.pick(female ? HK_ENGLISH_FEMALE : HK_ENGLISH_MALE) : undefined;
      const name = english ? `${english} ${fam} ${given}` : `${fam} ${given}`;
      return { name, aliases: english ? [`${fam} ${given}`] : [], firstName: english ?? given, lastName: fam, familyBase: fam, givenBase: given };
    }
    case 'AE': {
      const p = NAME_POOLS.AE;
      const fam = spec.family ?? r.pick(p.family);
      const given = r.pick(female ? p.female : p.male);
      const arab = fam.startsWith('Al ');
      const middle = arab && r.chance(0.6) ? ` ${r.pick(p.male)}` : '';
      return { name: `${given}${middle} ${fam}`, aliases: [], firstName: given, lastName: fam, familyBase: fam, givenBase: given };
    }
    default: {
      const p = NAME_POOLS[nationality];
      const fam = spec.family ?? r.pick(p.family);
      const given = r.pick(female ? p.female : p.male);
      return { name: `${given} ${fam}`, aliases: [], firstName: given, lastName: fam, familyBase: fam, givenBase: given };
    }
  }
}

/** A new person; names that equal a listed person's name are drawn again. */
export function drawPerson(r: Rng, spec: PersonSpec, guard: NameGuard): Person & { familyBase: string; givenBase: string } {
  const nationality = spec.nationality ?? spec.country;
  const female = spec.female ?? r.chance(0.35);
  const [y0, y1] = spec.born ?? [1955, 1998];
  const birth = dayOf(r.int(y0, y1), r.int(1, 12), r.int(1, 28));
  let d = drawName(r, spec, nationality, female);
  for (let tries = 0; !guard.allowed(d.name, 'Person') || d.aliases.some((a) => !guard.allowed(a, 'Person')); tries++) {
    if (tries > 50) throw new Error(`cannot draw an unlisted name for a person of ${nationality}`);
    // keep the household's family name when one is given: draw another given name
    d = drawName(r, spec, nationality, female);
  }
  const ids = nationality === spec.country ? personId(r, spec.country, birth, female, spec.city) : {};
  return {
    kind: 'person',
    key: '',
    country: spec.country,
    nationality,
    name: d.name,
    aliases: d.aliases,
    firstName: d.firstName,
    lastName: d.lastName,
    patronymic: d.patronymic,
    female,
    birth,
    ...ids,
    familyBase: d.familyBase,
    givenBase: d.givenBase,
  };
}
