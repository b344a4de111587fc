// Display formats: Arabic dates at their precision, labels for entity types, removal reasons and verdicts.

const MONTH = new Intl.DateTimeFormat('ar-u-nu-latn', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY = new Intl.DateTimeFormat('ar-u-nu-latn', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2024", "2024-01" or "2024-01-25" → «2024», «يناير 2024», «25 يناير 2024»; null → «بلا تاريخ». */
export function formatDate(value) {
  if (!value) return 'بلا تاريخ';
  const [year, month, day] = String(value).split('-').map(Number);
  if (!month) return String(year);
  if (!day) return MONTH.format(Date.UTC(year, month - 1, 1));
  return DAY.format(Date.UTC(year, month - 1, day));
}

/** «من … إلى …», or one date when both ends are equal. */
export function formatRange(first, last) {
  if (!first && !last) return 'بلا تاريخ';
  if (!last || first === last) return formatDate(first ?? last);
  return `${formatDate(first)} – ${formatDate(last)}`;
}

export const ENTITY_TYPES = { PERS: 'شخص', ORG: 'مؤسسة', LOC: 'مكان', MISC: 'أخرى' };

export const REMOVAL_REASONS = {
  navigation: 'قائمة تنقل',
  tags: 'وسوم',
  'related-links': 'روابط ذات صلة',
  'read-also-marker': '«اقرأ أيضاً»',
  share: 'أزرار مشاركة',
  'author-box': 'صندوق الكاتب',
  comments: 'تعليقات',
  'duplicate-headline': 'عنوان مكرر',
  footer: 'تذييل الصفحة',
  subscribe: 'دعوة للاشتراك',
  'glued-link': 'نص رابط ملتصق',
  caption: 'تعليق صورة',
  advert: 'إعلان',
  other: 'أخرى',
  'outside-main-content': 'خارج المحتوى الرئيسي',
};

export const VERDICTS = { agree: 'متفقة', conflict: 'متعارضة', update: 'محدّثة', 'single-source': 'مصدر واحد' };

export const QUALIFIERS = {
  exact: '',
  about: 'نحو',
  'more-than': 'أكثر من',
  'less-than': 'أقل من',
  'at-least': 'على الأقل',
  'at-most': 'على الأكثر',
  dozens: 'عشرات',
  hundreds: 'مئات',
  thousands: 'آلاف',
  several: 'عدة',
};

/** «12 مقالاً»-style counts without grammar tables: number then noun. */
export function count(n, noun) {
  return `${n.toLocaleString('ar-u-nu-latn')} ${noun}`;
}
