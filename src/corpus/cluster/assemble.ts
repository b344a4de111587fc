/**
 * Turns an event index into the public records: duplicate groups, event clusters with labels and storylines.
 * Pure; ids are content hashes of the first member so a rerun gives the same ids.
 */
import { hashId } from '../../core/ids.ts';
import type { DuplicateGroup, EventCluster, Storyline } from '../types.ts';
import {
  articleAt,
  clusterAt,
  compareByDateThenId,
  clusterSimilarity,
  type ArticleFeatures,
  type ClusterState,
  type EventIndex,
  type FrozenSummary,
} from './event-index.ts';
import { dayToIso } from './dates.ts';
import { linkStorylines } from './storylines.ts';
import { outletAgency, pickOriginal } from '../dedup/original.ts';
import { STORYLINE_PARAMS, type StorylineParams } from './params.ts';

/** Estimated Jaccard (every copy to the original) from which a group crediting an agency counts as that agency's wire text re-run. */
const WIRE_JACCARD = 0.7;

/** Duplicate groups (≥ 2 members): original = an agency's own page, else the earliest full text (dedup/original.ts). */
export function duplicateGroups(index: EventIndex): DuplicateGroup[] {
  // Members ascending (the root, an earlier article, first); only groups with copies are built.
  const groups = new Map<number, number[]>();
  index.duplicateOf.forEach((root, n) => {
    if (root !== n) groups.set(root, [...(groups.get(root) ?? [root]), n]);
  });
  return [...groups.values()].map((members) => duplicateGroupOf(index, members)).sort(byOriginal);
}

/**
 * The duplicate groups whose members are in these event clusters (a copy always joins its original's cluster, so
 * a group lies in one cluster): the same records `duplicateGroups` gives for them, read from these clusters only.
 */
export function duplicateGroupsIn(index: EventIndex, clusterNumbers: Iterable<number>): DuplicateGroup[] {
  const out: DuplicateGroup[] = [];
  for (const c of clusterNumbers) {
    const groups = new Map<number, number[]>();
    for (const n of [...clusterAt(index, c).members].sort((a, b) => a - b)) {
      const root = index.duplicateOf[n]!;
      if (root !== n) groups.set(root, [...(groups.get(root) ?? [root]), n]);
    }
    for (const members of groups.values()) out.push(duplicateGroupOf(index, members));
  }
  return out.sort(byOriginal);
}

function byOriginal(a: DuplicateGroup, b: DuplicateGroup): number {
  return a.original < b.original ? -1 : 1;
}

/** One duplicate group's record; `members` ascending, the root first. */
function duplicateGroupOf(index: EventIndex, members: readonly number[]): DuplicateGroup {
  const features = members.map((n) => articleAt(index, n));
  const original = pickOriginal(features);
  // An agency's own page in the group names the agency even when the re-posts drop the credit.
  const agency = creditedAgency(features.map((f) => f.agencies)) ?? outletAgency(original.outlet);
  const nearIdentical = members.every((n) => index.jaccardToOriginal[n]! >= WIRE_JACCARD);
  return {
    original: original.id,
    copies: features
      .filter((f) => f.id !== original.id)
      .map((f) => f.id)
      .sort(),
    wire: agency !== null && nearIdentical,
    agency: agency !== null && nearIdentical ? agency : null,
  };
}

/**
 * The agency most members credit (ties: alphabetical), or null. Re-runs often drop the credit line («واس»), so one
 * credited member is enough for a group of near-identical texts.
 */
