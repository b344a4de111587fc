/**
 * Pure mapping from the corpus stage's ClusterResult (plus the articles it was computed from) to the
 * API's story views: storyline summaries and details with articles by outlet (duplicates folded),
 * timeline entries and claims with their source text cut from each article body.
 */
import type { ClusterInput, ClusterResult, SourceRef, TimelineEntry } from '../corpus/types.ts';
import type {
  ArticleRef,
  EventClusterView,
  FoldedArticle,
  StorylineDetail,
  StorylineSummary,
  TimelineEntryView,
} from './story-reader.ts';

export interface StoryViews {
  readonly storylines: readonly StorylineDetail[];
  readonly clusters: readonly EventClusterView[];
  readonly storylineOfArticle: ReadonlyMap<string, string>;
}

function refOf(input: ClusterInput | undefined, id: string): ArticleRef {
  return { id, headline: input?.headline ?? null, outlet: input?.outlet ?? null, published: input?.published ?? null };
}

/** Articles grouped by outlet (most articles first), copies folded under their original when both are in the list. */
function foldByOutlet(
  ids: readonly string[],
  result: ClusterResult,
  byId: ReadonlyMap<string, ClusterInput>,
): StorylineDetail['articlesByOutlet'] {
  const inList = new Set(ids);
  const copiesOf = new Map<string, { copies: string[]; wire: boolean }>();
  const folded = new Set<string>();
  for (const group of result.duplicates) {
    if (!inList.has(group.original)) continue;
    const copies = group.copies.filter((id) => inList.has(id));
    copiesOf.set(group.original, { copies, wire: group.wire });
    for (const id of copies) folded.add(id);
  }
  const byOutlet = new Map<string | null, FoldedArticle[]>();
  for (const id of ids) {
    if (folded.has(id)) continue;
    const ref = refOf(byId.get(id), id);
    const dup = copiesOf.get(id);
    const article: FoldedArticle = {
      ...ref,
      copies: (dup?.copies ?? []).map((c) => refOf(byId.get(c), c)),
      wire: dup?.wire ?? false,
    };
    byOutlet.set(ref.outlet, [...(byOutlet.get(ref.outlet) ?? []), article]);
  }
  return [...byOutlet.entries()]
    .sort((a, b) => b[1].length - a[1].length || String(a[0]).localeCompare(String(b[0])))
    .map(([outlet, articles]) => ({ outlet, articles }));
}

function sourceText(ref: SourceRef, byId: ReadonlyMap<string, ClusterInput>) {
  const input = byId.get(ref.article);
  return {
    articleId: ref.article,
    outlet: input?.outlet ?? null,
    headline: input?.headline ?? null,
    start: ref.start,
    end: ref.end,
    text: input?.body.slice(ref.start, ref.end) ?? '',
  };
}

function timelineView(entry: TimelineEntry, byId: ReadonlyMap<string, ClusterInput>): TimelineEntryView {
  return {
    date: entry.date,
    precision: entry.precision,
    text: entry.text,
    sources: entry.sources.map((s) => sourceText(s, byId)),
  };
}

function outletsOf(ids: readonly string[], byId: ReadonlyMap<string, ClusterInput>): string[] {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const outlet = byId.get(id)?.outlet;
    if (outlet) counts.set(outlet, (counts.get(outlet) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([outlet]) => outlet);
}

/** Builds every view from one clustering run. */
export function buildStoryViews(result: ClusterResult, inputs: readonly ClusterInput[]): StoryViews {
  const byId = new Map(inputs.map((input) => [input.id, input]));
  const storylineOf = new Map<number, string>();
  result.storylines.forEach((s) => s.eventClusters.forEach((c) => storylineOf.set(c, s.id)));
  const clusters: EventClusterView[] = result.eventClusters.map((c, index) => ({
    id: c.id,
    label: c.label,
    storylineId: storylineOf.get(index) ?? null,
    firstDate: c.firstDate,
    lastDate: c.lastDate,
    articles: c.articles.map((id) => refOf(byId.get(id), id)),
  }));
  const storylineOfArticle = new Map<string, string>();
  const storylines = result.storylines.map((s, index): StorylineDetail => {
    const ids = [...new Set(s.eventClusters.flatMap((c) => result.eventClusters[c]!.articles))];
    for (const id of ids) storylineOfArticle.set(id, s.id);
    const summary: StorylineSummary = {
      id: s.id,
      label: s.label,
      firstDate: s.firstDate,
      lastDate: s.lastDate,
      articleCount: ids.length,
      eventClusterCount: s.eventClusters.length,
      outlets: outletsOf(ids, byId),
    };
    return {
      ...summary,
      eventClusters: s.eventClusters.map((c) => clusters[c]!),
      articlesByOutlet: foldByOutlet(ids, result, byId),
      timeline: result.timeline.filter((e) => e.storyline === index).map((e) => timelineView(e, byId)),
      undated: result.undated.filter((e) => e.storyline === index).map((e) => timelineView(e, byId)),
      claims: result.claims
        .filter((c) => c.storyline === index)
        .map((c) => ({
          category: c.category ?? null,
          subject: c.subject,
          verdict: c.verdict,
          values: c.values.map((v) => ({
            articleId: v.article,
            outlet: v.outlet,
            text: v.text,
            start: v.start,
            end: v.end,
            value: v.value,
            qualifier: v.qualifier,
            attribution: v.attribution,
          })),
        })),
    };
  });
  storylines.sort(
    (a, b) =>
      b.articleCount - a.articleCount ||
      String(b.lastDate).localeCompare(String(a.lastDate)) ||
      a.id.localeCompare(b.id),
  );
  return { storylines, clusters, storylineOfArticle };
}

/** Summary part of a detail (the list endpoint sends no articles or timeline). */
export function summaryOf(detail: StorylineDetail): StorylineSummary {
  const { id, label, firstDate, lastDate, articleCount, eventClusterCount, outlets } = detail;
  return { id, label, firstDate, lastDate, articleCount, eventClusterCount, outlets };
}
