// #/sources : «المصادر», the outlets `marsad watch` follows, with their health (last fetch, status, next run, counts,
// errors with times, articles per day), and a form to add one (fetched and discovered on the next watch round).
import { api, send, seg } from '../api.js';
import { externalLink, h, render } from '../dom.js';
import { count } from '../format.js';

const KINDS = { feed: 'خلاصة', sitemap: 'خريطة موقع', site: 'موقع' };
const STATUS = { ok: 'سليم', partial: 'جزئي', failed: 'فشل' };
const TIME = new Intl.DateTimeFormat('ar-u-nu-latn', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function when(iso) {
  return iso ? TIME.format(new Date(iso)) : '—';
}

function every(seconds) {
  if (seconds % 86400 === 0) return `كل ${seconds / 86400} يوم`;
  if (seconds % 3600 === 0) return `كل ${seconds / 3600} ساعة`;
  return `كل ${Math.round(seconds / 60)} دقيقة`;
}

function statusBadge(status) {
  return status
    ? h('span', { class: `badge status-${status}` }, STATUS[status] ?? status)
    : h('span', { class: 'muted' }, 'لم يُجلب بعد');
}

/** The health panel of one source (GET /api/sources/:id). */
async function healthPanel(id) {
  const health = await api(`sources/${seg(id)}`);
  return h(
    'div',
    { class: 'source-health', 'data-source': id },
    h('p', { class: 'meta' }, `آخر جلب: ${when(health.lastRunAt)} · الجلب التالي: ${when(health.nextRunAt)}`),
    health.lastError ? h('p', { class: 'meta' }, health.lastError) : null,
    h(
      'ul',
      { class: 'endpoints' },
      health.endpoints.map((e) => h('li', {}, `${KINDS[e.kind] ?? e.kind}: `, externalLink(e.url))),
    ),
    h('h3', {}, 'مقالات في اليوم'),
    health.articlesPerDay.length === 0
      ? h('p', { class: 'empty' }, 'لا مقالات بعد.')
      : h(
          'table',
          { class: 'per-day' },
          h(
            'tbody',
            {},
            health.articlesPerDay.map((d) => h('tr', {}, h('td', {}, d.day), h('td', {}, String(d.articles)))),
          ),
        ),
    h('h3', {}, 'الأخطاء'),
    health.errors.length === 0
      ? h('p', { class: 'empty' }, 'لا أخطاء.')
      : h(
          'ol',
          { class: 'source-errors' },
          health.errors.map((e) =>
            h(
              'li',
              {},
              h('span', { class: 'muted' }, when(e.at)),
              ' ',
              h('code', {}, e.code),
              ' ',
              e.url ? h('bdi', { class: 'url' }, e.url) : null,
              h('div', {}, e.message),
            ),
          ),
        ),
  );
}

function sourceRow(source) {
  const detail = h('td', { colspan: '6', hidden: true });
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'toggle',
      'aria-expanded': 'false',
      on: {
        click: async () => {
          detail.hidden = !detail.hidden;
          toggle.setAttribute('aria-expanded', String(!detail.hidden));
          if (!detail.hidden) render(detail, await healthPanel(source.id));
        },
      },
    },
    'الحالة',
  );
  const remove = h(
    'button',
    {
      type: 'button',
      class: 'toggle',
      on: {
        click: async () => {
          if (!confirm(`إيقاف متابعة ${source.name ?? source.url}؟ (تبقى مقالاته)`)) return;
          await send('DELETE', `sources/${seg(source.id)}`);
          window.dispatchEvent(new HashChangeEvent('hashchange'));
        },
      },
    },
    'إزالة',
  );
  return [
    h(
      'tr',
      { class: 'source-row', 'data-id': source.id },
      h('td', {}, h('strong', {}, source.name ?? ''), ' ', externalLink(source.url)),
      h('td', {}, KINDS[source.kind] ?? source.kind, h('div', { class: 'muted' }, every(source.everySeconds))),
      h('td', {}, statusBadge(source.lastStatus), h('div', { class: 'muted' }, when(source.lastRunAt))),
      h('td', { class: 'articles-stored' }, count(source.articlesStored, 'مقالاً')),
      h('td', {}, `${source.itemsPending} في الانتظار · ${source.itemsFailed} فشل`),
      h('td', {}, toggle, ' ', remove),
    ),
    h('tr', { class: 'source-detail' }, detail),
  ];
}

function addForm() {
  const message = h('p', { class: 'muted', role: 'status', id: 'add-source-status' });
  const form = h(
    'form',
    {
      class: 'add-source',
      id: 'add-source',
      on: {
        submit: async (event) => {
          event.preventDefault();
          const data = new FormData(form);
          const body = { url: String(data.get('url') ?? '').trim() };
          const name = String(data.get('name') ?? '').trim();
          const everyValue = String(data.get('every') ?? '').trim();
          if (name) body.name = name;
          if (everyValue) body.every = everyValue;
          try {
            const added = await send('POST', 'sources', body);
            message.textContent = `أُضيف المصدر ${added.name ?? added.url}؛ يُجلب في جولة المراقبة التالية.`;
            window.dispatchEvent(new HashChangeEvent('hashchange'));
          } catch (error) {
            message.textContent = `تعذّرت الإضافة: ${error instanceof Error ? error.message : String(error)}`;
          }
        },
      },
    },
    h(
      'label',
      {},
      'الرابط (خلاصة أو خريطة موقع أو الصفحة الرئيسية) ',
      h('input', { type: 'url', name: 'url', required: true, dir: 'ltr', placeholder: 'https://…' }),
    ),
    h('label', {}, 'الاسم ', h('input', { type: 'text', name: 'name', placeholder: 'الوطن' })),
    h('label', {}, 'التكرار ', h('input', { type: 'text', name: 'every', dir: 'ltr', placeholder: '15m', size: '5' })),
    h('button', { type: 'submit' }, 'إضافة مصدر'),
  );
  return [form, message];
}

export async function sourcesPage() {
  const { items } = await api('sources');
  return h(
    'section',
    { class: 'sources' },
    h('h1', {}, 'المصادر'),
    h('p', { class: 'muted' }, `${count(items.length, 'مصدراً')} يتابعها الأمر «marsad watch».`),
    addForm(),
    items.length === 0
      ? h('p', { class: 'empty' }, 'لا مصادر بعد.')
      : h(
          'table',
          { id: 'sources-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['المصدر', 'النوع', 'آخر جلب', 'المقالات', 'قائمة الانتظار', ''].map((t) => h('th', {}, t)),
            ),
          ),
          h('tbody', {}, items.map(sourceRow)),
        ),
  );
}