function creditedAgency(credits: readonly (readonly string[])[]): string | null {
  const counts = new Map<string, number>();
  for (const list of credits) for (const agency of list) counts.set(agency, (counts.get(agency) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}

/** Photo-caption and dateline marks: «… - أرشيفية», «صورة أرشيفية», «(صورة)», «القاهرة - أ ش أ». */
const CAPTION_RE =
  /(?:[-–(]\s*(?:صور[ةه]\s*)?(?:أرشيفي[ةه]|ارشيفي[ةه]|أرشيف|ارشيف|صور[ةه])\s*\)?\s*$)|^\S+\s*[-–]\s*(?:أ ش أ|ا ش ا|واس|رويترز|أ ف ب)\s*$/u;
/** Headlines shorter than this many words are rarely an event's headline (captions, datelines, section names). */
const MIN_LABEL_WORDS = 4;
/** Score taken off a caption-like headline, so that any real headline of the cluster is preferred. */
const CAPTION_PENALTY = 2;

/** Whether a headline reads as a photo caption or dateline rather than an event's headline. */
export function looksLikeCaption(headline: string): boolean {
  const text = headline.trim();
  return CAPTION_RE.test(text) || text.split(/\s+/u).length < MIN_LABEL_WORDS;
}

/** The member headline closest to the centroid (ties: earliest), or the first member's id when none has a headline. */
function clusterLabel(state: ClusterState, members: readonly ArticleFeatures[]): string {
  let best: { label: string; score: number } | null = null;
  for (const feature of members) {
    if (!feature.headline?.trim()) continue;
    const score = clusterSimilarity(feature.vector, state) - (looksLikeCaption(feature.headline) ? CAPTION_PENALTY : 0);
    if (!best || score > best.score) best = { label: feature.headline.trim(), score };
  }
  return best?.label ?? members[0]!.id;
}

/** A cluster's member ids in (date, id) order and its label, from its state and its members' features. */
export function frozenSummary(state: ClusterState, members: readonly ArticleFeatures[]): FrozenSummary {
  const sorted = [...members].sort(compareByDateThenId);
  return { articles: sorted.map((f) => f.id), label: clusterLabel(state, sorted) };
}

/**
 * Event cluster number `c` as a public record: from memory, or from the archive's copy of a frozen cluster with the
 * summary made when it was frozen (its members' features are not read back).
 */
export function eventClusterAt(index: EventIndex, c: number): EventCluster {
  const state = clusterAt(index, c);
  const { articles, label } =
    state.frozen ??
    frozenSummary(
      state,
      state.members.map((n) => articleAt(index, n)),
    );
  return {
    id: hashId(['event', articles[0]!]),
    label,
    articles: [...articles],
    firstDate: state.firstDay === null ? null : dayToIso(state.firstDay),
    lastDate: state.lastDay === null ? null : dayToIso(state.lastDay),
  };
}

/** Event clusters in creation (date) order. */
export function eventClusters(index: EventIndex): EventCluster[] {
  return index.clusters.map((_, c) => eventClusterAt(index, c));
}

/** All storylines (every event cluster in exactly one), in order of their first cluster. */
export function storylines(
  index: EventIndex,
  clusters: readonly EventCluster[],
  params: StorylineParams = STORYLINE_PARAMS,
): Storyline[] {
  const order = clusters.map((_, c) => c);
  const groups = linkStorylines((c) => clusterAt(index, c), order, params);
  return groups
    .map((members) => storylineOf(members, (c) => clusters[c]!))
    .sort((a, b) => a.eventClusters[0]! - b.eventClusters[0]!);
}

/** The storyline record of linked clusters (`members` ascending; `cluster` gives each one's public record). */
export function storylineOf(members: readonly number[], cluster: (c: number) => EventCluster): Storyline {
  const largest = [...members].sort((a, b) => cluster(b).articles.length - cluster(a).articles.length || a - b)[0]!;
  const dates = members
    .flatMap((c) => [cluster(c).firstDate, cluster(c).lastDate])
    .filter((d): d is string => d !== null)
    .sort();
  return {
    id: hashId(['storyline', cluster(members[0]!).id]),
    label: cluster(largest).label,
    eventClusters: [...members],
    firstDate: dates[0] ?? null,
    lastDate: dates[dates.length - 1] ?? null,
  };
}
