/**
 * Picks an article's publication date and outlet from its meta lines, first paragraph and tail,
 * in a fixed order of evidence (documented in docs/extract.md). No evidence → null, never a guess.
 */
import type { PublishedDate } from '../core/article.ts';
import { findAbsoluteDates, type AbsoluteDate } from '../text/absolute-date.ts';
import { normalizeText } from '../text/normalize.ts';
import { GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS } from '../text/lexicons/months.ts';
import { BOILERPLATE_CUES, READ_ALSO_CUES } from './lexicons/cues.ts';
import { isAgency, isOutletName, isPlace } from './line-meta.ts';
import { knownOutletNames } from './lexicons/news-domains.ts';
import { GIVEN_NAMES, PERSON_TITLES } from '../text/lexicons/given-names.ts';
import { stopWords } from '../text/stop-words.ts';
import type { LineClass } from './classify-line.ts';
import type { NamedSpan } from './line-meta.ts';
import type { Line } from './lines.ts';
import type { LineAssignment } from './segment.ts';

/** Metadata from HTML `<head>`/JSON-LD, applied to the page's main article only. */
export interface SiteMeta {
  readonly published: PublishedDate | null;
  /** The site's own name: og:site_name, JSON-LD publisher, application-name, or the registry name of its address. */
  readonly siteName: string | null;
  /** The bare host of the page's address («example-news.com»), when it has one: the weakest outlet evidence. */
  readonly siteHost?: string | null;
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
 * Outlet: the site's own name (og:site_name, JSON-LD publisher, application-name, or the registry name of its address) →
 * «المصدر:» line → source glued into furniture → outlet/«X:» byline line → name beside the date → «X/ » or «(X) -»
 * prefix → «X - City» dateline → bare name line (under the headline, or a signature under the body) → copyright notice →
 * the bare host of the page's address. A page that names its site credits a different «المصدر:» name as a cited source.
 * The prefix, dateline and bare-name evidence must read as an outlet's name (a media word, or a registry name):
 * on real pages those places mostly hold reporters' names («القاهرة - رحاب فوزي»), captions and section heads.
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
  const headline = headlineText(article);
  const outletLike = (name: NamedSpan | null): NamedSpan | null =>
    outletInDateline(name) ??
    (name && isPlausibleOutlet(name.text, false) && readsAsOutletName(name.text, headline) ? name : null);
  // An outlet line («الجديد برس:», «وكالة الرافد للأنباء») may name a wire agency; a «X:» subheading or a dateline may not.
  const bylineOutlet = (name: NamedSpan | null): NamedSpan | null =>
    outletInDateline(name) ??
    (name && isPlausibleOutlet(name.text, true) && (isAgency(name.text) || readsAsOutletName(name.text, headline))
      ? name
      : null);
  return (
    (site?.siteName ? { text: site.siteName } : null) ??
    named(byKind((r, c) => r.role === 'meta' && c.type === 'source')) ??
    plausible(byKind((r, c) => r.role === 'boilerplate' && c.type === 'boilerplate')) ??
    bylineOutlet(byKind((r, c) => r.role === 'meta' && c.type === 'byline')) ??
    plausible(byKind((r, c) => r.role === 'meta' && c.type === 'date')) ??
    outletLike(bylinePrefix(article)) ??
    outletLike(byKind((r, c) => r.role === 'meta' && c.type === 'dateline')) ??
    outletLike(bareName(article)) ??
    plausible(pageOwner) ??
    (site?.siteHost ? { text: site.siteHost } : null)
  );
}

/** Widget and caption calls to action open with one of these verbs («شاهد التقرير», «لقراءة تفاصيل الخبر»). Normalised. */
const CALL_TO_ACTION_WORDS: ReadonlySet<string> = new Set(
  [
    'شاهد',
    'شاهدوا',
    'لمشاهدة',
    'مشاهدة',
    'اضغط',
    'إضغط',
    'انقر',
    'لقراءة',
    'اقرأ',
    'تابع',
    'تابعوا',
    'شارك',
    'حمل',
    'اشترك',
    'للمزيد',
    'لمزيد',
    'اطلع',
    'للاطلاع',
    'استمع',
    'لمتابعة',
    'ادخل',
    'زوروا',
    'اكتب',
    'أرسل',
  ].map((w) => normalizeText(w)),
);
/** Words of captions and related-link boxes («… - أرشيفية», «موضوع ذات صلة»), and heads of institutions' names. Normalised. */
const NOT_OUTLET_WORDS: ReadonlySet<string> = new Set(
  [
    'أرشيفية',
    'أرشيف',
    'صورة',
    'صور',
    'فيديو',
    'تصوير',
    'صلة',
    'المتعلقة',
    'ذات',
    'حزب',
    'مجلس',
    'وزارة',
    'جامعة',
    'مكتبة',
    'محكمة',
    'نادي',
    'مستشفى',
    'شركة',
    'بنك',
    'جمعية',
    'هيئة',
    'مديرية',
    'محافظة',
    'مدينة',
    'ميدان',
  ].map((w) => normalizeText(w)),
);
const PROSE_WORDS = stopWords('prose');
const PERSON_OPENERS: ReadonlySet<string> = new Set([...GIVEN_NAMES, ...PERSON_TITLES].map((w) => normalizeText(w)));

