/**
 * Amounts in digits (Western or Arabic-Indic, with ٬ ، , . separators), an optional scale word and
 * percent sign: «2500», «٣٩ ألف», «2.5 مليون», «64٪», «1,200», with a prefix qualifier («بنحو», «أكثر من»).
 * Not: years without a unit, phone numbers, numbers with leading zeros, ordinals («الـ5»), clock times, model names.
 */
import type { Recognizer } from '../../recognizer.ts';
import type { TextView } from '../../../text/normalize.ts';
import { PERCENT, type AmountCandidate } from '../candidate.ts';
import { SCALE_VALUES } from '../number-words.ts';
import { PREFIX_QUALIFIER, qualifierOf } from '../qualifiers.ts';

const SCALE = `(?:${[...SCALE_VALUES.keys()].sort((a, b) => b.length - a.length).join('|')})`;
const NUMBER =
  '(?<number>\\d+ر\\d+(?!\\d)|\\d{1,3}(?:[,٬،]\\d{3})+(?:[.٫]\\d+)?(?![\\d,٬،]\\d)|\\d{1,3}(?:\\.\\d{3}){2,}(?!\\d)|\\d+(?:[.٫,]\\d+)?)';
/** «الـ5» (view «ال5»), «رقم 5», «القرار 2334»: identifiers and ordinals, not amounts. */
const IDENTIFIER_BEFORE =
  /(?:(?:^|[^\p{L}])(?:ال|[وب]?رقم|الرقم|القرار|المادة|البند|الفقرة|الصفحة|المرتبة|الدورة|النسخة|الطبعة|الجولة|الطريق|الهاتف|هاتف|الحافلة|العدد|الفصل|الاية|الساعة|ص|القضية|قضية|القانون|قانون|لسنة|لسنه)\s{0,2}$|[\p{Script=Latin}\-+:/#.]\s?$)/u;
/** «رقم 123 لسنة 2013», «66 لسنة 2012»: the number part of a case or law reference. */
const IDENTIFIER_AFTER =
  /^(?:[:/\-]\d|\s?[\p{Script=Latin}]|\s{1,2}ل?سن[ةه]\s{1,2}\d|\)?\s{1,2}(?:[إا]دار[يى]|جنح|جنايات)(?![\p{L}]))/u;
/** Years in this window with no unit or scale are dates, not counts («في 2011»). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** A lookback this long covers «القرار  » and a space. */
const LOOKBACK_CHARS = 8;

export const digits: Recognizer<AmountCandidate> = {
  rule: 'quantity/digits',
  pattern: new RegExp(
    `(?:${PREFIX_QUALIFIER}|(?<clitic>[وفبل]|لل)?)(?<!\\d)${NUMBER}(?:\\s{0,2}(?<scale>${SCALE})(?![\\p{L}\\p{M}]))?${PERCENT}?(?![\\p{L}\\p{M}\\d])`,
    'uy',
  ),
  extract(match, view) {
    const groups = match.groups!;
    const skip = groups.clitic?.length ?? 0;
    const numberStart =
      match.index +
      match[0].indexOf(groups.number!, skip + (groups.qualifierClitic ?? '').length + (groups.qualifier ?? '').length);
    if (isIdentifier(view, numberStart, numberStart + groups.number!.length)) return null;
    const base = parseDigits(groups.number!, groups.scale !== undefined);
    if (base === null) return null;
    const other = otherReading(groups.number!, groups.scale !== undefined);
    const scale = groups.scale === undefined ? 1 : SCALE_VALUES.get(groups.scale)!;
    const isPercent = groups.percent !== undefined;
    const isYearLike =
      groups.scale === undefined &&
      !isPercent &&
      Number.isInteger(base) &&
      base >= MIN_YEAR &&
      base <= MAX_YEAR &&
      groups.number!.length === 4;
    if (isYearLike && !hasCountedNounAfter(view, match.index + match[0].length)) return null;
    return {
      start: match.index + skip,
      end: match.index + match[0].length,
      rule: this.rule,
      value: base * scale,
      qualifier: groups.qualifier === undefined ? 'exact' : (qualifierOf(groups.qualifier) ?? 'exact'),
      unit: isPercent ? 'percent' : null,
      nounForm: 'indefinite',
      ...(other === null ? {} : { readings: [other * scale], dotGroup: DOT_GROUP.test(groups.number!) }),
    };
  },
};

/**
 * «1,200» / «1٬200» / «1،200» → 1200; «2.5» / «2٫5» / «2,5» → 2.5; leading zeros («0791») → null.
 * «150.000» (a dot before exactly three digits) is a thousands group unless a scale word follows («1.500 مليار»).
 */
export function parseDigits(text: string, hasScale = false): number | null {
  if (/^0\d/u.test(text)) return null;
  // «260ر11 مليار» = 11.260 billion, «5ر18 كيلو» = 18.5: the Egyptian agency style writes the fraction first.
  const reversed = /^(\d+)ر(\d+)$/u.exec(text);
  if (reversed) return Number(`${reversed[2]}.${reversed[1]}`);
  if (!hasScale && /^\d{1,3}(?:\.\d{3})+$/u.test(text)) return Number(text.replace(/\./gu, ''));
  const isGrouped = /^\d{1,3}(?:[,٬،]\d{3})+(?:[.٫]\d+)?$/u.test(text);
  const plain = isGrouped ? text.replace(/[,٬،]/gu, '').replace('٫', '.') : text.replace(/[٫,]/u, '.');
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}

/** «1.800» with no scale word: one dot before exactly three digits (thousands group or decimal, by page style). */
const DOT_GROUP = /^\d{1,3}\.\d{3}$/u;
/** «5,500 طن»: one comma group, a thousands group or (in pages that write decimals with a comma) 5.5. */
const COMMA_GROUP = /^\d{1,3}[,،]\d{3}$/u;
/** «5,1 مليار مواطن»: a comma before one or two digits is a decimal comma, written in either digit order. */
const COMMA_DECIMAL = /^(\d+)[,،](\d{1,2})$/u;

/**
 * The other value a written number may stand for, or null when its reading is certain: «1.800» is 1800 or 1.8;
 * «5,3» is 5.3, or 3.5 written in the reversed digit order of «3ر5»; «6ر15» is 15.6, or 6.15 when an outlet kept the
 * digits in reading order. Claims never oppose such a figure to another.
 */
export function otherReading(text: string, hasScale = false): number | null {
  if (!hasScale && DOT_GROUP.test(text)) return Number(text);
  if (!hasScale && COMMA_GROUP.test(text)) return Number(text.replace(/[,،]/u, '.'));
  // «6ر15 ملايين» in one outlet is «6.15 ملايين» in another: the agency order is the usual one, not the only one.
  const agency = /^(\d+)ر(\d+)$/u.exec(text);
  if (agency && agency[1] !== agency[2]) return Number(`${agency[1]}.${agency[2]}`);
  const comma = COMMA_DECIMAL.exec(text);
  if (comma && comma[1] !== comma[2]) return Number(`${comma[2]}.${comma[1]}`);
  return null;
}

function isIdentifier(view: TextView, start: number, end: number): boolean {
  const before = view.text.slice(Math.max(0, start - LOOKBACK_CHARS), start);
  const after = view.text.slice(end, end + 14);
  return IDENTIFIER_BEFORE.test(before) || IDENTIFIER_AFTER.test(after);
}

/** «2000 جندي»: a year-like number followed by an indefinite Arabic noun is a count. */
function hasCountedNounAfter(view: TextView, end: number): boolean {
  const next = /^\s{1,2}(?<word>\p{L}+)/u.exec(view.text.slice(end, end + 30));
  const word = next?.groups?.word;
  return (
    word !== undefined &&
    !word.startsWith('ال') &&
    !word.startsWith('و') &&
    /^[\u0621-\u064A]+$/u.test(word) &&
    word.length > 2 &&
    !/^(?:في|من|علي|الي|عن|مع|حتي|بعد|قبل|حين|عندما|و)$/u.test(word)
  );
}
