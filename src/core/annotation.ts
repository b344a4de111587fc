/**
 * Annotation layers on one article body (issue 3). Offsets index `ExtractedArticle.body`.
 * Field names mirror the public `marsad analyze` JSON contract; extend only by adding fields.
 */

export type EntityType = 'PERS' | 'ORG' | 'LOC' | 'MISC';

export interface EntityMention {
  readonly type: EntityType;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Stable id of the linked entity (same id for all variants of one name). */
  readonly entityId: string;
  readonly canonical: string;
}

export type Qualifier =
  | 'exact'
  | 'about'
  | 'more-than'
  | 'less-than'
  | 'at-least'
  | 'at-most'
  | 'dozens'
  | 'hundreds'
  | 'thousands'
  | 'several';

export interface QuantityMention {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Numeric value; null for vague amounts such as «العشرات». */
  readonly value: number | null;
  /** Counted noun or unit ('جندي', 'percent', 'دولار'), null when none. */
  readonly unit: string | null;
  readonly qualifier: Qualifier;
  /** The phrase the number is about, e.g. «القوات الأمريكية» or the counted noun phrase. */
  readonly subject: string | null;
  /** Upper bound for ranges («بين 10 و20»). */
  readonly valueMax?: number | null;
  /**
   * Other values the written figure may stand for when its separator is ambiguous: «1.800» (1.8 or 1800), «5,3»
   * (5.3, or 3.5 in reversed digit order). Absent when the reading is certain.
   */
  readonly readings?: readonly number[];
}

export interface QuoteMention {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly speaker: string | null;
  readonly speakerEntityId: string | null;
  readonly kind: 'direct' | 'reported';
  /** Attribution chain, outermost last: «بحسب ما نقلت وكالة فرانس برس عن الكرملين» → ['الكرملين', 'وكالة فرانس برس']. */
  readonly via?: readonly string[];
}

export type TimePrecision = 'day' | 'month' | 'year' | 'duration' | 'minute';

export interface TimeMention {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** ISO value (YYYY-MM-DD, YYYY-MM, YYYY, or an ISO-8601 duration like P3M); null when unresolvable. */
  readonly value: string | null;
  readonly precision: TimePrecision;
  /** 'none' when the text says it all, 'published-at' when resolved against the publication date. */
  readonly anchor: 'none' | 'published-at';
}

export interface ArticleAnnotations {
  readonly entities: readonly EntityMention[];
  readonly quantities: readonly QuantityMention[];
  readonly quotes: readonly QuoteMention[];
  readonly times: readonly TimeMention[];
}
