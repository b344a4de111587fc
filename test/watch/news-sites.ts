/**
 * Arabic news sites for the watch tests, written for this project and served from 127.0.0.1 only: one HTTP server
 * per site (so robots.txt and politeness are per host), each logging every request it receives.
 *
 * - alwatan: RSS 2.0 (ETag, 304), robots.txt with a disallowed path and Crawl-delay, UTF-8 pages, the same article
 *   under tracking parameters, a page naming its rel=canonical, a page without a date (the feed's date is kept).
 * - alsabah: Atom (Last-Modified, 304), windows-1256 pages (one declared by <meta>, one by the Content-Type header).
 * - almasdar: JSON Feed and a news sitemap (both ETag), one story listed by both.
 * - trouble: an RSS feed whose links fail in every way (redirect loop, 429 + Retry-After, 500, slow body, 50 MB body,
 *   gzip bomb), plus two that recover (a CDN cookie redirect, a gzip-encoded page), and a feed with broken XML.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

export interface LoggedRequest {
  readonly site: string;
  readonly path: string;
  readonly conditional: boolean;
  readonly userAgent: string;
}

export interface Article {
  readonly headline: string;
  readonly paragraphs: readonly string[];
  /** Published time in the page's meta; null: the page gives no date. */
  readonly published: string | null;
  readonly outlet: string;
}

type Handler = (request: IncomingMessage, response: ServerResponse, site: Site) => void;

export interface Site {
  readonly name: string;
  origin: string;
  server: Server;
}

export interface NewsSites {
  readonly sites: Readonly<Record<'alwatan' | 'alsabah' | 'almasdar' | 'trouble', Site>>;
  readonly requests: LoggedRequest[];
  /** The headlines a complete round must store, one per distinct article. */
  readonly expectedHeadlines: readonly string[];
  /** The source URLs to add. */
  readonly sourceUrls: readonly string[];
  close(): Promise<void>;
}

