/**
 * RF06: a shared address (several companies registered at one address), a residential address
 * (a flat), or an address close to a listed party's.
 */
import type { ContextEntity } from '../context.js';
import { addressesOf, isOrganisation, nameOf, residentialMarker, tokenSimilarity, type AddressFact } from '../facts.js';
import { CoverageCounter, flag, fromListsOnly, round, type Rule } from '../rule.js';
import type { Evidence, Flag } from '../types.js';

const NEEDS = 'needs addresses of the companies (address, or Address entities)';

interface Listed {
  entity: ContextEntity;
  address: AddressFact;
  /** the listed party, when `entity` is a registry party that matches it */
  listedAs?: string;
}

/** Token postings over the listed parties' addresses, to find close ones without comparing all pairs. */
class ListedAddresses {
  private readonly postings = new Map<string, number[]>();
  readonly items: Listed[] = [];

  add(entity: ContextEntity, address: AddressFact, listedAs?: string): void {
    const n = this.items.push({ entity, address, listedAs }) - 1;
    for (const t of address.tokens) {
      const list = this.postings.get(t);
      if (list) list.push(n);
      else this.postings.set(t, [n]);
    }
  }

  /** Listed addresses with similarity ≥ threshold, best first (same country when both are known). */
  near(a: AddressFact, threshold: number): Array<{ listed: Listed; similarity: number }> {
    // a close address shares at least one of the query's rarer tokens
    const seen = new Set<number>();
    const out: Array<{ listed: Listed; similarity: number }> = [];
    const tokens = [...a.tokens].sort((x, y) => (this.postings.get(x)?.length ?? 0) - (this.postings.get(y)?.length ?? 0));
    const needed = Math.max(1, tokens.length - Math.floor(tokens.length * threshold) + 1);
    for (const t of tokens.slice(0, needed)) {
      for (const n of this.postings.get(t) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        const l = this.items[n]!;
        if (a.country && l.address.country && a.country !== l.address.country) continue;
        const similarity = tokenSimilarity(a.tokens, l.address.tokens);
        if (similarity >= threshold) out.push({ listed: l, similarity });
      }
    }
    return out.sort((x, y) => y.similarity - x.similarity);
  }
}

export const rf06: Rule = {
  code: 'RF06',
  title: 'Shared, residential or listed-party address',
  indicator: {
    text: 'A company registered at a residential address or at an address shared with many closely held companies, or at an address similar to a listed party\'s.',
    sources: [
      'DOJ/Commerce/Treasury Tri-Seal compliance note, 2 March 2023: residential addresses or addresses common to multiple closely held corporate entities',
      'FinCEN & BIS supplemental joint alert, 19 May 2023: business address is a residence',
      'BIS "Know Your Customer" guidance and red flags (EAR Part 732, Supplement 3): the customer or its address is similar to a party on a restricted list',
    ],
  },
  needs: NEEDS,
  evaluate(ctx) {
    const cfg = ctx.config.rf06;
    const coverage = new CoverageCounter('RF06', NEEDS);
    const flags: Flag[] = [];
    const listed = new ListedAddresses();
    const subjects: Array<{ e: ContextEntity; addresses: AddressFact[] }> = [];
    const byKey = new Map<string, Set<string>>();
    // a registry party that matches a listed one strongly is that party: its addresses count too
    const matched = new Map<string, string>();
    for (const l of ctx.crossref) if (l.score >= ctx.config.rf07.crossrefThreshold && !matched.has(l.subject_id)) matched.set(l.subject_id, l.listed_id);
    for (const e of ctx.parties.values()) {
      if (ctx.listed.has(e.id)) {
        for (const a of addressesOf(ctx, e)) listed.add(e, a);
        continue;
      }
      const listedAs = matched.get(e.id);
      if (listedAs) for (const a of addressesOf(ctx, e)) listed.add(e, a, listedAs);
      if (!isOrganisation(e) || fromListsOnly(ctx, e)) continue;
      const addresses = addressesOf(ctx, e);
      coverage.count(e.datasets, addresses.length > 0);
      if (addresses.length === 0) continue;
      subjects.push({ e, addresses });
      for (const a of addresses) {
        let set = byKey.get(a.key);
        if (!set) byKey.set(a.key, (set = new Set()));
        set.add(e.id);
      }
    }
    for (const { e, addresses } of subjects) {
      const evidence: Evidence[] = [];
      const parts: string[] = [];
      let score = 0;
      // shared
      for (const a of addresses) {
        const others = [...(byKey.get(a.key) ?? [])].filter((id) => id !== e.id);
        if (others.length + 1 < cfg.minCluster) continue;
        const centre = others.length + 1 > cfg.businessCentre;
        score = Math.max(score, centre ? 0.3 : 0.6);
        parts.push(`shares its address (${a.text}) with ${others.length} other companies${centre ? ', like a business centre or registered agent' : ''}`);
        evidence.push({ kind: 'statement', id: a.addressId ?? e.id, value: a.text, label: `address of ${nameOf(e)}` });
        evidence.push({ kind: 'number', value: others.length + 1, label: 'companies at this address' });
        for (const id of others.slice(0, 10)) evidence.push({ kind: 'entity', id, label: `also at this address: ${nameOf(ctx.parties.get(id), id)}` });
        break;
      }
      // residential
      for (const a of addresses) {
        const marker = residentialMarker(a.text);
        if (!marker) continue;
        score = Math.max(score, 0.5);
        parts.push(`is registered at a flat (${a.text})`);
        evidence.push({ kind: 'statement', id: a.addressId ?? e.id, value: a.text, label: `address names a flat or residence ("${marker}")` });
        break;
      }
      // close to a listed party's
      for (const a of addresses) {
        const self = matched.get(e.id);
        const near = listed.near(a, cfg.listedSimilarity).find((n) => n.listed.entity.id !== e.id && !(self && n.listed.listedAs === self));
        if (!near) continue;
        const other = near.listed.entity;
        const listedName = near.listed.listedAs ? nameOf(ctx.parties.get(near.listed.listedAs), near.listed.listedAs) : nameOf(other);
        score = Math.max(score, near.similarity >= 0.999 ? 1 : 0.85);
        parts.push(`${near.similarity >= 0.999 ? 'has the same address as' : 'has an address close to that of'} the listed ${listedName}${near.listed.listedAs ? ` (as ${nameOf(other)} in ${other.datasets.join(', ')})` : ''}`);
        evidence.push({ kind: 'statement', id: a.addressId ?? e.id, value: a.text, label: `address of ${nameOf(e)}` });
        evidence.push({ kind: 'statement', id: near.listed.address.addressId ?? other.id, value: near.listed.address.text, label: `address of ${nameOf(other)} (${other.datasets.join(', ')})` });
        evidence.push({ kind: 'number', value: round(near.similarity, 2), label: 'address similarity (shared words)' });
        evidence.push({ kind: 'entity', id: other.id, label: near.listed.listedAs ? `${nameOf(other)}, which matches the listed ${listedName}` : `listed: ${listedName}` });
        if (near.listed.listedAs) evidence.push({ kind: 'entity', id: near.listed.listedAs, label: `listed: ${listedName}` });
        break;
      }
      if (parts.length === 0) continue;
      flags.push(
        flag({
          code: 'RF06',
          entity_id: e.id,
          score,
          summary: `${nameOf(e)} ${parts.join('; it ')}.`,
          evidence,
          countries: [...new Set(addresses.map((a) => a.country).filter((c): c is string => Boolean(c)))],
        }),
      );
    }
    return { flags, coverage: coverage.records() };
  },
};
