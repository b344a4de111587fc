/**
 * Renders news HTML (parsed with htmlparser2) to one line per block, with hints the line classifier uses:
 * block tag, link density and furniture from ancestors (nav, footer, «share»/«comments»/«related» classes).
 * While rendering it records, for every element, its text and link characters, commas and line range, so that
 * main-content.ts can choose the page's main content. Page metadata is read by html-meta.ts.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Diagnostic } from '../core/diagnostic.ts';
import type { SiteMeta } from './article-meta.ts';
import { readHtmlMeta } from './html-meta.ts';
import type { BlockHint } from './lines.ts';
import { findMainContent, type ElementTable, type MainContent } from './main-content.ts';

export interface RenderedHtml {
  /** Block texts joined by "\n": the page text all spans index. */
  readonly text: string;
  /** Hint for each line of `text`. */
  readonly hints: readonly BlockHint[];
  readonly meta: SiteMeta;
  readonly diagnostics: readonly Diagnostic[];
  /** The page's main content (lines and how it was found), or null when nothing reads as an article body. */
  readonly main: MainContent | null;
}

const SKIPPED: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'button',
  'select',
  'option',
  'input',
  'textarea',
  'canvas',
  'video',
  'audio',
  'object',
  'embed',
  'head',
  'map',
  'math',
  'title',
  'meta',
  'link',
]);
const BLOCKS: ReadonlySet<string> = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'figcaption',
  'td',
  'th',
  'dd',
  'dt',
  'pre',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'nav',
  'main',
  'ul',
  'ol',
  'table',
  'tr',
  'figure',
  'form',
  'address',
  'br',
  'hr',
  'body',
  'caption',
  'details',
  'summary',
  'time',
  'dl',
  'center',
]);
/** Furniture named by element type. */
const FURNITURE_TAGS: ReadonlyMap<string, NonNullable<BlockHint['furniture']>> = new Map([
  ['nav', 'navigation'],
  ['footer', 'footer'],
  ['form', 'comments'],
  ['aside', 'related-links'],
]);
/** Furniture named by class/id tokens (split on - _ and spaces). Coupled to HARD_FURNITURE in classify-line.ts. */
const FURNITURE_TOKENS: ReadonlyMap<string, NonNullable<BlockHint['furniture']>> = new Map([
  ...['nav', 'navbar', 'menu', 'breadcrumb', 'breadcrumbs', 'topbar', 'masthead'].map(
    (t) => [t, 'navigation'] as const,
  ),
  ...['footer'].map((t) => [t, 'footer'] as const),
  ...['share', 'sharing', 'social', 'sharethis', 'addthis'].map((t) => [t, 'share'] as const),
  ...['comment', 'comments', 'disqus', 'respond', 'reply'].map((t) => [t, 'comments'] as const),
  ...['related', 'recommended', 'popular', 'trending', 'sidebar', 'widget', 'most', 'more', 'readmore', 'also'].map(
    (t) => [t, 'related-links'] as const,
  ),
  ...['tags', 'tag', 'keywords', 'taglist'].map((t) => [t, 'tags'] as const),
  ...['author', 'bio'].map((t) => [t, 'author-box'] as const),
  ...['ad', 'ads', 'advert', 'advertisement', 'banner', 'sponsor', 'sponsored', 'promo'].map(
    (t) => [t, 'advert'] as const,
  ),
  ...['newsletter', 'subscribe', 'subscription'].map((t) => [t, 'subscribe'] as const),
]);
const SPACE_RE = /[\s\u00A0]+/gu;
/** Deeper DOMs are pathological; their text is still read, without furniture hints below this depth. */
const MAX_DEPTH = 400;

type Furniture = BlockHint['furniture'];
interface Frame {
  readonly node: ChildNode;
  readonly furniture: Furniture;
  readonly inLink: boolean;
  readonly block: string;
  /** Element id of the nearest block ancestor (the owner of the line being written). */
  readonly owner: number;
  /** Element id of the parent element. */
  readonly parent: number;
  readonly depth: number;
  /** The node is a cell of a data-table row rendered as one line (cells written inline, space-separated). */
  readonly inRow?: boolean;
}
interface Exit {
  readonly exit: { readonly tag: string; readonly furniture: Furniture; readonly owner: number };
  readonly element: number;
}

/** Per-element figures, filled while rendering (index = element id; 0 is the document). */
class Elements implements ElementTable {
  readonly tag: string[] = ['#document'];
  readonly parent: number[] = [-1];
  readonly attrs: string[] = [''];
  readonly itemprop: string[] = [''];
  readonly textChars: number[] = [0];
  readonly linkChars: number[] = [0];
  readonly firstLine: number[] = [0];
  readonly endLine: number[] = [0];
  readonly children: number[][] = [[]];
  /** Furniture named by the element itself (not inherited). */
  readonly furniture: Furniture[] = [null];

