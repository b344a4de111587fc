import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ExtractedArticle } from '../../core/article.ts';
import type { RawPage } from '../../core/page.ts';
import { ALL_ARTICLES } from '../../corpus/fixtures/articles.ts';
import type { CommandContext } from '../io.ts';
import { runCluster } from './cluster.ts';

/** Fake analyzer: each page's text names fixture articles by id, one per line. */
function analyze(page: RawPage) {
  if (page.body.includes('BROKEN')) throw new Error('cannot extract');
  const articles = page.body
    .trim()
    .split('\n')
    .map((id) => ALL_ARTICLES.find((a) => a.id === id)!)
    .map(
      (a): ExtractedArticle => ({
        headline: a.headline,
        dek: null,
        body: a.body,
        outlet: a.outlet,
        citedSources: a.citedSources ?? [],
        spans: [],
        paragraphs: [],
        published: a.published ? { date: a.published, precision: 'day', text: a.published } : null,
      }),
    );
  return { pageText: page.body, spans: [], articles };
}

function context(): { context: CommandContext; out: () => string; err: () => string; code: () => number } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  let code = 0;
  stdout.on('data', (d) => {
    out += String(d);
  });
  stderr.on('data', (d) => {
    err += String(d);
  });
  return {
    context: {
      io: { stdout, stderr },
      setExitCode: (c) => {
        code = Math.max(code, c);
      },
    },
    out: () => out,
    err: () => err,
    code: () => code,
  };
}

describe('marsad cluster', () => {
  it('prints one JSON object with event clusters as <file>#<index>, storylines, timeline and claims', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-cluster-'));
    const first = join(dir, 'a.txt');
    const second = join(dir, 'b.txt');
    writeFileSync(first, 'riyadh-daily#0\ncoast-news#1\n');
    writeFileSync(second, 'south-gazette#7\ncoast-news#9\nsport-daily#2\ngulf-post#3\n');
    const io = context();
    await runCluster([first, second], {}, io.context, { loadAnalyzer: async () => analyze, env: {} });
    const json = JSON.parse(io.out());
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['eventClusters', 'storylines', 'timeline', 'claims']));
    const articleLists = json.eventClusters.map((c: { articles: string[] }) => c.articles);
    expect(articleLists).toContainEqual([`${first}#0`, `${second}#3`]);
    expect(articleLists).toContainEqual([`${first}#1`, `${second}#0`]);
    const flood = articleLists.findIndex((a: string[]) => a.includes(`${first}#1`));
    const followUp = articleLists.findIndex((a: string[]) => a.includes(`${second}#1`));
    expect(json.storylines.map((s: { eventClusters: number[] }) => s.eventClusters)).toContainEqual(
      [flood, followUp].sort((x, y) => x - y),
    );
    expect(
      json.storylines.every(
        (s: { eventClusters: number[] }) => s.eventClusters.flatMap((c) => json.eventClusters[c].articles).length >= 2,
      ),
    ).toBe(true);
    expect(io.code()).toBe(0);
  });

  it('reports a page that fails analysis and still clusters the rest (exit code 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-cluster-'));
    const good = join(dir, 'good.txt');
    const bad = join(dir, 'bad.txt');
    writeFileSync(good, 'coast-news#1\n');
    writeFileSync(bad, 'BROKEN\n');
    const io = context();
    await runCluster([good, bad, join(dir, 'missing.txt')], {}, io.context, {
      loadAnalyzer: async () => analyze,
      env: {},
    });
    expect(JSON.parse(io.out()).eventClusters).toHaveLength(1);
    expect(io.err()).toContain('bad.txt: cannot extract');
    expect(io.code()).toBe(1);
  });
});
