/** What the NER features know about one token on its own (its own module: features.ts and document-context.ts both use it). */
import type { TokenForms } from './token-forms.ts';

/** Everything about a token that does not depend on its neighbours (cacheable per token string). */
export interface WordInfo {
  readonly forms: TokenForms;
  readonly shape: string;
  readonly cluster: string;
  readonly cues: readonly string[];
}