/**
 * Weak outlet evidence (a «X - » prefix, a dateline side, a bare name line) is an outlet's name when it reads as
 * one: a media word («وكالة …», «… نيوز») or a registry name always does; otherwise it must not be a person
 * (a given name or a title first: reporters sign there), a call to action («شاهد التقرير»), a dateline
 * («القاهرة - أ ش أ») or a kicker repeating the headline's opening words («مسيرة نسائية»).
 */
function readsAsOutletName(text: string, headline: string | null): boolean {
  if (isOutletName(text) || isKnownOutlet(text)) return true;
  const words = nameKey(text).split(' ');
  const opensAsPerson = words
    .slice(0, 2)
    .some((word) => PERSON_OPENERS.has(word) || PERSON_OPENERS.has(word.replace(/^(?:ال)?(?=عبد)/u, '')));
  if (opensAsPerson || CALL_TO_ACTION_WORDS.has(words[0]!)) return false;
  // One unknown word («الطريقة», «وذكرت»), prose («يُذكر أن»), a pair of names («مرسي ونجاد»), a caption or an institution.
  const isParticle = (w: string): boolean => PROSE_WORDS.has(w) && w.length <= 3;
  if (words.length < 2 || words.some((w) => isParticle(w) || NOT_OUTLET_WORDS.has(w) || /^و/u.test(w))) return false;
  if (/[،,]\s*$/u.test(text) || [...text.matchAll(/\(([^()]+)\)/gu)].some((m) => isAgency(m[1]!))) return false;
  if (datelineParts(text).some((part) => isPlace(part) || isAgency(part))) return false;
  return !(headline !== null && ` ${nameKey(headline)} `.includes(` ${words.join(' ')} `));
}

/** «القاهرة - أ ش أ» → [«القاهرة», «أ ش أ»]: the sides of a dash or slash, brackets dropped. */
function datelineParts(text: string): string[] {
  return text
    .split(/\s[-–—ـ]+\s?|\s?[-–—ـ]+\s|\//u)
    .map((part) => part.replace(/[()[\]«»"]/gu, '').trim())
    .filter(Boolean);
}

/** «القاهرة - (مصراوي)»: a place beside a registry outlet name names that outlet; anything else in a dateline does not. */
function outletInDateline(name: NamedSpan | null): NamedSpan | null {
  if (!name) return null;
  const parts = datelineParts(name.text);
  if (parts.length !== 2 || !parts.some((part) => isPlace(part))) return null;
  const outlet = parts.find((part) => !isPlace(part) && isKnownOutlet(part));
  if (!outlet) return null;
  const at = name.text.indexOf(outlet);
  return { text: outlet, start: name.start + at, end: name.start + at + outlet.length };
}

function isKnownOutlet(text: string): boolean {
  const key = nameKey(text);
  for (const known of knownOutletNames()) if (nameKey(known) === key) return true;
  return false;
}

function nameKey(text: string): string {
  return normalizeText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
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
 * («الجمعة 8 فيفري»), not a wire agency («--(بترا)», cited, never the outlet), not a section («أخبار مصر»), not a
 * contact (an e-mail address or a social handle: a writer's signature under a column) and not a link.
 */
export function isPlausibleOutlet(text: string, mayBeAgency: boolean): boolean {
  if (CONTACT_RE.test(text)) return false;
  const key = normalizeText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (!key || /\p{N}/u.test(key) || NOT_NAMES.has(key) || (!mayBeAgency && isAgency(key))) return false;
  const words = key.split(' ');
  if (words.some((w) => WEEKDAYS.has(w) || GREGORIAN_MONTHS.has(w) || HIJRI_MONTHS.has(w))) return false;
  const tail = words.slice(1).join(' ');
  return !(words.length >= 2 && NEWS_WORD_RE.test(words[0]!) && (isPlace(tail) || SECTION_TAILS.has(tail)));
}

/** An e-mail address, a «@handle» or a link with its scheme. */
const CONTACT_RE = /@|[a-z][a-z0-9+.-]*:\/\//iu;

function headlineText(article: ArticleLines): string | null {
  const i = article.indices.find((j) => article.roles[j]!.role === 'headline');
  return i === undefined ? null : article.lines[i]!.text;
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
