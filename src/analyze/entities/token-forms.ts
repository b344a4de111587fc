/**
 * Per-token forms the NER features and word clusters use: a fast normalised form, the "core" form
 * (conjunction/preposition stripped, article kept: «والعراق» → «العراق») and the bare stem («عراق»).
 */
import { splitProclitics } from '../../text/clitics.ts';

export interface TokenForms {
  /** Normalised token: no tashkeel/tatweel, alef forms → ا, ى → ي, ة → ه, ی ک → ي ك, digits → ASCII, Latin lower-cased. */
  readonly norm: string;
  /** `norm` without و ف ب ك ل (لل → ال): the form gazetteers and clusters are keyed by. */
  readonly core: string;
  /** `norm` without any proclitic, article included. */
  readonly stem: string;
  /** The clitic letters split off, e.g. «وال», «لل», «» (a feature in its own right). */
  readonly prefix: string;
}

const FOLD: ReadonlyMap<number, string> = new Map([
  [0x0623, 'ا'], [0x0625, 'ا'], [0x0622, 'ا'], [0x0671, 'ا'], [0x0649, 'ي'], [0x0629, 'ه'], [0x06cc, 'ي'], [0x06a9, 'ك'],
]);

/** Normalises one token without an offset map (hot path of the tagger). */
export function normalizeToken(token: string): string {
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if ((code >= 0x064b && code <= 0x065f) || code === 0x0670 || code === 0x0640 || code === 0x200c || code === 0x200d) continue;
    if (code >= 0x0660 && code <= 0x0669) { out += String(code - 0x0660); continue; }
    if (code >= 0x06f0 && code <= 0x06f9) { out += String(code - 0x06f0); continue; }
    if (code >= 0x41 && code <= 0x5a) { out += String.fromCharCode(code + 32); continue; }
    out += FOLD.get(code) ?? token[i]!;
  }
  return out;
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
