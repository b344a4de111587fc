/**
 * Frozen lexicons for entity linking (entities/link.ts), keyed by linking key (normalizeKey: alef folded,
 * ة→ه, no tashkeel). Aliases name one organisation or country several ways; capitals stand for their
 * government when they act («إصرار واشنطن على»); titles and page chrome are not names.
 */
import type { EntityType } from '../../core/annotation.ts';

export interface AliasTarget {
  readonly canonical: string;
  readonly type: EntityType;
}

const group = (canonical: string, type: EntityType, keys: readonly string[]): [string, AliasTarget][] =>
  keys.map((key) => [key, { canonical, type }]);

/** Alias key → canonical name and type. */
export const ALIASES: ReadonlyMap<string, AliasTarget> = new Map([
  // ISIS
  ...group('تنظيم الدولة الإسلامية', 'ORG', [
    'داعش',
    'تنظيم داعش',
    'الدوله الاسلاميه',
    'تنظيم الدوله الاسلاميه',
    'تنظيم الدوله',
    'الدوله الاسلاميه في العراق والشام',
    'تنظيم الدوله الاسلاميه في العراق والشام',
    'عصابات داعش',
    'داعش الارهابي',
    'تنظيم داعش الارهابي',
  ]),
  // The US Department of Defense
  ...group('البنتاغون', 'ORG', [
    'البنتاغون',
    'البنتاجون',
    'وزاره الدفاع الامريكيه',
    'وزاره الدفاع الاميركيه',
    'البنتاغون الامريكي',
  ]),
  // The United States
  ...group('الولايات المتحدة', 'LOC', [
    'الولايات المتحده',
    'الولايات المتحده الامريكيه',
    'الولايات المتحده الاميركيه',
    'امريكا',
    'اميركا',
  ]),
  // Popular Mobilisation Forces (Iraq)
  ...group('الحشد الشعبي', 'ORG', ['الحشد الشعبي', 'قوات الحشد الشعبي', 'هيئه الحشد الشعبي', 'الحشد']),
  // Hamas
  ...group('حركة حماس', 'ORG', ['حماس', 'حركه حماس', 'حركه المقاومه الاسلاميه']),
  // Hezbollah (Lebanon)
  ...group('حزب الله', 'ORG', ['حزب الله', 'حزب الله اللبناني']),
  // United Nations
  ...group('الأمم المتحدة', 'ORG', ['الامم المتحده', 'منظمه الامم المتحده', 'هيئه الامم المتحده']),
  // NATO
  ...group('حلف شمال الأطلسي', 'ORG', ['حلف شمال الاطلسي', 'الناتو', 'حلف الناتو', 'حلف شمال الاطلسي الناتو']),
  // European Union
  ...group('الاتحاد الأوروبي', 'ORG', ['الاتحاد الاوروبي', 'الاتحاد الاوربي']),
  // United Kingdom
  ...group('بريطانيا', 'LOC', ['بريطانيا', 'المملكه المتحده']),
]);

/** Capitals that stand for their country's government when not used as a place. */
export const METONYMS: ReadonlyMap<string, AliasTarget> = new Map([
  ['واشنطن', { canonical: 'الولايات المتحدة', type: 'LOC' }],
  ['موسكو', { canonical: 'روسيا', type: 'LOC' }],
  ['بكين', { canonical: 'الصين', type: 'LOC' }],
  ['طهران', { canonical: 'إيران', type: 'LOC' }],
  ['انقره', { canonical: 'تركيا', type: 'LOC' }],
  ['لندن', { canonical: 'بريطانيا', type: 'LOC' }],
  ['باريس', { canonical: 'فرنسا', type: 'LOC' }],
]);

/** Words right before a capital that make it a place: «في واشنطن», «زيارة إلى موسكو», «العاصمة بكين». */
export const PLACE_CUES: ReadonlySet<string> = new Set([
  'في',
  'الي',
  'من',
  'زياره',
  'زار',
  'وصل',
  'وصلت',
  'العاصمه',
  'مطار',
  'شوارع',
  'قرب',
  'داخل',
  'خارج',
  'نحو',
  'عاد',
  'غادر',
  'مدينه',
]);

/** Generic heads of place names: «قطاع غزة» ~ «غزة», «محافظة الأنبار» ~ «الأنبار». Only for LOC mentions. */
export const PLACE_HEADS: ReadonlySet<string> = new Set([
  'قطاع',
  'مدينه',
  'محافظه',
  'اقليم',
  'ولايه',
  'منطقه',
  'بلده',
  'قريه',
  'مخيم',
  'جزيره',
  'دوله',
  'مقاطعه',
  'ناحيه',
  'قضاء',
  'اماره',
]);

/** Leading titles that are not part of a person's name: «الرئيس جو بايدن», «وزير الدفاع ثابت العباسي» is NER's call. */
export const TITLES: ReadonlySet<string> = new Set([
  'الرئيس',
  'الوزير',
  'السيد',
  'السيده',
  'الدكتور',
  'د',
  'الشيخ',
  'الجنرال',
  'اللواء',
  'العميد',
  'الفريق',
  'المشير',
  'الامير',
  'الملك',
  'السفير',
  'السفيره',
  'النائب',
  'العقيد',
  'الاميرال',
  'القاضي',
  'المستشار',
  'الاستاذ',
  'الحاج',
  'الرائد',
]);

/** Page chrome and generic words a tagger may mistake for names. */
export const NOT_ENTITIES: ReadonlySet<string> = new Set([
  'تاريخ النشر',
  'اقرا ايضا',
  'اقرا المزيد',
  'كلمات دلاليه',
  'المصدر',
  'المصادر',
  'شارك',
  'مشاركه',
  'تابعونا',
  'الكلمات الدلاليه',
  'مواضيع ذات صله',
  'اخبار ذات صله',
  'التعليقات',
  'اشترك',
  'النشره البريديه',
]);
