/**
 * Claims across a storyline: figures about the same subject (what happened: killed, injured, attacks…; or what
 * is counted: troops, money…) grouped across articles and compared with qualifier semantics → agree / conflict /
 * single-source. Each value cites its article, outlet, span and attribution.
 */
import type { QuantityMention, QuoteMention, TimeMention } from '../../core/annotation.ts';
import type { Claim, ClaimValue, ClaimVerdict, ClusterInput } from '../types.ts';
import { foldText, stemWord } from '../text/terms.ts';
import { sentenceAround, sentenceSpans } from '../text/sentences.ts';
import { ACTION_CATEGORIES, COUNTED_CATEGORIES, QUALIFIER_WORDS } from './categories.ts';
import { valuesAgree } from './compare.ts';
import { contextSimilarity, figureContext, sameNeighbours, type FigureContext } from './context.ts';
import { figureScope, sameScope, type FigureScope } from './scope.ts';

/** Words looked at before the figure for an action word (after skipping qualifiers). */
const LOOK_BACK_WORDS = 3;
/** Words looked at after the figure for its counted noun when the quantity layer gave no unit. */
const LOOK_AHEAD_WORDS = 2;
const WORD_RE = /[\p{L}\p{N}%٪]+/gu;

interface Located {
  readonly article: ClusterInput;
  readonly quantity: QuantityMention;
  readonly category: string;
  readonly context: FigureContext;
  /** Another figure of the same article sits in the same frame (a list): frames cannot tell its items apart. */
  readonly inList: boolean;
  /** Places, people, days of its sentence and whether it is a part of a total (scope.ts). */
  readonly scope: FigureScope;
  /** Its written form has another reading («1.800», «5,3»): it only joins figures it agrees with. */
  readonly ambiguous: boolean;
}

/** True when a differing figure may be compared with every figure of a claim: same scope, certain readings. */
function comparable(claim: readonly Located[], located: Located): boolean {
  return !located.ambiguous && claim.every((l) => !l.ambiguous && sameScope(l.scope, located.scope));
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
  const before = stems(body.slice(Math.max(0, quantity.start - 80), quantity.start))
    .reverse()
    .filter((w) => !QUALIFIER_WORDS.has(w))
    .slice(0, LOOK_BACK_WORDS);
  const own = stems(`${quantity.unit ?? ''} ${quantity.text}`);
  const after = stems(body.slice(quantity.end, quantity.end + 60)).slice(0, LOOK_AHEAD_WORDS);
  if (quantity.unit === 'percent' || /[%٪]/u.test(quantity.text)) return 'percent';
  return (
    lookup(before, ACTION_CATEGORIES) ??
    lookup(own, ACTION_CATEGORIES) ??
    lookup(own, COUNTED_CATEGORIES) ??
    (quantity.unit ? null : (lookup(after, ACTION_CATEGORIES) ?? lookup(after, COUNTED_CATEGORIES))) ??
    (quantity.unit ? `unit:${stemWord(foldText(quantity.unit).replace(/(?<=.{3})ا$/u, ''))}` : null)
  );
}

/** «speaker via agency …» from the quote covering the figure's sentence, or null. */
function attributionOf(article: ClusterInput, start: number, end: number): string | null {
  const spans = sentenceSpans(article.body);
  const sentence = sentenceAround(spans, start, end);
  const quote =
    (article.quotes ?? []).find((q: QuoteMention) => q.start <= start && q.end >= end) ??
    (article.quotes ?? []).find(
      (q) => q.start < sentence.end && q.end > sentence.start && (q.via?.length || q.speaker),
    );
  if (!quote) return null;
  const chain = quote.via && quote.via.length > 0 ? [...quote.via] : quote.speaker ? [quote.speaker] : [];
  return chain.length > 0 ? chain.join(' via ') : null;
}

