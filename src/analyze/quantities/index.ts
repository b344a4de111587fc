/**
 * Quantity layer: amounts in an article body with their unit or counted noun, qualifier and subject
 * (issue 3). Recognizers in registry order → longest match → ranges → completion; sorted by start.
 */
import type { QuantityMention, Qualifier } from '../../core/annotation.ts';
import type { Span } from '../../core/span.ts';
import { normalizeView, viewToSource, type TextView } from '../../text/normalize.ts';
import { keepLongest, overlapsAny, runRecognizers, type Recognizer } from '../recognizer.ts';
import type { AmountCandidate } from './candidate.ts';
import { SUFFIX_QUALIFIER, SUFFIX_QUALIFIERS, qualifierOf } from './qualifiers.ts';
import { mergeRanges, type RangedCandidate } from './range.ts';
import { digits } from './recognizers/digits.ts';
import { nounCounts } from './recognizers/noun-counts.ts';
import { vague } from './recognizers/vague.ts';
import { words } from './recognizers/words.ts';
import { findSubject } from './subject.ts';
import { findUnit } from './unit.ts';

// Digits first: «39 ألف» must be read as digits + scale, not as the word «ألف» (equal spans keep the earlier).
const RECOGNIZERS: readonly Recognizer<AmountCandidate>[] = [digits, words, vague, nounCounts];
const SUFFIX = new RegExp(`^${SUFFIX_QUALIFIER}`, 'u');

export interface QuantityOptions {
  /** Source spans that are not quantities, e.g. time expressions («عام 2011», «100 يوم»), sorted by start. */
  readonly exclude?: readonly Span[];
  /** `normalizeView(body)` when the caller already has it. */
  readonly view?: TextView;
}

/** Quantities of `body`, sorted by start. */
export function findQuantities(body: string, options: QuantityOptions = {}): QuantityMention[] {
  const view = options.view ?? normalizeView(body);
  const exclude = options.exclude ?? [];
  const dotIsDecimal = dotDecimalStyle(view.text);
  const amounts = mergeRanges(keepLongest(runRecognizers(view, RECOGNIZERS)), view).map((a) =>
    a.dotGroup && dotIsDecimal && a.readings && a.value !== null
      ? { ...a, value: a.readings[0]!, readings: [a.value] }
      : a,
  );
  const out: QuantityMention[] = [];
  for (const amount of amounts) {
    const source = viewToSource(view, amount.start, amount.end);
    if (overlapsAny(exclude, source.start, source.end)) continue;
    const quantity = complete(amount, view);
    if (!isBareNumber(quantity, amount) || hasCountCue(view, amount.start)) out.push(quantity);
  }
  return out;
}

function complete(amount: RangedCandidate, view: TextView): QuantityMention {
  const unit = amount.unit === null ? findUnit(view, amount.end, amount.nounForm) : null;
  let end = unit ? unit.end : amount.end;
  let qualifier: Qualifier = amount.qualifier;
  const suffix = SUFFIX.exec(view.text.slice(end, end + 20));
  if (suffix && qualifier === 'exact') {
    qualifier = qualifierOf(suffix.groups!.suffix!, SUFFIX_QUALIFIERS) ?? qualifier;
    end += suffix[0].length;
  }
  const subjectView = findSubject(view, amount.start, unit, amount.unit === 'percent' || unit?.canonical != null);
  // «(9000) قاروصة»: a bracketed amount keeps both brackets.
  const bracketed = unit !== null && view.text[amount.end] === ')' && view.text[amount.start - 1] === '(';
  const span = viewToSource(view, bracketed ? amount.start - 1 : amount.start, end);
  const body = view.source;
  const unitText = amount.unit ?? unit?.canonical ?? (unit ? sourceText(view, unit) : null);
  return {
    text: body.slice(span.start, span.end),
    start: span.start,
    end: span.end,
    value: amount.value,
    unit: unitText,
    qualifier,
    subject: subjectView ? sourceText(view, subjectView) : null,
    ...(amount.valueMax !== null ? { valueMax: amount.valueMax } : {}),
    ...(amount.readings ? { readings: amount.readings } : {}),
  };
}

/**
 * True when the page writes thousands with a comma («1,200», «15،000») and never groups with dots («1.500.000»):
 * then its «1.800 طن» is 1.8 tons, not 1800. Otherwise a lone dot group stays a thousands group.
 */
function dotDecimalStyle(text: string): boolean {
  return /\d[,٬،]\d{3}(?!\d)/u.test(text) && !/\d\.\d{3}\.\d{3}(?!\d)/u.test(text);
}

/**
 * «مهرجان صيف طيبة 36», «الرقم 88548»: a number with no unit, qualifier, scale or range is usually a
 * label. It is kept after a count cue («ارتفع عدد الضحايا إلى 30»).
 */
function isBareNumber(quantity: QuantityMention, amount: RangedCandidate): boolean {
  return (
    quantity.unit === null &&
    quantity.qualifier === 'exact' &&
    amount.valueMax === null &&
    amount.rule === 'quantity/digits' &&
    !/[\p{L}]/u.test(quantity.text.replace(/^[وفبل]/u, ''))
  );
}

/** How far back (view characters) a count cue may sit. */
const COUNT_CUE_CHARS = 30;
const COUNT_CUE = /(?:عدد|بلغ|ارتفع|انخفض|وصل|تراجع|زاد|اجمالي|مجموع|حصيلة)[\p{L}]*\s(?:[\p{L}]+\s){0,3}$/u;
/** A casualty or arrest noun right before a bare number counts it: «أسفرت عن إصابة 164، من بينهم». */
const CASUALTY_CUE = /(?:^|[^\p{L}])[وبل]?(?:[إاأ]صابة|مقتل|مصرع|وفاة|استشهاد|اعتقال|توقيف|احتجاز)\s{1,2}$/u;

function hasCountCue(view: TextView, start: number): boolean {
  const before = view.text.slice(Math.max(0, start - COUNT_CUE_CHARS), start);
  return COUNT_CUE.test(before) || CASUALTY_CUE.test(before);
}

function sourceText(view: TextView, range: { start: number; end: number }): string {
  const { start, end } = viewToSource(view, range.start, range.end);
  return view.source.slice(start, end);
}
