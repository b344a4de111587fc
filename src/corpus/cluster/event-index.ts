/**
 * Incremental event clustering: each article joins the most similar event cluster (centroid cosine over
 * TF-IDF terms and entities, gated by publication dates) or starts a new one. Near-duplicates join their
 * original's cluster. Candidates come from an inverted index over centroid terms and an LSH index, never all pairs.
 */
import { estimateJaccard, minhashSignature } from '../dedup/minhash.ts';
import { createLshIndex, lshCandidates, lshInsert, type LshBuckets, type LshIndex } from '../dedup/lsh.ts';
import { citedAgencies } from '../dedup/agencies.ts';
import type { ClusterInput } from '../types.ts';
import { articleVector, dotWithMap, headlineVector, type SparseVector } from './vectors.ts';
import { dayNumber } from './dates.ts';
import { monthIndexToDay, notBeforeMonth } from './not-before.ts';
import { EVENT_PARAMS, type EventParams } from './params.ts';
import { eventEvidence, pairProbability, type EventEvidence, type PairSide } from './pair-features.ts';
import { linkScore, type LinkEvidence } from './cluster-link.ts';

/** Out-of-window posting entries scanned per in-window one before giving up (bounds the cost on a dense corpus). */
const STALE_SCAN_FACTOR = 4;

/** What the index keeps of one article (no body text). */
export interface ArticleFeatures {
  readonly id: string;
  readonly outlet: string | null;
  readonly day: number | null;
  readonly headline: string | null;
  readonly bodyLength: number;
  readonly vector: SparseVector;
  readonly headlineVector: SparseVector;
  readonly signature: Uint32Array | null;
  readonly agencies: readonly string[];
  /** For undated articles: the first day they can have been written (see not-before.ts); else null. */
  readonly notBefore: number | null;
  /** Lead, entities, figures, event day and speakers compared by the pair model (absent in rows stored before it). */
  readonly evidence?: EventEvidence;
}

export interface ClusterState {
  readonly members: number[];
  readonly centroid: Map<string, number>;
  norm: number;
  firstDay: number | null;
  lastDay: number | null;
  /** Outlets of the members: a second article of the same outlet must be more similar to join. */
  readonly outlets: Set<string>;
  /** Sum of the members' headline vectors. */
  readonly headlines: Map<string, number>;
  headlineNorm: number;
  /** Only on a frozen cluster read back from the archive: its public record's parts, computed when it was frozen. */
  readonly frozen?: FrozenSummary;
}

/**
 * What the results need of a cluster's members (cluster/assemble.ts): their ids in (date, id) order and the
 * cluster's label. A window computes it when it freezes a cluster, so assembly reads no member features back.
 */
export interface FrozenSummary {
  readonly articles: readonly string[];
  readonly label: string;
}

export interface EventIndex {
  readonly params: EventParams;
  /** Features by article number; `undefined` while the article's cluster is frozen in the window's archive. */
  readonly articles: (ArticleFeatures | undefined)[];
  readonly clusterOf: number[];
  /** Article number of the original this article near-duplicates (its own number when it is no copy). */
  readonly duplicateOf: number[];
  readonly jaccardToOriginal: number[];
  /** Cluster states by number; `undefined` while the cluster is frozen in the window's archive. */
  readonly clusters: (ClusterState | undefined)[];
  /**
   * First and last day of every cluster, live or frozen, side by side (2c, 2c + 1; NaN: undated), kept beside the
   * states: the candidate scans read thousands of spans per article, and a frozen cluster's span needs no thaw.
   */
  readonly spans: number[];
  readonly postings: Map<string, number[]>;
  readonly lsh: LshIndex;
  /** Ids of the articles in memory (a bounded index also asks its archive). */
  readonly byId: Map<string, number>;
  /** Null: every cluster stays in memory. Else what keeps memory bounded (cluster/event-window.ts). */
  readonly window: IndexWindow | null;
}

/**
 * How a bounded index keeps only the clusters that can still receive articles in memory (cluster/event-window.ts).
 * Freezing and thawing never change a decision: a frozen cluster is thawed before anything reads it.
 */
