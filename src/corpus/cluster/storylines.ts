/**
 * Storylines: event clusters linked over weeks and months. Each cluster (in date order) joins the storyline
 * whose centroid (or one of its newest member clusters) is most similar within a wide time window and that shares a
 * linked entity with it, else starts one. Same machinery as events, looser thresholds.
 */
import type { ClusterState } from './event-index.ts';
import { normalizeTop, dotWithMap, type SparseVector } from './vectors.ts';
import { STORYLINE_PARAMS, type StorylineParams } from './params.ts';

/** A cluster's top terms used to look up storylines, and the newest postings scanned per term (bench: 100k articles). */
const QUERY_TERMS = 20;
const MAX_SCAN = 100;
/** Storylines sharing fewer query terms are not scored; at most MAX_CANDIDATES (most shared first) are. */
const MIN_SHARED = 2;
const MAX_CANDIDATES = 30;
/** Member clusters (newest) a cluster is compared with under member linkage. */
const RECENT_MEMBERS = 20;

/**
 * Whether a cluster passes the storyline's entity gate: it shares `min` linked entities (`@id` features) with the
 * storyline's centroid. Only where neither side carries linked entities (unannotated input) do clusters link by text.
 */
function passesEntityGate(vector: SparseVector, story: StorylineState, min: number): boolean {
  if (min <= 0) return true;
  let own = 0;
  let shared = 0;
  for (const term of vector.terms)
    if (term.startsWith('@')) {
      own++;
      if (story.centroid.has(term)) shared++;
    }
  if (shared >= min) return true;
  if (own > 0) return false;
  for (const term of story.centroid.keys()) if (term.startsWith('@')) return false;
  return true;
}

export interface StorylineState {
  /** Term → weight maps of the newest member clusters' unit vectors (member linkage). */
  readonly recent: Map<string, number>[];
  readonly centroid: Map<string, number>;
  norm: number;
  firstDay: number | null;
  lastDay: number | null;
}

/** A cluster's unit centroid vector (top terms). */
export function clusterVector(cluster: ClusterState, limit: number): SparseVector {
  return normalizeTop([...cluster.centroid], limit);
}

function fits(params: StorylineParams, cluster: ClusterState, story: StorylineState): boolean {
  if (cluster.firstDay === null || story.firstDay === null || story.lastDay === null || cluster.lastDay === null)
    return true;
  return cluster.firstDay <= story.lastDay + params.windowDays && cluster.lastDay >= story.firstDay - params.windowDays;
}

/**
 * Groups clusters (given in assignment order; `clusterAt` reads one, in memory or from an archive) into storylines.
 * Returns, for each storyline, its cluster numbers ascending; every cluster is in exactly one storyline.
 * Memory stays bounded: a term keeps only the postings a lookup can reach (the newest MAX_SCAN), and a storyline
 * none of them names can never be a candidate again, so its centroid is dropped (only its cluster list stays).
 */
export function linkStorylines(
  clusterAt: (cluster: number) => ClusterState,
  order: readonly number[],
  params: StorylineParams = STORYLINE_PARAMS,
): number[][] {
  const linker = createStorylineLinker(params);
  for (const c of order) linkCluster(linker, c, clusterAt(c));
  return linkedStorylines(linker);
}

/**
 * The state of `linkStorylines` after some clusters, so that linking can resume (the stored stories' updater links
 * the clusters that can no longer change once, and re-links only the newer ones on a fork after each batch). Linking
 * clusters one by one into a linker gives exactly what `linkStorylines` gives for the same sequence.
 */
export interface StorylineLinker {
  readonly params: StorylineParams;
  readonly stories: (StorylineState | undefined)[];
  readonly members: number[][];
  /** Posting entries naming each storyline (its centroid is dropped at 0). */
  readonly references: number[];
  readonly postings: Map<string, number[]>;
  /** A fork reads the postings it has not changed from its base (copy on write); null for a root linker. */
  readonly base: StorylineLinker | null;
  /** Storylines whose state and member list this fork has copied (null: a root linker owns everything). */
  readonly owned: Set<number> | null;
  /** Storylines that gained a cluster in this linker (or in this fork), for callers that re-derive only those. */
  readonly touched: Set<number>;
}

export function createStorylineLinker(params: StorylineParams = STORYLINE_PARAMS): StorylineLinker {
  return { params, stories: [], members: [], references: [], postings: new Map(), base: null, owned: null, touched: new Set() };
}

/**
 * A linker that continues from `base` without changing it: per-storyline arrays are copied (a few numbers each),
 * storyline states, member lists and posting lists are copied when the fork first changes them. The base must not
 * change while the fork is in use.
 */
export function forkStorylineLinker(base: StorylineLinker): StorylineLinker {
  return {
    params: base.params,
    stories: base.stories.slice(),
    members: base.members.slice(),
    references: base.references.slice(),
    postings: new Map(),
    base,
    owned: new Set(),
    touched: new Set(),
  };
}

