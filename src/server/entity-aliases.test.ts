import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexWrittenArticles } from '../search/store-search.ts';
import { samplePageRecord, samplePersonId } from '../store/sample-records.ts';
import { buildApiFixture, type ApiFixture } from './testing/fixture.ts';

/**
 * The entity list and entity pages over a corpus where some articles name «حسني مبارك» and call him «مبارك» further
 * down (the article-level linker joined the two), others only say «مبارك», and one names his son «جمال مبارك».
 */
const full = { text: 'حسني مبارك', canonical: 'حسني مبارك' };
const shortLinked = { text: 'مبارك', canonical: 'حسني مبارك' };
const bare = { text: 'مبارك', canonical: 'مبارك' };
const son = { text: 'جمال مبارك', canonical: 'جمال مبارك' };
const fullId = samplePersonId('حسني مبارك');
const bareId = samplePersonId('مبارك');

let fx: ApiFixture;
beforeAll(async () => {
  fx = await buildApiFixture();
  const written = await fx.store.writePages([
    ...[70, 71, 72].map((variant) => samplePageRecord({ variant, people: [full, shortLinked] })),
    ...[73, 74].map((variant) => samplePageRecord({ variant, people: [bare] })),
    samplePageRecord({ variant: 75, people: [son, { text: 'جمال', canonical: 'جمال مبارك' }] }),
  ]);
  await indexWrittenArticles(fx.store, written);
});
afterAll(async () => {
  await fx.app.close();
  await fx.store.close();
});

const get = async (url: string) => (await fx.app.inject({ method: 'GET', url })).json();

describe('person short forms in the entity list and pages', () => {
  it('lists a bare short form under the one full name the articles link it to', async () => {
    const people = (await get('/api/entities?type=PERS')).items as { entityId: string; canonical: string }[];
    expect(people.map((p) => [p.canonical, (p as unknown as { mentionCount: number }).mentionCount])).toEqual([
      ['حسني مبارك', 8],
      ['جمال مبارك', 2],
    ]);
    expect(people.map((p) => p.entityId)).not.toContain(bareId);
  });

  it('answers for the short form with the full name, its mentions included and the alias named', async () => {
    const byAlias = await get(`/api/entities/${bareId}`);
    expect(byAlias).toMatchObject({ entityId: fullId, canonical: 'حسني مبارك', mentionCount: 8, articleCount: 5 });
    expect(byAlias.joined).toEqual([{ entityId: bareId, canonical: 'مبارك', mentionCount: 2 }]);
    for (const m of byAlias.mentions) expect(m.context.text.slice(m.context.start, m.context.end)).toBe(m.text);
    expect(await get(`/api/entities/${fullId}`)).toEqual(byAlias);
  });

  it('filters a search by the full name with the articles that only use the short form', async () => {
    const byFull = await get(`/api/search?q=${encodeURIComponent('الزيتون')}&entity=${fullId}`);
    expect(byFull.total).toBe(5);
    expect((await get(`/api/search?q=${encodeURIComponent('الزيتون')}&entity=${bareId}`)).total).toBe(5);
  });

  it('follows new evidence: a second full name the short form fits splits it off again', async () => {
    // Three more articles link «مبارك» to «علاء مبارك»: the evidence is split, so the bare form stands alone.
    const alaa = { text: 'علاء مبارك', canonical: 'علاء مبارك' };
    await fx.store.writePages(
      [76, 77, 78].map((variant) =>
        samplePageRecord({ variant, people: [alaa, { text: 'مبارك', canonical: 'علاء مبارك' }] }),
      ),
    );
    const people = (await get('/api/entities?type=PERS')).items as { entityId: string }[];
    expect(people.map((p) => p.entityId)).toContain(bareId);
    expect((await get(`/api/entities/${bareId}`)).joined).toEqual([]);
  });
});
