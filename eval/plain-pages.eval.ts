/**
 * Every article of egy-news-2013 and SaudiNewsNet (`../shared/data/*`), written as a plain-text page (title line,
 * then the text), must analyse without an error. Reports pages, errors, pages with no article (each with a
 * diagnostic) and the rate per CPU second. Metric `plain_pages.ok_rate` = share of pages that did not throw.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyzePage } from '../src/pipeline/analyze-page.ts';

const CORPORA: readonly (readonly [string, string])[] = [
  ['egy-news-2013', 'egy-news-2013-02-01_14.jsonl.gz'],
  ['saudinewsnet', 'saudinewsnet.jsonl.gz'],
];

export async function evaluate(sharedDir: string): Promise<{ metrics: Record<string, number> }> {
  let pages = 0;
  let errors = 0;
  let empty = 0;
  let undiagnosed = 0;
  const examples: string[] = [];
  const cpuStart = process.cpuUsage();
  for (const [name, file] of CORPORA) {
    const path = join(sharedDir, 'data', name, file);
    if (!existsSync(path)) continue;
    for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { id: string; title?: string | null; text?: string | null };
      const body = `${row.title ?? ''}\n${row.text ?? ''}`;
      pages++;
      try {
        const analyzed = analyzePage(
          { id: row.id, url: row.id, fetchedAt: '', contentType: 'text/plain', body },
          { annotate: false },
        );
        if (analyzed.articles.length === 0) {
          empty++;
          if (!analyzed.diagnostics?.length) undiagnosed++;
        }
      } catch (error) {
        errors++;
        if (examples.length < 10) examples.push(`${row.id}: ${(error as Error).message}`);
      }
    }
  }
  if (pages === 0) return { metrics: {} };
  const cpu = process.cpuUsage(cpuStart);
  console.log(
    `plain-text pages (egy-news-2013 + SaudiNewsNet, title line + text): ${pages} pages, ${errors} errors, ` +
      `${empty} without an article (${undiagnosed} of them without a diagnostic), ${(pages / ((cpu.user + cpu.system) / 1e6)).toFixed(0)} pages per CPU second`,
  );
  for (const example of examples) console.log(`  ✗ ${example}`);
  return {
    metrics: {
      'plain_pages.pages': pages,
      'plain_pages.errors': errors,
      'plain_pages.ok_rate': 1 - errors / pages,
      'plain_pages.diagnosed_rate': empty === 0 ? 1 : 1 - undiagnosed / empty,
    },
  };
}
