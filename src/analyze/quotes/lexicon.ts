/**
 * Cue words of reported speech, keyed by normalised form (alef folded, no tashkeel). Frozen data.
 * Verbs of saying in the past and present, masculine/feminine/plural: «قال», «أكدت», «أضاف», «يقول».
 */

/** Verbs that introduce what someone said. */
export const SPEECH_VERBS: readonly string[] = [
  'قال', 'قالت', 'قالوا', 'يقول', 'تقول', 'اكد', 'اكدت', 'اكدوا', 'يؤكد', 'تؤكد', 'اضاف', 'اضافت', 'تابع', 'تابعت',
  'اشار', 'اشارت', 'يشير', 'تشير', 'اوضح', 'اوضحت', 'يوضح', 'ذكر', 'ذكرت', 'اعلن', 'اعلنت', 'صرح', 'صرحت',
  'كشف', 'كشفت', 'لفت', 'لفتت', 'افاد', 'افادت', 'اعتبر', 'اعتبرت', 'راي', 'رات', 'شدد', 'شددت', 'نفي', 'نفت',
  'زعم', 'زعمت', 'حذر', 'حذرت', 'اكدا', 'قالا', 'اوضحا', 'ابلغ', 'ابلغت', 'اعترف', 'اعترفت', 'ادعي', 'ادعت',
  'نقل', 'نقلت', 'اورد', 'اوردت', 'رجح', 'رجحت', 'توقع', 'توقعت', 'اقر', 'اقرت', 'بينت',
];

/** Verbs whose omitted subject continues the previous speaker: «وأضاف أن ...» (and he added that ...). */
export const CONTINUATION_VERBS: ReadonlySet<string> = new Set([
  'اضاف', 'اضافت', 'تابع', 'تابعت', 'اوضح', 'اوضحت', 'اشار', 'اشارت', 'اكد', 'اكدت', 'قال', 'قالت', 'شدد', 'شددت', 'لفت', 'لفتت',
]);

/** «بحسب», «وفق», «نقلاً عن», «على حد قول»: attribution after (or before) the reported content. */
export const ACCORDING_TO = '(?:بحسب|حسب|وفق|وفقا\\s{0,2}ل|طبقا\\s{0,2}ل|نقلا\\s{1,3}عن|علي\\s{1,3}حد\\s{1,3}قول|حسبما\\s{1,3}(?:قال|قالت|ذكر|ذكرت|افاد|افادت))';
/** «بحسب ما نقلت وكالة رويترز عن البنتاغون»: a reporting verb between the cue and the source. */
export const RELAYING_VERB = '(?:ما\\s{1,3}(?:نقلته|نقلت|نقل|ذكرته|ذكرت|ذكر|اوردته|اوردت|اورد|افادت|افاد|قالت|قال|اعلنت|اعلن|نشرته|نشرت|نشر)\\s{1,3})';

/** Words that end a speaker phrase: «قالت الوزارة في بيان إن» → «الوزارة». */
export const SPEAKER_STOP_WORDS: ReadonlySet<string> = new Set([
  'في', 'خلال', 'عبر', 'اثناء', 'عقب', 'بعد', 'امس', 'اليوم', 'يوم', 'ايضا', 'كذلك', 'مساء', 'صباح', 'الاحد', 'الاثنين',
  'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعة', 'السبت', 'لوكالة', 'لصحيفة', 'لقناة', 'لموقع', 'لمجلة', 'لشبكة', 'للصحفيين',
  'للصحافيين', 'لوسائل', 'امام', 'حول', 'بشان', 'تعليقا', 'ردا', 'مؤخرا', 'سابقا', 'ان', 'انه', 'انها',
]);

/** «نقلاً عن» inside a speaker phrase starts the inner source of a chain. */
export const CHAIN_SPLIT = /\s{1,3}نقلا\s{1,3}عن\s{1,3}/u;
/** After «بحسب ما نقلت», a bare «عن» also relays: «وكالة رويترز عن البنتاغون». */
export const RELAY_SPLIT = /\s{1,3}(?:نقلا\s{1,3}عن|عن)\s{1,3}/u;