const ARTICLES = {
  wheat: {
    outlet: 'الوطن',
    published: '2026-12-01T08:00:00+03:00',
    headline: 'وزارة الزراعة تطلق خطة لدعم مزارعي القمح في الشمال',
    paragraphs: [
      'أعلنت وزارة الزراعة يوم الثلاثاء خطة جديدة لدعم مزارعي القمح في المحافظات الشمالية بقيمة ٣٠٠ مليون دينار.',
      'وقال وزير الزراعة في مؤتمر صحفي إن الخطة تشمل توزيع البذور المحسنة والأسمدة على أكثر من عشرة آلاف مزارع خلال الموسم المقبل.',
      'وأضاف أن الوزارة ستتابع تنفيذ الخطة مع الجمعيات التعاونية في كل محافظة وتنشر تقريراً شهرياً عن التقدم.',
    ],
  },
  port: {
    outlet: 'الوطن',
    published: '2026-12-01T11:30:00+03:00',
    headline: 'افتتاح المرحلة الثانية من توسعة ميناء العقبة',
    paragraphs: [
      'افتتح رئيس الوزراء صباح الأربعاء المرحلة الثانية من مشروع توسعة ميناء العقبة بطاقة استيعابية تبلغ مليوني حاوية سنوياً.',
      'وأوضح مدير الميناء أن التوسعة ستخفض زمن انتظار السفن إلى النصف وتوفر نحو ألف وخمسمئة فرصة عمل.',
      'وتبلغ كلفة المشروع ٤٥٠ مليون دولار بتمويل مشترك من الحكومة والقطاع الخاص.',
    ],
  },
  rain: {
    outlet: 'الوطن',
    published: null,
    headline: 'الأرصاد تتوقع أمطاراً غزيرة على المرتفعات الجبلية',
    paragraphs: [
      'توقعت دائرة الأرصاد الجوية هطول أمطار غزيرة على المرتفعات الجبلية خلال الأيام الثلاثة المقبلة مع انخفاض ملموس في درجات الحرارة.',
      'ودعت الدائرة المواطنين إلى توخي الحذر أثناء القيادة والابتعاد عن مجاري السيول والأودية.',
      'وقال المتحدث باسم الدائرة إن كميات الأمطار المتوقعة قد تتجاوز ٦٠ مليمتراً في بعض المناطق.',
    ],
  },
  water: {
    outlet: 'الصباح',
    published: '2026-11-30T09:00:00+03:00',
    headline: 'الحكومة تقر مشروع قانون جديد لإدارة الموارد المائية',
    paragraphs: [
      'أقر مجلس الوزراء في جلسته الأسبوعية مشروع قانون جديد لإدارة الموارد المائية وتنظيم حفر الآبار الجوفية.',
      'وقال وزير المياه إن القانون يفرض غرامات على الاستخراج غير المرخص ويشجع إعادة استخدام المياه المعالجة في الزراعة.',
      'ومن المتوقع أن يحال المشروع إلى مجلس النواب لمناقشته خلال الدورة الحالية.',
    ],
  },
  school: {
    outlet: 'الصباح',
    published: '2026-11-30T13:15:00+03:00',
    headline: 'بدء تسجيل الطلبة في المدارس المهنية للعام الدراسي المقبل',
    paragraphs: [
      'أعلنت وزارة التربية والتعليم بدء تسجيل الطلبة في المدارس المهنية للعام الدراسي المقبل عبر المنصة الإلكترونية.',
      'وأوضحت الوزارة أن عدد المقاعد المتاحة يبلغ ثمانية آلاف مقعد موزعة على ٤٢ مدرسة في مختلف المحافظات.',
      'ويستمر التسجيل حتى نهاية الشهر الجاري على أن تعلن النتائج مطلع الشهر المقبل.',
    ],
  },
  clinic: {
    outlet: 'المصدر',
    published: '2026-12-02T10:00:00+03:00',
    headline: 'افتتاح عيادات متنقلة لخدمة القرى النائية في الجنوب',
    paragraphs: [
      'افتتحت وزارة الصحة عشر عيادات متنقلة لخدمة سكان القرى النائية في المحافظات الجنوبية.',
      'وقال مدير الرعاية الصحية الأولية إن العيادات تقدم الفحوص العامة واللقاحات ورعاية الأمومة مجاناً.',
      'وتخطط الوزارة لزيادة عدد العيادات إلى ثلاثين عيادة بحلول منتصف العام المقبل.',
    ],
  },
  solar: {
    outlet: 'المصدر',
    published: '2026-12-02T12:00:00+03:00',
    headline: 'توقيع اتفاقية لإنشاء محطة طاقة شمسية بقدرة ٢٠٠ ميغاواط',
    paragraphs: [
      'وقعت وزارة الطاقة اتفاقية مع تحالف من الشركات لإنشاء محطة طاقة شمسية بقدرة ٢٠٠ ميغاواط في البادية الشرقية.',
      'وقال وزير الطاقة إن المحطة ستغطي احتياجات نحو مئة ألف منزل وتخفض فاتورة استيراد الوقود.',
      'ومن المقرر أن يبدأ التشغيل التجريبي للمحطة بعد عامين من توقيع الاتفاقية.',
    ],
  },
  museum: {
    outlet: 'المصدر',
    published: '2026-12-02T15:45:00+03:00',
    headline: 'المتحف الوطني يعرض مخطوطات نادرة للمرة الأولى',
    paragraphs: [
      'يعرض المتحف الوطني ابتداءً من الأسبوع المقبل مجموعة من المخطوطات النادرة التي تعود إلى القرن الثالث عشر.',
      'وقالت مديرة المتحف إن المخطوطات رممت خلال عامين بالتعاون مع خبراء من عدة جامعات.',
      'ويستمر المعرض ثلاثة أشهر ويفتح أبوابه للزوار يومياً عدا يوم الجمعة.',
    ],
  },
  bridge: {
    outlet: 'الخبر',
    published: '2026-12-03T07:30:00+03:00',
    headline: 'إغلاق جسر المدينة القديم لأعمال الصيانة مدة أسبوعين',
    paragraphs: [
      'قررت أمانة العاصمة إغلاق جسر المدينة القديم أمام حركة المركبات مدة أسبوعين لإجراء أعمال صيانة عاجلة.',
      'وأوضحت الأمانة أن التحويلات المرورية ستكون عبر الشارع الموازي مع نشر فرق لتنظيم السير في ساعات الذروة.',
      'وأكدت أن كلفة الصيانة تبلغ مليوني دينار من موازنة العام الجاري.',
    ],
  },
  market: {
    outlet: 'الخبر',
    published: '2026-12-03T09:00:00+03:00',
    headline: 'ارتفاع أسعار الخضار في السوق المركزي مع بداية الشتاء',
    paragraphs: [
      'شهدت أسعار الخضار في السوق المركزي ارتفاعاً ملحوظاً مع بداية فصل الشتاء وتراجع الكميات الواردة من المزارع.',
      'وقال رئيس جمعية تجار الخضار إن سعر كيلو البندورة ارتفع إلى دينار واحد بعد أن كان نصف دينار الشهر الماضي.',
      'وتوقع أن تعود الأسعار إلى الانخفاض مع دخول إنتاج الأغوار إلى الأسواق.',
    ],
  },
  library: {
    outlet: 'الخبر',
    published: '2026-12-03T11:00:00+03:00',
    headline: 'افتتاح مكتبة عامة جديدة في حي النزهة',
    paragraphs: [
      'افتتحت البلدية مكتبة عامة جديدة في حي النزهة تضم أكثر من عشرين ألف كتاب وقاعة للأطفال.',
      'وقال رئيس البلدية إن المكتبة تفتح أبوابها من التاسعة صباحاً حتى الثامنة مساءً طوال أيام الأسبوع.',
      'وتنظم المكتبة ورشاً أسبوعية في القراءة والكتابة الإبداعية لطلبة المدارس.',
    ],
  },
} satisfies Record<string, Article>;

