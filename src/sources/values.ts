/** Text with its white space folded and trimmed; undefined if nothing is left. */
export function clean(text: string | undefined): string | undefined {
  const t = text?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/** The parts that are there, joined; undefined if none is. */
export function join(parts: Array<string | undefined>, sep = ', '): string | undefined {
  const kept = parts.filter((p): p is string => !!p);
  return kept.length ? kept.join(sep) : undefined;
}

/**
 * Birth years a list states as a range ("between 1955 and 1958"): every year in it, as FtM has no
 * date ranges; the bounds as stated when the range is open, reversed or wider than 20 years.
 */
export function yearsBetween(from: string | undefined, to: string | undefined): string[] {
  const a = from ? Number(from) : NaN;
  const b = to ? Number(to) : NaN;
  if (Number.isInteger(a) && Number.isInteger(b) && b >= a && b - a <= 20) {
    const years: string[] = [];
    for (let y = a; y <= b; y++) years.push(String(y));
    return years;
  }
  return [from, to].filter((y): y is string => !!y);
}
