/**
 * Incremental derivation of the stored stories (issue 18): after each batch, only the event clusters that gained
 * articles and the storylines that can have changed are derived again, with the same result as deriving everything
 * (`deriveStories` in stories.ts) from the same event index.
 *
 * Storylines link event clusters in creation order, and a storyline's linking depends only on the clusters before it.
 * A cluster that the bounded index has frozen, with every older cluster frozen too, is *settled*: those are linked
 * once into a root linker. After each batch the clusters from the first unsettled one on are linked again into a fork
 * of it (copy on write), so a batch costs the open window, not the corpus. A settled cluster that gains an article
 * anyway (a late article thawed it) makes the root linker start over: rare, and exact.
 */
import { hashId } from '../core/ids.ts';
import { MIN_STORYLINE_ARTICLES } from '../corpus/cluster-json.ts';
import { duplicateGroupsIn, eventClusterAt, storylineOf } from '../corpus/cluster/assemble.ts';
import { articleAt, clusterAt, type EventIndex } from '../corpus/cluster/event-index.ts';
import {
  createStorylineLinker,
  forkStorylineLinker,
  linkCluster,
  type StorylineLinker,
} from '../corpus/cluster/storylines.ts';
import type { DuplicateGroup, EventCluster, Storyline } from '../corpus/types.ts';
import type { ArticleEventRow } from '../store/story-types.ts';

/** What one derivation found that may differ from what is stored. */
export interface StoryDelta {
  /** Every storyline was derived (the first derivation, or the root linker started over). */
  readonly full: boolean;
  /** The stored storylines (≥ MIN_STORYLINE_ARTICLES articles) among those derived, with their signatures. */
  readonly stories: readonly Storyline[];
  readonly signatures: ReadonlyMap<string, string>;
  /** Ids of stored-size storylines derived last time that no longer exist as one (to remove when stored). */
  readonly gone: readonly string[];
  /**
   * Article → event/storyline rows that may have changed: every row on the first derivation (to compare with the
   * store), else the rows of articles new in this batch and of the clusters whose event id or storyline changed.
   */
  readonly assignments: readonly ArticleEventRow[];
  /** Event cluster records by cluster number (those the stories above need). */
  readonly cluster: (c: number) => EventCluster;
  /** Duplicate groups of a story's clusters. */
  readonly duplicates: (story: Storyline) => readonly DuplicateGroup[];
}

export interface StoryDeriver {
  /** Derives what the articles `added` (index numbers, in the order they were added) may have changed. */
  derive(added: readonly number[]): StoryDelta;
  /** Counters: clusters linked for good, and times a late article made the settled linking start over. */
  readonly stats: { readonly settled: number; readonly restarts: number };
}

/** Hash of what a stored story shows: the storyline, its event clusters with their articles, and its duplicates. */
export function storySignature(
  story: Storyline,
  members: readonly EventCluster[],
  duplicates: readonly DuplicateGroup[],
): string {
  return hashId(['story', JSON.stringify({ story, members, duplicates })]);
}

/** A deriver over `index`, which must only grow (articles added, never removed). The first derivation is full. */
export function createStoryDeriver(index: EventIndex): StoryDeriver {
  let linker = createStorylineLinker();
  /** Clusters below this number are linked into `linker`. */
  let settled = 0;
  let first = true;
  let restarts = 0;
  /** Event cluster records of the last derivation, by cluster number (a cluster changes only when it gains articles). */
  let records = new Map<number, EventCluster>();
  /** Per cluster: hash of its event id and stored storyline id as last derived (rows written). */
  const keys: string[] = [];
  /**
   * Stored-size storylines derived last time, with their first cluster. One of them can only have changed if the
   * storyline now holding that cluster is derived again (it then had a cluster past the settled ones, which this
   * batch linked again); otherwise it is still there unchanged.
   */
  let previous = new Map<string, number>();

  function record(c: number, used: Map<number, EventCluster>): EventCluster {
    let found = used.get(c) ?? records.get(c);
    if (!found) found = eventClusterAt(index, c);
    used.set(c, found);
    return found;
  }

  return {
    get stats() {
      return { settled, restarts };
    },
    derive(added) {
      const dirty = new Set(added.map((n) => index.clusterOf[n]!));
      for (const c of dirty) records.delete(c);
      const writeAll = first;
      let full = first;
      if (!first && [...dirty].some((c) => c < settled)) {
        linker = createStorylineLinker();
        settled = 0;
        full = true;
        restarts++;
      }
      first = false;
      linker.touched.clear();
      // Settle the clusters that are frozen, with all older ones: they can no longer gain articles in date order.
      while (settled < index.clusters.length && index.clusters[settled] === undefined) {
        linkCluster(linker, settled, clusterAt(index, settled));
        settled++;
      }
      const fork = forkStorylineLinker(linker);
      for (let c = settled; c < index.clusters.length; c++) linkCluster(fork, c, clusterAt(index, c));

      const candidates = full
        ? fork.members.map((_, s) => s)
        : [...new Set([...linker.touched, ...fork.touched])].sort((a, b) => a - b);
      const used = new Map<number, EventCluster>();
      const cluster = (c: number): EventCluster => record(c, used);
      const stories: Storyline[] = [];
      const signatures = new Map<string, string>();
      const storyOfCluster = new Map<number, string | null>();
      const duplicatesOf = new Map<string, readonly DuplicateGroup[]>();
      for (const s of candidates) {
        const members = [...fork.members[s]!].sort((a, b) => a - b);
        const size = members.reduce((n, c) => n + cluster(c).articles.length, 0);
        const story = size >= MIN_STORYLINE_ARTICLES ? storylineOf(members, cluster) : null;
        for (const c of members) storyOfCluster.set(c, story?.id ?? null);
        if (!story) continue;
        const duplicates = duplicateGroupsIn(index, members);
        duplicatesOf.set(story.id, duplicates);
        stories.push(story);
        signatures.set(story.id, storySignature(story, members.map(cluster), duplicates));
      }
      for (const c of dirty) if (!storyOfCluster.has(c)) storyOfCluster.set(c, null); // (in a candidate always)

      const fresh = new Set(added);
      const assignments: ArticleEventRow[] = [];
      for (const [c, storylineId] of storyOfCluster) {
        const { id: eventId, articles } = cluster(c);
        const key = `${eventId} ${storylineId ?? ''}`;
        if (writeAll || keys[c] !== key) {
          for (const articleId of articles) assignments.push({ articleId, eventId, storylineId });
          keys[c] = key;
        } else if (dirty.has(c)) {
          for (const n of clusterAt(index, c).members)
            if (fresh.has(n)) assignments.push({ articleId: articleAt(index, n).id, eventId, storylineId });
        }
      }
      const gone = [...previous]
        .filter(([id, c]) => !signatures.has(id) && storyOfCluster.has(c))
        .map(([id]) => id)
        .sort();
      previous = new Map(stories.map((story) => [story.id, story.eventClusters[0]!]));
      records = used;
      return {
        full,
        stories: stories.sort((a, b) => a.eventClusters[0]! - b.eventClusters[0]!),
        signatures,
        gone,
        assignments,
        cluster,
        duplicates: (story) => duplicatesOf.get(story.id) ?? [],
      };
    },
  };
}