  add(tag: string, parent: number, attrs: string, itemprop: string, firstLine: number, furniture: Furniture): number {
    const id = this.tag.length;
    this.tag.push(tag);
    this.parent.push(parent);
    this.attrs.push(attrs);
    this.itemprop.push(itemprop);
    this.textChars.push(0);
    this.linkChars.push(0);
    this.firstLine.push(firstLine);
    this.endLine.push(firstLine);
    this.children.push([]);
    this.furniture.push(furniture);
    this.children[parent]!.push(id);
    return id;
  }
}

/** The block being filled and the lines rendered so far. */
class LineWriter {
  readonly lines: string[] = [];
  readonly hints: BlockHint[] = [];
  readonly owners: number[] = [];
  private parts: string[] = [];
  private chars = 0;
  private linkChars = 0;
  private tag = 'body';
  private furniture: Furniture = null;
  private owner = 0;

  write(value: string, inLink: boolean): number {
    this.parts.push(value);
    const visible = value.replace(SPACE_RE, '').length;
    this.chars += visible;
    if (inLink) this.linkChars += visible;
    return visible;
  }

  /** Ends the current block and starts one with the given tag, furniture and owner element. */
  flush(next: { tag: string; furniture: Furniture; owner: number }): void {
    const text = this.parts.length === 0 ? '' : this.parts.join('').replace(SPACE_RE, ' ').trim();
    if (text) {
      this.lines.push(text);
      this.hints.push({
        tag: this.tag,
        linkDensity: this.chars === 0 ? 0 : this.linkChars / this.chars,
        furniture: this.furniture,
      });
      this.owners.push(this.owner);
    }
    this.parts = [];
    this.chars = 0;
    this.linkChars = 0;
    this.tag = next.tag;
    this.furniture = next.furniture;
    this.owner = next.owner;
  }
}

/** Renders the body to lines, reads the page's metadata and finds its main content. Pure. `url` helps dates and outlets. */
export function renderHtml(html: string, url?: string): RenderedHtml {
  // `<a name="top"/>` and `<div id="x"/>` close themselves, as their authors meant (an open <a> would swallow the page).
  const document = parseDocument(html, { recognizeSelfClosing: true });
  const writer = new LineWriter();
  const elements = new Elements();
  const stack: (Frame | Exit)[] = [];
  for (let i = document.children.length - 1; i >= 0; i--) {
    stack.push({
      node: document.children[i]!,
      furniture: null,
      inLink: false,
      block: 'body',
      owner: 0,
      parent: 0,
      depth: 1,
    });
  }
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('exit' in item) leave(item, writer, elements);
    else visit(item, stack, writer, elements);
  }
  writer.flush({ tag: 'body', furniture: null, owner: 0 });
  elements.endLine[0] = writer.lines.length;
  const { meta, diagnostics, articleBody } = readHtmlMeta(document, url);
  const main = findMainContent({
    elements,
    lines: writer.lines,
    hints: writer.hints,
    owners: writer.owners,
    articleBody,
  });
  const hints = main ? rehint(writer, elements, main) : writer.hints;
  return { text: writer.lines.join('\n'), hints, meta, diagnostics, main };
}

/** Inside the main content, an element marked as furniture holding at least this share of it is page-builder markup. */
const MAIN_FURNITURE_MAX_SHARE = 0.5;

/**
 * Inside the main content, furniture comes only from smaller elements inside it: a page that wraps its whole
 * article in «ad-wrapper», «elementor-widget» or «more-stories» markup does not make the article furniture.
 */
function rehint(writer: LineWriter, elements: Elements, main: MainContent): BlockHint[] {
  const roots = new Set(main.roots);
  const maxChars = MAIN_FURNITURE_MAX_SHARE * main.chars;
  return writer.hints.map((hint, i) => {
    if (!main.inMain[i] || hint.furniture === null) return hint;
    let furniture: Furniture = null;
    for (let id = writer.owners[i]!; id > 0 && !roots.has(id); id = elements.parent[id]!) {
      if (elements.furniture[id] && elements.textChars[id]! < maxChars) {
        furniture = elements.furniture[id]!;
        break;
      }
    }
    return furniture === hint.furniture ? hint : { ...hint, furniture };
  });
}

function leave(item: Exit, writer: LineWriter, elements: Elements): void {
  if (item.exit.tag !== '') writer.flush(item.exit);
  const id = item.element;
  elements.endLine[id] = writer.lines.length;
  const parent = elements.parent[id]!;
  if (parent >= 0) {
    elements.textChars[parent]! += elements.textChars[id]!;
    elements.linkChars[parent]! += elements.linkChars[id]!;
  }
}

