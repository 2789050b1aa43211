import { distance } from 'fastest-levenshtein';
import { normalise, tokens as splitTokens } from './normalise.js';
import { detectCyrillicLanguage, latinKey, wordPieces } from './transliterate.js';

/**
 * Legal forms as classes: "ТОО", "TOO", "ЖШС", "LLP" and "Limited Liability Partnership" are one
 * class (`llp`), and two names are compared by class (`legalFormSimilarity`), never by the words.
 *
 * A curated table (checked against GLEIF ISO 20275 for RU, TR, AE, DE, GB, CN, HK, NL, IT, US, and
 * the Annex IV / SDN spellings for KZ, KG, UZ, AM, GE): every surface form goes through the same
 * normalise → transliterate pipeline as names at load time, so dots, quotes, case and script do
 * not matter. Three kinds of entries:
 *  - `edge`: abbreviations seen at either end of a name (ООО, OOO, АО, TOO, OÜ, SIA, LLC, JSC…);
 *  - `end`: Western abbreviations seen only at the end (LLC, Ltd, GmbH, SA, AG, Inc…);
 *  - `any`: unambiguous multi-word phrases, found anywhere ("Limited Liability Company",
 *    "Общество с ограниченной ответственностью", "Жауапкершілігі шектеулі серіктестігі").
 * Forms written in a non-Latin script (АҚ, ИП, ش م ح, ՍՊԸ) match only in that script, so the Kazakh
 * АҚ (JSC) does not eat the Latin "Ak" of "Ak Bars"; their Latin spellings, where lists use them,
 * are entries of their own. Dotted single letters (L.L.C., A.Ş., S.R.L., s.r.o.) match by their
 * letters run together.
 */

export type LegalFormClass =
  | 'llc' | 'llp' | 'ltd' | 'plc' | 'corp' | 'gmbh' | 'sti' | 'as' | 'fzco' | 'fze' | 'llc-fz' | 'ou' | 'oy'
  | 'bv' | 'nv' | 'sro' | 'sa' | 'ag' | 'srl' | 'sarl' | 'spa' | 'spzoo' | 'ab' | 'jsc' | 'kg' | 'lp' | 'ip'
  | 'gup' | 'gbu';

export type LegalFormFamily = 'limited' | 'stock' | 'free-zone' | 'partnership' | 'sole' | 'state';

export interface LegalFormInfo {
  label: string;
  family: LegalFormFamily;
}

export const LEGAL_FORM_CLASSES: Record<LegalFormClass, LegalFormInfo> = {
  llc: { label: 'limited liability company (ООО, LLC, ОсОО, MChJ, ՍՊԸ, d.o.o.)', family: 'limited' },
  llp: { label: 'limited liability partnership (ТОО, ЖШС, LLP)', family: 'limited' },
  ltd: { label: 'private limited company (Ltd, Limited, Pvt Ltd, 有限公司)', family: 'limited' },
  gmbh: { label: 'Gesellschaft mit beschränkter Haftung (GmbH)', family: 'limited' },
  sti: { label: 'Turkish limited company (Ltd. Şti.)', family: 'limited' },
  ou: { label: 'Estonian private limited company (OÜ)', family: 'limited' },
  oy: { label: 'Finnish limited company (Oy, Oyj)', family: 'limited' },
  bv: { label: 'Dutch private limited company (B.V.)', family: 'limited' },
  sro: { label: 'Czech/Slovak limited company (s.r.o.)', family: 'limited' },
  srl: { label: 'Italian/Romanian limited company (S.r.l.)', family: 'limited' },
  sarl: { label: 'French/Luxembourg limited company (SARL, S.à r.l.)', family: 'limited' },
  spzoo: { label: 'Polish limited company (Sp. z o.o.)', family: 'limited' },
  jsc: { label: 'joint-stock company (АО, ОАО, ЗАО, ПАО, АҚ, JSC, OJSC, CJSC, PJSC, 株式会社)', family: 'stock' },
  plc: { label: 'public limited company (PLC)', family: 'stock' },
  corp: { label: 'corporation (Inc, Corp)', family: 'stock' },
  ag: { label: 'Aktiengesellschaft (AG)', family: 'stock' },
  as: { label: 'joint-stock company (A.Ş., AS, A/S)', family: 'stock' },
  sa: { label: 'société anonyme / sociedad anónima (S.A.)', family: 'stock' },
  nv: { label: 'Dutch/Belgian public company (N.V.)', family: 'stock' },
  spa: { label: 'Italian joint-stock company (S.p.A.)', family: 'stock' },
  ab: { label: 'Swedish/Lithuanian joint-stock company (AB, UAB)', family: 'stock' },
  fzco: { label: 'UAE free-zone company (FZCO, FZC)', family: 'free-zone' },
  fze: { label: 'UAE free-zone establishment (FZE)', family: 'free-zone' },
  'llc-fz': { label: 'UAE free-zone LLC (FZ-LLC)', family: 'free-zone' },
  kg: { label: 'limited partnership, German style (KG, GmbH & Co. KG)', family: 'partnership' },
  lp: { label: 'limited partnership (LP)', family: 'partnership' },
  ip: { label: 'individual entrepreneur (ИП, ФОП, жеке кәсіпкер)', family: 'sole' },
  gup: { label: 'state or municipal unitary enterprise (ФГУП, ГУП, МУП, FSUE)', family: 'state' },
  gbu: { label: 'state budgetary or autonomous institution (ФГБУ, ФГАУ)', family: 'state' },
};

