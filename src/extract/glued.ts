/**
 * Finds where body text starts in a line whose beginning is link text glued on with no separator
 * («…في محافظة الأنبار العراقيةمنذ أن فقد التنظيم…»): scrapers drop the markup between a related-link
 * title and the paragraph, so a final-only letter (ة ى) runs straight into the next word.
 */
import { ARABIC_LETTER, DIACRITIC } from '../text/char-classes.ts';

/**
 * Junctions inside one whitespace token: a final-only letter (ة, ى) followed by a letter, an Arabic↔Latin switch, or a token ending in a «و»-prefixed sentence opener («…صلةوقال»).
 */
const JUNCTION_RE = new RegExp(
  `(?<=[ةى]${DIACRITIC}{0,3})(?=${ARABIC_LETTER})` +
    `|(?<=[A-Za-z])(?=${ARABIC_LETTER})|(?<=${ARABIC_LETTER}${DIACRITIC}{0,3})(?=[A-Z][a-z])` +
    `|(?<=${ARABIC_LETTER}{3})(?=و(?:قال|اكد|أكد|أعلن|اعلن|أضاف|اضاف|أشار|اشار|ذكر|كشف|أفاد|افاد|تابع)(?:ت)?(?:\\s|$))` +
    // «…في صفاقسويتضمن المشروع»: و + an imperfect verb (ي/ت + ≥ 3 letters) after ≥ 4 letters; «بالكويتيين»-like
    // words are the known false positive, so the junction must also precede the first clause punctuation.
    `|(?<=${ARABIC_LETTER}{4})(?=و[يت]${ARABIC_LETTER}{3,}(?:\\s|$))`,
  'gu',
);
/** Clause punctuation that link titles do not contain: the junction must come before it. */
const CLAUSE_PUNCT_RE = /(?<![.])[،,؛!؟?](?=\s|$)|(?<![.])\.(?![.])(?=\s|$)/u;
/** A glued prefix must look like at least one link title, not a stray typo in the first words. Chosen on the seeds and fixtures. */
const MIN_GLUED_PREFIX_WORDS = 3;
const WORD_RE = /[\p{L}\p{N}]+/gu;

/**
 * Offset in `text` where the body starts after glued link text, or 0 when the line starts cleanly.
 * Picks the last junction before the first clause punctuation that has ≥ 3 words before it.
 */
export function findGluedBodyStart(text: string): number {
  const punct = CLAUSE_PUNCT_RE.exec(text);
  const limit = punct ? punct.index : text.length;
  const head = text.slice(0, limit);
  let best = 0;
  JUNCTION_RE.lastIndex = 0;
  for (let match = JUNCTION_RE.exec(head); match; match = JUNCTION_RE.exec(head)) {
    if (match.index === 0 || /\s/u.test(head[match.index - 1]!)) {
      JUNCTION_RE.lastIndex = match.index + 1;
      continue;
    }
    const before = head.slice(0, match.index).match(WORD_RE)?.length ?? 0;
    if (before >= MIN_GLUED_PREFIX_WORDS) best = match.index;
    JUNCTION_RE.lastIndex = match.index + 1;
  }
  return best;
}
