/**
 * Years written alone, which text/absolute-date.ts leaves out (it keeps 1900–2100 with «عام»): «في 2003»,
 * «العام 1887», «2004م», «(1949)», and list continuations «1949 و1952». A bare four-digit number with no
 * cue is a count or a price, not a year.
 */
import type { Recognizer } from '../../recognizer.ts';
import { candidateFromMatch, type TimeCandidate } from '../candidate.ts';

/** Historical years («العام 1887») are dated; older four-digit numbers in news are rarely years. */
const MIN_YEAR = 1000;
const MAX_YEAR = 2100;
/** With only a preposition as cue («في 2003») the window is narrower: «في 1500 موقع» is a count. */
const MIN_PREPOSITION_YEAR = 1900;
const CUE = '(?:في|منذ|حتي|حتى|قبل|بعد|مطلع|منتصف|اواخر|اوائل|نهاية|بداية|خلال|طوال)';

export const year: Recognizer<TimeCandidate> = {
  rule: 'temporal/year',
  pattern: new RegExp(
    `(?:(?<cue>[وف]?${CUE})\\s{1,3}|(?<noun>[وف]?(?:لل|ب|ل|ال)?(?:عام|سنة))\\s{1,3}|(?<list>\\d{4}\\s{0,3}[،,]?\\s{0,3}و\\s{0,2}))?` +
      `(?<year>[12]\\d{3})(?<marker>\\s?م(?![\\p{L}\\p{M}]))?(?!\\d)(?![\\s]{0,2}[\\d%٪])`,
    'uy',
  ),
  extract(match, view) {
    const groups = match.groups!;
    const value = Number(groups.year);
    const hasCue =
      groups.cue !== undefined || groups.noun !== undefined || groups.list !== undefined || groups.marker !== undefined;
    const isParenthesised = view.text[match.index - 1] === '(' && view.text[match.index + match[0].length] === ')';
    if (!hasCue && !isParenthesised) return null;
    const minimum = groups.cue !== undefined && groups.marker === undefined ? MIN_PREPOSITION_YEAR : MIN_YEAR;
    if (value < minimum || value > MAX_YEAR) return null;
    // «العام 1887» keeps its noun (minus a conjunction); a preposition or a listed year is context.
    const yearLength = groups.year!.length + (groups.marker?.length ?? 0);
    const skip = groups.noun !== undefined ? (/^[وف]/u.test(groups.noun) ? 1 : 0) : match[0].length - yearLength;
    return candidateFromMatch(view, match, skip, this.rule, { kind: 'absolute', year: value, month: null, day: null });
  },
};
