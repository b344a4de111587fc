/**
 * Document-level label consistency after tagging: a name the tagger labelled in one sentence is labelled
 * again where it recurs untagged in the same document («أنان» after «كوفي أنان»). Pure; runs on BIO tags.
 */
import { chunksOf } from './bio.ts';
import { tokenForms } from './token-forms.ts';

/** Longest name (tokens) propagated: ANERcorp names longer than this are rare and risky to copy. */
const MAX_SPAN_TOKENS = 4;
/**
 * A name is copied only if the tagger labelled at least this share of its occurrences in the document.
 * Chosen on the ANERcorp dev split (first trial): 0.3 → +1.0 F1, 0.5 → +0.9, 0.7 → +0.4 (0.5: same gain, fewer risks);
 * the shipped model gains +0.7 (docs/ner.md).
 */
const MIN_TAGGED_RATIO = 0.5;

function spanKey(cores: readonly string[], start: number, end: number): string {
  return cores.slice(start, end).join(' ');
}

/** Majority type per labelled name, and how often each labelled name occurs in the document at all. */
interface LabelledNames {
  readonly names: Map<string, { type: string; tagged: number; seen: number }>;
  readonly firstWords: ReadonlySet<string>;
}

function collect(cores: readonly (readonly string[])[], tags: readonly (readonly string[])[]): LabelledNames {
  const byKey = new Map<string, Map<string, number>>();
  cores.forEach((sentence, s) => {
    for (const chunk of chunksOf(tags[s]!)) {
      if (chunk.end - chunk.start > MAX_SPAN_TOKENS) continue;
      const key = spanKey(sentence, chunk.start, chunk.end);
      const counts = byKey.get(key) ?? new Map<string, number>();
      counts.set(chunk.type, (counts.get(chunk.type) ?? 0) + 1);
      byKey.set(key, counts);
    }
  });
  const names = new Map<string, { type: string; tagged: number; seen: number }>();
  for (const [key, counts] of byKey) {
    const [type] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    names.set(key, { type, tagged: [...counts.values()].reduce((x, y) => x + y, 0), seen: 0 });
  }
  // Only spans that start with a labelled name's first word can be a name: skip the rest cheaply.
  const firstWords = new Set([...names.keys()].map((key) => key.split(' ')[0]!));
  for (const sentence of cores) {
    for (let a = 0; a < sentence.length; a++) {
      if (!firstWords.has(sentence[a]!)) continue;
      for (let b = a + 1; b <= Math.min(sentence.length, a + MAX_SPAN_TOKENS); b++) {
        const name = names.get(spanKey(sentence, a, b));
        if (name) name.seen++;
      }
    }
  }
  return { names, firstWords };
}

/**
 * Returns new tag sequences where untagged recurrences of names labelled elsewhere in the document get
 * the name's majority type (longest name first; tokens already tagged are never changed). Names are
 * compared by `coreOf` (default: core form, «والرقة» = «الرقة»); the tagger passes its cached forms.
 */
export function propagateLabels(
  sentences: readonly (readonly string[])[], tags: readonly (readonly string[])[], coreOf: (token: string) => string = (t) => tokenForms(t).core,
): string[][] {
  const cores = sentences.map((tokens) => tokens.map(coreOf));
  const { names, firstWords } = collect(cores, tags);
  return cores.map((sentence, s) => {
    const out = [...tags[s]!];
    for (let a = 0; a < sentence.length; a++) {
      if (out[a] !== 'O' || !firstWords.has(sentence[a]!)) continue;
      for (let b = Math.min(sentence.length, a + MAX_SPAN_TOKENS); b > a; b--) {
        const name = names.get(spanKey(sentence, a, b));
        if (!name || name.tagged / Math.max(1, name.seen) < MIN_TAGGED_RATIO) continue;
        if (out.slice(a, b).some((t) => t !== 'O')) continue;
        for (let k = a; k < b; k++) out[k] = `${k === a ? 'B' : 'I'}-${name.type}`;
        if (out[b]?.startsWith('I-')) out[b] = `B-${out[b]!.slice(2)}`;
        a = b - 1;
        break;
      }
    }
    return out;
  });
}

/** Name parts never propagated alone: linking words of compound names («عبد الله», «بن», «أبو», «الدين»). */
const NOT_NAME_PARTS: ReadonlySet<string> = new Set(['عبد', 'بن', 'ابن', 'بنت', 'ابو', 'ابي', 'ابا', 'ام', 'ال', 'الله', 'الدين', 'الرحمن']);
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
 */
export function propagateNameParts(
  sentences: readonly (readonly string[])[], tags: readonly (readonly string[])[],
  coreOf: (token: string) => string = (t) => tokenForms(t).core, isCommon: (token: string) => boolean = () => false,
): string[][] {
  const cores = sentences.map((tokens) => tokens.map(coreOf));
  const parts = new Set<string>();
  const otherTypes = new Set<string>();
  cores.forEach((sentence, s) => {
    for (const chunk of chunksOf(tags[s]!)) {
      if (chunk.type !== 'PERS') {
        for (let k = chunk.start; k < chunk.end; k++) otherTypes.add(sentence[k]!);
        continue;
      }
      if (chunk.end - chunk.start < 2 || chunk.end - chunk.start > MAX_SPAN_TOKENS) continue;
      const last = sentence[chunk.end - 1]!;
      if (last.length >= MIN_PART_LETTERS && !NOT_NAME_PARTS.has(last) && /^\p{L}+$/u.test(last) && !isCommon(sentences[s]![chunk.end - 1]!)) parts.add(last);
    }
  });
  for (const core of otherTypes) parts.delete(core);
  return cores.map((sentence, s) => {
    const out = [...tags[s]!];
    if (parts.size === 0) return out;
    if (!sentence.some((core) => parts.has(core))) return out;
    for (let k = 0; k < sentence.length; k++) {
      if (out[k] !== 'O' || !parts.has(sentence[k]!)) continue;
      const previous = k > 0 ? sentence[k - 1]! : '';
      if (sentence[k]!.startsWith('ال') && previous.startsWith('ال') && out[k - 1] === 'O') continue;
      if (out[k + 1]?.startsWith('I-')) continue;
      out[k] = 'B-PERS';
    }
    return out;
  });
}
