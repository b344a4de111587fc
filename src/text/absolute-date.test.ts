import { describe, expect, it } from 'vitest';
import { findAbsoluteDates, formatDateValue } from './absolute-date.ts';
import { growsLinearly } from '../core/testing/growth.ts';

interface Row {
  readonly input: string;
  readonly surface: string;
  readonly value: string;
  readonly precision: 'day' | 'month' | 'year';
}

const TABLE: readonly Row[] = [
  { input: 'تاريخ النشر: 14th, March 2023 GMT', surface: '14th, March 2023', value: '2023-03-14', precision: 'day' },
  { input: 'Published: 3rd, February 2022 GMT', surface: '3rd, February 2022', value: '2022-02-03', precision: 'day' },
  {
    input: 'أعلنت الوزارة يوم الخميس (5 كانون الثاني 2023) عن خطة جديدة',
    surface: '5 كانون الثاني 2023',
    value: '2023-01-05',
    precision: 'day',
  },
  {
    input: 'نشر بتاريخ 9 تشرين الثاني 2021 في العاصمة',
    surface: '9 تشرين الثاني 2021',
    value: '2021-11-09',
    precision: 'day',
  },
  { input: 'القاهرة في 22 ديسمبر 2022 - وصل الوفد', surface: '22 ديسمبر 2022', value: '2022-12-22', precision: 'day' },
  { input: 'الجزائر، 4 جانفي 2024 (وكالات)', surface: '4 جانفي 2024', value: '2024-01-04', precision: 'day' },
  { input: 'الرباط في 11 يوليوز 2019', surface: '11 يوليوز 2019', value: '2019-07-11', precision: 'day' },
  { input: 'آخر تحديث 2019/03/15 الساعة 10:30', surface: '2019/03/15', value: '2019-03-15', precision: 'day' },
  { input: 'نشر في 2020-11-02T08:15:00Z', surface: '2020-11-02', value: '2020-11-02', precision: 'day' },
  { input: 'السبت ١٨ فبراير ٢٠٢٣ - ١١:٠٠ ص', surface: '١٨ فبراير ٢٠٢٣', value: '2023-02-18', precision: 'day' },
  {
    input: 'وقع الاتفاق في يناير/كانون الثاني 2018 بعد مفاوضات',
    surface: 'يناير/كانون الثاني 2018',
    value: '2018-01',
    precision: 'month',
  },
  {
    input: 'منذ تشرين الأول/أكتوبر العام 2019، تغيرت الأوضاع',
    surface: 'تشرين الأول/أكتوبر العام 2019',
    value: '2019-10',
    precision: 'month',
  },
  {
    input: 'اندلعت المواجهات في 3 حزيران (يونيو) 2021 قرب الحدود',
    surface: '3 حزيران (يونيو) 2021',
    value: '2021-06-03',
    precision: 'day',
  },
  {
    input: 'جرت الانتخابات في أيار/مايو 2022 وسط مقاطعة',
    surface: 'أيار/مايو 2022',
    value: '2022-05',
    precision: 'month',
  },
  { input: 'افتُتح المصنع عام 1998 في ضواحي المدينة', surface: 'عام 1998', value: '1998', precision: 'year' },
  { input: 'وصلت الصادرات خلال العام 2021 إلى مستوى قياسي', surface: 'العام 2021', value: '2021', precision: 'year' },
  {
    input: 'كما ذكرنا في آذار من عام 2020، فإن الخطة',
    surface: 'آذار من عام 2020',
    value: '2020-03',
    precision: 'month',
  },
  {
    input: 'Talks began on September 14, 2022 in Geneva',
    surface: 'September 14, 2022',
    value: '2022-09-14',
    precision: 'day',
  },
  { input: 'Photo taken on 2 June 2017 near the port', surface: '2 June 2017', value: '2017-06-02', precision: 'day' },
  { input: 'صدر التقرير في March 2021 باللغة الإنجليزية', surface: 'March 2021', value: '2021-03', precision: 'month' },
  {
    input: 'في الرابع عشر من فبراير 2020 أعلنت الشركة',
    surface: 'الرابع عشر من فبراير 2020',
    value: '2020-02-14',
    precision: 'day',
  },
  {
    input: 'يوم الـ25 من شهر أغسطس 2016 وصلت القافلة',
    surface: 'الـ25 من شهر أغسطس 2016',
    value: '2016-08-25',
    precision: 'day',
  },
  { input: 'صدر القرار بتاريخ 06/09/2018 عن المحكمة', surface: '06/09/2018', value: '2018-09-06', precision: 'day' },
  { input: 'وُقّعت الوثيقة في 1 رمضان 1444 هـ', surface: '1 رمضان 1444 هـ', value: '2023-03-23', precision: 'day' },
  { input: 'نُشر يناير 26، 2024 في قسم الأخبار', surface: 'يناير 26، 2024', value: '2024-01-26', precision: 'day' },
  { input: 'افتُتح الجسر في سبتمبرَ 2015م أمام الحركة', surface: 'سبتمبرَ 2015م', value: '2015-09', precision: 'month' },
];

describe('findAbsoluteDates', () => {
  it.each(TABLE)('finds «$surface» in «$input»', ({ input, surface, value, precision }) => {
    const dates = findAbsoluteDates(input);
    expect(dates).toHaveLength(1);
    const [date] = dates;
    expect(date!.text).toBe(surface);
    expect(input.slice(date!.start, date!.end)).toBe(surface);
    expect(date!.value).toBe(value);
    expect(date!.precision).toBe(precision);
  });

  it('finds several dates in one sentence, in order', () => {
    const text = 'بدأت الحرب عام 2014 وانتهت في 9 كانون الأول 2017 ثم عاد التوتر في آب/أغسطس 2020';
    const dates = findAbsoluteDates(text);
    expect(dates.map((d) => d.value)).toEqual(['2014', '2017-12-09', '2020-08']);
    for (const d of dates) expect(text.slice(d.start, d.end)).toBe(d.text);
  });

  it('reports year, month and day parts and the rule', () => {
    const [date] = findAbsoluteDates('الاثنين 31 تموز 2023');
    expect(date).toMatchObject({ year: 2023, month: 7, day: 31, rule: 'date/day-month-year', calendar: 'gregorian' });
  });

  it.each([
    'قتل 1500 شخص في الهجوم',
    'منذ 17 أكتوبر الماضي تصاعدت الهجمات',
    'في الحرب بين 2014-2019 تغير كل شيء',
    'رقم الهاتف 0123/456/7890',
    'بلغ السعر 31/02/2023 وهو تاريخ غير صالح',
    'سجلت الشركة أرباحاً بقيمة 2500 مليون',
    'قضى أب 2023 ساعة مع أطفاله',
  ])('finds no date in «%s»', (input) => {
    expect(findAbsoluteDates(input)).toEqual([]);
  });

  it('scans a long pathological input in linear time', () => {
    const unit = '12 12 12 كانون كانون 2024 عام ';
    expect(growsLinearly((k) => findAbsoluteDates(unit.repeat(5_000 * k)))).toBe(true);
  });

  it('formats partial dates', () => {
    expect(formatDateValue(2024, 1, 5)).toBe('2024-01-05');
    expect(formatDateValue(2024, 11, null)).toBe('2024-11');
    expect(formatDateValue(2024, null, null)).toBe('2024');
  });
});
