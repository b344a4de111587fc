/**
 * Renders news HTML (parsed with parse5) to one line per block, with hints the line classifier uses:
 * block tag, link density and furniture from ancestors (nav, footer, «share»/«comments»/«related» classes).
 * Page metadata (title, og:/article: meta, JSON-LD NewsArticle, <time>) is read by html-meta.ts.
 */
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import type { Diagnostic } from '../core/diagnostic.ts';
import type { SiteMeta } from './article-meta.ts';
import { readHtmlMeta } from './html-meta.ts';
import type { BlockHint } from './lines.ts';

export interface RenderedHtml {
  /** Block texts joined by "\n": the page text all spans index. */
  readonly text: string;
  /** Hint for each line of `text`. */
  readonly hints: readonly BlockHint[];
  readonly meta: SiteMeta;
  readonly diagnostics: readonly Diagnostic[];
}

const SKIPPED: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'button', 'select', 'option', 'input', 'textarea', 'canvas',
  'video', 'audio', 'object', 'embed', 'head', 'map', 'math',
]);
const BLOCKS: ReadonlySet<string> = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'figcaption', 'td', 'th', 'dd', 'dt', 'pre', 'div', 'section',
  'article', 'header', 'footer', 'aside', 'nav', 'main', 'ul', 'ol', 'table', 'tr', 'figure', 'form', 'address', 'br', 'hr',
  'body', 'caption', 'details', 'summary', 'time',
]);
/** Furniture named by element type. */
const FURNITURE_TAGS: ReadonlyMap<string, NonNullable<BlockHint['furniture']>> = new Map([
  ['nav', 'navigation'], ['footer', 'footer'], ['form', 'comments'], ['aside', 'related-links'],
]);
/** Furniture named by class/id tokens (split on - _ and spaces). Coupled to HARD_FURNITURE in classify-line.ts. */
const FURNITURE_TOKENS: ReadonlyMap<string, NonNullable<BlockHint['furniture']>> = new Map([
  ...['nav', 'navbar', 'menu', 'breadcrumb', 'breadcrumbs', 'topbar', 'masthead'].map((t) => [t, 'navigation'] as const),
  ...['footer'].map((t) => [t, 'footer'] as const),
  ...['share', 'sharing', 'social', 'sharethis', 'addthis'].map((t) => [t, 'share'] as const),
  ...['comment', 'comments', 'disqus', 'respond', 'reply'].map((t) => [t, 'comments'] as const),
  ...['related', 'recommended', 'popular', 'trending', 'sidebar', 'widget', 'most', 'more', 'readmore', 'also'].map((t) => [t, 'related-links'] as const),
  ...['tags', 'tag', 'keywords', 'taglist'].map((t) => [t, 'tags'] as const),
  ...['author', 'bio'].map((t) => [t, 'author-box'] as const),
  ...['ad', 'ads', 'advert', 'advertisement', 'banner', 'sponsor', 'sponsored', 'promo'].map((t) => [t, 'advert'] as const),
  ...['newsletter', 'subscribe', 'subscription'].map((t) => [t, 'subscribe'] as const),
]);
const SPACE_RE = /[\s\u00A0]+/gu;
/** Deeper DOMs are pathological; their text is still read, without furniture hints below this depth. */
const MAX_DEPTH = 400;

type Furniture = BlockHint['furniture'];
interface Frame { readonly node: T.ChildNode | T.Document; readonly furniture: Furniture; readonly inLink: boolean; readonly block: string; readonly depth: number }
interface Exit { readonly exit: { readonly tag: string; readonly furniture: Furniture } }

/** The block being filled and the lines rendered so far. */
class LineWriter {
  readonly lines: string[] = [];
  readonly hints: BlockHint[] = [];
  private parts: string[] = [];
  private chars = 0;
  private linkChars = 0;
  private tag = 'body';
  private furniture: Furniture = null;

  write(value: string, inLink: boolean): void {
    this.parts.push(value);
    const visible = value.replace(SPACE_RE, '').length;
    this.chars += visible;
    if (inLink) this.linkChars += visible;
  }

  /** Ends the current block and starts one with the given tag and furniture. */
  flush(next: { tag: string; furniture: Furniture }): void {
    const text = this.parts.join('').replace(SPACE_RE, ' ').trim();
    if (text) {
      this.lines.push(text);
      this.hints.push({ tag: this.tag, linkDensity: this.chars === 0 ? 0 : this.linkChars / this.chars, furniture: this.furniture });
    }
    this.parts = [];
    this.chars = 0;
    this.linkChars = 0;
    this.tag = next.tag;
    this.furniture = next.furniture;
  }
}

/** Renders the body to lines and reads the head's metadata. Pure. */
export function renderHtml(html: string): RenderedHtml {
  const document = parse(html);
  const writer = new LineWriter();
  const stack: (Frame | Exit)[] = [{ node: document, furniture: null, inLink: false, block: 'body', depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('exit' in item) writer.flush(item.exit);
    else visit(item, stack, writer);
  }
  writer.flush({ tag: 'body', furniture: null });
  const { meta, diagnostics } = readHtmlMeta(document);
  return { text: writer.lines.join('\n'), hints: writer.hints, meta, diagnostics };
}

function visit(frame: Frame, stack: (Frame | Exit)[], writer: LineWriter): void {
  const node = frame.node;
  if (node.nodeName === '#text') {
    writer.write((node as T.TextNode).value, frame.inLink);
    return;
  }
  if (node.nodeName === '#comment' || node.nodeName === '#documentType') return;
  if (node.nodeName === '#document') {
    const children = (node as T.Document).childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ ...frame, node: children[i]!, depth: 1 });
    return;
  }
  const element = node as T.Element;
  const tag = element.tagName ?? '';
  if (SKIPPED.has(tag) || isHidden(element)) return;
  const furniture = frame.depth < MAX_DEPTH ? furnitureOf(element) ?? frame.furniture : frame.furniture;
  const isBlock = BLOCKS.has(tag);
  const block = isBlock ? tag : frame.block;
  if (isBlock) {
    writer.flush({ tag: block, furniture });
    stack.push({ exit: { tag: frame.block, furniture: frame.furniture } });
  }
  const children = element.childNodes ?? [];
  for (let i = children.length - 1; i >= 0; i--) {
    stack.push({ node: children[i]!, furniture, inLink: frame.inLink || tag === 'a', block, depth: frame.depth + 1 });
  }
}

function furnitureOf(element: T.Element): BlockHint['furniture'] {
  const byTag = FURNITURE_TAGS.get(element.tagName);
  if (byTag) return byTag;
  for (const attr of element.attrs) {
    if (attr.name !== 'class' && attr.name !== 'id' && attr.name !== 'role') continue;
    if (attr.name === 'role' && attr.value === 'navigation') return 'navigation';
    for (const token of attr.value.toLowerCase().split(/[\s\-_]+/u)) {
      const hit = FURNITURE_TOKENS.get(token);
      if (hit) return hit;
    }
  }
  return null;
}

function isHidden(element: T.Element): boolean {
  return element.attrs.some((a) => a.name === 'hidden' || (a.name === 'aria-hidden' && a.value === 'true') || (a.name === 'style' && /display\s*:\s*none/u.test(a.value)));
}
