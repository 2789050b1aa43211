import { normalise, tokens as splitTokens } from './normalise.js';
import { latinKey, toLatin } from './transliterate.js';

/**
 * Stop words and generic words of organisation names, with the weight a token of that kind carries
 * when names are compared (ordinary tokens weigh 1). A name that shares only "Trading" or "Group"
 * with another shares almost nothing, and a name made only of such words is flagged (see
 * `isGenericOnly`) so the engine can refuse to let it match everything.
 *
 * Words are in English, transliterated Russian, Kazakh, Turkish, Uzbek, Arabic and pinyin, and
 * Cyrillic (which goes through the same transliteration as names); pinyin only as two-syllable
 * phrases (公司 gong si, 科技 ke ji), since single syllables are also surnames. Words are looked up by latinKey,
 * so "Torgovyy", "Torgovyi" and "Торговый" are one entry. Phrases ("trading house", "торговый дом",
 * "ТД") weigh each of their words down together.
 */

export const STOP_WEIGHT = 0.05;
/** Name particles of personal names (bin, ibn, al, van, von, de…). */
export const PARTICLE_WEIGHT = 0.2;

const STOP = [
  'the', 'and', 'of', 'for', 'in', 'on', 'at', 'a', 'an', 'to', 'by', 'with', 'named', 'after', 'de', 'la', 'le',
  'les', 'du', 'des', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'y', 'e', 'et', 'und', 'der', 'die', 'den',
  'het', 'van', 'von', 'i', 'v', 's', 'so', 'po', 'na', 'dlya', 'im', 'imeni', 'pri', 'и', 'в', 'с', 'со', 'по', 'на',
  'для', 'им', 'имени', 'при', 've', 'va', 'және', 'zhane', 'lil', 'wa', 'ал',
  // ship-name prefixes: motor vessel, motor tanker, steamship… ("MV Hellenic Spirit" = "Hellenic Spirit")
  'mv', 'mt', 'ss', 'fv', 'mts',
];

/** word → weight; lower is more generic. */
const GENERIC: [number, string[]][] = [
  [0.2, ['co', 'inc', 'incorporated', 'ltd', 'llc', 'limited', 'td', 'gk', 'tic', 'san', 'ooo', 'zao', 'oao', 'ao', 'too', 'ип', 'ооо', 'ао', 'тд', 'гк']],
  [0.25, ['company', 'companies', 'kompaniya', 'kompanii', 'компания', 'компании', 'компаниясы', 'sharikat', 'sharika', 'shirket', 'şirket']],
  [0.3, [
    'trading', 'trade', 'traders', 'trader', 'international', 'intl', 'group', 'groups', 'holding', 'holdings', 'import',
    'export', 'imports', 'exports', 'importers', 'exporters', 'imp', 'exp', 'impex', 'global', 'general', 'corporation',
    'corp', 'commercial', 'services', 'service', 'firm', 'firma', 'joint', 'stock', 'worldwide', 'concern', 'kontsern',
    'korporatsiya', 'torgovyy', 'torgovaya', 'torgovoe', 'торговый', 'торговая', 'торговое', 'торгово', 'torgovo',
    'mezhdunarodnyy', 'mezhdunarodnaya', 'международный', 'международная', 'gruppa', 'grupp', 'группа', 'групп',
    'kholding', 'холдинг', 'servis', 'сервис', 'treid', 'treyd', 'трейд', 'eksport', 'экспорт', 'импорт', 'импэкс',
    'ticaret', 'ithalat', 'ihracat', 'dis', 'obshchestvo', 'общество', 'tovarishchestvo', 'товарищество', 'серіктестігі',
    'сауда', 'sauda', 'тобы', 'халықаралық', 'tijara', 'tijariya',
  ]],
  [0.35, [
    'industries', 'industry', 'industrial', 'enterprise', 'enterprises', 'technology', 'technologies', 'tech', 'logistics',
    'logistic', 'investment', 'investments', 'invest', 'development', 'management', 'consulting', 'consultancy',
    'consultants', 'solutions', 'supply', 'supplies', 'supplier', 'partners', 'associates', 'association', 'organization',
    'organisation', 'business', 'venture', 'ventures', 'overseas', 'world', 'marketing', 'distribution', 'tekhnologii',
    'tekhnologiya', 'технологии', 'технология', 'logistik', 'logistika', 'логистик', 'логистика', 'promyshlennaya',
    'promyshlennyy', 'промышленная', 'промышленный', 'predpriyatie', 'предприятие', 'obyedinenie', 'объединение', 'npo',
    'npp', 'нпо', 'нпп', 'sanayi', 'teknoloji', 'lojistik', 'danismanlik', 'pazarlama',
  ]],
  [0.4, [
    'systems', 'system', 'engineering', 'manufacturing', 'production', 'products', 'product', 'equipment', 'shipping',
    'financial', 'finance', 'bank', 'union', 'united', 'national', 'state', 'federal', 'research', 'scientific',
    'institute', 'center', 'centre', 'plant', 'factory', 'works', 'agency', 'foundation', 'components', 'component', 'parts',
    'machinery', 'construction', 'bureau', 'technical', 'new', 'sistemy', 'системы', 'inzhiniring', 'инжиниринг', 'zavod',
    'завод', 'tsentr', 'центр', 'nauchno', 'научно', 'issledovatelskiy', 'исследовательский', 'proizvodstvennoe',
    'производственное', 'proizvodstvennaya', 'производственная', 'nii', 'нии', 'kb', 'кб', 'okb', 'окб', 'ntts', 'нтц',
    'gosudarstvennyy', 'государственный', 'federalnyy', 'федеральный', 'natsionalnyy', 'национальный', 'finans',
    'финанс', 'komponent', 'компонент', 'snab', 'снаб', 'insaat', 'muhendislik', 'орталығы',
  ]],
  [0.45, [
    'electronics', 'electronic', 'energy', 'capital', 'marine', 'central', 'design', 'machine', 'building', 'elektronika',
    'электроника', 'elektronik', 'tekhnika', 'техника', 'resurs', 'ресурс', 'energo', 'энерго', 'stroy', 'строй',
    'rossiyskiy', 'российский', 'east', 'first',
  ]],
  [0.5, [
    'russia', 'russian', 'rossiya', 'россия', 'kazakhstan', 'казахстан', 'қазақстан', 'kyrgyzstan', 'кыргызстан',
    'uzbekistan', 'узбекистан', 'china', 'hong', 'kong', 'hk', 'uae', 'dubai', 'emirates', 'asia', 'europe', 'euro',
    'eurasia', 'pacific', 'moscow', 'moskva', 'москва', 'almaty', 'алматы', 'turkey', 'turkiye', 'middle', 'north',
    'south', 'west',
  ]],
];

