/**
 * What a figure counts, from the words around it: casualty and action nouns/verbs (stems as in text/terms.ts)
 * → a claim category. Frozen data. Action categories describe what happened to the counted people or things
 * («إصابة نحو 70 من جنودها» counts injured, not troops), so they outrank the counted noun.
 */

/** Categories read from the words just before the figure or from its counted noun: what happened. */
export const ACTION_CATEGORIES: ReadonlyMap<string, string> = new Map([
  // killed (قتل، قتلى، مقتل، شهداء، وفاة)
  ...[
    'قتل',
    'قتلي',
    'مقتل',
    'قتيل',
    'شهيد',
    'شهدا',
    'شهداء',
    'استشهاد',
    'استشهد',
    'وفا',
    'توفي',
    'حتف',
    'ضحايا',
    'ضحيه',
    'لقي',
    'لقوا',
  ].map((w) => [w, 'killed'] as const),
  // injured (إصابة، أصيب، جرحى، مصابين)
  ...['اصاب', 'اصيب', 'اصيبوا', 'جرح', 'جرحي', 'جريح', 'مصاب', 'مصابا'].map((w) => [w, 'injured'] as const),
  // attacks (هجوم، استهداف، ضربة، غارة)
  ...[
    'هجوم',
    'هجم',
    'هجمات',
    'استهداف',
    'استهدافا',
    'ضرب',
    'ضربه',
    'غار',
    'غاره',
    'اعتدا',
    'اعتداءات',
    'عمليه',
    'صاروخ',
    'قذيف',
  ].map((w) => [w, 'attacks'] as const),
  // arrested/detained (اعتقال، معتقلين، موقوفين)
  ...['اعتقال', 'اعتقل', 'معتقل', 'موقوف', 'توقيف', 'القبض', 'سجين', 'اسير', 'اسري', 'محتجز'].map(
    (w) => [w, 'detained'] as const,
  ),
  // missing (مفقود، فقدان) — never the same count as killed
  ...['مفقود', 'مفقودا', 'فقدان', 'المفقود'].map((w) => [w, 'missing'] as const),
  // displaced / refugees (نازحين، لاجئين، مهجرين)
  ...['نازح', 'نزوح', 'لاجئ', 'لاجي', 'مهجر', 'تهجير'].map((w) => [w, 'displaced'] as const),
]);

/** Categories read from the counted noun: who or what is counted. */
export const COUNTED_CATEGORIES: ReadonlyMap<string, string> = new Map([
  // troops / soldiers (جندي، جنود، عسكري)
  ...['جندي', 'جند', 'جنود', 'جنودها', 'عسكري', 'عسكر', 'قوات', 'مقاتل', 'عنصر', 'عناصر'].map(
    (w) => [w, 'troops'] as const,
  ),
  // money (دولار، ريال، جنيه، يورو، دينار)
  ...['دولار', 'ريال', 'جنيه', 'يورو', 'دينار', 'درهم', 'ليره', 'مليار', 'مليون'].map((w) => [w, 'money'] as const),
  // percent (٪، بالمئة، في المائة)
  ...['percent', '%', '٪', 'بالمئه', 'بالمائه', 'مئه', 'المئه', 'المائه'].map((w) => [w, 'percent'] as const),
  // people (شخص، مواطن، مدني)
  ...['شخص', 'اشخاص', 'مواطن', 'مدني', 'مدنيا', 'طفل', 'اطفال', 'امراه', 'نساء'].map((w) => [w, 'people'] as const),
]);

/** Words skipped when looking back from a figure for its action word: qualifiers and light connectives. */
export const QUALIFIER_WORDS: ReadonlySet<string> = new Set([
  'نحو',
  'لنحو',
  'بنحو',
  'حوالي',
  'قرابه',
  'زهاء',
  'اكثر',
  'اقل',
  'من',
  'ما',
  'يزيد',
  'يقرب',
  'علي',
  'عن',
  'الي',
  'الا',
  'لا',
  'الاقل',
  'بلغ',
  'عدد',
  'عددها',
  'عددهم',
  'البالغ',
]);
