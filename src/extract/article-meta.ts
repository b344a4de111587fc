/**
 * Picks an article's publication date and outlet from its meta lines, first paragraph and tail,
 * in a fixed order of evidence (documented in docs/extract.md). No evidence → null, never a guess.
 */
import type { PublishedDate } from '../core/article.ts';
import { findAbsoluteDates, type AbsoluteDate } from '../text/absolute-date.ts';
import { normalizeText } from '../text/normalize.ts';
import { GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS } from '../text/lexicons/months.ts';
import { BOILERPLATE_CUES, READ_ALSO_CUES } from './lexicons/cues.ts';
import { isAgency, isPlace } from './line-meta.ts';
import type { LineClass } from './classify-line.ts';
import type { NamedSpan } from './line-meta.ts';
import type { Line } from './lines.ts';
import type { LineAssignment } from './segment.ts';

/** Metadata from HTML `<head>`/JSON-LD, applied to the page's main article only. */
export interface SiteMeta {
  readonly published: PublishedDate | null;
  readonly siteName: string | null;
  readonly headline: string | null;
}

export interface ArticleLines {
  readonly lines: readonly Line[];
  readonly classes: readonly LineClass[];
  readonly roles: readonly LineAssignment[];
  /** Indices of this article's lines, in page order. */
  readonly indices: readonly number[];
  readonly pageText: string;
}

/** A lede date must sit this close to the start of the first paragraph («حدد مصدر…، اليوم الثلاثاء (17 …)»). */
const LEDE_DATE_WINDOW_CHARS = 160;
/** …and this close after «اليوم»/a weekday name. */
const LEDE_CUE_WINDOW_CHARS = 24;
const PRECISION_RANK = { year: 0, month: 1, day: 2 } as const;

/** Publication date: header date line (publication cue before update cue) → site metadata → lede date → tail date line. */
export function pickPublished(article: ArticleLines, site: SiteMeta | null): PublishedDate | null {
  const firstBody = article.indices.find((i) => article.roles[i]!.role === 'body');
  const dated = article.indices.filter((i) => article.roles[i]!.role === 'meta' && article.classes[i]!.date);
  const header = dated.filter((i) => firstBody === undefined || i < firstBody).map((i) => article.classes[i]!.date!);
  const tail = dated.filter((i) => firstBody !== undefined && i > firstBody).map((i) => article.classes[i]!.date!);
  const visible = [...header].sort((a, b) => Number(a.isUpdate) - Number(b.isUpdate))[0];
  const fromSite = site?.published ?? null;
  if (visible && (!fromSite || PRECISION_RANK[visible.precision] >= PRECISION_RANK[fromSite.precision]))
    return fromBody(visible);
  if (fromSite) return fromSite;
  const lede = firstBody === undefined ? null : ledeDate(article, firstBody);
  if (lede) return fromBody(lede);
  const late = tail.sort((a, b) => Number(a.isUpdate) - Number(b.isUpdate))[0];
  return late ? fromBody(late) : null;
}

function fromBody(date: AbsoluteDate): PublishedDate {
  return {
    date: date.value,
    precision: date.precision,
    text: date.text,
    span: { start: date.start, end: date.end },
    from: 'body',
  };
}

const WEEKDAY_CUE_RE = new RegExp(`(?:اليوم|${[...WEEKDAYS.keys()].join('|')})[^\\p{L}\\p{N}]*$`, 'u');

/** «… اليوم الأحد (8 أيلول 2024)، …» in the first paragraph: a day-precision date right after «today»/a weekday. */
function ledeDate(article: ArticleLines, firstBody: number): AbsoluteDate | null {
  const line = article.lines[firstBody]!;
  const start = article.roles[firstBody]!.bodyStart ?? line.start;
  const text = article.pageText.slice(start, Math.min(line.end, start + LEDE_DATE_WINDOW_CHARS + 40));
  for (const date of findAbsoluteDates(text)) {
    if (date.start > LEDE_DATE_WINDOW_CHARS || date.precision !== 'day') continue;
    const before = normalizeText(text.slice(Math.max(0, date.start - LEDE_CUE_WINDOW_CHARS), date.start));
    if (WEEKDAY_CUE_RE.test(before)) return { ...date, start: start + date.start, end: start + date.end };
  }
  return null;
}

/**
 * Outlet: «المصدر:» line → source glued into furniture → outlet/«X:» byline line → name beside the date →
 * «X/ » or «(X) -» prefix → «X - City» dateline → bare name line (under the headline, or a signature under the body) → copyright notice → site name.
 */
