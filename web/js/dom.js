// DOM helpers: every untrusted string becomes a text node (textContent), never HTML.

/**
 * Creates an element. `attrs` keys: class, href, title, id, data-*, aria-*, hidden, type, name, value…;
 * functions under `on` are event listeners. Children: strings (text nodes), nodes, arrays, null/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'on') for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
    else if (key === 'href') el.setAttribute('href', safeHref(String(value)));
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children (strings as text nodes). */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Only same-site links (hash routes, /api paths): a stored URL like "javascript:…" never becomes a link. */
export function safeHref(href) {
  return href.startsWith('#') || href.startsWith('/') ? href : '#/';
}

/**
 * A link out to an article's original page: only http(s) URLs become links (rel noopener noreferrer, new tab);
 * anything else is shown as text.
 */
export function externalLink(url, text) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return h('bdi', { class: 'url' }, url);
  const link = h('a', { class: 'url external', target: '_blank', rel: 'noopener noreferrer' }, text ?? url);
  link.setAttribute('href', parsed.href); // set directly: safeHref allows only same-site links
  return link;
}

/** Escapes text for the rare place a string must be HTML (nowhere in this UI; kept for tests and tools). */
export function escapeHtml(text) {
  return String(text).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch],
  );
}

/**
 * Text with highlighted spans as nodes: `spans` are {start, end, className?, title?} into `text`,
 * sorted and non-overlapping (overlaps are skipped). Newlines stay text (CSS keeps them).
 */
export function highlighted(text, spans, defaultClass = 'hit') {
  const nodes = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (span.start < at || span.end > text.length || span.start >= span.end) continue;
    if (span.start > at) nodes.push(text.slice(at, span.start));
    nodes.push(
      h('mark', { class: span.className ?? defaultClass, title: span.title }, text.slice(span.start, span.end)),
    );
    at = span.end;
  }
  if (at < text.length) nodes.push(text.slice(at));
  return nodes;
}

/** Replaces the content of `el`. */
export function render(el, ...children) {
  el.replaceChildren();
  append(el, children);
}
