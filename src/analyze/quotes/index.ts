/**
 * Quote layer: direct quotes and reported speech with their speaker and attribution chain (issue 3).
 * Recognizers in registry order, then refiners that merge direct quotes into their reported frame and
 * carry a speaker over «وأضاف أن»; speakers are linked to entity mentions last.
 */
import type { EntityMention, QuoteMention } from '../../core/annotation.ts';
import { normalizeView, viewToSource, type TextView } from '../../text/normalize.ts';
import { runRecognizers, type Recognizer } from '../recognizer.ts';
import type { QuoteCandidate } from './candidate.ts';
import { SOURCE_NOUNS } from './lexicon.ts';
import { accordingTo } from './recognizers/according-to.ts';
import { direct } from './recognizers/direct.ts';
import { reported } from './recognizers/reported.ts';
import { linkSpeaker, type Range } from './link-speaker.ts';

// Reported speech first: its speaker region decides whether a later «نقلاً عن» is a chain or a new attribution.
const RECOGNIZERS: readonly Recognizer<QuoteCandidate>[] = [reported, accordingTo, direct];
/** «وأضاف أن» continues a speaker named at most this many view characters earlier. */
const CONTINUATION_CHARS = 600;

/** Quotes of `body`; `entities` (sorted by start) let speakers carry an entity id. */
export function findQuotes(
  body: string,
  entities: readonly EntityMention[] = [],
  view: TextView = normalizeView(body),
): QuoteMention[] {
  const found = runRecognizers(view, RECOGNIZERS);
  const credible = found.filter(
    (candidate) => candidate.rule !== 'quote/according-to' || isCredibleSource(candidate, view, entities),
  );
  const refined = continueSpeakers(mergeDirect(dropNestedAttributions(credible)));
  return refined.map((candidate) => toMention(candidate, view, entities));
}

/** An attribution source names an entity or starts with a source noun («المصادر», «وكالة», «بيان»). */
function isCredibleSource(candidate: QuoteCandidate, view: TextView, entities: readonly EntityMention[]): boolean {
  return candidate.chain.some((range) => {
    const source = viewToSource(view, range.start, range.end);
    if (entities.some((entity) => entity.start < source.end && entity.end > source.start)) return true;
    const first = view.text
      .slice(range.start, range.end)
      .split(/\s/u)[0]!
      .replace(/^[وفبل]?(?:ال|لل)/u, '');
    return SOURCE_NOUNS.has(first);
  });
}

/** An «نقلاً عن»/«بحسب» inside the verb + speaker region of reported speech belongs to that chain. */
function dropNestedAttributions(found: readonly QuoteCandidate[]): QuoteCandidate[] {
  const frames = found.filter((candidate) => candidate.rule === 'quote/reported');
  return found.filter(
    (candidate) =>
      candidate.rule !== 'quote/according-to' ||
      !frames.some(
        (frame) =>
          candidate.extentStart < frame.start && candidate.extentEnd > frame.extentStart && cueInside(candidate, frame),
      ),
  );
}

function cueInside(attribution: QuoteCandidate, frame: QuoteCandidate): boolean {
  const cue = attribution.chain[attribution.chain.length - 1];
  return cue !== undefined && cue.start >= frame.extentStart && cue.start < frame.start;
}

/**
 * A direct quote that opens the content of reported speech («قال: “...”») replaces it and takes its
 * speaker; a partial quote inside reported content takes the reporter as speaker.
 */
function mergeDirect(found: readonly QuoteCandidate[]): QuoteCandidate[] {
  const directs = found.filter((candidate) => candidate.kind === 'direct');
  const others = found.filter((candidate) => candidate.kind !== 'direct');
  const kept: QuoteCandidate[] = [];
  const replaced = new Set<QuoteCandidate>();
  for (const quote of directs) {
    const frame = others.find((other) => other.start <= quote.start - 1 && other.end >= quote.end);
    if (!frame) {
      kept.push(quote);
      continue;
    }
    // Content opening with the quotation mark is the quote itself; what follows the closing mark is narrative.
    if (frame.start === quote.start - 1) replaced.add(frame);
    kept.push(
      quote.chain.length > 0 ? quote : { ...quote, chain: frame.chain, continuesSpeaker: frame.continuesSpeaker },
    );
  }
  kept.push(...others.filter((other) => !replaced.has(other)));
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

function continueSpeakers(found: readonly QuoteCandidate[]): QuoteCandidate[] {
  const out: QuoteCandidate[] = [];
  let previous: QuoteCandidate | null = null;
  for (const candidate of found) {
    const isNear: boolean = previous !== null && candidate.extentStart - previous.extentEnd <= CONTINUATION_CHARS;
    const resolved: QuoteCandidate =
      candidate.continuesSpeaker && candidate.chain.length === 0 && isNear
        ? { ...candidate, chain: previous!.chain }
        : candidate;
    out.push(resolved);
    if (resolved.chain.length > 0) previous = resolved;
  }
  return out;
}

function toMention(candidate: QuoteCandidate, view: TextView, entities: readonly EntityMention[]): QuoteMention {
  const content = viewToSource(view, candidate.start, candidate.end);
  const chain: Range[] = candidate.chain.map((range) => viewToSource(view, range.start, range.end));
  const speaker = chain[0] ? linkSpeaker(view.source, chain[0], entities) : null;
  const mention: QuoteMention = {
    text: view.source.slice(content.start, content.end),
    start: content.start,
    end: content.end,
    speaker: speaker?.text ?? null,
    speakerEntityId: speaker?.entityId ?? null,
    kind: candidate.kind,
  };
  if (chain.length < 2) return mention;
  return { ...mention, via: chain.map((range) => linkSpeaker(view.source, range, entities).label) };
}
