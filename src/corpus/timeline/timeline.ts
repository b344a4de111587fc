/**
 * Storyline timeline: one entry per dated happening, from the sentences holding a resolved time expression,
 * merged across articles when the date (at its precision) and the wording agree. Unresolved mentions are kept
 * apart with date null; nothing is given a made-up date.
 */
import type { TimeMention } from '../../core/annotation.ts';
import type { ClusterInput, SourceRef, TimelineEntry } from '../types.ts';
import { sentenceAround, sentenceSpans } from '../text/sentences.ts';
import { clusterTerms } from '../text/terms.ts';

/** Term-set overlap (Dice) from which two same-date sentences of different articles are one entry; chosen on seeds + tests (docs/stories.md). */
const MERGE_SIMILARITY = 0.2;
const ISO_RE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/u;

interface Draft {
  readonly date: string | null;
  readonly precision: 'day' | 'month' | 'year' | null;
  readonly text: string;
  readonly terms: ReadonlySet<string>;
  readonly sources: SourceRef[];
}

/** The date a time mention stands for at its precision, or null when it has no usable value. */
export function timelineDate(time: TimeMention): { date: string; precision: 'day' | 'month' | 'year' } | null {
  if (!time.value || time.precision === 'duration') return null;
  const match = ISO_RE.exec(time.value);
  if (!match) return null;
  const precision = time.precision === 'minute' ? 'day' : time.precision;
  if (precision === 'day' && match[3]) return { date: `${match[1]}-${match[2]}-${match[3]}`, precision };
  if ((precision === 'day' || precision === 'month') && match[2])
    return { date: `${match[1]}-${match[2]}`, precision: 'month' };
  return { date: match[1]!, precision: 'year' };
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function draftsOf(article: ClusterInput): Draft[] {
  const spans = sentenceSpans(article.body);
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  for (const time of article.times ?? []) {
    if (time.precision === 'duration' || time.start < 0 || time.end > article.body.length || time.start >= time.end)
      continue;
    const dated = timelineDate(time);
    const sentence = sentenceAround(spans, time.start, time.end);
    const key = `${dated?.date ?? 'null'}|${sentence.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = article.body.slice(sentence.start, sentence.end);
    drafts.push({
      date: dated?.date ?? null,
      precision: dated?.precision ?? null,
      text,
      terms: new Set(clusterTerms(text)),
      sources: [{ article: article.id, start: sentence.start, end: sentence.end }],
    });
  }
  return drafts;
}

/** Timeline entries of one storyline's articles: dated ones sorted by date, then the undated ones. */
export function buildTimeline(storyline: number, articles: readonly ClusterInput[]): TimelineEntry[] {
  const merged: Draft[] = [];
  for (const article of articles) {
    for (const draft of draftsOf(article)) {
      const target =
        draft.date === null
          ? undefined
          : merged.find(
              (m) =>
                m.date === draft.date &&
                !m.sources.some((s) => s.article === article.id) &&
                dice(m.terms, draft.terms) >= MERGE_SIMILARITY,
            );
      if (target) target.sources.push(...draft.sources);
      else merged.push({ ...draft, sources: [...draft.sources] });
    }
  }
  const dated = merged
    .filter((d) => d.date !== null)
    .sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
  const undated = merged.filter((d) => d.date === null);
  return [...dated, ...undated].map((d) => ({
    storyline,
    date: d.date,
    precision: d.precision,
    text: d.text,
    sources: d.sources,
  }));
}
