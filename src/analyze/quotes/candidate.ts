/** A quote found by a recognizer, in view offsets, before speakers are linked to entities. */

export interface QuoteCandidate {
  readonly rule: string;
  readonly kind: 'direct' | 'reported';
  /** The quoted or reported content. */
  readonly start: number;
  readonly end: number;
  /** Whole expression, cue and speaker included: later recognizers skip cues inside it. */
  readonly extentStart: number;
  readonly extentEnd: number;
  /** Attribution chain, origin first, outermost last; the speaker is the first entry. Empty: unknown. */
  readonly chain: readonly { readonly start: number; readonly end: number }[];
  /** «وأضاف أن ...»: no speaker in the text; continues the previous quote's speaker. */
  readonly continuesSpeaker: boolean;
}
