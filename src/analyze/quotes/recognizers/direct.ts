/**
 * Direct quotes between “ ”, « » or straight double quotes, of at least a few words: a one- or two-word
 * quoted span («“رويترز”», «“مهمة”») is a name or a scare quote, not speech. The speaker comes from
 * surrounding reported speech or an attribution after the closing mark («”، قال الوزير»).
 */
import type { Recognizer } from '../../recognizer.ts';
import type { QuoteCandidate } from '../candidate.ts';
import {
  ACCORDING_TO,
  CONTINUATION_VERBS,
  RELAYING_VERB,
  RELAYING_VERBS,
  RELAY_SPLIT,
  SPEECH_VERBS,
} from '../lexicon.ts';
import { splitChain, trimSpeaker } from '../speaker.ts';

/** Quoted spans shorter than this many words are names, titles or scare quotes (checked on the seeds' headlines and bodies). */
const MIN_WORDS = 3;
/**
 * A quoted span with no verb of saying or attribution around it needs more words: «“الهيئة العامة للموانئ”»
 * and «“جبهة الإنقاذ في الشمال”» are quoted names, not speech.
 */
const MIN_WORDS_UNATTRIBUTED = 5;
const MAX_QUOTE_CHARS = 1200;
/** Quoted speech opens with a word: «"، إلا أن ..."» is the text between two different quotes (a stray straight quote). */
const MISPAIRED = /^\s*[،,.؛:!؟?)]/u;
const VERB = `(?:${[...SPEECH_VERBS].sort((a, b) => b.length - a.length).join('|')})`;
/** «”، قال الوزير» / «» بحسب المصدر»: attribution right after the closing mark, up to punctuation. */
/** «وقال الوزير: "..."», «وأضاف "..."»: a verb of saying right before the opening mark. */
const BEFORE = new RegExp(
  `(?:^|[^\\p{L}\\p{M}\\p{N}])[وف]?(?<verb>${VERB})(?<speaker>(?:\\s{1,3}[^\\s.!؟?\\n:"“”«»]+){0,8})\\s{0,3}[:،,]?\\s{0,3}$`,
  'ud',
);
/** How far before the opening mark the verb may be. */
const BEFORE_CHARS = 120;
const AFTER = new RegExp(
  `^\\s{0,2}[،,]?\\s{0,2}(?:و)?(?:${VERB}|${ACCORDING_TO}\\s{1,3}${RELAYING_VERB}?)(?<speaker>[^.!؟?\\n،,:«“"]{1,80})`,
  'u',
);

export const direct: Recognizer<QuoteCandidate> = {
  rule: 'quote/direct',
  pattern: new RegExp(
    `“(?<curly>[^“”\\n]{1,${MAX_QUOTE_CHARS}})”|«(?<guillemet>[^«»\\n]{1,${MAX_QUOTE_CHARS}})»|"(?<straight>[^"\\n]{1,${MAX_QUOTE_CHARS}})"`,
    'gu',
  ),
  extract(match, view) {
    const content = match.groups!.curly ?? match.groups!.guillemet ?? match.groups!.straight ?? '';
    const words = content.trim().split(/\s+/u).length;
    if (words < MIN_WORDS || MISPAIRED.test(content)) return null;
    const start = match.index + 1;
    const end = start + content.length;
    const closeEnd = end + 1;
    const after = AFTER.exec(view.text.slice(closeEnd, closeEnd + 100));
    const speakerFrom = after ? closeEnd + after[0].length - after.groups!.speaker!.length : -1;
    const speaker = after ? trimSpeaker(view.text, { start: speakerFrom, end: closeEnd + after[0].length }) : null;
    const quote = {
      rule: this.rule,
      kind: 'direct' as const,
      start,
      end,
      extentStart: match.index,
      extentEnd: speaker ? speaker.end : closeEnd,
    };
    if (speaker) return { ...quote, chain: splitChain(view.text, speaker), continuesSpeaker: false };
    const before = speakerBefore(view.text, match.index);
    if (before.chain.length === 0 && !before.continuesSpeaker && words < MIN_WORDS_UNATTRIBUTED) return null;
    return { ...quote, ...before };
  },
};

/** Speaker from a verb of saying right before the quote; a bare «وأضاف» continues the previous speaker. */
function speakerBefore(text: string, open: number): Pick<QuoteCandidate, 'chain' | 'continuesSpeaker'> {
  const from = Math.max(0, open - BEFORE_CHARS);
  const before = BEFORE.exec(text.slice(from, open));
  if (!before) return { chain: [], continuesSpeaker: false };
  const [speakerStart, speakerEnd] = before.indices!.groups!.speaker!;
  const speaker = trimSpeaker(text, { start: from + speakerStart, end: from + speakerEnd });
  if (speaker)
    return {
      chain: splitChain(text, speaker, RELAYING_VERBS.has(before.groups!.verb!) ? RELAY_SPLIT : undefined),
      continuesSpeaker: false,
    };
  return { chain: [], continuesSpeaker: CONTINUATION_VERBS.has(before.groups!.verb!) };
}
