import { nameSimilarity, type NameSimilarity, type TokenPair, type Unpaired } from '../names/similarity.js';
import { isStopWord } from '../names/generic-words.js';
import { normalise, tokens } from '../names/normalise.js';
import type { AnalysedName } from '../names/analyse.js';
import type { FtmEntity } from '../model/entity.js';
import {
  birthDateFeature,
  countryFeature,
  genderFeature,
  identifierFeature,
  schemaFeature,
} from './features.js';
import { namesOf, type EntityName } from './names-of.js';
import type { FeatureExplanation, ScreeningQuery } from './types.js';

/**
 * How a candidate scores against a query. The name decides most of it — score = 0.1 + 0.8 × the
 * best name similarity — and the evidence around it moves it: a matching identifier, birth date
 * or country adds, a contradicting one subtracts (features.ts holds the weights). So an exact name
 * alone scores 0.9 and the same name with a matching birth date and country scores 1.0: scores
 * do not saturate on the name.
 */
export const ALGORITHM = {
  name: 'sanctrace-v1',
  version: '1',
  description:
    'Cross-script token alignment of names (transliteration, variant spellings, phonetic and consonant keys, legal-form classes, generic words weighted down) plus identifier, birth date, country, schema and gender evidence.',
  threshold: 0.7,
};

const NAME_BASE = 0.1;
const NAME_WEIGHT = 0.8;
/** A weak alias counts this much of a strong one. */
const WEAK_FACTOR = 0.92;

export interface Scored {
  score: number;
  features: Record<string, number>;
  explanations: FeatureExplanation[];
}

interface BestName {
  score: number;
  query: EntityName;
  candidate: EntityName;
  similarity: NameSimilarity & { acronym?: boolean; branches?: boolean };
}

/** An organisation's acronym against its full name: "PLA" ↔ "People's Liberation Army". */
const ACRONYM_SCORE = 0.85;

function initials(name: AnalysedName): string {
  return name.tokens
    .filter((t) => !isStopWord(t.key))
    .map((t) => t.latin[0] ?? '')
    .join('');
}

/**
 * Whether `short` is the acronym of `long`: one word, the initials of the other's words, possibly
 * with generic words or a place beside it ("PLA China", "IRGC Iran" for the organisation's full name).
 */
function isAcronymOf(short: AnalysedName, long: AnalysedName): boolean {
  if (short.person || long.person || long.tokens.length < 2) return false;
  const specific = short.tokens.filter((t) => t.weight >= 1);
  if (specific.length !== 1 || short.tokens.length > 3) return false;
  const word = specific[0]!.latin;
  return word.length >= 2 && word.length <= 8 && word === initials(long);
}

/**
 * Organisations named the same but for what they add in parentheses are often different branches:
 * "Bank of China (Hong Kong) Limited" is not "Bank of China (Singapore) Limited".
 */
const BRANCH_FACTOR = 0.7;

function alternativesConflict(a: AnalysedName, b: AnalysedName): boolean {
  if (a.person || b.person || a.alternatives.length === 0 || b.alternatives.length === 0) return false;
  const words = (alts: string[]) => new Set(alts.flatMap((x) => tokens(normalise(x))));
  const wa = words(a.alternatives);
  for (const w of words(b.alternatives)) if (wa.has(w)) return false;
  return true;
}

export function bestName(queryNames: EntityName[], candidateNames: EntityName[]): BestName | undefined {
  let best: BestName | undefined;
  for (const q of queryNames) {
    for (const c of candidateNames) {
      const similarity: BestName['similarity'] = nameSimilarity(q.analysed, c.analysed);
      if (similarity.score < ACRONYM_SCORE && (isAcronymOf(q.analysed, c.analysed) || isAcronymOf(c.analysed, q.analysed))) {
        similarity.score = ACRONYM_SCORE;
        similarity.acronym = true;
      }
      if (alternativesConflict(q.analysed, c.analysed)) {
        similarity.score *= BRANCH_FACTOR;
        similarity.branches = true;
      }
      const score = similarity.score * (c.weak || q.weak ? WEAK_FACTOR : 1);
      if (!best || score > best.score) best = { score, query: q, candidate: c, similarity };
    }
  }
  return best;
}

function describePair(p: TokenPair): string {
  const how = p.method === 'edit' || p.method === 'phonetic' ? `${p.method}, distance ${p.distance ?? '?'}` : p.method;
  return `"${p.a.text}"↔"${p.b.text}" ${p.similarity.toFixed(2)} (${how})`;
}

