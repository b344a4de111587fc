/** Reading token-per-line NER corpora (CoNLL/ANERcorp style) into sentences of tokens and tags. */

export interface TaggedSentence {
  readonly tokens: readonly string[];
  readonly tags: readonly string[];
  /** Source corpus of extra training data (absent: ANERcorp, the target domain); see train.ts `domainAdapt`. */
  readonly domain?: string;
}

/** Marks some corpora leave in tokens: LRM/RLM, BOM. */
const INVISIBLE = /[\u200E\u200F\uFEFF]/gu;

/**
 * Parses `TOKEN<sep>TAG` lines (space or tab; the tag is the last column), blank line = sentence end.
 * `mapTag` converts foreign tag sets (null drops the entity: tag becomes O).
 */
export function parseConll(text: string, mapTag: (tag: string) => string | null = (t) => t): TaggedSentence[] {
  const sentences: TaggedSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (tokens.length > 0) sentences.push({ tokens, tags });
    tokens = [];
    tags = [];
  };
  for (const rawLine of text.split(/\r?\n/u)) {
    const line = rawLine.replace(INVISIBLE, '').trim();
    if (line === '') {
      flush();
      continue;
    }
    const parts = line.split(/[ \t]+/u);
    if (parts.length < 2) continue;
    const token = parts[0]!;
    const tag = mapTag(parts[parts.length - 1]!) ?? 'O';
    tokens.push(token);
    tags.push(tag);
  }
  flush();
  return sentences.map(repairBio);
}

/** Turns an I-X that does not continue an X chunk into B-X, so every gold sequence is BIO-valid. */
function repairBio(sentence: TaggedSentence): TaggedSentence {
  const tags = sentence.tags.map((tag, i) => {
    if (!tag.startsWith('I-')) return tag;
    const prev = sentence.tags[i - 1] ?? 'O';
    return prev !== 'O' && prev.slice(2) === tag.slice(2) ? tag : `B-${tag.slice(2)}`;
  });
  return { tokens: sentence.tokens, tags };
}

/**
 * Deterministic dev split: `blocks` contiguous runs of sentences, evenly spaced, together `fraction`
 * of the corpus. Contiguous runs keep whole stories out of training (as a held-out test does), and
 * spreading them covers every section of ANERcorp (its tail alone is mostly sport).
 */
export function splitDev<T>(sentences: readonly T[], fraction: number, blocks = 10): { train: T[]; dev: T[] } {
  const train: T[] = [];
  const dev: T[] = [];
  const stride = sentences.length / blocks;
  const devLength = Math.floor((sentences.length * fraction) / blocks);
  sentences.forEach((s, i) => {
    const offset = i - Math.floor(Math.floor(i / stride) * stride);
    (offset >= stride - devLength ? dev : train).push(s);
  });
  return { train, dev };
}
