/**
 * Gathers the rows of each key as they stream and yields a key's rows, in file order, as soon as
 * all of them have come: `counts` (from a first pass over the file) says how many each key has,
 * so only keys whose rows are spread over the file are held back.
 */
export async function* completeGroups<T>(
  rows: AsyncIterable<T>,
  keyOf: (row: T) => string,
  counts: Map<string, number>,
): AsyncGenerator<{ key: string; rows: T[] }> {
  const pending = new Map<string, T[]>();
  for await (const row of rows) {
    const key = keyOf(row);
    let group = pending.get(key);
    if (!group) pending.set(key, (group = []));
    group.push(row);
    if (group.length < (counts.get(key) ?? 1)) continue;
    pending.delete(key);
    yield { key, rows: group };
  }
}
