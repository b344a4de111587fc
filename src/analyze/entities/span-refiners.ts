/**
 * Span refiners after tagging (and after the gazetteer back-off): small, linear-time rules that fix span
 * boundaries the first-order tagger gets wrong on news text — a name cut short («أبو حسن» of «أبو حسن الكربلائي»),
 * a militia unit head left out («سرايا» of «سرايا النصر الموعود»), a place cut to its first word («تل» of «تل أبيض»),
 * a first name before the tagged name, a transliterated name after a title phrase, a one-word place that is also
 * a common word after a place cue. Pure; BIO tags in, BIO tags out. Each rule was kept only if it did not
 * lower dev micro F1 (docs/ner.md, `scripts/ner-dev-check.ts`).
 */
import { chunksOf, type Chunk } from './bio.ts';
import type { Gazetteer } from './gazetteer.ts';
import { curatedMatches, curatedTypeOf } from './gazetteer-backoff.ts';
import { normalizeToken, type TokenForms } from './token-forms.ts';

export interface RefineContext {
  /** The tokens as written. */
  readonly tokens: readonly string[];
  /** Forms of each token (core: clitics off, article kept). */
  readonly forms: readonly TokenForms[];
  /** Cue classes of each token (TITLE, ORGHEAD, LOCHEAD, PVERB). */
  readonly cues: readonly (readonly string[])[];
  /** Gazetteer labels of each token (gazetteerLabels). */
  readonly labels: readonly (readonly string[])[];
  /** Core form → frequency rank in the unlabelled corpus (0 = most frequent). */
  readonly rank: ReadonlyMap<string, number>;
  /** The gazetteer (curated and harvested names): is a tagged span a whole name on its own? */
  readonly gazetteer: Gazetteer;
  /**
   * The tagger's emission scores (tokens × tags), its tag names and its score unit (the model's mean |score|,
   * `scoreUnit` in tagger.ts), when the caller has them. Thresholds are in units, so they survive retraining.
   */
  readonly emission?: { readonly scores: Float32Array; readonly tags: readonly string[]; readonly unit: number };
}

export type RefinerName =
  | 'gazetteerGrow'
  | 'unitHead'
  | 'kunya'
  | 'emissionExtend'
  | 'titleName'
  | 'placeCue'
  | 'quotedTitle';
type Refiner = (tags: string[], ctx: RefineContext) => void;

/** Words this frequent (rank below) are function words or everyday vocabulary, never grown into a name. */
const FREQUENT_RANK = 300;
/** The corpus's ≈ 50 most frequent words are function words («الذي» 14, «التي» 8, «اليوم» 28; «الدفاع» is 191). */
const FUNCTION_RANK = 50;
/** A word ranked past this (or absent from the cluster vocabulary) is rare: a candidate transliterated name. */
const RARE_RANK = 20_000;
/** Title phrase: at most this many words between a title cue and the name («المبعوثة البريطانية لدى ليبيا …»). */
const MAX_TITLE_PHRASE = 5;
/** placeCue: a listed place this frequent in the corpus is mostly a common word («العديد», many: rank 329; «الطائف»: 904). */
const COMMON_PLACE_RANK = 500;
/** How far the tagger's I-PERS emission must exceed its O emission for emissionExtend. */
const EMISSION_MARGIN = 0;
/**
 * titleName: the first name word's B-PERS emission may fall at most this far below its O emission, in score units
 * (a model's mean |score| on its training sentences). With the first model (unit 30.65) news names after titles
 * scored −16…−72 (−0.5…−2.35 units), the verbs and nouns that otherwise slip in («اجتماعا», «انفتح», «مهلة»)
 * −81…−119 (−2.6…−3.9 units). A word joining a tagged name is held to the joined reading's whole score instead
 * (its B-PERS margin plus the name's I-PERS over B-PERS gain): the WikiFANE-trained model scores ambiguous first
 * names that are also adjectives about −3 units as B-PERS, but +1.3 for the middle name after them. On 1,500
 * SaudiNewsNet articles the join rule then changes 9 spans (5 right, e.g. «يوفال شتاينتز»; 4 wrong, e.g. «بدأ سواريز»), against
 * 7 (3 right) with the first word's margin alone.
 */
const MIN_FIRST_MARGIN = -2.45;
/** Score unit of models trained before the unit was recorded in the model file (the first model's). */
export const REFERENCE_SCORE_UNIT = 30.65;

