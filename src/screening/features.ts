import { compactIdentifier } from '../model/identifiers.js';
import { isA, propertyType } from '../model/ftm.js';
import type { FtmEntity } from '../model/entity.js';
import type { FeatureExplanation, ScreeningQuery } from './types.js';

/**
 * The evidence beyond the name: identifiers, birth date, country, schema and gender. Each feature
 * returns its explanation, or undefined when one side has nothing to compare (neutral).
 */

type Props = Record<string, string[]>;

function valuesOfType(schema: string, props: Props, type: string): string[] {
  const out: string[] = [];
  for (const [prop, values] of Object.entries(props)) {
    if (propertyType(schema, prop) === type) out.push(...values);
  }
  return out;
}

/** Identifiers shorter than this say too little to count as a match on their own. */
const MIN_IDENTIFIER_LENGTH = 5;

export function identifierFeature(query: ScreeningQuery, candidate: FtmEntity): FeatureExplanation | undefined {
  const q = valuesOfType(query.schema, query.properties, 'identifier').filter((v) => compactIdentifier(v).length >= MIN_IDENTIFIER_LENGTH);
  if (!q.length) return undefined;
  const c = valuesOfType(candidate.schema, candidate.properties, 'identifier');
  if (!c.length) return undefined;
  const byNorm = new Map(c.map((v) => [compactIdentifier(v), v]));
  for (const v of q) {
    const hit = byNorm.get(compactIdentifier(v));
    if (hit !== undefined) {
      return {
        feature: 'identifier_match',
        score: 1,
        weight: IDENTIFIER_WEIGHT,
        query: [v],
        candidate: [hit],
        method: 'exact on the compact form (letters and digits, case and punctuation ignored)',
        detail: `identifier ${v} equals the listed ${hit}`,
      };
    }
  }
  return undefined;
}

/** Years between two partial dates' years, and how precisely they agree. */
function compareDates(a: string, b: string): number {
  if (a === b) return a.length >= 10 ? 1 : 0.7;
  if (a.slice(0, 4) !== b.slice(0, 4)) return 0;
  // same year; agree as far as both go
  const n = Math.min(a.length, b.length);
  if (a.slice(0, n) !== b.slice(0, n)) return 0.1; // same year, different month or day: likely another person
  return n >= 7 ? 0.8 : 0.6;
}

export function birthDateFeature(query: ScreeningQuery, candidate: FtmEntity): FeatureExplanation | undefined {
  const q = query.properties['birthDate'] ?? [];
  const c = candidate.properties['birthDate'] ?? [];
  if (!q.length || !c.length) return undefined;
  let best = { score: -1, q: '', c: '' };
  for (const a of q) for (const b of c) {
    const s = compareDates(a, b);
    if (s > best.score) best = { score: s, q: a, c: b };
  }
  const agree = best.score >= 0.6;
  return {
    feature: agree ? 'birth_date' : 'birth_date_mismatch',
    score: agree ? best.score : -1,
    weight: agree ? DOB_WEIGHT : DOB_MISMATCH_PENALTY,
    query: q,
    candidate: c,
    method: 'partial dates compared as far as both are precise',
    detail: agree
      ? `birth date ${best.q} agrees with the listed ${best.c}`
      : `birth date ${q.join(', ')} differs from every listed birth date (${c.slice(0, 5).join(', ')})`,
  };
}

const COUNTRY_PROPS = ['country', 'nationality', 'citizenship', 'jurisdiction', 'mainCountry', 'birthCountry', 'flag'];

// the query's countries are asked for once per candidate: remember them per query
const queryCountries = new WeakMap<Props, string[]>();

function countries(props: Props): string[] {
  const known = queryCountries.get(props);
  if (known) return known;
  const out = new Set<string>();
  for (const p of COUNTRY_PROPS) for (const v of props[p] ?? []) out.add(v.toLowerCase());
  return [...out];
}

export function countryFeature(query: ScreeningQuery, candidate: FtmEntity): FeatureExplanation | undefined {
  const q = countries(query.properties);
  queryCountries.set(query.properties, q);
  const c = countries(candidate.properties);
  if (!q.length || !c.length) return undefined;
  const shared = q.filter((x) => c.includes(x));
  return {
    feature: shared.length ? 'country' : 'country_mismatch',
    score: shared.length ? 1 : -1,
    weight: shared.length ? COUNTRY_WEIGHT : COUNTRY_MISMATCH_PENALTY,
    query: q,
    candidate: c,
    method: 'ISO country codes of country, nationality, citizenship, jurisdiction and birth country',
    detail: shared.length ? `both tied to ${shared.join(', ').toUpperCase()}` : `query countries ${q.join(', ').toUpperCase()} share none with ${c.join(', ').toUpperCase()}`,
  };
}

export function schemaCompatible(a: string, b: string): boolean {
  try {
    return isA(a, b) || isA(b, a);
  } catch {
    return false;
  }
}

export function schemaFeature(query: ScreeningQuery, candidate: FtmEntity): FeatureExplanation | undefined {
  if (schemaCompatible(query.schema, candidate.schema)) return undefined;
  return {
    feature: 'schema_mismatch',
    score: -1,
    weight: SCHEMA_MISMATCH_PENALTY,
    query: [query.schema],
    candidate: [candidate.schema],
    method: 'FtM schema hierarchy',
    detail: `a ${query.schema} cannot be a ${candidate.schema}`,
  };
}

export function genderFeature(query: ScreeningQuery, candidate: FtmEntity): FeatureExplanation | undefined {
  const q = query.properties['gender'] ?? [];
  const c = candidate.properties['gender'] ?? [];
  if (!q.length || !c.length || q.some((g) => c.includes(g))) return undefined;
  return {
    feature: 'gender_mismatch',
    score: -1,
    weight: GENDER_MISMATCH_PENALTY,
    query: q,
    candidate: c,
    method: 'exact',
    detail: `gender ${q.join('/')} differs from the listed ${c.join('/')}`,
  };
}

// Weights of the evidence around the name (see score.ts for how they combine).
export const IDENTIFIER_WEIGHT = 0.12;
export const DOB_WEIGHT = 0.07;
export const DOB_MISMATCH_PENALTY = 0.25;
export const COUNTRY_WEIGHT = 0.03;
export const COUNTRY_MISMATCH_PENALTY = 0.05;
export const SCHEMA_MISMATCH_PENALTY = 0.6;
export const GENDER_MISMATCH_PENALTY = 0.2;
