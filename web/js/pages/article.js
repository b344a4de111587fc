// #/article/:id : clean text with entity/quantity/date highlighting, a toggle showing what was removed
// and why, and a link to the original page text. #/articles : the article list with paging.
import { api, seg } from '../api.js';
import { externalLink, h } from '../dom.js';
import { ENTITY_TYPES, QUALIFIERS, REMOVAL_REASONS, formatDate } from '../format.js';
import { articleRow } from './stories.js';

/** Annotation spans of the body as display spans; entities link to their page. */
function annotationSpans(annotations) {
  if (!annotations) return [];
  const entities = annotations.entities.map((e) => ({
    start: e.start,
    end: e.end,
    kind: 'entity',
    className: `ent ent-${e.type}`,
    title: `${ENTITY_TYPES[e.type] ?? e.type}: ${e.canonical}`,
    href: `#/entity/${seg(e.entityId)}`,
  }));
  const quantities = annotations.quantities.map((q) => ({
    start: q.start,
    end: q.end,
    kind: 'quantity',
    className: 'qty',
    title: `كمية: ${[QUALIFIERS[q.qualifier], q.value ?? '', q.unit ?? ''].filter(Boolean).join(' ')}`,
  }));
  const times = annotations.times.map((t) => ({
    start: t.start,
    end: t.end,
    kind: 'time',
    className: 'date',
    title: `تاريخ: ${t.value ?? 'غير محدد'}`,
  }));
  return [...entities, ...quantities, ...times];
}

/**
 * Non-overlapping spans, earliest first, longer first at the same start. A span overlapping one already
 * taken is dropped (e.g. an entity inside a longer quantity phrase keeps the quantity highlight).
 */
export function sweepSpans(spans) {
  const out = [];
  let end = -1;
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (span.start < end) continue;
    out.push(span);
    end = span.end;
  }
  return out;
}

function spanNode(text, span) {
  const surface = text.slice(span.start, span.end);
  return span.href
    ? h('a', { class: span.className, href: span.href, title: span.title, 'data-kind': span.kind }, surface)
    : h('mark', { class: span.className, title: span.title, 'data-kind': span.kind }, surface);
}

/** The body as paragraphs (split on "\n"), spans clipped to their paragraph. */
function bodyNodes(body, spans) {
  const paragraphs = [];
  let start = 0;
  const swept = sweepSpans(spans);
  for (const line of body.split('\n')) {
    const end = start + line.length;
    const nodes = [];
    let at = start;
    for (const span of swept) {
      if (span.end <= start || span.start >= end) continue;
      const s = Math.max(span.start, start);
      const e = Math.min(span.end, end);
      if (s > at) nodes.push(body.slice(at, s));
      nodes.push(spanNode(body, { ...span, start: s, end: e }));
      at = e;
    }
    if (at < end) nodes.push(body.slice(at, end));
    if (line.trim() !== '') paragraphs.push(h('p', {}, nodes));
    start = end + 1;
  }
  return paragraphs;
}

function removedSection(article) {
  const list = h(
    'ol',
    { class: 'removed-list' },
    article.removed.map((r) =>
      h(
        'li',
        { class: 'removed' },
        h('span', { class: 'badge reason' }, REMOVAL_REASONS[r.reason] ?? r.reason ?? 'أخرى'),
        r.scope === 'page' ? h('span', { class: 'muted' }, ' (على مستوى الصفحة)') : null,
        h('blockquote', {}, r.text),
      ),
    ),
  );
  const panel = h(
    'div',
    { class: 'removed-panel', id: 'removed-panel', hidden: true },
    h('h2', {}, 'ما حُذف من الصفحة ولماذا'),
    article.removed.length === 0 ? h('p', { class: 'empty' }, 'لم يُحذف شيء.') : list,
  );
  const button = h(
    'button',
    {
      type: 'button',
      class: 'toggle',
      id: 'toggle-removed',
      'aria-expanded': 'false',
      'aria-controls': 'removed-panel',
      on: {
        click: () => {
          panel.hidden = !panel.hidden;
          button.setAttribute('aria-expanded', String(!panel.hidden));
          button.textContent = panel.hidden ? `إظهار ما حُذف (${article.removed.length})` : 'إخفاء ما حُذف';
        },
      },
    },
    `إظهار ما حُذف (${article.removed.length})`,
  );
  return [button, panel];
}

function legend(annotations) {
  if (!annotations) return h('p', { class: 'muted' }, 'لم تُحلَّل هذه المقالة بعد (بلا تعليقات توضيحية).');
  return h(
    'p',
    { class: 'legend' },
    'المفتاح: ',
    Object.entries(ENTITY_TYPES).map(([type, label]) => h('mark', { class: `ent ent-${type}` }, label)),
    ' ',
    h('mark', { class: 'qty' }, 'كمية'),
    ' ',
    h('mark', { class: 'date' }, 'تاريخ'),
  );
}

export async function articlePage(id) {
  const article = await api(`articles/${seg(id)}`);
  return h(
    'article',
    { class: 'article' },
    h('h1', {}, article.headline ?? '(بلا عنوان)'),
    article.dek ? h('p', { class: 'dek' }, article.dek) : null,
    h(
      'p',
      { class: 'meta' },
      h('span', {}, article.outlet ?? 'مصدر غير معروف'),
      ' · ',
      h('span', {}, formatDate(article.published?.date)),
      article.citedSources?.length ? h('span', {}, ` · نقلاً عن ${article.citedSources.join('، ')}`) : null,
    ),
    h(
      'p',
      { class: 'meta' },
      'الصفحة الأصلية: ',
      h('bdi', { id: 'original-url' }, externalLink(article.url)),
      ' · ',
      h(
        'a',
        { href: article.pageTextUrl, id: 'page-text-link', target: '_blank', rel: 'noopener' },
        'نص الصفحة الأصلي',
      ),
      article.storylineId ? [' · ', h('a', { href: `#/story/${seg(article.storylineId)}` }, 'القصة')] : null,
    ),
    legend(article.annotations),
    h('div', { class: 'body-text', id: 'article-body' }, bodyNodes(article.body, annotationSpans(article.annotations))),
    removedSection(article),
  );
}

export async function articlesPage(params) {
  const limit = 50;
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const outlet = params.get('outlet') ?? undefined;
  const result = await api('articles', { limit, offset, outlet });
  const link = (o) => `#/articles?${new URLSearchParams({ offset: String(o), ...(outlet ? { outlet } : {}) })}`;
  return h(
    'section',
    {},
    h('h1', {}, outlet ? `مقالات ${outlet}` : 'كل المقالات'),
    h('p', { class: 'muted' }, `${result.total} مقالاً`),
    h('ul', { class: 'article-list' }, result.items.map(articleRow)),
    h(
      'nav',
      { class: 'pager' },
      offset > 0 ? h('a', { href: link(Math.max(0, offset - limit)) }, '→ السابق') : null,
      offset + limit < result.total ? h('a', { href: link(offset + limit) }, 'التالي ←') : null,
    ),
  );
}
