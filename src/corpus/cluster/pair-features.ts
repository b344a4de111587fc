/**
 * What an editor compares when deciding whether two reports tell the same happening (issue 15): the words of the
 * headlines and leads, the named entities (linked ids), the figures, the day the happening took place, the
 * speakers quoted, the dates of publication and the outlet. `pairSignals` turns two articles' evidence into a
 * fixed-length signal vector; `pairProbability` weighs it with the logistic model in pair-model.ts.
 * Pure, symmetric in its two arguments and independent of any other article.
 */
import type { ClusterInput } from '../types.ts';
import { clusterTerms, foldText } from '../text/terms.ts';
import { normalizeTop, termIdf, type SparseVector } from './vectors.ts';
import { dayNumber } from './dates.ts';
import { PAIR_MODEL, type PairModel } from './pair-model.ts';

export type { PairModel } from './pair-model.ts';

/** Body terms that make up the lead (the first sentences carry the happening). */
const LEAD_TERMS = 45;
/** Body characters read for the lead (enough for LEAD_TERMS terms). */
const LEAD_CHARS = 1200;
/** Entity ids kept per article (first mentions first: the lead's actors). */
const MAX_ENTITIES = 40;
/** Figures kept per article. */
const MAX_FIGURES = 30;
/** Body characters in which a resolved day is read as the happening's day. */
const EVENT_DAY_CHARS = 400;
/** Years and year-like numbers are dates, not figures. */
const YEAR_MIN = 1900;
const YEAR_MAX = 2100;

/** An article's event evidence (stored with its clustering features). */
export interface EventEvidence {
  /** Unit TF-IDF vector of the headline plus the lead. */
  readonly lead: SparseVector;
  /** Distinct linked entity ids, sorted. */
  readonly entities: readonly string[];
  /** Distinct figures (quantity values that are not years), as strings, sorted. */
  readonly figures: readonly string[];
  /** Day number of the first day-precision date resolved in the lead, or null. */
  readonly eventDay: number | null;
  /** Distinct quoted speakers (entity id, else folded name), sorted. */
  readonly speakers: readonly string[];
}

/** Reads an article's event evidence from its text and annotation layers. */
export function eventEvidence(
  input: Pick<ClusterInput, 'headline' | 'body' | 'entities' | 'quantities' | 'times' | 'quotes'>,
): EventEvidence {
  const counts = new Map<string, number>();
  for (const term of clusterTerms(input.headline ?? '')) counts.set(term, (counts.get(term) ?? 0) + 2);
  for (const term of clusterTerms(input.body.slice(0, LEAD_CHARS)).slice(0, LEAD_TERMS))
    counts.set(term, (counts.get(term) ?? 0) + 1);
  const lead = normalizeTop(
    [...counts].filter(([t]) => !/^\d{1,2}$/u.test(t)).map(([t, n]) => [t, (1 + Math.log(n)) * termIdf(t)]),
    60,
  );
  const entities: string[] = [];
  for (const e of input.entities ?? [])
    if (e.entityId && !entities.includes(e.entityId) && entities.length < MAX_ENTITIES) entities.push(e.entityId);
  const figures = new Set<string>();
  for (const q of input.quantities ?? []) {
    if (q.value === null || !Number.isFinite(q.value) || q.value < 2) continue;
    if (Number.isInteger(q.value) && q.value >= YEAR_MIN && q.value <= YEAR_MAX) continue;
    if (figures.size < MAX_FIGURES) figures.add(String(q.value));
  }
  let eventDay: number | null = null;
  for (const t of input.times ?? []) {
    if (t.start >= EVENT_DAY_CHARS || t.precision !== 'day') continue;
    const day = dayNumber(t.value);
    if (day !== null) {
      eventDay = day;
      break;
    }
  }
  const speakers = new Set<string>();
  for (const q of input.quotes ?? []) {
    const key = q.speakerEntityId ?? (q.speaker ? foldText(q.speaker).trim() : '');
    if (key) speakers.add(key);
  }
  return { lead, entities: entities.sort(), figures: [...figures].sort(), eventDay, speakers: [...speakers].sort() };
}

