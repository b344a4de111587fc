/**
 * Reported speech: a verb of saying, an optional speaker, then «إن/أن/بأن/إلى أن» or a colon, and the
 * content to the end of the sentence. «وقالت الوزارة في بيان إن ...», «وأشار المتحدث إلى أن ...»,
 * «وقالت الصحيفة نقلاً عن مصدرين إن ...» (chain), «وأضاف أن ...» (speaker continues).
 */
import type { Recognizer } from '../../recognizer.ts';
import type { QuoteCandidate } from '../candidate.ts';
import { sentenceEnd, trimRange } from '../extent.ts';
import { CONTINUATION_VERBS, RELAYING_VERBS, RELAY_SPLIT, SPEECH_VERBS } from '../lexicon.ts';
import { splitChain, trimSpeaker } from '../speaker.ts';

const VERB = `(?:${[...SPEECH_VERBS].sort((a, b) => b.length - a.length).join('|')})`;
/** The complementizer: «إن», «أن», «إنه», «بأن», «إلى أن», or a colon. */
const COMPLEMENT =
  '(?:(?<![\\p{L}\\p{M}\\p{N}])(?:الي\\s{1,3})?(?:ب)?(?:ان|انه|انها|انهم|انهما|اننا)(?![\\p{L}\\p{M}\\p{N}])|\\s{0,2}:)';
/**
 * A speaker word may be a quoted name («وكالة “رويترز”، أن») or hold quotation marks, but an opening
 * mark that does not close within the word starts a direct quote, not a speaker.
 */
const SPEAKER_WORD = '(?:["“«][^\\s.!؟?\\n:"“”«»]+["”»][،,]?|[^\\s.!؟?\\n:"“”«»][^\\s.!؟?\\n:]*)';
/** Minimum content length (view characters) for reported speech to count. */
const MIN_CONTENT_CHARS = 8;

export const reported: Recognizer<QuoteCandidate> = {
  rule: 'quote/reported',
  pattern: new RegExp(
    `(?<clitic>[وف])?(?<verb>${VERB})(?![\\p{L}\\p{M}\\p{N}])(?<speaker>(?:\\s{1,3}${SPEAKER_WORD}){0,12}?)\\s{0,3}(?<complement>${COMPLEMENT})`,
    'uy',
  ),
  extract(match, view) {
    const groups = match.groups!;
    const verbStart = match.index + (groups.clitic?.length ?? 0);
    const speakerStart = verbStart + groups.verb!.length;
    const speakerEnd = speakerStart + groups.speaker!.length;
    const contentFrom = match.index + match[0].length;
    const content = trimRange(view.text, contentFrom, sentenceEnd(view.text, contentFrom));
    if (content.end - content.start < MIN_CONTENT_CHARS) return null;
    const speaker = trimSpeaker(view.text, { start: speakerStart, end: speakerEnd });
    const chain = speaker
      ? splitChain(view.text, speaker, RELAYING_VERBS.has(groups.verb!) ? RELAY_SPLIT : undefined)
      : [];
    return {
      rule: this.rule,
      kind: 'reported',
      start: content.start,
      end: content.end,
      extentStart: verbStart,
      extentEnd: content.end,
      chain,
      continuesSpeaker: speaker === null && CONTINUATION_VERBS.has(groups.verb!),
    };
  },
};
