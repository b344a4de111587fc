/**
 * Qualifier phrases around an amount: «نحو/حوالي/قرابة» about, «أكثر من/ما يزيد على» more than,
 * «أقل من» less than, «ما لا يقل عن» at least, «ما يصل إلى» at most. Prefixed forms may carry a
 * clitic: «بنحو 2500», «لنحو 151», «بأكثر من». Keys are normalised (alef folded, ى→ي).
 */
import type { Qualifier } from '../../core/annotation.ts';

export const PREFIX_QUALIFIERS: ReadonlyMap<string, Qualifier> = new Map([
  ['نحو', 'about'],
  ['حوالي', 'about'],
  ['قرابة', 'about'],
  ['زهاء', 'about'],
  ['ما يقارب', 'about'],
  ['يقارب', 'about'],
  ['ما يقرب من', 'about'],
  ['ما يناهز', 'about'],
  ['يناهز', 'about'],
  ['تقريبا', 'about'],
  ['اكثر من', 'more-than'],
  ['ما يزيد علي', 'more-than'],
  ['ما يزيد عن', 'more-than'],
  ['يزيد علي', 'more-than'],
  ['يزيد عن', 'more-than'],
  ['ما يربو علي', 'more-than'],
  ['يربو علي', 'more-than'],
  ['ازيد من', 'more-than'],
  ['ما يفوق', 'more-than'],
  ['يفوق', 'more-than'],
  ['اقل من', 'less-than'],
  ['ما دون', 'less-than'],
  ['ما لا يقل عن', 'at-least'],
  ['لا يقل عن', 'at-least'],
  ['لا تقل عن', 'at-least'],
  ['علي الاقل', 'at-least'],
  ['ما لا يزيد عن', 'at-most'],
  ['ما لا يزيد علي', 'at-most'],
  ['لا يزيد عن', 'at-most'],
  ['لا يتجاوز', 'at-most'],
  ['ما يصل الي', 'at-most'],
  ['يصل الي', 'at-most'],
  ['حتي', 'at-most'],
]);

/** Qualifiers written after the amount: «2500 جندي تقريباً», «100 شخص على الأقل». */
export const SUFFIX_QUALIFIERS: ReadonlyMap<string, Qualifier> = new Map([
  ['تقريبا', 'about'],
  ['علي الاقل', 'at-least'],
  ['او اكثر', 'at-least'],
  ['علي الاكثر', 'at-most'],
]);

const alternation = (keys: Iterable<string>): string =>
  [...keys]
    .sort((a, b) => b.length - a.length)
    .map((key) => key.replace(/ /gu, '\\s{1,3}'))
    .join('|');

/** A prefix qualifier with an optional clitic, ending with whitespace: «بنحو », «ولأكثر من ». Only for sticky patterns tried at word starts. */
export const PREFIX_QUALIFIER = `(?<qualifierClitic>[وف]?[بل]?)(?<qualifier>${alternation(PREFIX_QUALIFIERS.keys())})\\s{1,3}`;
export const SUFFIX_QUALIFIER = `\\s{1,3}(?<suffix>${alternation(SUFFIX_QUALIFIERS.keys())})(?![\\p{L}\\p{M}\\p{N}])`;

/** Qualifier of a matched (normalised) phrase, whitespace collapsed. */
export function qualifierOf(
  phrase: string,
  table: ReadonlyMap<string, Qualifier> = PREFIX_QUALIFIERS,
): Qualifier | null {
  return table.get(phrase.replace(/\s+/gu, ' ')) ?? null;
}
