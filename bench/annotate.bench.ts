/**
 * Annotation benchmark: sentences/s of annotateArticle (times, quantities, quotes, entity linking) on
 * generated Arabic pages, without NER (layers alone) and with the trained tagger when its model exists.
 */
import { annotateArticle, type AnnotateOptions } from '../src/analyze/index.ts';
import { recognizeEntities } from '../src/analyze/entities/recognize.ts';
import { splitSentences } from '../src/text/sentences.ts';
import { generatePages } from './generate-pages.ts';

/** Enough text for a stable figure (about a second per run on one core). */
const PAGE_COUNT = 400;

/** Timed passes over all pages; the median is reported (after a warm-up pass, so the JIT has compiled the hot paths). */
const RUNS = 3;

function measure(label: string, bodies: readonly string[], sentences: number, options: AnnotateOptions): void {
  const pass = (pages: readonly string[]): number => {
    let annotations = 0;
    for (const body of pages) {
      const result = annotateArticle({ body, published: '2025-01-01', outlet: null }, options);
      annotations += result.entities.length + result.quantities.length + result.quotes.length + result.times.length;
    }
    return annotations;
  };
  pass(bodies.slice(0, Math.ceil(bodies.length / 4)));
  const timings: number[] = [];
  let annotations = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    annotations = pass(bodies);
    timings.push((performance.now() - started) / 1000);
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const seconds = sorted[Math.floor(RUNS / 2)]!;
  console.log(
    `${label.padEnd(28)} ${(sentences / seconds).toFixed(0).padStart(8)} sentences/s  ${(bodies.length / seconds).toFixed(0).padStart(6)} pages/s  ${annotations} annotations` +
      `  (median of ${RUNS} passes after a warm-up; slowest ${(sentences / sorted[RUNS - 1]!).toFixed(0)} sentences/s)`,
  );
}

function hasModel(): boolean {
  try {
    recognizeEntities('اختبار');
    return true;
  } catch (error) {
    console.log(`with NER: skipped (${(error as Error).message})`);
    return false;
  }
}

export async function bench(): Promise<void> {
  const bodies = generatePages({ count: PAGE_COUNT, seed: 7 }).map((generated) => generated.page.body);
  const sentences = bodies.reduce((sum, body) => sum + splitSentences(body).length, 0);
  console.log(
    `${bodies.length} generated pages, ${sentences} sentences, ${(bodies.reduce((sum, body) => sum + body.length, 0) / 1e6).toFixed(2)} M chars`,
  );
  measure('layers only (no NER)', bodies, sentences, { recognize: () => [] });
  if (hasModel()) measure('with NER', bodies, sentences, {});
}
