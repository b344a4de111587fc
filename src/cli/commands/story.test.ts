import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../core/article.ts';
import { hashId } from '../../core/ids.ts';
import { updateStories } from '../../app/stories.ts';
import { FLOOD_A, FLOOD_B, FLOOD_FOLLOW_UP, WIRE_COPY, WIRE_ORIGINAL } from '../../corpus/fixtures/articles.ts';
import type { ClusterInput } from '../../corpus/types.ts';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import type { CommandContext } from '../io.ts';
import { runStories } from './stories.ts';
import { runStory } from './story.ts';

function record(input: ClusterInput) {
  const text = `${input.headline}\n${input.body}\n`;
  const article: ExtractedArticle = {
    headline: input.headline,
    dek: null,
    body: input.body,
    outlet: input.outlet,
    citedSources: input.citedSources ?? [],
    spans: [],
    paragraphs: [],
    published: input.published ? { date: input.published, precision: 'day', text: input.published } : null,
  };
  return {
    page: {
      id: hashId(['page', text]),
      url: `file:///${input.id}`,
      fetchedAt: '2015-10-21T00:00:00.000Z',
      contentType: 'text/plain' as const,
      body: text,
    },
    pageText: text,
    spans: [],
    articles: [{ article, annotations: null }],
  };
}

function capture(): { context: CommandContext; out: () => string } {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d) => {
    out += String(d);
  });
  return { context: { io: { stdout, stderr: new PassThrough() }, setExitCode: () => undefined }, out: () => out };
}

describe('marsad stories / marsad story', () => {
  it('lists stored stories and shows one with copies folded under the original', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'marsad-story-')), 'm.db');
    const store = openSqliteStore(db);
    const written = await store.writePages([WIRE_ORIGINAL, WIRE_COPY, FLOOD_A, FLOOD_B, FLOOD_FOLLOW_UP].map(record));
    await updateStories(store, written.newArticleIds);
    await store.close();
    const env = { MARSAD_DB: db };

    const list = capture();
    await runStories({ limit: 10, json: true }, list.context, env);
    const rows = list
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r: { articleCount: number }) => r.articleCount)).toEqual([3, 2]);

    const wire = capture();
    await runStory(rows[1].id, {}, wire.context, env);
    expect(wire.out()).toContain(`${WIRE_ORIGINAL.headline}  [+1 copies: بوابة الخليج]`);
    expect(wire.out()).not.toContain(`2015-10-05  ${WIRE_COPY.headline}`);

    const flood = capture();
    await runStory(rows[0].id.slice(0, 8), { json: true }, flood.context, env);
    const json = JSON.parse(flood.out());
    expect(json.eventClusters.map((c: { articles: unknown[] }) => c.articles.length)).toEqual([2, 1]);
    await expect(runStory('zzzz', {}, capture().context, env)).rejects.toThrow('No story zzzz');
  });
});
