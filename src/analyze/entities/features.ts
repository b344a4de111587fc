/**
 * NER feature extraction: one list of feature strings per token (word, normalised and clitic-free
 * forms, affixes, shape, word clusters, gazetteer and cue classes, ±2 context). Tag-independent.
 */
import { gazetteerLabels, type Gazetteer } from './gazetteer.ts';
import { normalizeToken, tokenForms, type TokenForms } from './token-forms.ts';

export interface FeatureResources {
  /** Core form → cluster path (one base-36 digit per level), see train/clusters.ts. */
  readonly clusters: ReadonlyMap<string, string>;
  /** Core form → frequency rank in the unlabelled corpus (0 = most frequent). */
  readonly rank: ReadonlyMap<string, number>;
  readonly gazetteer: Gazetteer;
}

/** Cluster path prefix lengths (levels of 8 → 8, 64, 512, 4,096 clusters), like Brown-cluster prefixes. */
const CLUSTER_PREFIXES = [1, 2, 3, 4];
/** How far back a cue word still counts (title + up to two modifiers before a name). */
const CUE_WINDOW = 3;
/** Longest prefix/suffix feature: Arabic affixes such as «يون», «ات», «ية» are ≤ 4 letters. */
const MAX_AFFIX = 4;

interface TokenInfo {
  readonly forms: TokenForms;
  readonly shape: string;
  readonly cluster: string;
  readonly gazetteer: readonly string[];
  readonly cues: readonly string[];
}

/** Coarse word shape: script, digits, punctuation, Latin capitalisation and a length bucket. */
export function wordShape(token: string): string {
  const code = token.charCodeAt(0);
  if (code >= 0x0600 && code <= 0x06ff) {
    if (code >= 0x0660 && code <= 0x0669) return 'D';
    return token.length <= 2 ? 'A1' : token.length <= 4 ? 'A2' : token.length <= 7 ? 'A3' : 'A4';
  }
  if (code >= 0x30 && code <= 0x39) return /^[0-9.,]+$/u.test(token) ? (token.length === 4 ? 'D4' : 'D') : 'DX';
  if ((code >= 0x41 && code <= 0x5a)) return token === token.toUpperCase() ? 'LU' : 'LC';
  if (code >= 0x61 && code <= 0x7a) return 'Ll';
  return /[\p{L}\p{N}]/u.test(token) ? 'X' : `P${token}`;
}

/** Resolves an ambiguous clitic only when the remainder is more frequent than the whole word («وقال» but not «وزير»). */
export function knownStemFor(norm: string, rank: ReadonlyMap<string, number>): (remainder: string) => boolean {
  const own = rank.get(norm) ?? Number.MAX_SAFE_INTEGER;
  return (remainder) => (rank.get(normalizeToken(remainder)) ?? Number.MAX_SAFE_INTEGER) < own;
}

function tokenInfos(tokens: readonly string[], resources: FeatureResources): TokenInfo[] {
  const forms = tokens.map((t) => {
    const plain = tokenForms(t);
    return tokenForms(t, knownStemFor(plain.norm, resources.rank));
  });
  const gaz = gazetteerLabels(resources.gazetteer, forms);
  return forms.map((f, i) => ({
    forms: f,
    shape: wordShape(tokens[i]!),
    cluster: resources.clusters.get(f.core) ?? resources.clusters.get(f.norm) ?? '',
    gazetteer: gaz[i]!,
    cues: resources.gazetteer.cues.get(f.stem) ?? [],
  }));
}

function ownFeatures(info: TokenInfo, out: string[]): void {
  const { norm, core, stem, prefix } = info.forms;
  out.push('b', `w=${norm}`, `c=${core}`, `s=${stem}`, `p=${prefix}`, `sh=${info.shape}`);
  for (let k = 1; k <= MAX_AFFIX && k < stem.length; k++) out.push(`pf${k}=${stem.slice(0, k)}`);
  for (let k = 1; k <= MAX_AFFIX && k < norm.length; k++) out.push(`sf${k}=${norm.slice(-k)}`);
  if (info.cluster === '') out.push('k=none');
  for (const n of CLUSTER_PREFIXES) if (info.cluster.length >= n) out.push(`k${n}=${info.cluster.slice(0, n)}`);
  for (const g of info.gazetteer) out.push(`g=${g}`);
  for (const c of info.cues) out.push(`q=${c}`);
  if (info.gazetteer.length > 0 && info.cues.length > 0) out.push(`gq=${info.gazetteer[0]}|${info.cues[0]}`);
}

function contextFeatures(infos: readonly TokenInfo[], i: number, out: string[]): void {
  for (const d of [-2, -1, 1, 2]) {
    const other = infos[i + d];
    if (!other) { out.push(`${d}=edge`); continue; }
    out.push(`${d}w=${other.forms.norm}`, `${d}k=${other.cluster.slice(0, 2)}`, `${d}sh=${other.shape}`);
    if (d === -1 || d === 1) out.push(`${d}s=${other.forms.stem}`, `${d}kf=${other.cluster}`, `${d}p=${other.forms.prefix}`);
    for (const g of other.gazetteer) out.push(`${d}g=${g}`);
    for (const c of other.cues) out.push(`${d}q=${c}`);
  }
  // Titles sit up to three words before a name: «وزير الخارجية الأمريكي أنتوني …».
  for (let d = -CUE_WINDOW; d <= -1; d++) for (const c of infos[i + d]?.cues ?? []) out.push(`wq=${c}`, `wqk=${c}|${infos[i]!.cluster.slice(0, 2)}`);
  const prev = infos[i - 1]?.forms.norm ?? '<s>';
  const next = infos[i + 1]?.forms.norm ?? '</s>';
  const own = infos[i]!.forms.norm;
  out.push(`-1w0=${prev}|${own}`, `0w1=${own}|${next}`, `-1s0=${infos[i - 1]?.forms.stem ?? '<s>'}|${infos[i]!.forms.stem}`);
}

/** Feature strings for every token of one sentence (tokens as given, e.g. one CoNLL sentence). */
export function sentenceFeatures(tokens: readonly string[], resources: FeatureResources): string[][] {
  const infos = tokenInfos(tokens, resources);
  return infos.map((info, i) => {
    const out: string[] = [];
    ownFeatures(info, out);
    contextFeatures(infos, i, out);
    return out;
  });
}