const norms = (words: readonly string[]): ReadonlySet<string> => new Set(words.map(normalizeToken));
/**
 * Heads that make a new organisation out of the one they precede («فيلق بدر» is not «بدر»). Generic
 * heads («حركة حماس», «تنظيم القاعدة») are left out: ANERcorp tags the name without them (18 of 23 «حركة» + ORG).
 */
const UNIT_HEADS = norms(['كتائب', 'سرايا', 'ألوية', 'عصائب', 'فيلق', 'فيالق', 'جحافل']);
/** Kunya words: «أبو/أم X» is followed by a laqab or nisba («أبو مصعب الزرقاوي»). */
const KUNYA = norms(['أبو', 'أبي', 'أبا', 'أم']);
/** Words linking a title to its complement place/organisation («السفير لدى العراق», «المتحدث باسم الجيش»). */
const TITLE_BRIDGES = norms(['لدى', 'في', 'باسم', 'عن', 'من']);
/** Prepositions that put a place after them («في حديثة»). */
const LOCATIVES = norms(['في', 'إلى', 'من', 'قرب', 'نحو', 'داخل', 'بين']);

const ARABIC_WORD = /^[\u0621-\u064a]+$/u;

function isWord(f: TokenForms): boolean {
  return ARABIC_WORD.test(f.norm);
}
/** Starts with a hamza-seated alef after its clitics («أليس», «وأحمد»): the normalised «ال» is not the article. */
const HAMZA_START = /^[وفبلك]{0,2}[أإآ]/u;
/** Whether token `k` carries the article («الدفاع», «والعراق»), read on the written token. */
function isDefinite(ctx: RefineContext, k: number): boolean {
  const f = ctx.forms[k]!;
  return f.core.startsWith('ال') && f.core.length > 3 && !HAMZA_START.test(ctx.tokens[k]!);
}
/** No proclitic and no article: how a given name or a transliterated name is written. */
function isBare(ctx: RefineContext, k: number): boolean {
  const f = ctx.forms[k]!;
  return (
    !isDefinite(ctx, k) && (f.core === f.norm || HAMZA_START.test(ctx.tokens[k]!)) && f.norm.length === f.core.length
  );
}
function isFrequent(f: TokenForms, rank: ReadonlyMap<string, number>): boolean {
  return (rank.get(f.core) ?? Number.MAX_SAFE_INTEGER) < FREQUENT_RANK;
}
function isRare(f: TokenForms, rank: ReadonlyMap<string, number>): boolean {
  return (rank.get(f.core) ?? Number.MAX_SAFE_INTEGER) >= RARE_RANK;
}

function label(tags: string[], start: number, end: number, type: string): void {
  for (let k = start; k < end; k++) tags[k] = `${k === start ? 'B' : 'I'}-${type}`;
  if (tags[end]?.startsWith('I-')) tags[end] = `B-${tags[end]!.slice(2)}`;
}

/** Chunk starting at each token (index → chunk), for O(1) lookups. */
function chunkStarts(tags: readonly string[]): Map<number, Chunk> {
  return new Map(chunksOf(tags).map((c) => [c.start, c]));
}

/**
 * A tagged name strictly inside a curated multi-word gazetteer entry of the same type, the rest of the entry
 * untagged, grows to the whole entry («تل» → «تل أبيض»), unless the tagged part is a name on its own: ANERcorp
 * tags «مكة» in «مكة المكرمة», «حماس» in «حركة حماس», «فرانس برس» in «وكالة فرانس برس» (growing those cost 2.5 dev
 * F1). Curated lists only: the harvested WikiFANE/AQMAR/ANETAC names are too noisy to grow to.
 */
/** Whether tokens [start, end) are a whole gazetteer name on their own (any list, harvested names included). */
function isWholeName(ctx: RefineContext, start: number, end: number): boolean {
  let node = ctx.gazetteer.phrases.next.get(ctx.forms[start]!.core);
  for (let k = start + 1; node && k < end; k++) node = node.next.get(ctx.forms[k]!.core);
  return node !== undefined && node.classes.length > 0;
}

