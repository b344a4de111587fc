/**
 * Cue phrases of page furniture, keyed by normalised form (see extract/line-key.ts: alef folded, ى→ي,
 * tashkeel and punctuation dropped, one space). General vocabulary of Arabic news sites, not any site's strings.
 * Coupled to classify-line.ts, which only trusts a cue on a short line or as a line prefix.
 */
import type { SpanReason } from '../../core/article.ts';

/** Markers after which related headlines, or a whole unrelated article, follow («اقرأ أيضاً», «شاهد أيضاً»). */
export const READ_ALSO_CUES: readonly string[] = [
  // read also / see also / follow also / read more
  'اقرا', 'اقرا ايضا', 'اقرا كذلك', 'اقرا المزيد', 'اقرا اكثر', 'طالع ايضا', 'طالع كذلك', 'شاهد ايضا', 'شاهد كذلك', 'انظر ايضا',
  'تابع ايضا', 'المزيد', 'المزيد من الاخبار',
  // related / similar / more on this
  'ذات صلة', 'اخبار ذات صلة', 'مواضيع ذات صلة', 'مقالات ذات صلة', 'روابط ذات صلة', 'تقارير ذات صلة', 'ذات علاقة',
  'اخبار ذات علاقة', 'مواضيع ذات علاقة', 'مقالات ذات علاقة', 'موضوعات متعلقة', 'مواضيع متعلقة', 'اخبار متعلقة',
  'مواضيع اضافية', 'اخبار اخري', 'مواضيع اخري', 'مقالات مشابهة', 'اخبار مشابهة',
  // you may like / our picks / most read
  'قد يهمك', 'قد يهمك ايضا', 'يهمك ايضا', 'قد يعجبك', 'قد يعجبك ايضا', 'ننصحك بقراءة', 'ننصحكم', 'اخترنا لك', 'اخترنا لكم',
  'ترشيحاتنا', 'مختارات', 'مختاراتنا', 'لا تفوت', 'لا تفوتك', 'الاكثر قراءة', 'الاكثر مشاهدة', 'الاكثر تداولا',
  'اخر الاخبار', 'احدث الاخبار',
  'read also', 'read more', 'see also', 'related', 'related articles', 'related news', 'more stories',
];