export interface IndexWindow {
  /** Where the LSH buckets live (all articles, so a copy of a frozen article still finds its original). */
  readonly buckets: LshBuckets;
  /** Before an article is assigned: may freeze clusters that have left the window. */
  beforeAdd(index: EventIndex, feature: ArticleFeatures): void;
  /** After a cluster gained a member. */
  touched(index: EventIndex, cluster: number): void;
  /** Makes a frozen cluster (and its members) live again; a live one is left alone. */
  thaw(index: EventIndex, cluster: number): void;
  /** An article's MinHash signature, live or frozen. */
  signature(index: EventIndex, article: number): Uint32Array | null;
  /** Whether an id is in the index, live or frozen. */
  has(index: EventIndex, id: string): boolean;
  /** A frozen cluster's state, read without thawing it (assembly of the results). */
  peekCluster(index: EventIndex, cluster: number): ClusterState;
  /** A frozen article's features, read without thawing its cluster. */
  peekArticle(index: EventIndex, article: number): ArticleFeatures;
}

/** A cluster's state, whether in memory or frozen (read only: a frozen cluster stays frozen). */
export function clusterAt(index: EventIndex, cluster: number): ClusterState {
  return index.clusters[cluster] ?? index.window!.peekCluster(index, cluster);
}

/** An article's features, whether in memory or frozen (read only). */
export function articleAt(index: EventIndex, article: number): ArticleFeatures {
  return index.articles[article] ?? index.window!.peekArticle(index, article);
}

/** A new index; with a window, clusters that can no longer receive articles leave memory for its archive. */
export function createEventIndex(params: EventParams = EVENT_PARAMS, window: IndexWindow | null = null): EventIndex {
  return {
    params,
    articles: [],
    clusterOf: [],
    duplicateOf: [],
    jaccardToOriginal: [],
    clusters: [],
    spans: [],
    postings: new Map(),
    lsh: createLshIndex(window?.buckets),
    byId: new Map(),
    window,
  };
}

/** Whether an article id is already in the index (in memory or frozen). */
export function isIndexed(index: EventIndex, id: string): boolean {
  return index.byId.has(id) || (index.window?.has(index, id) ?? false);
}

/** The features the index keeps of an input (pure; exposed so a store can persist them). */
export function articleFeatures(input: ClusterInput): ArticleFeatures {
  const day = dayNumber(input.published);
  const notBefore = day === null ? notBeforeMonth(input.body) : null;
  return {
    id: input.id,
    outlet: input.outlet,
    day,
    headline: input.headline,
    notBefore: notBefore === null ? null : monthIndexToDay(notBefore),
    bodyLength: input.body.length,
    vector: articleVector(input),
    headlineVector: headlineVector(input.headline),
    signature: minhashSignature(input.body),
    agencies: citedAgencies(input.citedSources, input.body),
    evidence: eventEvidence(input),
  };
}

