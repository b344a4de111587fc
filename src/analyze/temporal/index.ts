/**
 * Temporal layer: finds time expressions in an article body and resolves them against the publication
 * date (issue 3). Recognizers in registry order, then refiners; output sorted by start, no overlaps.
 */
import type { TimeMention } from '../../core/annotation.ts';
import { normalizeView, type TextView } from '../../text/normalize.ts';
import { keepLongest, runRecognizers, type Recognizer } from '../recognizer.ts';
import type { TimeCandidate } from './candidate.ts';
import { absoluteDates } from './recognizers/absolute.ts';
import { dayMonth } from './recognizers/day-month.ts';
import { duration } from './recognizers/duration.ts';
import { month } from './recognizers/month.ts';
import { relativeDay } from './recognizers/relative-day.ts';
import { relativePeriod } from './recognizers/relative-period.ts';
import { weekday } from './recognizers/weekday.ts';
import { year } from './recognizers/year.ts';
import { attachRelationCue } from './refiners/relation-cue.ts';
import { mergeWeekdayWithDate } from './refiners/weekday-with-date.ts';
import { parseAnchor, resolveSpec, type Anchor } from './resolve.ts';

export { parseAnchor, type Anchor } from './resolve.ts';

// Order only breaks ties between equally long overlapping matches (keepLongest keeps the earlier one):
// absolute dates (run first, outside this list) beat everything; weekday beats relative-day («يوم أمس الاثنين»).
const RECOGNIZERS: readonly Recognizer<TimeCandidate>[] = [
  dayMonth,
  month,
  weekday,
  relativeDay,
  relativePeriod,
  duration,
  year,
];

/**
 * Time expressions of `body`; `published` is 'YYYY-MM-DD' (or coarser) or null (relative values stay null).
 * `view` is `normalizeView(body)` when the caller already has it.
 */
export function findTimes(
  body: string,
  published: string | Anchor | null,
  view: TextView = normalizeView(body),
): TimeMention[] {
  const anchor = typeof published === 'string' ? parseAnchor(published) : published;
  const candidates = [...absoluteDates(body), ...runRecognizers(view, RECOGNIZERS)];
  // Merge weekday + date before attaching cues, so «قبل يوم الأربعاء (11 ...)» gets the cue on the merged span.
  const refined = attachRelationCue(mergeWeekdayWithDate(keepLongest(candidates), body), body);
  return refined.map((candidate) => {
    const resolved = resolveSpec(candidate.spec, anchor);
    return {
      text: body.slice(candidate.start, candidate.end),
      start: candidate.start,
      end: candidate.end,
      ...resolved,
    };
  });
}
