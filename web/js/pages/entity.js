// #/entity/:id : one entity with its name variants and mentions across articles (in context).
// #/entities : entities, most mentioned first, filterable by type.
import { api, seg } from '../api.js';
import { h, highlighted } from '../dom.js';
import { ENTITY_TYPES, count, formatDate } from '../format.js';

export async function entityPage(id) {
  const entity = await api(`entities/${seg(id)}`);
  return h(
    'article',
    { class: 'entity' },
    h('h1', {}, entity.canonical),
    h(
      'p',
      { class: 'meta' },
      h('span', { class: `chip ent-${entity.type}` }, ENTITY_TYPES[entity.type] ?? entity.type),
      ' · ',
      count(entity.mentionCount, 'إشارة'),
      ' في ',
      count(entity.articleCount, 'مقال'),
    ),
    entity.joined?.length
      ? h(
          'p',
          { class: 'meta', id: 'joined' },
          'يشمل الإشارات بالاسم المختصر: ',
          entity.joined.map((j, i) => [i > 0 ? '، ' : '', `${j.canonical} (${j.mentionCount})`]),
        )
      : null,
    h('h2', {}, 'صيغ الاسم'),
    h(
      'ul',
      { class: 'chips', id: 'variants' },
      entity.variants.map((v) => h('li', { class: 'chip' }, v.text, h('small', {}, ` ×${v.count}`))),
    ),
    h('h2', {}, 'الإشارات'),
    entity.mentions.length < entity.mentionCount
      ? h('p', { class: 'muted' }, `أول ${entity.mentions.length} إشارة.`)
      : null,
    h(
      'ol',
      { class: 'mentions' },
      entity.mentions.map((m) =>
        h(
          'li',
          {},
          h('a', { href: `#/article/${seg(m.articleId)}` }, m.headline ?? '(بلا عنوان)'),
          h('span', { class: 'meta' }, ` — ${m.outlet ?? 'مصدر غير معروف'} · ${formatDate(m.published)}`),
          h(
            'blockquote',
            { class: 'context' },
            m.context.truncatedStart ? '… ' : '',
            highlighted(m.context.text, [
              { start: m.context.start, end: m.context.end, className: `ent ent-${entity.type}` },
            ]),
            m.context.truncatedEnd ? ' …' : '',
          ),
        ),
      ),
    ),
    h(
      'p',
      {},
      h(
        'a',
        { href: `#/search?${new URLSearchParams({ q: entity.canonical, entity: entity.entityId })}` },
        'ابحث في مقالات هذا الكيان ←',
      ),
    ),
  );
}

export async function entitiesPage(params) {
  const type = params.get('type') ?? undefined;
  const result = await api('entities', { limit: 200, type });
  return h(
    'section',
    {},
    h('h1', {}, 'الكيانات'),
    h(
      'nav',
      { class: 'filters' },
      h('a', { href: '#/entities', class: type ? '' : 'active' }, 'الكل'),
      Object.entries(ENTITY_TYPES).map(([key, label]) => [
        ' ',
        h('a', { href: `#/entities?type=${key}`, class: type === key ? 'active' : '' }, label),
      ]),
    ),
    result.items.length === 0
      ? h('p', { class: 'empty' }, 'لا كيانات.')
      : h(
          'table',
          { class: 'entities' },
          h(
            'thead',
            {},
            h('tr', {}, h('th', {}, 'الاسم'), h('th', {}, 'النوع'), h('th', {}, 'الإشارات'), h('th', {}, 'المقالات')),
          ),
          h(
            'tbody',
            {},
            result.items.map((e) =>
              h(
                'tr',
                {},
                h('td', {}, h('a', { href: `#/entity/${seg(e.entityId)}` }, e.canonical)),
                h('td', {}, ENTITY_TYPES[e.type] ?? e.type),
                h('td', {}, String(e.mentionCount)),
                h('td', {}, String(e.articleCount)),
              ),
            ),
          ),
        ),
  );
}