/** A small HTML page with navigation and footer around the article, optionally naming its canonical URL. */
export function articleHtml(article: Article, options: { charset?: string | null; canonical?: string } = {}): string {
  const charset = options.charset === null ? '' : `<meta charset="${options.charset ?? 'utf-8'}">`;
  const date = article.published ? `<meta property="article:published_time" content="${article.published}">` : '';
  const canonical = options.canonical ? `<link rel="canonical" href="${options.canonical}">` : '';
  return `<!doctype html><html lang="ar" dir="rtl"><head>${charset}<title>${article.headline} | ${article.outlet}</title>${date}${canonical}</head>
<body><header><nav><a href="/">الرئيسية</a> <a href="/politics">سياسة</a> <a href="/economy">اقتصاد</a></nav></header>
<article><h1>${article.headline}</h1>${article.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>جميع الحقوق محفوظة © ${article.outlet}</footer></body></html>`;
}

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string | string[]> = {},
): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  response.end(body);
}

/** Answers 304 when the request carries the current validator. */
function conditional(
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  headers: { type: string; etag?: string; lastModified?: string },
): void {
  if (headers.etag && request.headers['if-none-match'] === headers.etag)
    return send(response, 304, '', { etag: headers.etag });
  if (headers.lastModified && request.headers['if-modified-since'] === headers.lastModified)
    return send(response, 304, '', { 'last-modified': headers.lastModified });
  send(response, 200, body, {
    'content-type': headers.type,
    ...(headers.etag ? { etag: headers.etag } : {}),
    ...(headers.lastModified ? { 'last-modified': headers.lastModified } : {}),
  });
}

