/**
 * Where a figure sits: the words just around it, as clustering terms. Two reports of one measured thing repeat its
 * frame («من بينهم 41 مصابا أمام مركز شرطة كفر الزيات» / «بينهم 63 مصابا أمام مركز شرطة كفر الزيات», «محمود
 * أسامة المغاوري، 26 سنة» / «"محمود أسامة المغاورى" 22 سنة») even when the figure differs; two figures of one
 * story that count different things sit in different frames. Pure.
 */
import type { QuantityMention } from '../../core/annotation.ts';
import { clusterTerms } from '../text/terms.ts';

/** Terms taken on each side of the figure. */
const SIDE_TERMS = 4;
/** Characters read on each side (enough for SIDE_TERMS words of news Arabic). */
const SIDE_CHARS = 70;
const HAS_DIGIT = /\d/u;

export interface FigureContext {
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** Terms of the line part before a figure and after it (digits dropped; a line break ends the frame). */
export function figureContext(body: string, quantity: Pick<QuantityMention, 'start' | 'end'>): FigureContext {
  const left = body.slice(Math.max(0, quantity.start - SIDE_CHARS), quantity.start);
  const right = body.slice(quantity.end, quantity.end + SIDE_CHARS);
  const beforeLine = left.slice(left.lastIndexOf('\n') + 1);
  const newline = right.indexOf('\n');
  const afterLine = newline < 0 ? right : right.slice(0, newline);
  const keep = (terms: string[]): string[] => terms.filter((t) => !HAS_DIGIT.test(t));
  return {
    before: keep(clusterTerms(beforeLine)).slice(-SIDE_TERMS),
    after: keep(clusterTerms(afterLine)).slice(0, SIDE_TERMS),
  };
}

/**
 * Similarity of two frames in [0, 1]: Dice of the term sets, each side counted on its own and the sides averaged
 * over those that have terms on both figures (a figure at a line start has no left side).
 */
export function contextSimilarity(a: FigureContext, b: FigureContext): number {
  const sides: number[] = [];
  for (const [x, y] of [
    [a.before, b.before],
    [a.after, b.after],
  ] as const) {
    if (x.length === 0 || y.length === 0) continue;
    const ys = new Set(y);
    const xs = new Set(x);
    let shared = 0;
    for (const t of xs) if (ys.has(t)) shared++;
    sides.push((2 * shared) / (xs.size + ys.size));
  }
  if (sides.length === 0) return 0;
  // One empty side: the frame is half known, so it counts half.
  return sides.reduce((s, v) => s + v, 0) / 2;
}

/**
 * True when the words right next to both figures are the same on each side where both have one: differing figures
 * are one measured thing only in the same slot of the same frame («بينهم 33% مقارنة بحوالي 56%» holds two).
 */
export function sameNeighbours(a: FigureContext, b: FigureContext): boolean {
  let compared = 0;
  if (a.before.length > 0 && b.before.length > 0) {
    if (a.before.at(-1) !== b.before.at(-1)) return false;
    compared++;
  }
  if (a.after.length > 0 && b.after.length > 0) {
    if (a.after[0] !== b.after[0]) return false;
    compared++;
  }
  return compared > 0;
}
