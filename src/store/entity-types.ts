/**
 * Entity part of the Store port: linked entities read back from the stored entity mentions
 * (annotations layer 'entities', keyed by entityId) for the entity pages of the API and UI.
 */
import type { EntityType } from '../core/annotation.ts';

export interface EntitySummary {
  readonly entityId: string;
  readonly type: EntityType;
  /** The canonical name the linker chose (most frequent canonical among the mentions). */
  readonly canonical: string;
  readonly mentionCount: number;
  readonly articleCount: number;
}

export interface EntityMentionRecord {
  readonly articleId: string;
  readonly headline: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  /** Offsets into that article's body; `text === body.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface EntityDetail extends EntitySummary {
  /** Every surface form seen, most frequent first: «السوداني», «محمد شياع السوداني». */
  readonly variants: readonly { readonly text: string; readonly count: number }[];
  readonly mentions: readonly EntityMentionRecord[];
}

/** Keyset position in the entity listing: the last entity of the previous page (list order: most mentions, name, id). */
export interface EntityListCursor {
  readonly mentionCount: number;
  readonly canonical: string;
  readonly entityId: string;
}

/** An entity listed under another: a person's short form joined to the one full name it fits («مبارك» → «حسني مبارك»). */
export interface EntityAlias {
  readonly entityId: string;
  readonly targetId: string;
}

/** One written form of a person entity and the number of articles that wrote it so (input of the short-form join). */
export interface PersonNameFormRecord {
  readonly entityId: string;
  /** The entity's canonical name, as listed. */
  readonly canonical: string;
  readonly text: string;
  readonly articles: number;
}

export interface EntityListQuery {
  readonly limit: number;
  readonly offset?: number;
  /** Entities after this one in list order (keyset pagination; combined with `offset`, the offset counts from it). */
  readonly after?: EntityListCursor;
  readonly type?: EntityType;
  /** Only entities of these articles (e.g. a storyline's). */
  readonly articleIds?: readonly string[];
  /**
   * Entities listed under another one: an alias is not listed itself, its mention and article counts add to its
   * target's (the join only takes short forms into the full name that articles without that full name use, so an
   * article is rarely counted twice), and the target keeps its own type and canonical name.
   */
  readonly aliases?: readonly EntityAlias[];
}

export interface EntityStore {
  /** Most-mentioned first, then by canonical name (code-point order), then by id. */
  listEntities(query: EntityListQuery): Promise<readonly EntitySummary[]>;
  /**
   * The entity with its variants and at most `mentionLimit` mentions (newest articles first); null when unknown.
   * `joined`: entities listed under this one (its aliases), whose mentions count as its own.
   */
  getEntity(entityId: string, mentionLimit: number, joined?: readonly string[]): Promise<EntityDetail | null>;
  /** Every written form of every person entity with its article count (`PersonNameFormRecord`). */
  personNameForms(): Promise<readonly PersonNameFormRecord[]>;
  articleIdsForEntity(entityId: string): Promise<readonly string[]>;
}