const gazetteerGrow: Refiner = (tags, ctx) => {
  const { labels } = ctx;
  // Cheap exit (most sentences): no curated match of two or more tokens.
  let multiWord = false;
  for (let k = 1; k < labels.length && !multiWord; k++)
    multiWord = labels[k]!.length > 0 && curatedTypeOf(labels[k]!, 'I') !== null;
  if (!multiWord) return;
  const chunkAt: (Chunk | undefined)[] = new Array(tags.length);
  for (const chunk of chunksOf(tags)) for (let k = chunk.start; k < chunk.end; k++) chunkAt[k] = chunk;
  for (const { start: i, end, type } of curatedMatches(labels)) {
    const chunks = new Set(chunkAt.slice(i, end).filter((c): c is Chunk => c !== undefined));
    const [chunk] = chunks;
    if (
      end - i >= 2 &&
      chunks.size === 1 &&
      chunk!.type === type &&
      chunk!.start >= i &&
      chunk!.end <= end &&
      chunk!.end - chunk!.start < end - i &&
      !isWholeName(ctx, chunk!.start, chunk!.end)
    ) {
      label(tags, i, end, type);
    }
  }
};

/** «كتائب/سرايا/ألوية …» right before a tagged name: the head belongs to the organisation's name. */
const unitHead: Refiner = (tags, { forms }) => {
  if (!forms.some((f) => UNIT_HEADS.has(f.core))) return;
  const starts = chunkStarts(tags);
  for (let k = 0; k + 1 < tags.length; k++) {
    if (tags[k] !== 'O' || !UNIT_HEADS.has(forms[k]!.core)) continue;
    const next = starts.get(k + 1);
    // Not before MISC: «ترفع ألوية الإسلام» (banners of Islam).
    if (next && next.type !== 'MISC') label(tags, k, next.end, 'ORG');
  }
};

/**
 * A person's name that is a kunya pair («أبو حسن») takes the definite word after it, the laqab or nisba
 * («الكربلائي», «المهاجر») when the tagger scored it I-PERS above O, unless it is a function word. Only the bare pair: after
 * a given name, «أبو X» is a family name («أحمد أبو X المدير»).
 */
const kunya: Refiner = (tags, ctx) => {
  const { forms, rank, cues } = ctx;
  if (!forms.some((f) => KUNYA.has(f.core))) return;
  for (const chunk of chunksOf(tags)) {
    const { start, end } = chunk;
    if (
      chunk.type !== 'PERS' ||
      end - start !== 2 ||
      end >= tags.length ||
      tags[end] !== 'O' ||
      !KUNYA.has(forms[start]!.core)
    )
      continue;
    const next = forms[end]!;
    if (!isWord(next) || !isDefinite(ctx, end) || next.core !== next.norm || isFrequent(next, rank)) continue;
    // «أبو سالم المهندس» but not «أبو علي المدير التنفيذي»: a title word is a laqab only when no modifier follows.
    if (cues[end]!.length > 0 && end + 1 < tags.length && isDefinite(ctx, end + 1)) continue;
    // The tagger must itself score the word as inside a name: laqabs scored +5…+164 over O on news, the common
    // nouns after a kunya («أبو X الإطار», «… السبت», «… النقيب محمد») −30…−68.
    if (ctx.emission && margin(ctx, end, 'I-PERS') <= 0) continue;
    tags[end] = 'I-PERS';
  }
};

/**
 * A person's name followed by an untagged nisba (a definite word ending in «ي», not a cue word) that the tagger
 * itself scored as inside a person's name (I-PERS above O) takes that word: the transition weights alone cut it off
 * («كريم حسن» + «الموصلي»). Any word shape: −1.3 dev F1 («عبد الكريم الخطابي الاب»).
 */
const emissionExtend: Refiner = (tags, ctx) => {
  const { tokens, forms, cues, rank, emission } = ctx;
  if (!emission || !tags.some((t) => t.endsWith('-PERS'))) return;
  const size = emission.tags.length;
  const inside = emission.tags.indexOf('I-PERS');
  const outside = emission.tags.indexOf('O');
  for (const chunk of chunksOf(tags)) {
    const k = chunk.end;
    if (chunk.type !== 'PERS' || k >= tags.length || tags[k] !== 'O') continue;
    const f = forms[k]!;
    if (
      !isWord(f) ||
      isFrequent(f, rank) ||
      f.core !== f.norm ||
      !isDefinite(ctx, k) ||
      !tokens[k]!.endsWith('ي') ||
      cues[k]!.length > 0
    )
      continue;
    if (emission.scores[k * size + inside]! > emission.scores[k * size + outside]! + EMISSION_MARGIN)
      tags[k] = 'I-PERS';
  }
};

