/**
 * BIO chunks and conlleval-style scoring (exact span and type, micro and per type). Follows conlleval:
 * an I-X after O or after another type starts a new chunk.
 */

export interface Chunk {
  readonly type: string;
  /** Token index of the first token. */
  readonly start: number;
  /** Token index after the last token. */
  readonly end: number;
}

/** Chunks of a BIO tag sequence. */
export function chunksOf(tags: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let open: { type: string; start: number } | null = null;
  for (let i = 0; i <= tags.length; i++) {
    const tag = tags[i] ?? 'O';
    const prefix = tag === 'O' ? 'O' : tag.slice(0, 2);
    const type = tag === 'O' ? '' : tag.slice(2);
    const continues = open !== null && prefix === 'I-' && type === open.type;
    if (open && !continues) {
      chunks.push({ type: open.type, start: open.start, end: i });
      open = null;
    }
    if (!continues && prefix !== 'O') open = { type, start: i };
  }
  return chunks;
}

export interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly gold: number;
  readonly predicted: number;
  readonly correct: number;
}

function scores(gold: number, predicted: number, correct: number): Scores {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold, predicted, correct };
}

/** Micro and per-type scores over sentences of gold and predicted tags (same lengths). */
export function evaluateChunks(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): { micro: Scores; byType: Record<string, Scores> } {
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  const bump = (type: string, key: 'gold' | 'predicted' | 'correct'): void => {
    const entry = counts.get(type) ?? { gold: 0, predicted: 0, correct: 0 };
    entry[key]++;
    counts.set(type, entry);
  };
  for (let s = 0; s < gold.length; s++) {
    const g = chunksOf(gold[s]!);
    const p = chunksOf(predicted[s]!);
    const goldKeys = new Set(g.map((c) => `${c.type}:${c.start}:${c.end}`));
    for (const c of g) bump(c.type, 'gold');
    for (const c of p) {
      bump(c.type, 'predicted');
      if (goldKeys.has(`${c.type}:${c.start}:${c.end}`)) bump(c.type, 'correct');
    }
  }
  let totalGold = 0,
    totalPredicted = 0,
    totalCorrect = 0;
  const byType: Record<string, Scores> = {};
  for (const [type, c] of [...counts.entries()].sort()) {
    byType[type] = scores(c.gold, c.predicted, c.correct);
    totalGold += c.gold;
    totalPredicted += c.predicted;
    totalCorrect += c.correct;
  }
  return { micro: scores(totalGold, totalPredicted, totalCorrect), byType };
}
