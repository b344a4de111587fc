// Builds a page set and its gold from one labelled source file: `node examples/build/build-pages.mjs
// <source.txt> <gold.json> [stories.json]`. Pages are written next to gold.json; see docs/demo.md for the format.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const iconv = require('iconv-lite');

// «<<text>>» is rendered on the page but is not article text (glued link, outlet prefix);
// «[[text|url]]» is an inline link: plain text in .txt pages, <a> in HTML, its text counts as body.
const NOT_BODY = /<<(.*?)>>/gu;
const LINK = /\[\[(.*?)\|(.*?)\]\]/gu;
const LABEL = /^(?<kind>[HDMBCXR])(?<article>\d*)(?::(?<sub>[^|]*))?\|\s?(?<text>.*)$/u;
const FIELD = /(?<key>[a-z_-]+)=(?<value>[^=]*?)(?=\s+[a-z_-]+=|$)/gu;

/** Splits the source into page records: header `=== file`, directives `@page`/`@N`, labelled lines. */
function parseSource(source) {
  const pages = [];
  let page = null;
  for (const raw of source.split('\n')) {
    const line = raw.replace(/\s+$/u, '');
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('=== ')) {
      page = { file: line.slice(4).trim(), options: {}, articles: new Map(), lines: [] };
      pages.push(page);
    } else if (line.startsWith('@')) {
      const [target, ...rest] = line.slice(1).split(' ');
      const fields = Object.fromEntries([...rest.join(' ').matchAll(FIELD)].map((m) => [m.groups.key, m.groups.value.trim()]));
      if (target === 'page') Object.assign(page.options, fields);
      else page.articles.set(Number(target), fields);
    } else if (line === '~') {
      page.lines.push({ kind: 'blank', article: null, sub: null, text: '' });
    } else {
      const match = LABEL.exec(line);
      if (!match) throw new Error(`${page?.file}: unlabelled line: ${line}`);
      const { kind, article, sub, text } = match.groups;
      page.lines.push({ kind, article: article === '' ? null : Number(article), sub: sub ?? null, text });
    }
  }
  return pages;
}

const plain = (text) => text.replace(NOT_BODY, '$1').replace(LINK, '$1');
const bodyText = (text) => text.replace(NOT_BODY, '').replace(LINK, '$1');
const escapeHtml = (text) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const htmlInline = (text) =>
  escapeHtml(text.replace(NOT_BODY, '\u0001$1\u0002').replace(LINK, '\u0003$1\u0004$2\u0005'))
    .replace(/\u0001(.*?)\u0002/gu, '<a href="/related" class="inline-related">$1</a>')
    .replace(/\u0003(.*?)\u0004(.*?)\u0005/gu, '<a href="$2">$1</a>');

const LINE_LABEL = { H: 'headline', D: 'dek', M: 'meta', B: 'body', C: 'boilerplate', X: 'boilerplate' };

/** Renders a plain-text page; returns its text and the gold line labels (1-based, like the seed gold). */
function renderText(page) {
  const out = [];
  const labels = {};
  const between = page.options['blank-between'] === '1';
  for (const line of page.lines) {
    if (line.kind === 'R') throw new Error(`${page.file}: raw HTML line in a text page`);
    out.push(plain(line.text));
    const mixed = line.kind === 'B' && line.sub === 'glued';
    labels[out.length] = line.kind === 'blank' ? 'blank'
      : line.article === null || LINE_LABEL[line.kind] === 'boilerplate' ? 'boilerplate'
        : `${mixed ? 'mixed' : LINE_LABEL[line.kind]}:${line.article}`;
    if (between) { out.push(''); labels[out.length] = 'blank'; }
  }
  const eol = page.options.eol === 'crlf' ? '\r\n' : '\n';
  return { text: out.join(eol) + eol, labels };
}

/** Renders one labelled line of an HTML page; `R` lines are raw markup. */
function renderHtmlLine(line) {
  const text = htmlInline(line.text);
  switch (line.kind) {
    case 'R': return line.text;
    case 'H': return line.article === 0 ? `<h1 class="entry-title">${text}</h1>` : `<h2 class="title">${text}</h2>`;
    case 'D': return `<p class="standfirst">${text}</p>`;
    case 'M': return line.sub?.startsWith('time=')
      ? `<time datetime="${line.sub.slice(5)}">${text}</time>` : `<div class="${line.sub ?? 'meta'}">${text}</div>`;
    case 'B': return line.sub === 'br' ? `${text}<br><br>` : line.sub === 'div' ? `<div>${text}</div>` : `<p>${text}</p>`;
    case 'C': return `<figure><img src="/media/photo.jpg" alt=""><figcaption>${text}</figcaption></figure>`;
    case 'X': return renderBoilerplate(line.sub, text);
    default: return '';
  }
}

