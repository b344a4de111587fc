import { describe, expect, it } from 'vitest';
import { classifyLine, type LineType } from './classify-line.ts';
import { splitLines } from './lines.ts';

const ARABIC = { isArabicPage: true };

function classify(text: string) {
  const [line] = splitLines(text);
  return classifyLine(line!, ARABIC);
}

describe('classifyLine', () => {
  it.each<{ text: string; type: LineType; reason?: string }>([
    {
      text: 'وقال الوزير في مؤتمر صحفي عقده في العاصمة إن الحكومة ماضية في تنفيذ خطتها الاقتصادية رغم الصعوبات.',
      type: 'paragraph',
    },
    { text: 'الحكومة تقر خطة جديدة لدعم المزارعين في المناطق الريفية', type: 'title' },
    { text: 'هل تنجح الخطة الجديدة في خفض أسعار الخبز ؟', type: 'title' },
    { text: 'هل هذا صحيح؟ قال الوزير إن الأسعار ستنخفض خلال الشهر المقبل.', type: 'paragraph' },
    { text: 'طالع أيضاً:', type: 'marker', reason: 'read-also-marker' },
    { text: 'مواضيع ذات علاقة', type: 'marker', reason: 'read-also-marker' },
    { text: 'الكلمات المفتاحية: الزراعة، الدعم، الخبز', type: 'boilerplate', reason: 'tags' },
    { text: 'شارك المقال عبر', type: 'boilerplate', reason: 'share' },
    { text: 'أضف تعليقاً', type: 'boilerplate', reason: 'comments' },
    { text: 'تابعونا على تلغرام', type: 'boilerplate', reason: 'subscribe' },
    { text: 'تخطي إلى المحتوى', type: 'boilerplate', reason: 'navigation' },
    { text: 'جميع الحقوق محفوظة لموقع الرصيف 2024', type: 'boilerplate', reason: 'footer' },
    { text: 'المصدر: وكالة الرافد', type: 'source', reason: 'source-line' },
    { text: 'المصادر الإضافية • رويترز', type: 'credit', reason: 'cited-sources' },
    { text: '(أ.ف.ب) - (وكالات)', type: 'credit', reason: 'cited-sources' },
    { text: 'نشر بتاريخ: الأربعاء، 6 آذار 2024', type: 'date', reason: 'date' },
    { text: 'السبت ١٨ فبراير ٢٠٢٣ - ١١:٠٠ ص', type: 'date', reason: 'date' },
    { text: 'الرافد نت:', type: 'byline', reason: 'outlet' },
    { text: 'بقلم: سلمى الخطيب', type: 'byline', reason: 'byline' },
    { text: 'صحيفة المدار اليومية', type: 'byline', reason: 'outlet' },
    { text: 'الموصل اليوم - الموصل', type: 'dateline', reason: 'outlet' },
    {
      text: 'Protesters gather outside the parliament building in the capital on Monday.',
      type: 'caption',
      reason: 'caption',
    },
    { text: 'نبض', type: 'short' },
  ])('labels «$text» as $type', ({ text, type, reason }) => {
    const cls = classify(text);
    expect(cls.type).toBe(type);
    if (reason) expect(cls.reason).toBe(reason);
  });

  it('reads the outlet after «المصدر:» with its page offsets', () => {
    const text = 'المصدر: الساحل نيوز + وكالات';
    const cls = classify(text);
    expect(cls.outlet?.text).toBe('الساحل نيوز');
    expect(text.slice(cls.outlet!.start, cls.outlet!.end)).toBe('الساحل نيوز');
  });

  it('reads the publication date and its span from a date line', () => {
    const text = 'تاريخ النشر: 2nd, March 2021 GMT';
    const cls = classify(text);
    expect(cls.date?.value).toBe('2021-03-02');
    expect(text.slice(cls.date!.start, cls.date!.end)).toBe('2nd, March 2021');
  });

  it('keeps a headline that mentions a year out of the date lines', () => {
    expect(classify('ارتفاع صادرات الفوسفات خلال سنة 2023').type).toBe('title');
  });

  it('finds an outlet byline prefix on a paragraph but not a city', () => {
    const outlet = classify('الرافد نت/ أعلنت وزارة النقل اليوم الأحد عن افتتاح الطريق السريع الجديد بين المدينتين.');
    expect(outlet.bylinePrefix?.outlet.text).toBe('الرافد نت');
    const city = classify('بغداد/ أعلنت وزارة النقل اليوم الأحد عن افتتاح الطريق السريع الجديد بين المدينتين.');
    expect(city.bylinePrefix).toBeUndefined();
  });

  it('cuts a glued «related» cue off a paragraph', () => {
    const text = 'مواضيع ذات صلةوأكد الوزير أن العمل في المشروع سيبدأ خلال الأسابيع المقبلة بعد استكمال التمويل.';
    const cls = classify(text);
    expect(cls.type).toBe('paragraph');
    expect(text.slice(cls.gluedPrefixEnd!)).toBe(
      'وأكد الوزير أن العمل في المشروع سيبدأ خلال الأسابيع المقبلة بعد استكمال التمويل.',
    );
  });
});
