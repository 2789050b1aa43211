import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import anyAscii from 'any-ascii';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TruthScheme } from '../../src/demo/world/truth.js';
import { DESKTOP, ensureUiBuilt, launchBrowser, MARKUP_NAME, PHONE, screenshot, startServer, watchPage, type E2eServer } from './server.js';

// The investigator's UI in Debian's chromium, against the demo store: the bundled real lists, the
// real EU trade cut, the seeded synthetic world with its planted schemes (ground truth in
// truth.json), cross-referencing, hubs and red flags.
const PUTIN_OFAC = 'us-ofac-sdn-35096';
const PUTIN_UK = 'gb-fcdo-sanctions-rus0251';
/** OpenSanctions' ZALA extract: a person owning several companies, with relatives. */
const ZALA_OWNER = 'NK-aU5ybkbRFJucf8YMwsJvDw';
/** Listed in Cyrillic only: ООО "ИЖТЕЛЕКОМ". */
const IZHTELEKOM = 'NK-56Edov9bas9puzaChH5pBy';
/** A company ZALA_OWNER directs, with owners of its own. */
const ZALA_COMPANY = 'NK-abdzbEBkqyT29GyREbiURZ';

interface FlagAnswer {
  flags: Array<{ code: string; evidence: Array<{ kind?: string; id?: string; label?: string }> }>;
  routes: Array<{ supplier: string; intermediary: string; buyer: string }>;
}