/** Short forms of names of two or three words, by their Latin spelling. */
const NAME_ABBREVIATIONS: Record<string, string> = {
  us: 'united states', usa: 'united states', uk: 'united kingdom', uae: 'united arab emirates', ussr: 'soviet union',
  prc: 'peoples republic', dprk: 'north korea', rok: 'south korea',
};

/** The words a short form of a name stands for (us → "united states"), if it is one. */
export function nameAbbreviation(latin: string): string | undefined {
  return Object.hasOwn(NAME_ABBREVIATIONS, latin) ? NAME_ABBREVIATIONS[latin] : undefined;
}

/** Short forms of generic words, by the full word they stand for (Co = Company, Int'l = International). */
const ABBREVIATIONS: [string, string[]][] = [
  ['company', ['co', 'cos']], ['corporation', ['corp', 'corpn']], ['incorporated', ['inc']], ['limited', ['ltd']],
  ['international', ['intl', 'int', 'internat']], ['manufacturing', ['mfg']], ['national', ['natl']],
  ['department', ['dept']], ['government', ['govt']], ['association', ['assn', 'assoc']], ['brothers', ['bros']],
  ['industries', ['ind', 'inds', 'indus']], ['services', ['svcs', 'svc', 'serv']], ['technology', ['tech']],
  ['technologies', ['techs']], ['university', ['univ']], ['institute', ['inst']], ['management', ['mgmt']],
  ['engineering', ['eng', 'engg', 'engr']], ['development', ['dev']], ['trading', ['trdg']], ['holdings', ['hldgs']],
  ['enterprises', ['entps']], ['electronics', ['elec']], ['laboratory', ['lab']], ['laboratories', ['labs']],
  ['compagnie', ['cie']], ['compania', ['cia']], ['sociedad', ['soc']], ['establishment', ['estab']],
];

/** Two-word phrases whose words together are generic: trading house, торговый дом. */
const PHRASES: [number, string][] = [
  [0.25, 'trading house'], [0.25, 'торговый дом'], [0.25, 'torgovyy dom'], [0.25, 'сауда үйі'], [0.25, 'gong si'], [0.3, 'ke ji'],
  [0.3, 'mao yi'], [0.3, 'ji tuan'], [0.3, 'guo ji'], [0.35, 'shi ye'], [0.4, 'dian zi'],
];

/** Titles and honorifics that precede personal names in lists and texts (President Putin, Dr. Ayman). Not Amir or Emir: far more often given names (AMIR ABDULLAH). */
const TITLES = [
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'lord', 'sheikh', 'shaykh', 'sheik', 'haji', 'hajji', 'imam', 'mullah',
  'general', 'gen', 'colonel', 'col', 'major', 'maj', 'captain', 'capt', 'lieutenant', 'lt', 'admiral', 'president',
  'presidente', 'président', 'präsident', 'prezident', 'президент', 'predsjednik', 'predsednik', 'președintele',
  'presiden', 'minister', 'senator', 'deputy', 'governor', 'king', 'prince', 'princess', 'shaikh',
  'shaik', 'sheykh', 'cheikh', 'sayyid', 'sayed',
  'господин', 'гражданин',
];

