/**
 * Finds the main content of an HTML page: the lines of its article body, before line segmentation.
 * Structure first: the page's own statement (JSON-LD `articleBody` matched to the rendered lines, microdata
 * `itemprop="articleBody"`); otherwise a DOM-aware scorer in the manner of Readability and trafilatura: prose lines
 * (length, commas) score their block ancestors with a decay by distance, containers start from their tag and from
 * class/id cues (English and the usual Arabic CMS names), scores are discounted by link density; the best subtree
 * is widened when its parent holds as much, and its prose siblings are added. Pure.
 */
import type { BlockHint } from './lines.ts';

/** Per-element figures recorded while rendering (index = element id; 0 is the document). */
export interface ElementTable {
  readonly tag: readonly string[];
  readonly parent: readonly number[];
  /** class and id attribute values, space-joined. */
  readonly attrs: readonly string[];
  readonly itemprop: readonly string[];
  /** Visible (non-space) characters of all text under the element, and those inside links. */
  readonly textChars: readonly number[];
  readonly linkChars: readonly number[];
  /** Rendered line range [firstLine, endLine) of the element. */
  readonly firstLine: readonly number[];
  readonly endLine: readonly number[];
  readonly children: readonly (readonly number[])[];
  /** Furniture named by the element's own tag or class/id (nav, footer, «comments», «related»…), if any. */
  readonly furniture: readonly BlockHint['furniture'][];
}

export interface MainContentInput {
  readonly elements: ElementTable;
  readonly lines: readonly string[];
  readonly hints: readonly BlockHint[];
  /** For each line, the id of the block element that holds it. */
  readonly owners: readonly number[];
  /** JSON-LD articleBody, when the page states one. */
  readonly articleBody: string | null;
}

export interface MainContent {
  /** For each rendered line: inside the main content. */
  readonly inMain: readonly boolean[];
  /** The elements whose subtrees make up the main content. */
  readonly roots: readonly number[];
  /** How it was found. */
  readonly method: 'json-ld' | 'microdata' | 'scored';
  /** Visible characters of the chosen content. */
  readonly chars: number;
  /** Scored pages: how many separate blocks score at least half the best (many → a home or section page). */
  readonly rivals: number;
  /** Line range [from, to) of the best block alone, before its siblings joined. */
  readonly best: { readonly from: number; readonly to: number };
}

/** A prose line scores its containers when at least this long (characters). */
const MIN_SCORED_LINE_CHARS = 25;
/** How many ancestors a prose line scores, and the divisor at each distance. */
const ANCESTOR_LEVELS = 5;
/** Structured statements must be at least this long to be trusted, and JSON-LD must match this share of the lines. */
const MIN_STATED_CHARS = 200;
const MIN_JSON_LD_COVERAGE = 0.5;
/** Lines matched against JSON-LD articleBody need this many characters (shorter ones match by chance). */
const MIN_MATCH_LINE_CHARS = 30;
/** Siblings join the best block when they score this share of it (and at least SIBLING_MIN_SCORE). */
const SIBLING_SHARE = 0.2;
const SIBLING_MIN_SCORE = 10;
/** A parent replaces the best block when it scores at least this share of it with more rivals inside. */
const ALTERNATIVE_SHARE = 0.75;
const MIN_ALTERNATIVES = 3;

const TAG_BASE: Readonly<Record<string, number>> = {
  div: 5,
  article: 8,
  main: 5,
  section: 3,
  pre: 3,
  td: 3,
  blockquote: 3,
  address: -3,
  ol: -3,
  ul: -3,
  dl: -3,
  dd: -3,
  dt: -3,
  li: -3,
  form: -3,
  h1: -5,
  h2: -5,
  h3: -5,
  h4: -5,
  h5: -5,
  h6: -5,
  th: -5,
  nav: -25,
  aside: -25,
  footer: -25,
  header: -10,
};
/** Blocks that are a paragraph themselves (their parent is the container that gets the full score). */
const PARAGRAPH_TAGS: ReadonlySet<string> = new Set(['p', 'pre', 'td', 'blockquote', 'dd', 'font', 'span', 'center']);
/** Lines in these blocks never score containers (titles, list items, captions). */
const UNSCORED_TAGS: ReadonlySet<string> = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'figcaption',
  'dt',
  'th',
  'caption',
  'summary',
  'time',
  'address',
]);

