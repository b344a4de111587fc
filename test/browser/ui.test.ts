/**
 * End-to-end UI: the demo corpus (examples/pages) plus one page of our own that spells «الأميركية»,
 * served by the real server and driven in headless chromium.
 */
import type { Dialog } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { HAS_CHROMIUM, REPO, launchBrowser, serveCorpus, type Browser, type Served } from './harness.ts';

/** A page written for this test: it only ever spells the adjective «الأميركية» (with ي before ر). */
const VARIANT_PAGE = [
  'وفد من الكونغرس يزور بغداد لبحث التعاون الأمني',
  'الاثنين 3 يونيو 2024',
  'وصل وفد من لجنة القوات المسلحة في الكونغرس إلى بغداد، الاثنين، في زيارة تستمر يومين يلتقي خلالها مسؤولين في الحكومة العراقية.',
  'وقال بيان للسفارة الأميركية إن الوفد سيبحث برامج التدريب المشتركة ومستقبل التعاون بين البلدين بعد انتهاء المهمة القتالية.',
  'وأضاف البيان أن الزيارة تأتي ضمن جولة إقليمية تشمل عمّان والكويت.',
  'اقرأ أيضاً: ارتفاع أسعار الذهب في الأسواق المحلية',
].join('\n');

let served: Served;
let browser: Browser;
let extraDir: string;

