/**
 * Durations as ISO-8601 periods: «عدة أشهر» → PXM (TimeML's unknown amount), «أكثر من 100 يوم» → P100D,
 * «ثلاثة أعوام» → P3Y, «يومين» → P2D, «48 ساعة» → PT48H. A bare singular unit («عام») is not a duration.
 */
import type { Recognizer } from '../../recognizer.ts';
import { NUMBER_WORDS, parseNumberWords } from '../../quantities/number-words.ts';
import { PREFIX_QUALIFIER } from '../../quantities/qualifiers.ts';
import { candidateFromMatch, type TimeCandidate } from '../candidate.ts';
import { WORD_END } from '../../../text/char-classes.ts';

/** Normalised unit word → ISO designator ('H'/'MIN' are time designators, written after 'T'). */
const UNITS: ReadonlyMap<string, string> = new Map([
  ['يوم', 'D'],
  ['يوما', 'D'],
  ['ايام', 'D'],
  ['اسبوع', 'W'],
  ['اسبوعا', 'W'],
  ['اسابيع', 'W'],
  ['شهر', 'M'],
  ['شهرا', 'M'],
  ['اشهر', 'M'],
  ['شهور', 'M'],
  ['عام', 'Y'],
  ['عاما', 'Y'],
  ['اعوام', 'Y'],
  ['سنة', 'Y'],
  ['سنه', 'Y'],
  ['سنوات', 'Y'],
  ['سنين', 'Y'],
  ['عقد', 'DE'],
  ['عقود', 'DE'],
  ['عقدا', 'DE'],
  // Egyptian spelling writes final ة as ه: «23 سنه», «24 ساعه».
  ['ساعة', 'H'],
  ['ساعه', 'H'],
  ['ساعات', 'H'],
  ['دقيقة', 'MIN'],
  ['دقيقه', 'MIN'],
  ['دقائق', 'MIN'],
  ['قرن', 'CE'],
  ['قرنا', 'CE'],
  ['قرون', 'CE'],
]);
const DUALS: ReadonlyMap<string, string> = new Map([
  ['يومين', 'D'],
  ['يومان', 'D'],
  ['اسبوعين', 'W'],
  ['شهرين', 'M'],
  ['شهران', 'M'],
  ['عامين', 'Y'],
  ['عامان', 'Y'],
  ['سنتين', 'Y'],
  ['سنتان', 'Y'],
  ['ساعتين', 'H'],
  ['دقيقتين', 'MIN'],
  ['عقدين', 'DE'],
  ['قرنين', 'CE'],
]);
/** «العامين الماضيين», «السنتين الأخيرتين»: a definite dual is a duration too. */
const DUAL_TAIL = '(?:\\s{1,3}(?:الماضيين|الماضيتين|الاخيرين|الاخيرتين|المقبلين|المقبلتين|القادمين|القادمتين))?';
const VAGUE = '(?:عدة|بضعة|بضع|بعض)';
const UNIT = `(?:${[...UNITS.keys()].sort((a, b) => b.length - a.length).join('|')})`;
const DUAL = `(?:${[...DUALS.keys()].join('|')})`;
/** Decades and centuries have no ISO designator: they are written in years. */
const YEARS_PER_UNIT: ReadonlyMap<string, number> = new Map([
  ['DE', 10],
  ['CE', 100],
]);

export const duration: Recognizer<TimeCandidate> = {
  rule: 'temporal/duration',
  pattern: new RegExp(
    `(?:${PREFIX_QUALIFIER}|(?<clitic>[وفبل])?)` +
      `(?:(?<amount>\\d+(?:[.,]\\d+)?(?!\\d)|${NUMBER_WORDS}|${VAGUE})\\s{1,3}(?<unit>${UNIT})|(?:ال)?(?<dual>${DUAL})${DUAL_TAIL})${WORD_END}`,
    'uy',
  ),
  extract(match, view) {
    const groups = match.groups!;
    const designator = groups.dual !== undefined ? DUALS.get(groups.dual) : UNITS.get(groups.unit!);
    if (designator === undefined) return null;
    const amount = groups.dual !== undefined ? 2 : amountOf(groups.amount!);
    if (amount === undefined || (designator === 'MIN' && isClockTime(view.text, match.index))) return null;
    const skip = (groups.qualifierClitic ?? groups.clitic ?? '').length;
    return candidateFromMatch(view, match, skip, this.rule, { kind: 'duration', iso: isoDuration(amount, designator) });
  },
};

/** «الساعة الحادية عشرة وتسع وخمسين دقيقة» is a clock time (11:59), not a duration of minutes. */
const CLOCK_BEFORE = /الساعة\s{1,3}(?:[\p{L}\d]+\s{1,3}){0,3}$/u;
const CLOCK_LOOKBACK_CHARS = 40;

function isClockTime(text: string, start: number): boolean {
  return CLOCK_BEFORE.test(text.slice(Math.max(0, start - CLOCK_LOOKBACK_CHARS), start));
}

/** Number of units; null for vague amounts («عدة»); undefined when not a number at all. */
function amountOf(text: string): number | null | undefined {
  if (/^\d/u.test(text)) return Number(text.replace(',', '.'));
  if (/^(?:عدة|بضعة|بضع|بعض)$/u.test(text)) return null;
  return parseNumberWords(text) ?? undefined;
}

function isoDuration(amount: number | null, designator: string): string {
  const years = YEARS_PER_UNIT.get(designator);
  const count = amount === null ? 'X' : String(years === undefined ? amount : amount * years);
  if (designator === 'H') return `PT${count}H`;
  if (designator === 'MIN') return `PT${count}M`;
  return `P${count}${years === undefined ? designator : 'Y'}`;
}
