import { describe, expect, it } from 'vitest';
import { renderHtml } from './html-blocks.ts';

const PAGE = `<!doctype html><html><head>
<title>عنوان الخبر - موقع الميزان</title>
<meta property="og:site_name" content="موقع الميزان">
<meta property="article:published_time" content="2021-05-09T22:10:00+03:00">
<script type="application/ld+json">{not json</script>
<style>p{color:red}</style>
</head><body>
<nav><a href="/">الرئيسية</a> <a href="/x">سياسة</a></nav>
<h1>البرلمان يناقش قانون الانتخابات الجديد</h1>
<p>ناقش البرلمان، أمس الأحد، مشروع <a href="/l">قانون الانتخابات</a> الجديد في جلسة مطولة.<br>وأرجأ التصويت إلى الأسبوع المقبل.</p>
<div class="social-share"><a href="#">فيسبوك</a></div>
<ul class="list"><li><a href="/a">خبر مرتبط أول</a></li></ul>
<p hidden>نص مخفي</p>
</body></html>`;

describe('renderHtml', () => {
  const rendered = renderHtml(PAGE);
  const lines = rendered.text.split('\n');

  it('renders one line per block, splitting at <br> and skipping scripts, styles and hidden elements', () => {
    expect(lines).toEqual([
      'الرئيسية سياسة',
      'البرلمان يناقش قانون الانتخابات الجديد',
      'ناقش البرلمان، أمس الأحد، مشروع قانون الانتخابات الجديد في جلسة مطولة.',
      'وأرجأ التصويت إلى الأسبوع المقبل.',
      'فيسبوك',
      'خبر مرتبط أول',
    ]);
  });

  it('hints each line with its block tag, link density and furniture', () => {
    expect(rendered.hints[0]).toMatchObject({ furniture: 'navigation', linkDensity: 1 });
    expect(rendered.hints[1]).toMatchObject({ tag: 'h1', furniture: null, linkDensity: 0 });
    expect(rendered.hints[2]!.linkDensity).toBeGreaterThan(0);
    expect(rendered.hints[2]!.linkDensity).toBeLessThan(0.5);
    expect(rendered.hints[4]).toMatchObject({ furniture: 'share' });
    expect(rendered.hints[5]).toMatchObject({ tag: 'li', linkDensity: 1 });
  });

  it('reads the site name and the published time as written (no time-zone shift)', () => {
    expect(rendered.meta.siteName).toBe('موقع الميزان');
    expect(rendered.meta.published).toEqual({
      date: '2021-05-09',
      precision: 'day',
      text: '2021-05-09T22:10:00+03:00',
      from: 'meta-tag',
    });
  });

  it('turns malformed JSON-LD into a diagnostic instead of failing', () => {
    expect(rendered.diagnostics.map((d) => d.code)).toEqual(['extract/bad-json-ld']);
  });

  it('prefers JSON-LD NewsArticle fields and follows @id references in @graph', () => {
    const html = `<html><head><script type="application/ld+json">{"@graph":[{"@type":"Organization","@id":"#o","name":"شبكة النهرين"},
      {"@type":"NewsArticle","headline":"عنوان","datePublished":"2020-02-29","publisher":{"@id":"#o"}}]}</script></head><body><p>نص</p></body></html>`;
    const { meta } = renderHtml(html);
    expect(meta).toEqual({
      headline: 'عنوان',
      siteName: 'شبكة النهرين',
      published: { date: '2020-02-29', precision: 'day', text: '2020-02-29', from: 'json-ld' },
    });
  });

  it('strips the site name from a <title> used as the headline fallback', () => {
    const head = (title: string, site: string): string =>
      `<html><head><title>${title}</title>${site}</head><body></body></html>`;
    expect(
      renderHtml(head('نافذة الجنوب - تدشين خط حافلات', '<meta property="og:site_name" content="نافذة الجنوب">')).meta
        .headline,
    ).toBe('تدشين خط حافلات');
    expect(renderHtml(head('تدشين خط حافلات | نافذة الجنوب', '')).meta.headline).toBe('تدشين خط حافلات');
  });

  it('renders a data-table row as one line, and keeps a line per block in a layout table', () => {
    const data = renderHtml(
      '<table><tr><th>المحافظة</th><th>الإنتاج</th></tr><tr><td>حلب</td><td><b>700</b> ألف طن</td></tr></table>',
    );
    expect(data.text.split('\n')).toEqual(['المحافظة الإنتاج', 'حلب 700 ألف طن']);
    expect(data.hints[1]).toMatchObject({ tag: 'tr' });
    const layout = renderHtml('<table><tr><td><p>فقرة أولى.</p><p>فقرة ثانية.</p></td><td>عمود</td></tr></table>');
    expect(layout.text.split('\n')).toEqual(['فقرة أولى.', 'فقرة ثانية.', 'عمود']);
  });

  it('makes an inline caption box (camelCase class names too) a caption line of its own', () => {
    const { text, hints } = renderHtml(
      '<div><img src="a.jpg"><span class="photoCaption">حقول القمح قرب الحسكة</span> نص بعد الصورة</div>',
    );
    expect(text.split('\n')).toEqual(['حقول القمح قرب الحسكة', 'نص بعد الصورة']);
    expect(hints[0]).toMatchObject({ tag: 'figcaption' });
  });

  it('survives deeply nested and unclosed markup', () => {
    const deep = `${'<div>'.repeat(3000)}<p>نص في العمق.</p>`;
    expect(renderHtml(deep).text).toBe('نص في العمق.');
  });
});
