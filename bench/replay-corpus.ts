/**
 * A corpus of any size for the clustering benches (issue 18), built AT RUN TIME from the two real corpora in
 * ../shared/data (egy-news-2013, SaudiNewsNet) and never written anywhere: both corpora are laid on one calendar
 * (each starts on day 0 of a round), and each round replays them ROUND_DAYS later with light text variation (a
 * different ninth of the body words dropped, so a replay is no exact copy), until the size is reached. Articles come
 * out in the corpus stage's assignment order — (date, id) — so a stream of them clusters exactly like one batch.
 */
import type { ClusterInput } from '../src/corpus/types.ts';
import { readNewsCorpus, recordToInput } from '../scripts/news-corpus.ts';
import { dayNumber, dayToIso } from '../src/corpus/cluster/dates.ts';

/** Days between rounds: the longer corpus spans 22 days (SaudiNewsNet 2015-07-21 … 08-11; egy-news-2013 14). */
export const ROUND_DAYS = 22;
/** Every n-th body word (from an offset that changes each round) is dropped in a replay. */
const DROP_EVERY = 9;
/** Day 0 of the replayed calendar (any date; the corpora's own years are dropped). */
const FIRST_DAY = dayNumber('2020-01-01')!;

interface BaseArticle {
  readonly input: ClusterInput;
  /** Day within its corpus (0 = the corpus' first day). */
  readonly offset: number;
}

export interface ReplayCorpus {
  /** Real articles read (both corpora, dated ones). */
  readonly baseArticles: number;
  /** The first `size` articles of the replay, in (date, id) order. */
  articles(size: number): Generator<ClusterInput>;
}

/** Reads both corpora once (the base stays in memory: its size does not grow with the replay). */
export async function loadReplayCorpus(sharedDir: string): Promise<ReplayCorpus> {
  const base: BaseArticle[][] = [];
  let count = 0;
  for (const name of ['egy-news-2013', 'saudinewsnet'] as const) {
    const inputs = (await readNewsCorpus(sharedDir, name)).records.map(recordToInput);
    const days = inputs.map((i) => dayNumber(i.published)).filter((d): d is number => d !== null);
    const first = Math.min(...days);
    for (const input of inputs) {
      const day = dayNumber(input.published);
      if (day === null) continue; // both corpora are fully dated; an undated record would break the order
      (base[day - first] ??= []).push({ input, offset: day - first });
      count++;
    }
  }
  return {
    baseArticles: count,
    *articles(size) {
      let emitted = 0;
      for (let round = 0; emitted < size; round++) {
        for (let offset = 0; offset < ROUND_DAYS && emitted < size; offset++) {
          const date = dayToIso(FIRST_DAY + round * ROUND_DAYS + offset);
          const day = (base[offset] ?? []).map((a) => replayed(a.input, round, date));
          day.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
          for (const input of day) {
            if (emitted++ >= size) return;
            yield input;
          }
        }
      }
    },
  };
}

function replayed(input: ClusterInput, round: number, date: string): ClusterInput {
  if (round === 0) return { ...input, published: date };
  const body = input.body
    .split(' ')
    .filter((_, i) => i % DROP_EVERY !== round % DROP_EVERY)
    .join(' ');
  return { ...input, id: `${input.id}~${round}`, published: date, body };
}
