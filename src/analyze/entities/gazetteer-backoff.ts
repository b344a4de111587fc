/**
 * Gazetteer back-off after tagging: a multi-word name from the curated lexicons (not the harvested
 * extra names) that the tagger left entirely untagged is labelled with its list's type. Pure; BIO tags.
 * Growing partly tagged matches to the whole entry was tried and cost 2.6 dev F1 (docs/ner.md).
 */
import type { GazetteerClass } from './gazetteer.ts';
import type { TokenForms } from './token-forms.ts';

/** Curated gazetteer classes and the entity type they stand for (FIRST and EXTRA_* are too noisy to force). */
const CLASS_TYPES: Partial<Record<GazetteerClass, string>> = {
  COUNTRY: 'LOC',
  CITY: 'LOC',
  ORG: 'ORG',
  CLUB: 'ORG',
  COMPANY: 'ORG',
};
/** Only phrases of at least this many tokens: single words are often common words too («القائم», «الحرة»). */
const MIN_PHRASE_TOKENS = 2;

/** The single entity type of a gazetteer match, or null when its curated classes disagree or there are none. */
export function curatedTypeOf(labels: readonly string[], suffix: 'B' | 'I'): string | null {
  // Hot path (every gazetteer-labelled token, twice): no allocation.
  let found: string | null = null;
  for (const label of labels) {
    const dash = label.lastIndexOf('-');
    if (label[dash + 1] !== suffix) continue;
    const type = CLASS_TYPES[label.slice(0, dash) as GazetteerClass];
    if (!type) continue;
    if (found !== null && found !== type) return null;
    found = type;
  }
  return found;
}

/**
 * A curated organisation name whose only tagged words are a place inside it, after an untagged head
 * («المقاومة الإسلامية في [العراق]», «البنك المركزي [العراقي]»): the tagger saw the place, the list knows the
 * organisation around it.
 */
function onlyNestedPlace(tags: readonly string[], start: number, end: number, type: string): boolean {
  if (type !== 'ORG' || tags[start] !== 'O') return false;
  let tagged = false;
  for (let k = start; k < end; k++) {
    if (tags[k] === 'O') continue;
    if (!tags[k]!.endsWith('-LOC')) return false;
    tagged = true;
  }
  // The place must end inside the name, not run on past it.
  return tagged && tags[end] !== 'I-LOC';
}

/** Curated gazetteer matches of one entity type, left to right: tokens [start, end) (also used by span-refiners.ts). */
export function* curatedMatches(
  labels: readonly (readonly string[])[],
): Generator<{ start: number; end: number; type: string }> {
  let i = 0;
  while (i < labels.length) {
    const type = curatedTypeOf(labels[i]!, 'B');
    if (!type) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < labels.length && curatedTypeOf(labels[end]!, 'I') === type) end++;
    yield { start: i, end, type };
    i = end;
  }
}

/** The key a curated match is counted and excluded by: its tokens' core forms (clitics stripped), space-separated. */
export function matchKey(forms: readonly TokenForms[], start: number, end: number): string {
  return forms
    .slice(start, end)
    .map((f) => f.core)
    .join(' ');
}

/** A name must occur this often in the training annotations before its annotation habit is trusted. */
export const MIN_CONVENTION_OCCURRENCES = 2;
/** Names annotated as one whole entity of their list's type in less than this share of occurrences are not forced. */
export const MIN_ANNOTATED_SHARE = 0.5;

/**
 * Curated multi-word names that the training annotations habitually leave unannotated as a whole (learned from the
 * training sentences, stored in the model file): ANERcorp does not tag generic bodies such as «مجلس الوزراء»,
 * «الجمعية العامة» or «مجلس النواب», and tags «الخارجية [الأميركية]» as a place only, so forcing them costs precision
 * (5-fold CV: 77 wrong additions against 12 right ones). Names the annotations never show (most armed groups,
 * regional places) are still forced.
 */
export function unannotatedCuratedNames(
  sentences: readonly {
    readonly tags: readonly string[];
    readonly forms: readonly TokenForms[];
    readonly labels: readonly (readonly string[])[];
  }[],
): string[] {
  const counts = new Map<string, { seen: number; annotated: number }>();
  for (const { tags, forms, labels } of sentences) {
    for (const { start, end, type } of curatedMatches(labels)) {
      if (end - start < MIN_PHRASE_TOKENS) continue;
      const whole =
        tags[start] === `B-${type}` &&
        tags.slice(start + 1, end).every((t) => t === `I-${type}`) &&
        tags[end] !== `I-${type}`;
      const key = matchKey(forms, start, end);
      const c = counts.get(key) ?? { seen: 0, annotated: 0 };
      c.seen++;
      if (whole) c.annotated++;
      counts.set(key, c);
    }
  }
  return [...counts]
    .filter(([, c]) => c.seen >= MIN_CONVENTION_OCCURRENCES && c.annotated / c.seen < MIN_ANNOTATED_SHARE)
    .map(([key]) => key)
    .sort();
}

/**
 * Tags with untagged curated multi-word matches labelled (`labels` from gazetteerLabels, one list per token);
 * `excluded` (the tokens' forms and unannotatedCuratedNames' list) skips the names the annotations leave untagged.
 */
export function applyGazetteerBackoff(
  tags: readonly string[],
  labels: readonly (readonly string[])[],
  excluded?: { readonly forms: readonly TokenForms[]; readonly names: ReadonlySet<string> },
): string[] {
  const out = [...tags];
  for (const { start, end, type } of curatedMatches(labels)) {
    if (end - start < MIN_PHRASE_TOKENS) continue;
    if (excluded && excluded.names.size > 0 && excluded.names.has(matchKey(excluded.forms, start, end))) continue;
    if (out.slice(start, end).every((t) => t === 'O') || onlyNestedPlace(out, start, end, type)) {
      for (let k = start; k < end; k++) out[k] = `${k === start ? 'B' : 'I'}-${type}`;
    }
  }
  return out;
}
