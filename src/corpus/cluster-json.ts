/**
 * The public `marsad cluster` JSON object (issue 4 contract: extend only by adding fields). Lists storylines
 * that hold at least two articles; timeline and claims index that list.
 */
import type { ClusterResult } from './types.ts';

/** Storylines with fewer articles are single reports, not cross-article stories: left out of `storylines`. */
export const MIN_STORYLINE_ARTICLES = 2;

export interface ClusterJson {
  readonly eventClusters: readonly {
    id: string;
    label: string;
    articles: readonly string[];
    firstDate: string | null;
    lastDate: string | null;
  }[];
  readonly storylines: readonly {
    id: string;
    label: string;
    eventClusters: readonly number[];
    firstDate: string | null;
    lastDate: string | null;
    outlets: readonly string[];
  }[];
  readonly timeline: readonly unknown[];
  readonly undated: readonly unknown[];
  readonly claims: readonly unknown[];
  readonly duplicates: ClusterResult['duplicates'];
}

/** Builds the public JSON object from a clustering result and each article's outlet. */
export function toClusterJson(result: ClusterResult, outletOf: (articleId: string) => string | null): ClusterJson {
  const kept = new Map<number, number>();
  const storylines = result.storylines.flatMap((story, s) => {
    const articles = story.eventClusters.flatMap((c) => result.eventClusters[c]!.articles);
    if (articles.length < MIN_STORYLINE_ARTICLES) return [];
    kept.set(s, kept.size);
    const outlets = [...new Set(articles.map(outletOf).filter((o): o is string => o !== null))].sort();
    return [
      {
        id: story.id,
        label: story.label,
        eventClusters: story.eventClusters,
        firstDate: story.firstDate,
        lastDate: story.lastDate,
        outlets,
      },
    ];
  });
  const remap = <T extends { storyline: number }>(items: readonly T[]): T[] =>
    items.filter((item) => kept.has(item.storyline)).map((item) => ({ ...item, storyline: kept.get(item.storyline)! }));
  return {
    eventClusters: result.eventClusters.map((c) => ({
      id: c.id,
      label: c.label,
      articles: c.articles,
      firstDate: c.firstDate,
      lastDate: c.lastDate,
    })),
    storylines,
    timeline: remap(result.timeline),
    undated: remap(result.undated),
    claims: remap(result.claims),
    duplicates: result.duplicates,
  };
}
