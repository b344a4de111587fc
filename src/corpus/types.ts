/**
 * Cross-article inputs and outputs of the corpus stage (issue 4): near-duplicates, event clusters,
 * storylines, timelines and claims. Plain JSON-serialisable records; offsets index each article's body.
 */
import type { EntityMention, QuantityMention, QuoteMention, TimeMention } from '../core/annotation.ts';

/** One article as the corpus stage sees it. `published` is YYYY-MM-DD (or coarser), null when unknown. */
export interface ClusterInput {
  readonly id: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly headline: string | null;
  readonly body: string;
  /** Agencies/outlets the article cites (extraction's citedSources); drives wire-copy detection. */
  readonly citedSources?: readonly string[];
  readonly entities?: readonly EntityMention[];
  readonly quantities?: readonly QuantityMention[];
  readonly times?: readonly TimeMention[];
  readonly quotes?: readonly QuoteMention[];
}

/** A group of near-identical articles; `original` is an agency's own page, else the earliest full text (dedup/original.ts). */
export interface DuplicateGroup {
  readonly original: string;
  readonly copies: readonly string[];
  /** True when the copies share a cited agency and are near-identical: the same wire text re-run. */
  readonly wire: boolean;
  /** The agency all members cite, when `wire`. */
  readonly agency: string | null;
}

export interface EventCluster {
  readonly id: string;
  readonly label: string;
  /** Member article ids in (date, id) order; duplicates included. */
  readonly articles: readonly string[];
  readonly firstDate: string | null;
  readonly lastDate: string | null;
}

export interface Storyline {
  readonly id: string;
  readonly label: string;
  /** Indices into `ClusterResult.eventClusters`, ascending. */
  readonly eventClusters: readonly number[];
  readonly firstDate: string | null;
  readonly lastDate: string | null;
}

export interface SourceRef {
  readonly article: string;
  readonly start: number;
  readonly end: number;
}

export interface TimelineEntry {
  /** Index into `ClusterResult.storylines`. */
  readonly storyline: number;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null for the undated list. */
  readonly date: string | null;
  readonly precision: 'day' | 'month' | 'year' | null;
  /** The sentence of the first source (display text). */
  readonly text: string;
  /** Every article that reports this entry, with the sentence span in its body. */
  readonly sources: readonly SourceRef[];
}

/** `update`: a later report supersedes an earlier figure (a rising toll, a revised count). */
export type ClaimVerdict = 'agree' | 'conflict' | 'update' | 'single-source';

export interface ClaimValue {
  readonly article: string;
  readonly outlet: string | null;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly value: number | null;
  readonly qualifier: string;
  /** Who the figure is attributed to, outermost last («البنتاغون via رويترز»), null when unattributed. */
  readonly attribution: string | null;
}

export interface Claim {
  readonly storyline: number;
  /** Index into `ClusterResult.eventClusters` of the happening the figures are about (claims compare within one). */
  readonly eventCluster?: number;
  /** What the figures count: 'killed', 'injured', 'attacks', 'detained', 'displaced', 'troops', 'money', 'percent', 'people', or `unit:<stem>`. */
  readonly category?: string;
  /** What is counted, as a noun phrase: the figure's subject, or the category's plain name when the subject is only a unit word. */
  readonly subject: string;
  readonly verdict: ClaimVerdict;
  readonly values: readonly ClaimValue[];
}

export interface ClusterResult {
  readonly duplicates: readonly DuplicateGroup[];
  readonly eventClusters: readonly EventCluster[];
  readonly storylines: readonly Storyline[];
  /** Dated entries sorted by date; undated/unresolvable mentions are in `undated`. */
  readonly timeline: readonly TimelineEntry[];
  readonly undated: readonly TimelineEntry[];
  readonly claims: readonly Claim[];
}
