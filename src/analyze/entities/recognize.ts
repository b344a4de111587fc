/**
 * Named-entity recognition on raw text (PERS, ORG, LOC, MISC with exact offsets) and CoNLL tagging,
 * using the trained perceptron model, loaded once on first use from model/ner.json.gz.
 */
import { readFileSync } from 'node:fs';
import { EngineError } from '../../core/errors.ts';
import type { EntityType } from '../../core/annotation.ts';
import { splitProclitics } from '../../text/clitics.ts';
import { splitSentences } from '../../text/sentences.ts';
import { tokenize, type Token } from '../../text/tokenize.ts';
import { chunksOf } from './bio.ts';
import { isCommonWord, propagateLabels, propagateNameParts } from './consistency.ts';
import { knownStemFor } from './features.ts';
import type { GazetteerClass } from './gazetteer.ts';
import { parseModel } from './model-file.ts';
import { MODEL_PATH } from './model-path.ts';
import { createTagger, documentContextRows, SHIPPED_STEPS, tagTokens, type TagSteps, type Tagger } from './tagger.ts';
import { normalizeToken } from './token-forms.ts';

export interface RecognizedEntity {
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Sentences longer than this are tagged in windows: keeps one pathological «sentence» (a list page) bounded. */
const MAX_SENTENCE_TOKENS = 200;

let cachedTagger: Tagger | null = null;

/** Gazetteer classes from our own lists and ISO names (not harvested from corpora). */
const CURATED_CLASSES: ReadonlySet<GazetteerClass> = new Set(['COUNTRY', 'CITY', 'ORG', 'CLUB', 'COMPANY']);

/** The tagger built from the committed model file (loaded once, then cached for the process). */
export function loadTagger(path: string = MODEL_PATH): Tagger {
  if (cachedTagger && path === MODEL_PATH) return cachedTagger;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new EngineError('model/missing', `NER model ${path} (run \`npm run train:ner\`).`, { cause: error });
  }
  let tagger: Tagger;
  try {
    tagger = createTagger(parseModel(bytes));
  } catch (error) {
    throw new EngineError('model/missing', `NER model ${path} is unreadable (run \`npm run train:ner\`).`, {
      cause: error,
    });
  }
  if (path === MODEL_PATH) cachedTagger = tagger;
  return tagger;
}

/**
 * Start of the entity inside its first token: after و/ف and ب/ل («والعراق» → «العراق», «ببغداد» → «بغداد»).
 * ك is left alone: names such as «كالغاري» (Calgary) look like ك + ال. «للعراق» stays whole (see below).
 */
function trimmedStart(token: Token, tagger: Tagger): number {
  const norm = normalizeToken(token.text);
  // A token that is itself a curated name keeps its first letters: «بابل» is Babylon, not ب + «ابل».
  // (Harvested EXTRA_* names are not trusted here: they contain clitic forms such as «ببغداد».)
  if (tagger.resources.gazetteer.phrases.next.get(norm)?.classes.some((c) => CURATED_CLASSES.has(c)))
    return token.start;
  const split = splitProclitics(token.text, { isKnownStem: knownStemFor(norm, tagger.resources.rank) });
  let offset = 0;
  for (let k = 0; k < split.clitics.length; k++) {
    const clitic = split.clitics[k]!;
    if (clitic.kind === 'article' || token.text[clitic.start] === 'ك') break;
    const next = split.clitics[k + 1];
    // «للولايات»: ل + ل(ال): dropping the first ل would leave «لولايات», so keep the token whole.
    if (clitic.kind === 'preposition' && next?.kind === 'article' && next.end - next.start === 1) break;
    offset = clitic.end;
  }
  return token.start + (offset < token.text.length ? offset : 0);
}

function windows(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  for (let i = 0; i < tokens.length; i += MAX_SENTENCE_TOKENS) out.push(tokens.slice(i, i + MAX_SENTENCE_TOKENS));
  return out;
}

/**
 * Finds PERS/ORG/LOC/MISC mentions in `text`, sorted by start. Offsets index `text`
 * (`text.slice(start, end) === entity.text`); a leading conjunction or preposition is left out.
 * The whole text is one document for label consistency (consistency.ts).
 */
export function recognizeEntities(
  text: string,
  tagger: Tagger = loadTagger(),
  steps: TagSteps = SHIPPED_STEPS,
): RecognizedEntity[] {
  // Tokenise once and sweep the tokens into sentences (sentence spans never cut a token).
  const tokens = tokenize(text, { clitics: false });
  const windowsOfText: Token[][] = [];
  let next = 0;
  for (const sentence of splitSentences(text)) {
    while (next < tokens.length && tokens[next]!.start < sentence.start) next++;
    const first = next;
    while (next < tokens.length && tokens[next]!.end <= sentence.end) next++;
    if (next > first) windowsOfText.push(...windows(tokens.slice(first, next)));
  }
  const words = windowsOfText.map((w) => w.map((t) => t.text));
  const contextRows = documentContextRows(tagger, words);
  const tags = documentPasses(
    tagger,
    words,
    words.map((w, k) => tagTokens(tagger, w, steps, contextRows[k])),
    steps,
  );
  const entities: RecognizedEntity[] = [];
  windowsOfText.forEach((window, w) => {
    for (const chunk of chunksOf(tags[w]!)) {
      const start = trimmedStart(window[chunk.start]!, tagger);
      const end = window[chunk.end - 1]!.end;
      entities.push({ type: chunk.type as EntityType, start, end, text: text.slice(start, end) });
    }
  });
  return entities;
}

/**
 * BIO tags (ANERcorp scheme) for sentences of given tokens, keeping the tokenisation as given.
 * All sentences form one document for label consistency (consistency.ts).
 */
export function tagConll(
  sentences: readonly (readonly string[])[],
  tagger: Tagger = loadTagger(),
  steps: TagSteps = SHIPPED_STEPS,
): string[][] {
  // Long sentences are tagged in windows (pieces); the pieces are the document's sentences for context aggregation.
  const pieces: (readonly string[])[] = [];
  const owner: number[] = [];
  sentences.forEach((tokens, s) => {
    for (let i = 0; i < tokens.length; i += MAX_SENTENCE_TOKENS) {
      pieces.push(tokens.slice(i, i + MAX_SENTENCE_TOKENS));
      owner.push(s);
    }
  });
  const contextRows = documentContextRows(tagger, pieces);
  const tags = sentences.map((): string[] => []);
  pieces.forEach((piece, k) => tags[owner[k]!]!.push(...tagTokens(tagger, piece, steps, contextRows[k])));
  return documentPasses(tagger, sentences, tags, steps);
}

/** The document-level passes over one document's sentence tags: label consistency, then name parts. */
function documentPasses(
  tagger: Tagger,
  sentences: readonly (readonly string[])[],
  tags: string[][],
  steps: TagSteps,
): string[][] {
  const coreOf = (t: string): string => tagger.cache.core(t);
  const consistent = steps.consistency ? propagateLabels(sentences, tags, coreOf) : tags;
  const isCommon = (token: string): boolean => {
    const info = tagger.cache.info(token);
    return isCommonWord(info.forms.core, info.cues, tagger.resources.rank);
  };
  return steps.nameParts ? propagateNameParts(sentences, consistent, coreOf, isCommon) : consistent;
}
