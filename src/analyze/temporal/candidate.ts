/** A temporal expression found in an article body, before the publication date is applied. */
import type { TextView } from '../../text/normalize.ts';
import { viewToSource } from '../../text/normalize.ts';
import type { TimeSpec } from './resolve.ts';

export interface TimeCandidate {
  /** Source offsets into the article body. */
  readonly start: number;
  readonly end: number;
  readonly rule: string;
  readonly spec: TimeSpec;
}

/** Candidate from view offsets: `skip` view characters at the start (a clitic «و») are left out. */
export function candidateFromMatch(
  view: TextView,
  match: RegExpExecArray,
  skip: number,
  rule: string,
  spec: TimeSpec,
): TimeCandidate {
  const { start, end } = viewToSource(view, match.index + skip, match.index + match[0].length);
  return { start, end, rule, spec };
}