function renderBoilerplate(sub, text) {
  switch (sub) {
    case 'li': return `<li><a href="/news/item">${text}</a></li>`;
    case 'tag': return `<a class="tag" href="/tag">${text}</a>`;
    case 'label': return `<span class="label">${text}</span>`;
    case 'h': return `<h3 class="section-title">${text}</h3>`;
    case 'button': return `<button type="button">${text}</button>`;
    default: return `<div class="${sub ?? 'block'}">${text}</div>`;
  }
}

function renderHtml(page) {
  const lines = page.lines.filter((line) => line.kind !== 'blank').map(renderHtmlLine);
  return lines.join('\n') + '\n';
}

/** Gold articles of one page, in article order. */
function goldArticles(page, labels) {
  const indexes = [...new Set(page.lines.filter((l) => l.article !== null && l.kind !== 'R').map((l) => l.article))].sort((a, b) => a - b);
  return indexes.map((index) => {
    const own = page.lines.filter((l) => l.article === index);
    const body = own.filter((l) => l.kind === 'B').map((l) => bodyText(l.text).trim());
    const meta = page.articles.get(index) ?? {};
    const headline = own.find((l) => l.kind === 'H');
    const dek = own.find((l) => l.kind === 'D');
    if (body.length === 0) throw new Error(`${page.file}: article ${index} has no body lines`);
    const article = {
      headline: headline ? plain(headline.text).trim() : null,
      dek: dek ? plain(dek.text).trim() : null,
      published: meta.published && meta.published !== 'null' ? meta.published : null,
      outlet: meta.outlet && meta.outlet !== 'null' ? meta.outlet : null,
      cited_sources: meta.cited ? meta.cited.split('،').map((s) => s.trim()).filter(Boolean) : [],
      body_first: body[0].slice(0, 40),
      body_last: body[body.length - 1].slice(-40),
      body: body.join('\n'),
    };
    if (labels) article.body_lines = Object.entries(labels).filter(([, v]) => v === `body:${index}` || v === `mixed:${index}`).map(([k]) => Number(k));
    return article;
  });
}

function encode(text, encoding) {
  if (!encoding || encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const bytes = iconv.encode(text, encoding, { addBOM: encoding === 'utf-16le' });
  if (iconv.decode(bytes, encoding) !== text) throw new Error(`text does not round-trip through ${encoding}`);
  return bytes;
}

function build(sourcePath, goldPath, storiesPath) {
  const root = dirname(goldPath);
  const pages = parseSource(readFileSync(sourcePath, 'utf8'));
  const gold = [];
  const jsonl = new Map();
  for (const page of pages) {
    const isHtml = /\.html(#|$)/u.test(page.file) || page.options.type === 'html';
    const rendered = isHtml ? { text: renderHtml(page), labels: null } : renderText(page);
    const entry = { file: page.file, content_type: isHtml ? 'text/html' : 'text/plain', encoding: page.options.encoding ?? 'utf-8' };
    if (rendered.labels) entry.line_labels = rendered.labels;
    entry.articles = goldArticles(page, rendered.labels);
    gold.push(entry);
    const [file, lineNo] = page.file.split('#');
    if (lineNo) {
      const record = { url: page.options.url, [isHtml ? 'html' : 'text']: rendered.text, fetched_at: page.options.fetched_at };
      jsonl.set(file, [...(jsonl.get(file) ?? []), JSON.stringify(record)]);
    } else {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), encode(rendered.text, page.options.encoding));
    }
  }
  for (const [file, records] of jsonl) writeFileSync(join(root, file), records.join('\n') + '\n');
  const stories = storiesPath ? JSON.parse(readFileSync(storiesPath, 'utf8')) : {};
  const about = stories.about ?? 'Gold for hand-written pages. Keys are paths relative to this file.';
  delete stories.about;
  writeFileSync(goldPath, JSON.stringify({ about, pages: gold, ...stories }, null, 1) + '\n');
  console.log(`${gold.length} pages, ${gold.reduce((n, p) => n + p.articles.length, 0)} articles → ${goldPath}`);
}

const [sourcePath, goldPath, storiesPath] = process.argv.slice(2);
if (!sourcePath || !goldPath) {
  console.error('usage: node examples/build/build-pages.mjs <source.txt> <gold.json> [stories.json]');
  process.exit(2);
}
build(sourcePath, goldPath, storiesPath);
