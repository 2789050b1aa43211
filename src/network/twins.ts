import type { TimeFilter } from './dates.js';
import type { NetworkGraph } from './graph.js';

/**
 * Sanctioned records that are probably the same entity as a node: sharing an identifier, or a
 * person's name and full birth date, or linked by a same-as candidate. A registry's copy of a
 * listed firm is not itself listed; its twin is.
 */
export function sanctionedTwins(g: NetworkGraph, node: number, time: TimeFilter): Array<{ node: number; via: string }> {
  // the most concrete evidence per twin: an identifier, then name and birth date, then a same-as score
  const out = new Map<number, { rank: number; via: string }>();
  const note = (twin: number, rank: number, via: string) => {
    const known = out.get(twin);
    if (!known || rank < known.rank) out.set(twin, { rank, via });
  };
  g.forEachEdge(node, (e, other) => {
    const type = g.edgeType(e);
    if (type === 'same_as') {
      if (g.sanctionedUnder(other, time)) note(other, 2, 'a same-as candidate link');
    } else if (type === 'identifier' || type === 'name_birth') {
      g.forEachEdge(other, (e2, twin) => {
        if (twin !== node && g.edgeType(e2) === type && g.sanctionedUnder(twin, time)) {
          note(twin, type === 'identifier' ? 0 : 1, type === 'identifier' ? `the identifier ${g.captions[other]}` : `the name and birth date ${g.captions[other]}`);
        }
      });
    }
  });
  return [...out].map(([n, t]) => ({ node: n, via: t.via }));
}
