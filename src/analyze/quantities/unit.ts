/**
 * The counted noun or unit right after an amount: «2500 جندي», «151 استهدافاً», «70 من جنودها»,
 * «مليون دولار», «عشرات الجنود» (vague amounts take a definite plural). Returns view offsets of the noun.
 */
import { normalizeKey, type TextView } from '../../text/normalize.ts';
import type { NounForm } from './candidate.ts';

/** Currency and measure words → canonical unit name (normalised). */
const UNIT_WORDS: ReadonlyMap<string, string> = new Map([
  ['دولار', 'دولار'],
  ['دولارا', 'دولار'],
  ['دولارات', 'دولار'],
  ['يورو', 'يورو'],
  ['ريال', 'ريال'],
  ['ريالا', 'ريال'],
  ['دينار', 'دينار'],
  ['دينارا', 'دينار'],
  ['جنيه', 'جنيه'],
  ['جنيها', 'جنيه'],
  ['جنيهات', 'جنيه'],
  ['درهم', 'درهم'],
  ['درهما', 'درهم'],
  ['ليرة', 'ليرة'],
  ['ليرات', 'ليرة'],
  ['شيكل', 'شيكل'],
  ['روبل', 'روبل'],
  ['يوان', 'يوان'],
  ['كيلومتر', 'كيلومتر'],
  ['كيلومترا', 'كيلومتر'],
  ['كلم', 'كيلومتر'],
  ['كم', 'كيلومتر'],
  ['متر', 'متر'],
  ['مترا', 'متر'],
  ['امتار', 'متر'],
  ['طن', 'طن'],
  ['طنا', 'طن'],
  ['اطنان', 'طن'],
  ['برميل', 'برميل'],
  ['برميلا', 'برميل'],
  ['هكتار', 'هكتار'],
  ['ميغاواط', 'ميغاواط'],
  ['ميجاوات', 'ميغاواط'],
]);
const UNIT_BY_LINK_KEY: ReadonlyMap<string, string> = new Map(
  [...UNIT_WORDS].map(([word, unit]) => [normalizeKey(word), unit] as const),
);
/**
 * The canonical unit a word names, read through the same lexicon as the amounts: «الدولار», «بالجنيه», «دولارات» →
 * a unit; anything else → null. `word` is in the `link` fold (no diacritics, ة → ه): the lexicon's «ليرة» is folded too.
 */
export function unitOfWord(word: string): string | null {
  const bare = word.replace(/^(?:[وف]?(?:ب|ل|ك)?ال|[وف]?لل)(?=\S{2})/u, '');
  return UNIT_BY_LINK_KEY.get(word) ?? UNIT_BY_LINK_KEY.get(bare) ?? null;
}

/** Words that follow numbers but are not what is counted. */
const NOT_NOUNS: ReadonlySet<string> = new Set([
  'في',
  'من',
  'علي',
  'الي',
  'عن',
  'مع',
  'حتي',
  'بعد',
  'قبل',
  'او',
  'ام',
  'ثم',
  'التي',
  'الذي',
  'الذين',
  'انه',
  'ان',
  'اذا',
  'لكن',
  'الا',
  'منذ',
  'خلال',
  'بين',
  'عند',
  'حين',
  'كما',
  'وفق',
  'حسب',
  'بحسب',
  'ما',
  'لا',
  'لم',
  'لن',
  'قد',
  'هو',
  'هي',
  'هم',
  'كان',
  'كانت',
  'تقريبا',
  'فقط',
  'نحو',
  'حوالي',
  'جراء',
  'اثر',
  'بسبب',
  'نتيجة',
  'ضد',
  'لدي',
  'داخل',
  'خارج',
  'حول',
  'عبر',
  'دون',
  'بينهم',
  'منهم',
  'بينها',
  'منها',
  'اضافة',
  'فيما',
  'بينما',
  'وسط',
  'امام',
  'لصالح',
  'مساء',
  'صباح',
  'ظهر',
  'عصر',
  'فجر',
  'ليلا',
  'نهارا',
  'يوميا',
  'امس',
  'غدا',
  'سنويا',
  'شهريا',
  'اسبوعيا',
]);
/** The noun may follow a closing bracket or quote: «(9000) قاروصة», «(180)كرتونة». */
const WORD = /^(?:\s{1,3}|[)\]»"”]\s{0,2})(?<word>[\u0621-\u064A]{2,})/u;
const MIN_UNIT_LETTERS = 2;
/** Room for «من» plus one word, read with one bounded slice. */
const LOOKAHEAD_CHARS = 40;

export interface UnitMatch {
  /** View offsets of the noun. */
  readonly start: number;
  readonly end: number;
  /** Canonical unit for currencies/measures, else null (the caller uses the source surface). */
  readonly canonical: string | null;
  /** «70 من جنودها»: the noun came after «من» (the span then covers «من» too). */
  readonly viaMin: boolean;
}

/** Finds the counted noun after view offset `end`, in the form the amount allows. */
export function findUnit(view: TextView, end: number, nounForm: NounForm): UnitMatch | null {
  const ahead = view.text.slice(end, end + LOOKAHEAD_CHARS);
  const first = WORD.exec(ahead);
  if (!first) return null;
  const word = first.groups!.word!;
  const wordStart = end + first[0].length - word.length;
  const canonical = UNIT_WORDS.get(word) ?? null;
  if (canonical) return { start: wordStart, end: wordStart + word.length, canonical, viaMin: false };
  if (word === 'من') {
    const second = WORD.exec(ahead.slice(first[0].length));
    if (!second || NOT_NOUNS.has(second.groups!.word!)) return null;
    const secondStart = wordStart + word.length + second[0].length - second.groups!.word!.length;
    return { start: secondStart, end: secondStart + second.groups!.word!.length, canonical: null, viaMin: true };
  }
  if (nounForm === 'of-only' || NOT_NOUNS.has(word) || word.length < MIN_UNIT_LETTERS) return null;
  if (word.startsWith('ال') !== (nounForm === 'definite')) return null;
  // «36 بالمركز الأول», «10 للفريق»: a preposition clitic before the article is not a counted noun.
  if (/^(?:[وف]?[بكل]ال|[وف]?لل|[وف]ال)/u.test(word)) return null;
  return { start: wordStart, end: wordStart + word.length, canonical: null, viaMin: false };
}
