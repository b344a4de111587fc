/**
 * API throughput: `marsad serve` (a child process, 1 and 2 workers) on a 100,000-article database, loaded by a local
 * keep-alive HTTP generator with 16 concurrent clients. Reports requests/s, latency percentiles and the server's CPU
 * time per request for GET /api/search, /api/entities, /api/clusters (and /api/health as a floor), with the response
 * cache on (repeated URLs are answered from kept answers) and off (`--no-response-cache`: every answer computed).
 *
 * The database is the search bench's corpus (SaudiNewsNet + egy-news-2013 from ../shared, perturbed copies, or
 * generated text) with bench-made entity mentions and stories, built once into the temp dir and reused:
 * - entities (added to a copy of the search bench database): every headline word of 5+ letters that is not a stop word, mentioned wherever it occurs in the body
 *   (at most 40 mentions per article), id from the folded word, type from its hash. Word frequencies are what
 *   they are in the text (Zipf-like), so a few entities have tens of thousands of mentions and most have few.
 * - stories: articles grouped by (first such headline word, month) in publication order, cut into storylines of up
 *   to 12 articles and events of up to 4 — the shapes (sizes, counts) of stories, not real clustering, which
 *   would take minutes at this size and is benchmarked by `npm run bench -- cluster`.
 *
 * `API_BENCH_SECONDS` (default 8) per measurement; `API_BENCH_WORKERS` (default "1,2"); `API_BENCH_PARTS`
 * (default "cached,uncached"); `API_BENCH_ONLY`: only the endpoints whose name contains it (e.g. `/api/search`);
 * `API_BENCH_MARSAD`: another checkout to serve with (a before/after comparison; use part "cached" for a checkout
 * without --no-response-cache).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleAnnotations, EntityMention, EntityType } from '../src/core/annotation.ts';
import { hashId } from '../src/core/ids.ts';
import { ANALYZER_VERSION } from '../src/search/documents.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { ArticleEventRow, StoryRecord } from '../src/store/story-types.ts';
import { foldWord, STOP_WORDS } from '../src/text/stem.ts';
import { REPO_ROOT } from '../eval/shared-dir.ts';
import Database from 'better-sqlite3';
import {
  BENCH_ARTICLES,
  BENCH_QUERIES,
  openSearchBenchStore,
  searchBenchPath,
  type SourceArticle,
  summarize,
} from './search.bench.ts';

const CONCURRENCY = 16;
const DURATION_MS = Number(process.env.API_BENCH_SECONDS ?? 8) * 1000;
const MAX_MENTIONS_PER_ARTICLE = 40;
const STORYLINE_ARTICLES = 12;
const EVENT_ARTICLES = 4;
const TYPES: readonly EntityType[] = ['PERS', 'ORG', 'LOC', 'MISC'];

const ARABIC_WORD = /[\u0621-\u064A\u0660-\u0669\u0671-\u06D3]+/gu;

/** Salient headline words: 5+ letters, not stop words, in headline order, each once. */
export function headlineWords(headline: string): string[] {
  const seen = new Set<string>();
  for (const match of headline.matchAll(ARABIC_WORD)) {
    const word = match[0];
    const folded = foldWord(word);
    if (folded.length >= 5 && !STOP_WORDS.has(folded)) seen.add(word);
  }
  return [...seen];
}

/** Bench-made entity mentions (see the header): real offsets into the body, ids shared across articles. */
export function benchAnnotations(article: SourceArticle): ArticleAnnotations {
  const entities: EntityMention[] = [];
  for (const word of headlineWords(article.headline)) {
    const folded = foldWord(word);
    const entityId = hashId(['bench-entity', folded]);
    const type = TYPES[Number.parseInt(entityId.slice(0, 6), 16) % TYPES.length]!;
    for (let at = article.body.indexOf(word); at >= 0; at = article.body.indexOf(word, at + word.length)) {
      if (entities.length >= MAX_MENTIONS_PER_ARTICLE) break;
      entities.push({ type, text: word, start: at, end: at + word.length, entityId, canonical: folded });
    }
  }
  entities.sort((a, b) => a.start - b.start);
  return { entities, quantities: [], quotes: [], times: [] };
}

