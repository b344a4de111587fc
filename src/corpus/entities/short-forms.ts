/**
 * Across articles, a person's short form joins the one full name it fits: an article that only says «مبارك» and
 * another that says «حسني مبارك» name one entity, listed once. The article-level linker (analyze/entities/link.ts)
 * does this inside one article; here the same rule (`isShortForm`: the short name's parts in order, the last part
 * equal) runs over the full names of a whole batch. A name that fits two different full names («عيسى» with «محمد
 * عيسى» and «أحمد عيسى») stays apart unless the batch's own in-text links settle it; full names that differ in a
 * name part never join.
 * The same rule serves a batch (`joinShortForms`, a storyline's top entities) and the stored corpus (the entity
 * list of the API, from `EntityStore.personNameForms`).
 * Pure: the same inputs in any order give the same result.
 */
import type { EntityMention } from '../../core/annotation.ts';
import { isShortForm, linkKey } from '../../analyze/entities/link.ts';
import type { ClusterInput } from '../types.ts';

interface Name {
  readonly entityId: string;
  readonly canonical: string;
  readonly tokens: readonly string[];
}

/**
 * How a person entity was written: one surface form of one entity and the number of articles that wrote it so. The
 * stored corpus gives these rows directly (`EntityStore.personNameForms`); a batch of articles gives them through
 * `personNameForms`.
 */
export interface PersonNameForm {
  readonly entityId: string;
  /** The entity's canonical name (its full name once the article-level linker saw one). */
  readonly canonical: string;
  /** A surface form of the entity's mentions, as written. */
  readonly text: string;
  /** Articles with at least one mention of the entity written this way. */
  readonly articles: number;
}

/** A short form's full name. */
export interface ShortFormTarget {
  readonly entityId: string;
  readonly canonical: string;
}

/** A short form joins the full name that the articles linking it in-text favour this much… */
const DOMINANT_SHARE = 0.8;
/** …in at least this many articles. */
const MIN_EVIDENCE_ARTICLES = 3;

/** The person name forms of a batch of articles (each article counted once per entity and written form). */
export function personNameForms(inputs: readonly ClusterInput[]): PersonNameForm[] {
  const forms = new Map<string, { entityId: string; canonical: string; text: string; articles: number }>();
  for (const input of inputs) {
    const seen = new Set<string>();
    for (const entity of input.entities ?? []) {
      if (entity.type !== 'PERS') continue;
      const key = `${entity.entityId}\u0000${linkKey(entity.text)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const form = forms.get(key);
      if (form) form.articles++;
      else forms.set(key, { entityId: entity.entityId, canonical: entity.canonical, text: entity.text, articles: 1 });
    }
  }
  return [...forms.values()];
}

/** entityId → the entity it joins, for the people of a batch whose short form fits a full name (see `shortFormAliases`). */
export function shortFormTargets(inputs: readonly ClusterInput[]): Map<string, ShortFormTarget> {
  return shortFormAliases(personNameForms(inputs));
}

/**
 * entityId → the entity it joins (id and canonical name), for the people whose short form fits a full name. The
 * articles decide which: inside one article the linker has already joined «مبارك» to the full name written there,
 * so the full name that takes at least 80% of those in-article links, in ≥ 3 articles, is what the bare short form
 * means («مبارك» → «حسني مبارك» even with «جمال مبارك» about). Without such evidence, or when it is split, the short
 * form stays apart: a full name seen once (often a tagging slip, «سر أحمد فهمى») is not enough to rename every
 * «أحمد فهمى». Pure and independent of the order of `forms`.
 */
export function shortFormAliases(forms: readonly PersonNameForm[]): Map<string, ShortFormTarget> {
  const people = new Map<string, Name>();
  for (const form of forms)
    if (!people.has(form.entityId))
      people.set(form.entityId, {
        entityId: form.entityId,
        canonical: form.canonical,
        tokens: linkKey(form.canonical).split(' '),
      });
  const names = [...people.values()].sort((a, b) => (a.entityId < b.entityId ? -1 : 1));
  // Names that may extend a name end with the same part: index them by their last part.
  const byLast = new Map<string, Name[]>();
  for (const name of names) {
    const last = name.tokens[name.tokens.length - 1]!;
    byLast.set(last, [...(byLast.get(last) ?? []), name]);
  }
  const extensionsOf = (tokens: readonly string[]): Name[] =>
    (byLast.get(tokens[tokens.length - 1]!) ?? []).filter((other) => isShortForm(tokens, other.tokens));
  /** The longest full names a name fits: no other name extends them. */
  const fullNamesOf = (tokens: readonly string[]): Name[] =>
    extensionsOf(tokens).filter((full) => extensionsOf(full.tokens).length === 0);
  const evidence = inTextLinks(forms, people, fullNamesOf);
  const targets = new Map<string, ShortFormTarget>();
  for (const name of names) {
    const fits = fullNamesOf(name.tokens);
    const votes = evidence.get(name.tokens.join(' '));
    const total = votes ? [...votes.values()].reduce((a, b) => a + b, 0) : 0;
    const best = votes ? [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] : undefined;
    if (!best || best[1] < MIN_EVIDENCE_ARTICLES || best[1] < DOMINANT_SHARE * total) continue;
    const full = fits.find((f) => f.entityId === best[0]);
    if (full) targets.set(name.entityId, { entityId: full.entityId, canonical: full.canonical });
  }
  return targets;
}

/**
 * Short-form key → (longest full name's entityId → articles): mentions written as the short form («مبارك») that the
 * article-level linker joined to a full name written in the same article.
 */
function inTextLinks(
  forms: readonly PersonNameForm[],
  people: ReadonlyMap<string, Name>,
  fullNamesOf: (tokens: readonly string[]) => Name[],
): Map<string, Map<string, number>> {
  const evidence = new Map<string, Map<string, number>>();
  for (const form of forms) {
    const short = linkKey(form.text).split(' ');
    const full = people.get(form.entityId);
    if (!full || !isShortForm(short, full.tokens)) continue;
    // Credit the longest full name the linked one belongs to (itself when nothing extends it).
    const longest = fullNamesOf(full.tokens);
    const target = longest.length === 0 ? full : longest.length === 1 ? longest[0]! : null;
    if (!target) continue;
    const key = short.join(' ');
    const votes = evidence.get(key) ?? new Map<string, number>();
    votes.set(target.entityId, (votes.get(target.entityId) ?? 0) + form.articles);
    evidence.set(key, votes);
  }
  return evidence;
}

/** The inputs with each short-form person mention carrying its one full name's id and canonical name. */
export function joinShortForms(inputs: readonly ClusterInput[]): ClusterInput[] {
  const targets = shortFormTargets(inputs);
  if (targets.size === 0) return [...inputs];
  const join = (entity: EntityMention): EntityMention => {
    const target = targets.get(entity.entityId);
    return target ? { ...entity, entityId: target.entityId, canonical: target.canonical } : entity;
  };
  return inputs.map((input) =>
    input.entities?.some((e) => targets.has(e.entityId)) ? { ...input, entities: input.entities.map(join) } : input,
  );
}
