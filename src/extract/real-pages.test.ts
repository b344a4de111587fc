/**
 * Pages shaped like real Arabic news CMSs (WordPress, Drupal, a custom portal, a section page), written for these
 * tests: the main content is found among menus, sidebars, related lists and comments; metadata comes from the page's
 * own statements; empty results always carry a diagnostic.
 */
import { describe, expect, it } from 'vitest';
import type { RawPage } from '../core/page.ts';
import { isValidSpan } from '../core/span.ts';
import { extractPage } from './index.ts';

const html = (body: string, url = 'https://example.org/news/1'): RawPage => ({
  id: 'p',
  url,
  fetchedAt: '2024-01-01T00:00:00Z',
  contentType: 'text/html',
  body,
});

const P1 =
  'أعلنت وزارة الزراعة، اليوم الأحد، عن إطلاق برنامج وطني لدعم صغار المزارعين في المحافظات الجنوبية، يشمل قروضاً ميسرة وبذوراً محسنة وتدريباً على أساليب الري الحديثة.';
const P2 =
  'وقال وزير الزراعة في مؤتمر صحفي إن البرنامج يستهدف أكثر من عشرين ألف مزارع خلال العامين المقبلين، وإن تمويله يأتي من موازنة الدولة ومن منحة دولية.';
const P3 =
  'وأضاف أن الوزارة ستفتح باب التسجيل الشهر المقبل عبر مكاتبها في المحافظات، وأن الأولوية ستكون للأسر التي تعتمد على الزراعة مصدراً وحيداً للدخل.';
const P4 =
  'ويأتي البرنامج بعد موسمين من الجفاف أضرّا بمحاصيل القمح والشعير، ودفعا آلاف الأسر إلى ترك أراضيها والانتقال إلى المدن بحثاً عن عمل.';

/** WordPress: entry-content inside an article with taxonomy classes, a sidebar, related posts and comments. */
const WORDPRESS = `<!doctype html><html lang="ar" dir="rtl"><head>
<title>الزراعة تطلق برنامجاً لدعم صغار المزارعين - صوت الريف</title>
<meta property="og:site_name" content="صوت الريف">
<meta property="og:title" content="الزراعة تطلق برنامجاً لدعم صغار المزارعين - صوت الريف">
<meta property="article:published_time" content="2024-03-10T08:15:00+02:00">
<link rel="canonical" href="https://sawt-alreef.example/2024/03/10/farmers/">
</head><body class="post-template-default single">
<header id="masthead"><ul id="menu-main"><li><a href="/">الرئيسية</a></li><li><a href="/c/local">محليات</a></li><li><a href="/c/eco">اقتصاد</a></li><li><a href="/contact">اتصل بنا</a></li></ul></header>
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-812" class="post-812 post type-post status-publish tag-agriculture category-local hentry">
<header class="entry-header"><h1 class="entry-title">الزراعة تطلق برنامجاً لدعم صغار المزارعين</h1>
<div class="entry-meta"><time class="entry-date published" datetime="2024-03-10T08:15:00+02:00">10 مارس 2024</time></div></header>
<div class="entry-content">
<p>${P1}</p>
<figure><img src="a.jpg"><figcaption>مزارع في حقل قمح جنوب البلاد (أرشيف)</figcaption></figure>
<p>${P2}</p>
<p><strong>اقرأ أيضاً: <a href="/2024/03/01/rain">الأمطار تعيد الأمل لمزارعي السهل</a></strong></p>
<p>${P3}</p>
<p>${P4}</p>
</div>
<footer class="entry-footer"><span class="tags-links">وسوم: <a href="/t/1">الزراعة</a> <a href="/t/2">الجفاف</a></span></footer>
</article>
<div class="related-posts"><h3>أخبار ذات صلة</h3><ul><li><a href="/r1">ارتفاع أسعار الأعلاف في الأسواق المحلية</a></li><li><a href="/r2">تعاونيات زراعية جديدة في الشمال</a></li></ul></div>
<div id="comments" class="comments-area"><h2>تعليقات</h2><div class="comment-body"><p>أحمد: خطوة ممتازة ونتمنى أن تصل إلى القرى البعيدة فعلاً وليس على الورق فقط كما حدث في البرامج السابقة التي سمعنا عنها كثيراً.</p></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2>الأكثر قراءة</h2><ul><li><a href="/m1">الحكومة تقر موازنة العام الجديد</a></li><li><a href="/m2">منتخب الشباب يتأهل إلى النهائي</a></li></ul></section></aside>
<footer id="colophon"><p>© 2024 صوت الريف. جميع الحقوق محفوظة.</p><p><a href="/about">من نحن</a> | <a href="/contact">اتصل بنا</a></p></footer>
</body></html>`;

