/**
 * Attributions without a verb of saying: «..., بحسب ما نقلت وكالة فرانس برس عن الكرملين», «وفق المصادر»,
 * «نقلاً عن مسؤولين». The content is the clause before the cue, or, when the cue opens the sentence
 * («وبحسب المصادر، فإن ...»), the rest of the sentence.
 */
import type { Recognizer } from '../../recognizer.ts';
import type { QuoteCandidate } from '../candidate.ts';
import { sentenceEnd, sentenceStart, trimRange } from '../extent.ts';
import { ACCORDING_TO, RELAYING_VERB, RELAY_SPLIT } from '../lexicon.ts';
import { splitChain, trimSpeaker } from '../speaker.ts';

/** «وبحسب المصادر، فإن ...»: what follows the source, after an optional «فإن/أن». */
const LEADING_COMPLEMENT = /^[\s،,]*(?:(?:ف|ب)?ان(?:ه|ها|هم)?(?![\p{L}\p{M}\p{N}]))?/u;

function contentAfter(text: string, from: number): { start: number; end: number } {
  const skip = LEADING_COMPLEMENT.exec(text.slice(from, from + 12))?.[0].length ?? 0;
  return trimRange(text, from + skip, sentenceEnd(text, from + skip));
}

/** Minimum content (view characters) for the attribution to be reported speech. */
const MIN_CONTENT_CHARS = 12;
/** The source phrase ends at punctuation; a chain «وكالة رويترز عن البنتاغون» fits in this many characters. */
const MAX_SOURCE_CHARS = 80;

export const accordingTo: Recognizer<QuoteCandidate> = {
  rule: 'quote/according-to',
  pattern: new RegExp(
    `(?<clitic>[وف])?(?<cue>${ACCORDING_TO})\\s{0,3}${RELAYING_VERB}?(?<source>[^.!؟?\\n،,:]{1,${MAX_SOURCE_CHARS}})`,
    'uy',
  ),
  extract(match, view) {
    const groups = match.groups!;
    const cueStart = match.index + (groups.clitic?.length ?? 0);
    const sourceEnd = match.index + match[0].length;
    const source = trimSpeaker(view.text, { start: sourceEnd - groups.source!.length, end: sourceEnd });
    if (!source) return null;
    const sentenceFrom = sentenceStart(view.text, cueStart);
    const before = trimRange(view.text, sentenceFrom, cueStart);
    const content = before.end - before.start >= MIN_CONTENT_CHARS ? before : contentAfter(view.text, source.end);
    if (content.end - content.start < MIN_CONTENT_CHARS) return null;
    return {
      rule: this.rule,
      kind: 'reported',
      start: content.start,
      end: content.end,
      extentStart: Math.min(content.start, cueStart),
      extentEnd: Math.max(content.end, source.end),
      chain: splitChain(view.text, source, RELAY_SPLIT),
      continuesSpeaker: false,
    };
  },
};
