import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../core/article.ts';
import { hashId } from '../core/ids.ts';
import { seededRandom } from '../core/seeded-random.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { PageRecord, Store } from '../store/store.ts';
import { checkStore } from './check.ts';
import { createStoryUpdater } from './stories.ts';

// Incremental stored stories (issue 18): an updater that derives only what a batch can have changed, over an event
// index that freezes old events to a spill file, must store exactly what a full replay derives, whatever the batches.

interface Article {
  readonly id: string;
  readonly outlet: string;
  readonly published: string;
  readonly headline: string;
  readonly body: string;
}

/** Topics that recur over weeks (so storylines span frozen events), written for this test. */
const TOPICS: readonly (readonly string[])[] = [
  ['سد', 'وادي', 'الرمل', 'الأمطار', 'إجلاء', 'القرى', 'الدفاع', 'المدني', 'منسوب', 'البحيرة'],
  ['البنك', 'المركزي', 'الفائدة', 'التضخم', 'المحافظ', 'السياسة', 'النقدية', 'الأسعار', 'القروض', 'الدينار'],
  ['الانتخابات', 'البلدية', 'المرشحين', 'الاقتراع', 'اللجنة', 'العليا', 'الناخبين', 'الفرز', 'الدوائر', 'النتائج'],
  ['المنتخب', 'الوطني', 'المدرب', 'التصفيات', 'المباراة', 'الملعب', 'الهدف', 'اللاعبين', 'البطولة', 'الجماهير'],
  ['الحرائق', 'الغابات', 'الجبلية', 'الإطفاء', 'الرياح', 'الهكتارات', 'الطائرات', 'المحمية', 'الدخان', 'السكان'],
];
const COMMON = ['قال', 'أعلن', 'اليوم', 'مصادر', 'رسمية', 'في', 'من', 'على', 'أن', 'بعد', 'خلال', 'وأضاف'];
const OUTLETS = ['صحيفة الصباح', 'وكالة الأنباء الوطنية', 'موقع الخبر اليوم', 'إذاعة المدينة'];

function words(random: () => number, pool: readonly string[], n: number): string {
  return Array.from({ length: n }, () => pool[Math.floor(random() * pool.length)]).join(' ');
}

/** ~30 days of news on the recurring topics, with wire copies and a few reports stored days after their date. */
function corpus(): Article[] {
  const random = seededRandom(20261203);
  const out: Article[] = [];
  for (let day = 1; day <= 30; day++) {
    const date = `2026-03-${String(day).padStart(2, '0')}`;
    TOPICS.forEach((topic, t) => {
      if (random() < 0.35) return;
      const reports = 1 + Math.floor(random() * 3);
      // An event: an invented place-and-figure tag shared by its reports, so the same day's reports cluster.
      const tag = `${words(random, topic, 3)} ${100 + Math.floor(random() * 900)}`;
      for (let r = 0; r < reports; r++) {
        const body = Array.from(
          { length: 4 },
          () => `${words(random, COMMON, 3)} ${tag} ${words(random, topic, 8)} ${words(random, COMMON, 2)}.`,
        ).join('\n');
        out.push({
          id: `t${t}-d${day}-r${r}`,
          outlet: OUTLETS[(r + day) % OUTLETS.length]!,
          published: date,
          headline: `${tag} ${words(random, topic, 4)}`,
          body,
        });
      }
      if (random() < 0.2) {
        const wire = out[out.length - 1]!;
        out.push({ ...wire, id: `${wire.id}-copy`, outlet: 'بوابة الخليج', body: `${wire.body}\nشارك الخبر` });
      }
    });
  }
  // Late arrivals: reports of early days ingested near the end (they thaw frozen events).
  const late = out.filter((a) => a.published < '2026-03-06' && a.id.endsWith('-r0')).slice(0, 4);
  const rest = out.filter((a) => !late.includes(a));
  return [...rest, ...late.map((a) => ({ ...a, id: `${a.id}-late`, body: `${a.body}\nتحديث لاحق` }))];
}

function record(input: Article): PageRecord {
  const text = `${input.headline}\n${input.body}\n`;
  const article: ExtractedArticle = {
    headline: input.headline,
    dek: null,
    body: input.body,
    outlet: input.outlet,
    citedSources: [],
    spans: [],
    paragraphs: [],
    published: { date: input.published, precision: 'day', text: input.published },
  };
  return {
    page: {
      id: hashId(['page', input.id, text]),
      url: `file:///${input.id}.txt`,
      fetchedAt: '2026-04-01T00:00:00.000Z',
      contentType: 'text/plain',
      body: text,
    },
    pageText: text,
    spans: [],
    articles: [{ article, annotations: null }],
  };
}

async function storedStories(store: Store) {
  const ids = [...(await store.storyIds())].sort();
  return Promise.all(ids.map((id) => store.getStory(id)));
}

describe('incremental story updates', () => {
  const articles = corpus();

  it('store what a full replay derives, for batches of 1, 9 and all, and across a restart', async () => {
    const results = [];
    for (const plan of [{ size: 1 }, { size: 9 }, { size: articles.length }, { size: 25, restartAt: 60 }]) {
      const store = openSqliteStore(':memory:');
      let updater = createStoryUpdater(store);
      let stats = null;
      let settled = 0;
      for (let i = 0; i < articles.length; i += plan.size) {
        if (plan.restartAt !== undefined && i >= plan.restartAt && i - plan.size < plan.restartAt) {
          updater.close();
          updater = createStoryUpdater(store);
        }
        const written = await store.writePages(articles.slice(i, i + plan.size).map(record));
        await updater.update(written.newArticleIds);
        stats = updater.stats();
        settled = Math.max(settled, stats!.settled);
      }
      updater.close();
      const report = await checkStore(store);
      expect(report.violations.filter((v) => !v.kind.startsWith('search'))).toEqual([]);
      if (plan.size === 1) {
        // The paths this test is about ran: events froze and thawed, clusters settled, and a late report
        // joining a settled event made the linking start over, and
        // clusters that gained articles were unlinked and linked again.
        expect(stats!.frozen).toBeGreaterThan(20);
        expect(stats!.thawed).toBeGreaterThan(0);
        expect(settled).toBeGreaterThan(20);
        expect(stats!.restarts).toBeGreaterThan(0);
        expect(stats!.relinked).toBeGreaterThan(0);
      }
      results.push({ stories: await storedStories(store), events: await store.articleEvents() });
      await store.close();
    }
    expect(results[0]!.stories.length).toBeGreaterThan(3);
    const byId = (rows: readonly { articleId: string }[]) =>
      [...rows].sort((a, b) => (a.articleId < b.articleId ? -1 : 1));
    for (const other of results.slice(1)) {
      expect(other.stories).toEqual(results[0]!.stories);
      expect(byId(other.events)).toEqual(byId(results[0]!.events));
    }
  }, 120_000);
});