/** Orders inputs by (date, id), undated last: the order in which clustering assigns them. */
export function compareByDateThenId(
  a: { readonly day: number | null; readonly id: string },
  b: { readonly day: number | null; readonly id: string },
): number {
  const da = a.day ?? Number.MAX_SAFE_INTEGER;
  const db = b.day ?? Number.MAX_SAFE_INTEGER;
  return da - db || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Adds articles (features) in (date, id) order; ids already in the index are skipped. Returns the new article numbers. */
export function addToIndex(index: EventIndex, features: readonly ArticleFeatures[]): number[] {
  const fresh = features.filter((f) => !isIndexed(index, f.id)).sort(compareByDateThenId);
  const added: number[] = [];
  for (const feature of fresh) {
    if (isIndexed(index, feature.id)) continue;
    added.push(addOne(index, feature));
  }
  return added;
}

function addOne(index: EventIndex, feature: ArticleFeatures): number {
  index.window?.beforeAdd(index, feature);
  const number = index.articles.length;
  index.articles.push(feature);
  index.byId.set(feature.id, number);
  const duplicate = findOriginal(index, feature);
  index.duplicateOf.push(duplicate ? duplicate.original : number);
  index.jaccardToOriginal.push(duplicate ? duplicate.jaccard : 1);
  if (duplicate) index.window?.thaw(index, index.clusterOf[duplicate.original]!);
  const cluster = duplicate ? index.clusterOf[duplicate.original]! : bestCluster(index, feature);
  if (cluster === null) {
    index.clusterOf.push(index.clusters.length);
    index.clusters.push({
      members: [],
      centroid: new Map(),
      norm: 0,
      firstDay: null,
      lastDay: null,
      outlets: new Set(),
      headlines: new Map(),
      headlineNorm: 0,
    });
    index.spans.push(Number.NaN, Number.NaN);
    joinCluster(index, index.clusters.length - 1, number);
  } else {
    index.clusterOf.push(cluster);
    joinCluster(index, cluster, number);
  }
  if (feature.signature) lshInsert(index.lsh, number, feature.signature);
  return number;
}

/** The most similar earlier article with estimated Jaccard ≥ the duplicate threshold (its chain root), or null. */
function findOriginal(index: EventIndex, feature: ArticleFeatures): { original: number; jaccard: number } | null {
  if (!feature.signature) return null;
  let best: { original: number; jaccard: number } | null = null;
  for (const candidate of lshCandidates(index.lsh, feature.signature)) {
    const other = index.window ? index.window.signature(index, candidate) : index.articles[candidate]!.signature;
    if (!other) continue;
    const jaccard = estimateJaccard(feature.signature, other);
    if (jaccard >= index.params.duplicateJaccard && (!best || jaccard > best.jaccard))
      best = { original: index.duplicateOf[candidate]!, jaccard };
  }
  return best;
}

/** Whether a dated article may join a cluster given the cluster's date range (NaN: an undated cluster). */
function withinWindow(params: EventParams, feature: ArticleFeatures, firstDay: number, lastDay: number): boolean {
  const day = feature.day;
  if (Number.isNaN(firstDay) || Number.isNaN(lastDay)) return true;
  if (day === null) return feature.notBefore === null || lastDay + params.windowDays >= feature.notBefore;
  if (day < lastDay - params.maxSpanDays || day > firstDay + params.maxSpanDays) return false;
  return day >= firstDay - params.windowDays && day <= lastDay + params.windowDays;
}

/** Candidate clusters sharing query terms with the article, most shared first; capped scan of each posting list. */
function candidateClusters(index: EventIndex, feature: ArticleFeatures): number[] {
  const shared = new Map<number, number>();
  const { queryTerms, maxScan } = index.params;
  const { spans } = index;
  for (let t = 0; t < feature.vector.terms.length && t < queryTerms; t++) {
    const postings = index.postings.get(feature.vector.terms[t]!);
    if (!postings) continue;
    let seen = 0;
    // Postings are roughly in date order: scan newest first; stale entries count towards a looser cap.
    for (
      let i = postings.length - 1, scanned = 0;
      i >= 0 && seen < maxScan && scanned < maxScan * STALE_SCAN_FACTOR;
      i--, scanned++
    ) {
      const cluster = postings[i]!;
      if (!withinWindow(index.params, feature, spans[2 * cluster]!, spans[2 * cluster + 1]!)) continue;
      seen++;
      shared.set(cluster, (shared.get(cluster) ?? 0) + 1);
    }
  }
  const candidates = [...shared]
    .filter(([, n]) => n >= index.params.minSharedTerms)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, index.params.maxCandidates)
    .map(([c]) => c);
  if (index.window) for (const c of candidates) index.window.thaw(index, c);
  return candidates;
}

/** Similarity of an article to a cluster centroid (cosine). */
export function clusterSimilarity(vector: SparseVector, cluster: ClusterState): number {
  return cluster.norm === 0 ? 0 : dotWithMap(vector, cluster.centroid) / cluster.norm;
}

/** Members of a cluster (newest first) compared with an article: enough to find the report it repeats. */
const MAX_LINK_MEMBERS = 12;
/** Candidate clusters (most similar centroids first) whose members are compared with the article. */
const MAX_LINK_CLUSTERS = 12;

