/**
 * Vague amounts: «العشرات» / «عشرات» (dozens), «مئات» (hundreds), «آلاف» / «عشرات الآلاف» (thousands),
 * «عدة» / «بضعة» (several). Value null; the qualifier says the order of magnitude.
 */
import type { Qualifier } from '../../../core/annotation.ts';
import type { Recognizer } from '../../recognizer.ts';
import type { AmountCandidate } from '../candidate.ts';

const VAGUE_WORDS: ReadonlyMap<string, Qualifier> = new Map([
  ['عشرات', 'dozens'],
  ['مئات', 'hundreds'],
  ['مئات', 'hundreds'],
  ['الاف', 'thousands'],
  ['الوف', 'thousands'],
  ['ملايين', 'thousands'],
  ['عدة', 'several'],
  ['بضعة', 'several'],
  ['بضع', 'several'],
]);
/** «عشرات الآلاف» is tens of thousands: the larger word decides. */
const MAGNITUDE_AFTER = /^(?:الالاف|الاف|الملايين|ملايين)$/u;

export const vague: Recognizer<AmountCandidate> = {
  rule: 'quantity/vague',
  pattern:
    /(?<clitic>[وف]?(?:لل|ب|ل|بال)?)(?<article>ال)?(?<word>عشرات|مئات|مائات|الاف|الوف|ملايين|عدة|بضعة|بضع)(?<magnitude>\s{1,3}(?:الالاف|الاف|الملايين|ملايين))?(?![\p{L}\p{M}\p{N}])/uy,
  extract(match) {
    const groups = match.groups!;
    const word = groups.word === 'مائات' ? 'مئات' : groups.word!;
    if (groups.article !== undefined && (word === 'عدة' || word === 'بضعة' || word === 'بضع')) return null;
    let qualifier = VAGUE_WORDS.get(word) ?? 'several';
    if (groups.magnitude !== undefined && MAGNITUDE_AFTER.test(groups.magnitude.trim())) qualifier = 'thousands';
    const skip = groups.clitic?.length ?? 0;
    return {
      start: match.index + skip,
      end: match.index + match[0].length,
      rule: this.rule,
      value: null,
      qualifier,
      unit: null,
      nounForm: groups.article === undefined ? 'definite' : 'of-only',
    };
  },
};
