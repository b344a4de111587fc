/**
 * Deterministic generator of varied Arabic news pages for benchmarks: slot templates + a seeded PRNG, plain
 * text and HTML in several outlet layouts, with boilerplate and appended articles. `npx tsx bench/generate-pages.ts <dir> [count]` writes them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hashId } from '../src/core/ids.ts';
import type { RawPage } from '../src/core/page.ts';
import { seededRandom as prng } from '../src/core/seeded-random.ts';

/** What a generated page is known to hold (for sanity checks of the extractor inside benchmarks). */
/** Common words of an ordinary news sentence, for the benches that write filler prose (ingest, watch). */
export const BENCH_WORDS: readonly string[] = [
  'أعلنت',
  'الحكومة',
  'اليوم',
  'عن',
  'خطة',
  'جديدة',
  'لدعم',
  'المزارعين',
  'في',
  'المحافظات',
  'الشمالية',
  'وقال',
  'الوزير',
  'إن',
  'المشروع',
  'سيوفر',
  'نحو',
  '٣٠٠',
  'فرصة',
  'عمل',
  'خلال',
  'العام',
  'المقبل',
  'بتمويل',
  'من',
  'البنك',
  'الدولي',
  'والصندوق',
  'العربي',
];

export interface GeneratedArticle {
  readonly headline: string;
  readonly published: string | null;
  readonly outlet: string | null;
  readonly paragraphs: number;
}
export interface GeneratedPage {
  readonly page: RawPage;
  readonly expected: readonly GeneratedArticle[];
}
export interface GenerateOptions {
  readonly count: number;
  readonly seed?: number;
}

const FETCHED_AT = '2025-01-01T00:00:00.000Z';

const FIRST = [
  'سامي',
  'ليلى',
  'محمود',
  'هدى',
  'يوسف',
  'نور',
  'خالد',
  'ريم',
  'عمر',
  'سلمى',
  'طارق',
  'منى',
  'حسن',
  'دينا',
  'فراس',
  'أمل',
];
const LAST = [
  'الخطيب',
  'المصري',
  'بن علي',
  'الحسيني',
  'العمري',
  'الزين',
  'الشريف',
  'القاسم',
  'الراشد',
  'منصور',
  'الدباغ',
  'السويدي',
];
const ROLES = [
  'وزير الاقتصاد',
  'وزيرة الصحة',
  'محافظ البنك المركزي',
  'رئيس البلدية',
  'المتحدث باسم الحكومة',
  'مدير الهيئة العامة للطرق',
  'رئيس غرفة التجارة',
  'وزير الزراعة',
];
const ORGS = [
  'وزارة المالية',
  'الهيئة العامة للإحصاء',
  'شركة الموانئ الوطنية',
  'البنك الدولي',
  'اتحاد الصناعات',
  'جامعة الشرق',
  'منظمة الصحة العالمية',
  'صندوق التنمية الإقليمي',
];
const PLACES = [
  'عمّان',
  'تونس',
  'الدوحة',
  'بيروت',
  'الرباط',
  'مسقط',
  'القاهرة',
  'الجزائر',
  'بغداد',
  'الكويت',
  'جدة',
  'صفاقس',
];
const TOPICS = [
  'مشروع للطاقة الشمسية',
  'خطة لتطوير النقل العام',
  'برنامج لدعم المشاريع الصغيرة',
  'حملة وطنية للتطعيم',
  'مبادرة لترشيد استهلاك المياه',
  'اتفاقية للتبادل التجاري',
  'مشروع لتوسعة الميناء',
  'خطة لإصلاح التعليم',
];
const MONEY = ['مليون دولار', 'مليار دينار', 'مليون يورو', 'مليون ريال'];
const SAY = ['قال', 'أكد', 'أوضح', 'أشار', 'صرّح'];
const REL = ['أمس', 'يوم الأربعاء', 'الأسبوع الماضي', 'الشهر الماضي', 'مطلع العام الجاري', 'اليوم'];
const MONTHS_EG = [
  'يناير',
  'فبراير',
  'مارس',
  'أبريل',
  'مايو',
  'يونيو',
  'يوليو',
  'أغسطس',
  'سبتمبر',
  'أكتوبر',
  'نوفمبر',
  'ديسمبر',
];
const MONTHS_LEV = [
  'كانون الثاني',
  'شباط',
  'آذار',
  'نيسان',
  'أيار',
  'حزيران',
  'تموز',
  'آب',
  'أيلول',
  'تشرين الأول',
  'تشرين الثاني',
  'كانون الأول',
];
const MONTHS_MAG = [
  'جانفي',
  'فيفري',
  'مارس',
  'أفريل',
  'ماي',
  'جوان',
  'جويلية',
  'أوت',
  'سبتمبر',
  'أكتوبر',
  'نوفمبر',
  'ديسمبر',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];
