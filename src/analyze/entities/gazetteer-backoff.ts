/**
 * Gazetteer back-off after tagging: a multi-word name from the curated lexicons (not the harvested
 * extra names) that the tagger left untagged, or tagged only in part with the same type, is labelled
 * whole with its list's type. Pure; runs on BIO tags.
 */
import type { GazetteerClass } from './gazetteer.ts';

/** Curated gazetteer classes and the entity type they stand for (FIRST and EXTRA_* are too noisy to force). */
const CLASS_TYPES: Partial<Record<GazetteerClass, string>> = { COUNTRY: 'LOC', CITY: 'LOC', ORG: 'ORG', CLUB: 'ORG', COMPANY: 'ORG' };
/** Only phrases of at least this many tokens: single words are often common words too («القائم», «الحرة»). */
const MIN_PHRASE_TOKENS = 2;

/** The single entity type of a gazetteer match, or null when its curated classes disagree or there are none. */
function typeOf(labels: readonly string[], suffix: 'B' | 'I'): string | null {
  const types = new Set<string>();
  for (const label of labels) {
    const [cls, part] = label.split('-') as [GazetteerClass, string];
    const type = CLASS_TYPES[cls];
    if (type && part === suffix) types.add(type);
  }
  return types.size === 1 ? [...types][0]! : null;
}

/** No chunk crosses [start, end) and every tag inside is O or of `type` («جرف/LOC النصر/O» may grow to the whole name). */
function coversOnly(tags: readonly string[], start: number, end: number, type: string): boolean {
  if (tags[start]!.startsWith('I-') || tags[end]?.startsWith('I-')) return false;
  return tags.slice(start, end).every((t) => t === 'O' || t.slice(2) === type);
}

/** Tags with untagged or partly tagged curated multi-word matches labelled (`labels` from gazetteerLabels, one list per token). */
export function applyGazetteerBackoff(tags: readonly string[], labels: readonly (readonly string[])[]): string[] {
  const out = [...tags];
  let i = 0;
  while (i < labels.length) {
    const type = typeOf(labels[i]!, 'B');
    if (!type) { i++; continue; }
    let end = i + 1;
    while (end < labels.length && typeOf(labels[end]!, 'I') === type) end++;
    if (end - i >= MIN_PHRASE_TOKENS && coversOnly(out, i, end, type)) {
      for (let k = i; k < end; k++) out[k] = `${k === i ? 'B' : 'I'}-${type}`;
    }
    i = end;
  }
  return out;
}
