/**
 * Across articles, a person's short form joins the one full name it fits: an article that only says «مبارك» and
 * another that says «حسني مبارك» name one entity, listed once. The article-level linker (analyze/entities/link.ts)
 * does this inside one article; here the same rule (`isShortForm`: the short name's parts in order, the last part
 * equal) runs over the full names of a whole batch. A name that fits two different full names («محمد» or «عيسى»
 * with «محمد عيسى» and «محمد مرسي») is ambiguous and stays apart; so do full names that differ in a name part.
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

/** entityId → the entity it joins (id and canonical name), for the people of a batch whose short form fits one full name. */
export function shortFormTargets(inputs: readonly ClusterInput[]): Map<string, { entityId: string; canonical: string }> {
  const people = new Map<string, Name>();
  for (const input of inputs)
    for (const entity of input.entities ?? [])
      if (entity.type === 'PERS' && !people.has(entity.entityId))
        people.set(entity.entityId, {
          entityId: entity.entityId,
          canonical: entity.canonical,
          tokens: linkKey(entity.canonical).split(' '),
        });
  const names = [...people.values()].sort((a, b) => (a.entityId < b.entityId ? -1 : 1));
  // Names that may extend a name end with the same part: index them by their last part.
  const byLast = new Map<string, Name[]>();
  for (const name of names) {
    const last = name.tokens[name.tokens.length - 1]!;
    byLast.set(last, [...(byLast.get(last) ?? []), name]);
  }
  const extensions = (name: Name): Name[] =>
    (byLast.get(name.tokens[name.tokens.length - 1]!) ?? []).filter(
      (other) => other !== name && isShortForm(name.tokens, other.tokens),
    );
  const targets = new Map<string, { entityId: string; canonical: string }>();
  for (const name of names) {
    // The longest full names it fits (no other name extends them): joined when there is exactly one.
    const fits = extensions(name).filter((full) => extensions(full).length === 0);
    if (fits.length !== 1) continue;
    const full = fits[0]!;
    targets.set(name.entityId, { entityId: full.entityId, canonical: full.canonical });
  }
  return targets;
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

