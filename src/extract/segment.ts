/**
 * Page segmentation: turns classified lines into articles. Recipe: find the first run of prose (the
 * main body), walk back for its headline, dek and meta, read the body to its first hard stop, then scan
 * the tail for trailing meta, related-link lists and complete articles appended after «اقرأ أيضاً» markers.
 */
import type { LineClass } from './classify-line.ts';
import { duplicateKey, lineKey } from './line-key.ts';
import type { Line } from './lines.ts';
import { readBody } from './segment-body.ts';
import { findBodyAnchor, readHeader } from './segment-header.ts';
import type { LineAssignment, State } from './segment-state.ts';
import { readAppended, readTail } from './segment-tail.ts';

export type { LineAssignment, LineRole } from './segment-state.ts';

/** Assigns every line to an article and a role. Pure. */
export function segmentLines(
  lines: readonly Line[],
  classes: readonly LineClass[],
  inMain: readonly boolean[] | null = null,
  statedHeadline: string | null = null,
): LineAssignment[] {
  const roles = lines.map(
    (l): LineAssignment =>
      l.isBlank ? { article: -1, role: 'blank' } : { article: -1, role: 'boilerplate', reason: 'other' },
  );
  const state: State = {
    lines,
    classes,
    roles,
    headlineKeys: new Set(),
    inMain,
    mainEnd: inMain ? inMain.lastIndexOf(true) + 1 : lines.length,
    statedHeadlineKey: statedHeadline ? duplicateKey(lineKey(statedHeadline).key) : null,
  };
  const anchor = findBodyAnchor(state, 0);
  if (anchor < 0) return state.roles;
  const bodyStart = readHeader(state, 0, anchor, 0);
  let cursor = readBody(state, bodyStart, 0);
  for (let article = 0; cursor < lines.length; ) {
    const next = readTail(state, cursor, article);
    if (next === null) break;
    article++;
    cursor = readAppended(state, next, article);
  }
  return state.roles;
}