/** End of the title phrase opened by a title cue at `c`: the first token that may be a name, or -1. */
function titlePhraseEnd(tags: readonly string[], ctx: RefineContext, c: number, starts: Map<number, Chunk>): number {
  let k = c + 1;
  for (let steps = 0; steps < MAX_TITLE_PHRASE && k < tags.length; steps++) {
    const f = ctx.forms[k]!;
    const chunk = starts.get(k);
    if (chunk && chunk.type !== 'PERS') {
      k = chunk.end;
      continue;
    }
    // Another title starts its own phrase; a tagged person or anything else ends this one.
    if (tags[k] !== 'O' || ctx.cues[k]!.includes('TITLE')) return -1;
    // Modifiers: definite words without a conjunction or preposition («الدفاع», «الأمريكية»), not «الذي».
    if (isDefinite(ctx, k) && f.core === f.norm && (ctx.rank.get(f.core) ?? Number.MAX_SAFE_INTEGER) >= FUNCTION_RANK) {
      k++;
      continue;
    }
    const next = starts.get(k + 1);
    if (TITLE_BRIDGES.has(f.core) && next && next.type !== 'PERS') {
      k = next.end;
      continue;
    }
    return k;
  }
  return -1;
}

/** The tagger's emission margin of `tag` over O at token k, in score units (0 without scores). */
function margin(ctx: RefineContext, k: number, tag: string): number {
  return gain(ctx, k, tag, 'O');
}

/** How much higher the tagger scores token k as `tag` than as `other`, in score units (0 without scores). */
function gain(ctx: RefineContext, k: number, tag: string, other: string): number {
  if (!ctx.emission) return 0;
  const size = ctx.emission.tags.length;
  const raw =
    ctx.emission.scores[k * size + ctx.emission.tags.indexOf(tag)]! -
    ctx.emission.scores[k * size + ctx.emission.tags.indexOf(other)]!;
  return raw / ctx.emission.unit;
}

/**
 * After a title phrase («وزير الداخلية», «المبعوثة البريطانية لدى ليبيا»), an untagged bare word right before the
 * tagged person joins the name («… راضي [سعد الحمداني]»); and two untagged bare words there, the last rare or
 * unseen in the corpus (a transliterated name) and together scored by the tagger as not far from a person's name,
 * are a person («… كارولين بارتوسكي»).
 */
const titleName: Refiner = (tags, ctx) => {
  const { forms, cues, rank } = ctx;
  if (!cues.some((c) => c.includes('TITLE'))) return;
  let starts = chunkStarts(tags);
  for (let c = 0; c < tags.length; c++) {
    if (!cues[c]!.includes('TITLE') || tags[c] !== 'O') continue;
    const p = titlePhraseEnd(tags, ctx, c, starts);
    if (p <= c + 1 || p + 1 >= tags.length) continue;
    const candidate = (k: number): boolean =>
      tags[k] === 'O' && isWord(forms[k]!) && isBare(ctx, k) && !isFrequent(forms[k]!, rank) && cues[k]!.length === 0;
    if (!candidate(p)) continue;
    const first = margin(ctx, p, 'B-PERS');
    const after = starts.get(p + 1);
    if (after?.type === 'PERS') {
      // Joining «X [name]»: how far the tagger's scores put the joined reading below its own, i.e. the first word's
      // B-PERS margin plus what the name's first word gains as I-PERS instead of B-PERS (a middle name gains).
      if (first + gain(ctx, p + 1, 'I-PERS', 'B-PERS') >= MIN_FIRST_MARGIN) {
        label(tags, p, after.end, 'PERS');
        starts = chunkStarts(tags);
      }
      continue;
    }
    if (first < MIN_FIRST_MARGIN) continue;
    // The pair as a whole must look like a name: the two margins together stay within the first word's bound.
    const pair = margin(ctx, p, 'B-PERS') + margin(ctx, p + 1, 'I-PERS');
    if (
      candidate(p + 1) &&
      isRare(forms[p + 1]!, rank) &&
      pair >= MIN_FIRST_MARGIN &&
      !(p + 2 < tags.length && candidate(p + 2))
    ) {
      label(tags, p, p + 2, 'PERS');
      starts = chunkStarts(tags);
    }
  }
};

/**
 * A one-word curated place that is also a common word («حديثة», «القائم»), untagged, is a place after a place cue
 * («قضاء/مدينة/معبر حديثة») or after a locative preposition when a place cue follows («في حديثة قرب الحدود»).
 */