export function pickOutlet(
  article: ArticleLines,
  site: SiteMeta | null,
  pageOwner: NamedSpan | null,
): NamedSpan | { text: string } | null {
  const byKind = (test: (role: LineAssignment, cls: LineClass) => boolean): NamedSpan | null => {
    for (const i of article.indices) {
      const cls = article.classes[i]!;
      if (cls.outlet && test(article.roles[i]!, cls)) return cls.outlet;
    }
    return null;
  };
  // A source line may name a wire agency as the outlet («المصدر: وام»); weaker evidence never does.
  const named = (name: NamedSpan | null): NamedSpan | null =>
    name && isPlausibleOutlet(name.text, true) ? name : null;
  const plausible = (name: NamedSpan | null): NamedSpan | null =>
    name && isPlausibleOutlet(name.text, false) ? name : null;
  return (
    named(byKind((r, c) => r.role === 'meta' && c.type === 'source')) ??
    plausible(byKind((r, c) => r.role === 'boilerplate' && c.type === 'boilerplate')) ??
    named(byKind((r, c) => r.role === 'meta' && c.type === 'byline')) ??
    plausible(byKind((r, c) => r.role === 'meta' && c.type === 'date')) ??
    plausible(bylinePrefix(article)) ??
    plausible(byKind((r, c) => r.role === 'meta' && c.type === 'dateline')) ??
    plausible(bareName(article)) ??
    plausible(pageOwner) ??
    (site?.siteName ? { text: site.siteName } : null)
  );
}

const NOT_NAMES: ReadonlySet<string> = new Set([...READ_ALSO_CUES, ...BOILERPLATE_CUES.flatMap((group) => group.cues)]);
const NEWS_WORD_RE = /^(?:ال)?اخبار$/u;
/** «أخبار X» is a site section when X is a country or a section word («أخبار مصر», «أخبار محلية»). Normalised. */
const SECTION_TAILS: ReadonlySet<string> = new Set([
  'مصر',
  'السعودية',
  'العراق',
  'سوريا',
  'سورية',
  'لبنان',
  'الاردن',
  'فلسطين',
  'اليمن',
  'ليبيا',
  'تونس',
  'الجزائر',
  'المغرب',
  'السودان',
  'الكويت',
  'قطر',
  'البحرين',
  'الامارات',
  'سلطنة عمان',
  'موريتانيا',
  'العالم',
  'محلية',
  'عربية',
  'دولية',
  'عالمية',
  'الرياضة',
  'رياضية',
  'الاقتصاد',
  'اقتصادية',
  'سياسية',
  'المحافظات',
  'الفن',
  'فنية',
  'منوعة',
  'عاجلة',
  'متنوعة',
  'الوطن العربي',
]);

/**
 * A name read from the page text can be an outlet: not site furniture («اتصل بنا», «المزيد»), not a date
 * («الجمعة 8 فيفري»), not a wire agency («--(بترا)», cited, never the outlet), not a section («أخبار مصر»).
 */
export function isPlausibleOutlet(text: string, mayBeAgency: boolean): boolean {
  const key = normalizeText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (!key || /\p{N}/u.test(key) || NOT_NAMES.has(key) || (!mayBeAgency && isAgency(key))) return false;
  const words = key.split(' ');
  if (words.some((w) => WEEKDAYS.has(w) || GREGORIAN_MONTHS.has(w) || HIJRI_MONTHS.has(w))) return false;
  const tail = words.slice(1).join(' ');
  return !(words.length >= 2 && NEWS_WORD_RE.test(words[0]!) && (isPlace(tail) || SECTION_TAILS.has(tail)));
}

function bylinePrefix(article: ArticleLines): NamedSpan | null {
  const i = article.indices.find((j) => article.roles[j]!.usesBylinePrefix);
  return i === undefined ? null : (article.classes[i]!.bylinePrefix?.outlet ?? null);
}

/** The owner named in the page's copyright notice, if any (evidence for the main article only). */
export function findPageOwner(classes: readonly LineClass[]): NamedSpan | null {
  for (const cls of classes) if (cls.copyrightOutlet) return cls.copyrightOutlet;
  return null;
}

function bareName(article: ArticleLines): NamedSpan | null {
  const i = article.indices.find((j) => article.roles[j]!.isBareName);
  if (i === undefined) return null;
  const line = article.lines[i]!;
  return { text: line.text, start: line.start, end: line.end };
}