function visit(frame: Frame, stack: (Frame | Exit)[], writer: LineWriter, elements: Elements): void {
  const node = frame.node;
  if (node.type === 'text') {
    const visible = writer.write(node.data, frame.inLink);
    elements.textChars[frame.parent]! += visible;
    if (frame.inLink) elements.linkChars[frame.parent]! += visible;
    return;
  }
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
  const element = node as Element;
  const tag = element.name;
  if (SKIPPED.has(tag) || isHidden(element)) return;
  const classText = element.attribs.class === undefined ? '' : classWords(element.attribs.class);
  const own = frame.depth < MAX_DEPTH ? furnitureOf(element, classText) : null;
  const furniture = own ?? frame.furniture;
  const isCell = frame.inRow === true && (tag === 'td' || tag === 'th');
  if (isCell) writer.write(' ', false);
  // Everything in a <figure> or a caption/credit box is an image caption, whatever block holds it.
  const isOwnCaption = frame.block !== 'figcaption' && classText !== '' && CAPTION_CLASS_RE.test(classText);
  const inCaption = frame.block === 'figcaption' || tag === 'figure' || isOwnCaption;
  // A caption box is a line of its own even when it is an inline element (<span class="photoCaption">).
  const isBlock = !isCell && (BLOCKS.has(tag) || isOwnCaption);
  const block = inCaption ? 'figcaption' : isBlock ? tag : frame.block;
  if (isBlock) writer.flush({ tag: block, furniture, owner: 0 });
  const attribs = element.attribs;
  const id = elements.add(
    tag,
    frame.parent,
    `${attribs.class ?? ''} ${attribs.id ?? ''}`,
    attribs.itemprop ?? '',
    writer.lines.length,
    own,
  );
  const owner = isBlock && tag !== 'br' && tag !== 'hr' ? id : frame.owner;
  if (isBlock) writer.flush({ tag: block, furniture, owner });
  stack.push({
    exit: isBlock
      ? { tag: frame.block, furniture: frame.furniture, owner: frame.owner }
      : { tag: '', furniture: null, owner: 0 },
    element: id,
  });
  const children = element.children;
  const inLink = frame.inLink || tag === 'a';
  const inRow = tag === 'tr' && isDataRow(element);
  for (let i = children.length - 1; i >= 0; i--) {
    stack.push({ node: children[i]!, furniture, inLink, block, owner, parent: id, depth: frame.depth + 1, inRow });
  }
}

/** A row cell holding at most this much text is a data cell; longer text is a layout cell (a page laid out in a table). */
const DATA_CELL_MAX_CHARS = 200;

/**
 * A data-table row: its cells hold short text and no block elements, so the row is one line («1 Kyle Busch 5040»),
 * as a reader sees it, rather than one line per cell. Layout tables (cells holding paragraphs) keep a line per block.
 */
function isDataRow(row: Element): boolean {
  let cells = 0;
  for (const child of row.children) {
    if (child.type !== 'tag') continue;
    const cell = child as Element;
    if (cell.name !== 'td' && cell.name !== 'th') return false;
    cells++;
    const budget = { chars: 0 };
    if (!isInlineCell(cell, budget)) return false;
  }
  return cells >= 2;
}

function isInlineCell(element: Element, budget: { chars: number }): boolean {
  for (const child of element.children) {
    if (child.type === 'text') {
      budget.chars += child.data.length;
      if (budget.chars > DATA_CELL_MAX_CHARS) return false;
    } else if (child.type === 'tag') {
      const el = child as Element;
      if (BLOCKS.has(el.name) || !isInlineCell(el, budget)) return false;
    }
  }
  return true;
}

/** Furniture named by the element's tag, role, class (`classText`: its class as classWords) or id. */
function furnitureOf(element: Element, classText: string): BlockHint['furniture'] {
  const byTag = FURNITURE_TAGS.get(element.name);
  if (byTag) return byTag;
  const { attribs } = element;
  if (attribs.role === 'navigation') return 'navigation';
  for (const value of [classText, attribs.id === undefined ? '' : classWords(attribs.id)]) {
    if (!value) continue;
    for (const name of value.split(/\s+/u)) {
      const tokens = name.split(/[-_]+/u);
      // «tag-adam-neumann», «category-sport»: a taxonomy label unless the rest names furniture («post-tags»).
      const from = TAXONOMY_CLASS_RE.test(name) ? 1 : 0;
      for (let i = from; i < tokens.length; i++) {
        const hit = FURNITURE_TOKENS.get(tokens[i]!);
        if (hit) return hit;
      }
    }
  }
  return null;
}

/** CMS taxonomy classes on an article's own element («tag-adam-neumann», «category-sport»): labels, not furniture. */
const TAXONOMY_CLASS_RE = /^(?:tag|tags|category|categories|cat|post|format|status|type|has|section|topic)[-_]\S/u;

const CAPTION_CLASS_RE =
  /(?:^|[\s_-])(?:caption|credit|credits|photo-credit|image-credit|img-credit|gallery-caption)(?:$|[\s_-])/u;

/** Class names as lower-case words, camelCase split too («newsCaption» → «news-caption»). */
function classWords(value: string): string {
  return HAS_CAMEL_RE.test(value) ? value.replace(CAMEL_RE, '$1-$2').toLowerCase() : value.toLowerCase();
}
const HAS_CAMEL_RE = /[a-z][A-Z]/u;
const CAMEL_RE = /([a-z])([A-Z])/gu;

function isHidden(element: Element): boolean {
  const { attribs } = element;
  return (
    attribs.hidden !== undefined ||
    attribs['aria-hidden'] === 'true' ||
    (attribs.style !== undefined && /display\s*:\s*none/u.test(attribs.style))
  );
}
