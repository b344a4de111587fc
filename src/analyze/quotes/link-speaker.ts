/**
 * Links a speaker phrase to an entity mention: a person anywhere in the phrase («وزير الخارجية فؤاد حسين»),
 * or any entity starting in its first two words («وكالة رويترز»). «المتحدث باسم الخارجية» stays unlinked.
 */
import type { EntityMention } from '../../core/annotation.ts';

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface LinkedSpeaker {
  /** The phrase as written. */
  readonly text: string;
  readonly entityId: string | null;
  /** Entity canonical name when linked, else the phrase: the label used in attribution chains. */
  readonly label: string;
}

/** How many leading words of a phrase may precede its head entity: «وكالة رويترز», «صحيفة نيويورك تايمز». */
const HEAD_WORDS = 2;
/** «وكالة “رويترز”»: quotation marks around a name are dropped from the speaker label. */
const QUOTE_MARKS = /[“”«»"]/gu;

export function linkSpeaker(source: string, range: Range, entities: readonly EntityMention[]): LinkedSpeaker {
  const text = source.slice(range.start, range.end).replace(QUOTE_MARKS, '');
  const inside = entities.filter((entity) => entity.start < range.end && entity.end > range.start);
  const person = inside.find((entity) => entity.type === 'PERS');
  const headLimit = headEnd(source, range);
  const head = person ?? inside.find((entity) => entity.start < headLimit);
  if (!head) return { text, entityId: null, label: text };
  return { text, entityId: head.entityId, label: head.canonical };
}

/** Source offset where the phrase's third word starts (or its end). */
function headEnd(source: string, range: Range): number {
  const pattern = /\S+/gu;
  pattern.lastIndex = range.start;
  let count = 0;
  for (let match = pattern.exec(source); match && match.index < range.end; match = pattern.exec(source)) {
    if (count === HEAD_WORDS) return match.index;
    count++;
  }
  return range.end;
}
