/**
 * Consistency of the hand-written page sets (examples/, test/pages/) with their gold files: every gold
 * paragraph is on its page, metadata is well formed, story groups point at real articles, nothing is copied from ../shared.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { findSharedDir, REPO_ROOT } from '../../eval/shared-dir.ts';

interface GoldArticle {
  headline: string | null;
  dek: string | null;
  published: string | null;
  outlet: string | null;
  cited_sources: string[];
  body_first: string;
  body_last: string;
  body: string;
  body_lines?: number[];
}
interface GoldPage {
  file: string;
  content_type: string;
  encoding: string;
  line_labels?: Record<string, string>;
  articles: GoldArticle[];
}
interface Gold {
  pages: GoldPage[];
  event_clusters?: { label: string; articles: string[] }[];
  storylines?: { label: string; event_clusters: number[] }[];
  duplicates?: { original: string; copies: string[] }[];
  singletons?: string[];
}

const SETS = [join(REPO_ROOT, 'examples', 'gold.json'), join(REPO_ROOT, 'test', 'pages', 'gold.json')];
const PUBLISHED = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/u;
/** Word n-gram length for the no-copy check: 8 words in a row shared with a seed page means copied text. */
const COPY_SHINGLE_WORDS = 8;

/** The decoded text of a gold page; a JSON Lines record is `<file>#<line>`. */
function pageText(goldDir: string, page: GoldPage): string {
  const [file, line] = page.file.split('#');
  const bytes = readFileSync(join(goldDir, file!));
  if (line) {
    const record = JSON.parse(bytes.toString('utf8').split('\n')[Number(line) - 1]!) as {
      text?: string;
      html?: string;
    };
    return record.text ?? record.html ?? '';
  }
  return page.encoding === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, page.encoding);
}

/** Visible text of an HTML page, one block per line (good enough to look paragraphs up). */
function htmlText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gu, '')
    .replace(/<\/?(?:a|span|strong|em|b|i)\b[^>]*>/gu, '')
    .replace(/<[^>]+>/gu, '\n')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');
}

function articleKeys(gold: Gold): Set<string> {
  return new Set(gold.pages.flatMap((page) => page.articles.map((_, index) => `${page.file}#${index}`)));
}

function shingles(text: string): Set<string> {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + COPY_SHINGLE_WORDS <= words.length; i++)
    out.add(words.slice(i, i + COPY_SHINGLE_WORDS).join(' '));
  return out;
}

for (const goldPath of SETS) {
  const goldDir = dirname(goldPath);
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
  const name = goldPath.slice(REPO_ROOT.length + 1);

  describe(name, () => {
    it('has at least 18 pages, several HTML pages and several multi-article pages', () => {
      expect(gold.pages.length).toBeGreaterThanOrEqual(18);
      expect(gold.pages.filter((p) => p.content_type === 'text/html').length).toBeGreaterThanOrEqual(5);
      expect(gold.pages.filter((p) => p.articles.length > 1).length).toBeGreaterThanOrEqual(3);
    });

    for (const page of gold.pages) {
      it(`${page.file}: every gold paragraph, headline and date format is consistent with the page`, () => {
        const raw = pageText(goldDir, page);
        const text = page.content_type === 'text/html' ? htmlText(raw) : raw;
        const lines = raw.split(/\r?\n/u);
        for (const article of page.articles) {
          const paragraphs = article.body.split('\n');
          for (const paragraph of paragraphs) expect(text).toContain(paragraph);
          expect(paragraphs[0]!.startsWith(article.body_first)).toBe(true);
          expect(paragraphs.at(-1)!.endsWith(article.body_last)).toBe(true);
          if (article.headline !== null) expect(text).toContain(article.headline);
          if (article.published !== null) expect(article.published).toMatch(PUBLISHED);
          if (article.body_lines) {
            expect(article.body_lines).toHaveLength(paragraphs.length);
            article.body_lines.forEach((lineNo, i) => expect(lines[lineNo - 1]!.endsWith(paragraphs[i]!)).toBe(true));
          }
        }
      });
    }

    it('story groups refer to existing articles and no article is in two event clusters', () => {
      const keys = articleKeys(gold);
      const clustered = (gold.event_clusters ?? []).flatMap((cluster) => cluster.articles);
      for (const key of [
        ...clustered,
        ...(gold.singletons ?? []),
        ...(gold.duplicates ?? []).flatMap((d) => [d.original, ...d.copies]),
      ]) {
        expect(keys.has(key), key).toBe(true);
      }
      expect(new Set(clustered).size).toBe(clustered.length);
      for (const storyline of gold.storylines ?? []) {
        for (const index of storyline.event_clusters) expect(gold.event_clusters?.[index]).toBeDefined();
      }
    });
  });
}

describe('no text copied from ../shared', () => {
  const shared = findSharedDir();
  const seedsDir = shared === null ? null : join(shared, 'seeds');
  it.skipIf(seedsDir === null || !existsSync(seedsDir))(
    `no ${COPY_SHINGLE_WORDS}-word run of a seed page appears in a hand-written page`,
    () => {
      const seed = new Set<string>();
      for (const file of readdirSync(seedsDir!))
        for (const s of shingles(readFileSync(join(seedsDir!, file), 'utf8'))) seed.add(s);
      for (const goldPath of SETS) {
        const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
        for (const page of gold.pages) {
          const copied = [...shingles(pageText(dirname(goldPath), page))].filter((s) => seed.has(s));
          expect(copied, page.file).toEqual([]);
        }
      }
    },
  );
});