/** Titles that follow the name (Hungarian: Putyin elnök). */
const TITLES_AFTER = ['elnök'];

const PARTICLES = ['bin', 'ibn', 'bint', 'binti', 'ben', 'al', 'el', 'ul', 'ud', 'van', 'von', 'der', 'de', 'da', 'di', 'la', 'le', 'del', 'dos', 'das', 'mac'];

function keysOf(word: string): string[] {
  return splitTokens(toLatin(normalise(word))).map(latinKey);
}

const WEIGHTS = new Map<string, number>();
for (const w of STOP) for (const k of keysOf(w)) WEIGHTS.set(k, STOP_WEIGHT);
for (const [weight, words] of GENERIC) {
  for (const w of words) for (const k of keysOf(w)) if (!WEIGHTS.has(k)) WEIGHTS.set(k, weight);
}
const ABBREVIATION_OF = new Map<string, string>();
for (const [full, shorts] of ABBREVIATIONS) {
  const [fullKey] = keysOf(full);
  for (const s of shorts) ABBREVIATION_OF.set(keysOf(s)[0]!, fullKey!);
}
const PHRASE_WEIGHTS = new Map<string, number>();
for (const [weight, phrase] of PHRASES) PHRASE_WEIGHTS.set(keysOf(phrase).join(' '), weight);
const PARTICLE_WORDS = new Set(PARTICLES);
const TITLE_WORDS = new Set(TITLES.flatMap((t) => splitTokens(toLatin(normalise(t)))));
const TITLE_AFTER_WORDS = new Set(TITLES_AFTER.flatMap((t) => splitTokens(toLatin(normalise(t)))));

/** The weight of one token of an organisation's name, by its latinKey: 1 unless generic or a stop word. */
export function genericWeight(key: string): number {
  return WEIGHTS.get(key) ?? 1;
}

/** Weights of the tokens of one name (by latinKey), two-word generic phrases included. */
export function genericWeights(keys: readonly string[]): number[] {
  const out = keys.map(genericWeight);
  for (let i = 0; i + 1 < keys.length; i++) {
    const w = PHRASE_WEIGHTS.get(`${keys[i]} ${keys[i + 1]}`);
    if (w !== undefined) {
      out[i] = Math.min(out[i]!, w);
      out[i + 1] = Math.min(out[i + 1]!, w);
    }
  }
  return out;
}

/** The full generic word a short form stands for (by latinKey: "intl" → the key of "international"), or the key itself. */
export function expandAbbreviation(key: string): string {
  return ABBREVIATION_OF.get(key) ?? key;
}

export function isStopWord(key: string): boolean {
  return WEIGHTS.get(key) === STOP_WEIGHT;
}

/** Whether a token (by latinKey) is generic or a stop word. */
export function isGeneric(key: string): boolean {
  return WEIGHTS.has(key);
}

/** Particles spelt several ways that are one particle: bin/ben/ibn (son of), bint/binti (daughter of), al/el/ul. */
const PARTICLE_CLASSES = new Map<string, string>([
  ['bin', 'bin'], ['ben', 'bin'], ['ibn', 'bin'], ['bint', 'bint'], ['binti', 'bint'], ['al', 'al'], ['el', 'al'], ['ul', 'al'],
]);

/** The particle a Latin word spells (ben → bin, el → al), if it is one of PARTICLE_CLASSES. */
export function particleClass(latin: string): string | undefined {
  return PARTICLE_CLASSES.get(latin);
}

/** Whether a word marks the father's name that follows it in an Arabic name (bin, ibn, bint…). */
export function isNasabMarker(latin: string): boolean {
  const c = PARTICLE_CLASSES.get(latin);
  return c === 'bin' || c === 'bint';
}

/** Particles of personal names (bin, ibn, al, van, von, de…), by their Latin spelling (Le, not Lee). */
export function isParticle(latin: string): boolean {
  return PARTICLE_WORDS.has(latin);
}

/**
 * Whether the word at `position` of a person's name (Latin spellings) is a title or honorific:
 * President, Президент, Dr, General… before another word of the name (Carol King, Robert Cole are
 * names), or a title that follows the name (Hungarian elnök).
 */
export function isTitle(latin: readonly string[], position: number): boolean {
  const word = latin[position]!;
  if (TITLE_AFTER_WORDS.has(word)) return position > 0;
  if (!TITLE_WORDS.has(word.replace(/\.$/, ''))) return false;
  return latin.slice(position + 1).some((w) => !TITLE_WORDS.has(w));
}

/** The threshold under which a token counts as generic. */
export const GENERIC_THRESHOLD = 0.5;

/** Whether a name's token weights leave nothing specific: every token generic or a stop word (or none). */
export function isGenericOnly(weights: readonly number[]): boolean {
  return weights.every((w) => w < GENERIC_THRESHOLD);
}
