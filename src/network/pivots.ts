import anyAscii from 'any-ascii';
import { compactIdentifier } from '../model/identifiers.js';
import type { PivotType } from './edge-types.js';
import type { NetworkGraph } from './graph.js';

/**
 * Values shared between entities become nodes of their own ("pivots"), so that two companies at
 * the same address are two hops apart. Only values held by at least two entities become nodes.
 * Each kind of value has a comparison key that ignores what sources write differently.
 */

function asciiWords(text: string): string[] {
  return anyAscii(text)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Address text: transliterated, lower case, punctuation dropped, words in sorted order ("Moscow,
 * 127055" = "127055 Moscow"). Addresses too vague to identify a place (a bare city: no number and
 * fewer than five words) are not compared.
 */
export function addressKey(text: string): string | undefined {
  const words = [...new Set(asciiWords(text))].sort();
  const hasNumber = words.some((w) => /\d/.test(w));
  if (!((hasNumber && words.length >= 3) || words.length >= 5)) return undefined;
  return words.join(' ');
}

/** Phone: the last nine digits (country and trunk prefixes written differently: +7 495…, 8 495…). */
export function phoneKey(text: string): string | undefined {
  const digits = text.replace(/\D+/g, '');
  if (digits.length < 7) return undefined;
  return digits.slice(-9);
}

export function emailKey(text: string): string | undefined {
  const t = text.trim().toLowerCase().replace(/^mailto:/, '');
  return /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/.test(t) ? t : undefined;
}

export function websiteKey(text: string): string | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/#?]+$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/.*)?$/.test(t) ? t : undefined;
}

/** Identifiers compared compactly, whatever their type (an INN stated as a tax number matches). */
export function identifierKey(text: string): string | undefined {
  const c = compactIdentifier(text);
  if (c.length < 5 || !/\d/.test(c) || /^(.)\1+$/.test(c)) return undefined;
  return c;
}

/** A person's name (any script, any word order) with a full birth date. */
export function nameBirthKey(name: string, birthDate: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return undefined;
  const words = [...new Set(asciiWords(name))].sort();
  if (words.length < 2) return undefined;
  return `${birthDate} ${words.join(' ')}`;
}

/** Identifier properties that are not unique to one entity (tax office codes, programme ids). */
export const SHARED_IDENTIFIER_PROPS = new Set(['programId', 'kppCode', 'coatoCode', 'fnsCode', 'vedCode', 'ccdNumber', 'wikidataId']);

interface Holding {
  holders: number[];
  set?: Set<number>;
  node: number;
  caption: string;
  props: string[];
}

/** Collects values per holder; a value's node appears once a second holder has it. */
export class PivotCollector {
  private readonly values = new Map<string, Holding>();

  constructor(private readonly graph: NetworkGraph) {}

  add(type: PivotType, key: string, holder: number, caption: string, prop: string): void {
    const id = `value:${type}:${key}`;
    let h = this.values.get(id);
    if (!h) {
      this.values.set(id, { holders: [holder], node: -1, caption, props: [prop] });
      return;
    }
    if (h.set ? h.set.has(holder) : h.holders.includes(holder)) return;
    h.holders.push(holder);
    h.props.push(prop);
    if (!h.set && h.holders.length > 16) h.set = new Set(h.holders);
    h.set?.add(holder);
    if (h.node < 0) {
      h.node = this.graph.ensureNode(id, type);
      this.graph.setNode(h.node, { kind: 'pivot', schema: type, caption: h.caption, countries: [], datasets: [] });
      this.link(type, h, 0);
    }
    this.link(type, h, h.holders.length - 1);
  }

  private link(type: PivotType, h: Holding, k: number): void {
    this.graph.addEdge({ type, source: h.holders[k]!, target: h.node, label: h.props[k] });
  }

  /** Values held by one entity only: kept out of the graph. */
  get unshared(): number {
    let n = 0;
    for (const h of this.values.values()) if (h.node < 0) n++;
    return n;
  }

  clear(): void {
    this.values.clear();
  }
}
