import { parseDate } from '../../model/dates.js';
import { digitsOnly } from '../../model/identifiers.js';
import { leadingWordsCountry, resolveCountry } from './countries.js';
import { cleanNumber, russianCodeExtra, type IdKind, type IdSpec } from './identifiers.js';

// Business registration numbers: free text such as "OGRN: 1027739090708 INN: 7731018133",
// "Tax ID No. 7743141413 (Russia); Registration Number 1167700052618 (Russia)".

interface Label {
  re: RegExp;
  kind: IdKind;
}

function label(pattern: string, kind: IdKind, caseSensitive = false): Label {
  return { re: new RegExp(`(?<![\\p{L}])(?:${pattern})(?![\\p{L}])`, caseSensitive ? 'gu' : 'giu'), kind };
}

const ID_LABELS: Label[] = [
  label('Unified Social Credit Code', 'uscc'),
  label('USCC', 'uscc', true),
  label('Legal Entity (?:Identifier|Number)', 'lei'),
  label('LEI', 'lei', true),
  label('Russian Bank Identification Code', 'bik'),
  label('BIK(?:\\s*\\(RU\\))?(?: number)?', 'bik'),
  label('SWIFT\\s*/\\s*BIC', 'swift'),
  label('SWIFT(?: code)?', 'swift'),
  label('BIC', 'swift', true),
  label('BvD ID(?: number)?', 'bvd'),
  label('BvD number', 'bvd'),
  label('BvD account number', 'other'),
  label('VAT(?: Tax)? Number', 'vat'),
  label('National ID Number', 'national'),
  label('Tax(?:payer)? Identification Number', 'tax'),
  label('Taxpayer ID', 'tax'),
  label('Tax ID(?: Number| No\\.?)?', 'tax'),
  label('Tax Identifier', 'tax'),
  label('Tax number', 'tax'),
  label('TIN(?: number)?', 'tax', true),
  label('NIP|PAN|УНН', 'tax', true),
  label('INN(?: number)?', 'inn'),
  label('ИНН', 'inn'),
  label('OGRN(?:IP)?|PSRN', 'ogrn', true),
  label('KPP|PPC', 'kpp', true),
  label('OKPO', 'okpo', true),
  label('Government Gazette Number', 'okpo'),
  label('OKTMO', 'other', true),
  label('Central Bank Licen[cs]e', 'license'),
  label('Licen[cs]e (?:No\\.?|number)', 'license'),
  label('Registered Russian Bank No\\.?', 'license'),
  label('State Registration Number', 'registration'),
  label('SRN', 'registration', true),
  label('(?:Company|Business|Commercial) Registration Number', 'registration'),
  label('Business Identification Number', 'registration'),
  label('(?:Commercial|Trade) Register Number', 'registration'),
  label('business regist(?:er|ry) number', 'registration'),
  label('Registration (?:Number|No\\.?)', 'registration'),
  label('Company (?:House )?(?:number|no\\.?)', 'registration'),
  label('UID Number|CH-ID|UEN ID|LLPIN Number|USREOU code|Organisation code', 'registration'),
  label('CIN|CRN|BRN|BIN|CR(?: No\\.?| Number)?|BR(?: No\\.?)?', 'registration', true),
  label('IP Identification|ISN Number|Cedar Rose number|Acuris Unique ID|OFAC UID Number|SPARK code', 'other'),
];

/** Priority when a source stacks labels ("Tax Identification Number: INN:", "BIN/OGRN"). */
const SPECIFIC: IdKind[] = ['inn', 'ogrn', 'kpp', 'okpo', 'bik', 'swift', 'lei', 'uscc', 'vat', 'bvd', 'national', 'license', 'tax', 'registration', 'other'];

interface LabelHit {
  start: number;
  end: number;
  kind: IdKind;
  text: string;
}

