/**
 * NER benchmark: model load time, heap/RSS after load, and tagging throughput in sentences/s on one
 * core (ANERcorp dev-split sentences when ../shared exists, otherwise generated Arabic sentences).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSharedDir } from '../eval/shared-dir.ts';
import { recognizeEntities, tagConll } from '../src/analyze/entities/recognize.ts';
import { parseModel } from '../src/analyze/entities/model-file.ts';
import { MODEL_PATH } from '../src/analyze/entities/model-path.ts';
import { createTagger } from '../src/analyze/entities/tagger.ts';
import { parseConll, splitDev } from '../tools/ner/conll.ts';
import { DEV_FRACTION } from '../tools/ner/train.ts';

/** Issue 3 target for annotation throughput on one core. */
const TARGET_SENTENCES_PER_SECOND = 3_000;
/** Enough sentences for a stable figure (a few seconds on one core). */
const MIN_SENTENCES = 5_000;

const SUBJECTS = [
  'وزير الخارجية',
  'الرئيس الفرنسي',
  'المتحدث باسم الجيش',
  'رئيس الوزراء',
  'الأمين العام للأمم المتحدة',
];
const NAMES = ['سامي الدباغ', 'هيلين مارتان', 'خالد العتيبي', 'يوري بتروف', 'نادية الحسن'];
const PLACES = ['القاهرة', 'بيروت', 'نيروبي', 'مدريد', 'الموصل'];

function generatedSentences(count: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    const text = `قال ${SUBJECTS[i % 5]} ${NAMES[(i * 3) % 5]} في ${PLACES[(i * 7) % 5]} يوم الثلاثاء إن المحادثات مع وفد من ${PLACES[(i + 2) % 5]} ستستأنف الأسبوع المقبل بعد توقف دام ${(i % 30) + 2} يوما .`;
    out.push(text.split(' '));
  }
  return out;
}

function benchSentences(): { sentences: string[][]; source: string } {
  const shared = findSharedDir();
  if (!shared) return { sentences: generatedSentences(MIN_SENTENCES), source: 'generated' };
  const { dev } = splitDev(
    parseConll(readFileSync(join(shared, 'data', 'anercorp', 'ANERCorp_CamelRecipe_train.txt'), 'utf8')),
    DEV_FRACTION,
  );
  const sentences: string[][] = [];
  while (sentences.length < MIN_SENTENCES) sentences.push(...dev.map((s) => [...s.tokens]));
  return { sentences, source: `ANERcorp dev split (${dev.length} sentences, repeated)` };
}

export async function bench(): Promise<void> {
  const before = process.memoryUsage();
  let started = performance.now();
  const loadCpuBefore = process.cpuUsage();
  // Read, parse and build the tagger directly: loadTagger's module cache may already hold the model when another
  // benchmark (annotate) ran first in this process.
  createTagger(parseModel(readFileSync(MODEL_PATH)));
  const loadMs = performance.now() - started;
  const loadCpu = process.cpuUsage(loadCpuBefore);
  const after = process.memoryUsage();
  console.log(
    `model load: ${loadMs.toFixed(0)} ms wall, ${((loadCpu.user + loadCpu.system) / 1000).toFixed(0)} ms CPU; heap +${((after.heapUsed - before.heapUsed) / 1e6).toFixed(1)} MB, RSS ${(after.rss / 1e6).toFixed(0)} MB`,
  );
  const { sentences, source } = benchSentences();
  const tokens = sentences.reduce((n, s) => n + s.length, 0);
  // First pass cold (JIT warm-up, word cache filling), reported separately; the throughput figure is the second pass.
  const coldCpuBefore = process.cpuUsage();
  tagConll(sentences);
  const coldCpu = process.cpuUsage(coldCpuBefore);
  console.log(
    `tagConll first (cold) pass: ${(sentences.length / ((coldCpu.user + coldCpu.system) / 1e6)).toFixed(0)} sentences per CPU-second`,
  );
  started = performance.now();
  const cpuBefore = process.cpuUsage();
  tagConll(sentences);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU seconds as well as wall seconds: on a shared machine the wall figure mostly measures the neighbours.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `tagConll on ${source}: ${sentences.length} sentences, ${tokens} tokens in ${seconds.toFixed(2)} s wall / ${cpuSeconds.toFixed(2)} s CPU`,
  );
  console.log(
    `  → ${(sentences.length / seconds).toFixed(0)} sentences/s wall, ${(sentences.length / cpuSeconds).toFixed(0)} sentences per CPU-second (target ≥ ${TARGET_SENTENCES_PER_SECOND}), ${(tokens / cpuSeconds).toFixed(0)} tokens per CPU-second`,
  );
  const text = sentences
    .slice(0, 2000)
    .map((s) => s.join(' '))
    .join('\n');
  started = performance.now();
  const rawCpuBefore = process.cpuUsage();
  const entities = recognizeEntities(text);
  const rawSeconds = (performance.now() - started) / 1000;
  const rawCpu = process.cpuUsage(rawCpuBefore);
  const rawCpuSeconds = (rawCpu.user + rawCpu.system) / 1e6;
  console.log(
    `recognizeEntities on raw text (2000 sentences, ${text.length} chars, split/tokenised here): ${(2000 / rawSeconds).toFixed(0)} sentences/s wall, ${(2000 / rawCpuSeconds).toFixed(0)} per CPU-second, ${entities.length} entities`,
  );
}