/** The pair model's view of an article; rows stored before event evidence existed compare by headline only. */
function pairSide(feature: ArticleFeatures): PairSide {
  const evidence = feature.evidence ?? {
    lead: feature.headlineVector,
    entities: [],
    figures: [],
    eventDay: null,
    speakers: [],
  };
  return {
    outlet: feature.outlet,
    day: feature.day,
    vector: feature.vector,
    headlineVector: feature.headlineVector,
    evidence,
  };
}

/** A candidate cluster the pair model may place an article in, with what the link decision reads of it. */
export interface LinkCandidate {
  readonly cluster: number;
  readonly evidence: LinkEvidence;
}

/**
 * The candidate clusters the pair model compares a dated, annotated article with (most similar centroids, in cluster
 * order; late clusters without a headline match left out), each with its link evidence. Reads only (a bounded index
 * thaws the candidates). Exposed for scripts/train-event-model.ts, which fits the decision on what this returns.
 */
export function linkCandidates(index: EventIndex, feature: ArticleFeatures): LinkCandidate[] {
  const model = index.params.pairModel;
  const side = pairSide(feature);
  const near = candidateClusters(index, feature)
    .map((c) => ({ c, score: clusterSimilarity(feature.vector, index.clusters[c]!) }))
    .sort((a, b) => b.score - a.score || a.c - b.c)
    .slice(0, MAX_LINK_CLUSTERS)
    .sort((a, b) => a.c - b.c);
  const out: LinkCandidate[] = [];
  for (const { c: cluster, score } of near) {
    const state = index.clusters[cluster]!;
    if (state.firstDay === null) continue;
    const headline = headlineSimilarity(feature.headlineVector, state);
    // Day 3 of a day-1 happening joins only under a headline naming it: follow-ups and repeats share body words.
    if (stretchesSpan(index.params, feature, state) && headline < index.params.lateHeadlineThreshold) continue;
    const members = state.members;
    const probabilities: number[] = [];
    for (let i = members.length - 1; i >= 0 && probabilities.length < MAX_LINK_MEMBERS; i--)
      probabilities.push(pairProbability(side, pairSide(index.articles[members[i]!]!), model));
    out.push({
      cluster,
      evidence: { probabilities, centroid: score, headlineCentroid: headline, members: members.length },
    });
  }
  return out;
}

/** Whether the pair model may decide for an article (dated news reports with entities or figures). */
function modelReads(feature: ArticleFeatures): boolean {
  const evidence = feature.evidence;
  return feature.day !== null && !!evidence && (evidence.entities.length > 0 || evidence.figures.length > 0);
}

/**
 * The candidate cluster with the highest link score (cluster-link.ts: the pair model's probabilities against its
 * members, read with its centroid and headlines), when that score reaches the model's link level; ties go to the
 * older cluster.
 */
function bestCluster(index: EventIndex, feature: ArticleFeatures): number | null {
  // The model was fitted on dated news reports: undated or unannotated articles join by text alone.
  if (!modelReads(feature)) return bestByText(index, feature, index.params.threshold);
  const model = index.params.pairModel;
  let best: number | null = null;
  let bestScore = -1;
  for (const { cluster, evidence } of linkCandidates(index, feature)) {
    const link = linkScore(evidence, model);
    if (link < model.link) continue;
    if (link > bestScore || (link === bestScore && best !== null && cluster < best)) {
      best = cluster;
      bestScore = link;
    }
  }
  // A report the model does not place may still repeat a cluster's wording closely (the text rule, stricter here:
  // the model has already read this article's evidence and found no match).
  return best ?? bestByText(index, feature, index.params.fallbackThreshold);
}

/**
 * Unannotated articles (no entities, no figures: the pair model's evidence is missing) join by text alone: body
 * cosine to the centroid over the threshold backed by a headline match, or a strong body match alone; stricter
 * when the cluster already holds the same outlet or the article would stretch the cluster past a day.
 */