export interface StoryRef {
  readonly id: string;
  readonly outlet: string;
  readonly headline: string;
  readonly published: string | null;
  readonly key: string;
}

/** Bench-made stories (see the header), in the StoryDetail shape app/stories.ts writes. */
export function benchStories(refs: readonly StoryRef[]): { stories: StoryRecord[]; assignments: ArticleEventRow[] } {
  const groups = new Map<string, StoryRef[]>();
  for (const ref of refs) {
    const group = groups.get(ref.key);
    if (group) group.push(ref);
    else groups.set(ref.key, [ref]);
  }
  const stories: StoryRecord[] = [];
  const assignments: ArticleEventRow[] = [];
  const byDate = (a: StoryRef, b: StoryRef) =>
    (a.published ?? '').localeCompare(b.published ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const [key, group] of groups) {
    group.sort(byDate);
    for (let start = 0; start + 1 < group.length; start += STORYLINE_ARTICLES) {
      const members = group.slice(start, start + STORYLINE_ARTICLES);
      if (members.length < 2) break;
      const storyId = hashId(['bench-story', key, start]);
      const clusters = [];
      for (let e = 0; e < members.length; e += EVENT_ARTICLES) {
        const articles = members.slice(e, e + EVENT_ARTICLES);
        const clusterId = hashId(['bench-event', key, start, e]);
        for (const a of articles) assignments.push({ articleId: a.id, eventId: clusterId, storylineId: storyId });
        clusters.push({
          id: clusterId,
          label: articles[0]!.headline.slice(0, 80),
          articles: articles.map((a) => ({
            id: a.id,
            outlet: a.outlet,
            headline: a.headline,
            published: a.published,
            duplicateOf: null,
          })),
          firstDate: articles[0]!.published,
          lastDate: articles.at(-1)!.published,
        });
      }
      const firstDate = members[0]!.published;
      const lastDate = members.at(-1)!.published;
      const label = members[0]!.headline.slice(0, 80);
      const detail = {
        storyline: { id: storyId, label, eventClusters: clusters.map((_, i) => i), firstDate, lastDate },
        eventClusters: clusters,
        duplicates: [],
        timeline: [],
        undated: [],
        claims: [],
        topEntities: [],
      };
      const outlets = [...new Set(members.map((m) => m.outlet))];
      stories.push({
        id: storyId,
        label,
        firstDate,
        lastDate,
        articleCount: members.length,
        eventCount: clusters.length,
        outlets,
        detail: JSON.stringify(detail),
        signature: hashId(['bench-signature', storyId]),
      });
    }
  }
  return { stories, assignments };
}

/**
 * Opens (building on first use) the 100k-article API bench database; returns its path. Built from a copy of the
 * search bench database (same articles and index): each article's bench-made mentions are added in bulk (one
 * transaction per 5,000 articles, triggers set aside, read models derived once after), then the stories are written
 * through the store's story port (its triggers keep the cluster read model).
 */
