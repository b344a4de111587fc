/**
 * Entity linking within an article: raw NER mentions → EntityMention with a stable `entityId` and a
 * canonical name. Links a later short form to a full name («السوداني» → «محمد شياع السوداني»), spelling
 * variants («اوتسن» ~ «أوستن», «الأميركية» ~ «الأمريكية»), aliases («داعش» ~ «تنظيم الدولة الإسلامية») and
 * capitals acting as governments. Ids hash type + canonical key, so they agree across articles.
 */
import type { EntityMention, EntityType } from '../../core/annotation.ts';
import { hashId } from '../../core/ids.ts';
import { splitProclitics } from '../../text/clitics.ts';
import { normalizeKey } from '../../text/normalize.ts';
import { ALIASES, METONYMS, NOT_ENTITIES, PLACE_CUES, PLACE_HEADS, TITLES, type AliasTarget } from './link-aliases.ts';

/** A mention as the recognizer gives it. */
export interface RawMention {
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface Cluster {
  type: EntityType;
  /** Display name and its key; replaced when a longer full name of the same entity appears. */
  canonical: string;
  canonicalKey: string;
  tokens: string[];
  readonly keys: Set<string>;
  readonly isAlias: boolean;
}

/** Spelling-variant tolerance (Damerau edits) by key length; chosen so «اوتسن»~«اوستن» link and «عمان»≁«عمار» do not. */
const MIN_FUZZY_LENGTH = 5;
const LONG_KEY_LENGTH = 9;

/**
 * Links the mentions of one article (sorted by start). `body` lets capitals be read in context;
 * without it they stay places. Page-chrome mentions («تاريخ النشر») are dropped.
 */
export function linkEntities(mentions: readonly RawMention[], body = ''): EntityMention[] {
  const clusters: Cluster[] = [];
  const assigned: { mention: RawMention; cluster: Cluster }[] = [];
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  let coveredUntil = 0;
  for (const mention of sorted) {
    // Nested or overlapping mentions (not expected from a BIO tagger) keep only the outer one.
    if (mention.start < coveredUntil) continue;
    coveredUntil = mention.end;
    const key = placeKey(linkKey(mention.text), mention.type);
    if (key.length === 0 || NOT_ENTITIES.has(key)) continue;
    const alias = ALIASES.get(key) ?? metonym(key, mention, body);
    const cluster = alias
      ? aliasCluster(clusters, alias)
      : (findCluster(clusters, key, mention.type) ?? newCluster(clusters, key, mention));
    // A capital read as its government must not make the place name an alias of the country.
    if (!alias || ALIASES.has(key)) cluster.keys.add(key);
    if (!alias) maybeUpgrade(cluster, key, mention);
    assigned.push({ mention, cluster });
  }
  const merged = mergeEarlyShortForms(clusters);
  return assigned
    .map(({ mention, cluster: found }) => ({ mention, cluster: merged.get(found) ?? found }))
    .map(({ mention, cluster }) => ({
      type: cluster.type,
      text: mention.text,
      start: mention.start,
      end: mention.end,
      entityId: entityIdOf(cluster.type, cluster.canonicalKey),
      canonical: cluster.canonical,
    }));
}

/** Stable id of an entity: the same type and canonical key give the same id in every article. */
export function entityIdOf(type: EntityType, canonicalKey: string): string {
  return `e_${hashId(['entity', type, canonicalKey])}`;
}

/** Linking key: the `link` fold profile, quotes dropped, a clitic before «ال» removed («والعراق», «للعراق» → «العراق»), titles removed. */
export function linkKey(text: string): string {
  const key = normalizeKey(text.replace(/[“”«»"'()]/gu, ''));
  const tokens = key
    .split(' ')
    .filter((t) => t.length > 0)
    .map(withoutCliticsBeforeArticle);
  while (tokens.length > 2 && TITLES.has(tokens[0]!)) tokens.shift();
  return tokens.join(' ');
}

/** A word whose proclitics end in the article keeps only the article: «وبالعراق» → «العراق» (text/clitics.ts). */
function withoutCliticsBeforeArticle(word: string): string {
  const split = splitProclitics(word);
  return split.clitics.some((c) => c.kind === 'article') ? `ال${word.slice(split.stemStart)}` : word;
}

/** «قطاع غزة» → «غزة»: a place keyed without its generic head. */
function placeKey(key: string, type: EntityType): string {
  if (type !== 'LOC') return key;
  const space = key.indexOf(' ');
  return space > 0 && PLACE_HEADS.has(key.slice(0, space)) ? key.slice(space + 1) : key;
}

function metonym(key: string, mention: RawMention, body: string): AliasTarget | undefined {
  const target = METONYMS.get(key);
  if (!target || body.length === 0) return undefined;
  const before = /(?<word>[\p{L}]+)[^\p{L}]{1,3}$/u.exec(body.slice(Math.max(0, mention.start - 20), mention.start));
  const previous = before?.groups?.word ? normalizeKey(before.groups.word).replace(/^[وف]/u, '') : '';
  if (PLACE_CUES.has(previous) || PLACE_CUES.has(normalizeKey(before?.groups?.word ?? ''))) return undefined;
  return target;
}

function aliasCluster(clusters: Cluster[], alias: AliasTarget): Cluster {
  const canonicalKey = linkKey(alias.canonical);
  const existing = clusters.find((cluster) => cluster.canonicalKey === canonicalKey && cluster.type === alias.type);
  if (existing) return existing;
  const cluster: Cluster = {
    type: alias.type,
    canonical: alias.canonical,
    canonicalKey,
    tokens: canonicalKey.split(' '),
    keys: new Set([canonicalKey]),
    isAlias: true,
  };
  clusters.push(cluster);
  return cluster;
}

function newCluster(clusters: Cluster[], key: string, mention: RawMention): Cluster {
  const cluster: Cluster = {
    type: mention.type,
    canonical: displayName(mention.text, key),
    canonicalKey: key,
    tokens: key.split(' '),
    keys: new Set([key]),
    isAlias: false,
  };
  clusters.push(cluster);
  return cluster;
}

/** Most recent cluster this key belongs to: exact key, spelling variant, or a person's short form. */
function findCluster(clusters: readonly Cluster[], key: string, type: EntityType): Cluster | null {
  for (let i = clusters.length - 1; i >= 0; i--) {
    const cluster = clusters[i]!;
    if (cluster.keys.has(key) && (cluster.type === type || cluster.type === 'PERS')) return cluster;
  }
  for (let i = clusters.length - 1; i >= 0; i--) {
    const cluster = clusters[i]!;
    if (cluster.type === type && [...cluster.keys].some((known) => isNameVariant(known, key))) return cluster;
  }
  const tokens = key.split(' ');
  for (let i = clusters.length - 1; i >= 0; i--) {
    const cluster = clusters[i]!;
    if (cluster.type === 'PERS' && isShortForm(tokens, cluster.tokens)) return cluster;
    if (type === 'PERS' && cluster.type === 'PERS' && isShortForm(cluster.tokens, tokens)) return cluster;
  }
  return null;
}

/**
 * A short form seen before the full name, possibly mistyped («السوداني» tagged LOC, then «محمد شياع السوداني»),
 * joins the person: returns a redirect from each absorbed cluster to its person cluster.
 */
function mergeEarlyShortForms(clusters: readonly Cluster[]): Map<Cluster, Cluster> {
  const redirect = new Map<Cluster, Cluster>();
  const people = clusters.filter((cluster) => cluster.type === 'PERS' && cluster.tokens.length > 1);
  for (const cluster of clusters) {
    if (cluster.isAlias || cluster.tokens.length > 2) continue;
    const person = people.find((candidate) => candidate !== cluster && isShortForm(cluster.tokens, candidate.tokens));
    if (person) redirect.set(cluster, person);
  }
  return redirect;
}

/** A longer full name of a person («محمد شياع السوداني» after «السوداني») becomes the canonical name. */
function maybeUpgrade(cluster: Cluster, key: string, mention: RawMention): void {
  const tokens = key.split(' ');
  if (cluster.isAlias || cluster.type !== 'PERS' || mention.type !== 'PERS' || tokens.length <= cluster.tokens.length)
    return;
  if (!isShortForm(cluster.tokens, tokens)) return;
  cluster.canonical = displayName(mention.text, key);
  cluster.canonicalKey = key;
  cluster.tokens = tokens;
}

/** Name parts that make the next part a forebear's name: «محمد بن سلمان» is Salman's son, not Salman. */
const LINEAGE_PARTICLES = new Set(['بن', 'ابن', 'بنت']);

/**
 * «العباسي» or «ثابت العباسي» is a short form of «ثابت محمد العباسي»: the short tokens appear in order in the
 * full name and the last tokens agree (a first name alone is too ambiguous to link). A short form that starts where
 * the full name names a forebear («سلمان بن عبدالعزيز» in «محمد بن سلمان بن عبدالعزيز», «عبدالعزيز» in «سلمان بن
 * عبدالعزيز») names that forebear, not the person.
 */
export function isShortForm(short: readonly string[], full: readonly string[]): boolean {
  if (short.length === 0 || short.length >= full.length) return false;
  if (!tokensMatch(short[short.length - 1]!, full[full.length - 1]!)) return false;
  let j = 0;
  for (const [i, token] of short.entries()) {
    while (j < full.length && !tokensMatch(token, full[j]!)) j++;
    if (j === full.length) return false;
    if (i === 0 && j > 0 && LINEAGE_PARTICLES.has(full[j - 1]!)) return false;
    j++;
  }
  return true;
}

/**
 * Same name spelled differently, judged part by part: one-word keys by `isSpellingVariant`; longer keys need the
 * same number of parts, each equal or a same-length variant. So «محمد عيسى» and «محمد قرني» never pass for
 * «محمد مرسي» (two edits on the whole key, but a different name part), while «روبرت كارتسن» ~ «روبرت كارستن».
 */
export function isNameVariant(a: string, b: string): boolean {
  if (a === b) return true;
  const left = a.split(' ');
  const right = b.split(' ');
  if (left.length === 1 && right.length === 1) return isSpellingVariant(a, b);
  return left.length === right.length && left.every((token, i) => tokensMatch(token, right[i]!));
}

/** Name tokens match exactly or by a same-length variant («اوتسن»/«اوستن»): «السودان» is not «السوداني». */
function tokensMatch(a: string, b: string): boolean {
  return a === b || (a.length === b.length && isSpellingVariant(a, b));
}

/** Same name spelled differently: at most one Damerau edit (two for long keys), never on short keys. */
export function isSpellingVariant(a: string, b: string): boolean {
  if (a === b) return true;
  const length = Math.min(a.length, b.length);
  if (length < MIN_FUZZY_LENGTH) return false;
  const budget = length >= LONG_KEY_LENGTH ? 2 : 1;
  return Math.abs(a.length - b.length) <= budget && damerau(a, b, budget) <= budget;
}

/** Optimal-string-alignment distance with an early exit once every cell of a row exceeds `budget`. */
function damerau(a: string, b: string, budget: number): number {
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > budget) return budget + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** The mention as written, without a leading conjunction/preposition clitic or title: «والولايات المتحدة» → «الولايات المتحدة». */
function displayName(text: string, key: string): string {
  let display = text.replace(/[“”«»"]/gu, '').trim();
  // Same guard as linkKey: «وكالة» is a word, not و + ك + «الة».
  display = display.replace(/^[وف]?(?:ب|ك)?(?=ال\S{2})/u, '').replace(/^[وف]?لل(?=\S{2})/u, 'ال');
  const words = display.split(/\s+/u);
  const keyWords = key.split(' ').length;
  return words.slice(Math.max(0, words.length - keyWords)).join(' ');
}
