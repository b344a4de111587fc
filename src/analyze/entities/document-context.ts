/**
 * Context aggregation (Ratinov & Roth 2009): a token also sees the contexts of the same word's other occurrences in
 * nearby sentences. «أسيك» with no cue in its own sentence is still a club when another sentence says «فريق أسيك»
 * or «مباراة أسيك». Tag-independent features, so the tagger learns their weights like any other; computed per
 * document (tagConll's sentences, recognizeEntities' text) over a window of sentences.
 */
import type { WordInfo } from './word-info.ts';

export interface DocumentContextOptions {
  /** Sentences on either side whose occurrences are aggregated (0 = off). */
  readonly window: number;
  /** Core form → frequency rank; the most frequent words (function words, common verbs) aggregate nothing. */
  readonly rank: ReadonlyMap<string, number>;
}

/** Words more frequent than this rank get no aggregated features: their contexts are everything and cost time. */
export const MIN_AGGREGATED_RANK = 100;
/** Other occurrences looked at per token (the nearest first). */
const MAX_OCCURRENCES = 12;
/** Cue words up to this many places before an occurrence count («وزير الخارجية الأمريكي X»). */
const CUE_WINDOW = 3;

function eligible(info: WordInfo, rank: ReadonlyMap<string, number>): boolean {
  const shape = info.shape;
  if (!(shape.startsWith('A') || shape.startsWith('L')) || shape === 'A1') return false;
  return (rank.get(info.forms.core) ?? Number.MAX_SAFE_INTEGER) >= MIN_AGGREGATED_RANK;
}

/** What one occurrence's neighbourhood says, as feature strings (added to `out`). */
function occurrenceContext(sentence: readonly WordInfo[], j: number): string[] {
  const prev = sentence[j - 1];
  const next = sentence[j + 1];
  const out = [prev ? `A-1w=${prev.forms.norm}` : 'A-1=edge', next ? `A+1w=${next.forms.norm}` : 'A+1=edge'];
  if (prev) out.push(`A-1k=${prev.cluster.slice(0, 2)}`);
  if (next) out.push(`A+1k=${next.cluster.slice(0, 2)}`);
  for (let d = 1; d <= CUE_WINDOW; d++) for (const c of sentence[j - d]?.cues ?? []) out.push(`Aq=${c}`);
  for (const c of next?.cues ?? []) out.push(`A+1q=${c}`);
  return out;
}

/**
 * Aggregated-context features for every token of a document (sentences in order): for each token whose word is not
 * among the most frequent, the neighbourhoods of the same core form's other occurrences within `window` sentences,
 * plus how many there are (`An=1|2|3+`). Rows are empty for tokens without other occurrences.
 */
export function documentContextFeatures(
  document: readonly (readonly WordInfo[])[],
  options: DocumentContextOptions,
): string[][][] {
  const rows = document.map((sentence) => sentence.map((): string[] => []));
  if (options.window <= 0) return rows;
  // Core form → occurrences [sentence, token], in document order.
  const occurrences = new Map<string, [number, number][]>();
  document.forEach((sentence, s) =>
    sentence.forEach((info, i) => {
      if (!eligible(info, options.rank)) return;
      const list = occurrences.get(info.forms.core);
      if (list) list.push([s, i]);
      else occurrences.set(info.forms.core, [[s, i]]);
    }),
  );
  for (const list of occurrences.values()) {
    if (list.length < 2) continue;
    // Each occurrence's own neighbourhood, built once (up to MAX_OCCURRENCES other tokens read it).
    const contexts: (string[] | undefined)[] = [];
    const contextOf = (m: number): string[] => (contexts[m] ??= occurrenceContext(document[list[m]![0]]!, list[m]![1]));
    for (let k = 0; k < list.length; k++) {
      const [s, i] = list[k]!;
      const features = new Set<string>();
      let others = 0;
      // Nearest occurrences first: walk outwards from k in both directions.
      const within = (m: number): boolean => m >= 0 && m < list.length && Math.abs(list[m]![0] - s) <= options.window;
      for (let step = 1; others < MAX_OCCURRENCES && (within(k - step) || within(k + step)); step++) {
        for (const m of [k - step, k + step]) {
          if (!within(m) || others >= MAX_OCCURRENCES) continue;
          others++;
          for (const f of contextOf(m)) features.add(f);
        }
      }
      if (others === 0) continue;
      features.add(`An=${others >= 3 ? '3+' : others}`);
      rows[s]![i] = [...features];
    }
  }
  return rows;
}
