/**
 * Amounts in number words: «ألف مقاتل», «ثلاثة آلاف», «خمسة وعشرين شخصاً», «مليون دولار», «مئتي»,
 * with a prefix qualifier («أقل من ألف مقاتل»). Small numbers (≤ 10) need a following noun, so «ست» (Mrs)
 * or «سبع» (lion) alone are not amounts.
 */
import type { Recognizer } from '../../recognizer.ts';
import { PERCENT, type AmountCandidate } from '../candidate.ts';
import { NUMBER_WORDS, parseNumberWords } from '../number-words.ts';
import { PREFIX_QUALIFIER, qualifierOf } from '../qualifiers.ts';

/** Amounts up to this value must be followed by a counted noun. */
const MAX_BARE_SMALL = 10;
/** An indefinite noun: «ست البيت» (the lady of the house) is not six. */
const NOUN_AFTER = /^\s{1,3}(?!ال)[\u0621-\u064A]{2,}/u;

export const words: Recognizer<AmountCandidate> = {
  rule: 'quantity/words',
  pattern: new RegExp(`(?:${PREFIX_QUALIFIER}|(?<![\\p{L}\\p{M}\\p{N}])(?<clitic>[بل](?=\\S))?)(?<words>${NUMBER_WORDS})${PERCENT}?`, 'uy'),
  extract(match, view) {
    const groups = match.groups!;
    const value = parseNumberWords(groups.words!);
    if (value === null) return null;
    const end = match.index + match[0].length;
    if (value <= MAX_BARE_SMALL && groups.percent === undefined && !NOUN_AFTER.test(view.text.slice(end, end + 12))) return null;
    const skip = groups.clitic?.length ?? 0;
    return {
      start: match.index + skip,
      end,
      rule: this.rule,
      value,
      qualifier: groups.qualifier === undefined ? 'exact' : qualifierOf(groups.qualifier) ?? 'exact',
      unit: groups.percent !== undefined ? 'percent' : null,
      nounForm: 'indefinite',
    };
  },
};