/** The side of a pair the signals read: clustering features plus event evidence. */
export interface PairSide {
  readonly outlet: string | null;
  readonly day: number | null;
  readonly vector: SparseVector;
  readonly headlineVector: SparseVector;
  readonly evidence: EventEvidence;
}

/** A vector's terms in code-unit order with their weights (cached per vector: pairs are scored many times). */
const BY_TERM = new WeakMap<SparseVector, { terms: string[]; weights: number[] }>();

function byTerm(v: SparseVector): { terms: string[]; weights: number[] } {
  let sorted = BY_TERM.get(v);
  if (!sorted) {
    const order = v.terms
      .map((_, i) => i)
      .sort((a, b) => (v.terms[a]! < v.terms[b]! ? -1 : v.terms[a]! > v.terms[b]! ? 1 : 0));
    sorted = { terms: order.map((i) => v.terms[i]!), weights: order.map((i) => v.weights[i]!) };
    BY_TERM.set(v, sorted);
  }
  return sorted;
}

/** Cosine of two unit sparse vectors by a merge over their term-ordered forms. */
function cosine(x: SparseVector, y: SparseVector): number {
  const a = byTerm(x);
  const b = byTerm(y);
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.terms.length && j < b.terms.length) {
    if (a.terms[i] === b.terms[j]) dot += a.weights[i++]! * b.weights[j++]!;
    else if (a.terms[i]! < b.terms[j]!) i++;
    else j++;
  }
  return dot;
}

function sharedCount(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

/** Names of the signals, in vector order (the model's weights follow this order). */
export const PAIR_SIGNALS = [
  'body',
  'headline',
  'lead',
  'crossLead',
  'body2',
  'lead2',
  'entityJaccard',
  'sharedEntities',
  'sharedFigures',
  'figureMismatch',
  'dayGap',
  'sameOutlet',
  'sameEventDay',
  'otherEventDay',
  'sharedSpeakers',
] as const;

/** Signal vector of a pair (see PAIR_SIGNALS). */
export function pairSignals(a: PairSide, b: PairSide): number[] {
  const body = cosine(a.vector, b.vector);
  const headline = cosine(a.headlineVector, b.headlineVector);
  const lead = cosine(a.evidence.lead, b.evidence.lead);
  const crossLead = Math.max(cosine(a.headlineVector, b.evidence.lead), cosine(b.headlineVector, a.evidence.lead));
  const ea = a.evidence.entities;
  const eb = b.evidence.entities;
  const sharedEntities = sharedCount(ea, eb);
  const union = ea.length + eb.length - sharedEntities;
  const sharedFigures = sharedCount(a.evidence.figures, b.evidence.figures);
  const bothFigures = a.evidence.figures.length > 0 && b.evidence.figures.length > 0;
  const dayGap = a.day === null || b.day === null ? 1 : Math.min(3, Math.abs(a.day - b.day));
  const da = a.evidence.eventDay;
  const db = b.evidence.eventDay;
  return [
    body,
    headline,
    lead,
    crossLead,
    body * body,
    lead * lead,
    union === 0 ? 0 : sharedEntities / union,
    Math.log1p(sharedEntities),
    Math.log1p(sharedFigures),
    bothFigures && sharedFigures === 0 ? 1 : 0,
    dayGap,
    a.outlet !== null && a.outlet === b.outlet ? 1 : 0,
    da !== null && da === db ? 1 : 0,
    da !== null && db !== null && da !== db ? 1 : 0,
    Math.log1p(sharedCount(a.evidence.speakers, b.evidence.speakers)),
  ];
}

/** Logistic model over pair signals. */
/** Probability that two articles report the same happening. */
export function pairProbability(a: PairSide, b: PairSide, model: PairModel = PAIR_MODEL): number {
  const x = pairSignals(a, b);
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += (model.weights[i] ?? 0) * x[i]!;
  return 1 / (1 + Math.exp(-z));
}
