/**
 * Claims across a storyline: figures about the same subject (what happened: killed, injured, attacks…; or what
 * is counted: troops, money…) grouped across articles and compared with qualifier semantics → agree / conflict /
 * single-source. Each value cites its article, outlet, span and attribution.
 */
import type { QuantityMention, QuoteMention } from '../../core/annotation.ts';
import type { Claim, ClaimValue, ClaimVerdict, ClusterInput } from '../types.ts';
import { foldText, stemWord } from '../text/terms.ts';
import { sentenceAround, sentenceSpans } from '../text/sentences.ts';
import { ACTION_CATEGORIES, COUNTED_CATEGORIES, QUALIFIER_WORDS } from './categories.ts';
import { valuesAgree } from './compare.ts';

/** Words looked at before the figure for an action word (after skipping qualifiers). */
const LOOK_BACK_WORDS = 3;
/** Words looked at after the figure for its counted noun when the quantity layer gave no unit. */
const LOOK_AHEAD_WORDS = 2;
const WORD_RE = /[\p{L}\p{N}%٪]+/gu;

interface Located {
  readonly article: ClusterInput;
  readonly quantity: QuantityMention;
  readonly category: string;
}

function stems(text: string): string[] {
  return [...foldText(text).matchAll(WORD_RE)].map((m) => m[0]);
}

/** A word, its light stem, and the form without an accusative tanween alef («هجوماً» → «هجوم»). */
function forms(word: string): string[] {
  const bare = word.length > 3 && word.endsWith('ا') ? word.slice(0, -1) : word;
  return [word, stemWord(word), bare, stemWord(bare)];
}

function lookup(words: readonly string[], table: ReadonlyMap<string, string>): string | null {
  for (const word of words) {
    for (const form of forms(word)) {
      const hit = table.get(form);
      if (hit) return hit;
    }
  }
  return null;
}

/** The claim category of a figure from its unit, subject and neighbouring words; null when it counts nothing known. */
export function claimCategory(body: string, quantity: QuantityMention): string | null {
  const before = stems(body.slice(Math.max(0, quantity.start - 80), quantity.start)).reverse().filter((w) => !QUALIFIER_WORDS.has(w)).slice(0, LOOK_BACK_WORDS);
  const own = stems(`${quantity.unit ?? ''} ${quantity.text}`);
  const after = stems(body.slice(quantity.end, quantity.end + 60)).slice(0, LOOK_AHEAD_WORDS);
  if (quantity.unit === 'percent' || /[%٪]/u.test(quantity.text)) return 'percent';
  return lookup(before, ACTION_CATEGORIES) ?? lookup(own, ACTION_CATEGORIES) ?? lookup(own, COUNTED_CATEGORIES)
    ?? (quantity.unit ? null : lookup(after, ACTION_CATEGORIES) ?? lookup(after, COUNTED_CATEGORIES))
    ?? (quantity.unit ? `unit:${stemWord(foldText(quantity.unit).replace(/(?<=.{3})ا$/u, ''))}` : null);
}

/** «speaker via agency …» from the quote covering the figure's sentence, or null. */
function attributionOf(article: ClusterInput, start: number, end: number): string | null {
  const spans = sentenceSpans(article.body);
  const sentence = sentenceAround(spans, start, end);
  const quote = (article.quotes ?? []).find((q: QuoteMention) => q.start <= start && q.end >= end)
    ?? (article.quotes ?? []).find((q) => q.start < sentence.end && q.end > sentence.start && (q.via?.length || q.speaker));
  if (!quote) return null;
  const chain = quote.via && quote.via.length > 0 ? [...quote.via] : quote.speaker ? [quote.speaker] : [];
  return chain.length > 0 ? chain.join(' via ') : null;
}

function toValue(located: Located): ClaimValue {
  const { article, quantity } = located;
  return {
    article: article.id, outlet: article.outlet, text: quantity.text, start: quantity.start, end: quantity.end,
    value: quantity.value, qualifier: quantity.qualifier, attribution: attributionOf(article, quantity.start, quantity.end),
  };
}

function verdictOf(values: readonly ClaimValue[], quantities: readonly QuantityMention[]): ClaimVerdict {
  if (new Set(values.map((v) => v.article)).size < 2) return 'single-source';
  return valuesAgree(quantities) ? 'agree' : 'conflict';
}

/** Claims of one storyline's articles (articles in storyline order). */
export function findClaims(storyline: number, articles: readonly ClusterInput[]): Claim[] {
  const groups = new Map<string, Located[][]>();
  for (const article of articles) {
    for (const quantity of article.quantities ?? []) {
      if (quantity.start < 0 || quantity.end > article.body.length || quantity.start >= quantity.end) continue;
      const category = claimCategory(article.body, quantity);
      if (!category) continue;
      const claims = groups.get(category) ?? [];
      // One value per article per claim: an article's second figure of a category opens or joins another claim.
      const open = claims.find((c) => !c.some((l) => l.article.id === article.id) && valuesAgree([...c.map((l) => l.quantity), quantity]))
        ?? claims.find((c) => !c.some((l) => l.article.id === article.id));
      if (open) open.push({ article, quantity, category });
      else claims.push([{ article, quantity, category }]);
      groups.set(category, claims);
    }
  }
  const out: Claim[] = [];
  for (const [category, claims] of groups) {
    for (const members of claims) {
      const values = members.map(toValue);
      const subject = members.find((m) => m.quantity.subject)?.quantity.subject ?? members.find((m) => m.quantity.unit)?.quantity.unit ?? category.replace(/^unit:/u, '');
      out.push({ storyline, category, subject, verdict: verdictOf(values, members.map((m) => m.quantity)), values });
    }
  }
  return out;
}
