/**
 * Direct quotes between “ ”, « » or straight double quotes, of at least a few words: a one- or two-word
 * quoted span («“رويترز”», «“مهمة”») is a name or a scare quote, not speech. The speaker comes from
 * surrounding reported speech or an attribution after the closing mark («”، قال الوزير»).
 */
import type { Recognizer } from '../../recognizer.ts';
import type { QuoteCandidate } from '../candidate.ts';
import { ACCORDING_TO, RELAYING_VERB, SPEECH_VERBS } from '../lexicon.ts';
import { splitChain, trimSpeaker } from '../speaker.ts';

/** Quoted spans shorter than this many words are names, titles or scare quotes (checked on the seeds' headlines and bodies). */
const MIN_WORDS = 3;
const MAX_QUOTE_CHARS = 1200;
const VERB = `(?:${[...SPEECH_VERBS].sort((a, b) => b.length - a.length).join('|')})`;
/** «”، قال الوزير» / «» بحسب المصدر»: attribution right after the closing mark, up to punctuation. */
const AFTER = new RegExp(`^\\s{0,2}[،,]?\\s{0,2}(?:و)?(?:${VERB}|${ACCORDING_TO}\\s{1,3}${RELAYING_VERB}?)(?<speaker>[^.!؟?\\n،,:«“"]{1,80})`, 'u');

export const direct: Recognizer<QuoteCandidate> = {
  rule: 'quote/direct',
  pattern: new RegExp(`“(?<curly>[^“”\\n]{1,${MAX_QUOTE_CHARS}})”|«(?<guillemet>[^«»\\n]{1,${MAX_QUOTE_CHARS}})»|"(?<straight>[^"\\n]{1,${MAX_QUOTE_CHARS}})"`, 'gu'),
  extract(match, view) {
    const content = match.groups!.curly ?? match.groups!.guillemet ?? match.groups!.straight ?? '';
    if (content.trim().split(/\s+/u).length < MIN_WORDS) return null;
    const start = match.index + 1;
    const end = start + content.length;
    const closeEnd = end + 1;
    const after = AFTER.exec(view.text.slice(closeEnd, closeEnd + 100));
    const speakerFrom = after ? closeEnd + after[0].length - after.groups!.speaker!.length : -1;
    const speaker = after ? trimSpeaker(view.text, { start: speakerFrom, end: closeEnd + after[0].length }) : null;
    return {
      rule: this.rule,
      kind: 'direct',
      start,
      end,
      extentStart: match.index,
      extentEnd: speaker ? speaker.end : closeEnd,
      chain: speaker ? splitChain(view.text, speaker) : [],
      continuesSpeaker: false,
    };
  },
};