/** Class/id words of article containers, in English and in the transliterated names Arabic CMSs use. */
const POSITIVE_WORDS: readonly string[] = [
  'article',
  'content',
  'entry',
  'story',
  'body',
  'post',
  'text',
  'main',
  'blog',
  'hentry',
  'single',
  'detail',
  'details',
  'itemfulltext',
  'field',
  'node',
  'news',
  'txt',
  'matn',
  'nass',
  'khabar',
  'maqal',
  'tafasil',
  'tafaseel',
  'mawdoo',
  'akhbar',
];
/** Class/id words of furniture. */
const NEGATIVE_WORDS: readonly string[] = [
  'comment',
  'comments',
  'sidebar',
  'related',
  'share',
  'sharing',
  'social',
  'footer',
  'widget',
  'sponsor',
  'sponsored',
  'promo',
  'outbrain',
  'taboola',
  'newsletter',
  'subscribe',
  'breadcrumb',
  'breadcrumbs',
  'banner',
  'masthead',
  'recommended',
  'recommend',
  'popular',
  'trending',
  'cookie',
  'gdpr',
  'modal',
  'popup',
  'nav',
  'navbar',
  'menu',
  'ad',
  'ads',
  'advert',
  'advertisement',
  'tags',
  'tag',
  'meta',
  'byline',
  'author',
  'bio',
  'caption',
  'credit',
  'copyright',
  'rights',
  'hidden',
  'header',
  'masthead',
  'teaser',
  'more',
  'most',
  'read',
  'also',
  'next',
  'prev',
  'pagination',
  'rail',
  'aside',
  'toolbar',
  'print',
  'login',
  'signup',
  'shop',
  'shopping',
  'skyscraper',
  'contact',
  'episode',
  'playlist',
];
const POSITIVE: ReadonlySet<string> = new Set(POSITIVE_WORDS);
const NEGATIVE: ReadonlySet<string> = new Set(NEGATIVE_WORDS);
const CLASS_WEIGHT = 25;
/** Phrases that mark an article body container outright, even inside a longer class name («td-post-content»). */
const BODY_PHRASE_RE =
  /article[-_]?body|articlebody|article[-_]?content|article[-_]?text|entry[-_]?content|post[-_]?(?:body|content|text|entry)|story[-_]?(?:body|content|text)|news[-_]?(?:body|content|text|details?)|body[-_]?text|main[-_]?text|text[-_]?content|field[-_]?(?:name[-_]?)?body|content[-_]?(?:body|text|article|details?)|itemfulltext|rich[-_]?text/u;

/** Class/id weight of an element: + for article-container words, − for furniture words. */
export function classWeight(attrs: string): number {
  if (!attrs.trim()) return 0;
  const lower = attrs.toLowerCase();
  if (BODY_PHRASE_RE.test(lower)) return CLASS_WEIGHT;
  // camelCase names split into words too («relatedStories», «articleBody»)
  const words = attrs.replace(/([a-z])([A-Z])/gu, '$1 $2').toLowerCase();
  let weight = 0;
  const tokens = words.split(/[^a-z0-9]+/u);
  if (tokens.some((t) => NEGATIVE.has(t))) weight -= CLASS_WEIGHT;
  if (tokens.some((t) => POSITIVE.has(t))) weight += CLASS_WEIGHT;
  return weight;
}

/** The main content of a rendered page, or null when no line reads as prose. */
export function findMainContent(input: MainContentInput): MainContent | null {
  const stated = fromJsonLd(input) ?? fromMicrodata(input);
  const scored = fromScores(input);
  if (!stated) return scored;
  // A stated body that is only a teaser of the scored block (a truncated articleBody, an excerpt marked up as the body): the block wins.
  return scored && stated.chars < STATED_TEASER_SHARE * scored.chars && contains(scored, stated) ? scored : stated;
}

