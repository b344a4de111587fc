// #/search?q=… : search form (query, outlet, dates) and ranked results with highlighted snippets and paging.
import { api, seg } from '../api.js';
import { h, highlighted } from '../dom.js';
import { formatDate } from '../format.js';

const FIELDS = ['q', 'outlet', 'from', 'to', 'entity', 'storyline'];

function form(params) {
  const input = (name, attrs) => h('input', { name, value: params.get(name) ?? '', ...attrs });
  return h(
    'form',
    {
      class: 'search-form',
      id: 'search-form',
      role: 'search',
      on: {
        submit: (event) => {
          event.preventDefault();
          const data = new FormData(event.target);
          const next = new URLSearchParams();
          for (const name of FIELDS) {
            const value = data.get(name)?.toString().trim();
            if (value) next.set(name, value);
          }
          location.hash = `#/search?${next}`;
        },
      },
    },
    h(
      'label',
      { class: 'grow' },
      'الكلمات ',
      input('q', { type: 'search', placeholder: 'مثال: القوات الأمريكية "التحالف الدولي" -سوريا', autofocus: true }),
    ),
    h('label', {}, 'المصدر ', input('outlet', { type: 'text' })),
    h('label', {}, 'من ', input('from', { type: 'date' })),
    h('label', {}, 'إلى ', input('to', { type: 'date' })),
    params.get('entity') ? input('entity', { type: 'hidden' }) : null,
    params.get('storyline') ? input('storyline', { type: 'hidden' }) : null,
    h('button', { type: 'submit' }, 'ابحث'),
  );
}

function hitItem(hit) {
  return h(
    'li',
    { class: 'hit-item' },
    h(
      'a',
      { class: 'hit-title', href: `#/article/${seg(hit.articleId)}` },
      hit.headline ? highlighted(hit.headline, hit.headlineHighlights) : '(بلا عنوان)',
    ),
    h('div', { class: 'meta' }, `${hit.outlet ?? 'مصدر غير معروف'} · ${formatDate(hit.published)}`),
    h(
      'p',
      { class: 'snippet' },
      hit.snippet.truncatedStart ? '… ' : '',
      highlighted(hit.snippet.text, hit.snippet.highlights),
      hit.snippet.truncatedEnd ? ' …' : '',
    ),
  );
}

function pager(params, result) {
  const pages = Math.ceil(result.total / result.pageSize);
  if (pages <= 1) return null;
  const link = (page) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    return `#/search?${next}`;
  };
  return h(
    'nav',
    { class: 'pager' },
    result.page > 1 ? h('a', { href: link(result.page - 1) }, '→ السابق') : null,
    h('span', {}, ` صفحة ${result.page} من ${pages} `),
    result.page < pages ? h('a', { href: link(result.page + 1) }, 'التالي ←') : null,
  );
}

export async function searchPage(params) {
  const q = params.get('q')?.trim();
  const header = [h('h1', {}, 'البحث'), form(params)];
  if (!q)
    return h(
      'section',
      {},
      header,
      h('p', { class: 'muted' }, 'تطابق الكلمات صيغها المختلفة: «الأمريكية» تجد «الأميركية» و«والأمريكيين».'),
    );
  const query = Object.fromEntries(FIELDS.map((name) => [name, params.get(name) ?? undefined]));
  const result = await api('search', { ...query, page: params.get('page') ?? undefined });
  return h(
    'section',
    {},
    header,
    h('p', { class: 'muted', id: 'result-count' }, result.total === 0 ? 'لا نتائج.' : `${result.total} نتيجة`),
    h(
      'ol',
      { class: 'hits', id: 'hits', start: String((result.page - 1) * result.pageSize + 1) },
      result.hits.map(hitItem),
    ),
    pager(params, result),
  );
}