/** Cue groups whose line is boilerplate, with the reason shown to the user. */
export const BOILERPLATE_CUES: readonly { readonly reason: SpanReason; readonly cues: readonly string[] }[] = [
  { reason: 'tags', cues: ['كلمات دلالية', 'الكلمات الدلالية', 'الكلمات الدالة', 'كلمات دالة', 'كلمات مفتاحية', 'الكلمات المفتاحية', 'الوسوم', 'وسوم', 'الاوسمة', 'اوسمة', 'التصنيفات', 'تصنيفات', 'الموضوعات', 'مواضيع', 'هاشتاغ', 'tags', 'keywords'] },
  { reason: 'share', cues: ['شارك', 'شاركها', 'شارك هذا المقال', 'شارك الخبر', 'شارك المقال', 'مشاركة', 'مشاركه', 'انشر', 'نشر علي', 'شارك علي', 'ارسل لصديق', 'طباعة', 'طباعه', 'نسخ الرابط', 'انسخ الرابط', 'فيسبوك', 'تويتر', 'واتساب', 'تيليجرام', 'تلغرام', 'share', 'facebook', 'twitter', 'whatsapp', 'telegram', 'print', 'email'] },
  { reason: 'comments', cues: ['اترك تعليقا', 'اترك تعليق', 'اترك ردا', 'اضف تعليق', 'اضف تعليقا', 'اكتب تعليقا', 'التعليقات', 'تعليقات', 'لا توجد تعليقات', 'لن يتم نشر', 'لن ينشر', 'بريدك الالكتروني', 'الحقول المطلوبة', 'الحقول الالزامية', 'الخانات الالزامية', 'الحقول الضرورية', 'الاسم', 'البريد الالكتروني', 'الموقع الالكتروني', 'ارسال التعليق', 'اضف ردا', 'comments', 'leave a reply', 'leave a comment'] },
  { reason: 'subscribe', cues: ['تابعونا', 'تابعونا علي', 'تابع احدث الاخبار', 'تابع اخر الاخبار', 'تابعوا', 'تابع', 'اشترك', 'اشترك في', 'اشترك الان', 'انضم', 'انضم الي', 'انضموا', 'حمل تطبيق', 'حمل التطبيق', 'النشرة البريدية', 'القائمة البريدية', 'للاشتراك', 'subscribe', 'follow us', 'newsletter'] },
  { reason: 'navigation', cues: ['تجاوز الي المحتوي', 'تخطي الي المحتوي', 'انتقل الي المحتوي', 'الانتقال الي المحتوي', 'الذهاب الي المحتوي', 'الرئيسية', 'الصفحة الرئيسية', 'القائمة', 'بحث', 'ابحث', 'القائمة الرئيسية', 'عاجل', 'اخبار عاجلة', 'skip to content', 'skip to main content', 'home', 'menu', 'search'] },
  { reason: 'author-box', cues: ['عن الكاتب', 'عن المحرر', 'نبذة عن الكاتب', 'مقالات الكاتب', 'جميع مقالات', 'المزيد من مقالات', 'كل مقالات', 'about the author'] },
  { reason: 'footer', cues: ['جميع الحقوق محفوظة', 'حقوق النسخ', 'حقوق الطبع', 'الحقوق محفوظة', 'كل الحقوق محفوظة', 'حقوق النشر', 'سياسة الخصوصية', 'اتصل بنا', 'من نحن', 'شروط الاستخدام', 'all rights reserved', 'copyright', 'privacy policy'] },
  { reason: 'advert', cues: ['اعلان', 'اعلانات', 'مساحة اعلانية', 'المحتوي الممول', 'محتوي ممول', 'advertisement', 'sponsored'] },
  { reason: 'caption', cues: ['صورة ارشيفية', 'صورة من الارشيف', 'الصورة', 'صورة', 'تصوير', 'مصدر الصورة', 'photo', 'getty images', 'afp photo', 'reuters photo'] },
];

/** Prefixes of a line naming where the story came from («المصدر: وكالة الأنباء»). The name follows the colon. */
export const SOURCE_LINE_CUES: readonly string[] = ['المصدر', 'مصدر الخبر', 'المصدر الاصلي', 'source', 'المصادر'];

/** Prefixes of a line crediting wire services («المصادر الإضافية • أ ب»): cited sources, not the outlet. */
export const CREDIT_LINE_CUES: readonly string[] = ['المصادر الاضافية', 'مصادر اضافية', 'بمساهمة', 'شارك في التغطية', 'additional sources', 'additional reporting'];

/** Prefixes of a date line («تاريخ النشر: …», «آخر تحديث: …»). Publication cues outrank update cues. */
export const PUBLISHED_CUES: readonly string[] = ['تاريخ النشر', 'نشر في', 'نشر بتاريخ', 'تاريخ', 'التاريخ', 'نشر', 'published', 'posted', 'date'];
export const UPDATED_CUES: readonly string[] = ['اخر تحديث', 'تم التحديث', 'تحديث', 'محدث', 'updated', 'last updated'];

/** Prefixes of a personal byline («بقلم: …», «كتب: …»): a writer, not the outlet. */
export const BYLINE_CUES: readonly string[] = ['بقلم', 'كتب', 'كتبت', 'كتبه', 'اعداد', 'ترجمة', 'by'];

/**
 * Phrases of comment policies and opinion disclaimers, matched anywhere in a line: a paragraph saying
 * «الآراء الواردة أدناه لا تعبر عن رأي الموقع» is furniture however long it is.
 */
export const DISCLAIMER_PHRASES: readonly string[] = [
  'لا تعبر عن راي', 'لا تعبر بالضرورة', 'لا تعكس بالضرورة', 'لا يعبر عن راي', 'لا تمثل راي', 'الاراء الواردة', 'الاراء المنشورة',
  'التعليقات المنشورة', 'مراجعة التعليقات', 'سياسة التعليقات', 'شروط التعليق', 'تعبر عن راي كاتبها', 'تعبر عن وجهة نظر كاتبها',
];
