/**
 * Qualifier semantics for comparing reported figures: each value stands for an interval («نحو 150» ≈ 135–165,
 * «أكثر من 150» ≥ 150, «العشرات» 20–99); figures agree when all their intervals share a point.
 */
import type { QuantityMention } from '../../core/annotation.ts';

/** «نحو/حوالي» spread: ±10% (news rounding of «about»). */
const ABOUT_SPREAD = 0.1;
/** A round exact figure still differs by rounding between outlets: ±2% («151» vs «150»); other exact figures are points. */
const EXACT_SPREAD = 0.02;
/** «أكثر من / على الأقل v» reaches up to this multiple of v (plus one, for small counts). */
const MORE_THAN_REACH = 1.25;
/** Vague amounts → [min, max]: dozens (عشرات), hundreds (مئات), thousands (آلاف), several (عدة). */
const VAGUE: Readonly<Record<string, readonly [number, number]>> = Object.freeze({
  dozens: [20, 99],
  hundreds: [200, 999],
  thousands: [2000, 9999],
  several: [3, 10],
});

/** The interval a reported figure stands for, or null when it has no value and no known vague range. */
export function interval(quantity: Pick<QuantityMention, 'value' | 'qualifier' | 'valueMax'>): [number, number] | null {
  const vague = VAGUE[quantity.qualifier];
  const v = quantity.value;
  if (v === null || v === undefined) return vague ? [vague[0], vague[1]] : null;
  if (vague) return [v * vague[0], v * vague[1]];
  if (quantity.valueMax !== null && quantity.valueMax !== undefined && quantity.valueMax > v)
    return [v, quantity.valueMax];
  switch (quantity.qualifier) {
    case 'about':
      return [v * (1 - ABOUT_SPREAD), v * (1 + ABOUT_SPREAD)];
    case 'more-than':
    case 'at-least':
      // «أكثر من 165 مليون» is not «أكثر من 235 مليون»: news «more than» stays near its figure.
      return [v, v * MORE_THAN_REACH + 1];
    case 'less-than':
    case 'at-most':
      return [0, v];
    default:
      return isRound(v) ? [v * (1 - EXACT_SPREAD), v * (1 + EXACT_SPREAD)] : [v, v];
  }
}

/** A round figure (150, 3000, 2.5 million) may stand for a nearby exact one; 211 and 216 are two figures. */
function isRound(v: number): boolean {
  return Number.isInteger(v) && v >= 10 && v % 10 === 0;
}

type Figure = Pick<QuantityMention, 'value' | 'qualifier' | 'valueMax' | 'readings'>;
/** At most this many figures with an ambiguous reading are expanded (2^n combinations). */
const MAX_AMBIGUOUS = 4;

/**
 * True when all figures can be true at once (their intervals intersect); figures without an interval are ignored.
 * A figure whose written form has another reading («1.800» = 1800 or 1.8; «5,3» = 5.3 or 3.5) agrees under either.
 */
export function valuesAgree(quantities: readonly Figure[]): boolean {
  const ambiguous = quantities.findIndex((q) => q.readings && q.readings.length > 0 && q.value !== null);
  if (ambiguous >= 0 && quantities.filter((q) => q.readings?.length).length <= MAX_AMBIGUOUS) {
    const q = quantities[ambiguous]!;
    return [q.value!, ...q.readings!].some((value) =>
      valuesAgree(quantities.map((other, i) => (i === ambiguous ? { ...q, value, readings: [] } : other))),
    );
  }
  return intervalsMeet(quantities);
}

/** True when the figures' intervals share a point. */
function intervalsMeet(quantities: readonly Figure[]): boolean {
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  for (const q of quantities) {
    const range = interval(q);
    if (!range) continue;
    lo = Math.max(lo, range[0]);
    hi = Math.min(hi, range[1]);
  }
  return lo <= hi;
}