function rss(title: string, items: readonly { link: string; title: string; date: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${title}</title><link>http://example.invalid/</link><description>آخر الأخبار</description>
${items.map((i) => `<item><title><![CDATA[${i.title}]]></title><link>${i.link.replace(/&/gu, '&amp;')}</link><pubDate>${i.date}</pubDate></item>`).join('\n')}
</channel></rss>`;
}

const ROBOTS_ETAG = '"robots-1"';

function robots(request: IncomingMessage, response: ServerResponse, text: string): void {
  conditional(request, response, text, { type: 'text/plain; charset=utf-8', etag: ROBOTS_ETAG });
}

const alwatan: Handler = (request, response, site) => {
  const path = request.url ?? '/';
  const o = site.origin;
  if (path === '/robots.txt')
    return robots(request, response, 'User-agent: *\nDisallow: /private/\nCrawl-delay: 0.2\n');
  if (path === '/')
    return send(
      response,
      200,
      `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>الوطن</title><link rel="alternate" type="application/rss+xml" title="الوطن" href="/rss.xml"></head><body><h1>الوطن</h1></body></html>`,
    );
  if (path === '/rss.xml') {
    return conditional(
      request,
      response,
      rss('الوطن', [
        {
          link: `${o}/news/wheat?utm_source=rss&utm_medium=feed`,
          title: ARTICLES.wheat.headline,
          date: 'Tue, 01 Dec 2026 05:00:00 GMT',
        },
        {
          link: `${o}/news/wheat?fbclid=IwAR0abc#comments`,
          title: ARTICLES.wheat.headline,
          date: 'Tue, 01 Dec 2026 05:00:00 GMT',
        },
        {
          link: `${o}/news/port?ref=rss&utm_campaign=dec`,
          title: ARTICLES.port.headline,
          date: 'Tue, 01 Dec 2026 08:30:00 GMT',
        },
        { link: `${o}/news/rain`, title: 'أمطار غزيرة متوقعة', date: 'Wed, 02 Dec 2026 06:00:00 GMT' },
        { link: `${o}/private/draft`, title: 'مسودة غير منشورة', date: 'Wed, 02 Dec 2026 07:00:00 GMT' },
      ]),
      { type: 'application/rss+xml; charset=utf-8', etag: '"alwatan-rss-1"' },
    );
  }
  if (path.startsWith('/news/wheat')) return send(response, 200, articleHtml(ARTICLES.wheat));
  // The page names itself without the campaign parameters the feed added.
  if (path.startsWith('/news/port'))
    return send(response, 200, articleHtml(ARTICLES.port, { canonical: `${o}/news/port?ref=rss` }));
  if (path === '/news/rain') return send(response, 200, articleHtml(ARTICLES.rain));
  send(response, 404, 'غير موجود');
};

const alsabah: Handler = (request, response) => {
  const path = request.url ?? '/';
  const lastModified = 'Mon, 30 Nov 2026 12:00:00 GMT';
  if (path === '/robots.txt') return robots(request, response, 'User-agent: *\nAllow: /\n');
  if (path === '/atom.xml') {
    return conditional(
      request,
      response,
      `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>الصباح</title><id>urn:alsabah</id><updated>2026-11-30T12:00:00Z</updated>
<entry><title>${ARTICLES.water.headline}</title><link rel="alternate" type="text/html" href="/article/water"/><id>urn:alsabah:1</id><updated>2026-11-30T06:00:00Z</updated></entry>
<entry><title type="html">${ARTICLES.school.headline}</title><link href="/article/school"/><id>urn:alsabah:2</id><published>2026-11-30T10:15:00Z</published><updated>2026-11-30T10:15:00Z</updated></entry>
</feed>`,
      { type: 'application/atom+xml', lastModified },
    );
  }
  // windows-1256 declared by <meta>, and by the Content-Type header only.
  if (path === '/article/water')
    return send(response, 200, iconv.encode(articleHtml(ARTICLES.water, { charset: 'windows-1256' }), 'windows-1256'), {
      'content-type': 'text/html',
    });
  if (path === '/article/school')
    return send(response, 200, iconv.encode(articleHtml(ARTICLES.school, { charset: null }), 'windows-1256'), {
      'content-type': 'text/html; charset=windows-1256',
    });
  send(response, 404, 'غير موجود');
};

