/**
 * NER feature extraction: one list of feature strings per token (word, normalised and clitic-free
 * forms, affixes, shape, word clusters, gazetteer and cue classes, ±2 context). Tag-independent.
 */
import { gazetteerLabels, type Gazetteer } from './gazetteer.ts';
import { normalizeToken, tokenForms } from './token-forms.ts';
import type { WordInfo } from './word-info.ts';
import { SPORTS_WORDS } from './lexicons/cue-words.ts';
import { documentContextFeatures } from './document-context.ts';

const SPORT_STEMS: ReadonlySet<string> = new Set(SPORTS_WORDS.map((w) => tokenForms(w).stem));

/** Whether a sentence has a sports word (computed once per sentence by the callers of sentenceLevelFeatures). */
export function isSportsSentence(infos: readonly WordInfo[]): boolean {
  return infos.some((w) => SPORT_STEMS.has(w.forms.stem));
}

export interface FeatureResources {
  /** Core form → cluster path (one base-36 digit per level), built by tools/ner/clusters.ts. */
  readonly clusters: ReadonlyMap<string, string>;
  /** Core form → frequency rank in the unlabelled corpus (0 = most frequent). */
  readonly rank: ReadonlyMap<string, number>;
  readonly gazetteer: Gazetteer;
  /** Sentences on either side aggregated by context aggregation (document-context.ts); 0 or absent = off. */
  readonly documentWindow?: number;
}

/** Cluster path prefix lengths (levels of 8 → 8, 64, 512, 4,096 clusters), like Brown-cluster prefixes. */
const CLUSTER_PREFIXES = [1, 2, 3, 4];
/** How far back a cue word still counts (title + up to two modifiers before a name). */
const CUE_WINDOW = 3;
/** Inner character n-gram lengths: «سكي», «ستان», «يون» mark transliterated names and nisbas (3-grams: dev F1 +1.5; adding 4-grams: −0.9, docs/ner.md). */
const CHAR_NGRAMS = [3];
/** Longest prefix/suffix feature: Arabic affixes such as «يون», «ات», «ية» are ≤ 4 letters. */
const MAX_AFFIX = 4;

export type { WordInfo } from './word-info.ts';

/** Neighbour offsets whose word features are used. */
export const NEIGHBOUR_OFFSETS = [-2, -1, 1, 2] as const;

/** Coarse word shape: script, digits, punctuation, Latin capitalisation and a length bucket. */
export function wordShape(token: string): string {
  const code = token.charCodeAt(0);
  if (code >= 0x0600 && code <= 0x06ff) {
    if (code >= 0x0660 && code <= 0x0669) return 'D';
    return token.length <= 2 ? 'A1' : token.length <= 4 ? 'A2' : token.length <= 7 ? 'A3' : 'A4';
  }
  if (code >= 0x30 && code <= 0x39) return /^[0-9.,]+$/u.test(token) ? (token.length === 4 ? 'D4' : 'D') : 'DX';
  if (code >= 0x41 && code <= 0x5a) return token === token.toUpperCase() ? 'LU' : 'LC';
  if (code >= 0x61 && code <= 0x7a) return 'Ll';
  return /[\p{L}\p{N}]/u.test(token) ? 'X' : `P${token}`;
}

/** Resolves an ambiguous clitic only when the remainder is more frequent than the whole word («وقال» but not «وزير»). */
export function knownStemFor(norm: string, rank: ReadonlyMap<string, number>): (remainder: string) => boolean {
  const own = rank.get(norm) ?? Number.MAX_SAFE_INTEGER;
  return (remainder) => (rank.get(normalizeToken(remainder)) ?? Number.MAX_SAFE_INTEGER) < own;
}

/** Word-level information of one token. */
export function wordInfo(token: string, resources: FeatureResources): WordInfo {
  const forms = tokenForms(token, knownStemFor(normalizeToken(token), resources.rank));
  return {
    forms,
    shape: wordShape(token),
    cluster: resources.clusters.get(forms.core) ?? resources.clusters.get(forms.norm) ?? '',
    cues: resources.gazetteer.cues.get(forms.stem) ?? [],
  };
}

/** Features a word fires at its own position (independent of its neighbours). */
export function ownWordFeatures(info: WordInfo, out: string[]): void {
  const { norm, core, stem, prefix } = info.forms;
  out.push('b', `w=${norm}`, `c=${core}`, `s=${stem}`, `p=${prefix}`, `sh=${info.shape}`);
  for (let k = 1; k <= MAX_AFFIX && k < stem.length; k++) out.push(`pf${k}=${stem.slice(0, k)}`);
  for (let k = 1; k <= MAX_AFFIX && k < norm.length; k++) out.push(`sf${k}=${norm.slice(-k)}`);
  const padded = `^${stem}$`;
  for (const n of CHAR_NGRAMS) for (let k = 0; k + n <= padded.length; k++) out.push(`n=${padded.slice(k, k + n)}`);
  if (info.cluster === '') out.push('k=none');
  for (const n of CLUSTER_PREFIXES) if (info.cluster.length >= n) out.push(`k${n}=${info.cluster.slice(0, n)}`);
  for (const c of info.cues) out.push(`q=${c}`);
}

