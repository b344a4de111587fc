import { describe, expect, it } from 'vitest';
import type { RawPage } from '../core/page.ts';
import { isValidSpan } from '../core/span.ts';
import { extractPage, extractText } from './index.ts';
import { growsLinearly } from '../core/testing/growth.ts';

const page = (body: string, contentType: RawPage['contentType'] = 'text/plain'): RawPage => ({
  id: 'p',
  url: 'p',
  fetchedAt: '2024-01-01T00:00:00Z',
  contentType,
  body,
});

const STORY = [
  'انطلاق أعمال القمة الاقتصادية العربية في عمّان',
  'نشر في: 12 أيار 2019',
  'انطلقت في العاصمة الأردنية أعمال القمة الاقتصادية العربية بمشاركة وفود من عشرين دولة، وسط توقعات بإطلاق صندوق مشترك للاستثمار.',
  'وقال الأمين العام للجامعة في كلمة الافتتاح إن التكامل الاقتصادي لم يعد خياراً بل ضرورة تفرضها التحديات الراهنة.',
  'المصدر: الرصيف الإخبارية',
].join('\n');

describe('extractPage', () => {
  it('returns one article with headline, date, outlet and body from a plain-text page', () => {
    const { articles } = extractPage(page(STORY));
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      headline: 'انطلاق أعمال القمة الاقتصادية العربية في عمّان',
      outlet: 'الرصيف الإخبارية',
      published: { date: '2019-05-12', precision: 'day', text: '12 أيار 2019' },
    });
    expect(articles[0]!.body.split('\n')).toHaveLength(2);
  });

  it('keeps offsets exact with CRLF line ends and a BOM', () => {
    const text = `\uFEFF${STORY.replace(/\n/gu, '\r\n')}`;
    const extraction = extractPage(page(text));
    for (const span of extraction.spans) expect(isValidSpan(span, text.length)).toBe(true);
    const headline = extraction.spans.find((s) => s.kind === 'headline')!;
    expect(text.slice(headline.start, headline.end)).toBe('انطلاق أعمال القمة الاقتصادية العربية في عمّان');
    expect(extraction.articles[0]!.body).not.toContain('\r');
  });

  it('gives no article, only labelled furniture, for a page without prose', () => {
    const extraction = extractPage(page('الرئيسية\nأخبار\nرياضة\nاتصل بنا'));
    expect(extraction.articles).toEqual([]);
    expect(extraction.spans.every((s) => s.kind === 'boilerplate')).toBe(true);
  });

  it.each(['', '   \n\n  ', '\u0000\u0001\u0002', '<<<>>>', '<html><body></body></html>'])(
    'does not crash on degenerate input %j',
    (body) => {
      expect(() => extractPage(page(body))).not.toThrow();
      expect(() => extractPage(page(body, 'text/html'))).not.toThrow();
    },
  );

  it('extracts a long page in linear time', () => {
    const paragraph = (i: number): string =>
      `وأكدت الوزارة في بيانها رقم ${i} أن العمل في المشروع يسير وفق الجدول الزمني المحدد، وأن المرحلة الأولى ستنتهي قريباً.`;
    const text = (paragraphs: number): string =>
      ['عنوان الخبر الرئيسي عن المشروع الجديد', ...Array.from({ length: paragraphs }, (_, i) => paragraph(i))].join(
        '\n',
      );
    expect(extractPage(page(text(20_000))).articles).toHaveLength(1);
    expect(growsLinearly((k) => extractPage(page(text(2_500 * k))), { repeats: 2 })).toBe(true);
  });

  it('reads a first line ending in a full stop as the headline when a longer paragraph follows', () => {
    const text = [
      'وزير الخارجية يلتقي نظيره الفرنسي لبحث الأزمة في المنطقة.',
      'التقى وزير الخارجية اليوم نظيره الفرنسي في العاصمة باريس، حيث بحث الجانبان تطورات الأزمة الإقليمية وسبل احتوائها.',
      'وأكد الوزيران ضرورة وقف التصعيد والعودة إلى طاولة المفاوضات في أقرب وقت ممكن.',
    ].join('\n');
    const [article] = extractPage(page(text)).articles;
    expect(article!.headline).toBe('وزير الخارجية يلتقي نظيره الفرنسي لبحث الأزمة في المنطقة.');
    expect(article!.body.startsWith('التقى وزير الخارجية')).toBe(true);
  });

  it('takes a date printed right above the headline, and a colon-less personal byline is not the outlet', () => {
    const text = [
      'الأحد 5 مايو 2024',
      'افتتاح معرض الصناعات الغذائية بمشاركة 300 شركة',
      'بقلم سلمى الخطيب',
      'افتتح وزير الصناعة اليوم معرض الصناعات الغذائية بمشاركة ثلاثمئة شركة محلية وأجنبية، وسط إقبال كبير من الزوار.',
      'ويستمر المعرض خمسة أيام، ويتضمن ندوات متخصصة حول سلامة الغذاء والتصدير.',
    ].join('\n');
    const extraction = extractPage(page(text));
    expect(extraction.articles[0]).toMatchObject({
      headline: 'افتتاح معرض الصناعات الغذائية بمشاركة 300 شركة',
      outlet: null,
      published: { date: '2024-05-05' },
    });
    expect(extraction.spans.filter((s) => s.kind === 'meta').map((s) => s.reason)).toEqual(['date', 'byline']);
  });

  it('finds a one-paragraph article and keeps its short closing sentence', () => {
    const text = [
      'الأرصاد تحذر من أمطار غزيرة',
      'توقعت الأرصاد الجوية هطول أمطار غزيرة على المناطق الشمالية خلال الأيام المقبلة، مع انخفاض ملحوظ في درجات الحرارة.',
      'ودعت المواطنين إلى الحذر أثناء القيادة.',
    ].join('\n');
    const [article] = extractPage(page(text)).articles;
    expect(article!.headline).toBe('الأرصاد تحذر من أمطار غزيرة');
    expect(article!.body.split('\n')).toEqual([text.split('\n')[1], 'ودعت المواطنين إلى الحذر أثناء القيادة.']);
  });

  it('cuts trailing notes under an HTML body: a handle line and a bracketed wire credit', () => {
    const paragraphs = [
      'The council approved the new water plan on Monday after a long debate, with most members voting in favour of it.',
      'Work on the first pipeline is due to start in spring, and the whole network should be finished within four years.',
      'Residents will be consulted on the route of the second pipeline before the end of the year, officials said.',
    ];
    const html = `<html><body><h1>Council approves water plan</h1><div class="article-body">${paragraphs
      .map((p) => `<p>${p}</p>`)
      .join(
        '',
      )}<p>Follow our city desk on Twitter @citydesk</p><p>(Reporting by Jane Doe; editing by John Roe)</p></div></body></html>`;
    const extraction = extractPage(page(html, 'text/html'));
    expect(extraction.articles[0]!.body.split('\n')).toEqual(paragraphs);
    const cut = extraction.spans
      .filter((s) => s.kind !== 'body' && s.kind !== 'headline')
      .map((s) => [s.kind, s.reason, extraction.pageText.slice(s.start, s.end)]);
    expect(cut).toEqual([
      ['boilerplate', 'share', 'Follow our city desk on Twitter @citydesk'],
      ['meta', 'cited-sources', '(Reporting by Jane Doe; editing by John Roe)'],
    ]);
  });

  it('reads a bare name closing the main content as the signature (outlet), not as body text', () => {
    const html = `<html><body><nav><a href="/">الرئيسية</a></nav><h1>افتتاح مصنع للأسمدة في ولاية الجزيرة</h1>
      <div class="article-body"><p>افتتح والي الجزيرة اليوم مصنعاً جديداً للأسمدة بطاقة إنتاجية تبلغ مئة ألف طن في العام، بتمويل من القطاع الخاص.</p>
      <p>وقال الوالي إن المصنع سيوفر ألف فرصة عمل لشباب الولاية، وسيغطي حاجة المشاريع الزراعية من الأسمدة.</p>
      <p>عين الحدث</p></div><footer>جميع الحقوق محفوظة</footer></body></html>`;
    const [article] = extractPage(page(html, 'text/html')).articles;
    expect(article!.outlet).toBe('عين الحدث');
    expect(article!.body.split('\n')).toHaveLength(2);
  });

  it('reads a short article beside teaser blocks as an article, not a section page', () => {
    const teaser = (n: number): string =>
      `<div class="card"><h3><a href="/t${n}">عنوان خبر آخر رقم ${n} في القسم</a></h3><p>ملخص قصير للخبر الآخر، كتب في سطر واحد، ويكفي، مع الصورة، لقراءة الخبر كله في القسم.</p></div>`;
    const html = `<html><body><div class="wrap"><div class="story"><h1>افتتاح جسر جديد في المدينة</h1>
      <p>افتتح المحافظ صباح اليوم جسراً جديداً فوق النهر، يربط الحي الشرقي بوسط المدينة، بعد عامين من العمل المتواصل.</p>
      <p>وقال المحافظ إن الجسر سيخفف الازدحام في ساعات الذروة، وإن مشروعاً ثانياً سيبدأ العام المقبل.</p></div>
      <div class="cards">${[1, 2, 3, 4, 5].map(teaser).join('')}</div></div></body></html>`;
    const extraction = extractPage(page(html, 'text/html'));
    expect(extraction.diagnostics?.map((d) => d.code) ?? []).not.toContain('extract/not-an-article');
    expect(extraction.articles[0]!.headline).toBe('افتتاح جسر جديد في المدينة');
    expect(extraction.articles[0]!.body).toContain('افتتح المحافظ صباح اليوم جسراً جديداً');
  });

  it("names the outlet from the site's own metadata first, and credits a different «المصدر:» name as its source", () => {
    const extraction = extractText(STORY, [], {
      published: { date: '2019-05-12', precision: 'day', text: '2019-05-12', from: 'json-ld' },
      siteName: 'موقع آخر',
      headline: null,
    });
    expect(extraction.articles[0]!.outlet).toBe('موقع آخر');
    expect(extraction.articles[0]!.citedSources).toContain('الرصيف الإخبارية');
  });

  it('names a plain-text page by its address: the registry name, else the bare host after the text evidence', () => {
    const at = (url: string, text: string) => extractPage({ ...page(text), url }).articles[0]!.outlet;
    expect(at('https://www.youm7.com/story/2013/2/5/1', STORY)).toBe('اليوم السابع');
    expect(at('https://www.example-news.com/a/1', STORY)).toBe('الرصيف الإخبارية');
    const unsigned = STORY.split('\n').slice(0, 4).join('\n');
    expect(at('https://www.example-news.com/a/1', unsigned)).toBe('example-news.com');
    expect(at('/tmp/pages/a.txt', unsigned)).toBeNull();
  });

  it('never takes a reporter, a dateline, a call to action or a kicker for the outlet; keeps a bare outlet name', () => {
    const story = (second: string) =>
      ['مسيرة نسائية تنطلق من ميدان التحرير إلى دار القضاء', second, STORY.split('\n')[2], STORY.split('\n')[3]].join(
        '\n',
      );
    expect(extractPage(page(story('سمر جابر'))).articles[0]!.outlet).toBeNull();
    expect(extractPage(page(story('القاهرة - أ ش أ'))).articles[0]).toMatchObject({
      outlet: null,
      citedSources: ['أ ش أ'],
    });
    expect(extractPage(page(story('طنطا - (أ ش أ)'))).articles[0]).toMatchObject({
      outlet: null,
      citedSources: ['أ ش أ'],
    });
    expect(extractPage(page(story('شاهد التقرير'))).articles[0]!.outlet).toBeNull();
    expect(extractPage(page(story('مسيرة نسائية'))).articles[0]!.outlet).toBeNull();
    expect(extractPage(page(story('عين الحدث'))).articles[0]!.outlet).toBe('عين الحدث');
  });
});
