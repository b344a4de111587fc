/**
 * Acceptance on the five seed pages (read from ../shared at run time; skipped when absent): the
 * US–Iraq storyline page shows the gold timeline and the three agreeing claims with their sources,
 * «الأمريكية» finds articles that only spell «الأميركية», and an article shows its removed tail on toggle.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { findSharedDir } from '../../eval/shared-dir.ts';
import { HAS_CHROMIUM, launchBrowser, serveCorpus, type Browser, type Served } from './harness.ts';

const SHARED = findSharedDir();
const SEEDS = SHARED ? join(SHARED, 'seeds') : '';
const HAS_SEEDS = SHARED !== null && existsSync(join(SHARED, 'gold', 'seeds', 'story.json'));

interface GoldStory {
  event_clusters: { articles: string[] }[];
  storylines: { event_clusters: number[] }[];
  timeline: { date: string | null; from: string[] }[];
  claims: { values: { article: string; text: string }[]; verdict: string }[];
}

let served: Served;
let browser: Browser;
let gold: GoldStory;
/** Gold article key «file#index» → stored article id. */
const idOf = new Map<string, string>();

async function json(path: string) {
  return (await fetch(`${served.url}${path}`)).json();
}

describe.skipIf(!HAS_CHROMIUM || !HAS_SEEDS)('seed pages in the UI', () => {
  beforeAll(async () => {
    gold = JSON.parse(readFileSync(join(SHARED!, 'gold', 'seeds', 'story.json'), 'utf8')) as GoldStory;
    const files = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(SEEDS, f));
    served = await serveCorpus(files);
    for (const summary of await served.store.listArticles({ limit: 100 }))
      idOf.set(`${basename(summary.url)}#${summary.index}`, summary.id);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  const storylineArticles = () => gold.storylines[0]!.event_clusters.flatMap((c) => gold.event_clusters[c]!.articles);

  async function goldStoryline() {
    const wanted = storylineArticles().map((key) => idOf.get(key));
    const { items } = await json('/api/storylines');
    for (const summary of items) {
      const detail = await json(`/api/storylines/${summary.id}`);
      const ids = new Set(
        detail.eventClusters.flatMap((c: { articles: { id: string }[] }) => c.articles.map((a) => a.id)),
      );
      if (wanted.every((id) => ids.has(id))) return detail;
    }
    throw new Error('no storyline holds all the gold storyline articles');
  }

  it('shows the gold timeline and the three agreeing claims with their sources on the storyline page', async () => {
    onTestFailed(async () => {
      console.error(`screenshot: ${await browser.screenshot('seeds-storyline')}`);
    });
    const story = await goldStoryline();
    for (const entry of gold.timeline.filter(
      (e) => e.date && e.from.every((key) => storylineArticles().includes(key)),
    )) {
      const date = entry.date!;
      const match = story.timeline.find(
        (t: { date: string | null; sources: { articleId: string }[] }) =>
          t.date !== null &&
          t.date.slice(0, date.length) === date &&
          t.date.length >= date.length &&
          entry.from.some((key) => t.sources.some((s) => s.articleId === idOf.get(key))),
      );
      expect(match, `timeline entry ${entry.date}`).toBeDefined();
    }
    for (const claim of gold.claims.slice(0, 3)) {
      const found = story.claims.find(
        (c: { verdict: string; values: { articleId: string }[] }) =>
          c.verdict === 'agree' &&
          claim.values.every((v) => c.values.some((cv) => cv.articleId === idOf.get(v.article))),
      );
      expect(found, `claim with ${claim.values.map((v) => v.text).join(' / ')}`).toBeDefined();
    }
    const { page } = browser;
    await page.goto(`${served.url}/#/story/${story.id}`);
    await page.locator('.timeline-list li').first().waitFor();
    expect(await page.locator('.timeline-list li').count()).toBe(story.timeline.length);
    expect(await page.locator('.timeline-chart .point').count()).toBe(story.timeline.length);
    const agreeRows = page.locator('table.claims tr.verdict-agree');
    expect(await agreeRows.count()).toBeGreaterThanOrEqual(3);
    // Each gold claim is one agreeing row linking to every gold source article.
    const rows = await agreeRows.evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('a')).map((a) => a.getAttribute('href'))),
    );
    for (const claim of gold.claims.slice(0, 3)) {
      const hrefs = claim.values.map((v) => `#/article/${idOf.get(v.article)}`);
      expect(
        rows.some((links) => hrefs.every((href) => links.includes(href))),
        claim.values.map((v) => v.text).join(' / '),
      ).toBe(true);
    }
  });

  it('finds articles that only spell «الأميركية» when searching «الأمريكية»', async () => {
    const onlyVariant: string[] = [];
    for (const [key, id] of idOf) {
      const article = await json(`/api/articles/${id}`);
      if (/الأميركي/u.test(article.body) && !/الأمريكي/u.test(article.body)) onlyVariant.push(id);
      expect(key).toMatch(/#\d+$/u);
    }
    expect(onlyVariant.length).toBeGreaterThan(0);
    const { page } = browser;
    await page.goto(`${served.url}/#/search?q=${encodeURIComponent('الأمريكية')}`);
    await page.locator('#hits .hit-item').first().waitFor();
    const hrefs = await page
      .locator('#hits .hit-title')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const id of onlyVariant) expect(hrefs).toContain(`#/article/${id}`);
  });

  it("shows the removed 'read also' tail of an article on toggle", async () => {
    onTestFailed(async () => {
      console.error(`screenshot: ${await browser.screenshot('seeds-read-also')}`);
    });
    const id = idOf.get('000_f46838b099254e71.txt#0')!;
    const article = await json(`/api/articles/${id}`);
    const tail = article.removed.find(
      (r: { reason: string }) => r.reason === 'read-also-marker' || r.reason === 'related-links',
    );
    expect(tail).toBeDefined();
    const { page } = browser;
    await page.goto(`${served.url}/#/article/${id}`);
    await page.locator('#toggle-removed').click();
    await expect.poll(() => page.locator('#removed-panel').isVisible()).toBe(true);
    expect(await page.locator('#removed-panel').textContent()).toContain(tail.text.trim().slice(0, 20));
  });
});
