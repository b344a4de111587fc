/**
 * Shared state and small helpers of page segmentation (segment.ts): the per-line assignment being
 * built, and lookups used by the header, body and tail readers.
 */
import type { SpanReason } from '../core/article.ts';
import type { LineClass } from './classify-line.ts';
import { duplicateKey } from './line-key.ts';
import type { Line } from './lines.ts';

export type LineRole = 'headline' | 'dek' | 'body' | 'meta' | 'caption' | 'boilerplate' | 'blank';

/** What segmentation decided for one line: its article (−1 for none) and role there. */
export interface LineAssignment {
  readonly article: number;
  readonly role: LineRole;
  readonly reason?: SpanReason;
  /** Body lines: where the body text starts in the page (after glued links or an outlet prefix). */
  readonly bodyStart?: number;
  /** Body/meta lines: the outlet prefix of the first paragraph was used. */
  readonly usesBylinePrefix?: boolean;
  /** A bare name line read as the outlet: a signature under the body («سونا نيوز») or a name under the headline. */
  readonly isBareName?: boolean;
}

/** Headlines are rarely longer; a longer line before the body is a dek or prose. */
export const HEADLINE_MAX_WORDS = 35;

/** Segmentation in progress: `roles` is filled line by line. */
export interface State {
  readonly lines: readonly Line[];
  readonly classes: readonly LineClass[];
  readonly roles: LineAssignment[];
  /** Duplicate keys of the headlines found so far: later copies are furniture. */
  readonly headlineKeys: Set<string>;
  /** HTML pages: for each line, inside the page's main content (main-content.ts); null for plain text. */
  readonly inMain: readonly boolean[] | null;
  /** Index after the last main-content line (a body that starts in the main content ends there); lines.length without one. */
  readonly mainEnd: number;
  /** Duplicate key of the headline the page states in its metadata (og:title, JSON-LD), if any. */
  readonly statedHeadlineKey: string | null;
}

export function nextNonBlank(state: State, from: number): number {
  let i = from;
  while (i < state.lines.length && state.lines[i]!.isBlank) i++;
  return i;
}

export function isProseLine(state: State, i: number): boolean {
  return state.classes[i]?.type === 'paragraph';
}

export function sameText(state: State, a: number, b: number): boolean {
  return duplicateKey(state.lines[a]!.key.key) === duplicateKey(state.lines[b]!.key.key);
}

export function isHeaderMeta(cls: LineClass): boolean {
  return (
    cls.type === 'date' ||
    cls.type === 'byline' ||
    cls.type === 'dateline' ||
    cls.type === 'source' ||
    cls.type === 'credit'
  );
}