const OUTLETS = [
  'الأفق الجديد',
  'صوت المدينة',
  'نبأ اليوم',
  'بوابة الشمال',
  'الميدان نيوز',
  'صدى الساحل',
  'وكالة الضفاف',
  'المرصد العربي',
];
const READ_ALSO = ['اقرأ أيضاً:', 'إقرأ ايضاً', 'شاهد أيضاً', 'مواضيع ذات صلة', 'طالع أيضاً:', 'قد يهمك أيضاً'];
const TAG_CUES = ['كلمات دلالية:', 'الوسوم:', 'وسوم:', 'الكلمات المفتاحية:', 'كلمات البحث:'];
const NOISE = [
  'شارك هذا الخبر عبر: فيسبوك | إكس | واتساب',
  'تابعونا على تطبيق الأخبار',
  'اترك تعليقاً',
  'جميع الحقوق محفوظة © 2025',
  'الأكثر قراءة',
  'اشترك في النشرة البريدية',
];
const HEADLINES = [
  '{place}: إطلاق {topic} بكلفة {n} {money}',
  '{role} يعلن {topic} في {place}',
  '{org} تتوقع نمواً بنسبة {small} في المئة',
  'جدل في {place} حول {topic}',
  'تفاصيل {topic} الجديد في {place}',
  '{org}: تراجع البطالة إلى {small} في المئة',
];
const SENTENCES = [
  'أعلن {role} {person} {rel} عن {topic} في {place} بكلفة تصل إلى {n} {money}.',
  'و{say} {person} في مؤتمر صحفي إن "المرحلة المقبلة تتطلب تعاوناً أوسع بين القطاعين العام والخاص".',
  'وبحسب بيان صادر عن {org}، فإن المشروع سيوفر نحو {n} فرصة عمل خلال السنوات الثلاث المقبلة.',
  'وأشارت تقديرات {org} إلى أن معدل النمو قد يبلغ {small} في المئة بنهاية العام.',
  'ويأتي ذلك بعد أن شهدت {place} {rel} ارتفاعاً ملحوظاً في الطلب على الخدمات الأساسية.',
  'وانتقد عدد من النواب تأخر تنفيذ {topic}، مطالبين بنشر تفاصيل العقود كاملة.',
  'من جهته، {say} {person} أن الحكومة "لن تتراجع عن الإصلاحات مهما كانت الصعوبات".',
  'وتعود فكرة المشروع إلى عام {year}، حين طرحت {org} دراسة أولية حول جدواه الاقتصادية.',
  'ونقلت وكالة الأنباء الرسمية عن مصدر مطلع أن المفاوضات مع الممولين ستُستأنف {rel}.',
  'ويتوقع خبراء أن ينعكس ذلك على الأسعار في الأسواق المحلية خلال الأشهر المقبلة.',
  'وسجلت {place} خلال العام الماضي أكثر من {n} حالة، بزيادة {small} في المئة عن العام الذي سبقه.',
  'وكان {role} قد زار {place} {rel} والتقى ممثلين عن المجتمع المدني والقطاع الخاص.',
];

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const int = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const toIndic = (text: string): string => text.replace(/[0-9]/gu, (d) => String.fromCharCode(0x0660 + Number(d)));

function fill(random: Random, template: string): string {
  return template.replace(/\{(\w+)\}/gu, (_, slot: string) => {
    switch (slot) {
      case 'person':
        return `${pick(random, FIRST)} ${pick(random, LAST)}`;
      case 'role':
        return pick(random, ROLES);
      case 'org':
        return pick(random, ORGS);
      case 'place':
        return pick(random, PLACES);
      case 'topic':
        return pick(random, TOPICS);
      case 'money':
        return pick(random, MONEY);
      case 'say':
        return pick(random, SAY);
      case 'rel':
        return pick(random, REL);
      case 'n':
        return String(int(random, 12, 9000));
      case 'small':
        return String(int(random, 2, 40));
      case 'year':
        return String(int(random, 2005, 2023));
      default:
        return slot;
    }
  });
}

interface Draft {
  headline: string;
  paragraphs: string[];
  date: { y: number; m: number; d: number } | null;
  outlet: string | null;
}

function draftArticle(random: Random, minParagraphs: number, maxParagraphs: number): Omit<Draft, 'date' | 'outlet'> {
  const paragraphs: string[] = [];
  for (let p = int(random, minParagraphs, maxParagraphs); p > 0; p--) {
    paragraphs.push(Array.from({ length: int(random, 1, 3) }, () => fill(random, pick(random, SENTENCES))).join(' '));
  }
  return { headline: fill(random, pick(random, HEADLINES)), paragraphs };
}

const iso = (date: Draft['date']): string | null =>
  date ? `${date.y}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}` : null;
const weekday = (date: NonNullable<Draft['date']>): string =>
  WEEKDAYS[new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay()]!;