/** A stated body under this share of the scored block that contains it is a teaser. */
const STATED_TEASER_SHARE = 0.5;

function contains(outer: MainContent, inner: MainContent): boolean {
  return inner.inMain.every((isIn, i) => !isIn || outer.inMain[i]);
}

function countVisible(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 0x20) n++;
  return n;
}

/** JSON-LD articleBody: the lines whose text it contains, and their smallest common container. */
function fromJsonLd(input: MainContentInput): MainContent | null {
  const stated = input.articleBody?.replace(/\s+/gu, ' ').trim() ?? '';
  if (stated.length < MIN_STATED_CHARS) return null;
  const matched: number[] = [];
  let matchedChars = 0;
  for (let i = 0; i < input.lines.length; i++) {
    const line = input.lines[i]!;
    if (line.length < MIN_MATCH_LINE_CHARS || !stated.includes(line)) continue;
    matched.push(i);
    matchedChars += line.length;
  }
  if (matched.length === 0 || matchedChars < MIN_JSON_LD_COVERAGE * stated.length) return null;
  const root = commonAncestor(
    input.elements,
    matched.map((i) => input.owners[i]!),
  );
  return subtree(input, root, 'json-ld');
}

/** Microdata `itemprop="articleBody"`: the longest such element. */
function fromMicrodata(input: MainContentInput): MainContent | null {
  const { elements } = input;
  let best = -1;
  for (let id = 1; id < elements.tag.length; id++) {
    if (!/(?:^|\s)articleBody(?:\s|$)/iu.test(elements.itemprop[id]!)) continue;
    if (best < 0 || elements.textChars[id]! > elements.textChars[best]!) best = id;
  }
  if (best < 0 || elements.textChars[best]! < MIN_STATED_CHARS) return null;
  return subtree(input, best, 'microdata');
}

function subtree(input: MainContentInput, root: number, method: MainContent['method']): MainContent {
  const inMain = input.lines.map(() => false);
  const { firstLine, endLine } = input.elements;
  for (let i = firstLine[root]!; i < endLine[root]!; i++) inMain[i] = true;
  const best = { from: firstLine[root]!, to: endLine[root]! };
  return { inMain, roots: [root], method, chars: input.elements.textChars[root]!, rivals: 1, best };
}

function commonAncestor(elements: ElementTable, ids: readonly number[]): number {
  const depthOf = (id: number): number => {
    let d = 0;
    for (let x = id; x > 0; x = elements.parent[x]!) d++;
    return d;
  };
  let root = ids[0]!;
  for (const id of ids.slice(1)) {
    let a = root;
    let b = id;
    let da = depthOf(a);
    let db = depthOf(b);
    while (da > db) [a, da] = [elements.parent[a]!, da - 1];
    while (db > da) [b, db] = [elements.parent[b]!, db - 1];
    while (a !== b) [a, b] = [elements.parent[a]!, elements.parent[b]!];
    root = a;
  }
  return root;
}

function linkDensityOf(elements: ElementTable, id: number): number {
  const chars = elements.textChars[id]!;
  return chars === 0 ? 0 : elements.linkChars[id]! / chars;
}

const COMMA_RE = /[,،]/gu;

/** Containers named like an article body are never ruled out by a furniture word in the same class list. */
const MAYBE_BODY_RE = /article|body|content|main|story|entry|post|text|column/u;

/**
 * Elements that cannot hold the article (comments, navigation, related lists, footers…) and everything under them,
 * as Readability drops «unlikely candidates» before scoring. Element ids are in document order (parents first).
 */
function unlikelyElements(elements: ElementTable): boolean[] {
  const unlikely: boolean[] = [false];
  for (let id = 1; id < elements.tag.length; id++) {
    const tag = elements.tag[id]!;
    const own =
      elements.furniture[id] !== null &&
      tag !== 'body' &&
      tag !== 'article' &&
      tag !== 'main' &&
      !MAYBE_BODY_RE.test(elements.attrs[id]!.toLowerCase());
    unlikely.push(own || unlikely[elements.parent[id]!]!);
  }
  return unlikely;
}

