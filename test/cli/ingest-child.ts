/**
 * Child process for the interrupted-ingest test: ingests argv[2] into the database argv[3] in batches of 3,
 * prints "committed <n>" after each batch, and hangs inside the analyser on a page containing «توقف»
 * so the parent can kill it in the middle of a batch.
 */
import { ingestInputs } from '../../src/app/ingest.ts';
import { analyzeByFirstLine } from '../../src/app/testing/first-line-analyzer.ts';
import type { RawPage } from '../../src/core/page.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const [dir, db] = process.argv.slice(2);
const store = openSqliteStore(db!);
let batches = 0;
const analyze = (page: RawPage) => {
  if (page.body.includes('توقف')) for (;;); // hang until killed
  return analyzeByFirstLine(page);
};
await ingestInputs(store, [dir!], {
  analyze,
  maxBytes: 100_000,
  batchSize: 3,
  afterBatch: () => void process.stdout.write(`committed ${++batches}\n`),
});
