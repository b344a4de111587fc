import { describe, expect, it } from 'vitest';
import type { PersonNameFormRecord } from '../store/entity-types.ts';
import type { Store } from '../store/store.ts';
import { createEntityAliasReader } from './entity-aliases.ts';

/** Three articles link «قنديل» in-text to «هشام قنديل»; two others only say «قنديل». */
const FORMS: PersonNameFormRecord[] = [
  { entityId: 'p-full', canonical: 'هشام قنديل', text: 'هشام قنديل', articles: 3 },
  { entityId: 'p-full', canonical: 'هشام قنديل', text: 'قنديل', articles: 3 },
  { entityId: 'p-short', canonical: 'قنديل', text: 'قنديل', articles: 2 },
];

function fakeStore(generation: () => string | null) {
  let reads = 0;
  const store = {
    personNameForms: async () => {
      reads++;
      return FORMS;
    },
    dataGeneration: async () => generation(),
  } as unknown as Store;
  return { store, reads: () => reads };
}

describe('createEntityAliasReader', () => {
  it('derives the aliases once per data generation', async () => {
    let generation = 'g1';
    const { store, reads } = fakeStore(() => generation);
    const reader = createEntityAliasReader(store);
    const aliases = await reader.current();
    expect(aliases.list).toEqual([{ entityId: 'p-short', targetId: 'p-full' }]);
    expect(aliases.targetOf('p-short')).toBe('p-full');
    expect(aliases.targetOf('p-full')).toBeUndefined();
    expect(aliases.joinedInto('p-full')).toEqual(['p-short']);
    await reader.current();
    expect(reads()).toBe(1);
    generation = 'g2';
    await reader.current();
    expect(reads()).toBe(2);
  });

  it('keeps them 30 s on a store without generations', async () => {
    let now = 0;
    const { store, reads } = fakeStore(() => null);
    const reader = createEntityAliasReader(store, () => now);
    await reader.current();
    now = 29_000;
    await reader.current();
    expect(reads()).toBe(1);
    now = 31_000;
    await reader.current();
    expect(reads()).toBe(2);
  });
});