/** Readability-style scoring of containers by the prose lines under them (lines under unlikely elements first left out). */
function fromScores(input: MainContentInput): MainContent | null {
  const unlikely = unlikelyElements(input.elements);
  return scoreContainers(input, (owner) => unlikely[owner]!) ?? scoreContainers(input, () => false);
}

function scoreContainers(input: MainContentInput, isSkipped: (owner: number) => boolean): MainContent | null {
  const { elements, lines, hints, owners } = input;
  const score = new Map<number, number>();
  const init = (id: number): number => {
    let value = score.get(id);
    if (value === undefined) {
      value = (TAG_BASE[elements.tag[id]!] ?? 0) + classWeight(elements.attrs[id]!);
      score.set(id, value);
    }
    return value;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const owner = owners[i]!;
    const tag = elements.tag[owner]!;
    if (
      line.length < MIN_SCORED_LINE_CHARS ||
      UNSCORED_TAGS.has(tag) ||
      hints[i]!.linkDensity > 0.5 ||
      isSkipped(owner)
    )
      continue;
    const content =
      (1 + (line.match(COMMA_RE)?.length ?? 0) + Math.min(Math.floor(line.length / 100), 3)) *
      (1 - hints[i]!.linkDensity);
    let ancestor = PARAGRAPH_TAGS.has(tag) ? elements.parent[owner]! : owner;
    for (let level = 0; level < ANCESTOR_LEVELS && ancestor > 0; level++) {
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      score.set(ancestor, init(ancestor) + content / divider);
      ancestor = elements.parent[ancestor]!;
    }
  }
  const ranked: { id: number; value: number }[] = [];
  for (const [id, value] of score) ranked.push({ id, value: value * (1 - linkDensityOf(elements, id)) });
  if (ranked.length === 0) return null;
  ranked.sort((a, b) => b.value - a.value || a.id - b.id);
  const final = (id: number): number | undefined => {
    const raw = score.get(id);
    return raw === undefined ? undefined : raw * (1 - linkDensityOf(elements, id));
  };
  let top = ranked[0]!.id;
  const topScore = ranked[0]!.value;
  if (topScore <= 0) return null;
  top = widen(elements, top, topScore, ranked, final);
  const rivals = countRivals(elements, top, ranked, topScore);
  return { ...withSiblings(input, top, final, ranked), rivals };
}

/** Moves up when several near-best blocks share a container, when the parent scores higher, or when the block is an only child. */
function widen(
  elements: ElementTable,
  top: number,
  topScore: number,
  ranked: readonly { id: number; value: number }[],
  final: (id: number) => number | undefined,
): number {
  const alternatives = ranked
    .slice(1, 6)
    .filter((c) => c.value >= ALTERNATIVE_SHARE * topScore)
    .map((c) => c.id);
  if (alternatives.length >= MIN_ALTERNATIVES) {
    const ancestorsOf = (id: number): Set<number> => {
      const set = new Set<number>();
      for (let x = elements.parent[id]!; x > 0; x = elements.parent[x]!) set.add(x);
      return set;
    };
    const lists = alternatives.map(ancestorsOf);
    for (
      let parent = elements.parent[top]!;
      parent > 0 && elements.tag[parent] !== 'body';
      parent = elements.parent[parent]!
    ) {
      if (lists.filter((s) => s.has(parent)).length >= MIN_ALTERNATIVES) {
        top = parent;
        break;
      }
    }
  }
  let last = final(top) ?? topScore;
  const threshold = last / 3;
  for (
    let parent = elements.parent[top]!;
    parent > 0 && elements.tag[parent] !== 'body';
    parent = elements.parent[parent]!
  ) {
    const value = final(parent);
    if (value === undefined) continue;
    if (value < threshold) break;
    if (value > last) {
      top = parent;
      break;
    }
    last = value;
  }
  for (
    let parent = elements.parent[top]!;
    parent > 0 && elements.tag[parent] !== 'body' && elements.children[parent]!.length === 1;
    parent = elements.parent[parent]!
  ) {
    top = parent;
  }
  return top;
}

