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
  cutJournal,
  linkCluster,
  linkerSizes,
  oldestUndoable,
  unlinkFrom,
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
  /**
   * Counters: clusters linked for good, times a late article made the linking start over, and clusters whose
   * linking was taken back and done again (each batch re-links from the oldest cluster that changed).
   */
  readonly stats: { readonly settled: number; readonly restarts: number; readonly relinked: number };
  /** What the deriver holds in memory (memory studies: `bench/watch.bench.ts` with MARSAD_BENCH_WATCH_TRACE=1). */
  sizes(): ReturnType<typeof linkerSizes> & { readonly liveStories: number; readonly keys: number };
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
  const journaled = (): StorylineLinker => createStorylineLinker(undefined, { journal: true });
  let linker = journaled();
  /** Clusters linked into `linker` (0 … linked − 1). */
  let linked = 0;
  /** Clusters below this number are frozen, with all older ones: their linking is final (journal cut there). */
  let settled = 0;
  let first = true;
  let restarts = 0;
  let relinked = 0;
  /** Event cluster records of the last derivation, by cluster number (a cluster changes only when it gains articles). */
  let records = new Map<number, EventCluster>();
  /** Per cluster: its event id and stored storyline id as last derived (rows written). */
  const keys: string[] = [];
  /**
   * Stored-size storylines that can still change, with their first and last cluster. One of them can only have
   * changed if the storyline now holding its first cluster is derived again; otherwise it is still there unchanged.
   * Dropped once its last cluster is settled.
   */
  let live = new Map<string, { first: number; last: number }>();

  function record(c: number, used: Map<number, EventCluster>): EventCluster {
    let found = used.get(c) ?? records.get(c);
    if (!found) found = eventClusterAt(index, c);
    used.set(c, found);
    return found;
  }

  return {
    get stats() {
      return { settled, restarts, relinked };
    },
    sizes() {
      return { ...linkerSizes(linker), liveStories: live.size, keys: keys.length };
    },
    derive(added) {
      const dirty = new Set(added.map((n) => index.clusterOf[n]!));
      for (const c of dirty) records.delete(c);
      const writeAll = first;
      let full = first;
      first = false;
      linker.touched.clear();
      // Re-link from the oldest cluster that changed; a settled one (a late article thawed it) means starting over.
      const from = Math.min(linked, ...dirty);
      if (from < linked) {
        const oldest = oldestUndoable(linker);
        if (oldest !== null && oldest <= from) {
          unlinkFrom(linker, from);
          relinked += linked - from;
        } else {
          linker = journaled();
          full = true;
          restarts++;
        }
        linked = full ? 0 : from;
      }
      for (; linked < index.clusters.length; linked++) linkCluster(linker, linked, clusterAt(index, linked));
      while (settled < index.clusters.length && index.clusters[settled] === undefined) settled++;
      cutJournal(linker, settled);

      const candidates = full
        ? linker.members.map((_, s) => s)
        : [...linker.touched].filter((s) => s < linker.members.length).sort((a, b) => a - b);
      const used = new Map<number, EventCluster>();
      const cluster = (c: number): EventCluster => record(c, used);
      const stories: Storyline[] = [];
      const signatures = new Map<string, string>();
      const storyOfCluster = new Map<number, string | null>();
      const duplicatesOf = new Map<string, readonly DuplicateGroup[]>();
      for (const s of candidates) {
        const members = [...linker.members[s]!].sort((a, b) => a - b);
        if (members.length === 0) continue;
        const size = members.reduce((n, c) => n + cluster(c).articles.length, 0);
        const story = size >= MIN_STORYLINE_ARTICLES ? storylineOf(members, cluster) : null;
        for (const c of members) storyOfCluster.set(c, story?.id ?? null);
        if (!story) continue;
        const duplicates = duplicateGroupsIn(index, members);
        duplicatesOf.set(story.id, duplicates);
        stories.push(story);
        signatures.set(story.id, storySignature(story, members.map(cluster), duplicates));
      }

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
      const gone = [...live]
        .filter(([id, { first: c }]) => !signatures.has(id) && storyOfCluster.has(c))
        .map(([id]) => id)
        .sort();
      if (full) live = new Map();
      for (const id of gone) live.delete(id);
      for (const story of stories) {
        const members = story.eventClusters;
        live.set(story.id, { first: members[0]!, last: members[members.length - 1]! });
      }
      for (const [id, span] of live) if (span.last < settled) live.delete(id);
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
