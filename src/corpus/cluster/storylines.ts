/**
 * Storylines: event clusters linked over weeks and months. Each cluster (in date order) joins the storyline
 * whose centroid is most similar within a wide time window, else starts one. Same machinery as events, looser thresholds.
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

interface StorylineState {
  readonly clusters: number[];
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
 * Groups clusters (given in assignment order, each with a sort key) into storylines.
 * Returns, for each storyline, its cluster numbers ascending; every cluster is in exactly one storyline.
 */
export function linkStorylines(
  clusters: readonly ClusterState[],
  order: readonly number[],
  params: StorylineParams = STORYLINE_PARAMS,
): number[][] {
  const stories: StorylineState[] = [];
  const postings = new Map<string, number[]>();
  for (const c of order) {
    const cluster = clusters[c]!;
    const vector = clusterVector(cluster, params.centroidTerms);
    const shared = new Map<number, number>();
    for (const term of vector.terms.slice(0, QUERY_TERMS)) {
      const list = postings.get(term) ?? [];
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
      const story = stories[s]!;
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
    const target =
      best ??
      stories.push({ clusters: [], recent: [], centroid: new Map(), norm: 0, firstDay: null, lastDay: null }) - 1;
    joinStory(stories[target]!, c, cluster, vector, params);
    for (const term of vector.terms) {
      const list = postings.get(term) ?? [];
      if (list[list.length - 1] !== target) list.push(target);
      postings.set(term, list);
    }
  }
  return stories.map((s) => [...s.clusters].sort((a, b) => a - b));
}

function joinStory(
  story: StorylineState,
  c: number,
  cluster: ClusterState,
  vector: SparseVector,
  params: StorylineParams,
): void {
  story.clusters.push(c);
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
