/** Valid national identifiers for hand-made fixtures, found with the project's own validators. */
import { kzBin, ruInn } from '../../src/model/identifiers.js';

/** A Kazakh BIN registered in the given year and month (a legal entity, check digit right). */
export function binOf(yymm: string): string {
  for (let n = 0; n < 100000; n++) {
    const body = `${yymm}40${String(n).padStart(5, '0')}`;
    for (let c = 0; c < 10; c++) if (kzBin(body + c).valid) return body + c;
  }
  throw new Error(`no BIN for ${yymm}`);
}

/** A Russian company INN (10 digits, check digit right). */
export function innOf(prefix = '77'): string {
  for (let n = 0; n < 1000000; n++) {
    const body = `${prefix}${String(n).padStart(7, '0')}`;
    for (let c = 0; c < 10; c++) if (ruInn(body + c).valid) return body + c;
  }
  throw new Error('no INN');
}