/** Blocks outside the chosen one scoring at least half of it: a home or section page has many. */
function countRivals(
  elements: ElementTable,
  top: number,
  ranked: readonly { id: number; value: number }[],
  topScore: number,
): number {
  const isInside = (id: number, root: number): boolean => {
    for (let x = id; x > 0; x = elements.parent[x]!) if (x === root) return true;
    return false;
  };
  let rivals = 1;
  for (const candidate of ranked.slice(1, 30)) {
    if (candidate.value < topScore / 2) break;
    if (!isInside(candidate.id, top) && !isInside(top, candidate.id)) rivals++;
  }
  return rivals;
}

const SENTENCE_RE = /[.!?؟…](?:\s|$)/u;

/** The chosen block plus the siblings that read like more of it (scored blocks, or prose paragraphs). */
function withSiblings(
  input: MainContentInput,
  top: number,
  final: (id: number) => number | undefined,
  ranked: readonly { id: number; value: number }[],
): MainContent {
  const { elements, lines, hints, owners } = input;
  const inMain = lines.map(() => false);
  const roots: number[] = [];
  const topScore = final(top) ?? 0;
  const threshold = Math.max(SIBLING_MIN_SCORE, topScore * SIBLING_SHARE);
  const parent = elements.parent[top]!;
  const inner = bestInside(elements, parent, ranked);
  const mark = (id: number): void => {
    roots.push(id);
    for (let i = elements.firstLine[id]!; i < elements.endLine[id]!; i++) inMain[i] = true;
  };
  if (parent <= 0 || elements.tag[parent] === 'body') {
    mark(top);
  } else {
    const topClass = elements.attrs[top]!.trim();
    for (const sibling of elements.children[parent]!) {
      if (sibling === top) {
        mark(sibling);
        continue;
      }
      const bonus = topClass && elements.attrs[sibling]!.trim() === topClass ? topScore * SIBLING_SHARE : 0;
      // A sibling scores as its best block: an article split into sections wraps each part a few levels deep.
      const value = Math.max(final(sibling) ?? -Infinity, inner.get(sibling) ?? -Infinity);
      if (value + bonus >= threshold) mark(sibling);
      else if (elements.tag[sibling] === 'p' && isProseBlock(elements, sibling, lines)) mark(sibling);
    }
    // Text written straight into the parent (between <br>s) is a paragraph of its own.
    for (let i = elements.firstLine[parent]!; i < elements.endLine[parent]!; i++) {
      if (owners[i] === parent && isProseText(lines[i]!, hints[i]!.linkDensity)) inMain[i] = true;
    }
    roots.push(parent);
  }
  let chars = 0;
  for (let i = 0; i < lines.length; i++) if (inMain[i]) chars += countVisible(lines[i]!);
  const best = { from: elements.firstLine[top]!, to: elements.endLine[top]! };
  return { inMain, roots, method: 'scored', chars, rivals: 1, best };
}

/** How many of the best-scored blocks are looked at when scoring siblings by what they hold. */
const INNER_CANDIDATES = 100;

/** Scored blocks nested in a child of `parent` (not the child itself), as child → best such block's score. */
function bestInside(
  elements: ElementTable,
  parent: number,
  ranked: readonly { id: number; value: number }[],
): Map<number, number> {
  const best = new Map<number, number>();
  for (const { id, value } of ranked.slice(0, INNER_CANDIDATES)) {
    if (value <= 0) break;
    let child = elements.parent[id]!;
    if (child <= 0) continue;
    let x = id;
    while (x > 0 && elements.parent[x] !== parent) x = elements.parent[x]!;
    if (x <= 0 || x === id) continue;
    child = x;
    if (!best.has(child)) best.set(child, value);
  }
  return best;
}

function isProseBlock(elements: ElementTable, id: number, lines: readonly string[]): boolean {
  const text = lines.slice(elements.firstLine[id]!, elements.endLine[id]!).join(' ');
  return isProseText(text, linkDensityOf(elements, id));
}

function isProseText(text: string, linkDensity: number): boolean {
  if (text.length > 80) return linkDensity < 0.25;
  return text.length > 0 && linkDensity === 0 && SENTENCE_RE.test(text);
}