const almasdar: Handler = (request, response, site) => {
  const path = request.url ?? '/';
  const o = site.origin;
  if (path === '/robots.txt')
    return robots(request, response, `User-agent: *\nDisallow:\nSitemap: ${o}/news-sitemap.xml\n`);
  if (path === '/feed.json') {
    return conditional(
      request,
      response,
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'المصدر',
        home_page_url: `${o}/`,
        items: [
          {
            id: '1',
            url: `${o}/story/clinic`,
            title: ARTICLES.clinic.headline,
            date_published: '2026-12-02T07:00:00Z',
          },
          {
            id: '2',
            url: `${o}/story/solar?utm_source=json`,
            title: ARTICLES.solar.headline,
            date_published: '2026-12-02T09:00:00Z',
          },
        ],
      }),
      { type: 'application/feed+json', etag: '"almasdar-json-1"' },
    );
  }
  if (path === '/news-sitemap.xml') {
    return conditional(
      request,
      response,
      `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>${o}/story/museum</loc><news:news><news:publication><news:name>المصدر</news:name><news:language>ar</news:language></news:publication>
<news:publication_date>2026-12-02T12:45:00Z</news:publication_date><news:title>${ARTICLES.museum.headline}</news:title></news:news></url>
<url><loc>${o}/story/clinic</loc><news:news><news:publication><news:name>المصدر</news:name><news:language>ar</news:language></news:publication>
<news:publication_date>2026-12-02T07:00:00Z</news:publication_date><news:title>${ARTICLES.clinic.headline}</news:title></news:news></url>
</urlset>`,
      { type: 'application/xml', etag: '"almasdar-sitemap-1"' },
    );
  }
  const story = /^\/story\/(clinic|solar|museum)(?:\?.*)?$/u.exec(path)?.[1] as
    | 'clinic'
    | 'solar'
    | 'museum'
    | undefined;
  if (story) return send(response, 200, articleHtml(ARTICLES[story]));
  send(response, 404, 'غير موجود');
};

/** Paths of the trouble site that must fail, with the error code each should leave in the source's health. */
export const FAILING_PATHS: Readonly<Record<string, string>> = {
  '/loop-a': 'fetch/failed',
  '/broken': 'fetch/failed',
  '/slow': 'fetch/timeout',
  '/huge': 'input/too-large',
  '/bomb': 'input/too-large',
};

const busyHits = new WeakMap<Site, number>();
const BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });

