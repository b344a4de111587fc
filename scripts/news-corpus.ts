/**
 * Reads the JSONL.gz news corpora of ../shared/data (SaudiNewsNet, egy-news-2013) as ClusterInputs,
 * for the cluster bench, the cluster report and the background-IDF builder. Research data: never committed.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { ClusterInput } from '../src/corpus/types.ts';

export interface NewsRecord {
  readonly id: string;
  readonly source: string;
  readonly date: string | null;
  readonly title: string | null;
  readonly text: string | null;
}

export const NEWS_CORPORA = {
  saudinewsnet: 'data/saudinewsnet/saudinewsnet.jsonl.gz',
  'egy-news-2013': 'data/egy-news-2013/egy-news-2013-02-01_14.jsonl.gz',
} as const;

export type NewsCorpusName = keyof typeof NEWS_CORPORA;

/** Streams one corpus' records; an unparsable line is skipped and counted in `skipped`. */
export async function readNewsCorpus(
  sharedDir: string,
  name: NewsCorpusName,
): Promise<{ records: NewsRecord[]; skipped: number }> {
  const records: NewsRecord[] = [];
  let skipped = 0;
  for await (const record of newsRecords(sharedDir, name, () => skipped++)) records.push(record);
  return { records, skipped };
}

/** One corpus' records one at a time, holding none (nothing when the file is absent); `onSkip` per unparsable line. */
export async function* newsRecords(
  sharedDir: string,
  name: NewsCorpusName,
  onSkip: () => void = () => {},
): AsyncGenerator<NewsRecord> {
  const path = join(sharedDir, NEWS_CORPORA[name]);
  if (!existsSync(path)) return;
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(line) as Record<string, unknown>;
    } catch {
      onSkip();
      continue;
    }
    yield {
      id: String(raw.id),
      source: String(raw.source ?? ''),
      date: typeof raw.date === 'string' ? raw.date : null,
      title: typeof raw.title === 'string' ? raw.title : null,
      text: typeof raw.text === 'string' ? raw.text : null,
    };
  }
}

/** A corpus record as a ClusterInput: day-precision date, outlet = source id, no annotations. */
export function recordToInput(record: NewsRecord): ClusterInput {
  return {
    id: record.id,
    outlet: record.source,
    published: record.date && /^\d{4}-\d{2}-\d{2}/u.test(record.date) ? record.date.slice(0, 10) : null,
    headline: record.title,
    body: record.text ?? '',
  };
}