type Where = 'edge' | 'end' | 'any';
type Entry = [LegalFormClass, Where, ...string[]];

const TABLE: Entry[] = [
  // limited liability companies
  ['llc', 'edge', 'ООО', 'OOO', 'ОсОО', 'OsOO', 'ТОВ', 'TOV', 'МЧЖ', 'MChJ', 'ЖЧК', 'ՍՊԸ', 'შპს', 'MMC', 'ООД', 'ЕООД', 'OOD', 'EOOD', 'SIA', 'ТАА', 'ذ م م', 'ش ذ م م'],
  ['llc', 'edge', 'LLC', 'L.L.C.'],
  ['llc', 'end', 'Ltd. Liability Co.', 'd.o.o.', 'DOO', 'Kft', 'Kft.', 'ApS', 'WLL', 'W.L.L.', 'S. de R.L.'],
  ['llc', 'any', 'Limited Liability Company', 'Limited Liability Co', 'Limited Liablity Company',
    'Общество с ограниченной ответственностью', 'Obshchestvo s ogranichennoy otvetstvennostyu',
    'Жоопкерчилиги чектелген коому', "Mas'uliyati cheklangan jamiyati", 'Масъулияти чекланган жамияти',
    'Товариство з обмеженою відповідальністю', 'Таварыства з абмежаванай адказнасцю',
    'Društvo sa ograničenom odgovornošću', 'Društvo s ograničenom odgovornošću', 'Məhdud məsuliyyətli cəmiyyət',
    'Sociedad de Responsabilidad Limitada', 'شركة ذات مسؤولية محدودة', '有限责任公司', '有限責任公司'],
  ['llp', 'edge', 'ТОО', 'TOO', 'ЖШС', 'ZhShS'],
  ['llp', 'edge', 'LLP', 'L.L.P.'],
  ['llp', 'any', 'Limited Liability Partnership', 'Товарищество с ограниченной ответственностью',
    'Tovarishchestvo s ogranichennoy otvetstvennostyu', 'Жауапкершілігі шектеулі серіктестігі',
    'Zhauapkershiligi shekteuli seriktestigi'],
  ['ltd', 'end', 'Ltd', 'Limited', 'Co Ltd', 'Co Limited', 'Company Limited', 'Company Ltd', 'Pvt Ltd', 'Pvt Limited',
    'Private Limited', 'Pte Ltd', 'Pte Limited', 'Pty Ltd', 'Pty Limited', 'Sdn Bhd', 'Ltda', 'Limitada', 'Lda'],
  ['ltd', 'any', 'Private Limited Company', 'Private Company Limited by Shares', 'Company Limited by Shares',
    'Company Limited by Guarantee', 'Designated Activity Company', '有限公司', '有限会社'],
  ['ltd', 'end', 'DAC'],
  ['plc', 'end', 'PLC', 'P.L.C.'],
  ['plc', 'any', 'Public Limited Company', 'Public Company Limited by Shares'],
  ['corp', 'end', 'Inc', 'Incorporated', 'Corp', 'Corporation'],
  ['gmbh', 'end', 'GmbH', 'gGmbH', 'Ges.m.b.H.', 'mbH', 'GmbH UG', 'UG'],
  ['gmbh', 'any', 'Gesellschaft mit beschränkter Haftung'],
  ['kg', 'end', 'KG', 'GmbH & Co. KG', 'GmbH & Co KG', '& Co. KG', 'KGaA', 'OHG', 'GbR'],
  ['kg', 'any', 'Kommanditgesellschaft'],
  ['lp', 'end', 'LP', 'L.P.'],
  ['lp', 'any', 'Limited Partnership'],
  ['sti', 'end', 'Şti', 'Sti', 'Ltd Şti', 'Ltd Sti', 'Ltd. Şti.', 'Ltd. Sti.', 'Şirketi', 'Sirketi'],
  ['sti', 'any', 'Limited Şirketi', 'Limited Sirketi', 'Ltd Şirketi', 'Ltd Sirketi'],
  ['as', 'end', 'A.Ş.', 'A.S.', 'AS', 'A/S', 'ASA'],
  ['as', 'any', 'Anonim Şirketi', 'Anonim Sirketi'],
  ['fzco', 'end', 'FZCO', 'FZC', 'F.Z.C.O.', 'F.Z.C.'],
  ['fzco', 'edge', 'ش م ح'],
  ['fzco', 'any', 'Free Zone Company', 'Free Zone Co'],
  ['fze', 'end', 'FZE', 'F.Z.E.'],
  ['fze', 'edge', 'م م ح'],
  ['fze', 'any', 'Free Zone Establishment'],
  ['llc-fz', 'end', 'LLC FZ', 'L.L.C. FZ', 'FZ LLC', 'FZ-LLC', 'FZ L.L.C.'],
  ['llc-fz', 'any', 'Free Zone LLC', 'Free Zone Limited Liability Company', 'ش ذ م م منطقة حرة', 'ذ م م منطقة حرة'],
  ['ou', 'edge', 'OÜ'],
  ['oy', 'end', 'Oy', 'Oyj'],
  ['oy', 'any', 'Osakeyhtiö'],
  ['bv', 'end', 'BV', 'B.V.'],
  ['bv', 'any', 'Besloten Vennootschap'],
  ['nv', 'end', 'NV', 'N.V.'],
  ['nv', 'any', 'Naamloze Vennootschap'],
  ['sro', 'end', 's.r.o.', 'spol. s r.o.', 'sro'],
  ['sro', 'any', 'Společnost s ručením omezeným'],
  ['sa', 'end', 'SA', 'S.A.', 'S.A. de C.V.', 'SA de CV', 'SAL', 'S.A.L.', 'SAS', 'S.A.S.'],
  ['sa', 'any', 'Société Anonyme', 'Sociedad Anónima', 'Sociedade Anônima'],
  ['ag', 'end', 'AG'],
  ['ag', 'any', 'Aktiengesellschaft'],
  ['srl', 'edge', 'SRL', 'S.R.L.'],
  ['srl', 'end', 'SRLS', 'S.R.L.S.'],
  ['srl', 'any', 'Società a responsabilità limitata', 'Societate cu răspundere limitată', 'Societatea cu răspundere limitată'],
  ['sarl', 'end', 'SARL', 'S.à r.l.', 'S.A.R.L.'],
  ['sarl', 'any', 'Société à responsabilité limitée'],
  ['spa', 'end', 'SpA', 'S.p.A.'],
  ['spa', 'any', 'Società per azioni'],
  ['spzoo', 'end', 'Sp. z o.o.', 'Sp. zoo', 'Spzoo'],
  ['spzoo', 'any', 'Spółka z ograniczoną odpowiedzialnością'],
  ['ab', 'edge', 'AB', 'UAB'],
  ['ab', 'any', 'Aktiebolag', 'Uždaroji akcinė bendrovė'],
  // joint-stock companies, open, closed, public and non-public
  ['jsc', 'edge', 'АО', 'AO', 'ОАО', 'OAO', 'ЗАО', 'ZAO', 'ПАО', 'PAO', 'АҚ', 'ААҚ', 'ЖАҚ', 'АТ', 'ПАТ', 'ПрАТ', 'ЗАТ',
    'ААТ', 'ՓԲԸ', 'ԲԲԸ', 'სს', 'ش م ع', 'ش م خ', 'ش م ع ع', 'ش م ل'],
  ['jsc', 'edge', 'JSC', 'OJSC', 'CJSC', 'PJSC'],
  ['jsc', 'end', 'PSC', 'JSCo'],
  ['jsc', 'any', 'Joint Stock Company', 'Joint Stock Co', 'Open Joint Stock Company', 'Closed Joint Stock Company',
    'Public Joint Stock Company', 'Private Joint Stock Company', 'Non-public Joint Stock Company',
    'Open Joint Stock Co', 'Closed Joint Stock Co', 'Public Joint Stock Co',
    'Акционерное общество', 'Открытое акционерное общество', 'Закрытое акционерное общество',
    'Публичное акционерное общество', 'Непубличное акционерное общество',
    'Aktsionernoe obshchestvo', 'Otkrytoe aktsionernoe obshchestvo', 'Zakrytoe aktsionernoe obshchestvo',
    'Publichnoe aktsionernoe obshchestvo', 'Акционерлік қоғам', 'Aktsionerlik kogam', 'Акционердик коом',
    'Акціонерне товариство', 'Приватне акціонерне товариство', 'Публічне акціонерне товариство',
    'Відкрите акціонерне товариство', 'Закрите акціонерне товариство', 'Закрытае акцыянернае таварыства',
    'Адкрытае акцыянернае таварыства', 'Səhmdar cəmiyyəti', 'Açıq səhmdar cəmiyyəti', 'Qapalı səhmdar cəmiyyəti',
    'شركة مساهمة', 'شركة مساهمة عامة', 'شركة مساهمة خاصة', '股份有限公司', '株式会社', '주식회사'],
  ['ip', 'edge', 'ИП', 'ФОП', 'ФЛП'],
  ['ip', 'any', 'Индивидуальный предприниматель', 'Individualnyy predprinimatel', 'Жеке кәсіпкер',
    'Фізична особа-підприємець', 'Individual Entrepreneur', 'Sole Proprietor', 'Sole Proprietorship'],
  ['gup', 'edge', 'ФГУП', 'ГУП', 'МУП', 'ФКП', 'FGUP', 'GUP', 'MUP', 'FSUE', 'FKP'],
  ['gup', 'any', 'Федеральное государственное унитарное предприятие', 'Государственное унитарное предприятие',
    'Муниципальное унитарное предприятие', 'Федеральное казенное предприятие', 'Federal State Unitary Enterprise',
    'State Unitary Enterprise', 'Municipal Unitary Enterprise', 'Federalnoe Gosudarstvennoe Unitarnoe Predpriyatie',
    'Federal State-Owned Enterprise', 'Federal State Enterprise'],
  ['gbu', 'edge', 'ФГБУ', 'ФГБУН', 'ФГАУ', 'ФАУ', 'ФГБОУ', 'ФГАОУ', 'FGBU', 'FGAU'],
  ['gbu', 'any', 'Федеральное государственное бюджетное учреждение', 'Федеральное государственное автономное учреждение',
    'Федеральное государственное бюджетное учреждение науки', 'Federal State Budgetary Institution',
    'Federal State Budgetary Institution of Science', 'Federal State Autonomous Institution',
    'Federal Autonomous Institution', 'Federal State Budgetary Enterprise'],
];