const ordinal = (d: number): string =>
  `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;

/** A text page in one of four outlet layouts (Gulf, Levantine, Maghrebi, wire), with boilerplate. */
function textPage(random: Random, main: Draft, appended: Draft | null): string {
  const { y, m, d } = main.date!;
  const layout = int(random, 0, 3);
  const lines: string[] = [main.headline];
  const body = [...main.paragraphs];
  if (layout === 0) lines.push(`تاريخ النشر: ${ordinal(d)}, ${MONTHS_EN[m - 1]} ${y} GMT`, `${main.outlet}:`);
  if (layout === 1) {
    lines.push(main.headline, `${main.outlet} - ${pick(random, PLACES)}`);
    body[0] = `${body[0]!.slice(0, -1)}، ${weekday(main.date!)} (${d} ${MONTHS_LEV[m - 1]} ${y}).`;
  }
  if (layout === 2) lines.push(`${weekday(main.date!)} ${String(d).padStart(2, '0')} ${MONTHS_MAG[m - 1]} ${y}`);
  if (layout === 3) lines.push(`${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`, main.outlet!);
  lines.push(...body);
  if (layout !== 3) lines.push(`المصدر: ${main.outlet}`);
  lines.push(`${pick(random, TAG_CUES)} ${pick(random, TOPICS)} ${pick(random, PLACES)}`, pick(random, NOISE));
  if (appended) lines.push(pick(random, READ_ALSO), appended.headline, ...appended.paragraphs);
  else
    lines.push(pick(random, READ_ALSO), fill(random, pick(random, HEADLINES)), fill(random, pick(random, HEADLINES)));
  return lines.join(layout === 1 ? '\n\n' : '\n') + '\n';
}

const escapeHtml = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** An HTML page: JSON-LD + og meta, or og meta with a visible Arabic-Indic date; nav, share, related links. */
function htmlPage(random: Random, main: Draft, appended: Draft | null): string {
  const date = iso(main.date)!;
  const withJsonLd = random() < 0.5;
  const head = [
    `<meta charset="utf-8"><title>${escapeHtml(main.headline)} | ${main.outlet}</title>`,
    `<meta property="og:title" content="${escapeHtml(main.headline)}"><meta property="og:site_name" content="${main.outlet}">`,
  ];
  if (withJsonLd)
    head.push(
      `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: main.headline, datePublished: `${date}T08:00:00Z`, publisher: { '@type': 'Organization', name: main.outlet } })}</script>`,
    );
  const { d, m, y } = main.date!;
  const dateLine = withJsonLd
    ? `<time datetime="${date}">${d} ${MONTHS_EG[m - 1]} ${y}</time>`
    : `<span class="date">${toIndic(`${d} ${MONTHS_EG[m - 1]} ${y}`)}</span>`;
  const paragraphs = main.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
  paragraphs.splice(
    Math.min(2, paragraphs.length),
    0,
    `<ul class="related"><li><a href="/a">${escapeHtml(fill(random, pick(random, HEADLINES)))}</a></li></ul>`,
  );
  const more = appended
    ? `<section class="more"><h3>${pick(random, READ_ALSO)}</h3><article><h2>${escapeHtml(appended.headline)}</h2>${appended.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</article></section>`
    : '';
  return (
    `<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head>${head.join('\n')}</head><body>\n` +
    `<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/eco">اقتصاد</a></li><li><a href="/sport">رياضة</a></li></ul></nav>\n` +
    `<main><article><h1>${escapeHtml(main.headline)}</h1>${dateLine}\n${paragraphs.join('\n')}\n` +
    `<div class="share">${pick(random, NOISE)}</div></article>${more}</main>\n<footer>© ${y} ${main.outlet}</footer></body></html>\n`
  );
}

/** One page: its text and what it holds. */
function generateOne(random: Random, index: number): GeneratedPage {
  const date = { y: int(random, 2015, 2025), m: int(random, 1, 12), d: int(random, 1, 28) };
  const main: Draft = { ...draftArticle(random, 3, 9), date, outlet: pick(random, OUTLETS) };
  const appended: Draft | null = random() < 0.35 ? { ...draftArticle(random, 2, 4), date: null, outlet: null } : null;
  const isHtml = random() < 0.4;
  const body = isHtml ? htmlPage(random, main, appended) : textPage(random, main, appended);
  const toExpected = (draft: Draft): GeneratedArticle => ({
    headline: draft.headline,
    published: iso(draft.date),
    outlet: draft.outlet,
    paragraphs: draft.paragraphs.length,
  });
  const page: RawPage = {
    id: hashId(['page', body]),
    url: `bench://generated/${index}.${isHtml ? 'html' : 'txt'}`,
    fetchedAt: FETCHED_AT,
    contentType: isHtml ? 'text/html' : 'text/plain',
    body,
    encoding: 'utf-8',
  };
  return { page, expected: appended ? [toExpected(main), toExpected(appended)] : [toExpected(main)] };
}

/** `count` pages; the same seed always gives the same pages. */
export function generatePages(options: GenerateOptions): GeneratedPage[] {
  const random = prng(options.seed ?? 20250101);
  return Array.from({ length: options.count }, (_, index) => generateOne(random, index));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, count] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: npx tsx bench/generate-pages.ts <out-dir> [count=2000]');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  for (const { page } of generatePages({ count: Number(count ?? 2000) }))
    writeFileSync(join(dir, page.url.slice('bench://generated/'.length)), page.body);
  console.log(`wrote ${count ?? 2000} pages to ${dir}`);
}
