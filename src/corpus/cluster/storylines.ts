/**
 * Storylines: event clusters linked over weeks and months. Each cluster (in date order) joins the storyline
 * whose centroid (or one of its newest member clusters) is most similar within a wide time window and that shares a
 * linked entity with it, else starts one. Same machinery as events, looser thresholds.
 */
import type { ClusterState } from './event-index.ts';
import { normalizeTop, type SparseVector } from './vectors.ts';
import { STORYLINE_PARAMS, type StorylineParams } from './params.ts';

/** A cluster's top terms used to look up storylines, and the newest postings scanned per term (bench: 100k articles). */
const QUERY_TERMS = 20;
const MAX_SCAN = 100;
/** Storylines sharing fewer query terms are not scored; at most MAX_CANDIDATES (most shared first) are. */
const MIN_SHARED = 2;
const MAX_CANDIDATES = 30;
/** Member clusters (newest) a cluster is compared with under member linkage. */
const RECENT_MEMBERS = 20;

/** A vector's linked-entity (`@id`) terms, read once per vector (the gate checks one cluster against ~30 storylines). */
const ENTITY_TERMS = new WeakMap<SparseVector, readonly string[]>();

function entityTerms(vector: SparseVector): readonly string[] {
  let terms = ENTITY_TERMS.get(vector);
  if (!terms) {
    terms = vector.terms.filter((term) => term.startsWith('@'));
    ENTITY_TERMS.set(vector, terms);
  }
  return terms;
}

/**
 * Whether a cluster passes the entity gate against one side (a storyline's centroid, or the member cluster it links
 * through): it shares `min` linked entities with it. Only where neither side carries linked entities (unannotated
 * input) do clusters link by text alone.
 */
function sharesEntities(
  own: readonly string[],
  has: (term: string) => boolean,
  otherHasEntities: boolean,
  min: number,
): boolean {
  let shared = 0;
  for (const term of own) if (has(term)) shared++;
  if (shared >= min) return true;
  if (own.length > 0) return false;
  return !otherHasEntities;
}