const placeCue: Refiner = (tags, { forms, cues, labels, rank }) => {
  for (let k = 1; k < tags.length; k++) {
    if (
      tags[k] !== 'O' ||
      labels[k]!.length === 0 ||
      curatedTypeOf(labels[k]!, 'B') !== 'LOC' ||
      (k + 1 < tags.length && curatedTypeOf(labels[k + 1]!, 'I') === 'LOC')
    )
      continue;
    // «بالعديد» (with many) is not «العديد» (the air base): the place itself carries no proclitic.
    if (forms[k]!.core !== forms[k]!.norm) continue;
    // «في العديد من» (many), «في مسقط رأسه» (birthplace): common words and the idiom are not places.
    if (
      (rank.get(forms[k]!.core) ?? Number.MAX_SAFE_INTEGER) < COMMON_PLACE_RANK ||
      forms[k + 1]?.core.startsWith('راس')
    )
      continue;
    const afterCue = cues[k - 1]!.includes('LOCHEAD') && tags[k - 1] === 'O';
    const nearPlace = (j: number): boolean =>
      j < tags.length &&
      (cues[j]!.includes('LOCHEAD') || tags[j] === 'B-LOC' || (tags[j] === 'I-LOC' && tags[j - 1] === 'O'));
    const afterLocative = LOCATIVES.has(forms[k - 1]!.core) && (nearPlace(k + 1) || nearPlace(k + 2));
    if (afterCue || afterLocative) label(tags, k, k + 1, 'LOC');
  }
};

/**
 * Words that name a work right before its quoted title («برنامج « حوار من القلب »», «بعنوان " مبدأ حواء "»).
 * In ANERcorp train the quoted span after them is MISC in 27 of 33 cases (رواية 6/6, برنامج 6/6, فيلم 6/7, عنوان 9/14);
 * «مسلسل» (1/7) and «كتاب» (1/3) are left out, as are newspapers (ORG or nothing: «صحيفة» 0/19).
 */
const WORK_CUES = norms([
  'عنوان',
  'برنامج',
  'برنامجه',
  'برنامجها',
  'فيلم',
  'فيلمه',
  'فيلمها',
  'رواية',
  'روايته',
  'روايتها',
  'ديوان',
  'ديوانه',
  'مسرحية',
  'أغنية',
  'ألبوم',
  'قصيدة',
]);
const OPENING_QUOTES: ReadonlySet<string> = new Set(['«', '"', '“', "''", '``']);
const CLOSING_QUOTES: ReadonlySet<string> = new Set(['»', '"', '”', "''"]);
/** Longest quoted title taken (tokens); longer quoted runs are quotations, not titles. */
const MAX_TITLE_TOKENS = 6;

/** A work cue, with or without a proclitic the clitic splitter left on («بعنوان», «لروايته», «وبرنامج»). */
function isWorkCue(f: TokenForms): boolean {
  if (WORK_CUES.has(f.stem) || WORK_CUES.has(f.core)) return true;
  for (let k = 1; k <= 2 && 'وفبل'.includes(f.norm[k - 1]!); k++) if (WORK_CUES.has(f.norm.slice(k))) return true;
  return false;
}

/** A quoted span of 1–6 untagged tokens right after a work cue («برنامج», «بعنوان», «رواية») is a title: MISC. */
const quotedTitle: Refiner = (tags, { tokens, forms }) => {
  for (let c = 0; c + 3 < tags.length; c++) {
    if (!isWorkCue(forms[c]!)) continue;
    if (!OPENING_QUOTES.has(tokens[c + 1]!)) continue;
    let end = c + 2;
    while (end < tokens.length && !CLOSING_QUOTES.has(tokens[end]!) && end - (c + 2) < MAX_TITLE_TOKENS) end++;
    if (end === c + 2 || end >= tokens.length || !CLOSING_QUOTES.has(tokens[end]!)) continue;
    if (tags.slice(c + 2, end).some((t) => t !== 'O')) continue;
    label(tags, c + 2, end, 'MISC');
  }
};

export const REFINERS: readonly [RefinerName, Refiner][] = [
  ['gazetteerGrow', gazetteerGrow],
  ['unitHead', unitHead],
  ['kunya', kunya],
  ['emissionExtend', emissionExtend],
  ['titleName', titleName],
  ['placeCue', placeCue],
  ['quotedTitle', quotedTitle],
];

/** Tags with the span refiners applied (all by default; `only` picks some, for ablations). Linear in the sentence length. */
export function refineSpans(tags: readonly string[], ctx: RefineContext, only?: ReadonlySet<RefinerName>): string[] {
  const out = [...tags];
  for (const [name, refine] of REFINERS) if (!only || only.has(name)) refine(out, ctx);
  return out;
}
