import { describe, expect, it } from 'vitest';
import { findCitedSources } from './cited-sources.ts';

describe('findCitedSources', () => {
  it.each([
    { text: 'ونقلت صحيفة “الشروق” عن مصادر حكومية أن الاتفاق بات وشيكاً.', expected: ['الشروق'] },
    { text: 'وقال الوزير في تصريح لوكالة الأنباء القطرية «قنا» إن المشروع سيكتمل العام المقبل.', expected: ['قنا'] },
    { text: 'بحسب ما نقلت وكالة "رويترز" عن الكرملين، فإن القمة ستعقد في موعدها.', expected: ['رويترز', 'الكرملين'] },
    { text: 'وذكرت مجلة نيوزويك الأمريكية أن الصفقة تأجلت.', expected: ['نيوزويك'] },
    { text: 'أعلنت الشركة (أ ف ب) أن الأرباح ارتفعت، وفق ما أوردته الأناضول.', expected: ['أ ف ب', 'الأناضول'] },
  ])('finds $expected', ({ text, expected }) => {
    expect(findCitedSources(text, null)).toEqual(expected);
  });

  it.each([
    'نقلاً عن 3 مصادر مطلعة، فإن المفاوضات متعثرة.',
    'وأطلقت الوزارة منصة إلكترونية لتلقي الشكاوى عبر موقع رسمي.',
    'وقال لوسائل إعلام محلية إن الوضع مستقر.',
    'وتشمل الخطة توسيع شبكة النقل العام وتحويل موقع الحادث إلى حديقة عامة.',
  ])('finds nothing in «%s»', (text) => {
    expect(findCitedSources(text, null)).toEqual([]);
  });

  it('drops the outlet itself unless it is a wire agency', () => {
    expect(findCitedSources('وجاء التقرير الذي ترجمته وكالة النهرين نيوز، بحسب مصادرها.', 'النهرين نيوز')).toEqual([]);
    expect(findCitedSources('وقال في تصريح لوكالة أنباء الإمارات «وام» إن العمل مستمر.', 'وام')).toEqual(['وام']);
  });
});
