import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LISTED_PARTIES } from '../../src/demo/world/listed.js';
import { ofacCsvReader } from '../../src/sources/ofac.js';
import { LISTS, readAll } from '../helpers.js';

describe('planted listed parties', () => {
  it('are copied exactly from the bundled OFAC SDN list: name, aliases, identifiers, establishment date, address', async () => {
    const { records } = await readAll(ofacCsvReader, [path.join(LISTS, 'ofac')]);
    for (const p of LISTED_PARTIES) {
      const record = records.find((r) => r.key === p.entryKey);
      expect(record, p.name).toBeDefined();
      const main = record!.entities[0]!;
      expect(main.properties['name']).toContain(p.name);
      for (const a of p.aliases) expect(main.properties['alias'] ?? main.properties['weakAlias'], a).toContain(a);
      const values = record!.entities.flatMap((e) => Object.values(e.properties).flat());
      for (const id of [p.registrationNumber, p.taxNumber, p.innCode, p.ogrnCode].filter((x): x is string => !!x)) expect(values, id).toContain(id);
      expect(values.some((v) => v.includes(p.incorporated)), p.incorporated).toBe(true);
      expect(values.join(' | '), p.address.street).toContain(p.address.street);
    }
  }, 60_000);
});