function toValue(located: Located): ClaimValue {
  const { article, quantity } = located;
  return {
    article: article.id,
    outlet: article.outlet,
    text: quantity.text,
    start: quantity.start,
    end: quantity.end,
    value: quantity.value,
    qualifier: quantity.qualifier,
    attribution: attributionOf(article, quantity.start, quantity.end),
  };
}

/**
 * Categories whose article-level figure is one number per happening (the toll, the troops, the attacks): each
 * article's first figure of the category is its statement of that number, compared across articles even when
 * the figures differ. Other figures are grouped only with figures they agree with (same unit), since two different
 * amounts of one unit in one story usually count different things.
 */
const MAIN_FIGURE_CATEGORIES: ReadonlySet<string> = new Set([
  'killed',
  'injured',
  'detained',
  'missing',
  'displaced',
  'troops',
  'attacks',
]);
/** Counts that grow as a happening unfolds: a later, higher figure supersedes an earlier one. */
const RUNNING_COUNTS: ReadonlySet<string> = new Set(['killed', 'injured', 'detained', 'missing', 'displaced']);
/** Revision wording near a figure («ارتفع عدد», «حصيلة جديدة», «الحصيلة النهائية»), folded. */
const REVISION_RE = /ارتفع|ارتفاع|يرتفع|حصيله جديده|الحصيله النهائيه|حصيله نهائيه|الحصيله الاخيره/u;
/** Plain-language subject of a category when the figure's own subject is only a unit word. */
const CATEGORY_SUBJECTS: Readonly<Record<string, string>> = Object.freeze({
  killed: 'عدد القتلى',
  injured: 'عدد المصابين',
  detained: 'عدد الموقوفين',
  missing: 'عدد المفقودين',
  displaced: 'عدد النازحين',
  troops: 'عدد الجنود',
  duration: 'المدة',
  attacks: 'عدد الهجمات',
  people: 'عدد الأشخاص',
  percent: 'النسبة',
  money: 'المبلغ',
});

function sentenceOf(article: ClusterInput, quantity: QuantityMention): string {
  const span = sentenceAround(sentenceSpans(article.body), quantity.start, quantity.end);
  return foldText(article.body.slice(span.start, span.end));
}

/**
 * True when the figure's sentence, or the article before it, says the count was revised: a breakdown («من بينهم 63
 * أمام مركز الشرطة») follows the lead that words the new toll («ارتفاع أعداد المصابين إلى 211»).
 */
function revisedAt(m: Located): boolean {
  if (REVISION_RE.test(sentenceOf(m.article, m.quantity))) return true;
  return REVISION_RE.test(foldText(m.article.body.slice(0, m.quantity.start)));
}

/** Wording of a count still moving or just reached («بلغ», «وصل», «حتى الآن», «حصيلة»), folded. */
const RUNNING_RE =
  /(?:^|[^\p{L}])(?:[وف]?(?:ارتفع\p{L}*|ارتفاع|يرتفع|بلغ\p{L}*|وصل\p{L}*|حصيل\p{L}*|مبدئي\p{L}*|اوليه|الاوليه)|حتي الان|حتي اللحظه)(?![\p{L}])/u;

/**
 * True when the differing figures of a running count (casualties, arrests) include two of one day, whose order the
 * pages do not give, and a sentence words its figure as a count in progress: successive statements, not a conflict.
 */
function runningSameDay(members: readonly Located[]): boolean {
  const byDay = new Map<string, Set<number | null>>();
  for (const m of members) {
    const day = (m.article.published ?? '').slice(0, 10);
    byDay.set(day, (byDay.get(day) ?? new Set()).add(m.quantity.value));
  }
  if (![...byDay.values()].some((values) => values.size > 1)) return false;
  // «قتل 16 شخصا على الأقل»: an at-least count is a toll still being counted.
  return members.some(
    (m) =>
      m.quantity.qualifier === 'at-least' ||
      m.quantity.qualifier === 'more-than' ||
      RUNNING_RE.test(sentenceOf(m.article, m.quantity)),
  );
}

/**
 * Verdict of a claim's values (members in date order): agree when all can be true at once; update when the
 * figures are running counts that rise with time or a later report says the figure was revised; else conflict.
 */
