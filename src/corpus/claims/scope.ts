/**
 * What a figure is about beyond its noun: the places, people and days its sentence names, and whether it is a part
 * of a larger figure («من بينهم 3 أطفال», a breakdown after a total). Two differing figures are one measured thing
 * only when their scopes can be the same: a figure about another place, person or day, or a part against a total,
 * is a different count, not a conflict. Pure.
 */
import type { ClusterInput } from '../types.ts';
import type { Span } from '../../core/span.ts';
import { foldText } from '../text/terms.ts';

export interface FigureScope {
  /** Folded canonical names of the places (LOC) and people (PERS) named in the figure's sentence. */
  readonly places: ReadonlySet<string>;
  readonly people: ReadonlySet<string>;
  /** Resolved days (YYYY-MM-DD) named in the sentence. */
  readonly days: ReadonlySet<string>;
  /** The figure is stated as a part of another: after «منهم/من بينهم» or after a figure of its kind in its sentence. */
  readonly part: boolean;
}

/**
 * «منهم 3», «من بينهم 63 مصابا», «منهم 30 بجروح طفيفة وأربعة بجروح خطيرة» (folded): every figure after the cue in its
 * sentence breaks the total down.
 */
const PART_CUE = /(?:^|[^\p{L}])(?:من\s+)?(?:بينهم|بينها|بينهن|منهم|منها|منهن)(?![\p{L}])/u;

/**
 * The scope of a figure at [start, end) in `article`: `sentence` is its sentence span, `earlierOfKind` true when an
 * earlier figure of the same kind sits in the same sentence (the figure then breaks a total down).
 */
export function figureScope(article: ClusterInput, sentence: Span, start: number, earlierOfKind: boolean): FigureScope {
  const inside = (s: number, e: number): boolean => s >= sentence.start && e <= sentence.end;
  const names = (type: 'LOC' | 'PERS'): Set<string> =>
    new Set(
      (article.entities ?? [])
        .filter((e) => e.type === type && inside(e.start, e.end))
        .map((e) => foldText(e.canonical || e.text)),
    );
  const days = new Set(
    (article.times ?? [])
      .filter((t) => t.precision === 'day' && t.value && inside(t.start, t.end))
      .map((t) => t.value!.slice(0, 10)),
  );
  const before = foldText(article.body.slice(sentence.start, start));
  return { places: names('LOC'), people: names('PERS'), days, part: earlierOfKind || PART_CUE.test(before) };
}

function disjoint(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const x of a) if (b.has(x)) return false;
  return true;
}

/**
 * True when two differing figures may measure one thing: both totals (or both parts), and their sentences name no
 * disjoint places, people or days («12 مصابا في حادث أسيوط» is not «8 مصابين في حادث سوهاج»).
 */
export function sameScope(a: FigureScope, b: FigureScope): boolean {
  return (
    a.part === b.part && !disjoint(a.places, b.places) && !disjoint(a.people, b.people) && !disjoint(a.days, b.days)
  );
}
