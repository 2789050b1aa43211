import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, INTER_TOBACCO, KUZMENKO, type Fixture } from './fixture.js';

describe('POST /screen (CSV upload)', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await fixture({ limits: { csvRows: 20, csvBytes: 64 * 1024 } }, { un: false });
  });
  afterAll(async () => f.close());

  const screen = (csv: string, query = '', contentType = 'text/csv') =>
    f.app.inject({ method: 'POST', url: `/screen${query ? `?${query}` : ''}`, headers: { 'content-type': contentType }, payload: csv });

  const csv = [
    'id,name,schema,birth_date',
    'c1,Vitaly Yurievich KUZMENKO,Person,1971-01-22',
    'c2,X,,',
    'c3,LLC “Inter Tobacco”,Organization,',
    'c4,Nobody Whatsoever Qwxz,,',
    'c5,Someone,Spaceship,',
  ].join('\n');

  it('answers JSONL in input order, with malformed rows reported by line', async () => {
    const res = await screen(csv);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers['x-sanctrace-row-errors']).toBe('2');
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(lines[0].results[0]).toMatchObject({ entity_id: KUZMENKO, caption: 'Vitalij Kuzmenko', schema: 'Person', score: 1, match: true, datasets: ['t1'] });
    expect(lines[0].results[0].explanations.map((e: { feature: string }) => e.feature)).toEqual(['name_tokens', 'birth_date']);
    expect(lines[0].log_id).toBeGreaterThan(0);
    expect(lines[1]).toEqual({ id: 'c2', line: 3, error: 'name of one character ("X") cannot be screened' });
    expect(lines[2].results[0]).toMatchObject({ entity_id: INTER_TOBACCO, match: true });
    expect(lines[3]).toMatchObject({ id: 'c4', results: [] });
    expect(lines[4]).toEqual({ id: 'c5', line: 6, error: 'unknown schema "Spaceship"' });
  });

  it('answers a JSON array or CSV on request, and takes limit and dataset', async () => {
    const json = await screen(csv, 'format=json&limit=1&dataset=t1');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const rows = json.json();
    expect(rows).toHaveLength(5);
    expect(rows[0].results).toHaveLength(1);
    const out = await screen(csv, 'format=csv');
    expect(out.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = out.body.trim().split('\n');
    expect(lines[0]).toBe('id,name,entity_id,caption,schema,score,match,suppressed,datasets,explanation,decision,error');
    expect(lines[1]).toMatch(new RegExp(`^c1,Vitaly Yurievich KUZMENKO,${KUZMENKO},Vitalij Kuzmenko,Person,1,true,false,t1,`));
    expect(lines.find((l) => l.startsWith('c2,'))).toMatch(/,"line 3: name of one character/);
    expect((await screen(csv, 'dataset=nope')).statusCode).toBe(404);
  });

  it('refuses a wrong header, too many rows, too many bytes and other content types', async () => {
    const header = await screen('ident,fullname\n1,Ivan Ivanov\n');
    expect(header.statusCode).toBe(400);
    expect(header.json().detail).toMatch(/CSV input: the header lacks the required columns "id" and "name" \(found: "ident", "fullname"/);

    const many = ['id,name', ...Array.from({ length: 21 }, (_, i) => `r${i},Name Number${i}`)].join('\n');
    const rows = await screen(many);
    expect(rows.statusCode).toBe(413);
    expect(rows.json().detail).toMatch(/more than 20 rows; screen larger files with `sanctrace screen`/);

    const big = 'id,name\n' + 'r,' + 'N'.repeat(70 * 1024) + '\n';
    const bytes = await screen(big);
    expect(bytes.statusCode).toBe(413);
    expect(bytes.json().detail).toMatch(/larger than the limit of 64 kB/);

    const form = await screen('id,name\n1,Ivan Ivanov\n', '', 'application/x-www-form-urlencoded');
    expect(form.statusCode).toBe(415);
    expect(form.json()).toHaveProperty('detail');
    const empty = await screen('');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toMatch(/input is empty/);
  });
});
