/**
 * `npm run eval -- outlets` (issues 14 and 15): outlets of a full real day of news. For each day below, every article
 * of that day in ../shared/data (SaudiNewsNet: records with their `url`; egy-news-2013: its records carry no url) is
 * written at run time as a JSON Lines file (`{"url"?, "text": title + text, "fetched_at"}`, into a temporary
 * directory, never into the repository), read through the same JSONL path as `marsad ingest` and extracted. The
 * outlet Marsad names is compared with the corpus' own `source` field, which Marsad never sees:
 *
 * - `outlets` / `sources`: distinct outlet names found, distinct real sources;
 * - `equal`: 1 when names and sources match one to one (every name comes from one source, every source has one name);
 * - `consistent`: share of the articles given an outlet whose name is their source's one name (a dateline, a
 *   caption, a reporter or a widget named as the outlet counts against it);
 * - `named`: share of articles given an outlet at all (egy-news-2013 has no url: only what its text says).
 *
 * The first day of each corpus was used while choosing the outlet rules; the second is a held-out day.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadPageAnalyzer } from '../src/app/analyzer.ts';
import { readPages } from '../src/ingest/read-pages.ts';

interface Day {
  readonly corpus: string;
  readonly file: string;
  readonly day: string;
  readonly role: 'dev' | 'held-out';
}

const DAYS: readonly Day[] = [
  { corpus: 'saudinewsnet', file: 'saudinewsnet.jsonl.gz', day: '2015-08-03', role: 'dev' },
  { corpus: 'saudinewsnet', file: 'saudinewsnet.jsonl.gz', day: '2015-07-27', role: 'held-out' },
  { corpus: 'egy-news-2013', file: 'egy-news-2013-02-01_14.jsonl.gz', day: '2013-02-05', role: 'dev' },
  { corpus: 'egy-news-2013', file: 'egy-news-2013-02-01_14.jsonl.gz', day: '2013-02-12', role: 'held-out' },
];

interface Row {
  readonly source: string;
  readonly date: string;
  readonly title?: string | null;
  readonly text?: string | null;
  readonly url?: string | null;
}

export interface OutletScore {
  readonly outlets: number;
  readonly sources: number;
  readonly equal: number;
  readonly consistent: number;
  readonly named: number;
}

/** Scores outlet names against real sources: one (source, outlet | null) pair per article. Pure. */
export function scoreOutlets(pairs: readonly { source: string; outlet: string | null }[]): OutletScore {
  const sourcesOf = new Map<string, Map<string, number>>();
  const namesOf = new Map<string, Map<string, number>>();
  for (const { source, outlet } of pairs) {
    if (!namesOf.has(source)) namesOf.set(source, new Map());
    if (outlet === null) continue;
    const names = namesOf.get(source)!;
    names.set(outlet, (names.get(outlet) ?? 0) + 1);
    const sources = sourcesOf.get(outlet) ?? new Map<string, number>();
    sources.set(source, (sources.get(source) ?? 0) + 1);
    sourcesOf.set(outlet, sources);
  }
  // A source's one name: the name on most of its named articles, used by no other source.
  const nameOf = new Map<string, string>();
  for (const [source, names] of namesOf) {
    const total = [...names.values()].reduce((a, b) => a + b, 0);
    const [top, count] = [...names].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
    if (top !== null && count * 2 > total && sourcesOf.get(top)!.size === 1) nameOf.set(source, top);
  }
  const named = pairs.filter((p) => p.outlet !== null);
  const consistent = named.filter((p) => nameOf.get(p.source) === p.outlet).length;
  const equal =
    sourcesOf.size === namesOf.size &&
    [...sourcesOf.values()].every((sources) => sources.size === 1) &&
    [...namesOf.values()].every((names) => names.size === 1);
  return {
    outlets: sourcesOf.size,
    sources: namesOf.size,
    equal: equal ? 1 : 0,
    consistent: named.length === 0 ? 0 : consistent / named.length,
    named: pairs.length === 0 ? 0 : named.length / pairs.length,
  };
}

export async function evaluate(sharedDir: string): Promise<{ metrics: Record<string, number> }> {
  const metrics: Record<string, number> = {};
  const analyze = await loadPageAnalyzer({ annotate: false });
  const cache = new Map<string, Row[]>();
  for (const day of DAYS) {
    const path = join(sharedDir, 'data', day.corpus, day.file);
    if (!existsSync(path)) continue;
    if (!cache.has(path))
      cache.set(
        path,
        gunzipSync(readFileSync(path))
          .toString('utf8')
          .split('\n')
          .filter((line) => line.trim())
          .map((line) => JSON.parse(line) as Row),
      );
    const rows = cache.get(path)!.filter((r) => r.date.startsWith(day.day) && r.title && r.text);
    const dir = mkdtempSync(join(tmpdir(), 'marsad-outlets-'));
    const jsonl = join(dir, `${day.corpus}-${day.day}.jsonl`);
    writeFileSync(
      jsonl,
      rows
        .map((r) =>
          JSON.stringify({
            ...(r.url ? { url: r.url } : {}),
            text: `${r.title}\n${r.text}`,
            fetched_at: `${r.date.replace(' ', 'T')}Z`,
          }),
        )
        .join('\n') + '\n',
    );
    const pairs: { source: string; outlet: string | null }[] = [];
    let index = 0;
    let noArticle = 0;
    for await (const result of readPages([jsonl], { maxBytes: 5_000_000 })) {
      const row = rows[index++]!;
      if (!result.ok) continue;
      const article = analyze(result.page).articles[0];
      if (!article) {
        noArticle++;
        continue;
      }
      pairs.push({ source: row.source, outlet: article.outlet });
    }
    rmSync(dir, { recursive: true, force: true });
    const score = scoreOutlets(pairs);
    const counts = new Map<string, number>();
    for (const p of pairs) counts.set(p.outlet ?? '(none)', (counts.get(p.outlet ?? '(none)') ?? 0) + 1);
    const list = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const name = `${day.corpus === 'saudinewsnet' ? 'snn' : 'egy'}.${day.day}`;
    console.log(
      `  ${name} (${day.role}${rows.some((r) => r.url) ? ', with url' : ', no url'}): ${rows.length} articles, ${noArticle} without an article; ` +
        `${score.outlets} outlet names for ${score.sources} sources, equal ${score.equal}, consistent ${score.consistent.toFixed(3)}, named ${score.named.toFixed(3)}`,
    );
    console.log(
      `    outlets: ${list
        .slice(0, 20)
        .map(([o, n]) => `${o} ${n}`)
        .join(' · ')}${list.length > 20 ? ` · … (${list.length - 20} more)` : ''}`,
    );
    for (const key of ['outlets', 'sources', 'equal', 'consistent', 'named'] as const)
      metrics[`${name}.${key}`] = score[key];
  }
  return { metrics };
}
