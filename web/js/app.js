// Marsad web UI entry: hash router over the JSON API. Routes: #/, #/story/:id, #/article/:id,
// #/entity/:id, #/articles, #/entities, #/search?q=…, #/sources
import { h, render } from './dom.js';
import { storiesPage } from './pages/stories.js';
import { storyPage } from './pages/story.js';
import { articlePage, articlesPage } from './pages/article.js';
import { entityPage, entitiesPage } from './pages/entity.js';
import { searchPage } from './pages/search.js';
import { sourcesPage } from './pages/sources.js';

/** @typedef {(m: RegExpMatchArray) => Promise<Node> | Node} Page */
/** @type {[RegExp, Page][]} */
const ROUTES = [
  [/^#?\/?$/, () => storiesPage()],
  [/^#\/story\/([^/?]+)$/, (m) => storyPage(decodeURIComponent(m[1]))],
  [/^#\/article\/([^/?]+)$/, (m) => articlePage(decodeURIComponent(m[1]))],
  [/^#\/articles(?:\?(.*))?$/, (m) => articlesPage(new URLSearchParams(m[1] ?? ''))],
  [/^#\/entity\/([^/?]+)$/, (m) => entityPage(decodeURIComponent(m[1]))],
  [/^#\/entities(?:\?(.*))?$/, (m) => entitiesPage(new URLSearchParams(m[1] ?? ''))],
  [/^#\/search(?:\?(.*))?$/, (m) => searchPage(new URLSearchParams(m[1] ?? ''))],
  [/^#\/sources$/, () => sourcesPage()],
];

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
let generation = 0;

async function route() {
  const hash = location.hash || '#/';
  const current = ++generation;
  const match = ROUTES.map(([pattern, page]) => /** @type {const} */ ([hash.match(pattern), page])).find(([m]) => m);
  render(main, h('p', { class: 'muted' }, 'جارٍ التحميل…'));
  try {
    const content = match?.[0] ? await match[1](match[0]) : h('p', { class: 'error' }, 'صفحة غير موجودة.');
    if (current !== generation) return; // a newer navigation won
    render(main, content);
    document.title = `${main.querySelector('h1')?.textContent ?? 'مرصد'} — مرصد`;
    main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  } catch (error) {
    if (current !== generation) return;
    render(
      main,
      h(
        'div',
        { class: 'error', role: 'alert' },
        h('strong', {}, 'تعذّر تحميل الصفحة: '),
        error instanceof Error ? error.message : String(error),
      ),
    );
  }
}

/** @type {HTMLFormElement} */ (document.getElementById('quick-search')).addEventListener('submit', (event) => {
  event.preventDefault();
  const q = new FormData(/** @type {HTMLFormElement} */ (event.target)).get('q')?.toString().trim();
  if (q) location.hash = `#/search?${new URLSearchParams({ q })}`;
});
window.addEventListener('hashchange', route);
route();