export interface StorylineState {
  /** Term → weight maps of the newest member clusters' unit vectors (member linkage). */
  /** The newest member clusters' unit vectors (member linkage), as interned term ids. */
  readonly recent: MemberVector[];
  /**
   * The centroid: summed member weights by interned term id, terms in the order they were first added (a Map's
   * order, which the norm's sum follows). 12 bytes a term: every storyline a posting names stays in memory. Replaced
   * by joinStory, never changed in place, so a storyline's first member vector shares its arrays.
   */
  centroidIds: Int32Array;
  centroidWeights: Float64Array;
  /** Whether the centroid holds a linked-entity (`@id`) term (kept by joinStory). */
  hasEntities: boolean;
  norm: number;
  /** Articles in the storyline's clusters so far. */
  articles: number;
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
 * The state of `linkStorylines` after some clusters, so that linking can resume and be taken back: with a journal, a
 * linker records how to undo each cluster's linking, so that the stored stories' updater re-links only the clusters
 * from the oldest one that changed (`unlinkFrom`), not all of them. Linking clusters one by one into a linker gives
 * exactly what `linkStorylines` gives for the same sequence.
 */
export interface StorylineLinker {
  readonly params: StorylineParams;
  readonly stories: (StorylineState | undefined)[];
  readonly members: number[][];
  /** Posting entries naming each storyline (its centroid is dropped at 0). */
  readonly references: number[];
  /** Storylines named by each term, by the run's term ids (`query`). */
  readonly postings: (number[] | undefined)[];
  /** Scratch: query terms each storyline shares with the current cluster (reset after each), storylines counted. */
  shared: Int32Array;
  readonly counted: number[];
  /** Interned term ids of the run (an id's value never changes a score, so undo leaves interned terms in place). */
  readonly query: QueryTerms;
  /** Undo records of the clusters linked since the journal was last cut, oldest first; null: no journal. */
  readonly journal: LinkUndo[] | null;
  /** Storylines that gained or lost a cluster since the caller last cleared this (to re-derive only those). */
  readonly touched: Set<number>;
}

/** How to take back the linking of one cluster. */
interface LinkUndo {
  readonly cluster: number;
  readonly target: number;
  /** The storyline was created for this cluster. */
  readonly created: boolean;
  /** The target's state before (restored as a whole; joinStory changes it in place). */
  readonly before: StorylineState | undefined;
  /** Posting changes in order: the term id, whether it was new, whether the target was pushed, entries cut off. */
  readonly posts: { id: number; created: boolean; pushed: boolean; dropped: number[] | null }[];
  /** Storylines whose reference count dropped to 0 (their state was cleared), with the state before. */
  readonly cleared: { story: number; state: StorylineState | undefined }[];
  /** Reference counts changed, with the value before, in order. */
  readonly references: { story: number; value: number }[];
}

export function createStorylineLinker(
  params: StorylineParams = STORYLINE_PARAMS,
  options: { readonly journal?: boolean } = {},
): StorylineLinker {
  return {
    params,
    stories: [],
    members: [],
    references: [],
    postings: [],
    shared: new Int32Array(1024),
    counted: [],
    query: new QueryTerms(),
    journal: options.journal ? [] : null,
    touched: new Set(),
  };
}

/** For each storyline, its cluster numbers ascending. */
export function linkedStorylines(linker: StorylineLinker): number[][] {
  return linker.members.map((m) => [...m].sort((a, b) => a - b));
}

/** What a linker holds (memory studies): storylines, those whose state is kept, posted and interned terms. */
export function linkerSizes(linker: StorylineLinker): {
  readonly storylines: number;
  readonly liveStorylines: number;
  readonly postedTerms: number;
  readonly internedTerms: number;
  readonly journal: number;
} {
  let live = 0;
  for (const story of linker.stories) if (story !== undefined) live++;
  return {
    storylines: linker.members.length,
    liveStorylines: live,
    postedTerms: linker.postings.reduce((n, list) => (list === undefined ? n : n + 1), 0),
    internedTerms: linker.query.size,
    journal: linker.journal?.length ?? 0,
  };
}

/** Number of linked clusters the journal can still take back (from the newest). */
export function journalLength(linker: StorylineLinker): number {
  return linker.journal?.length ?? 0;
}

/** The oldest cluster the journal can take back, or null when it is empty. */
export function oldestUndoable(linker: StorylineLinker): number | null {
  return linker.journal?.[0]?.cluster ?? null;
}

/** Forgets the undo records of clusters below `cluster` (they will not be linked again). */
export function cutJournal(linker: StorylineLinker, cluster: number): void {
  const journal = linker.journal;
  if (!journal) return;
  let keep = 0;
  while (keep < journal.length && journal[keep]!.cluster < cluster) keep++;
  journal.splice(0, keep);
}

/**
 * Takes back the linking of every cluster from `cluster` on (newest first), leaving the linker as it was before that
 * cluster was linked. The journal must hold them (`oldestUndoable` ≤ cluster).
 */
export function unlinkFrom(linker: StorylineLinker, cluster: number): void {
  const journal = linker.journal!;
  const { stories, members, references, postings } = linker;
  while (journal.length > 0 && journal[journal.length - 1]!.cluster >= cluster) {
    const undo = journal.pop()!;
    for (let i = undo.cleared.length - 1; i >= 0; i--) stories[undo.cleared[i]!.story] = undo.cleared[i]!.state;
    for (let i = undo.references.length - 1; i >= 0; i--)
      references[undo.references[i]!.story] = undo.references[i]!.value;
    for (let i = undo.posts.length - 1; i >= 0; i--) {
      const post = undo.posts[i]!;
      const list = postings[post.id]!;
      if (post.dropped) list.unshift(...post.dropped);
      if (post.pushed) list.pop();
      if (post.created) postings[post.id] = undefined;
    }
    // Term ids are given in order of first use, so the ids posted first by the clusters taken back are the last ones.
    while (postings.length > 0 && postings[postings.length - 1] === undefined) postings.length--;
    members[undo.target]!.pop();
    linker.touched.add(undo.target);
    if (undo.created) {
      stories.pop();
      members.pop();
      references.pop();
    } else stories[undo.target] = undo.before;
  }
}

/**
 * A copy of a storyline's state that joinStory's in-place changes do not reach (member vectors and centroid arrays
 * are never changed, only replaced).
 */
function copyState(story: StorylineState): StorylineState {
  return {
    recent: story.recent.slice(),
    centroidIds: story.centroidIds,
    centroidWeights: story.centroidWeights,
    hasEntities: story.hasEntities,
    norm: story.norm,
    articles: story.articles,
    firstDay: story.firstDay,
    lastDay: story.lastDay,
  };
}

/** Links cluster number `c` (next in assignment order) into its storyline; returns the storyline's number. */
export function linkCluster(linker: StorylineLinker, c: number, cluster: ClusterState): number {
  const { params, stories, members, references, postings, query, counted } = linker;
  const vector = clusterVector(cluster, params.centroidTerms);
  const ids = query.set(vector);
  const shared = linker.shared;
  for (let t = 0; t < ids.length && t < QUERY_TERMS; t++) {
    const list = postings[ids[t]!];
    if (!list) continue;
    for (let i = list.length - 1; i >= 0 && i >= list.length - MAX_SCAN; i--)
      if (shared[list[i]!]!++ === 0) counted.push(list[i]!);
  }
  const candidates = counted
    .filter((s) => shared[s]! >= MIN_SHARED)
    .sort((a, b) => shared[b]! - shared[a]! || a - b)
    .slice(0, MAX_CANDIDATES);
  for (const s of counted) shared[s] = 0;
  counted.length = 0;
  let best: number | null = null;
  let bestScore = -1;
  const own = entityTerms(vector);
  for (const s of candidates.sort((a, b) => a - b)) {
    const story = stories[s]!; // named by a posting, so still in memory
    if (!fits(params, cluster, story)) continue;
    const score = linkScore(params, vector, query, own, story);
    if (score !== null && score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  let target = best;
  const created = target === null;
  if (target === null) {
    target =
      stories.push({
        recent: [],
        centroidIds: new Int32Array(0),
        centroidWeights: new Float64Array(0),
        hasEntities: false,
        norm: 0,
        articles: 0,
        firstDay: null,
        lastDay: null,
      }) - 1;
    members.push([]);
    references.push(0);
    if (stories.length > shared.length) {
      const grown = new Int32Array(2 * shared.length);
      grown.set(shared);
      linker.shared = grown;
    }
  }
  const undo: LinkUndo | null = linker.journal
    ? {
        cluster: c,
        target,
        created,
        before: created ? undefined : stories[target] && copyState(stories[target]!),
        posts: [],
        cleared: [],
        references: [],
      }
    : null;
  joinStory(stories[target]!, cluster, vector, ids, query, params);
  members[target]!.push(c);
  linker.touched.add(target);
  for (let t = 0; t < ids.length; t++) {
    const id = ids[t]!;
    const list = (postings[id] ??= []);
    if (list[list.length - 1] !== target) {
      const post = undo && { id, created: list.length === 0, pushed: true, dropped: null as number[] | null };
      list.push(target);
      undo?.references.push({ story: target, value: references[target]! });
      references[target]!++;
      if (list.length >= 2 * MAX_SCAN) {
        const dropped = list.splice(0, list.length - MAX_SCAN);
        if (post) post.dropped = dropped;
        for (const story of dropped) unreference(story);
      }
      if (post) undo!.posts.push(post);
    }
  }
  if (references[target] === 0) clear(target); // no terms: never a candidate
  query.clear();
  linker.journal?.push(undo!);
  return target;

  function unreference(story: number): void {
    undo?.references.push({ story, value: references[story]! });
    if (--references[story]! === 0) clear(story);
  }

  function clear(story: number): void {
    undo?.cleared.push({ story, state: stories[story] });
    stories[story] = undefined;
  }
}

/**
 * How well a cluster continues a storyline, or null when it may not join: the larger of its cosine with the
 * storyline's centroid and (its cosine with one of the newest member clusters − (memberThreshold − threshold)), at
 * least `threshold` once the storyline's size is counted (`sizeStep`: a storyline grown past `sizeFrom` articles
 * needs more per doubling, so a large storyline does not keep absorbing look-alikes), and sharing linked entities
 * with what it links to (the centroid, or that member) when the storyline has `gateFrom` articles or more.
 */
function linkScore(
  params: StorylineParams,
  vector: SparseVector,
  query: QueryTerms,
  own: readonly string[],
  story: StorylineState,
): number | null {
  const gated = params.minSharedEntities > 0 && story.articles >= params.gateFrom;
  const needed =
    params.threshold +
    (story.articles > params.sizeFrom ? params.sizeStep * Math.log2(story.articles / params.sizeFrom) : 0);
  let score = -1;
  // = dotWithMap(vector, centroid) / story.norm, bit for bit (same products, same order).
  const centroidScore = story.norm === 0 ? 0 : query.dot(story.centroidIds, story.centroidWeights) / story.norm;
  if (
    centroidScore >= needed &&
    (!gated ||
      sharesEntities(
        own,
        (term) => story.centroidIds.includes(query.idOf(term)),
        story.hasEntities,
        params.minSharedEntities,
      ))
  )
    score = centroidScore;
  if (params.memberThreshold < 1)
    for (const member of story.recent) {
      const memberScore = query.dot(member.ids, member.weights) - (params.memberThreshold - params.threshold);
      if (memberScore < needed || memberScore <= score) continue;
      if (
        gated &&
        !sharesEntities(
          own,
          (term) => member.entities.includes(term),
          member.entities.length > 0,
          params.minSharedEntities,
        )
      )
        continue;
      score = memberScore;
    }
  return score >= needed ? score : null;
}

function joinStory(
  story: StorylineState,
  cluster: ClusterState,
  vector: SparseVector,
  ids: Int32Array,
  query: QueryTerms,
  params: StorylineParams,
): void {
  story.articles += cluster.members.length;
  const weights = Float64Array.from(vector.weights);
  if (params.memberThreshold < 1) story.recent.push({ ids, weights, entities: entityTerms(vector) });
  if (story.recent.length > RECENT_MEMBERS) story.recent.shift();
  if (cluster.firstDay !== null)
    story.firstDay = story.firstDay === null ? cluster.firstDay : Math.min(story.firstDay, cluster.firstDay);
  if (cluster.lastDay !== null)
    story.lastDay = story.lastDay === null ? cluster.lastDay : Math.max(story.lastDay, cluster.lastDay);
  addToCentroid(story, ids, weights, query, params.centroidTerms);
  let sum = 0;
  story.hasEntities = false;
  for (let k = 0; k < story.centroidIds.length; k++) {
    sum += story.centroidWeights[k]! * story.centroidWeights[k]!;
    if (!story.hasEntities && query.termOf(story.centroidIds[k]!).startsWith('@')) story.hasEntities = true;
  }
  story.norm = Math.sqrt(sum);
}

/**
 * Adds the query vector (its ids and weights) into a storyline's centroid as a Map would (`set(t, (get(t) ?? 0) + w)`
 * in vector order: known terms keep their place, new ones are appended), then keeps the `keep` heaviest terms (ties:
 * by term), survivors in their order. New arrays each time; an empty centroid takes the vector's own (0 + w = w).
 */
function addToCentroid(
  story: StorylineState,
  ids: Int32Array,
  weights: Float64Array,
  query: QueryTerms,
  keep: number,
): void {
  const old = story.centroidIds;
  if (old.length === 0 && ids.length <= keep) {
    story.centroidIds = ids;
    story.centroidWeights = weights;
    return;
  }
  const known = new Uint8Array(ids.length);
  const sums = Float64Array.from(story.centroidWeights);
  for (let k = 0; k < old.length; k++) {
    const at = query.positionOf(old[k]!);
    if (at === 0) continue;
    sums[k]! += weights[at - 1]!;
    known[at - 1] = 1;
  }
  let size = old.length;
  for (let i = 0; i < ids.length; i++) if (!known[i]) size++;
  let allIds = new Int32Array(size);
  let allWeights = new Float64Array(size);
  allIds.set(old);
  allWeights.set(sums);
  let n = old.length;
  for (let i = 0; i < ids.length; i++) {
    if (known[i]) continue;
    allIds[n] = ids[i]!;
    allWeights[n++] = weights[i]!;
  }
  if (size > keep) {
    const ranked = Array.from({ length: size }, (_, k) => k).sort(
      (a, b) => allWeights[b]! - allWeights[a]! || (query.termOf(allIds[a]!) < query.termOf(allIds[b]!) ? -1 : 1),
    );
    const kept = new Uint8Array(size);
    for (let r = 0; r < keep; r++) kept[ranked[r]!] = 1;
    const keptIds = new Int32Array(keep);
    const keptWeights = new Float64Array(keep);
    for (let k = 0, j = 0; k < size; k++) {
      if (!kept[k]) continue;
      keptIds[j] = allIds[k]!;
      keptWeights[j++] = allWeights[k]!;
    }
    allIds = keptIds;
    allWeights = keptWeights;
  }
  story.centroidIds = allIds;
  story.centroidWeights = allWeights;
}

/** Bits of the query filter (QueryTerms). */
const QUERY_FILTER_BITS = 2 ** 16;

/** A cluster's unit vector with its terms as ids of one `linkStorylines` run (8 + 4 bytes a term, no Map). */
export interface MemberVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  /** Its linked-entity (`@id`) terms, for the entity gate through this member. */
  readonly entities: readonly string[];
}

/**
 * The current cluster's vector as the query of dot products with member vectors. Terms are interned to ids for the
 * run, and `position` marks each query term's place, so a member is scanned once with typed-array reads instead of
 * a Map lookup per term. The products are summed in query-term order, exactly as `dotWithMap(query, member)` sums
 * them (terms the member lacks add 0), so every score is bit-identical.
 */
export class QueryTerms {
  private readonly termIds = new Map<string, number>();
  /** Term of each id. */
  private readonly terms: string[] = [];
  /** Query position + 1 of each term id (0: not in the query). */
  private position = new Int32Array(1024);
  /**
   * The query's ids hashed into 2^16 bits (8 KB, stays in the CPU's first-level cache): most member terms are not in
   * the query, and this answers them without a read of `position`, which spans the run's vocabulary.
   */
  private readonly filter = new Int32Array(QUERY_FILTER_BITS >>> 5);
  private weights: readonly number[] = [];
  private ids = new Int32Array(0);
  /** Scratch: matched query positions and the member's weight at each position. */
  private matched = new Int32Array(256);
  private memberWeight = new Float64Array(256);

  /** Makes `vector` the query; returns its term ids (kept by the storyline it joins). */
  set(vector: SparseVector): Int32Array {
    const ids = new Int32Array(vector.terms.length);
    for (let i = 0; i < vector.terms.length; i++) {
      const term = vector.terms[i]!;
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.termIds.size;
        this.termIds.set(term, id);
        this.terms.push(term);
      }
      ids[i] = id;
    }
    if (this.termIds.size > this.position.length) {
      const grown = new Int32Array(Math.max(this.termIds.size, 2 * this.position.length));
      grown.set(this.position);
      this.position = grown;
    }
    for (let i = 0; i < ids.length; i++) {
      this.position[ids[i]!] = i + 1;
      const bit = ids[i]! & (QUERY_FILTER_BITS - 1);
      this.filter[bit >>> 5]! |= 1 << (bit & 31);
    }
    if (ids.length > this.memberWeight.length) {
      this.matched = new Int32Array(ids.length);
      this.memberWeight = new Float64Array(ids.length);
    }
    this.weights = vector.weights;
    this.ids = ids;
    return ids;
  }

  /** Terms interned so far. */
  get size(): number {
    return this.termIds.size;
  }

  /** The id of a term already interned (every centroid term came from an earlier query). */
  idOf(term: string): number {
    return this.termIds.get(term)!;
  }

  /** The term of an id. */
  termOf(id: number): string {
    return this.terms[id]!;
  }

  /** Query position + 1 of a term id (0: not in the query). */
  positionOf(id: number): number {
    return this.position[id]!;
  }

  /** Unmarks the query's terms. */
  clear(): void {
    for (let i = 0; i < this.ids.length; i++) {
      this.position[this.ids[i]!] = 0;
      this.filter[(this.ids[i]! & (QUERY_FILTER_BITS - 1)) >>> 5] = 0;
    }
  }

  /**
   * Dot product of the query with a vector given as term ids and weights (a member cluster, a storyline centroid),
   * summed in query order (as `dotWithMap`): matched query positions are put in order by insertion (few match).
   */
  dot(ids: Int32Array, weights: Float64Array): number {
    const matched = this.matched;
    const memberWeight = this.memberWeight;
    const filter = this.filter;
    let n = 0;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j]!;
      const bit = id & (QUERY_FILTER_BITS - 1);
      if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
      const at = this.position[id]!;
      if (at === 0) continue;
      let k = n++;
      for (; k > 0 && matched[k - 1]! > at - 1; k--) matched[k] = matched[k - 1]!;
      matched[k] = at - 1;
      memberWeight[at - 1] = weights[j]!;
    }
    let dot = 0;
    for (let k = 0; k < n; k++) dot += this.weights[matched[k]!]! * memberWeight[matched[k]!]!;
    return dot;
  }
}
