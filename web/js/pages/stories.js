// #/ : storylines list (label, outlets, dates, size), then the newest articles.
import { api, seg } from '../api.js';
import { h } from '../dom.js';
import { count, formatDate, formatRange } from '../format.js';

function storyCard(story) {
  return h(
    'li',
    { class: 'card story-card' },
    h('a', { class: 'card-title', href: `#/story/${seg(story.id)}` }, story.label),
    h(
      'div',
      { class: 'meta' },
      h('span', {}, formatRange(story.firstDate, story.lastDate)),
      ' · ',
      h('span', {}, count(story.articleCount, 'مقال')),
      ' · ',
      h('span', {}, count(story.eventClusterCount, 'حدث')),
    ),
    h(
      'div',
      { class: 'outlets' },
      story.outlets.map((outlet) => h('span', { class: 'chip' }, outlet)),
    ),
  );
}

export function articleRow(article) {
  return h(
    'li',
    { class: 'article-row' },
    h('a', { href: `#/article/${seg(article.id)}` }, article.headline ?? '(بلا عنوان)'),
    h(
      'span',
      { class: 'meta' },
      ` — ${article.outlet ?? 'مصدر غير معروف'} · ${formatDate(article.published?.date ?? article.published)}`,
    ),
  );
}

export async function storiesPage() {
  const [{ items: stories }, articles] = await Promise.all([api('storylines'), api('articles', { limit: 10 })]);
  const multi = stories.filter((s) => s.articleCount > 1);
  const single = stories.filter((s) => s.articleCount <= 1);
  return h(
    'section',
    {},
    h('h1', {}, 'القصص الإخبارية'),
    h('p', { class: 'muted' }, `${count(stories.length, 'قصة')} من ${count(articles.total, 'مقال')}.`),
    multi.length === 0 && single.length === 0
      ? h('p', { class: 'empty' }, 'لا قصص بعد. أضف صفحات عبر «marsad ingest».')
      : null,
    h('ul', { class: 'cards', id: 'storylines' }, multi.map(storyCard)),
    single.length > 0
      ? h(
          'details',
          { class: 'singles' },
          h('summary', {}, `قصص من مقال واحد (${single.length})`),
          h('ul', { class: 'cards' }, single.map(storyCard)),
        )
      : null,
    h('h2', {}, 'أحدث المقالات'),
    h('ul', { class: 'article-list' }, articles.items.map(articleRow)),
    h('p', {}, h('a', { href: '#/articles' }, 'كل المقالات ←')),
  );
}