function findLabels(text: string): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const l of ID_LABELS) {
    for (const m of text.matchAll(l.re)) hits.push({ start: m.index!, end: m.index! + m[0].length, kind: l.kind, text: m[0] });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: LabelHit[] = [];
  for (const h of hits) if (!out.length || h.start >= out[out.length - 1]!.end) out.push(h);
  return out;
}

const TOKEN_RE = /[\p{L}\p{N}](?:[\p{L}\p{N}._/-]*[\p{L}\p{N}])?/gu;
const SWIFT_SHAPE = /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;

interface Piece {
  value: string;
  start: number;
  end: number;
  country?: string;
  date?: string;
}

/**
 * The identifier values in a stretch of text between labels: tokens with digits (runs of short
 * digit groups such as "114 237 300 24 30" joined), SWIFT-shaped codes where `codes` is set,
 * "(Russia)" after a value as its country, "dated 27/07/1992" as its date. Also returns a
 * country named at the end of the stretch ("… Russia INN"), which belongs to the next label.
 */
function scanValues(text: string, offset: number, codes: boolean): { pieces: Piece[]; trailingCountry?: string } {
  const pieces: Piece[] = [];
  const marks: Array<{ at: number; country?: string; date?: string }> = [];
  // mask "dated …" and bracketed remarks (same length, so positions hold) and note what they say
  const masked = text
    .replace(/dated\s+(\d{1,2}[./]\d{1,2}[./]\d{4})/gi, (m: string, d: string, at: number) => {
      marks.push({ at, date: parseDate(d) });
      return ' '.repeat(m.length);
    })
    .replace(/\(([^()]*)\)/g, (m: string, inner: string, at: number) => {
      marks.push({ at, country: resolveCountry(inner) ?? leadingWordsCountry(inner) });
      return ' '.repeat(m.length);
    });
  let trailingCountry: string | undefined;
  const tokens = [...masked.matchAll(TOKEN_RE)].map((m) => ({ value: m[0], start: m.index!, end: m.index! + m[0].length }));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!/\d/.test(t.value) && !(codes && SWIFT_SHAPE.test(t.value))) {
      const c = t.value.length > 3 ? resolveCountry(t.value) : undefined;
      if (c) trailingCountry = c;
      continue;
    }
    trailingCountry = undefined;
    let value = t.value;
    let end = t.end;
    // "114 237 300 24 30": digit groups split by single spaces, some shorter than five digits
    if (/^\d+$/.test(value)) {
      const group = [t];
      let j = i + 1;
      while (j < tokens.length && /^\d+$/.test(tokens[j]!.value) && masked.slice(tokens[j - 1]!.end, tokens[j]!.start) === ' ') {
        group.push(tokens[j]!);
        j++;
      }
      if (group.length > 1 && group.some((g) => g.value.length < 5)) {
        value = group.map((g) => g.value).join(' ');
        end = group[group.length - 1]!.end;
        i = j - 1;
      }
    }
    pieces.push({ value, start: offset + t.start, end: offset + end });
  }
  // a country in brackets or a "dated" belongs to the value just before it
  for (const mark of marks) {
    let before: Piece | undefined;
    for (const p of pieces) if (p.end <= offset + mark.at) before = p;
    if (!before) continue;
    if (mark.country) before.country = mark.country;
    if (mark.date) before.date = mark.date;
  }
  return { pieces, trailingCountry };
}

interface LabelledPiece extends Piece {
  kinds: IdKind[];
  labels: string[];
  labelCountry?: string;
}

/** Splits "1234567890/123456789" (INN/KPP) into its two values. */
function splitInnKpp(p: LabelledPiece): LabelledPiece[] {
  const m = /^(\d{10})\s*\/\s*(\d{9})$/.exec(p.value);
  if (!m) return [p];
  return [
    { ...p, value: m[1]!, kinds: p.kinds.length ? p.kinds : ['inn'], labels: p.labels.length ? p.labels : ['INN'] },
    { ...p, value: m[2]!, kinds: ['kpp'], labels: ['KPP'] },
  ];
}