/** Drupal: field-name-body, JSON-LD NewsArticle with publisher, a block of «المزيد» links. */
const DRUPAL = `<html><head><title>عنوان | بوابة النهر</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsOrganization","@id":"https://nahr.example/#org","name":"بوابة النهر"},
{"@type":"NewsArticle","headline":"برنامج وطني لدعم صغار المزارعين","datePublished":"2024-03-10","publisher":{"@id":"https://nahr.example/#org"}}]}</script>
</head><body>
<div id="page"><div class="region region-header"><div class="block block-menu"><ul class="menu"><li><a href="/">الرئيسية</a></li><li><a href="/ar/news">أخبار</a></li></ul></div></div>
<div class="region region-content"><div class="node node-article">
<h1 class="page-title">برنامج وطني لدعم صغار المزارعين</h1>
<div class="field field-name-body"><div class="field-items"><div class="field-item even">
<p>${P1}</p><p>${P2}</p><p>${P3}</p>
</div></div></div>
<div class="block-views-more"><h2>المزيد</h2><div class="view-content"><div><a href="/n/1">افتتاح معرض الكتاب في دورته الجديدة</a></div><div><a href="/n/2">انخفاض درجات الحرارة نهاية الأسبوع</a></div></div></div>
</div></div>
<div class="region region-footer"><p>جميع الحقوق محفوظة لبوابة النهر 2024</p></div></div>
</body></html>`;

/** A custom portal: the article in div.news-details with <br> paragraphs, a dateline, no site name but a known host. */
const CUSTOM = `<html><head><title>برنامج لدعم صغار المزارعين</title></head><body>
<div class="top-bar"><a href="/">الرئيسية</a> <a href="/sport">رياضة</a> <a href="/economy">اقتصاد</a></div>
<div class="container"><div class="right-col"><div class="news-details">
<h1>برنامج لدعم صغار المزارعين</h1>
<div class="date">الأحد 10 مارس 2024</div>
<div class="news-text">القاهرة - أ ش أ<br>${P1}<br><br>${P2}<br><br>${P3}</div>
<div class="share-box"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
</div></div>
<div class="left-col"><div class="box most-read"><h3>الأكثر قراءة</h3><a href="/x1">خبر أول في القائمة الجانبية للموقع</a><a href="/x2">خبر ثان في القائمة الجانبية للموقع</a></div></div></div>
<div class="footer">© REUTERS / SHOKRY HUSSIEN</div>
</body></html>`;

/** A section page: teasers (a linked heading and a one-sentence summary), again and again. */
const SECTION = `<html><head><title>محليات - صوت الريف</title><meta property="og:site_name" content="صوت الريف"></head><body>
<nav><a href="/">الرئيسية</a> <a href="/c/local">محليات</a></nav>
<div class="category-list">${[
  'افتتاح مستشفى جديد في مدينة الساحل',
  'الأمطار تعيد الأمل لمزارعي السهل الشرقي',
  'بلدية العاصمة تعلن خطة لتوسعة الطرق',
  'جامعة الجنوب تستقبل طلابها الجدد غداً',
  'إطلاق حملة تطعيم في المدارس الابتدائية',
  'تأجيل مهرجان التراث إلى الشهر المقبل',
]
  .map(
    (t, i) =>
      `<div class="item"><h3><a href="/n/${i}">${t}</a></h3><p>${P1.slice(0, 90)} وأكد المسؤولون أن العمل سيبدأ قريباً.</p></div>`,
  )
  .join('\n')}</div>
</body></html>`;