describe('web UI in a browser, on the demo store', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    ensureUiBuilt();
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    process.stderr.write(`e2e store built: ${JSON.stringify(server.seconds)}\n`);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, viewport = DESKTOP): Promise<Page> {
    await context?.close();
    context = await browser.newContext({ viewport, acceptDownloads: true });
    page = await context.newPage();
    problems = watchPage(page);
    await page.goto(server.url + path);
    return page;
  }

  async function api<T>(path: string): Promise<T> {
    const res = await fetch(server.url + path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  }

  const scheme = (id: string): TruthScheme => {
    const s = server.truth.schemes.find((x) => x.id === id);
    if (!s) throw new Error(`no planted scheme ${id} in the world`);
    return s;
  };
  const roleOf = (s: TruthScheme, role: string) => {
    const e = s.entities.find((x) => x.role === role);
    if (!e) throw new Error(`scheme ${s.id} has no ${role}`);
    return e;
  };
  /** The ids of the nodes the diagram draws on a found path (cytoscape's own elements). */
  const pathNodes = async () => ((await page.locator('.diagram').getAttribute('data-path-nodes')) ?? '').split(' ').filter(Boolean);

  const noInjection = async () => {
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  };

  it('serves the app under /ui/, client routes answered by the app, API routes untouched', async () => {
    const root = await fetch(server.url + '/', { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/ui/');
    const client = await fetch(server.url + `/ui/entity/${PUTIN_OFAC}`);
    expect(client.status).toBe(200);
    expect(client.headers.get('content-type')).toMatch(/text\/html/);
    expect(client.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await client.text()).toMatch(/<div id="root">/);
    expect((await fetch(server.url + '/ui/assets/missing.js')).status).toBe(404);
    const search = await fetch(server.url + '/search/default?q=Putin&limit=1');
    expect(search.headers.get('content-type')).toMatch(/application\/json/);
    const unknown = await fetch(server.url + '/no/such/route');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { detail: string }).detail).toMatch(/no such route/);
  });

  it('overview lists every dataset with its version and counts, marks the synthetic one, and shows the top hubs and flagged parties', async () => {
    await open('/ui/');
    await page.waitForSelector('table.datasets tbody tr');
    const datasets = await server.store.datasets();
    expect(datasets.map((d) => d.name)).toEqual(expect.arrayContaining(['demo-synthetic', 'us_ofac_sdn', 'eu_cn8']));
    for (const d of datasets) {
      const row = page.locator(`tr[data-dataset="${d.name}"]`);
      await expect.poll(() => row.count()).toBe(1);
      const text = await row.innerText();
      expect(text).toContain(d.version);
      expect(text).toContain(d.entities.toLocaleString('en-US'));
    }
    expect(await page.locator('tr[data-dataset="demo-synthetic"] .badge.synthetic').innerText()).toBe('SYNTHETIC');
    expect(await page.locator('tr[data-dataset="us_ofac_sdn"] .badge.synthetic').count()).toBe(0);

    // The hub ranking and the worklist, in the order the API ranks them.
    await page.waitForFunction(() => document.querySelectorAll('.grid-2 .panel .status.loading').length === 0);
    const panels = page.locator('.grid-2 .panel');
    const hubs = await api<{ countries: Array<{ country: string; rank: number | null }> }>('/trade/hubs?goods=chpl');
    const ranked = hubs.countries.filter((h) => h.rank !== null).slice(0, 8);
    expect(ranked.length).toBeGreaterThan(0);
    const hubItems = await panels.nth(0).locator('li').allInnerTexts();
    expect(hubItems.length).toBe(ranked.length);
    expect(hubItems[0]).toContain(`(${ranked[0]!.country})`);
    const worklist = await api<{ entities: Array<{ entity_id: string }> }>('/flags?limit=8');
    const flagged = await panels.nth(1).locator('li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(flagged).toEqual(worklist.entities.map((e) => `/ui/entity/${e.entity_id}`));
    expect(await panels.nth(1).locator('.badge.synthetic').count()).toBeGreaterThan(0);
    expect(await page.locator('[role="alert"], [data-testid="unavailable"]').count()).toBe(0);
    await screenshot(page, 'overview-1280');
    await open('/ui/', PHONE);
    await page.waitForSelector('table.datasets tbody tr');
    await screenshot(page, 'overview-390');
    expect(problems).toEqual([]);
  });

  it('search finds a name listed only in Cyrillic when typed in Latin, and a Latin-listed name typed in Cyrillic', async () => {
    await open('/ui/');
    await page.fill('#quick-search', 'Izhtelekom');
    await page.press('#quick-search', 'Enter');
    await page.waitForSelector('.hits .hit');
    expect(new URL(page.url()).search).toBe('?q=Izhtelekom');
    const first = page.locator('.hits .hit').first();
    expect(await first.locator('a').first().getAttribute('href')).toBe(`/ui/entity/${IZHTELEKOM}`);
    expect(await first.innerText()).toContain('ИЖТЕЛЕКОМ');

    await open('/ui/search?q=' + encodeURIComponent('Владимир Путин'));
    await page.waitForSelector('.hits .hit');
    const hrefs = await page.locator('.hits .hit .hit-head a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.slice(0, 5)).toContain(`/ui/entity/${PUTIN_OFAC}`);
    expect(await page.locator('.hits').innerText()).toMatch(/PUTIN, Vladimir Vladimirovich/);
    await screenshot(page, 'search-1280');
  });

  it('search finds a synthetic hub firm registered in Cyrillic from its Latin spelling, marked SYNTHETIC', async () => {
    const firm = roleOf(scheme('S02'), 'hub-intermediary');
    expect(firm.name).toMatch(/[\u0400-\u04ff]/);
    const latin = anyAscii(firm.name).replace(/[^\p{L}\p{N}\s-]/gu, ' ').replace(/\s+/g, ' ').trim();
    expect(latin).toMatch(/^[\x20-\x7e]+$/);
    await open('/ui/');
    await page.fill('#quick-search', latin);
    await page.press('#quick-search', 'Enter');
    await page.waitForSelector('.hits .hit');
    const hit = page.locator('.hits .hit').first();
    expect(await hit.locator('a').first().getAttribute('href')).toBe(`/ui/entity/${firm.id}`);
    expect(await hit.innerText()).toContain(firm.name);
    expect(await hit.locator('.badge.synthetic').innerText()).toBe('SYNTHETIC');
    expect(problems).toEqual([]);
  });

  it('search facets filter the hits and live in the URL', async () => {
    await open('/ui/search?q=Putin');
    await page.waitForSelector('.facets');
    const person = page.locator('fieldset.facet', { hasText: 'Type' }).locator('button', { hasText: 'Person' });
    await person.click();
    await page.waitForURL(/schema=Person/);
    await page.waitForSelector('.hits .hit');
    const schemas = await page.locator('.hits .hit .schema').allInnerTexts();
    expect(schemas.length).toBeGreaterThan(0);
    expect(new Set(schemas)).toEqual(new Set(['Person']));
    // The state is in the URL: opening it again gives the same filtered view.
    const url = page.url();
    await open(url.replace(server.url, ''));
    await page.waitForSelector('.chips');
    expect(await page.locator('.chips').innerText()).toContain('Type: Person');
    await open('/ui/search?q=Putin', PHONE);
    await page.waitForSelector('.hits .hit');
    await screenshot(page, 'search-390');
    expect(problems).toEqual([]);
  });

  it('entity page shows names with their sources, sanctions with programmes, and the same person on another list', async () => {
    await open('/ui/search?q=Putin');
    await page.click(`.hits a[href="/ui/entity/${PUTIN_OFAC}"]`);
    await page.waitForSelector('article.entity');
    expect(await page.locator('h1').innerText()).toBe('PUTIN, Vladimir Vladimirovich');
    const name = page.locator('#names tr[data-prop="name"]');
    expect(await name.innerText()).toContain('PUTIN, Vladimir Vladimirovich');
    expect(await name.locator('.sources').innerText()).toMatch(/us_ofac_sdn[\s\S]*2024-05-03[\s\S]*record\s+35096/);
    // The sanction entry as the store holds it.
    const sanctions = page.locator('#sanctions .card.sanction');
    expect(await sanctions.count()).toBeGreaterThan(0);
    const sanctionId = await sanctions.first().getAttribute('data-sanction');
    const sanction = await server.store.getEntity(sanctionId!);
    expect(sanction?.properties['entity']).toEqual([PUTIN_OFAC]);
    for (const program of sanction!.properties['program'] ?? []) expect(await sanctions.first().innerText()).toContain(program);
    expect(await page.locator('#hits').innerText()).toContain('Vladimir Vladimirovich PUTIN');
    expect(await page.locator(`#hits a[href="/ui/entity/${PUTIN_UK}"]`).count()).toBe(1);
    await page.locator('#hits details summary').first().click();
    expect(await page.locator('#hits table.explanations').first().innerText()).toMatch(/name/);
    expect(await page.locator('#timeline li').count()).toBeGreaterThan(0);
    await screenshot(page, 'entity-1280');
    await open(`/ui/entity/${PUTIN_OFAC}`, PHONE);
    await page.waitForSelector('article.entity');
    await screenshot(page, 'entity-390');
    expect(problems).toEqual([]);
  });

  it('entity page groups relations with the other party linked', async () => {
    await open(`/ui/entity/${ZALA_OWNER}`);
    await page.waitForSelector('#relations .relation-group');
    const ownership = page.locator('#relations .relation-group[data-relation="Ownership"]');
    expect(await ownership.count()).toBe(1);
    expect(await ownership.locator(`a[href="/ui/entity/${IZHTELEKOM}"]`).count()).toBe(1);
    expect(await page.locator('#relations .relation-group[data-relation="Family"]').count()).toBe(1);
  });

  it('an unknown entity is said to be unknown', async () => {
    await open('/ui/entity/no-such-entity');
    await page.waitForSelector('[role="alert"]');
    expect(await page.locator('[role="alert"]').innerText()).toMatch(/No such entity/);
  });

  it("a planted hub firm's page shows its flags; a shipment in a flag's evidence opens that customs line with its HS code and quantity", async () => {
    const s02 = scheme('S02');
    const firm = roleOf(s02, 'hub-intermediary');
    await open(`/ui/entity/${firm.id}`);
    await page.waitForSelector('#flags .flag-list');
    expect(await page.locator('.entity-head .badge.synthetic').innerText()).toBe('SYNTHETIC');
    // Every flag the API holds for the firm is listed, the scheme's defining ones among them.
    const answer = await api<FlagAnswer>(`/flags/${firm.id}`);
    const codes = await page.locator('#flags li.flag').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-code')));
    expect(codes).toEqual(answer.flags.map((f) => f.code));
    for (const code of s02.red_flags.defining) expect(codes).toContain(code);

    // RF04 (goods in and straight out again) cites the customs lines: the first one is clicked.
    const evidence = page.locator('#flags li.flag[data-code="RF04"] .evidence li[data-kind="shipment"] a').first();
    const label = await evidence.innerText();
    const cited = answer.flags.find((f) => f.code === 'RF04')!.evidence.find((e) => e.kind === 'shipment')!;
    expect(label).toBe(cited.label);
    const [, hs, quantity] = /HS (\d+), ([\d,]+ \w+)/.exec(label) ?? [];
    expect(hs, label).toBeDefined();
    await evidence.click();
    await page.waitForSelector('[data-testid="shipment"]');
    expect(new URL(page.url()).pathname).toBe(`/ui/entity/${cited.id}`);
    // one of the lines the world planted for the scheme, shown as the store holds it
    expect(s02.shipments).toContain(cited.id);
    const line = (await server.store.getEntity(cited.id!))!;
    expect(line.properties['hsCode']).toEqual([hs]);
    const card = page.locator('[data-testid="shipment"]');
    expect(await card.getAttribute('data-hs')).toBe(hs);
    expect(await card.getAttribute('data-quantity')).toBe(line.properties['quantity']![0]);
    expect(await card.locator('.hs').innerText()).toBe(`HS ${hs}`);
    expect(await card.locator('.quantity').innerText()).toBe(quantity);
    const parties = [line.properties['sender']![0], line.properties['receiver']![0]];
    expect(parties).toContain(firm.id);
    for (const p of parties) expect(await card.locator(`a[href="/ui/entity/${p}"]`).count()).toBe(1);
    expect(await card.locator('h2 .badge.synthetic').innerText()).toBe('SYNTHETIC');
    expect(await page.locator('h1').innerText()).toContain(`HS ${hs}`);
    await screenshot(page, 'shipment-1280');

    // Back on the firm's page: its customs lines as a table, goods described, CHPL tiers marked.
    await page.goBack();
    await page.waitForSelector('#shipments table tbody tr');
    const detail = await api<{ shipments: { total: number; rows: Array<{ id: string; chpl_tier: string | null }> } }>(`/api/entities/${firm.id}`);
    // the scheme's lines all pass through the firm
    expect(detail.shipments.total).toBeGreaterThanOrEqual(s02.shipments.length);
    expect(detail.shipments.rows.map((r) => r.id)).toEqual(expect.arrayContaining(s02.shipments));
    expect(await page.locator('#shipments table tbody tr').count()).toBe(detail.shipments.rows.length);
    expect(await page.locator('#shipments .tag.chpl').count()).toBe(detail.shipments.rows.filter((r) => r.chpl_tier).length);
    await page.locator('#shipments .table-filter').fill(hs!);
    await expect.poll(() => page.locator('#shipments table tbody tr').count()).toBeLessThanOrEqual(detail.shipments.rows.length);
    for (const text of await page.locator('#shipments table tbody tr').allInnerTexts()) expect(text).toContain(hs);
    await screenshot(page, 'entity-flags-1280');
    await open(`/ui/entity/${firm.id}`, PHONE);
    await page.waitForSelector('#shipments table tbody tr');
    await screenshot(page, 'entity-flags-390');
    expect(problems).toEqual([]);
  });

  it('the path finder draws a planted route: supplier → hub firm → Russian buyer, and the family ties behind it', async () => {
    const s02 = scheme('S02');
    const firm = roleOf(s02, 'hub-intermediary');
    const supplier = s02.route.suppliers[0]!;
    const buyer = s02.route.buyers[0]!;
    // From the firm's ranked route on its page to the network view.
    await open(`/ui/entity/${firm.id}`);
    const route = page.locator('#flags .routes li.route', { has: page.locator(`a[href="/ui/entity/${buyer}"]`) }).first();
    await route.waitFor();
    await route.locator('a.draw-route').click();
    await page.waitForURL((u) => u.pathname === `/ui/network/${supplier}` && u.searchParams.get('to') === buyer);
    await page.waitForSelector('ol.paths > li');
    // Every party of the planted route (the lines and the family ties) is drawn on a found path.
    const planted = [...s02.route.suppliers, ...s02.route.intermediaries, ...s02.route.buyers, ...s02.route.links.flatMap((l) => l.parties)];
    await expect.poll(pathNodes).toEqual(expect.arrayContaining(planted));
    const answer = await api<{ paths: Array<{ nodes: string[] }> }>(`/network/trace?from=${supplier}&to=${buyer}&same_as=true`);
    expect(await page.locator('ol.paths > li').count()).toBe(answer.paths.length);
    expect(answer.paths[0]!.nodes).toEqual([supplier, firm.id, buyer]);
    expect((await pathNodes()).sort()).toEqual([...new Set(answer.paths.flatMap((p) => p.nodes))].sort());
    expect(Number(await page.locator('.diagram').getAttribute('data-path-edges'))).toBeGreaterThanOrEqual(answer.paths[0]!.nodes.length - 1);
    const steps = await page.locator('ol.paths').innerText();
    expect(steps).toMatch(/shipped goods to/);
    expect(steps).toMatch(/HS \d{6}/);
    // the family ties the paths pass are explained with the relationship the registry states
    const passed = new Set(answer.paths.flatMap((p) => p.nodes.slice(1).map((n, i) => [p.nodes[i], n].sort().join('|'))));
    const family = s02.links.filter((l) => l.schema === 'Family' && passed.has([l.from, l.to].sort().join('|')));
    expect(family.length).toBeGreaterThan(0);
    for (const tie of family) expect(steps).toContain(`(${tie.detail})`);
    await screenshot(page, 'network-route-1280');
    expect(problems).toEqual([]);
  });

  it('the path finder reaches the listed owner behind layered holdings, through the entry the screening engine ties it to', async () => {
    const s11 = scheme('S11');
    const firm = roleOf(s11, 'hub-intermediary');
    const listed = server.truth.listed_parties.find((p) => s11.entities.some((e) => e.id === p.id));
    expect(listed).toBeDefined();
    const entry = `${listed!.list.dataset.replace(/_/g, '-')}-${listed!.list.entry}`;
    await open(`/ui/network/${firm.id}`);
    await page.waitForSelector('.diagram[data-drawn]');
    await page.click('button:has-text("Nearest listed party")');
    await page.waitForURL(/to=sanctioned/);
    await page.waitForSelector('ol.paths > li');
    const chain = s11.route.links.find((l) => l.kind === 'ownership-chain')!;
    await expect.poll(pathNodes).toEqual(expect.arrayContaining([firm.id, ...chain.parties, entry]));
    expect(await page.locator('ol.paths > li').first().locator(`a[href="/ui/entity/${entry}"]`).count()).toBe(1);
    expect(await page.locator('ol.paths > li').first().innerText()).toMatch(/may be the same as/);
    await screenshot(page, 'network-listed-owner-1280');
    expect(problems).toEqual([]);
  });

  it('network view draws the links the lists state, expands a node on click and filters edge types', async () => {
    await open(`/ui/network/${ZALA_OWNER}`);
    await page.waitForSelector('.diagram[data-drawn]');
    await expect.poll(async () => Number(await page.locator('.diagram').getAttribute('data-drawn-nodes'))).toBeGreaterThan(3);
    const before = Number(await page.locator('.diagram').getAttribute('data-drawn-nodes'));
    expect(Number(await page.locator('.diagram').getAttribute('data-drawn-edges'))).toBeGreaterThan(2);
    await page.locator('details.panel summary').click();
    // the company he directs, whose other owners are not drawn yet
    await page.locator('.node-list li', { has: page.locator(`a[href="/ui/entity/${ZALA_COMPANY}"]`) }).locator('button', { hasText: 'expand' }).click();
    await page.waitForURL(/expand=/);
    await expect.poll(async () => Number(await page.locator('.diagram').getAttribute('data-drawn-nodes'))).toBeGreaterThan(before);
    // Edge types filter: hiding ownership leaves fewer edges drawn.
    const edges = Number(await page.locator('.diagram').getAttribute('data-drawn-edges'));
    await page.locator('.network-controls label', { hasText: /^\s*ownership$/i }).locator('input').uncheck();
    await expect.poll(async () => Number(await page.locator('.diagram').getAttribute('data-drawn-edges'))).toBeLessThan(edges);
    await page.locator('.network-controls label', { hasText: /^\s*ownership$/i }).locator('input').check();
    await screenshot(page, 'network-1280');
    await open(`/ui/network/${ZALA_OWNER}`, PHONE);
    await page.waitForSelector('.diagram[data-drawn]');
    await screenshot(page, 'network-390');
    expect(problems).toEqual([]);
  });

  it('trade view ranks the hubs and charts monthly flows with data, Russia and the hubs, around 24 February 2022', async () => {
    await open('/ui/trade');
    await page.waitForSelector('.chart[data-nonzero-points]');
    const answer = await api<{ countries: Array<{ country: string; rank: number | null; months?: Array<{ value: number }> }> }>('/trade/hubs?goods=chpl');
    expect(await page.locator('.trade table tbody tr').count()).toBe(answer.countries.length);
    const chart = page.locator('.chart');
    const charted = answer.countries.filter((h) => h.months?.length && (h.rank === null || h.rank <= 6));
    expect(Number(await chart.getAttribute('data-datasets'))).toBe(charted.length);
    const nonzero = charted.reduce((n, h) => n + h.months!.filter((m) => m.value > 0).length, 0);
    expect(nonzero).toBeGreaterThan(0);
    expect(Number(await chart.getAttribute('data-nonzero-points'))).toBe(nonzero);
    // Russia, the reference, has a series of its own with data in it.
    expect(await chart.getAttribute('data-series-nonzero')).toMatch(/Russia \(RU\):[1-9]/);
    expect(await chart.getAttribute('data-invasion-marked')).toBe('true');
    // Russia first as the reference, then the hubs by rank
    const ranks = await page.locator('.trade table tbody tr td:first-child').allInnerTexts();
    expect(ranks).toEqual(['reference', ...answer.countries.filter((h) => h.rank !== null).map((h) => String(h.rank)).sort((a, b) => Number(a) - Number(b))]);
    expect(await page.locator('.trade table tbody tr').nth(1).innerText()).toContain(`(${answer.countries.find((h) => h.rank === 1)!.country})`);
    await screenshot(page, 'trade-1280');
    // The goods set is part of the URL and redraws the chart.
    await page.selectOption('.trade select', 'chpl:tier1');
    await page.waitForURL(/goods=chpl%3Atier1|goods=chpl:tier1/);
    await page.waitForFunction(() => !document.querySelector('.status.loading'));
    const tier1 = await api<{ countries: Array<{ months?: Array<{ value: number }> }> }>('/trade/hubs?goods=chpl:tier1');
    const points = tier1.countries.reduce((n, h) => n + (h.months ?? []).filter((m) => m.value > 0).length, 0);
    expect(points).toBeGreaterThan(0);
    await page.waitForSelector('.chart[data-nonzero-points]');
    expect(Number(await page.locator('.chart').getAttribute('data-nonzero-points'))).toBeLessThanOrEqual(points);
    expect(problems).toEqual([]);
  });

  it('flags worklist ranks the flagged parties, filters by flag, and a review mark persists', async () => {
    await open('/ui/flags');
    await page.waitForSelector('.flags table tbody tr');
    const answer = await api<{ entities: Array<{ entity_id: string; flags: Array<{ code: string }> }> }>('/flags?limit=500');
    expect(await page.locator('.flags table tbody tr').count()).toBe(answer.entities.length);
    expect(await page.locator('.flags table tbody tr').first().locator('a').first().getAttribute('href')).toBe(`/ui/entity/${answer.entities[0]!.entity_id}`);
    await screenshot(page, 'flags-1280');
    await page.selectOption('.flags select', 'RF07');
    await page.waitForURL(/code=RF07/);
    const rf07 = answer.entities.filter((e) => e.flags.some((f) => f.code === 'RF07'));
    expect(rf07.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.flags table tbody tr').count()).toBe(rf07.length);

    // Marked reviewed, then the page loaded again: the mark is the server's, not the browser's.
    const first = rf07[0]!.entity_id;
    page.once('dialog', (d) => void d.accept('e2e reviewer'));
    const row = page.locator('.flags table tbody tr', { has: page.locator(`a[href="/ui/entity/${first}"]`) });
    await row.locator('button', { hasText: 'mark reviewed' }).click();
    await row.locator('.badge.decided').waitFor();
    await page.reload();
    await page.waitForSelector('.flags table tbody tr');
    expect(await page.locator('.flags table tbody tr', { has: page.locator(`a[href="/ui/entity/${first}"]`) }).locator('.badge.decided').textContent()).toBe('reviewed');
    await open(`/ui/entity/${first}`);
    await page.waitForSelector('#flags .lede');
    expect(await page.locator('#flags .lede').innerText()).toMatch(/reviewed by e2e reviewer/);
    expect(problems).toEqual([]);
  });

  it('screening a pasted list returns explained results, and a false-positive decision persists', async () => {
    await open('/ui/screen');
    await page.fill('#screen-names', 'Vladimir Putin\nТОО «Элем Групп»\nIngeborg Abrahamsen');
    await page.click('form.panel button[type="submit"]');
    await page.waitForSelector('.screen-row');
    expect(new URL(page.url()).searchParams.get('names')).toBe('Vladimir Putin\nТОО «Элем Групп»\nIngeborg Abrahamsen');
    const rows = page.locator('.screen-row');
    expect(await rows.count()).toBe(3);
    const putin = rows.nth(0);
    expect(await putin.locator('.badge.match').count()).toBeGreaterThan(0);
    expect(await putin.innerText()).toMatch(/PUTIN/);
    const elem = rows.nth(1);
    expect(await elem.locator('.hit').first().getAttribute('data-entity')).toBe('eu-journal-sanctions-32014r0833-iv-606');
    await elem.locator('.hit').first().locator('details summary', { hasText: 'Why' }).click();
    const why = await elem.locator('table.explanations').first().innerText();
    expect(why).toMatch(/name/);
    expect(why).toMatch(/элем/i);
    expect(await rows.nth(2).locator('.badge.match').count()).toBe(0);
    await screenshot(page, 'screening-1280');

    // A decision: the first Putin result is marked a false positive.
    const hit = putin.locator('.hit').first();
    const entityId = (await hit.getAttribute('data-entity'))!;
    await hit.locator('details.decide summary').click();
    await hit.locator('details.decide input').first().fill('e2e reviewer');
    await hit.locator('button', { hasText: 'False positive' }).click();
    await hit.locator('.badge.decided').waitFor();
    const decisions = await server.store.decisions({ entityId });
    expect(decisions.at(-1)).toMatchObject({ decision: 'false_positive', reviewer: 'e2e reviewer', entity_id: entityId });
    // Opening the same shared link screens again: the decided result is left out.
    await page.reload();
    await page.waitForSelector('.screen-row');
    expect(await page.locator('.screen-row').nth(0).locator(`.hit[data-entity="${entityId}"]`).count()).toBe(0);
    expect(await page.locator('.screen-row').nth(0).innerText()).toMatch(/1 result\(s\) left out as decided false positives/);
    expect(problems).toEqual([]);
  });

  it('screening downloads the results as CSV', async () => {
    await open('/ui/screen?names=' + encodeURIComponent('Vladimir Putin'));
    await page.waitForSelector('.screen-row .hit');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Download CSV")')]);
    const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('input_id,input_name,entity_id,caption,schema,score,match,datasets,explanation,error');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[1]).toMatch(/^1,Vladimir Putin,/);
  });

  it('case report shows identity, sources and sanctions, ready to print', async () => {
    await open(`/ui/report/${PUTIN_OFAC}`);
    await page.waitForSelector('article.report');
    expect(await page.locator('article.report h1').innerText()).toBe('PUTIN, Vladimir Vladimirovich');
    const text = await page.locator('article.report').innerText();
    expect(text).toMatch(/Sanctions/);
    expect(text).toMatch(/us_ofac_sdn version 2024-05-03/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    await screenshot(page, 'report-print');
  });

  it("a flagged synthetic party's case report carries its flags with their evidence and the SYNTHETIC mark", async () => {
    const firm = roleOf(scheme('S02'), 'hub-intermediary');
    await open(`/ui/report/${firm.id}`);
    await page.waitForSelector('article.report .flag-list');
    const answer = await api<FlagAnswer>(`/flags/${firm.id}`);
    expect(await page.locator('article.report li.flag').count()).toBe(answer.flags.length);
    expect(await page.locator('article.report .kicker .badge.synthetic').innerText()).toBe('SYNTHETIC');
    await screenshot(page, 'report-flagged');
    expect(problems).toEqual([]);
  });

  it('names from lists and from uploaded CSVs are shown as text, never run as markup or script', async () => {
    await open('/ui/search?q=' + encodeURIComponent(MARKUP_NAME));
    await page.waitForSelector('.hits .hit');
    const link = page.locator('.hits a[href="/ui/entity/e2e-markup-1"]');
    expect(await link.innerText()).toBe(MARKUP_NAME);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await link.click();
    await page.waitForSelector('#sanctions .card');
    expect(await page.locator('#sanctions .card').innerText()).toContain('<script>window.__injected=2</script>');
    expect(await page.locator('#sanctions a[href^="javascript"]').count()).toBe(0);
    await noInjection();

    await open('/ui/screen');
    await page.setInputFiles('#screen-file', {
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('id,name\n"<b>x</b>","<script>window.__injected=4</script>Evil Trading"\n2,"<img src=x onerror=""window.__injected=5"">"\n'),
    });
    await page.click('button:has-text("Screen the file")');
    await page.waitForSelector('.screen-row');
    expect(await page.locator('.screen-row h3').first().innerText()).toContain('<script>window.__injected=4</script>Evil Trading');
    expect(await page.locator('.screen-row b').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await noInjection();
  });

  it('synthetic entities are marked wherever they appear: search, pages, worklist, network', async () => {
    const firm = roleOf(scheme('S01'), 'hub-intermediary');
    await open('/ui/search?q=' + encodeURIComponent(firm.name));
    await page.waitForSelector('.hits .hit');
    const hit = page.locator('.hits .hit', { has: page.locator(`a[href="/ui/entity/${firm.id}"]`) });
    expect(await hit.locator('.badge.synthetic').innerText()).toBe('SYNTHETIC');
    // real list entries among the hits are not marked
    for (const row of await page.locator('.hits .hit').all()) {
      const datasets = await row.locator('.tag.dataset').allInnerTexts();
      expect(await row.locator('.badge.synthetic').count()).toBe(datasets.some((d) => d.includes('SYNTHETIC')) ? 1 : 0);
    }
    await hit.locator('a').first().click();
    await page.waitForSelector('article.entity');
    expect(await page.locator('.entity-head .badge.synthetic').innerText()).toBe('SYNTHETIC');
    await open('/ui/flags');
    await page.waitForSelector('.flags table tbody tr');
    const worklist = await api<{ entities: Array<{ entity_id: string; datasets: string[] }> }>('/flags?limit=500');
    expect(await page.locator('.flags table tbody .badge.synthetic').count()).toBe(worklist.entities.filter((e) => e.datasets.includes('demo-synthetic')).length);
    await open(`/ui/network/${firm.id}`);
    await page.waitForSelector('.diagram[data-drawn]');
    await page.locator('details.panel summary').click();
    expect(await page.locator('.node-list li', { has: page.locator(`a[href="/ui/entity/${firm.id}"]`) }).locator('.badge.synthetic').count()).toBe(1);
  });

  it('every view fits a phone screen without sideways scrolling', async () => {
    const firm = roleOf(scheme('S02'), 'hub-intermediary');
    const line = scheme('S02').shipments[0]!;
    for (const path of [
      '/ui/',
      '/ui/search?q=Putin',
      `/ui/entity/${PUTIN_OFAC}`,
      `/ui/entity/${firm.id}`,
      `/ui/entity/${line}`,
      '/ui/screen?names=Vladimir%20Putin',
      `/ui/report/${PUTIN_OFAC}`,
      `/ui/network/${firm.id}`,
      '/ui/trade',
      '/ui/flags',
    ]) {
      await open(path, PHONE);
      await page.waitForFunction(() => !document.querySelector('.status.loading') && (document.querySelector('main')?.children.length ?? 0) > 0);
      await page.waitForTimeout(50);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(PHONE.width);
    }
  });

  it('is usable from the keyboard: skip link, navigation, search', async () => {
    await open('/ui/');
    await page.waitForSelector('table.datasets');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.textContent || (document.activeElement as HTMLInputElement | null)?.id || ''));
    }
    for (const label of ['Overview', 'Search', 'Screening', 'Network', 'Trade', 'Flags', 'Reports', 'quick-search']) expect(reached).toContain(label);
    await page.focus('#quick-search');
    await page.keyboard.type('Putin');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.hits .hit');
    // Focus moved to the new view; the first result is a Tab or two away.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});
