/**
 * Store contract for the method groups beyond pages and articles (search, entities, stories): the same observable
 * ranking, filtering, aggregation and story bookkeeping from SQLite (FTS5) and PostgreSQL (tsvector).
 * Called from each implementation's test file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleIdFor } from '../core/ids.ts';
import { samplePageRecord, samplePersonId } from './sample-records.ts';
import type { SearchDocument, SearchFilters } from './search-types.ts';
import type { PageRecord, Store } from './store.ts';
import type { StoryRecord } from './story-types.ts';

/** Hand-analysed terms (normalised, light-stemmed) of four imagined articles about an Iraqi–US security dialogue. */
const DOCS: readonly Omit<SearchDocument, 'articleId'>[] = [
  {
    outlet: 'الشرق',
    published: '2024-01-25',
    headlineTerms: 'محادث انسحاب امريك',
    bodyTerms: 'بغداد واشنطن محادث تحالف دول',
    analyzerVersion: 1,
  },
  {
    outlet: 'المدى',
    published: '2023-08',
    headlineTerms: 'وزير دفاع عراق',
    bodyTerms: 'زيار واشنطن شراك استراتيج امريك',
    analyzerVersion: 1,
  },
  {
    outlet: 'الشرق',
    published: '2024',
    headlineTerms: 'غانا مركز تدريب',
    bodyTerms: 'مكافح ارهاب غانا',
    analyzerVersion: 1,
  },
  { outlet: null, published: null, headlineTerms: 'برلمان جلس', bodyTerms: 'نواب ناقش موازن عام', analyzerVersion: 1 },
];