interface Form {
  cls: LegalFormClass;
  where: Where;
  length: number;
}

/** Forms by their native (normalised, original-script) words, their Latin words, their keys, and
 * (for dotted abbreviations) their letters run together. */
const NATIVE = new Map<string, Form>();
const LATIN = new Map<string, Form>();
const KEYS = new Map<string, Form>();
const DOTTED = new Map<string, Form>();
let MAX_WORDS = 1;

const NON_LATIN = /[^\x00-\x7F]/;
const LATIN_SCRIPT_ONLY = /^[\p{Script=Latin}\s]+$/u;
const HAN_HANGUL = /[\p{Script=Han}\p{Script=Hangul}]/u;

/**
 * Long forms (ten letters or more, keys run together), for the misspelt and cut-off forms lists
 * carry: "Siemens Aktiengeselschaft", "TACTICAL MISSILES CORPORATION JOINT STOCK COMPAN" (a field
 * cut at its length limit).
 */
const LONG_FORM_LETTERS = 10;
const LONG: Array<{ key: string; words: number; form: Form }> = [];

/** First and last words of every form, by native, Latin and key spelling: windows that do not
 * start (end) with one are skipped without building their strings. */
const FIRST = new Set<string>();
const LAST = new Set<string>();

function put(map: Map<string, Form>, key: string, form: Form): void {
  const words = key.split(' ');
  FIRST.add(words[0]!);
  LAST.add(words[words.length - 1]!);
  const had = map.get(key);
  // a key shared by an edge and an anywhere form keeps the more permissive placement
  if (!had || (had.where !== 'any' && form.where === 'any')) map.set(key, form);
}

