/**
 * The «المصادر» page in headless chromium: a source with health (errors with times, articles per day) is listed,
 * its health opens, a new source is added through the form, and an article page links to its original URL.
 */
import type { Dialog } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFor } from '../../src/core/ids.ts';
import { samplePageRecord } from '../../src/store/sample-records.ts';
import { HAS_CHROMIUM, REPO, launchBrowser, serveCorpus, type Browser, type Served } from './harness.ts';

let served: Served;
let browser: Browser;
let webArticleId: string;
let fileArticleId: string;

describe.skipIf(!HAS_CHROMIUM)('«المصادر» page in chromium', () => {
  beforeAll(async () => {
    served = await serveCorpus([join(REPO, 'examples', 'pages')]);
    browser = await launchBrowser();
    const store = served.store;
    const fetched = samplePageRecord({ variant: 41 });
    await store.writePages([{ ...fetched, page: { ...fetched.page, url: 'https://alwatan.example/news/41' } }]);
    webArticleId = articleIdFor(fetched.page.id, 0);
    fileArticleId = (await store.listArticles({ limit: 100 })).find((a) => !a.url.startsWith('http'))!.id;
    const [first] = await store.listArticles({ limit: 1 });
    const page = await store.getArticle(first!.id);
    await store.addSource({
      id: 'a1b2c3d4e5f6',
      url: 'https://alwatan.example/rss.xml',
      name: 'الوطن',
      kind: 'feed',
      endpoints: [{ url: 'https://alwatan.example/rss.xml', kind: 'feed' }],
      everySeconds: 900,
      createdAt: '2026-12-03T08:00:00.000Z',
    });
    await store.recordListing({
      sourceId: 'a1b2c3d4e5f6',
      endpointUrl: 'https://alwatan.example/rss.xml',
      validators: null,
      at: '2026-12-03T08:00:00.000Z',
      links: [
        { url: 'https://alwatan.example/news/1', title: null, published: null },
        { url: 'https://alwatan.example/news/2', title: null, published: null },
      ],
    });
    await store.settleItems(
      'a1b2c3d4e5f6',
      [
        { url: 'https://alwatan.example/news/1', state: 'done', pageId: page!.pageId },
        {
          url: 'https://alwatan.example/news/2',
          state: 'failed',
          code: 'fetch/timeout',
          message: 'The server did not answer in time.',
          retryAt: null,
        },
      ],
      '2026-12-03T08:01:00.000Z',
    );
    await store.finishSourceRun('a1b2c3d4e5f6', {
      at: '2026-12-03T08:01:00.000Z',
      status: 'partial',
      error: '0 feed/sitemap error(s), 1 page(s) failed',
      nextRunAt: '2026-12-03T08:16:00.000Z',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('lists sources with health, opens one, and adds a new one through the form', async () => {
    const { page } = browser;
    await page.goto(`${served.url}/#/sources`);
    await page.locator('#sources-table .source-row').first().waitFor();
    expect(await page.locator('h1').textContent()).toBe('المصادر');
    expect(await page.locator('.source-row .articles-stored').first().textContent()).toMatch(/^1 /u);
    await page.locator('.source-row button', { hasText: 'الحالة' }).first().click();
    await page.locator('.source-errors li').first().waitFor();
    expect(await page.locator('.source-errors li code').first().textContent()).toBe('fetch/timeout');
    expect(await page.locator('.per-day td').first().textContent()).toBe('2026-12-03');
    // Adding a source is a write: the UI asks once for an editor token and retries with it.
    const { createApiToken } = await import('../../src/app/tokens.ts');
    const { token } = await createApiToken(served.store, { role: 'editor' });
    const prompts: string[] = [];
    const answer = (dialog: Dialog) => {
      prompts.push(dialog.message());
      void dialog.accept(token);
    };
    page.on('dialog', answer);
    await page.fill('#add-source input[name=url]', 'https://alsabah.example/atom.xml');
    await page.fill('#add-source input[name=name]', 'الصباح');
    await page.click('#add-source button[type=submit]');
    await page.locator('.source-row', { hasText: 'الصباح' }).waitFor();
    page.off('dialog', answer);
    expect(prompts).toHaveLength(1);
    expect((await served.store.listSources()).map((s) => s.url)).toContain('https://alsabah.example/atom.xml');
    expect(browser.blockedRequests).toEqual([]);
  });

  it('links an article to its original page, only for http(s) URLs', async () => {
    const { page } = browser;
    await page.goto(`${served.url}/#/article/${webArticleId}`);
    await page.locator('#original-url a').waitFor();
    expect(await page.locator('#original-url a').getAttribute('href')).toBe('https://alwatan.example/news/41');
    expect(await page.locator('#original-url a').getAttribute('rel')).toBe('noopener noreferrer');
    await page.goto(`${served.url}/#/article/${fileArticleId}`);
    await page.locator('#original-url').waitFor();
    expect(await page.locator('#original-url a').count()).toBe(0); // a file path is shown as text, never as a link
  });
});
