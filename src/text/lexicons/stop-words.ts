/**
 * The one stop-word lexicon: Arabic (and a few English) function words, each listed once with the named subsets it
 * belongs to. Frozen data; `stopWords(subset)` (text/stop-words.ts) folds each subset with its profile.
 * - `search`: dropped from search terms (text/stem.ts).
 * - `cluster`: ignored by clustering, with reporting verbs, weekdays and page boilerplate that unrelated reports
 *   share (corpus/text/terms.ts). The committed IDF table was built without them.
 * - `prose`: the words whose density tells running prose from link lists and navigation (extract/, jusText-style).
 */

export type StopWordSubset = 'search' | 'cluster' | 'prose';

export interface StopWordGroup {
  /** What the words are, with English glosses. */
  readonly gloss: string;
  readonly subsets: readonly StopWordSubset[];
  readonly words: readonly string[];
}

const ALL: readonly StopWordSubset[] = ['search', 'cluster', 'prose'];

export const STOP_WORD_GROUPS: readonly StopWordGroup[] = [
  {
    gloss: 'prepositions and particles (in, from, on, to, about, that, with, between, not, if, every, also, but, was)', subsets: ALL,
    words: [
      'في', 'من', 'على', 'إلى', 'عن', 'أن', 'أو', 'أم', 'ثم', 'قد', 'لقد', 'مع', 'بين', 'حتى', 'منذ', 'عند', 'لدى', 'لا', 'ما', 'لم',
      'لن', 'غير', 'إلا', 'إذا', 'كل', 'أي', 'أيضا', 'حيث', 'كما', 'بل', 'لكن', 'أما', 'بأن', 'لأن', 'كان', 'كانت', 'يكون', 'تكون',
      'فيه', 'فيها', 'منه', 'منها', 'عليه', 'عليها', 'له', 'لها', 'لهم', 'به', 'بها',
    ],
  },
  {
    gloss: 'particles with a clitic (is not, except, some, but, and that, and was, and in, and from, to him)', subsets: ['cluster', 'prose'],
    words: ['ليس', 'سوى', 'لو', 'بعض', 'ولكن', 'وأن', 'فإن', 'وكان', 'وكانت', 'إليه', 'وفي', 'ومن', 'وعلى', 'وإلى', 'وعن'],
  },
  { gloss: 'only, like, the two of them', subsets: ['search', 'cluster'], words: ['فقط', 'مثل', 'هما'] },
  {
    gloss: 'demonstratives and relatives (this, that, which, who, there, here)', subsets: ALL,
    words: ['هذا', 'هذه', 'ذلك', 'تلك', 'الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللواتي', 'هناك', 'هنا'],
  },
  { gloss: 'pronouns (he, she, they, we, I, that he, that she)', subsets: ALL, words: ['هو', 'هي', 'هم', 'نحن', 'أنا', 'أنه', 'أنها'] },
  {
    gloss: 'demonstratives and pronouns with a clitic (these, and this, and he, that they)', subsets: ['cluster', 'prose'],
    words: ['هؤلاء', 'وهذا', 'وهذه', 'وذلك', 'أنهم', 'وهو', 'وهي', 'وهم'],
  },
  {
    gloss: 'time adverbs and connectives (after, before, during, now, towards, about, against, without, according to)', subsets: ALL,
    words: ['بعد', 'قبل', 'خلال', 'الآن', 'نحو', 'حول', 'ضد', 'دون', 'وفق'],
  },
  {
    gloss: 'time adverbs and connectives (today, yesterday, year, while, also, across, under, over, according to)', subsets: ['cluster', 'prose'],
    words: ['اليوم', 'أمس', 'عام', 'العام', 'بينما', 'وقد', 'كذلك', 'عبر', 'تحت', 'فوق', 'وفقا', 'بحسب', 'حسب'],
  },
  {
    gloss: 'everyday words unrelated reports share (tomorrow, currently, day, time, very, more, less, first, last, other)', subsets: ['cluster'],
    words: ['غدا', 'حاليا', 'يوم', 'وقت', 'جدا', 'أكثر', 'أقل', 'أول', 'آخر', 'أخرى'],
  },
  {
    gloss: 'reporting verbs (said, added, stressed, pointed out, explained, mentioned, continued)', subsets: ['cluster'],
    words: [
      'قال', 'وقال', 'قالت', 'وقالت', 'أضاف', 'وأضاف', 'أضافت', 'وأضافت', 'أكد', 'وأكد', 'أكدت', 'وأكدت', 'أشار', 'وأشار', 'أشارت',
      'وأشارت', 'أوضح', 'وأوضح', 'ذكر', 'وذكر', 'ذكرت', 'وذكرت', 'يذكر', 'يشار', 'تابع', 'وتابع',
    ],
  },
  { gloss: 'days of the week (Saturday … Friday)', subsets: ['cluster'], words: ['السبت', 'الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة'] },
  { gloss: 'page boilerplate (share, comment, read, the source, the news, newspaper, link)', subsets: ['cluster'], words: ['شارك', 'تعليق', 'اقرأ', 'المصدر', 'الخبر', 'صحيفة', 'رابط'] },
  {
    gloss: 'prepositions (in front of, behind, during, amid, within, in favour of, about, with, to her, from them, with him)', subsets: ['prose'],
    words: ['أمام', 'وراء', 'أثناء', 'وسط', 'ضمن', 'لصالح', 'بشأن', 'ومع', 'إليها', 'عنه', 'عنها', 'بهم', 'فيهم', 'منهم', 'عليهم', 'معه', 'معها'],
  },
  {
    gloss: 'conjunctions, particles and auxiliaries (that he, because he, were, will, so that, was done, still)', subsets: ['prose'],
    words: [
      'بأنه', 'لأنه', 'كانوا', 'ليست', 'مما', 'ممن', 'سوف', 'كي', 'لكي', 'فيما', 'وأنه', 'ولا', 'ولم', 'ولن', 'وما', 'فقد', 'كانا',
      'أصبح', 'أصبحت', 'مازال', 'لازال', 'تم', 'يتم', 'وتم',
    ],
  },
  { gloss: 'what, but he, when, while', subsets: ['search', 'prose'], words: ['ماذا', 'لكنه', 'إذ', 'عندما'] },
  {
    gloss: 'pronouns, demonstratives, relatives (they f., you, those, these two, who f., therefore, of)', subsets: ['prose'],
    words: ['هن', 'أنت', 'أنتم', 'أولئك', 'هذان', 'هاتان', 'اللاتي', 'بذلك', 'لذلك', 'ذات', 'ذو', 'ذي'],
  },
  { gloss: 'single proclitic letters left alone by a tokeniser, and «أيه»', subsets: ['search'], words: ['أيه', 'و', 'ف', 'ب', 'ل', 'ك'] },
  {
    gloss: 'English function words', subsets: ['search'],
    words: ['the', 'of', 'and', 'a', 'an', 'in', 'on', 'to', 'for', 'is', 'are', 'was', 'by', 'with', 'at', 'from'],
  },
];
