/**
 * Amounts in number words: «ألف مقاتل», «ثلاثة آلاف», «خمسة وعشرين شخصاً», «مليون دولار», «مئتي»,
 * with a prefix qualifier («أقل من ألف مقاتل»). Small numbers (≤ 10) need a following noun, so «ست» (Mrs)
 * or «سبع» (lion) alone are not amounts.
 */
import type { Recognizer } from '../../recognizer.ts';
import { PERCENT, type AmountCandidate } from '../candidate.ts';
import { NUMBER_VALUES, NUMBER_WORDS, SCALE_VALUES, parseNumberWords } from '../number-words.ts';
import { PREFIX_QUALIFIER, qualifierOf } from '../qualifiers.ts';

/** Amounts up to this value must be followed by a counted noun. */
const MAX_BARE_SMALL = 10;
/** An indefinite noun: «ست البيت» (the lady of the house) is not six. */
const NOUN_AFTER = /^\s{1,3}(?!ال)[\u0621-\u064A]{2,}/u;

function isNumberWord(word: string): boolean {
  return NUMBER_VALUES.has(word) || SCALE_VALUES.has(word);
}

export const words: Recognizer<AmountCandidate> = {
  rule: 'quantity/words',
  pattern: new RegExp(`(?:${PREFIX_QUALIFIER}|(?<clitic>[بل](?=\\S))?)(?<words>${NUMBER_WORDS})${PERCENT}?`, 'uy'),
  extract(match, view) {
    const groups = match.groups!;
    const value = parseNumberWords(groups.words!);
    // «أحد أبرز», «واحدة من أشرس»: "one of", not a count.
    if (value === null || value === 1) return null;
    const end = match.index + match[0].length;
    if (value <= MAX_BARE_SMALL && groups.percent === undefined && !NOUN_AFTER.test(view.text.slice(end, end + 12)))
      return null;
    // A run opening with the conjunction («وتسعة آلاف») starts after it.
    const skip =
      (groups.clitic?.length ?? 0) +
      (groups.qualifier === undefined && /^و/u.test(groups.words!) && !isNumberWord(groups.words!.split(/\s/u)[0]!)
        ? 1
        : 0);
    return {
      start: match.index + skip,
      end,
      rule: this.rule,
      value,
      qualifier: groups.qualifier === undefined ? 'exact' : (qualifierOf(groups.qualifier) ?? 'exact'),
      unit: groups.percent !== undefined ? 'percent' : null,
      nounForm: 'indefinite',
    };
  },
};
