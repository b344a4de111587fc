import { describe, expect, it } from 'vitest';
import { clusterArticles, type ClusterInput } from '../index.ts';
import { ALL_ARTICLES, FLOOD_A, UNDATED_FLOOD, WIRE_ORIGINAL } from '../fixtures/articles.ts';
import { memoryEventArchive } from './event-archive.ts';
import type { WindowStats } from './event-window.ts';
import { dayNumber, dayToIso } from './dates.ts';

/** Names the fixtures mention, linked as a tagger would (so the pair-model path runs, not only the text rule). */
const NAMES: readonly [string, 'LOC' | 'ORG'][] = [
  ['جازان', 'LOC'],
  ['الدفاع المدني', 'ORG'],
  ['وزارة الصحة', 'ORG'],
  ['الأرصاد', 'ORG'],
  ['الهلال', 'ORG'],
];

function annotated(input: ClusterInput): ClusterInput {
  const entities = NAMES.flatMap(([name, type]) => {
    const start = input.body.indexOf(name);
    return start < 0
      ? []
      : [{ type, text: name, start, end: start + name.length, entityId: `e-${name}`, canonical: name }];
  }).sort((a, b) => a.start - b.start);
  return { ...input, entities };
}

/** The fixtures again every `everyDays` days, each round dropping every third word (from a round-dependent offset). */
function replay(inputs: readonly ClusterInput[], rounds: number, everyDays: number): ClusterInput[] {
  const out: ClusterInput[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const day = dayNumber(input.published);
      const body =
        round === 0
          ? input.body
          : input.body
              .split(' ')
              .filter((_, i) => i % 3 !== round % 3)
              .join(' ');
      out.push({
        ...input,
        id: round === 0 ? input.id : `${input.id}~${round}`,
        published: day === null ? null : dayToIso(day + round * everyDays),
        body,
        entities: (input.entities ?? []).filter((e) => body.slice(e.start, e.end) === e.text),
      });
    }
  }
  return out;
}

/** The agency text re-run word for word 200 days later: a near-duplicate of an article frozen long ago. */
const LATE_RERUN: ClusterInput = {
  ...WIRE_ORIGINAL,
  id: 'archive-reprint#9',
  outlet: 'مجلة الأرشيف',
  published: dayToIso(dayNumber(WIRE_ORIGINAL.published)! + 200),
};

const CORPUS = [...replay(ALL_ARTICLES.map(annotated), 8, 9), LATE_RERUN];

function bounded(inputs: readonly ClusterInput[], openDays: number): { json: string; stats: WindowStats } {
  let stats: WindowStats | null = null;
  const result = clusterArticles(inputs, {
    archive: memoryEventArchive(),
    openDays,
    onWindowStats: (s) => (stats = s),
  });
  return { json: JSON.stringify(result), stats: stats! };
}

describe('bounded event index (events frozen out of a day window, thawed on demand)', () => {
  const unbounded = JSON.stringify(clusterArticles(CORPUS));

  it.each([0, 1, 3])(
    'gives the same clusters, storylines, timeline and claims as an unbounded run (window %i days)',
    (days) => {
      const run = bounded(CORPUS, days);
      expect(run.json).toBe(unbounded);
      expect(run.stats.frozen).toBeGreaterThan(0);
    },
  );

  it('thaws a frozen cluster when a re-run of one of its articles arrives 200 days later', () => {
    const run = bounded(CORPUS, 3);
    const result = JSON.parse(run.json) as { eventClusters: { articles: string[] }[] };
    const home = result.eventClusters.find((c) => c.articles.includes(LATE_RERUN.id))!;
    expect(home.articles).toContain(WIRE_ORIGINAL.id);
    expect(run.stats.thawed).toBeGreaterThanOrEqual(1);
  });

  it('thaws the flood cluster for an undated report that arrives after the flood left the window', () => {
    const inputs = [FLOOD_A, ...replay([annotated(FLOOD_A)], 4, 30).slice(1), UNDATED_FLOOD];
    const run = bounded(inputs, 0);
    expect(run.json).toBe(JSON.stringify(clusterArticles(inputs)));
    const result = JSON.parse(run.json) as { eventClusters: { articles: string[] }[] };
    expect(result.eventClusters.find((c) => c.articles.includes(UNDATED_FLOOD.id))!.articles).toContain(FLOOD_A.id);
    expect(run.stats.thawed).toBeGreaterThanOrEqual(1);
  });

  it('keeps as many clusters in memory for 16 rounds of news as for 8: memory does not grow with the corpus', () => {
    const eight = bounded(replay(ALL_ARTICLES, 8, 9), 3).stats;
    const sixteen = bounded(replay(ALL_ARTICLES, 16, 9), 3).stats;
    expect(sixteen.peakLive).toBe(eight.peakLive);
    expect(sixteen.frozen).toBeGreaterThan(eight.frozen);
    expect(sixteen.peakLive).toBeLessThan(sixteen.frozen / 4);
  });
});