for (const [cls, where, ...surfaces] of TABLE) {
  for (const surface of surfaces) {
    const norm = normalise(surface);
    const native = splitTokens(norm);
    const lang = detectCyrillicLanguage(norm);
    const pieces = native.flatMap((w) => wordPieces(w, lang));
    const latin = pieces.map((p) => p.latin);
    const form: Form = { cls, where, length: latin.length };
    MAX_WORDS = Math.max(MAX_WORDS, latin.length, native.length);
    const phrase = latin.length >= 2 && latin.join('').length >= 10;
    const runTogether = latin.map(latinKey).join('');
    if (where === 'any' && runTogether.length >= LONG_FORM_LETTERS && !NON_LATIN.test(latin.join(''))) {
      LONG.push({ key: runTogether, words: latin.length, form });
    }
    if (NON_LATIN.test(norm) && !LATIN_SCRIPT_ONLY.test(norm)) {
      // Cyrillic, Arabic, Armenian, Georgian: the script's own words; phrases also by key
      put(NATIVE, pieces.map((p) => p.text).join(' '), form);
      if (phrase) put(KEYS, latin.map(latinKey).join(' '), form);
      // Chinese, Japanese, Korean: by syllables
      if (HAN_HANGUL.test(norm)) put(LATIN, latin.join(' '), form);
    } else {
      put(LATIN, latin.join(' '), form);
      if (latin.length > 1 && latin.every((w) => w.length <= 2)) put(DOTTED, latin.join(''), form);
      if (phrase) put(KEYS, latin.map(latinKey).join(' '), form);
    }
  }
}