describe.skipIf(!HAS_CHROMIUM)('web UI in chromium', () => {
  beforeAll(async () => {
    extraDir = mkdtempSync(join(tmpdir(), 'marsad-ui-'));
    writeFileSync(join(extraDir, 'variant.txt'), VARIANT_PAGE + '\n');
    served = await serveCorpus([join(REPO, 'examples', 'pages'), extraDir]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    rmSync(extraDir, { recursive: true, force: true });
  });

  const shootOnFailure = (name: string) =>
    onTestFailed(async () => {
      const path = await browser.screenshot(name);
      console.error(`screenshot of the failed page: ${path}`);
    });

  it('lists the demo storylines on the home page, in Arabic and right-to-left', async () => {
    shootOnFailure('storylines');
    const { page } = browser;
    const expected = (await (await fetch(`${served.url}/api/storylines`)).json()).items.filter(
      (s: { articleCount: number }) => s.articleCount > 1,
    );
    expect(expected.length).toBeGreaterThan(0);
    await page.goto(`${served.url}/#/`);
    await page.locator('#storylines li').first().waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    const labels = await page.locator('#storylines .card-title').allTextContents();
    expect(labels).toEqual(expected.map((s: { label: string }) => s.label));
    await page.locator('#storylines .card-title').first().click();
    await page.locator('.story h1').waitFor();
    expect(await page.locator('.story h1').textContent()).toBe(expected[0].label);
    expect(await page.locator('#articles .article-row').count()).toBeGreaterThan(0);
    expect(browser.blockedRequests).toEqual([]);
  });

  it('finds an article that spells «الأميركية» when searching «الأمريكية», with the variant highlighted', async () => {
    shootOnFailure('search-variant');
    const { page } = browser;
    await page.goto(`${served.url}/#/search`);
    await page.locator('#search-form input[name=q]').fill('السفارة الأمريكية');
    await page.locator('#search-form button[type=submit]').click();
    await page.locator('#hits .hit-item').first().waitFor();
    const titles = await page.locator('#hits .hit-title').allTextContents();
    expect(titles).toContain('وفد من الكونغرس يزور بغداد لبحث التعاون الأمني');
    const marks = await page
      .locator('#hits .hit-item')
      .filter({ hasText: 'الكونغرس' })
      .locator('.snippet mark')
      .allTextContents();
    expect(marks).toContain('الأميركية');
    expect(marks).toContain('للسفارة');
  });

  it('shows highlighted entities on an article page and the removed boilerplate on toggle', async () => {
    shootOnFailure('article-toggle');
    const { page } = browser;
    const hit = (await (await fetch(`${served.url}/api/search?q=${encodeURIComponent('الكونغرس بغداد')}`)).json())
      .hits[0];
    const article = await (await fetch(`${served.url}/api/articles/${hit.articleId}`)).json();
    const readAlso = article.removed.find((r: { text: string }) => r.text.includes('ارتفاع أسعار الذهب'));
    expect(readAlso).toBeDefined();
    await page.goto(`${served.url}/#/article/${hit.articleId}`);
    await page.locator('#article-body').waitFor();
    const entities = await page.locator('#article-body .ent').allTextContents();
    expect(entities).toEqual(
      article.annotations.entities.length > 0 ? expect.arrayContaining([article.annotations.entities[0].text]) : [],
    );
    expect(entities.length).toBeGreaterThan(0);
    expect(await page.locator('#article-body').textContent()).not.toContain('ارتفاع أسعار الذهب');
    await expect.poll(() => page.locator('#removed-panel').isVisible()).toBe(false);
    await page.locator('#toggle-removed').click();
    await expect.poll(() => page.locator('#removed-panel').isVisible()).toBe(true);
    expect(await page.locator('#removed-panel').textContent()).toContain('ارتفاع أسعار الذهب');
    expect(await page.getAttribute('#page-text-link', 'href')).toBe(article.pageTextUrl);
  });

  it('escapes untrusted page text: markup in an article is shown as text, never run', async () => {
    shootOnFailure('escaping');
    const { page } = browser;
    const hostile =
      'تحذير من رسالة احتيال تنتشر عبر الهاتف\n<img src=x onerror="window.__pwned=1"> وحذرت الشرطة من رسائل تطلب بيانات الحساب المصرفي <script>window.__pwned=2</script> ودعت المواطنين إلى الإبلاغ عنها فوراً.\nوقال متحدث إن عشرات البلاغات وصلت خلال يومين.';
    const dir = mkdtempSync(join(tmpdir(), 'marsad-ui-x-'));
    writeFileSync(join(dir, 'hostile.txt'), hostile);
    const { ingestInputs } = await import('../../src/app/ingest.ts');
    const { loadPageAnalyzer } = await import('../../src/app/analyzer.ts');
    const { afterWriteHooks } = await import('../../src/app/after-write.ts');
    await ingestInputs(served.store, [dir], {
      analyze: await loadPageAnalyzer({ annotate: true }),
      maxBytes: 1_000_000,
      batchSize: 5,
      afterBatch: afterWriteHooks(served.store),
    });
    rmSync(dir, { recursive: true, force: true });
    const hit = (await (await fetch(`${served.url}/api/search?q=${encodeURIComponent('احتيال')}`)).json()).hits[0];
    await page.goto(`${served.url}/#/article/${hit.articleId}`);
    await page.locator('#article-body').waitFor();
    expect(await page.locator('#article-body').textContent()).toContain('<img src=x');
    expect(await page.locator('#article-body img, #article-body script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('asks for an API token when the server needs one for reads, then shows the storylines', async () => {
    shootOnFailure('token-prompt');
    const guarded = await serveCorpus([join(REPO, 'examples', 'pages')], { readsNeedToken: true });
    try {
      const { createApiToken } = await import('../../src/app/tokens.ts');
      const { token } = await createApiToken(guarded.store, { role: 'reader' });
      const { page } = browser;
      const prompts: string[] = [];
      const answer = (dialog: Dialog) => {
        prompts.push(dialog.message());
        void dialog.accept(token);
      };
      page.on('dialog', answer);
      await page.goto(`${guarded.url}/#/`);
      await page.locator('#storylines li').first().waitFor();
      page.off('dialog', answer);
      expect(prompts.length).toBeGreaterThanOrEqual(1);
      expect(prompts[0]).toContain('API token');
    } finally {
      await guarded.close();
    }
  });
});