function verdictOf(members: readonly Located[]): ClaimVerdict {
  if (new Set(members.map((m) => m.article.id)).size < 2) return 'single-source';
  const quantities = members.map((m) => m.quantity);
  if (valuesAgree(quantities)) return 'agree';
  const category = members[0]!.category;
  // Within a day the order of reports is unknown: a report of the latest day that words its figure as a revision
  // («ارتفع عدد المصابين إلى …», just before the figure) supersedes the others.
  const lastDay = members.reduce((d, m) => ((m.article.published ?? '') > d ? (m.article.published ?? '') : d), '');
  if (members.some((m, i) => (i > 0 || (m.article.published ?? '') === lastDay) && revisedAt(m))) return 'update';
  if (RUNNING_COUNTS.has(category) && runningSameDay(members)) return 'update';
  if (RUNNING_COUNTS.has(category)) {
    // A running count reported again on a later day at or above every earlier figure: the newer toll.
    const days = members.map((m) => m.article.published ?? '');
    const firstLater = days.findIndex((d) => d > days[0]!);
    const values = quantities.map((q) => q.value ?? 0);
    if (firstLater > 0 && Math.min(...values.slice(firstLater)) >= Math.max(...values.slice(0, firstLater)))
      return 'update';
  }
  return 'conflict';
}

/** A subject that names what is counted: the figure's own subject unless it is only its unit word. */
function subjectOf(members: readonly Located[], category: string): string {
  for (const m of members) {
    const subject = m.quantity.subject?.trim();
    if (subject && (!m.quantity.unit || foldText(subject) !== foldText(m.quantity.unit)) && subject.includes(' '))
      return subject;
  }
  const key = category.split(':')[0]!;
  return (
    CATEGORY_SUBJECTS[key] ?? members.find((m) => m.quantity.unit)?.quantity.unit ?? category.replace(/^unit:/u, '')
  );
}

/** Days per ISO-8601 duration designator (date part; a time part is marked by `T`). */
const DURATION_DAYS: Readonly<Record<string, number>> = Object.freeze({ Y: 365, M: 30.4, W: 7, D: 1 });
const DURATION_TIME_DAYS: Readonly<Record<string, number>> = Object.freeze({ H: 1 / 24, M: 1 / 1440, S: 1 / 86400 });
const DURATION_RE = /^P(?:(\d+(?:\.\d+)?)([YMWD]))?(?:T(\d+(?:\.\d+)?)([HMS]))?$/u;
const MORE_THAN_RE = /اكثر|يزيد|تجاوز/u;

/** A resolved duration («10 أيام», «أكثر من 10 دقائق», «23 سنة») as a figure in days, or null. */
export function durationFigure(time: TimeMention): QuantityMention | null {
  if (time.precision !== 'duration' || !time.value) return null;
  const match = DURATION_RE.exec(time.value);
  if (!match || (!match[1] && !match[3])) return null;
  const days = match[1]
    ? Number(match[1]) * DURATION_DAYS[match[2]!]!
    : Number(match[3]) * DURATION_TIME_DAYS[match[4]!]!;
  const qualifier = MORE_THAN_RE.test(foldText(time.text)) ? 'more-than' : 'exact';
  return { text: time.text, start: time.start, end: time.end, value: days, unit: 'duration', qualifier, subject: null };
}

/** The counted noun of a figure, folded and stemmed («شخصاً» → «شخص»), or null. */
function unitStem(quantity: QuantityMention): string | null {
  return quantity.unit ? stemWord(foldText(quantity.unit).replace(/(?<=.{3})ا$/u, '')) : null;
}

/** Frame similarity (context.ts) at which a figure joins a claim it agrees with, whatever noun it counts. */
const ALIGN_AGREE = 0.5;
/** Frame similarity at which a differing figure of the same kind joins a claim (to be judged conflict or update). */
const ALIGN_DIFFER = 0.6;

