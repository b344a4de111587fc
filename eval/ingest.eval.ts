/**
 * Ingest eval on real text from ../shared (read at run time, never copied): decoding round trips of the seed
 * pages through every supported encoding, streaming the SaudiNewsNet JSONL corpus, and an end-to-end,
 * idempotent ingest of the seeds with the real pipeline, checked against the gold article counts.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { loadPageAnalyzer } from '../src/app/analyzer.ts';
import { ingestInputs } from '../src/app/ingest.ts';
import { decodeBytes } from '../src/ingest/decode.ts';
import { readPages } from '../src/ingest/read-pages.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const MAX_BYTES = 5 * 1024 * 1024;

/** Each seed text as bytes in every encoding ingest must read, with the text decoding must give back. */
function encodings(text: string): { name: string; bytes: Buffer; expected: string }[] {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  const cp1256 = iconv.encode(text, 'windows-1256');
  const html = `<!DOCTYPE html><html><head><meta charset="windows-1256"><title>t</title></head><body><pre>${text}</pre></body></html>`;
  const htmlBytes = iconv.encode(html, 'windows-1256');
  return [
    { name: 'utf-8', bytes: Buffer.from(text), expected: text },
    { name: 'utf-8 BOM', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), expected: text },
    { name: 'utf-16le BOM', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), le]), expected: text },
    { name: 'utf-16be BOM', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), be]), expected: text },
    { name: 'utf-16le no BOM', bytes: le, expected: text },
    // Characters windows-1256 lacks become '?' when encoding; decoding must give back exactly that text.
    { name: 'windows-1256', bytes: cp1256, expected: iconv.decode(cp1256, 'windows-1256') },
    { name: 'html meta 1256', bytes: htmlBytes, expected: iconv.decode(htmlBytes, 'windows-1256') },
  ];
}

function evaluateDecoding(seedDir: string): { rate: number; rows: string[] } {
  const rows: string[] = [];
  let ok = 0;
  let total = 0;
  for (const file of readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const text = readFileSync(join(seedDir, file), 'utf8').normalize('NFC');
    const failures: string[] = [];
    for (const { name, bytes, expected } of encodings(text)) {
      total++;
      const result = decodeBytes(bytes, { maxBytes: MAX_BYTES });
      if (result.ok && result.value.text === expected.normalize('NFC')) ok++;
      else failures.push(name);
    }
    rows.push(`${file.padEnd(28)} ${failures.length === 0 ? 'all encodings ok' : `FAILED: ${failures.join(', ')}`}`);
  }
  return { rate: total === 0 ? 0 : ok / total, rows };
}

async function evaluateJsonl(path: string): Promise<{ okRate: number; pages: number; perSecond: number }> {
  const started = performance.now();
  let ok = 0;
  let pages = 0;
  for await (const result of readPages([path], { maxBytes: MAX_BYTES })) {
    pages++;
    if (result.ok) ok++;
  }
  const seconds = (performance.now() - started) / 1000;
  return { okRate: pages === 0 ? 0 : ok / pages, pages, perSecond: pages / seconds };
}

async function evaluateSeedIngest(shared: string): Promise<Record<string, number> | null> {
  let analyze;
  try {
    analyze = await loadPageAnalyzer({ annotate: true });
  } catch (error) {
    console.log(`seed ingest skipped: ${(error as Error).message}`);
    return null;
  }
  const goldDir = join(shared, 'gold', 'seeds');
  const goldArticles = readdirSync(goldDir)
    .filter((f) => /^\d{3}_.*\.json$/.test(f))
    .reduce(
      (sum, f) => sum + (JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as { articles: unknown[] }).articles.length,
      0,
    );
  const dir = mkdtempSync(join(tmpdir(), 'marsad-eval-ingest-'));
  try {
    const store = openSqliteStore(join(dir, 'eval.db'));
    const options = { analyze, maxBytes: MAX_BYTES, batchSize: 2 };
    const first = await ingestInputs(store, [join(shared, 'seeds')], options);
    const second = await ingestInputs(store, [join(shared, 'seeds')], options);
    await store.close();
    console.log(
      `seed ingest: ${first.pages} pages, ${first.newPages} new, ${first.articles} articles (gold ${goldArticles}), ${first.failed.length} failed; rerun: ${second.newPages} new, ${second.duplicates} duplicates`,
    );
    for (const f of first.failed) console.log(`  failed ${f.source}: ${f.message}`);
    return {
      'seeds.ok_rate': 1 - first.failed.length / readdirSync(join(shared, 'seeds')).length,
      'seeds.articles_match': first.articles === goldArticles ? 1 : 0,
      'seeds.rerun_idempotent': second.newPages === 0 && second.duplicates === first.newPages ? 1 : 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function evaluate(shared: string): Promise<{ metrics: Record<string, number> }> {
  const decoding = evaluateDecoding(join(shared, 'seeds'));
  console.log('decoding round trips (7 encodings per seed page):');
  for (const row of decoding.rows) console.log(`  ${row}`);
  const metrics: Record<string, number> = { 'decode.roundtrip': decoding.rate };
  const corpus = join(shared, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz');
  try {
    const jsonl = await evaluateJsonl(corpus);
    console.log(
      `saudinewsnet.jsonl.gz: ${jsonl.pages} records read, ${(jsonl.okRate * 100).toFixed(2)}% accepted, ${jsonl.perSecond.toFixed(0)} records/s`,
    );
    metrics['jsonl.ok_rate'] = jsonl.okRate;
  } catch (error) {
    console.log(`saudinewsnet corpus not read: ${(error as Error).message}`);
  }
  Object.assign(metrics, (await evaluateSeedIngest(shared)) ?? {});
  console.log(`decode.roundtrip ${(decoding.rate * 100).toFixed(1)}%`);
  return { metrics };
}