function bestByText(index: EventIndex, feature: ArticleFeatures, datedThreshold: number): number | null {
  const params = index.params;
  const undated = feature.day === null;
  let best: number | null = null;
  let bestScore = -1;
  for (const cluster of candidateClusters(index, feature)) {
    const state = index.clusters[cluster]!;
    const loose = undated || state.firstDay === null;
    const base = loose ? params.undatedThreshold : datedThreshold;
    const threshold =
      feature.outlet !== null && state.outlets.has(feature.outlet) ? base + params.sameOutletPenalty : base;
    const score = clusterSimilarity(feature.vector, state);
    const headline = headlineSimilarity(feature.headlineVector, state);
    const strong = threshold + (loose ? params.undatedStrongMargin : params.strongMargin);
    if (!(score >= strong || (score >= threshold && headline >= params.headlineThreshold))) continue;
    if (stretchesSpan(params, feature, state) && headline < params.lateHeadlineThreshold) continue;
    if (score > bestScore || (score === bestScore && best !== null && cluster < best)) {
      best = cluster;
      bestScore = score;
    }
  }
  return best;
}

/** Whether a dated article would stretch a dated cluster's span past `lateSpanDays` (a follow-up day, not the event day). */
export function stretchesSpan(params: EventParams, feature: ArticleFeatures, cluster: ClusterState): boolean {
  if (feature.day === null || cluster.firstDay === null || cluster.lastDay === null) return false;
  return Math.max(cluster.lastDay, feature.day) - Math.min(cluster.firstDay, feature.day) > params.lateSpanDays;
}

/** Cosine of an article's headline with the cluster's summed member headlines (0 when either is empty). */
export function headlineSimilarity(vector: SparseVector, cluster: ClusterState): number {
  return cluster.headlineNorm === 0 ? 0 : dotWithMap(vector, cluster.headlines) / cluster.headlineNorm;
}

/** Adds an article to a cluster: centroid sum (pruned to the top terms), date range, postings of new top terms. */
function joinCluster(index: EventIndex, cluster: number, number: number): void {
  const state = index.clusters[cluster]!;
  const feature = index.articles[number]!;
  state.members.push(number);
  index.window?.touched(index, cluster);
  if (feature.outlet !== null) state.outlets.add(feature.outlet);
  addInto(state.headlines, feature.headlineVector);
  state.headlineNorm = Math.sqrt([...state.headlines.values()].reduce((sum, w) => sum + w * w, 0));
  if (feature.day !== null) {
    state.firstDay = state.firstDay === null ? feature.day : Math.min(state.firstDay, feature.day);
    state.lastDay = state.lastDay === null ? feature.day : Math.max(state.lastDay, feature.day);
    index.spans[2 * cluster] = state.firstDay;
    index.spans[2 * cluster + 1] = state.lastDay;
  }
  const { terms, weights } = feature.vector;
  const added: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const before = state.centroid.get(terms[i]!);
    if (before === undefined) added.push(terms[i]!);
    state.centroid.set(terms[i]!, (before ?? 0) + weights[i]!);
  }
  if (state.centroid.size > index.params.centroidTerms) pruneCentroid(state, index.params.centroidTerms);
  let sum = 0;
  for (const w of state.centroid.values()) sum += w * w;
  state.norm = Math.sqrt(sum);
  // Post the terms new to the centroid (a term pruned and later re-added is posted again; lookups tolerate that).
  for (const term of added) {
    if (!state.centroid.has(term)) continue;
    const list = index.postings.get(term);
    if (!list) index.postings.set(term, [cluster]);
    else if (list[list.length - 1] !== cluster) {
      list.push(cluster);
      // Lookups never read past the newest `maxScan × STALE_SCAN_FACTOR` entries: older ones are dropped.
      if (list.length >= 2 * postingsKept(index.params)) list.splice(0, list.length - postingsKept(index.params));
    }
  }
}

/** Posting entries per term that a lookup can reach (candidateClusters scans at most this many, newest first). */
function postingsKept(params: EventParams): number {
  return params.maxScan * STALE_SCAN_FACTOR;
}

function pruneCentroid(state: ClusterState, keep: number): void {
  const sorted = [...state.centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [term] of sorted.slice(keep)) state.centroid.delete(term);
}

function addInto(sum: Map<string, number>, vector: SparseVector): void {
  for (let i = 0; i < vector.terms.length; i++)
    sum.set(vector.terms[i]!, (sum.get(vector.terms[i]!) ?? 0) + vector.weights[i]!);
}