export async function apiBenchDatabase(count = BENCH_ARTICLES): Promise<string> {
  const path = join(tmpdir(), `marsad-api-bench-a${ANALYZER_VERSION}-${count}.db`);
  if (existsSync(path)) return path;
  const started = performance.now();
  // Opening the search bench's database would migrate it; it is only opened when it must be built.
  const sourcePath = searchBenchPath(count);
  if (!existsSync(sourcePath)) await (await openSearchBenchStore(count)).store.close();
  const partial = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  copyFileSync(sourcePath, partial);
  for (const suffix of ['-wal', '-shm'])
    if (existsSync(sourcePath + suffix)) copyFileSync(sourcePath + suffix, partial + suffix);
  const store = openSqliteStore(partial);
  const db = new Database(partial);
  const refs: StoryRef[] = [];
  try {
    const insert = db.prepare(
      'INSERT INTO annotations (article_id, layer, seq, start_offset, end_offset, key, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const annotated = db.prepare('UPDATE articles SET annotated = 1 WHERE id = ?');
    const texts = db.prepare(
      'SELECT id, headline, body, outlet, published_date AS published FROM articles WHERE seq > ? ORDER BY seq LIMIT ?',
    );
    const addMentions = db.transaction((rows: { id: string; article: SourceArticle }[]) => {
      for (const { id, article } of rows) {
        benchAnnotations(article).entities.forEach((m, seq) =>
          insert.run(id, 'entities', seq, m.start, m.end, m.entityId, JSON.stringify(m)),
        );
        annotated.run(id);
      }
    });
    // Bulk load: the annotation triggers are set aside and the read models derived once afterwards (the same
    // derivation `marsad check --repair` runs); row-by-row upkeep would multiply the build time on a loaded machine.
    const triggers = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'annotations'")
      .all() as { name: string; sql: string }[];
    for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`);
    let seq = 0;
    for (;;) {
      const rows = texts.all(seq, 5_000) as {
        id: string;
        headline: string;
        body: string;
        outlet: string;
        published: string | null;
      }[];
      if (rows.length === 0) break;
      seq += rows.length;
      const batch = rows.map((r) => ({
        id: r.id,
        article: { outlet: r.outlet, published: r.published, headline: r.headline, body: r.body },
      }));
      addMentions(batch);
      for (const { id, article } of batch) {
        const lead = headlineWords(article.headline)[0];
        if (lead === undefined) continue;
        refs.push({
          id,
          outlet: article.outlet,
          headline: article.headline,
          published: article.published,
          key: `${foldWord(lead)} ${article.published?.slice(0, 7) ?? ''}`,
        });
      }
    }
    for (const trigger of triggers) db.exec(trigger.sql);
    await store.rebuildReadModels();
    const { stories, assignments } = benchStories(refs);
    const eventsOf = new Map<string, ArticleEventRow[]>();
    for (const row of assignments) {
      const rows = eventsOf.get(row.storylineId!);
      if (rows) rows.push(row);
      else eventsOf.set(row.storylineId!, [row]);
    }
    for (let i = 0; i < stories.length; i += 500) {
      const upsert = stories.slice(i, i + 500);
      await store.commitStoryState({
        features: [],
        assignments: upsert.flatMap((s) => eventsOf.get(s.id) ?? []),
        upsert,
        remove: [],
      });
    }
    console.log(
      `built ${count} articles with entity mentions and ${stories.length} stories in ${((performance.now() - started) / 1000).toFixed(0)} s → ${path}`,
    );
  } finally {
    db.close();
    await store.close();
  }
  renameSync(partial, path);
  for (const suffix of ['-wal', '-shm']) if (existsSync(partial + suffix)) renameSync(partial + suffix, path + suffix);
  return path;
}

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
}

async function startServer(dbPath: string, workers: number, responseCache: boolean): Promise<Server> {
  const child = spawn(
    process.execPath,
    [
      join(process.env.API_BENCH_MARSAD ?? REPO_ROOT, 'marsad'),
      'serve',
      '--db',
      dbPath,
      '--port',
      '0',
      '--no-ingest',
      // The bench stories are not a replay of story features (there are none): a catch-up would recluster 100k.
      // API_BENCH_CATCH_UP=1 leaves the flag out, for a checkout older than --no-catch-up.
      ...(process.env.API_BENCH_CATCH_UP === '1' ? [] : ['--no-catch-up']),
      '--workers',
      String(workers),
      ...(responseCache ? [] : ['--no-response-cache']),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /at (http:\/\/\S+)/u.exec(out);
      if (match) resolve(match[1]!.replace(/\/$/u, ''));
    });
    child.once('exit', (code) => reject(new Error(`marsad serve exited with ${code}`)));
  });
  return { child, url };
}

/** CPU seconds (user + system) of a process and its descendants, from /proc (Linux). */
function treeCpuSeconds(rootPid: number): number {
  const ticksPerSecond = 100;
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while listing.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = stats.get(at)?.ppid)
      if (at === rootPid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, stat] of stats) if (inTree(pid)) ticks += stat.ticks;
  return ticks / ticksPerSecond;
}

function get(agent: Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

interface LoadResult {
  readonly latencies: number[];
  readonly errors: number;
  readonly seconds: number;
  readonly serverCpuSeconds: number;
}

async function load(server: Server, paths: readonly string[], durationMs = DURATION_MS): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const cpuBefore = treeCpuSeconds(server.child.pid!);
  const started = performance.now();
  const client = async () => {
    while (performance.now() - started < durationMs) {
      const path = paths[next++ % paths.length]!;
      const t0 = performance.now();
      const status = await get(agent, server.url + path).catch(() => 0);
      latencies.push(performance.now() - t0);
      if (status !== 200) errors++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  agent.destroy();
  return {
    latencies,
    errors,
    seconds: (performance.now() - started) / 1000,
    serverCpuSeconds: treeCpuSeconds(server.child.pid!) - cpuBefore,
  };
}

/** Sequential requests one at a time: the unloaded latency of one answer. */
async function alone(server: Server, path: string, times: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await get(agent, server.url + path);
    out.push(performance.now() - t0);
  }
  agent.destroy();
  return out;
}

const searchPath = (q: (typeof BENCH_QUERIES)[number]) =>
  `/api/search?${new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined) as [string, string][])}`;

export async function bench(): Promise<void> {
  const path = await apiBenchDatabase();
  const workersList = (process.env.API_BENCH_WORKERS ?? '1,2').split(',').map(Number);
  const parts = (process.env.API_BENCH_PARTS ?? 'cached,uncached').split(',');
  const searches = BENCH_QUERIES.map((q) => searchPath(q));
  const lists: [string, string[]][] = [
    ['GET /api/entities', ['/api/entities']],
    ['GET /api/entities?type=LOC&limit=100', ['/api/entities?type=LOC&limit=100']],
    ['GET /api/clusters', ['/api/clusters']],
    ['GET /api/clusters?limit=50', ['/api/clusters?limit=50']],
    ['GET /api/health', ['/api/health']],
  ];
  for (const part of parts) {
    for (const workers of workersList) {
      const cached = part === 'cached';
      const server = await startServer(path, workers, cached);
      try {
        await load(server, searches.slice(0, 4), 1_500); // warm-up
        console.log(`\n--- ${workers} server worker(s), response cache ${cached ? 'on' : 'off'}`);
        const only = process.env.API_BENCH_ONLY;
        const runs = ([['GET /api/search (24 queries in turn)', searches], ...lists] as [string, string[]][]).filter(
          ([name]) => only === undefined || name.includes(only),
        );
        for (const [name, paths] of runs) {
          if (workers === workersList[0]) {
            const single = await alone(server, paths[0]!, 20);
            console.log(`${name}: alone ${summarize(single)}`);
          }
          const result = await load(server, paths);
          const n = result.latencies.length;
          console.log(
            `${name}: ${CONCURRENCY} clients ${result.seconds.toFixed(1)} s: ${(n / result.seconds).toFixed(0)} req/s, ` +
              `${result.errors} errors, server CPU ${((result.serverCpuSeconds * 1000) / n).toFixed(2)} ms/request, ` +
              `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
          );
          console.log(`  latency ${summarize(result.latencies)}`);
        }
      } finally {
        server.child.kill('SIGTERM');
        await new Promise((resolve) => server.child.once('exit', resolve));
      }
    }
  }
}
