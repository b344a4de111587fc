/**
 * The stored corpus's entity aliases: person short forms joined to the one full name they fit («مبارك» → «حسني
 * مبارك»), by the same rule a storyline's top entities use (corpus/entities/short-forms.ts), over every stored
 * person's written forms. The entity list and entity pages read them; they are derived on demand and kept while
 * the stored entities are unchanged (the store's data generation), or for a short while on stores that cannot tell
 * (PostgreSQL).
 */
import { shortFormAliases } from '../corpus/entities/short-forms.ts';
import type { EntityAlias } from '../store/entity-types.ts';
import type { Store } from '../store/store.ts';

export interface EntityAliases {
  /** Every alias (short form → full name), sorted by alias id. */
  readonly list: readonly EntityAlias[];
  /** The entity an alias is listed under; undefined for an entity listed as itself. */
  targetOf(entityId: string): string | undefined;
  /** The aliases listed under an entity, sorted by id. */
  joinedInto(entityId: string): readonly string[];
}

export interface EntityAliasReader {
  current(): Promise<EntityAliases>;
}

/** How long aliases are kept on a store without data generations. */
const UNVERSIONED_TTL_MS = 30_000;

export function entityAliasesFrom(list: readonly EntityAlias[]): EntityAliases {
  const target = new Map(list.map((a) => [a.entityId, a.targetId]));
  const joined = new Map<string, string[]>();
  for (const alias of list) joined.set(alias.targetId, [...(joined.get(alias.targetId) ?? []), alias.entityId]);
  return {
    list,
    targetOf: (entityId) => target.get(entityId),
    joinedInto: (entityId) => joined.get(entityId) ?? [],
  };
}

/** Aliases derived from the store's person name forms, re-derived when the stored entities change. */
export function createEntityAliasReader(store: Store, now: () => number = Date.now): EntityAliasReader {
  let kept: { generation: string | null; at: number; aliases: Promise<EntityAliases> } | undefined;
  const derive = async (): Promise<EntityAliases> => {
    const targets = shortFormAliases(await store.personNameForms());
    const list = [...targets]
      .map(([entityId, target]) => ({ entityId, targetId: target.entityId }))
      .sort((a, b) => (a.entityId < b.entityId ? -1 : 1));
    return entityAliasesFrom(list);
  };
  return {
    async current() {
      const generation = await store.dataGeneration(['entities']);
      const fresh =
        kept !== undefined &&
        (generation === null
          ? kept.generation === null && now() - kept.at < UNVERSIONED_TTL_MS
          : kept.generation === generation);
      if (!fresh) {
        const aliases = derive();
        kept = { generation, at: now(), aliases };
        // A failed derivation is not kept: the next request tries again.
        aliases.catch(() => {
          if (kept?.aliases === aliases) kept = undefined;
        });
      }
      return kept!.aliases;
    },
  };
}