/**
 * Reads the identifiers out of a business registration text. Values without a label get the
 * kind 'registration' with `unlabelled` set, for the caller to recognise.
 */
function parseBusinessIds(raw: string): Array<LabelledPiece & { unlabelled: boolean }> {
  const text = raw
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/^\s*'+|'+\s*$/g, '')
    // "7743444827Russia OGRN": a country glued to the number before it
    .replace(/(\d)([A-Z][a-z]{3,})(?!\p{L})/gu, (m: string, d: string, w: string) => (resolveCountry(w) ? `${d} ${w}` : m));
  const hits = findLabels(text);
  const out: Array<LabelledPiece & { unlabelled: boolean }> = [];
  if (!hits.length) {
    // one bare value per ";"/","/"·" part, kept whole ("M 354838 D 0001")
    let pos = 0;
    for (const part of text.split(/[;,·]/)) {
      const start = pos;
      pos += part.length + 1;
      const { pieces } = scanValues(part, start, false);
      let value = part
        .replace(/\([^()]*\)/g, ' ')
        .replace(/dated\s+\S+/gi, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      // "Russia - 1027739339715"
      const lead = /^([\p{L} ]{4,}?)\s*[-–:]\s*(\S.*)$/u.exec(value);
      const leadCountry = lead ? resolveCountry(lead[1]!) : undefined;
      if (leadCountry) value = lead![2]!;
      if (!value) continue;
      const country = pieces.find((p) => p.country)?.country ?? leadCountry;
      const date = pieces.find((p) => p.date)?.date;
      if (/^\d{10}\s*\/\s*\d{9}$/.test(value)) value = value.replace(/\s+/g, '');
      for (const p of splitInnKpp({ value, start, end: pos, country, date, kinds: [], labels: [] })) {
        out.push({ ...p, unlabelled: p.kinds.length === 0 });
      }
    }
    return out;
  }
  // stretches: [before first label] then each label's value text
  interface Stretch {
    hit?: LabelHit;
    text: string;
    offset: number;
  }
  const stretches: Stretch[] = [{ text: text.slice(0, hits[0]!.start), offset: 0 }];
  hits.forEach((h, i) => stretches.push({ hit: h, text: text.slice(h.end, hits[i + 1]?.start ?? text.length), offset: h.end }));
  let current: { kinds: IdKind[]; labels: string[]; country?: string } | undefined;
  let pendingCountry: string | undefined;
  let stackable = false; // the previous label had no value yet: a label right after it stacks
  const pieces: LabelledPiece[] = [];
  for (let i = 0; i < stretches.length; i++) {
    const s = stretches[i]!;
    if (s.hit) {
      const before = text.slice(0, s.hit.start);
      const prev = pieces[pieces.length - 1];
      const gap = prev ? text.slice(prev.end, s.hit.start) : '';
      const inBrackets = /\(\s*$/.test(before);
      const nextHasValue = /[\p{N}]/u.test(s.text.replace(/\([^()]*\)/g, ''));
      // "1217800095248 - OGRN", "7706061801 (INN)": a label after its value
      const postfix =
        prev !== undefined &&
        prev.kinds.length === 0 &&
        /^[\s\-–—(:]*(?:[\p{L}]+\s+)?[\s\-–—(:]*$/u.test(gap) &&
        (inBrackets || !nextHasValue) &&
        !stackable;
      if (postfix) {
        const c = resolveCountry(gap.replace(/[^\p{L}\s]/gu, ''));
        prev.kinds = [s.hit.kind];
        prev.labels = [s.hit.text];
        if (c) prev.labelCountry = c;
        current = undefined;
      } else if (stackable && current) {
        current.kinds.push(s.hit.kind);
        current.labels.push(s.hit.text);
      } else {
        current = { kinds: [s.hit.kind], labels: [s.hit.text], country: pendingCountry };
      }
      pendingCountry = undefined;
    }
    const codes = current?.kinds.some((k) => k === 'swift' || k === 'lei' || k === 'bvd') ?? false;
    const { pieces: found, trailingCountry } = scanValues(s.text, s.offset, codes);
    stackable = s.hit !== undefined && found.length === 0 && /^[\s:/\-–—().]*$/.test(s.text);
    for (const p of found) {
      pieces.push({ ...p, kinds: current ? [...current.kinds] : [], labels: current ? [...current.labels] : [], labelCountry: current?.country });
    }
    pendingCountry = trailingCountry ?? (i === 0 ? leadingWordsCountry(s.text) : undefined);
  }
  for (const p of pieces) for (const q of splitInnKpp(p)) out.push({ ...q, unlabelled: q.kinds.length === 0 });
  return out;
}

/** Identification specs of one business registration text of a subject. */
export function businessIdSpecs(raw: string, info: string, subjectCountries: Set<string>): IdSpec[] {
  const summary = [raw.replace(/\s+/g, ' ').trim(), info.trim()].filter(Boolean).join(' — ');
  const parsed = parseBusinessIds(raw);
  if (!parsed.length) {
    const number = cleanNumber(raw);
    return number ? [{ kind: 'registration', type: 'business registration number', number, summary }] : [];
  }
  const specs: IdSpec[] = [];
  const hint = subjectCountries.size === 1 ? [...subjectCountries][0] : subjectCountries.has('RU') ? 'RU' : undefined;
  for (const p of parsed) {
    const country = p.country ?? p.labelCountry;
    const base = { number: p.value, summary, country, startDate: p.date };
    if (p.unlabelled) {
      // a bare number: a Russian INN or OGRN when it validates as one and the subject is Russian
      const ctxCountry = country ?? hint;
      const inn = ctxCountry === 'RU' ? russianCodeExtra('inn', p.value, 'RU', true) : {};
      const ogrn = ctxCountry === 'RU' ? russianCodeExtra('ogrn', p.value, 'RU', true) : {};
      if (inn['innCode']) specs.push({ ...base, kind: 'inn', type: 'INN', number: inn['innCode'], country: 'RU', extra: inn });
      else if (ogrn['ogrnCode']) specs.push({ ...base, kind: 'ogrn', type: 'OGRN', number: ogrn['ogrnCode'], country: 'RU', extra: ogrn });
      else specs.push({ ...base, kind: 'registration', type: 'business registration number' });
      continue;
    }
    let kind = SPECIFIC.find((k) => p.kinds.includes(k)) ?? 'other';
    // "SWIFT/BIN KHJBSDKH / 5040942458": a value not shaped as a SWIFT code is the other label's
    if (kind === 'swift' && !SWIFT_SHAPE.test(p.value)) kind = SPECIFIC.find((k) => k !== 'swift' && p.kinds.includes(k)) ?? 'other';
    const type = p.labels.map((l) => l.replace(/\s+/g, ' ').trim()).join(' / ');
    const numeric = /^[\d\s-]+$/.test(p.value);
    const number = numeric && ['inn', 'ogrn', 'kpp', 'okpo', 'bik'].includes(kind) ? digitsOnly(p.value) : p.value;
    let extra: Record<string, string> = {};
    if (kind === 'inn') extra = russianCodeExtra('inn', number, country, false);
    else if (kind === 'tax') extra = russianCodeExtra('inn', number, country ?? (hint === 'RU' ? 'RU' : undefined), true);
    else if (kind === 'ogrn') extra = russianCodeExtra('ogrn', number, country, false);
    else if (kind === 'registration') extra = russianCodeExtra('ogrn', number, country ?? (hint === 'RU' ? 'RU' : undefined), true);
    // INN, OGRN and KPP are Russian by definition; BIK and OKPO codes exist across the CIS
    const russian = extra['innCode'] || extra['ogrnCode'] || kind === 'kpp';
    specs.push({ ...base, kind, type, number, country: country ?? (russian ? 'RU' : undefined), extra });
  }
  return specs;
}