const trouble: Handler = (request, response, site) => {
  const path = request.url ?? '/';
  const o = site.origin;
  if (path === '/robots.txt') return robots(request, response, 'User-agent: *\nAllow: /\n');
  if (path === '/rss.xml') {
    const links = ['/loop-a', '/cookie', '/busy', '/broken', '/slow', '/huge', '/bomb', '/gzipped'];
    return conditional(
      request,
      response,
      rss(
        'الخبر',
        links.map((link, i) => ({ link: `${o}${link}`, title: `خبر ${i + 1}`, date: 'Thu, 03 Dec 2026 06:00:00 GMT' })),
      ),
      { type: 'text/xml; charset=utf-8', etag: '"trouble-rss-1"' },
    );
  }
  if (path === '/broken-feed.xml') {
    return conditional(
      request,
      response,
      `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>الخبر العاجل</title>\n<item><title>خبر بلا إغلاق</title><link>${o}/never</link>\n</channel></rss>`,
      { type: 'application/rss+xml', etag: '"broken-1"' },
    );
  }
  if (path === '/loop-a') return send(response, 302, '', { location: '/loop-b' });
  if (path === '/loop-b') return send(response, 302, '', { location: `${o}/loop-a` });
  if (path === '/cookie') {
    if ((request.headers.cookie ?? '').includes('cdn_pass=ok'))
      return send(response, 200, articleHtml(ARTICLES.bridge));
    return send(response, 302, '', { location: '/cookie', 'set-cookie': 'cdn_pass=ok; Path=/; HttpOnly' });
  }
  if (path === '/busy') {
    const hits = (busyHits.get(site) ?? 0) + 1;
    busyHits.set(site, hits);
    if (hits === 1) return send(response, 429, 'مهلاً', { 'retry-after': '1' });
    return send(response, 200, articleHtml(ARTICLES.market));
  }
  if (path === '/broken') return send(response, 500, 'خطأ في الخادم');
  if (path === '/slow') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.write('<!doctype html><html><head>');
    const timer = setTimeout(() => response.end(articleHtml(ARTICLES.library)), 30_000);
    response.on('close', () => clearTimeout(timer));
    return;
  }
  if (path === '/huge') return streamHuge(response);
  if (path === '/bomb') return send(response, 200, BOMB, { 'content-encoding': 'gzip' });
  if (path === '/gzipped')
    return send(response, 200, gzipSync(articleHtml(ARTICLES.library)), { 'content-encoding': 'gzip' });
  send(response, 404, 'غير موجود');
};

/** 50 MB of page, streamed without Content-Length; the client must stop reading at its limit. */
function streamHuge(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  const chunk = Buffer.alloc(64 * 1024, 'خبر '.repeat(8));
  let sent = 0;
  const pump = (): void => {
    while (sent < 50 * 1024 * 1024) {
      sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    response.end();
  };
  response.on('error', () => undefined); // the client hangs up at its limit: expected
  pump();
}

async function startSite(name: string, handler: Handler, requests: LoggedRequest[]): Promise<Site> {
  const site: Site = { name, origin: '', server: createServer() };
  site.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? '/';
    requests.push({
      site: name,
      path,
      conditional: request.headers['if-none-match'] !== undefined || request.headers['if-modified-since'] !== undefined,
      userAgent: String(request.headers['user-agent'] ?? ''),
    });
    handler(request, response, site);
  });
  await new Promise<void>((resolve) => site.server.listen(0, '127.0.0.1', resolve));
  site.origin = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`;
  return site;
}

/** Starts the four sites on free ports of 127.0.0.1. */
export async function startNewsSites(): Promise<NewsSites> {
  const requests: LoggedRequest[] = [];
  const sites = {
    alwatan: await startSite('alwatan', alwatan, requests),
    alsabah: await startSite('alsabah', alsabah, requests),
    almasdar: await startSite('almasdar', almasdar, requests),
    trouble: await startSite('trouble', trouble, requests),
  };
  const a = ARTICLES;
  return {
    sites,
    requests,
    expectedHeadlines: [
      a.wheat,
      a.port,
      a.rain,
      a.water,
      a.school,
      a.clinic,
      a.solar,
      a.museum,
      a.bridge,
      a.market,
      a.library,
    ]
      .map((x) => x.headline)
      .sort(),
    sourceUrls: [
      `${sites.alwatan.origin}/rss.xml`,
      `${sites.alsabah.origin}/atom.xml`,
      `${sites.almasdar.origin}/feed.json`,
      `${sites.almasdar.origin}/news-sitemap.xml`,
      `${sites.trouble.origin}/rss.xml`,
      `${sites.trouble.origin}/broken-feed.xml`,
    ],
    async close() {
      for (const site of Object.values(sites)) {
        site.server.closeAllConnections();
        await new Promise<void>((resolve) => site.server.close(() => resolve()));
      }
    },
  };
}

export { ARTICLES };