describe('real-page shapes', () => {
  it('finds a WordPress article among menu, sidebar, related posts and comments; metadata from the page itself', () => {
    const extraction = extractPage(html(WORDPRESS));
    const [article] = extraction.articles;
    expect(article).toBeDefined();
    expect(article!.body.split('\n')).toEqual([P1, P2, P3, P4]);
    expect(article!.headline).toBe('الزراعة تطلق برنامجاً لدعم صغار المزارعين');
    expect(article!.outlet).toBe('صوت الريف');
    expect(article!.published).toMatchObject({ date: '2024-03-10', precision: 'day' });
    const reasons = new Set(extraction.spans.filter((s) => s.kind === 'boilerplate').map((s) => s.reason));
    for (const reason of ['related-links', 'comments', 'caption'])
      expect([...reasons, ...extraction.spans.map((s) => s.kind)]).toContain(reason);
    for (const span of extraction.spans) expect(isValidSpan(span, extraction.pageText.length)).toBe(true);
  });

  it('reads a Drupal body field, the JSON-LD headline and publisher through @id', () => {
    const [article] = extractPage(html(DRUPAL)).articles;
    expect(article!.body.split('\n')).toEqual([P1, P2, P3]);
    expect(article!.headline).toBe('برنامج وطني لدعم صغار المزارعين');
    expect(article!.outlet).toBe('بوابة النهر');
    expect(article!.published).toMatchObject({ date: '2024-03-10', precision: 'day' });
  });

  it('on a custom portal, names the outlet from the host, never from a dateline, a share box or a copyright credit', () => {
    const [article] = extractPage(html(CUSTOM, 'https://www.youm7.com/story/2024/3/10/farmers/123')).articles;
    expect(article!.body).toContain(P1);
    expect(article!.body).toContain(P3);
    expect(article!.body).not.toContain('فيسبوك');
    expect(article!.body).not.toContain('الأكثر قراءة');
    expect(article!.outlet).toBe('اليوم السابع');
    expect(article!.published).toMatchObject({ date: '2024-03-10', precision: 'day' });
  });

  it('gives no article and says why on a section page of teasers', () => {
    const extraction = extractPage(html(SECTION));
    expect(extraction.articles).toEqual([]);
    expect(extraction.diagnostics?.map((d) => d.code)).toEqual(['extract/not-an-article']);
  });

  it('explains empty pages: no text, too short, no prose', () => {
    const code = (body: string, type: RawPage['contentType'] = 'text/plain'): string | undefined =>
      extractPage({ ...html(body), contentType: type }).diagnostics?.[0]?.code;
    expect(code('<html><body><div> </div></body></html>', 'text/html')).toBe('extract/no-main-content');
    expect(code('الرئيسية\nأخبار\nرياضة')).toBe('extract/too-short');
    expect(code(Array.from({ length: 12 }, (_, i) => `قسم ${i} من أقسام الموقع الرئيسية`).join('\n'))).toBe(
      'extract/no-main-content',
    );
  });
});

describe('isPlausibleOutlet', () => {
  it('rejects furniture, dates, sections and cited agencies, keeps outlet names', async () => {
    const { isPlausibleOutlet } = await import('./article-meta.ts');
    for (const bad of ['اتصل بنا', '--(بترا)', 'المزيد', 'الجمعة 8 فيفري', 'أخبار مصر', 'رويترز'])
      expect(isPlausibleOutlet(bad, false)).toBe(false);
    for (const good of ['صوت الريف', 'بوابة النهر', 'أخبار اليوم', 'الساحل اليوم'])
      expect(isPlausibleOutlet(good, false)).toBe(true);
    expect(isPlausibleOutlet('وام', true)).toBe(true);
    for (const contact of ['kateb.samir@mail.example', '@samir_kateb', 'https://kateb.example/samir'])
      expect(isPlausibleOutlet(contact, true)).toBe(false);
  });

  it("never takes a columnist's e-mail or handle under the text for the outlet", () => {
    const column = [
      'غياب الحوار يعمق الأزمة في المدن الكبرى',
      'يرى كثير من المراقبين أن الأزمة الحالية في المدن الكبرى تعود إلى غياب الحوار بين الأطراف المعنية منذ سنوات طويلة، وأن الحلول المؤقتة لم تعد تكفي.',
      'وقد شهدت الأشهر الماضية محاولات عدة لجمع الأطراف حول طاولة واحدة، لكنها تعثرت بسبب الخلاف على جدول الأعمال وعلى تمثيل الشباب في اللجان.',
      'ويبقى السؤال المطروح اليوم عن قدرة المجالس المحلية على إدارة هذا الملف دون دعم حقيقي من الحكومة المركزية.',
    ].join('\n');
    for (const signature of ['kateb.samir@mail.example', '@samir_kateb']) {
      const page = { ...html(`${column}\n${signature}`), contentType: 'text/plain' as const };
      const [article] = extractPage(page).articles;
      expect(article?.body).toContain('المجالس المحلية');
      expect(article?.outlet).toBe('example.org'); // the page's own host, the weakest evidence, not the signature
    }
  });
});

describe('outlet domains registry', () => {
  it('maps known Arabic news hosts and takes more from a config file', async () => {
    const { outletOfHost, loadOutletDomains, withOutletDomains } = await import('./lexicons/news-domains.ts');
    expect(outletOfHost('www.youm7.com')).toBe('اليوم السابع');
    expect(outletOfHost('gate.ahram.org.eg')).toBe('بوابة الأهرام');
    expect(outletOfHost('example.org')).toBeNull();
    loadOutletDomains('{"www.nahr.example": "بوابة النهر"}');
    expect(outletOfHost('nahr.example')).toBe('بوابة النهر');
    expect(() => loadOutletDomains('[1]')).toThrow(/JSON object/);
    withOutletDomains({});
  });
});

describe('fallback cascade', () => {
  it('still yields the article when an unclosed link swallows the whole page', () => {
    const page = `<html><body><a href="/">الرئيسية<div class="wrap"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></body></html>`;
    const extraction = extractPage(html(page));
    expect(extraction.articles[0]?.body).toContain(P2);
    for (const span of extraction.spans) expect(isValidSpan(span, extraction.pageText.length)).toBe(true);
  });
});
