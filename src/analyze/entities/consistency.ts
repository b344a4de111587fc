/**
 * Document-level label consistency after tagging: a name the tagger labelled in one sentence is labelled
 * again where it recurs untagged in the same document («أنان» after «كوفي أنان»). Pure; runs on BIO tags.
 */
import { chunksOf } from './bio.ts';
import { tokenForms } from './token-forms.ts';

/** Longest name (tokens) propagated: ANERcorp names longer than this are rare and risky to copy. */
const MAX_SPAN_TOKENS = 4;
/**
 * A name is copied only if the tagger labelled at least this share of its occurrences in the window.
 * First chosen on the whole dev file as one document (0.3 → +1.0 F1, 0.5 → +0.9, 0.7 → +0.4; 0.5 taken as the safer);
 * with the sliding window a name no longer leaks into other stories, and 0.3 is best on both held-out dev splits
 * (window 10: tail 0.764 → 0.766, spread 0.764 → 0.771; 0.2–0.25 and 0.4–0.6 lower; docs/ner.md).
 */
const MIN_TAGGED_RATIO = 0.3;

function spanKey(cores: readonly string[], start: number, end: number): string {
  return cores.slice(start, end).join(' ');
}

/**
 * Sentences on either side that form a sentence's document for the consistency passes. A CoNLL file, or a page
 * holding several stories, is many documents; a name from one story must not label a word in another («دين», a
 * footballer's name in a sports story, became a person in every bank story after it). Measured with held-out models,
 * whole pipeline (docs/ner.md): the whole dev file as one document → a window of 10 sentences: tail dev 0.758 → 0.764,
 * spread dev 0.763 → 0.764 (windows of 5–20 score within ±0.2 of that); most news articles fit inside it whole.
 */
export const CONSISTENCY_WINDOW = 10;

/** Counts over a sliding window of sentences: add a sentence's items as it enters, remove them as it leaves. */
class WindowCounts<T> {
  readonly counts = new Map<T, number>();
  add(items: Iterable<T>, sign: 1 | -1): void {
    for (const item of items) {
      const next = (this.counts.get(item) ?? 0) + sign;
      if (next === 0) this.counts.delete(item);
      else this.counts.set(item, next);
    }
  }
  get(item: T): number {
    return this.counts.get(item) ?? 0;
  }
}

/**
 * Calls `visit(s, a, b)` for every sentence with the windows `a` and `b` holding the items of sentences s − w … s + w
 * (`itemsA(k)` and `itemsB(k)` give sentence k's items of each kind).
 */
function slide<T>(
  count: number,
  w: number,
  itemsA: (k: number) => Iterable<T>,
  itemsB: (k: number) => Iterable<T>,
  visit: (s: number, a: WindowCounts<T>, b: WindowCounts<T>) => void,
): void {
  const a = new WindowCounts<T>();
  const b = new WindowCounts<T>();
  const enter = (k: number, sign: 1 | -1): void => {
    a.add(itemsA(k), sign);
    b.add(itemsB(k), sign);
  };
  for (let k = 0; k <= Math.min(count - 1, w); k++) enter(k, 1);
  for (let s = 0; s < count; s++) {
    visit(s, a, b);
    if (s - w >= 0) enter(s - w, -1);
    if (s + w + 1 < count) enter(s + w + 1, 1);
  }
}

/** Labelled spans of one sentence («type\tkey»), and every span occurrence that starts with a labelled name's first word. */
function sentenceNames(
  cores: readonly (readonly string[])[],
  tags: readonly (readonly string[])[],
): { labelled: string[][]; spans: string[][]; firstWords: ReadonlySet<string> } {
  const labelled = cores.map((sentence, s) =>
    chunksOf(tags[s]!)
      .filter((chunk) => chunk.end - chunk.start <= MAX_SPAN_TOKENS)
      .map((chunk) => `${chunk.type}\t${spanKey(sentence, chunk.start, chunk.end)}`),
  );
  // Only spans that start with a labelled name's first word can be a name: skip the rest cheaply.
  const firstWords = new Set(labelled.flat().map((entry) => entry.slice(entry.indexOf('\t') + 1).split(' ')[0]!));
  const spans = cores.map((sentence) => {
    const out: string[] = [];
    for (let a = 0; a < sentence.length; a++) {
      if (!firstWords.has(sentence[a]!)) continue;
      for (let b = a + 1; b <= Math.min(sentence.length, a + MAX_SPAN_TOKENS); b++) out.push(spanKey(sentence, a, b));
    }
    return out;
  });
  return { labelled, spans, firstWords };
}

const TYPES = ['LOC', 'MISC', 'ORG', 'PERS'] as const;

/**
 * Returns new tag sequences where untagged recurrences of names labelled nearby in the document (within `window`
 * sentences) get the name's majority type there (longest name first; tokens already tagged are never changed), if
 * the tagger labelled at least MIN_TAGGED_RATIO of the name's occurrences in that window. Names are compared by
 * `coreOf` (default: core form, «والرقة» = «الرقة»); the tagger passes its cached forms.
 */