/** Categories whose unit is part of what is measured: only the same category (and currency) may align. */
function strictCategory(category: string): boolean {
  return category === 'percent' || category === 'money' || category === 'duration';
}

/**
 * Two first figures counting the same noun in one happening are compared only when their frames overlap this much,
 * unless an action word already says what they count (killed, injured, detained, missing, displaced): «1800 جندي
 * تشادي» entering a city and «70 جنديا أوروبيا» arriving to train an army are two counts of soldiers.
 */
const SAME_NOUN_FRAME = 0.25;

/**
 * A figure cut out of a longer number the quantity layer could not read: «960.601.578 مليون», «4ر1 مليار», «الـ12
 * مليار», «45،3%», «2 مليون و679 ألف». Its value is not what the text says, so it is never compared.
 */
function isCutNumber(body: string, quantity: QuantityMention): boolean {
  const before = body.slice(Math.max(0, quantity.start - 2), quantity.start);
  const after = body.slice(quantity.end, quantity.end + 6);
  const endsInNumber = /(?:[\d٠-٩]|[أا]لفا?|مليونا?|مليارا?)$/u.test(quantity.text.trim());
  return /[\d٠-٩][.,،٫ر]?\s?$|ـ$/u.test(before) || (endsInNumber && /^\s{0,2}و\s{0,2}[\d٠-٩]/u.test(after));
}

/** Group key of a figure: its category, money by currency unit (pounds are not dollars). */
function groupKey(category: string, quantity: QuantityMention): string {
  if (category !== 'money' || !quantity.unit) return category;
  return `money:${unitStem(quantity)}`;
}

/**
 * Claims of one storyline's articles, in date order. Figures that agree are grouped across the storyline; differing
 * figures of one count (conflict, update) are compared only within one event cluster (`eventOf`: article → cluster
 * index; without it the articles are taken as one happening). `eventCluster` is set when all values share one.
 */
