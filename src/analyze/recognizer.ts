/**
 * Shared shape of the annotation layers (STYLE.md §4): one recognizer per pattern, run over the
 * normalised view in registry order, then a longest-match sweep. Used by temporal/, quantities/, quotes/.
 */
import type { TextView } from '../text/normalize.ts';
import { findOverlapping } from '../core/span.ts';

/**
 * One pattern of one layer. A global pattern ('gu') is scanned over the whole text; a sticky one ('uy')
 * is tried only where a word starts, so it needs no leading word-boundary lookbehind (that lookbehind
 * alone cost ~130 ms per recognizer on the 0.7 M-character bench corpus).
 */
export interface Recognizer<T> {
  readonly rule: string;
  readonly pattern: RegExp;
  /** Builds a candidate from a match on `view.text`; null when it looked like one but wasn't. */
  extract(match: RegExpExecArray, view: TextView): T | null;
}

/** Runs every recognizer over the view, in order, collecting candidates. */
export function runRecognizers<T>(view: TextView, recognizers: readonly Recognizer<T>[]): T[] {
  const found: T[] = [];
  let starts: readonly number[] | null = null;
  for (const recognizer of recognizers) {
    if (recognizer.pattern.sticky) {
      starts ??= wordStarts(view.text);
      scanAtWordStarts(view, recognizer, starts, found);
    } else {
      scanGlobally(view, recognizer, found);
    }
  }
  return found;
}

function scanGlobally<T>(view: TextView, recognizer: Recognizer<T>, found: T[]): void {
  const pattern = recognizer.pattern;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(view.text); match; match = pattern.exec(view.text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const candidate = recognizer.extract(match, view);
    if (candidate) found.push(candidate);
  }
}

function scanAtWordStarts<T>(view: TextView, recognizer: Recognizer<T>, starts: readonly number[], found: T[]): void {
  const pattern = recognizer.pattern;
  let coveredUntil = 0;
  for (const start of starts) {
    if (start < coveredUntil) continue;
    pattern.lastIndex = start;
    const match = pattern.exec(view.text);
    if (!match || match[0].length === 0) continue;
    const candidate = recognizer.extract(match, view);
    if (candidate) {
      found.push(candidate);
      coveredUntil = start + match[0].length;
    }
  }
}

/** Offsets where a run of letters, marks or digits begins. */
export function wordStarts(text: string): number[] {
  const starts: number[] = [];
  const pattern = /[\p{L}\p{M}\p{N}]+/gu;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) starts.push(match.index);
  return starts;
}

interface Ranged {
  readonly start: number;
  readonly end: number;
}

/**
 * Drops candidates overlapping a longer one (ties: the earlier in `found`, i.e. registry order).
 * One stable sort by (start, -end), one sweep.
 */
export function keepLongest<T extends Ranged>(found: readonly T[]): T[] {
  const order = found.map((item, index) => ({ item, index }));
  order.sort((a, b) => a.item.start - b.item.start || b.item.end - a.item.end || a.index - b.index);
  const kept: T[] = [];
  for (const { item } of order) {
    const last = kept[kept.length - 1];
    if (!last || item.start >= last.end) kept.push(item);
    else if (item.end - item.start > last.end - last.start) kept[kept.length - 1] = item;
  }
  return kept;
}

/** True when [start, end) overlaps any of the sorted, non-overlapping `spans`. */
export function overlapsAny(spans: readonly Ranged[], start: number, end: number): boolean {
  return findOverlapping(spans, start, end) !== null;
}
