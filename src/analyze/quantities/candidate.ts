/** A raw amount found by a quantity recognizer, in view offsets, before unit/subject/qualifier completion. */
import type { Qualifier } from '../../core/annotation.ts';

export interface AmountCandidate {
  /** View offsets (normalised text) of the whole match, qualifier included. */
  readonly start: number;
  readonly end: number;
  readonly rule: string;
  readonly value: number | null;
  readonly qualifier: Qualifier;
  /** Unit already known from the match itself: 'percent' for «64٪». */
  readonly unit: string | null;
  /**
   * Which counted noun may follow: 'indefinite' («2500 جندي»), 'definite' for vague amounts («عشرات الجنود»),
   * 'of-only' for a definite vague amount that only takes «من» («العشرات من الجنود»).
   */
  readonly nounForm: NounForm;
  /** Other values the written number may stand for (digits.ts `otherReading`). */
  readonly readings?: readonly number[];
  /** The number is one dot group «1.800», read by the page's separator style (index.ts). */
  readonly dotGroup?: boolean;
}

export type NounForm = 'indefinite' | 'definite' | 'of-only';

export const PERCENT = '(?<percent>\\s{0,2}(?:%|٪|(?:في|ف)\\s{1,3}(?:المئة|المائة|المية)|بالمئة|بالمائة|بالمية))';