export function propagateLabels(
  sentences: readonly (readonly string[])[],
  tags: readonly (readonly string[])[],
  coreOf: (token: string) => string = (t) => tokenForms(t).core,
  window = CONSISTENCY_WINDOW,
): string[][] {
  const cores = sentences.map((tokens) => tokens.map(coreOf));
  const { labelled, spans, firstWords } = sentenceNames(cores, tags);
  const out = tags.map((t) => [...t]);
  slide(
    cores.length,
    window,
    (k) => labelled[k]!,
    (k) => spans[k]!,
    (s, typed, seen) => {
      const sentence = cores[s]!;
      const tagged = out[s]!;
      for (let a = 0; a < sentence.length; a++) {
        if (tagged[a] !== 'O' || !firstWords.has(sentence[a]!)) continue;
        for (let b = Math.min(sentence.length, a + MAX_SPAN_TOKENS); b > a; b--) {
          const key = spanKey(sentence, a, b);
          // Majority type in the window (ties: alphabetical), and how many of the name's occurrences were labelled.
          let type = '';
          let best = 0;
          let total = 0;
          for (const t of TYPES) {
            const n = typed.get(`${t}\t${key}`);
            total += n;
            if (n > best) {
              best = n;
              type = t;
            }
          }
          if (total === 0 || total / Math.max(1, seen.get(key)) < MIN_TAGGED_RATIO) continue;
          if (tagged.slice(a, b).some((t) => t !== 'O')) continue;
          for (let k = a; k < b; k++) tagged[k] = `${k === a ? 'B' : 'I'}-${type}`;
          if (tagged[b]?.startsWith('I-')) tagged[b] = `B-${tagged[b]!.slice(2)}`;
          a = b - 1;
          break;
        }
      }
    },
  );
  return out;
}

/** Name parts never propagated alone: linking words of compound names («عبد الله», «بن», «أبو», «الدين»). */
const NOT_NAME_PARTS: ReadonlySet<string> = new Set([
  'عبد',
  'بن',
  'ابن',
  'بنت',
  'ابو',
  'ابي',
  'ابا',
  'ام',
  'ال',
  'الله',
  'الدين',
  'الرحمن',
]);
/** Words ranked below this in the corpus are too common to be propagated as a lone name part («حديثة»: 1,639). */
const COMMON_PART_RANK = 2000;

/** The shipped `isCommon` test: a frequent corpus word or a cue word («الشاعر», «المهندس») is not propagated alone. */
export function isCommonWord(core: string, cues: readonly string[], rank: ReadonlyMap<string, number>): boolean {
  return (rank.get(core) ?? Number.MAX_SAFE_INTEGER) < COMMON_PART_RANK || cues.length > 0;
}

/** Shortest name part propagated (letters). */
const MIN_PART_LETTERS = 3;

/**
 * Name-part propagation: after a person's name of two or more tokens, a later untagged occurrence of its last
 * token alone is that person («الكرخي» after «جمال رضا الكرخي»). Skipped where the part reads as an adjective
 * (a definite part right after an untagged definite word: «الطبق الكرخي»), where the document tags the part as
 * another type, and for common words (`isCommon`, given the token as written: e.g. the corpus's most frequent words and cue words).
 * No minimum share of tagged occurrences (unlike propagateLabels): news names a person in full once and by surname
 * afterwards, so a surname's lone uses outnumber its tagged ones (a 0.25–0.5 share dropped «الفياض» ×25 on news).
 * Both the full name and any other-type use of the part count within `window` sentences of the occurrence.
 */
export function propagateNameParts(
  sentences: readonly (readonly string[])[],
  tags: readonly (readonly string[])[],
  coreOf: (token: string) => string = (t) => tokenForms(t).core,
  isCommon: (token: string) => boolean = () => false,
  window = CONSISTENCY_WINDOW,
): string[][] {
  const cores = sentences.map((tokens) => tokens.map(coreOf));
  // Per sentence: last tokens of its multi-word person names (candidate parts), and words inside its other-type names.
  const parts: string[][] = [];
  const otherTypes: string[][] = [];
  cores.forEach((sentence, s) => {
    const ownParts: string[] = [];
    const ownOthers: string[] = [];
    for (const chunk of chunksOf(tags[s]!)) {
      if (chunk.type !== 'PERS') {
        for (let k = chunk.start; k < chunk.end; k++) ownOthers.push(sentence[k]!);
        continue;
      }
      if (chunk.end - chunk.start < 2 || chunk.end - chunk.start > MAX_SPAN_TOKENS) continue;
      const last = sentence[chunk.end - 1]!;
      if (
        last.length >= MIN_PART_LETTERS &&
        !NOT_NAME_PARTS.has(last) &&
        /^\p{L}+$/u.test(last) &&
        !isCommon(sentences[s]![chunk.end - 1]!)
      )
        ownParts.push(last);
    }
    parts.push(ownParts);
    otherTypes.push(ownOthers);
  });
  const out = tags.map((t) => [...t]);
  if (parts.every((p) => p.length === 0)) return out;
  slide(
    cores.length,
    window,
    (k) => parts[k]!,
    (k) => otherTypes[k]!,
    (s, nearParts, others) => {
      const sentence = cores[s]!;
      const tagged = out[s]!;
      const isPart = (core: string): boolean => nearParts.get(core) > 0 && others.get(core) === 0;
      if (nearParts.counts.size > 0 && sentence.some(isPart)) {
        for (let k = 0; k < sentence.length; k++) {
          if (tagged[k] !== 'O' || !isPart(sentence[k]!)) continue;
          const previous = k > 0 ? sentence[k - 1]! : '';
          if (sentence[k]!.startsWith('ال') && previous.startsWith('ال') && tagged[k - 1] === 'O') continue;
          if (tagged[k + 1]?.startsWith('I-')) continue;
          tagged[k] = 'B-PERS';
        }
      }
    },
  );
  return out;
}
