// #/story/:id : storyline with timeline chart and list, claims table, entities, articles by outlet (duplicates folded).
import { api, seg } from '../api.js';
import { h } from '../dom.js';
import { ENTITY_TYPES, QUALIFIERS, VERDICTS, count, formatDate, formatRange } from '../format.js';
import { timelineChart } from '../timeline-chart.js';

const entryId = (i) => `entry-${i}`;

function sourceLink(source) {
  return h(
    'a',
    { href: `#/article/${seg(source.articleId)}`, class: 'source', title: source.text },
    source.outlet ?? 'مصدر',
  );
}

function timelineSection(story) {
  const entries = story.timeline;
  if (entries.length === 0 && story.undated.length === 0)
    return h('section', {}, h('h2', {}, 'الخط الزمني'), h('p', { class: 'empty' }, 'لا أحداث مؤرخة.'));
  return h(
    'section',
    { class: 'timeline', id: 'timeline' },
    h('h2', {}, 'الخط الزمني'),
    entries.length > 0 ? timelineChart(entries, entryId) : null,
    h(
      'ol',
      { class: 'timeline-list' },
      entries.map((entry, i) =>
        h(
          'li',
          { id: entryId(i), class: 'timeline-entry' },
          h('time', { datetime: entry.date }, formatDate(entry.date)),
          h('p', {}, entry.text),
          h(
            'div',
            { class: 'sources' },
            'المصادر: ',
            entry.sources.map((s, j) => [j > 0 ? '، ' : '', sourceLink(s)]),
          ),
        ),
      ),
    ),
    story.undated.length > 0
      ? h(
          'details',
          {},
          h('summary', {}, `إشارات زمنية غير محددة (${story.undated.length})`),
          h(
            'ul',
            {},
            story.undated.map((entry) =>
              h(
                'li',
                {},
                entry.text,
                ' — ',
                entry.sources.map((s, j) => [j > 0 ? '، ' : '', sourceLink(s)]),
              ),
            ),
          ),
        )
      : null,
  );
}

/** Cross-source claims first (conflicts, then agreements), single-source ones last. */
const VERDICT_ORDER = { conflict: 0, update: 1, agree: 2, 'single-source': 3 };

function claimsSection(unsorted) {
  const claims = [...unsorted].sort((a, b) => (VERDICT_ORDER[a.verdict] ?? 3) - (VERDICT_ORDER[b.verdict] ?? 3));
  return h(
    'section',
    { id: 'claims' },
    h('h2', {}, 'الادعاءات والأرقام'),
    claims.length === 0
      ? h('p', { class: 'empty' }, 'لا أرقام متقاطعة بين المصادر.')
      : h(
          'table',
          { class: 'claims' },
          h('thead', {}, h('tr', {}, h('th', {}, 'الموضوع'), h('th', {}, 'الحكم'), h('th', {}, 'ما قالته المصادر'))),
          h(
            'tbody',
            {},
            claims.map((claim) =>
              h(
                'tr',
                { class: `verdict-${claim.verdict}` },
                h('td', {}, claim.subject),
                h(
                  'td',
                  {},
                  h('span', { class: `badge verdict-${claim.verdict}` }, VERDICTS[claim.verdict] ?? claim.verdict),
                ),
                h(
                  'td',
                  {},
                  h(
                    'ul',
                    { class: 'claim-values' },
                    claim.values.map((v) =>
                      h(
                        'li',
                        {},
                        h('q', {}, v.text),
                        ' ',
                        v.qualifier && v.qualifier !== 'exact'
                          ? h('span', { class: 'muted' }, `(${QUALIFIERS[v.qualifier] ?? v.qualifier}) `)
                          : null,
                        '— ',
                        h('a', { href: `#/article/${seg(v.articleId)}` }, v.outlet ?? 'مصدر'),
                        v.attribution
                          ? h('span', { class: 'muted' }, ` نقلاً عن ${v.attribution.replaceAll(' via ', ' عبر ')}`)
                          : null,
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}

function entitiesSection(entities) {
  return h(
    'section',
    { id: 'entities' },
    h('h2', {}, 'الكيانات'),
    entities.length === 0
      ? h('p', { class: 'empty' }, 'لا كيانات.')
      : h(
          'ul',
          { class: 'chips' },
          entities.map((e) =>
            h(
              'li',
              {},
              h(
                'a',
                {
                  class: `chip ent-${e.type}`,
                  href: `#/entity/${seg(e.entityId)}`,
                  title: ENTITY_TYPES[e.type] ?? e.type,
                },
                e.canonical,
                h('small', {}, ` ${e.mentionCount}`),
              ),
            ),
          ),
        ),
  );
}

function articleItem(article) {
  return h(
    'li',
    { class: 'article-row' },
    h('a', { href: `#/article/${seg(article.id)}` }, article.headline ?? '(بلا عنوان)'),
    h('span', { class: 'meta' }, ` · ${formatDate(article.published)}`),
    article.copies.length > 0
      ? h(
          'details',
          { class: 'copies' },
          h('summary', {}, `${article.wire ? 'نسخ من نص الوكالة' : 'نسخ مطابقة'} (${article.copies.length})`),
          h(
            'ul',
            {},
            article.copies.map((c) =>
              h(
                'li',
                {},
                h('a', { href: `#/article/${seg(c.id)}` }, c.outlet ?? c.headline ?? c.id),
                ` · ${formatDate(c.published)}`,
              ),
            ),
          ),
        )
      : null,
  );
}

function articlesSection(groups) {
  return h(
    'section',
    { id: 'articles' },
    h('h2', {}, 'المقالات حسب المصدر'),
    h(
      'div',
      { class: 'outlet-groups' },
      groups.map((group) =>
        h(
          'div',
          { class: 'outlet-group card' },
          h('h3', {}, group.outlet ?? 'مصدر غير معروف', h('small', { class: 'muted' }, ` (${group.articles.length})`)),
          h('ul', { class: 'article-list' }, group.articles.map(articleItem)),
        ),
      ),
    ),
  );
}

export async function storyPage(id) {
  const [story, entities] = await Promise.all([
    api(`storylines/${seg(id)}`),
    api('entities', { storyline: id, limit: 24 }),
  ]);
  return h(
    'article',
    { class: 'story' },
    h('h1', {}, story.label),
    h(
      'p',
      { class: 'meta' },
      formatRange(story.firstDate, story.lastDate),
      ' · ',
      count(story.articleCount, 'مقال'),
      ' · ',
      count(story.eventClusterCount, 'حدث'),
      ' · ',
      story.outlets.map((o) => h('span', { class: 'chip' }, o)),
    ),
    story.eventClusters.length > 1
      ? h(
          'ol',
          { class: 'clusters' },
          story.eventClusters.map((c) =>
            h(
              'li',
              {},
              c.label,
              h(
                'span',
                { class: 'meta' },
                ` · ${formatRange(c.firstDate, c.lastDate)} · ${count(c.articles.length, 'مقال')}`,
              ),
            ),
          ),
        )
      : null,
    timelineSection(story),
    claimsSection(story.claims),
    entitiesSection(entities.items),
    articlesSection(story.articlesByOutlet),
    h('p', {}, h('a', { href: `#/search?${new URLSearchParams({ storyline: id, q: '' })}` }, 'ابحث داخل هذه القصة ←')),
  );
}