export interface LegalFormMatch {
  cls: LegalFormClass;
  /** First token of the form and the token after it, in the token arrays given. */
  start: number;
  end: number;
}

interface Words {
  native: readonly string[];
  latin: readonly string[];
  keys: readonly string[];
}

/** Whether a form can start at `i` (and, with `last`, end at `j`). */
function canStart(w: Words, i: number): boolean {
  return FIRST.has(w.native[i]!) || FIRST.has(w.latin[i]!) || FIRST.has(w.keys[i]!) || w.native[i]!.length === 1;
}

function canEnd(w: Words, j: number): boolean {
  return LAST.has(w.native[j]!) || LAST.has(w.latin[j]!) || LAST.has(w.keys[j]!) || w.native[j]!.length === 1;
}

/** The form found in tokens [start, start + n), if any. */
function formAt(w: Words, start: number, n: number): Form | undefined {
  const end = start + n;
  if (!canEnd(w, end - 1)) return undefined;
  const nat = w.native.slice(start, end);
  const lat = w.latin.slice(start, end);
  const f = NATIVE.get(nat.join(' ')) ?? LATIN.get(lat.join(' ')) ?? (n >= 2 ? KEYS.get(w.keys.slice(start, end).join(' ')) : undefined);
  if (f) return f;
  // dotted single letters: L.L.C., A.Ş., S.R.L.
  if (n >= 2 && nat.every((x) => x.length === 1)) return DOTTED.get(lat.join(''));
  return undefined;
}

type Accept = (f: Form) => boolean;

function longestAt(w: Words, start: number, limit: number, accept: Accept): { form: Form; n: number } | undefined {
  if (start >= limit || !canStart(w, start)) return undefined;
  for (let n = Math.min(MAX_WORDS, limit - start); n >= 1; n--) {
    const f = formAt(w, start, n);
    if (f && accept(f)) return { form: f, n };
  }
  return undefined;
}

function longestEndingAt(w: Words, end: number, floor: number, accept: Accept): { form: Form; n: number } | undefined {
  if (end <= floor || !canEnd(w, end - 1)) return undefined;
  for (let n = Math.min(MAX_WORDS, end - floor); n >= 1; n--) {
    if (!canStart(w, end - n)) continue;
    const f = formAt(w, end - n, n);
    if (f && accept(f)) return { form: f, n };
  }
  return undefined;
}

/** At most this many edits in a long form: one per eight letters, two at most. */
function allowedEdits(letters: number): number {
  return Math.min(2, Math.floor(letters / 8));
}

/**
 * A long form at the end of a name (ending at `end`, starting at `floor` or later) written with a
 * typo or two, or cut off in its last word (at least three quarters of it there).
 */
