/**
 * Per-token forms the NER features and word clusters use: a fast normalised form, the "core" form
 * (conjunction/preposition stripped, article kept: «والعراق» → «العراق») and the bare stem («عراق»).
 */
import { splitProclitics } from '../../text/clitics.ts';
import { normalizeText } from '../../text/normalize.ts';

export interface TokenForms {
  /** Normalised token (the `token` fold profile): no tashkeel/tatweel, alef forms → ا, ى → ي, ة → ه, digits → ASCII, Latin lower-cased. */
  readonly norm: string;
  /** `norm` without و ف ب ك ل (لل → ال): the form gazetteers and clusters are keyed by. */
  readonly core: string;
  /** `norm` without any proclitic, article included. */
  readonly stem: string;
  /** The clitic letters split off, e.g. «وال», «لل», «» (a feature in its own right). */
  readonly prefix: string;
}

/** The `token` profile of the fold table (text/normalize.ts), without an offset map (hot path of the tagger). */
export function normalizeToken(token: string): string {
  return normalizeText(token, 'token');
}

/** Forms of one token; `isKnownStem` resolves ambiguous clitics («وقال» vs «وزير»), see clitics.ts. */
export function tokenForms(token: string, isKnownStem?: (remainder: string) => boolean): TokenForms {
  const norm = normalizeToken(token);
  const split = splitProclitics(norm, { isKnownStem });
  if (split.clitics.length === 0) return { norm, core: norm, stem: norm, prefix: '' };
  const stem = norm.slice(split.stemStart);
  const article = split.clitics.find((c) => c.kind === 'article');
  const core = article ? `ال${stem}` : stem;
  return { norm, core, stem, prefix: norm.slice(0, split.stemStart) };
}