function describeUnpaired(side: string, u: Unpaired[]): string {
  return u.length ? `; unmatched in ${side}: ${u.map((x) => `"${x.token.text}" (${x.token.kind}, costs ${x.cost.toFixed(2)})`).join(', ')}` : '';
}

function nameExplanation(best: BestName): FeatureExplanation {
  const a = best.similarity.alignment;
  const lf = best.similarity.legalForms;
  const forms =
    lf !== undefined
      ? `; legal forms ${best.query.analysed.legalForms.join('/')} vs ${best.candidate.analysed.legalForms.join('/')} agree ${lf.toFixed(1)}`
      : '';
  return {
    feature: 'name',
    score: Number(best.score.toFixed(4)),
    weight: NAME_WEIGHT,
    query: [best.query.analysed.original],
    candidate: [best.candidate.analysed.original],
    method: 'token alignment on transliterated keys (exact, variant spelling, phonetic, consonant skeleton, Jaro-Winkler/Levenshtein), generic words weighted down',
    detail:
      `${best.candidate.prop === 'name' ? 'name' : best.candidate.prop} "${best.candidate.analysed.original}": ` +
      (best.similarity.acronym ? 'one name is the acronym of the other' : a.pairs.map(describePair).join(', ') || 'no token pairs') +
      describeUnpaired('query', a.unpairedA) +
      describeUnpaired('candidate', a.unpairedB) +
      forms +
      (best.similarity.specific ? '' : '; only generic words agree (capped)') +
      (best.similarity.branches ? `; what the names add in parentheses differs (${best.query.analysed.alternatives.join(', ')} vs ${best.candidate.analysed.alternatives.join(', ')})` : '') +
      (best.candidate.weak || best.query.weak ? '; weak alias' : ''),
  };
}

/**
 * Lists often give an organisation the generic LegalEntity schema, which a Person query is
 * compatible with; when the matched name reads as an organisation's (a legal form, no person
 * parts), a person query is most likely not it.
 */
function partyKindFeature(query: ScreeningQuery, candidate: FtmEntity, name: EntityName): FeatureExplanation | undefined {
  if (query.schema !== 'Person' || candidate.schema !== 'LegalEntity') return undefined;
  if (name.analysed.person || name.analysed.legalForms.length === 0) return undefined;
  return {
    feature: 'party_kind_mismatch',
    score: -1,
    weight: PARTY_KIND_PENALTY,
    query: [query.schema],
    candidate: [name.analysed.original],
    method: 'legal form in the listed name',
    detail: `the listed name "${name.analysed.original}" has the legal form ${name.analysed.legalForms.join('/')}: an organisation, not a person`,
  };
}

const PARTY_KIND_PENALTY = 0.3;

/** Score a candidate whose names are already analysed against a query whose names are. */
export function scoreAnalysed(
  query: ScreeningQuery,
  queryNames: EntityName[],
  candidate: FtmEntity,
  candidateNames: EntityName[],
  /** false: the score and features only, without the name explanation's text (for ranking) */
  explain = true,
): Scored {
  const explanations: FeatureExplanation[] = [];
  const best = bestName(queryNames, candidateNames);
  const nameScore = best?.score ?? 0;
  const features: Record<string, number> = {};
  if (best) {
    if (explain) explanations.push(nameExplanation(best));
    else features['name'] = Number(best.score.toFixed(4));
  }
  let score = NAME_BASE + NAME_WEIGHT * nameScore;
  const kind = best ? partyKindFeature(query, candidate, best.candidate) : undefined;
  if (kind) {
    explanations.push(kind);
    score += kind.score * kind.weight;
  }
  const id = identifierFeature(query, candidate);
  for (const f of [id, birthDateFeature(query, candidate), countryFeature(query, candidate), schemaFeature(query, candidate), genderFeature(query, candidate)]) {
    if (!f) continue;
    explanations.push(f);
    score += f.score * f.weight;
  }
  // an identifier in common is reason to look even when the names are written far apart
  if (id && score < ALGORITHM.threshold) score = ALGORITHM.threshold;
  score = Math.min(1, Math.max(0, score));
  for (const e of explanations) features[e.feature] = e.score;
  return { score, features, explanations };
}

/** Score one candidate entity against one query, analysing both (for evaluation and tests). */
export function scorePair(query: ScreeningQuery, candidate: FtmEntity): Scored {
  return scoreAnalysed(query, namesOf(query.schema, query.properties), candidate, namesOf(candidate.schema, candidate.properties));
}