function approximateFormAtEnd(w: Words, floor: number, end: number): { form: Form; n: number } | undefined {
  for (let n = Math.min(MAX_WORDS, end - floor); n >= 1; n--) {
    const text = w.keys.slice(end - n, end).join('');
    if (text.length < LONG_FORM_LETTERS - 2) continue;
    for (const f of LONG) {
      if (Math.abs(f.words - n) > 1 || f.key[0] !== text[0]) continue;
      const cut = n >= 2 && text.length >= f.key.length * 0.75 && text.length < f.key.length && f.key.startsWith(text);
      if (cut || (Math.abs(f.key.length - text.length) <= 2 && distance(text, f.key) <= allowedEdits(f.key.length))) return { form: f.form, n };
    }
  }
  return undefined;
}

export interface FindOptions {
  /** A person's name: only individual-entrepreneur forms (ИП) are looked for. */
  person?: boolean;
}

/**
 * The legal forms in a name, given its words three ways (aligned arrays: normalised original
 * script, Latin, latinKey). Edge and end forms are peeled from the ends repeatedly ("OAO JSC
 * Chemcomposite", "Elem Group LLP"); phrases are found anywhere. Matches are in token order.
 */
export function findLegalForms(native: readonly string[], latin: readonly string[], keys: readonly string[], options: FindOptions = {}): LegalFormMatch[] {
  const w: Words = { native, latin, keys };
  const found: LegalFormMatch[] = [];
  const allowed = (f: Form) => !options.person || f.cls === 'ip';
  const atStart = (f: Form) => f.where !== 'end' && allowed(f);
  const anywhere = (f: Form) => f.where === 'any' && allowed(f);
  let lo = 0;
  let hi = latin.length;
  for (let changed = true; changed && lo < hi; ) {
    changed = false;
    const head = longestAt(w, lo, hi, atStart);
    if (head) {
      found.push({ cls: head.form.cls, start: lo, end: lo + head.n });
      lo += head.n;
      changed = true;
    }
    if (lo >= hi) break;
    const tail = longestEndingAt(w, hi, lo, allowed);
    if (tail) {
      found.push({ cls: tail.form.cls, start: hi - tail.n, end: hi });
      hi -= tail.n;
      changed = true;
    }
  }
  if (!options.person && hi - lo >= 2 && !found.some((f) => f.end === hi)) {
    const n = approximateFormAtEnd(w, lo + 1, hi);
    if (n) {
      found.push({ cls: n.form.cls, start: hi - n.n, end: hi });
      hi -= n.n;
    }
  }
  for (let i = lo; i < hi; ) {
    const m = longestAt(w, i, hi, anywhere);
    if (m) {
      found.push({ cls: m.form.cls, start: i, end: i + m.n });
      i += m.n;
    } else i++;
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The class of one legal-form text ("ТОО", "L.L.C.", "Limited Liability Partnership"), if known. */
export function legalFormClass(text: string): LegalFormClass | undefined {
  const native = splitTokens(normalise(text));
  const lang = detectCyrillicLanguage(native.join(' '));
  const pieces = native.flatMap((w) => wordPieces(w, lang));
  const latin = pieces.map((p) => p.latin);
  const m = longestAt({ native: pieces.map((p) => p.text), latin, keys: latin.map(latinKey) }, 0, latin.length, () => true);
  return m && m.n === latin.length ? m.form.cls : undefined;
}

/** The family of a class: limited, stock, free-zone, partnership, sole or state. */
export function legalFormFamily(cls: LegalFormClass): LegalFormFamily {
  return LEGAL_FORM_CLASSES[cls].family;
}

/**
 * How well two legal-form classes agree: 1 the same class (ООО and LLC), 0.8 the same family
 * (LLC and LLP, JSC and PLC), 0.5 limited and free-zone companies (LLC and FZE), otherwise 0.
 */
export function compatible(a: LegalFormClass, b: LegalFormClass): number {
  if (a === b) return 1;
  const fa = LEGAL_FORM_CLASSES[a].family;
  const fb = LEGAL_FORM_CLASSES[b].family;
  if (fa === fb) return 0.8;
  if ((fa === 'limited' && fb === 'free-zone') || (fa === 'free-zone' && fb === 'limited')) return 0.5;
  return 0;
}

/** The best agreement between two names' legal forms; undefined when either name has none. */
export function legalFormSimilarity(a: readonly LegalFormClass[], b: readonly LegalFormClass[]): number | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  let best = 0;
  for (const x of a) for (const y of b) best = Math.max(best, compatible(x, y));
  return best;
}