export function findClaims(
  storyline: number,
  articles: readonly ClusterInput[],
  eventOf?: (articleId: string) => number | undefined,
): Claim[] {
  const clusterOf = (id: string): number | undefined => eventOf?.(id);
  const ordered = [...articles].sort((a, b) =>
    (a.published ?? '') < (b.published ?? '')
      ? -1
      : (a.published ?? '') > (b.published ?? '')
        ? 1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0,
  );
  const groups = new Map<string, Located[][]>();
  /**
   * The claim of this happening whose figures sit in the same frame as this one (context.ts), best first: with an
   * agreeing value a frame match is enough (the same figure written with another noun: «5 أشخاص» / «خمسة من
   * عناصر»); a differing value needs a closer frame and the same kind of count (conflict or update).
   */
  const aligned = (located: Located, floor = 0): Located[] | undefined => {
    const { article, quantity, category } = located;
    let best: Located[] | undefined;
    let bestScore = 0;
    for (const claims of groups.values())
      for (const c of claims) {
        if (c.some((l) => l.article.id === article.id)) continue;
        if (!c.every((l) => clusterOf(l.article.id) === clusterOf(article.id))) continue;
        const other = c[0]!.category;
        if (strictCategory(other) !== strictCategory(category) && (strictCategory(other) || strictCategory(category)))
          continue;
        if (strictCategory(category) && groupKey(other, c[0]!.quantity) !== groupKey(category, quantity)) continue;
        const agrees = valuesAgree([...c.map((l) => l.quantity), quantity]);
        if (!agrees && (other !== category || located.inList || c.some((l) => l.inList) || !comparable(c, located)))
          continue;
        const score = Math.max(
          ...c.map((l) =>
            agrees || sameNeighbours(l.context, located.context) ? contextSimilarity(l.context, located.context) : 0,
          ),
        );
        if (score >= Math.max(floor, agrees ? ALIGN_AGREE : ALIGN_DIFFER) && score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
    return best;
  };
  for (const article of ordered) {
    const mainTaken = new Set<string>();
    const durations = (article.times ?? []).map(durationFigure).filter((q): q is QuantityMention => q !== null);
    const quantities = [...(article.quantities ?? []), ...durations].sort((a, b) => a.start - b.start);
    const frames = quantities.map((q) => figureContext(article.body, q));
    const spans = sentenceSpans(article.body);
    /** Categories already seen per sentence (by its start): a later figure of one breaks the total down. */
    const seenIn = new Map<number, Set<string>>();
    for (const [index, quantity] of quantities.entries()) {
      if (quantity.start < 0 || quantity.end > article.body.length || quantity.start >= quantity.end) continue;
      if (isCutNumber(article.body, quantity)) continue;
      const category = quantity.unit === 'duration' ? 'duration' : claimCategory(article.body, quantity);
      if (!category) continue;
      const context = frames[index]!;
      // «بطول 33 كيلومترا يمر بـ19 محطة، … بطول 16.5 كيلومترا يمر بـ12 محطة»: one frame repeated down a list says
      // nothing about which item a figure is, so it never pairs differing figures.
      const inList = frames.some((f, i) => i !== index && contextSimilarity(f, context) >= ALIGN_DIFFER);
      const sentence = sentenceAround(spans, quantity.start, quantity.end);
      const seen = seenIn.get(sentence.start) ?? new Set<string>();
      const scope = figureScope(article, sentence, quantity.start, seen.has(category));
      seen.add(category);
      seenIn.set(sentence.start, seen);
      const ambiguous = (quantity.readings?.length ?? 0) > 0;
      const located: Located = { article, quantity, category, context, inList, scope, ambiguous };
      if (MAIN_FIGURE_CATEGORIES.has(category) && !mainTaken.has(category)) {
        // The article's first figure of a main category is its statement of that count: one claim per category.
        mainTaken.add(category);
        // It joins the claim it agrees with, else one that counts the same noun (a differing figure for the same
        // count: conflict or update), else opens its own: «81 وفاة» and «9 حالات» are not one count.
        const key = `main:${category}`;
        const claims = groups.get(key) ?? [];
        const unit = unitStem(quantity);
        const open =
          aligned(located, ALIGN_DIFFER) ??
          claims.find((c) => valuesAgree([...c.map((l) => l.quantity), quantity])) ??
          (unit === null
            ? undefined
            : claims.find(
                (c) =>
                  unitStem(c[0]!.quantity) === unit &&
                  comparable(c, located) &&
                  c.every((l) => clusterOf(l.article.id) === clusterOf(article.id)) &&
                  (RUNNING_COUNTS.has(category) ||
                    c.some((l) => contextSimilarity(l.context, located.context) >= SAME_NOUN_FRAME)),
              )) ??
          aligned(located);
        if (open) open.push(located);
        else claims.push([located]);
        groups.set(key, claims);
        continue;
      }
      const key = groupKey(category, quantity);
      const claims = groups.get(key) ?? [];
      const fits = (c: Located[]): boolean =>
        !c.some((l) => l.article.id === article.id) && valuesAgree([...c.map((l) => l.quantity), quantity]);
      // A claim in the same frame first (the same measured thing, even when the figure moved), then one it agrees with.
      const open =
        aligned(located, ALIGN_DIFFER) ??
        claims.find((c) => fits(c) && c.some((l) => l.quantity.value === quantity.value)) ??
        claims.find(fits) ??
        aligned(located);
      if (open) open.push(located);
      else claims.push([located]);
      groups.set(key, claims);
    }
  }
  const out: Claim[] = [];
  for (const claims of groups.values()) {
    for (const members of claims) {
      if (members.length === 0) continue;
      const category = members[0]!.category;
      const clusters = new Set(members.map((m) => clusterOf(m.article.id)));
      const eventCluster = clusters.size === 1 ? [...clusters][0] : undefined;
      out.push({
        storyline,
        ...(eventCluster === undefined ? {} : { eventCluster }),
        category,
        subject: subjectOf(members, category),
        verdict: verdictOf(members),
        values: members.map(toValue),
      });
    }
  }
  return out;
}
