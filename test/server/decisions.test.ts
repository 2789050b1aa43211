import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedT1, fixture, KUZMENKO, loadT1Version, type Fixture } from './fixture.js';

const query = { schema: 'Person', properties: { name: ['Vitaly Yurievich KUZMENKO'], birthDate: ['1971-01-22'] } };

describe('audit log and reviewer decisions over the API', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await fixture({}, { un: false });
  });
  afterEach(async () => f.close());

  const match = async (q: object = query) => {
    const res = await f.app.inject({ method: 'POST', url: '/match/default', payload: { queries: { k: q } } });
    expect(res.statusCode).toBe(200);
    return res.json().responses.k;
  };
  const decide = (body: object) => f.app.inject({ method: 'POST', url: '/decisions', payload: body });

  it('logs every screening and lists the log since a time', async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    const first = await match();
    const second = await match({ schema: 'Person', properties: { name: 'Tatyana Zhuravleva' } });
    expect(second.log_id).toBe(first.log_id + 1);
    const log = (await f.app.inject({ method: 'GET', url: `/log?since=${encodeURIComponent(before)}` })).json();
    expect(log.limit).toBe(100);
    expect(log.entries).toHaveLength(2);
    const [a] = log.entries;
    expect(a).toEqual({
      id: first.log_id,
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      source: 'api',
      query_key: 'k',
      query_fingerprint: first.query_fingerprint,
      query,
      dataset_versions: { t1: 'a' },
      algorithm: { name: 'test-tokens', version: '1' },
      config_hash: expect.stringMatching(/^[0-9a-f]{16}$/),
      results: first.results.map((r: { id: string; score: number; match: boolean }) => ({ entity_id: r.id, score: r.score, match: r.match })),
    });
    const paged = (await f.app.inject({ method: 'GET', url: `/log?after_id=${first.log_id}&limit=1` })).json();
    expect(paged.entries.map((e: { id: number }) => e.id)).toEqual([second.log_id]);
    expect((await f.app.inject({ method: 'GET', url: '/log?since=2999-01-01' })).json().entries).toEqual([]);
    expect((await f.app.inject({ method: 'GET', url: '/log?since=last-week' })).statusCode).toBe(400);
    expect((await f.app.inject({ method: 'GET', url: '/log?limit=5000' })).json().detail).toMatch(/limit must be <= 1000/);
  });

  it('keeps a decided false positive out until the entity changes in a new list version', async () => {
    const first = await match();
    expect(first.results[0]).toMatchObject({ id: KUZMENKO, match: true });

    const res = await decide({ query_id: first.log_id, entity_id: KUZMENKO, decision: 'false_positive', reviewer: 'alice', note: 'a namesake' });
    expect(res.statusCode).toBe(201);
    const decision = res.json();
    expect(decision).toEqual({
      id: 1,
      at: expect.any(String),
      query_fingerprint: first.query_fingerprint,
      query_key: 'k',
      log_id: first.log_id,
      entity_id: KUZMENKO,
      entity_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      decision: 'false_positive',
      reviewer: 'alice',
      note: 'a namesake',
    });

    // the same query, spelt differently, in a later screening: suppressed, and said so
    const again = await match({ schema: 'Person', properties: { name: ['  vitaly yurievich   kuzmenko '], birthDate: '1971-01-22' } });
    expect(again.query_fingerprint).toBe(first.query_fingerprint);
    expect(again.results.map((r: { id: string }) => r.id)).not.toContain(KUZMENKO);
    expect(again.suppressed).toHaveLength(1);
    expect(again.suppressed[0]).toMatchObject({
      id: KUZMENKO,
      score: 1,
      decision: { id: 1, decision: 'false_positive', reviewer: 'alice', note: 'a namesake', entity_changed: false },
    });
    const logged = (await f.app.inject({ method: 'GET', url: `/log?after_id=${again.log_id - 1}&limit=1` })).json().entries[0];
    expect(logged.results).toContainEqual({ entity_id: KUZMENKO, score: 1, match: true, suppressed_by: 1 });
    // another query is not affected
    const other = await match({ schema: 'Person', properties: { name: ['Vitalij Kuzmenko'] } });
    expect(other.results[0].id).toBe(KUZMENKO);

    // a new version of the list stating the same: still suppressed
    await loadT1Version(f, 'b', changedT1(f.dir, 'none', () => undefined));
    await f.rebuild();
    expect((await match()).suppressed.map((r: { id: string }) => r.id)).toEqual([KUZMENKO]);

    // a new version where the entity changed: back, with the old decision shown for a new review
    await loadT1Version(f, 'c', changedT1(f.dir, KUZMENKO, (p) => p['position']!.push('Board member, Rostec')));
    await f.rebuild();
    const changed = await match();
    expect(changed.suppressed).toEqual([]);
    expect(changed.results[0]).toMatchObject({
      id: KUZMENKO,
      match: true,
      decision: { id: 1, decision: 'false_positive', entity_changed: true },
    });

    // a new decision on the changed entity suppresses it again
    expect((await decide({ query_fingerprint: changed.query_fingerprint, entity_id: KUZMENKO, decision: 'false_positive', reviewer: 'bob' })).statusCode).toBe(201);
    expect((await match()).suppressed[0].decision).toMatchObject({ id: 2, reviewer: 'bob', note: '', entity_changed: false });

    // a true match is shown with its decision
    expect((await decide({ query_fingerprint: changed.query_fingerprint, entity_id: KUZMENKO, decision: 'match', reviewer: 'carol', note: 'confirmed' })).statusCode).toBe(201);
    expect((await match()).results[0].decision).toMatchObject({ id: 3, decision: 'match', reviewer: 'carol', entity_changed: false });

    const listed = (await f.app.inject({ method: 'GET', url: `/decisions?entity_id=${KUZMENKO}` })).json();
    expect(listed.decisions.map((d: { id: number; decision: string }) => [d.id, d.decision])).toEqual([
      [1, 'false_positive'],
      [2, 'false_positive'],
      [3, 'match'],
    ]);
    expect((await f.app.inject({ method: 'GET', url: `/decisions?query_fingerprint=${'0'.repeat(32)}` })).json().decisions).toEqual([]);
    expect((await f.app.inject({ method: 'GET', url: '/decisions?after_id=2' })).json().decisions.map((d: { id: number }) => d.id)).toEqual([3]);
  });

  it('refuses decisions that name nothing, or unknown log entries and entities', async () => {
    const first = await match();
    const cases: Array<[object, number, RegExp]> = [
      [{ entity_id: KUZMENKO, decision: 'false_positive', reviewer: 'a' }, 400, /give query_id \(a screening log entry\) or query_fingerprint/],
      [{ query_id: 999, entity_id: KUZMENKO, decision: 'false_positive', reviewer: 'a' }, 404, /no screening log entry 999/],
      [{ query_id: first.log_id, entity_id: 'NK-nope', decision: 'false_positive', reviewer: 'a' }, 404, /No such entity: "NK-nope"/],
      [{ query_id: first.log_id, entity_id: KUZMENKO, decision: 'maybe', reviewer: 'a' }, 400, /decision must be equal to one of the allowed values/],
      [{ query_id: first.log_id, entity_id: KUZMENKO, decision: 'match' }, 400, /must have required property 'reviewer'/],
      [{ query_id: first.log_id, entity_id: KUZMENKO, decision: 'match', reviewer: ' ' }, 400, /reviewer is empty/],
      [{ query_fingerprint: 'xyz', entity_id: KUZMENKO, decision: 'match', reviewer: 'a' }, 400, /query_fingerprint must match pattern/],
      [{ query_id: first.log_id, query_fingerprint: 'f'.repeat(32), entity_id: KUZMENKO, decision: 'match', reviewer: 'a' }, 400, /is not the fingerprint of log entry/],
      [{ query_id: first.log_id, entity_id: KUZMENKO, decision: 'match', reviewer: 'a\u0007' }, 400, /control character U\+0007 in reviewer/],
    ];
    for (const [body, status, detail] of cases) {
      const res = await decide(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().detail).toMatch(detail);
    }
    expect((await f.app.inject({ method: 'GET', url: '/decisions' })).json().decisions).toEqual([]);
  });

  it('writes nothing to the log when auditing is off', async () => {
    const app = await f.rebuild({ audit: { enabled: false } });
    const res = (await app.inject({ method: 'POST', url: '/match/default', payload: { queries: { k: query } } })).json();
    expect(res.responses.k.log_id).toBeNull();
    const csv = await app.inject({ method: 'POST', url: '/screen', headers: { 'content-type': 'text/csv' }, payload: `id,name\n1,Vitalij Kuzmenko\n` });
    expect(JSON.parse(csv.body.trim())).not.toHaveProperty('log_id');
    expect((await app.inject({ method: 'GET', url: '/log' })).json().entries).toEqual([]);
  });
});
