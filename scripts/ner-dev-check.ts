/**
 * `npx tsx scripts/ner-dev-check.ts MODEL.json.gz [--dev-blocks 1] [--explain STEP]`: dev-split F1 of a NER model file through the
 * shipped post-processing pipeline (the steps recognizeEntities/tagConll apply), step by step, and with each step
 * removed from the shipped pipeline (ablation). Use it with a held-out model (`npm run train:ner -- --holdout --out
 * FILE`): the committed model was trained on the dev split. The dev split is re-created exactly as
 * scripts/train-ner.ts does (parseConll + splitDev(DEV_FRACTION)).
 * `--wojood` also scores PERS alone (P/R/F1) on the public Wojood sample (train+val+test, ≈ 1,600 sentences of mixed
 * domains, ../shared/data/wojood-sample; each paragraph one document), a second labelled check for the person-name steps (other types follow
 * Wojood's own scheme and are not compared).
 * `--explain STEP` lists the dev chunks that STEP (a refiner name, backoff, consistency or nameParts) adds or removes
 * when it is removed from the shipped pipeline, each marked correct (+) or wrong (−) against the gold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chunksOf, evaluateChunks, type Scores } from '../src/analyze/entities/bio.ts';
import { loadTagger, tagConll } from '../src/analyze/entities/recognize.ts';
import { REFINERS, type RefinerName } from '../src/analyze/entities/span-refiners.ts';
import { SHIPPED_STEPS, type TagSteps } from '../src/analyze/entities/tagger.ts';
import { parseConll, splitDev } from '../src/analyze/entities/train/conll.ts';
import { DEV_FRACTION } from '../src/analyze/entities/train/train.ts';
import { findSharedDir } from '../eval/shared-dir.ts';

const args = process.argv.slice(2);
const modelPath = args.find((a) => !a.startsWith('--') && !['--explain', '--dev-blocks'].includes(args[args.indexOf(a) - 1] ?? ''));
if (!modelPath) {
  console.error('usage: tsx scripts/ner-dev-check.ts MODEL.json.gz [--explain STEP]');
  process.exit(2);
}
const explain = args.includes('--explain') ? args[args.indexOf('--explain') + 1] : undefined;

const shared = findSharedDir();
if (!shared) {
  console.error('../shared (ANERcorp) not found; set MARSAD_SHARED');
  process.exit(2);
}
const text = readFileSync(join(shared, 'data', 'anercorp', 'ANERCorp_CamelRecipe_train.txt'), 'utf8');
// `--dev-blocks 1`: the last 10% (as `train:ner --holdout --dev-blocks 1` holds out), else the 10 spread blocks.
const devBlocks = args.includes('--dev-blocks') ? Number(args[args.indexOf('--dev-blocks') + 1]) : 10;
const { dev } = splitDev(parseConll(text), DEV_FRACTION, devBlocks);
const tagger = loadTagger(modelPath);
const gold = dev.map((s) => s.tags);
const tokens = dev.map((s) => s.tokens);

const NONE: TagSteps = { backoff: false, refiners: new Set(), consistency: false, nameParts: false };
const refinerNames = REFINERS.map(([name]) => name);
const without = (step: string): TagSteps => ({
  ...SHIPPED_STEPS,
  ...(step === 'backoff' || step === 'consistency' || step === 'nameParts' ? { [step]: false } : {}),
  refiners: new Set(refinerNames.filter((n) => n !== step)),
});

const fmt = (s: Scores): string => `${s.precision.toFixed(3)} / ${s.recall.toFixed(3)} / ${s.f1.toFixed(4)}`;
function run(title: string, steps: TagSteps, perType = false): string[][] {
  const predicted = tagConll(tokens, tagger, steps);
  const { micro, byType } = evaluateChunks(gold, predicted);
  console.log(`${title.padEnd(58)} micro P/R/F1 ${fmt(micro)}`);
  if (perType) for (const [type, s] of Object.entries(byType).sort()) console.log(`    ${type.padEnd(5)} ${fmt(s)}  (gold ${s.gold})`);
  return predicted;
}

console.log(`model ${modelPath}: ${String(tagger.info.trainedOn)}; dev ${dev.length} sentences`);
if (tagger.info.includesDev === true) console.log('WARNING: this model was trained on the dev split; the figures are a training fit.');
run('tagger alone', NONE, true);
run('+ consistency', { ...NONE, consistency: true });
run('+ gazetteer back-off + consistency (previous shipped pipeline)', { ...NONE, backoff: true, consistency: true }, true);
for (const name of refinerNames) run(`  previous + refiner ${name}`, { ...NONE, backoff: true, consistency: true, refiners: new Set<RefinerName>([name]) });
run('  previous + name-part propagation', { ...NONE, backoff: true, consistency: true, nameParts: true });
const shipped = run('shipped pipeline (all steps)', SHIPPED_STEPS, true);
for (const step of ['backoff', ...refinerNames, 'consistency', 'nameParts']) run(`  shipped without ${step}`, without(step));

if (args.includes('--wojood')) {
  // Wojood: «TOKEN TAG [TAG…]», nested; a token is PERS if any of its tags is. Its files concatenate unrelated
  // texts, so each paragraph (ended by a «$#$» token) is scored as its own document for the document-level passes.
  const documents: { tokens: string[]; tags: string[] }[][] = [];
  for (const split of ['train', 'val', 'test']) {
    let document: { tokens: string[]; tags: string[] }[] = [];
    let current = { tokens: [] as string[], tags: [] as string[] };
    const endSentence = (): void => { if (current.tokens.length > 0) document.push(current); current = { tokens: [], tags: [] }; };
    const endDocument = (): void => { endSentence(); if (document.length > 0) documents.push(document); document = []; };
    for (const line of readFileSync(join(shared, 'data', 'wojood-sample', `${split}.txt`), 'utf8').split('\n')) {
      const parts = line.trim().split(/\s+/u);
      if (parts[0] === '$#$') { endDocument(); continue; }
      if (parts.length < 2) { endSentence(); continue; }
      current.tokens.push(parts[0]!);
      current.tags.push(parts.slice(1).find((t) => t.endsWith('-PERS')) ?? 'O');
    }
    endDocument();
  }
  const onlyPers = (tags: readonly string[]): string[] => tags.map((t) => (t.endsWith('-PERS') ? t : 'O'));
  const wGold = documents.flatMap((d) => d.map((s) => s.tags));
  console.log(`Wojood sample, PERS only (${wGold.length} sentences, ${documents.length} paragraphs as documents):`);
  const score = (title: string, steps: TagSteps): void => {
    const predicted = documents.flatMap((d) => tagConll(d.map((s) => s.tokens), tagger, steps)).map(onlyPers);
    console.log(`  ${title.padEnd(56)} PERS P/R/F1 ${fmt(evaluateChunks(wGold, predicted).byType.PERS!)}`);
  };
  score('tagger alone', NONE);
  score('previous shipped pipeline (back-off + consistency)', { ...NONE, backoff: true, consistency: true });
  score('shipped pipeline (all steps)', SHIPPED_STEPS);
  for (const step of ['backoff', ...refinerNames, 'consistency', 'nameParts']) score(`shipped without ${step}`, without(step));
}

if (explain) {
  const base = tagConll(tokens, tagger, without(explain));
  const key = (s: number, c: { type: string; start: number; end: number }): string => `${s}:${c.type}:${c.start}:${c.end}`;
  dev.forEach((sentence, s) => {
    const goldKeys = new Set(chunksOf(gold[s]!).map((c) => key(s, c)));
    const before = new Map(chunksOf(base[s]!).map((c) => [key(s, c), c]));
    const after = new Map(chunksOf(shipped[s]!).map((c) => [key(s, c), c]));
    const show = (sign: string, c: { type: string; start: number; end: number }, k: string): void => {
      const context = sentence.tokens.slice(Math.max(0, c.start - 4), Math.min(sentence.tokens.length, c.end + 3)).join(' ');
      console.log(`${sign} ${goldKeys.has(k) ? 'correct' : 'wrong  '} ${c.type} «${sentence.tokens.slice(c.start, c.end).join(' ')}»  … ${context} …`);
    };
    for (const [k, c] of after) if (!before.has(k)) show('added  ', c, k);
    for (const [k, c] of before) if (!after.has(k)) show('removed', c, k);
  });
}
