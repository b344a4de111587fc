/**
 * Function words and reporting boilerplate ignored by clustering, in folded form (see terms.ts foldText).
 * Frozen data, no logic. Glosses per group.
 */

const GROUPS: readonly (readonly string[])[] = [
  // prepositions and particles (in, from, on, to, about, that, with, between …)
  ['في', 'من', 'علي', 'الي', 'عن', 'ان', 'او', 'ام', 'ثم', 'قد', 'لقد', 'مع', 'بين', 'حتي', 'منذ', 'عند', 'لدي', 'لا', 'ما', 'لم', 'لن', 'ليس', 'غير', 'سوي', 'الا', 'اذا', 'لو', 'كل', 'بعض', 'اي', 'ايضا', 'فقط', 'حيث', 'كما', 'بل', 'لكن', 'ولكن', 'اما', 'وان', 'فان', 'بان', 'لان', 'كان', 'كانت', 'يكون', 'تكون', 'وكان', 'وكانت', 'فيه', 'فيها', 'منه', 'منها', 'عليه', 'عليها', 'اليه', 'له', 'لها', 'لهم', 'به', 'بها', 'وفي', 'ومن', 'وعلي', 'والي', 'وعن', 'فى', 'الى', 'على'],
  // demonstratives and relatives (this, that, which, who)
  ['هذا', 'هذه', 'ذلك', 'تلك', 'هؤلاء', 'الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللواتي', 'هناك', 'هنا', 'وهذا', 'وهذه', 'وذلك'],
  // pronouns (he, she, they, we)
  ['هو', 'هي', 'هم', 'هما', 'نحن', 'انا', 'انه', 'انها', 'انهم', 'وهو', 'وهي', 'وهم'],
  // time adverbs and connectives (after, before, during, today, yesterday, while …)
  ['بعد', 'قبل', 'خلال', 'اليوم', 'امس', 'غدا', 'الان', 'حاليا', 'عام', 'العام', 'يوم', 'وقت', 'بينما', 'وقد', 'كذلك', 'ايضا', 'عبر', 'نحو', 'حول', 'ضد', 'دون', 'تحت', 'فوق', 'لدى', 'وفق', 'وفقا', 'جدا', 'مثل', 'اكثر', 'اقل', 'اول', 'اخر', 'اخري', 'الذى'],
  // reporting verbs and attribution boilerplate (said, added, pointed out, according to)
  ['قال', 'وقال', 'قالت', 'وقالت', 'اضاف', 'واضاف', 'اضافت', 'واضافت', 'اكد', 'واكد', 'اكدت', 'واكدت', 'اشار', 'واشار', 'اشارت', 'واشارت', 'اوضح', 'واوضح', 'ذكر', 'وذكر', 'ذكرت', 'وذكرت', 'بحسب', 'حسب', 'وفقا', 'يذكر', 'يشار', 'تابع', 'وتابع'],
  // days of the week (Saturday … Friday): shared by unrelated reports on the same day
  ['السبت', 'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه'],
  // page boilerplate (share, comment, read also, source)
  ['شارك', 'تعليق', 'اقرا', 'المصدر', 'الخبر', 'صحيفه', 'رابط'],
];

/** Folded stop words: matched against the folded word and again against its stem. */
export const CLUSTER_STOPWORDS: ReadonlySet<string> = new Set(GROUPS.flat());