export function describeMethodGroupsContract(label: string, openEmpty: () => Promise<Store>): void {
  describe(`Store contract (search, entities, stories): ${label}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openEmpty();
    });
    afterEach(async () => {
      await store.close();
    });
    describeSearch(() => store);
    describeEntities(() => store);
    describeStories(() => store);
    describeStoryState(() => store);
    describeTokens(() => store);
    describeEventClusterViews(() => store);
  });
}

function describeStoryState(getStore: () => Store): void {
  describe('story state (issue 16)', () => {
    it('lists articles in ingest order with their features, and commits features, events and stories together', async () => {
      const ids = (await getStore().writePages([3, 1, 2].map((i) => samplePageRecord({ variant: i + 40 }))))
        .newArticleIds as string[];
      expect((await getStore().storyFeaturesInOrder()).map((r) => [r.articleId, r.features])).toEqual(
        ids.map((id) => [id, null]),
      );
      await getStore().commitStoryState({
        features: [{ articleId: ids[1]!, features: '{"v":1}' }],
        assignments: [
          { articleId: ids[1]!, eventId: 'e-1', storylineId: 's-a' },
          { articleId: ids[0]!, eventId: 'e-2', storylineId: null },
        ],
        upsert: [{ ...story('s-a', '2024-03-02', 2), signature: 'sig-1' }],
        remove: [],
      });
      expect((await getStore().storyFeaturesInOrder()).map((r) => r.features)).toEqual([null, '{"v":1}', null]);
      expect(await getStore().articleEvents()).toEqual(
        [
          { articleId: ids[1], eventId: 'e-1', storylineId: 's-a' },
          { articleId: ids[0], eventId: 'e-2', storylineId: null },
        ].sort((a, b) => (a.articleId! < b.articleId! ? -1 : 1)),
      );
      expect(await getStore().storySignatures()).toEqual(new Map([['s-a', 'sig-1']]));
      // A failing part rolls the whole change back.
      await expect(
        getStore().commitStoryState({
          features: [{ articleId: ids[2]!, features: '{"v":2}' }],
          assignments: [],
          upsert: [{ ...story('s-b', '2024-03-03', 2), articleCount: 0 }],
          remove: ['s-a'],
        }),
      ).rejects.toThrow();
      expect((await getStore().storyFeaturesInOrder()).map((r) => r.features)).toEqual([null, '{"v":1}', null]);
      expect(await getStore().storyIds()).toEqual(['s-a']);
    });
  });
}

function describeTokens(getStore: () => Store): void {
  describe('api tokens (issue 16)', () => {
    it('saves, finds by hash, lists and revokes', async () => {
      const record = {
        id: 'a1b2c3d4e5f6',
        name: 'غرفة الأخبار',
        role: 'editor' as const,
        tokenHash: 'ab'.repeat(32),
        createdAt: '2026-01-01T00:00:00.000Z',
        revokedAt: null,
      };
      await getStore().saveApiToken(record);
      expect(await getStore().findApiToken('ab'.repeat(32))).toEqual(record);
      expect(await getStore().findApiToken('cd'.repeat(32))).toBeNull();
      expect(await getStore().listApiTokens()).toEqual([record]);
      expect(await getStore().revokeApiToken(record.id, '2026-02-01T00:00:00.000Z')).toBe(true);
      expect(await getStore().revokeApiToken(record.id, '2026-03-01T00:00:00.000Z')).toBe(false);
      expect((await getStore().findApiToken('ab'.repeat(32)))?.revokedAt).toBe('2026-02-01T00:00:00.000Z');
    });
  });
}

function describeSearch(getStore: () => Store): void {
  describe('search', () => {
    let ids: string[];
    beforeEach(async () => {
      const records = DOCS.map((_, i) => samplePageRecord({ variant: i + 10 }));
      await getStore().writePages(records);
      ids = records.map((r) => articleIdFor(r.page.id, 0));
      await getStore().upsertSearchDocuments(DOCS.map((d, i) => ({ ...d, articleId: ids[i]! })));
    });
    const search = (match: string, filters: SearchFilters = {}, limit = 10, offset = 0) =>
      getStore().searchDocuments({ match, filters, limit, offset });
    const hitIds = async (match: string, filters: SearchFilters = {}) =>
      (await search(match, filters)).hits.map((h) => ids.indexOf(h.articleId));

    it('ranks a headline match above a body-only match, best score first', async () => {
      const page = await search('"امريك"');
      expect([page.total, page.rankedCandidates]).toEqual([2, 2]);
      expect(page.hits.map((h) => ids.indexOf(h.articleId))).toEqual([0, 1]);
      expect(page.hits[0]!.score).toBeGreaterThan(page.hits[1]!.score);
    });

    it('matches a phrase only with adjacent terms in order, and never across headline and body', async () => {
      expect(await hitIds('"واشنطن محادث"')).toEqual([0]);
      expect(await hitIds('"محادث واشنطن"')).toEqual([]);
      expect(await hitIds('"امريك بغداد"')).toEqual([]);
    });

    it('supports prefixes, OR and the NOT shape the query parser emits', async () => {
      expect(await hitIds('"امري"*')).toEqual([0, 1]);
      expect(await hitIds('"غانا" OR "برلمان"')).toHaveLength(2);
      expect(await hitIds('("واشنطن") NOT ("تحالف" OR "ارهاب")')).toEqual([1]);
    });

    it('filters by outlet, by overlapping date range and by article ids', async () => {
      expect(await hitIds('"واشنطن"', { outlet: 'المدى' })).toEqual([1]);
      expect(await hitIds('"واشنطن"', { from: '2023-08-15', to: '2023-12-31' })).toEqual([1]);
      expect(await hitIds('"غانا"', { from: '2024-03-01' })).toEqual([2]);
      expect(await hitIds('"غانا"', { to: '2023-12-31' })).toEqual([]);
      expect(await hitIds('"نواب"', { from: '2000-01-01' })).toEqual([]);
      expect(await hitIds('"واشنطن"', { articleIds: [ids[0]!, 'zzz'] })).toEqual([0]);
      expect(await hitIds('"واشنطن"', { articleIds: [] })).toEqual([]);
    });

    it('paginates with a stable total', async () => {
      const first = await search('"واشنطن"', {}, 1, 0);
      const second = await search('"واشنطن"', {}, 1, 1);
      expect([first.total, second.total]).toEqual([2, 2]);
      expect(new Set([...first.hits, ...second.hits].map((h) => h.articleId))).toEqual(new Set([ids[0], ids[1]]));
    });

    it('replaces a re-indexed document, removes documents and lists what the index lacks', async () => {
      await getStore().upsertSearchDocuments([
        { ...DOCS[2]!, articleId: ids[2]!, bodyTerms: 'افتتاح مركز', analyzerVersion: 2 },
      ]);
      expect(await getStore().countSearchDocuments()).toBe(4);
      expect(await hitIds('"ارهاب"')).toEqual([]);
      expect(await hitIds('"افتتاح"')).toEqual([2]);
      expect(await getStore().listUnindexedArticleIds(2, 10)).toEqual([ids[0], ids[1], ids[3]]);
      await getStore().removeSearchDocuments([ids[2]!, 'missing']);
      expect(await getStore().countSearchDocuments()).toBe(3);
      expect(await getStore().listUnindexedArticleIds(1, 10)).toEqual([ids[2]]);
    });

    it('reports a malformed match expression as a store error', async () => {
      await expect(search('"unterminated')).rejects.toMatchObject({
        code: 'store/failed',
        message: expect.stringMatching(/Search failed/),
      });
    });
  });
}

function describeEntities(getStore: () => Store): void {
  describe('entities', () => {
    let records: PageRecord[];
    beforeEach(async () => {
      // Page 2 calls the minister «الوزير» once more: a second surface form of the same linked entity.
      const third = samplePageRecord({ variant: 2, date: '2024-11-02' });
      const source = third.articles[0]!;
      const body = source.article.body;
      const start = body.indexOf('الوزير');
      const extra = {
        type: 'ORG' as const,
        text: 'الوزير',
        start,
        end: start + 'الوزير'.length,
        entityId: 'e-minister-agriculture',
        canonical: 'وزير الزراعة',
      };
      const annotations = { ...source.annotations!, entities: [...source.annotations!.entities, extra] };
      records = [
        samplePageRecord({ variant: 0 }),
        samplePageRecord({ variant: 1, date: null }),
        { ...third, articles: [{ ...source, annotations }] },
      ];
      await getStore().writePages(records);
    });
    const idOf = (i: number) => articleIdFor(records[i]!.page.id, 0);

    it('lists linked entities with mention and article counts, most mentioned first, filtered by type', async () => {
      const entities = await getStore().listEntities({ limit: 10 });
      expect(entities.map((e) => [e.entityId, e.type, e.canonical, e.mentionCount, e.articleCount])).toEqual([
        ['e-minister-agriculture', 'ORG', 'وزير الزراعة', 4, 3],
        ['e-irbid', 'LOC', 'إربد', 3, 3],
      ]);
      expect((await getStore().listEntities({ limit: 10, type: 'LOC' })).map((e) => e.entityId)).toEqual(['e-irbid']);
      expect((await getStore().listEntities({ limit: 1, offset: 1 })).map((e) => e.entityId)).toEqual(['e-irbid']);
    });

    it('restricts counts to given articles but keeps the names chosen over all mentions', async () => {
      const entities = await getStore().listEntities({ limit: 10, articleIds: [idOf(0), idOf(1)] });
      expect(entities.map((e) => [e.entityId, e.mentionCount, e.articleCount])).toEqual([
        ['e-irbid', 2, 2],
        ['e-minister-agriculture', 2, 2],
      ]);
      expect(await getStore().listEntities({ limit: 10, articleIds: [] })).toEqual([]);
    });

    it('returns variants by frequency and mentions newest first, undated last, with exact spans', async () => {
      const entity = await getStore().getEntity('e-minister-agriculture', 10);
      expect(entity?.variants).toEqual([
        { text: 'وزير الزراعة', count: 3 },
        { text: 'الوزير', count: 1 },
      ]);
      expect(entity?.mentions.map((m) => m.articleId)).toEqual([idOf(2), idOf(2), idOf(0), idOf(1)]);
      expect(entity?.mentions[0]).toMatchObject({ published: '2024-11-02', outlet: 'وكالة الأنباء الأردنية' });
      for (const mention of entity!.mentions) {
        const article = await getStore().getArticle(mention.articleId);
        expect(article!.body.slice(mention.start, mention.end)).toBe(mention.text);
        expect(mention.headline).toBe(article!.headline);
      }
      expect((await getStore().getEntity('e-minister-agriculture', 1))?.mentions).toHaveLength(1);
    });

    it('keeps the entity list read model in step with the mentions and walks it with keyset cursors', async () => {
      expect((await getStore().readModelDrift()).entityStats).toBe(0);
      const [first, second] = await getStore().listEntities({ limit: 10 });
      const after = { mentionCount: first!.mentionCount, canonical: first!.canonical, entityId: first!.entityId };
      expect(await getStore().listEntities({ limit: 10, after })).toEqual([second]);
      expect(await getStore().listEntities({ limit: 10, after, type: 'ORG' })).toEqual([]);
      // Within some articles the cursor holds those articles' counts: both entities have 1 mention in article 0.
      const inFirst = await getStore().listEntities({ limit: 10, articleIds: [idOf(0)] });
      expect(inFirst.map((e) => [e.entityId, e.mentionCount])).toEqual([
        ['e-irbid', 1],
        ['e-minister-agriculture', 1],
      ]);
      const afterIrbid = { mentionCount: 1, canonical: 'إربد', entityId: 'e-irbid' };
      expect(await getStore().listEntities({ limit: 10, after: afterIrbid, articleIds: [idOf(0)] })).toEqual([
        inFirst[1],
      ]);
      await getStore().rebuildReadModels();
      expect(await getStore().listEntities({ limit: 10 })).toEqual([first, second]);
    });

    describe('person name forms and aliases', () => {
      const full = { text: 'حسني مبارك', canonical: 'حسني مبارك' };
      const shortLinked = { text: 'مبارك', canonical: 'حسني مبارك' };
      const bare = { text: 'مبارك', canonical: 'مبارك' };
      const fullId = samplePersonId('حسني مبارك');
      const bareId = samplePersonId('مبارك');
      beforeEach(async () => {
        await getStore().writePages([
          ...[60, 61, 62].map((variant) => samplePageRecord({ variant, people: [full, shortLinked] })),
          ...[63, 64].map((variant) => samplePageRecord({ variant, people: [bare] })),
          samplePageRecord({ variant: 65, people: [{ text: 'جمال مبارك', canonical: 'جمال مبارك' }] }),
        ]);
      });

      it('lists every written form of every person with its article count', async () => {
        const forms = await getStore().personNameForms();
        const rows = forms.map((f) => [f.entityId, f.canonical, f.text, f.articles]);
        expect(rows).toHaveLength(4);
        expect(rows).toEqual(
          expect.arrayContaining([
            [fullId, 'حسني مبارك', 'حسني مبارك', 3],
            [fullId, 'حسني مبارك', 'مبارك', 3],
            [bareId, 'مبارك', 'مبارك', 2],
            [samplePersonId('جمال مبارك'), 'جمال مبارك', 'جمال مبارك', 1],
          ]),
        );
      });

      it("folds an alias into its target in the list and in the entity, keeping the target's name", async () => {
        const aliases = [{ entityId: bareId, targetId: fullId }];
        const listed = await getStore().listEntities({ limit: 10, type: 'PERS', aliases });
        expect(listed.map((e) => [e.entityId, e.canonical, e.mentionCount, e.articleCount])).toEqual([
          [fullId, 'حسني مبارك', 8, 5],
          [samplePersonId('جمال مبارك'), 'جمال مبارك', 1, 1],
        ]);
        // Unfolded, the bare short form is its own entity.
        expect((await getStore().listEntities({ limit: 10, type: 'PERS' })).map((e) => e.entityId)).toContain(bareId);
        // Within some articles (a storyline that only says «مبارك»), the alias is listed under its target's name.
        const bareArticles = await getStore().articleIdsForEntity(bareId);
        const inStory = await getStore().listEntities({ limit: 10, type: 'PERS', articleIds: bareArticles, aliases });
        expect(inStory.map((e) => [e.entityId, e.canonical, e.mentionCount])).toEqual([[fullId, 'حسني مبارك', 2]]);
        // Keyset paging walks the folded order.
        const [first] = listed;
        const after = { mentionCount: first!.mentionCount, canonical: first!.canonical, entityId: first!.entityId };
        expect(await getStore().listEntities({ limit: 10, type: 'PERS', aliases, after })).toEqual([listed[1]]);

        const entity = await getStore().getEntity(fullId, 20, [bareId]);
        expect(entity).toMatchObject({ entityId: fullId, canonical: 'حسني مبارك', mentionCount: 8, articleCount: 5 });
        expect(entity?.variants).toEqual([
          { text: 'مبارك', count: 5 },
          { text: 'حسني مبارك', count: 3 },
        ]);
        expect(entity?.mentions).toHaveLength(8);
        expect((await getStore().getEntity(fullId, 20))?.mentionCount).toBe(6);
      });
    });

    it('returns null for an unknown entity and sorted article ids for a known one', async () => {
      expect(await getStore().getEntity('nope', 10)).toBeNull();
      expect(await getStore().articleIdsForEntity('e-irbid')).toEqual([idOf(0), idOf(1), idOf(2)].sort());
      expect(await getStore().articleIdsForEntity('nope')).toEqual([]);
    });
  });
}

function story(id: string, lastDate: string | null, articleCount: number): StoryRecord {
  const detail = JSON.stringify({
    label: `قصة ${id}`,
    timeline: [{ date: lastDate, text: 'اجتماع «طارئ» لمجلس الوزراء' }],
    z: 1,
    a: 2,
  });
  return {
    id,
    label: `قصة ${id}`,
    firstDate: lastDate === null ? null : '2024-01-01',
    lastDate,
    articleCount,
    eventCount: 1,
    outlets: ['الغد', 'الرأي'],
    detail,
  };
}

function describeStories(getStore: () => Store): void {
  describe('stories', () => {
    let articleIds: string[];
    beforeEach(async () => {
      const records = [0, 1, 2].map((i) => samplePageRecord({ variant: i + 20 }));
      articleIds = (await getStore().writePages(records)).newArticleIds as string[];
    });

    it('upserts features by article id and loads them sorted by article id', async () => {
      const [a, b] = [...articleIds].sort();
      await getStore().saveStoryFeatures([
        { articleId: b!, features: '{"v":[1,2]}' },
        { articleId: a!, features: '{"v":[3]}' },
      ]);
      await getStore().saveStoryFeatures([{ articleId: b!, features: '{"v":[9]}' }]);
      expect(await getStore().loadStoryFeatures()).toEqual([
        { articleId: a, features: '{"v":[3]}' },
        { articleId: b, features: '{"v":[9]}' },
      ]);
      expect(await getStore().countStoryFeatures()).toBe(2);
    });

    it('lists stories latest first, undated last, larger first on ties, and pages', async () => {
      const stories = [
        story('s-b', '2024-03-02', 2),
        story('s-a', '2024-03-02', 5),
        story('s-c', null, 9),
        story('s-d', '2024-05-01', 2),
      ];
      await getStore().writeStories({ upsert: stories, remove: [] });
      expect((await getStore().listStories({ limit: 10 })).map((s) => s.id)).toEqual(['s-d', 's-a', 's-b', 's-c']);
      expect((await getStore().listStories({ limit: 2, offset: 1 })).map((s) => s.id)).toEqual(['s-a', 's-b']);
      const [first] = await getStore().listStories({ limit: 1 });
      expect(first).toEqual({
        id: 's-d',
        label: 'قصة s-d',
        firstDate: '2024-01-01',
        lastDate: '2024-05-01',
        articleCount: 2,
        eventCount: 1,
        outlets: ['الغد', 'الرأي'],
      });
      expect(await getStore().storyIds()).toEqual(['s-a', 's-b', 's-c', 's-d']);
    });

    it('upserts and removes in one change and returns the detail document byte for byte', async () => {
      await getStore().writeStories({
        upsert: [story('s-a', '2024-03-02', 2), story('s-b', '2024-03-03', 2)],
        remove: [],
      });
      const updated = { ...story('s-a', '2024-03-09', 3), detail: '{"z":1,  "a":"تحديث"}' };
      await getStore().writeStories({ upsert: [updated], remove: ['s-b', 'missing'] });
      expect(await getStore().storyIds()).toEqual(['s-a']);
      expect(await getStore().getStory('s-a')).toEqual(updated);
    });

    it('finds a story by exact id or unique prefix, never by an ambiguous one or a LIKE wildcard', async () => {
      await getStore().writeStories({
        upsert: [story('abc1', null, 2), story('abc2', null, 2), story('abc', null, 2), story('x_y', null, 2)],
        remove: [],
      });
      expect((await getStore().getStory('abc'))?.id).toBe('abc');
      expect((await getStore().getStory('abc2'))?.id).toBe('abc2');
      expect(await getStore().getStory('ab')).toBeNull();
      expect((await getStore().getStory('x_'))?.id).toBe('x_y');
      expect(await getStore().getStory('x%')).toBeNull();
      expect(await getStore().getStory('nope')).toBeNull();
    });

    it('keeps the stories unchanged when one record of a change is invalid', async () => {
      await getStore().writeStories({ upsert: [story('s-a', '2024-03-02', 2)], remove: [] });
      const broken = { ...story('s-b', '2024-03-03', 2), articleCount: 0 };
      await expect(
        getStore().writeStories({ upsert: [story('s-c', null, 2), broken], remove: ['s-a'] }),
      ).rejects.toThrow();
      expect(await getStore().storyIds()).toEqual(['s-a']);
    });
  });
}

/** A story whose detail holds event clusters, in the shape app/stories.ts writes (other fields left out). */
function storyWithClusters(
  id: string,
  clusters: readonly { id: string; label: string; articles: string[] }[],
): StoryRecord {
  const detail = JSON.stringify({
    storyline: {
      id,
      label: `قصة ${id}`,
      eventClusters: clusters.map((_, i) => i),
      firstDate: '2024-10-14',
      lastDate: null,
    },
    eventClusters: clusters.map((c) => ({
      id: c.id,
      label: c.label,
      firstDate: '2024-10-14',
      lastDate: null,
      articles: c.articles.map((a, i) => ({
        id: a,
        outlet: i === 0 ? 'صحيفة "الغد"' : null,
        headline: `افتتاح موسم الزيتون\tفي إربد ${a}`,
        published: i === 0 ? '2024-10-14' : null,
        duplicateOf: null,
      })),
    })),
    duplicates: [],
    timeline: [],
  });
  return { ...story(id, null, 2), detail };
}

/** The API view of a story's clusters (what GET /api/clusters lists). */
function clusterViewsOf(record: StoryRecord): unknown[] {
  const detail = JSON.parse(record.detail) as {
    eventClusters: {
      id: string;
      label: string;
      firstDate: string | null;
      lastDate: string | null;
      articles: Record<string, unknown>[];
    }[];
  };
  return detail.eventClusters.map((c) => ({
    id: c.id,
    label: c.label,
    storylineId: record.id,
    firstDate: c.firstDate,
    lastDate: c.lastDate,
    articles: c.articles.map((a) => ({ id: a.id, outlet: a.outlet, headline: a.headline, published: a.published })),
  }));
}

function describeEventClusterViews(getStore: () => Store): void {
  describe('event cluster read model (issue 16)', () => {
    it("keeps each story's clusters as API views, in list order, through upserts and removals", async () => {
      const b = storyWithClusters('s-b', [
        { id: 'e-b1', label: 'قطف الزيتون', articles: ['a1', 'a2'] },
        { id: 'e-b2', label: 'أسعار الزيت', articles: ['a3'] },
      ]);
      const a = storyWithClusters('s-a', [{ id: 'e-a1', label: 'الأمطار «الغزيرة»', articles: ['a4'] }]);
      await getStore().writeStories({ upsert: [b, a], remove: [] });
      const views = async (query = { storylineLimit: 500 }) =>
        (await getStore().listEventClusterViews(query)).map((row) => JSON.parse(row.json) as unknown);
      expect(await views()).toEqual([...clusterViewsOf(a), ...clusterViewsOf(b)]);
      expect(await views({ storylineLimit: 1 })).toEqual(clusterViewsOf(a));
      const page = await getStore().listEventClusterViews({
        storylineLimit: 500,
        limit: 1,
        after: { storylineId: 's-a', position: 0 },
      });
      expect(page.map((r) => [r.storylineId, r.position, r.clusterId])).toEqual([['s-b', 0, 'e-b1']]);
      expect(JSON.parse((await getStore().getEventClusterView('e-b2'))!.json)).toEqual(clusterViewsOf(b)[1]);
      expect(await getStore().getEventClusterView('nope')).toBeNull();

      const b2 = storyWithClusters('s-b', [{ id: 'e-b3', label: 'موسم جديد', articles: ['a1', 'a2', 'a3'] }]);
      await getStore().commitStoryState({ features: [], assignments: [], upsert: [b2], remove: ['s-a'] });
      expect(await views()).toEqual(clusterViewsOf(b2));
      expect(await getStore().readModelDrift()).toEqual({ entityStats: 0, eventClusterViews: 0 });
      await getStore().rebuildReadModels();
      expect(await views()).toEqual(clusterViewsOf(b2));
    });
  });
}