/** For each storyline, its cluster numbers ascending. */
export function linkedStorylines(linker: StorylineLinker): number[][] {
  return linker.members.map((m) => [...m].sort((a, b) => a - b));
}

function postingsOf(linker: StorylineLinker, term: string): number[] | undefined {
  return linker.postings.get(term) ?? linker.base?.postings.get(term);
}

/** The posting list of a term, writable in this linker (a fork copies its base's list first). */
function ownPostings(linker: StorylineLinker, term: string): number[] {
  const own = linker.postings.get(term);
  if (own) return own;
  const list = [...(linker.base?.postings.get(term) ?? [])];
  linker.postings.set(term, list);
  return list;
}

/** Storyline `s`'s state and member list, writable in this linker. */
function own(linker: StorylineLinker, s: number): void {
  if (linker.owned === null || linker.owned.has(s)) return;
  linker.owned.add(s);
  const story = linker.stories[s];
  if (story)
    linker.stories[s] = {
      recent: story.recent.slice(),
      centroid: new Map(story.centroid),
      norm: story.norm,
      firstDay: story.firstDay,
      lastDay: story.lastDay,
    };
  linker.members[s] = linker.members[s]!.slice();
}

/** Links cluster number `c` (next in assignment order) into its storyline; returns the storyline's number. */
export function linkCluster(linker: StorylineLinker, c: number, cluster: ClusterState): number {
  const { params, stories, members, references } = linker;
  const vector = clusterVector(cluster, params.centroidTerms);
  const shared = new Map<number, number>();
  for (const term of vector.terms.slice(0, QUERY_TERMS)) {
    const list = postingsOf(linker, term) ?? [];
    for (let i = list.length - 1; i >= 0 && i >= list.length - MAX_SCAN; i--)
      shared.set(list[i]!, (shared.get(list[i]!) ?? 0) + 1);
  }
  const candidates = [...shared]
    .filter(([, n]) => n >= MIN_SHARED)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_CANDIDATES)
    .map(([s]) => s);
  let best: number | null = null;
  let bestScore = -1;
  for (const s of candidates.sort((a, b) => a - b)) {
    const story = stories[s]!; // named by a posting, so still in memory
    if (!fits(params, cluster, story)) continue;
    if (!passesEntityGate(vector, story, params.minSharedEntities)) continue;
    const centroidScore = story.norm === 0 ? 0 : dotWithMap(vector, story.centroid) / story.norm;
    let memberScore = 0;
    if (params.memberThreshold < 1)
      for (const member of story.recent) memberScore = Math.max(memberScore, dotWithMap(vector, member));
    const score = Math.max(centroidScore, memberScore - (params.memberThreshold - params.threshold));
    if (score >= params.threshold && score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  let target = best;
  if (target === null) {
    target = stories.push({ recent: [], centroid: new Map(), norm: 0, firstDay: null, lastDay: null }) - 1;
    members.push([]);
    references.push(0);
    linker.owned?.add(target);
  }
  own(linker, target);
  joinStory(stories[target]!, cluster, vector, params);
  members[target]!.push(c);
  linker.touched.add(target);
  for (const term of vector.terms) {
    const list = ownPostings(linker, term);
    if (list[list.length - 1] !== target) {
      list.push(target);
      references[target]!++;
      if (list.length >= 2 * MAX_SCAN)
        for (const dropped of list.splice(0, list.length - MAX_SCAN)) unreference(dropped);
    }
  }
  if (references[target] === 0) stories[target] = undefined; // no terms: never a candidate
  return target;

  function unreference(story: number): void {
    if (--references[story]! === 0) stories[story] = undefined;
  }
}

function joinStory(story: StorylineState, cluster: ClusterState, vector: SparseVector, params: StorylineParams): void {
  if (params.memberThreshold < 1) story.recent.push(new Map(vector.terms.map((t, i) => [t, vector.weights[i]!])));
  if (story.recent.length > RECENT_MEMBERS) story.recent.shift();
  if (cluster.firstDay !== null)
    story.firstDay = story.firstDay === null ? cluster.firstDay : Math.min(story.firstDay, cluster.firstDay);
  if (cluster.lastDay !== null)
    story.lastDay = story.lastDay === null ? cluster.lastDay : Math.max(story.lastDay, cluster.lastDay);
  for (let i = 0; i < vector.terms.length; i++)
    story.centroid.set(vector.terms[i]!, (story.centroid.get(vector.terms[i]!) ?? 0) + vector.weights[i]!);
  if (story.centroid.size > params.centroidTerms) {
    const sorted = [...story.centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    for (const [term] of sorted.slice(params.centroidTerms)) story.centroid.delete(term);
  }
  let sum = 0;
  for (const w of story.centroid.values()) sum += w * w;
  story.norm = Math.sqrt(sum);
}