/** Features saying "the word at offset `d` from the current token is this one" (d ∈ NEIGHBOUR_OFFSETS). */
export function neighbourWordFeatures(info: WordInfo, d: number, out: string[]): void {
  out.push(`${d}w=${info.forms.norm}`, `${d}k=${info.cluster.slice(0, 2)}`, `${d}sh=${info.shape}`);
  if (d === -1 || d === 1) {
    out.push(`${d}s=${info.forms.stem}`, `${d}kf=${info.cluster}`, `${d}p=${info.forms.prefix}`);
  }
  for (const c of info.cues) out.push(`${d}q=${c}`);
}

/** Features that depend on the sentence: gazetteer matches, edges, the cue window and word bigrams. */
export function sentenceLevelFeatures(
  infos: readonly WordInfo[],
  gazetteer: readonly (readonly string[])[],
  sports: boolean,
  i: number,
  out: string[],
): void {
  const own = infos[i]!;
  for (const g of gazetteer[i]!) out.push(`g=${g}`);
  // In a sports sentence a city or country is usually a club or a team: conjoin with the gazetteer and cluster.
  if (sports) {
    for (const g of gazetteer[i]!) out.push(`sp|g=${g}`);
    out.push(`sp|k2=${own.cluster.slice(0, 2)}`);
  }
  if (gazetteer[i]!.length > 0 && own.cues.length > 0) out.push(`gq=${gazetteer[i]![0]}|${own.cues[0]}`);
  for (const d of NEIGHBOUR_OFFSETS) {
    if (!infos[i + d]) {
      out.push(`${d}=edge`);
      continue;
    }
    for (const g of gazetteer[i + d]!) out.push(`${d}g=${g}`);
  }
  // Titles sit up to three words before a name: «وزير الخارجية الأمريكي أنتوني …».
  for (let d = -CUE_WINDOW; d <= -1; d++)
    for (const c of infos[i + d]?.cues ?? []) out.push(`wq=${c}`, `wqk=${c}|${own.cluster.slice(0, 2)}`);
  const prev = infos[i - 1];
  const next = infos[i + 1];
  out.push(
    `-1w0=${prev?.forms.norm ?? '<s>'}|${own.forms.norm}`,
    `0w1=${own.forms.norm}|${next?.forms.norm ?? '</s>'}`,
    `-1s0=${prev?.forms.stem ?? '<s>'}|${own.forms.stem}`,
  );
}

/** Feature strings for every token of one sentence (tokens as given, e.g. one CoNLL sentence). */
export function sentenceFeatures(tokens: readonly string[], resources: FeatureResources): string[][] {
  return featuresOfInfos(
    tokens.map((t) => wordInfo(t, resources)),
    resources,
  );
}

/** sentenceFeatures from the tokens' word information, already computed. */
function featuresOfInfos(infos: readonly WordInfo[], resources: FeatureResources): string[][] {
  const gazetteer = gazetteerLabels(
    resources.gazetteer,
    infos.map((w) => w.forms),
  );
  const sports = isSportsSentence(infos);
  return infos.map((info, i) => {
    const out: string[] = [];
    ownWordFeatures(info, out);
    for (const d of NEIGHBOUR_OFFSETS) if (infos[i + d]) neighbourWordFeatures(infos[i + d]!, d, out);
    sentenceLevelFeatures(infos, gazetteer, sports, i, out);
    return out;
  });
}

/**
 * Feature rows for every token of a document (sentences in order): each sentence's own features plus, when the
 * resources ask for it, the aggregated contexts of the same words elsewhere in the document (document-context.ts).
 */
export function documentFeatures(sentences: readonly (readonly string[])[], resources: FeatureResources): string[][][] {
  const infos = sentences.map((tokens) => tokens.map((t) => wordInfo(t, resources)));
  const rows = infos.map((sentence) => featuresOfInfos(sentence, resources));
  const window = resources.documentWindow ?? 0;
  if (window <= 0) return rows;
  const context = documentContextFeatures(infos, { window, rank: resources.rank });
  return rows.map((sentence, s) =>
    sentence.map((row, i) => (context[s]![i]!.length === 0 ? row : [...row, ...context[s]![i]!])),
  );
}
