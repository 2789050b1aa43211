import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, ensureUiBuilt, launchBrowser, MARKUP_NAME, PHONE, screenshot, startServer, SYNTHETIC_NAME, watchPage, type E2eServer } from './server.js';

// The investigator's UI in Debian's chromium, against the bundled real lists.
const PUTIN_OFAC = 'us-ofac-sdn-35096';
const PUTIN_UK = 'gb-fcdo-sanctions-rus0251';
/** OpenSanctions' ZALA extract: a person owning several companies, with relatives. */
const ZALA_OWNER = 'NK-aU5ybkbRFJucf8YMwsJvDw';
/** Listed in Cyrillic only: ООО "ИЖТЕЛЕКОМ". */
const IZHTELEKOM = 'NK-56Edov9bas9puzaChH5pBy';
/** A company ZALA_OWNER directs, with owners of its own. */
const ZALA_COMPANY = 'NK-abdzbEBkqyT29GyREbiURZ';

describe('web UI in a browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    ensureUiBuilt();
    server = await startServer();
    browser = await launchBrowser();
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

  /** Whether the server has a route other parts of sanctrace add (trade, network, flags). */
  async function hasRoute(path: string): Promise<boolean> {
    const res = await fetch(server.url + path);
    if (res.status !== 404) return true;
    const body = (await res.json()) as { detail: string };
    return !body.detail.startsWith('no such route');
  }

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
    const api = await fetch(server.url + '/search/default?q=Putin&limit=1');
    expect(api.headers.get('content-type')).toMatch(/application\/json/);
    const unknown = await fetch(server.url + '/no/such/route');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { detail: string }).detail).toMatch(/no such route/);
  });

  it('overview lists every dataset with its version and counts, and marks the synthetic one', async () => {
    await open('/ui/');
    await page.waitForSelector('table.datasets tbody tr');
    for (const d of await server.store.datasets()) {
      const row = page.locator(`tr[data-dataset="${d.name}"]`);
      await expect.poll(() => row.count()).toBe(1);
      const text = await row.innerText();
      expect(text).toContain(d.version);
      expect(text).toContain(d.entities.toLocaleString('en-US'));
    }
    expect(await page.locator('tr[data-dataset="demo-synthetic"] .badge.synthetic').innerText()).toBe('SYNTHETIC');
    expect(await page.locator('tr[data-dataset="us_ofac_sdn"] .badge.synthetic').count()).toBe(0);
    // Hubs and flags come from other parts of sanctrace: shown when the server has them, else said so.
    const panels = page.locator('.grid-2 .panel');
    await page.waitForFunction(() => document.querySelectorAll('.grid-2 .panel .status.loading').length === 0);
    expect(await panels.nth(0).locator('[data-testid="unavailable"]').count()).toBe((await hasRoute('/trade/hubs?goods=chpl')) ? 0 : 1);
    expect(await panels.nth(0).locator('[role="alert"]').count()).toBe(0);
    expect(await panels.nth(1).locator('[data-testid="unavailable"]').count()).toBe((await hasRoute('/flags?limit=8')) ? 0 : 1);
    expect(await panels.nth(1).locator('[role="alert"]').count()).toBe(0);
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
    const statements = await server.store.statements(PUTIN_OFAC);
    expect(statements.length).toBeGreaterThan(0);
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

  it('network view draws the links the lists state and expands a node on click', async () => {
    await open(`/ui/network/${ZALA_OWNER}`);
    await page.waitForSelector('.diagram[data-nodes]');
    await expect.poll(async () => Number(await page.locator('.diagram').getAttribute('data-nodes'))).toBeGreaterThan(3);
    const before = Number(await page.locator('.diagram').getAttribute('data-nodes'));
    expect(Number(await page.locator('.diagram').getAttribute('data-edges'))).toBeGreaterThan(2);
    await page.locator('details.panel summary').click();
    // the company he directs, whose other owners are not drawn yet
    await page.locator('.node-list li', { has: page.locator(`a[href="/ui/entity/${ZALA_COMPANY}"]`) }).locator('button', { hasText: 'expand' }).click();
    await page.waitForURL(/expand=/);
    await expect.poll(async () => Number(await page.locator('.diagram').getAttribute('data-nodes'))).toBeGreaterThan(before);
    // Edge types filter: hiding Ownership leaves fewer edges drawn.
    const edges = Number(await page.locator('.diagram').getAttribute('data-edges'));
    await page.locator('.network-controls label', { hasText: /^\s*ownership$/i }).locator('input').uncheck();
    await expect.poll(async () => Number(await page.locator('.diagram').getAttribute('data-edges'))).toBeLessThan(edges);
    await page.locator('.network-controls label', { hasText: /^\s*ownership$/i }).locator('input').check();
    await screenshot(page, 'network-1280');
    // The path finder needs the network routes.
    await page.click('button:has-text("Nearest listed party")');
    const trace = `/network/trace?from=${ZALA_COMPANY}&to_sanctioned=true`;
    if (!(await hasRoute(trace))) {
      await page.waitForSelector('[data-testid="unavailable"]');
      expect(await page.locator('[data-testid="unavailable"]').innerText()).toMatch(/path finder is not available/);
    } else {
      await open(`/ui/network/${ZALA_COMPANY}?to=sanctioned`);
      const answer = (await (await fetch(server.url + trace)).json()) as { paths: unknown[] };
      if (answer.paths.length) {
        await page.waitForSelector('ol.paths > li');
        expect(await page.locator('ol.paths > li').count()).toBe(answer.paths.length);
        await expect.poll(() => page.locator('.diagram').getAttribute('data-edges')).not.toBe('0');
      }
    }
    await open(`/ui/network/${ZALA_OWNER}`, PHONE);
    await page.waitForSelector('.diagram[data-nodes]');
    await screenshot(page, 'network-390');
    expect(problems).toEqual([]);
  });

  it('trade and flags views show their data, or say plainly that the server has none', async () => {
    await open('/ui/trade');
    await page.waitForFunction(() => !document.querySelector('.status.loading'));
    if (await hasRoute('/trade/hubs?goods=chpl')) {
      const res = await fetch(server.url + '/trade/hubs?goods=chpl');
      if (res.ok) {
        const answer = (await res.json()) as { countries: Array<{ months?: unknown[] }> };
        expect(await page.locator('.trade table tbody tr').count()).toBe(answer.countries.length);
        if (answer.countries.some((c) => c.months?.length)) expect(Number(await page.locator('.chart').getAttribute('data-points'))).toBeGreaterThan(0);
      } else {
        // no trade data in this store: said plainly, not as a failure
        expect(await page.locator('.trade .status.empty').first().innerText()).toBe(((await res.json()) as { detail: string }).detail);
      }
    } else {
      expect(await page.locator('[data-testid="unavailable"]').first().innerText()).toMatch(/not available on this server/);
    }
    await screenshot(page, 'trade-1280');
    await open('/ui/flags');
    await page.waitForFunction(() => !document.querySelector('.status.loading'));
    if (!(await hasRoute('/flags?limit=500'))) {
      expect(await page.locator('[data-testid="unavailable"]').innerText()).toMatch(/Red flags is not available/);
    } else {
      const res = await fetch(server.url + '/flags?limit=500');
      const answer = (await res.json()) as { entities?: unknown[]; detail?: string };
      if (res.ok && answer.entities!.length) expect(await page.locator('.flags table tbody tr').count()).toBe(answer.entities!.length);
      else if (res.ok) expect(await page.locator('.flags .status.empty').count()).toBe(1);
      else expect(await page.locator('.flags .status.empty').innerText()).toBe(answer.detail);
    }
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    await screenshot(page, 'flags-1280');
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

  it('synthetic entities are marked wherever they appear', async () => {
    await open('/ui/search?q=' + encodeURIComponent(SYNTHETIC_NAME));
    await page.waitForSelector('.hits .hit');
    expect(await page.locator('.hits .hit').first().locator('.badge.synthetic').innerText()).toBe('SYNTHETIC');
    await page.click('.hits .hit a');
    await page.waitForSelector('article.entity');
    expect(await page.locator('.entity-head .badge.synthetic').innerText()).toBe('SYNTHETIC');
  });

  it('every view fits a phone screen without sideways scrolling', async () => {
    for (const path of ['/ui/', '/ui/search?q=Putin', `/ui/entity/${PUTIN_OFAC}`, '/ui/screen?names=Vladimir%20Putin', `/ui/report/${PUTIN_OFAC}`, '/ui/trade', '/ui/flags']) {
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
