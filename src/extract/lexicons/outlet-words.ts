/**
 * Words that make a short line read as a news outlet's name: a media noun first («وكالة الرافد للأنباء»,
 * «موقع الجسر») or an outlet suffix last («المدى نيوز», «الجديد برس», «الساحل اليوم»). Normalised. Frozen data.
 */

/** Media nouns that open an outlet name. */
export const OUTLET_HEADS: ReadonlySet<string> = new Set([
  'وكالة', 'صحيفة', 'جريدة', 'مجلة', 'شبكة', 'موقع', 'قناة', 'منصة', 'بوابة', 'اذاعة', 'راديو', 'تلفزيون', 'فضائية', 'نشرة',
  'منبر', 'مرصد', 'دار', 'صوت', 'نافذة', 'منتدي', 'اخبار', 'انباء',
]);

/** Words that close an outlet name. */
export const OUTLET_TAILS: ReadonlySet<string> = new Set([
  'نيوز', 'برس', 'نت', 'تايمز', 'بوست', 'ميديا', 'اونلاين', 'تي في', 'اليوم', 'الاخبارية', 'الاخباري', 'الالكترونية',
  'الالكتروني', 'للانباء', 'للاعلام', 'الرقمي', 'الرقمية', 'news', 'press', 'net', 'times', 'post', 'media', 'tv', 'online', '24',
]);
