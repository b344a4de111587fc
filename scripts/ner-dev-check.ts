/**
 * `npx tsx scripts/ner-dev-check.ts MODEL.json.gz [--dev-blocks 1] [--explain STEP]`: dev-split F1 of a NER model file through the
 * shipped post-processing pipeline (the steps recognizeEntities/tagConll apply), step by step, and with each step
 * removed from the shipped pipeline (ablation). Use it with a held-out model (`npm run train:ner -- --holdout --out
 * FILE`): the committed model was trained on the dev split. The dev split is re-created exactly as
 * scripts/train-ner.ts does (parseConll + splitDev(DEV_FRACTION)).
 * `--wojood` also scores PERS alone (P/R/F1) on the public Wojood sample (train+val+test, ≈ 1,600 sentences of mixed
 * domains, ../shared/data/wojood-sample; each paragraph one document), a second labelled check for the person-name steps (other types follow
 * Wojood's own scheme and are not compared).
 * `--cv DIR`: the same over cross-validation folds instead of the dev split: DIR holds `train:ner -- --folds K
 * --save-folds DIR` models, each scored on the block it was trained without, pooled (≈ 9,000 entities; decoding and
 * post-processing options are chosen this way without retraining).
 * `--explain STEP` lists the dev chunks that STEP (a refiner name, backoff, consistency or nameParts) adds or removes
 * when it is removed from the shipped pipeline, each marked correct (+) or wrong (−) against the gold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chunksOf, evaluateChunks, type Scores } from '../src/analyze/entities/bio.ts';
import { tagConll } from '../src/analyze/entities/recognize.ts';
import { REFINERS, type RefinerName } from '../src/analyze/entities/span-refiners.ts';
import { createTagger, SHIPPED_STEPS, type Tagger, type TagSteps } from '../src/analyze/entities/tagger.ts';
import { parseModel, type NerModel } from '../src/analyze/entities/model-file.ts';
import { parseConll, splitDev, type TaggedSentence } from '../tools/ner/conll.ts';
import { DEV_FRACTION, learnBackoffExclusions } from '../tools/ner/train.ts';
import { findSharedDir } from '../eval/shared-dir.ts';

const args = process.argv.slice(2);
const valueOf = (flag: string): string | undefined => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const cvDir = valueOf('--cv');
const modelPath = args.find(
  (a) => !a.startsWith('--') && !['--explain', '--dev-blocks', '--cv'].includes(args[args.indexOf(a) - 1] ?? ''),
);
if (!modelPath && !cvDir) {
  console.error(
    'usage: tsx scripts/ner-dev-check.ts MODEL.json.gz [--dev-blocks 1] [--explain STEP] [--wojood] | --cv DIR [--explain STEP]; [--quick]',
  );
  process.exit(2);
}
const explain = valueOf('--explain');

const shared = findSharedDir();
if (!shared) {
  console.error('../shared (ANERcorp) not found; set MARSAD_SHARED');
  process.exit(2);
}
const text = readFileSync(join(shared, 'data', 'anercorp', 'ANERCorp_CamelRecipe_train.txt'), 'utf8');

/** A model and the sentences it never saw: the dev split, or one cross-validation fold's held-out block. */
interface Unit {
  readonly tagger: Tagger;
  readonly sentences: readonly TaggedSentence[];
}
function loadUnits(): Unit[] {
  if (cvDir) {
    // `train:ner -- --folds K --save-folds DIR`: fold-N.json.gz, each recording the block it was trained without.
    const anercorp = parseConll(text);
    const files = readdirSync(cvDir)
      .filter((f) => /^fold-\d+\.json\.gz$/u.test(f))
      .sort();
    if (files.length === 0) throw new Error(`no fold-N.json.gz in ${cvDir}`);
    return files.map((f) => {
      const model = parseModel(readFileSync(join(cvDir, f)));
      const held = model.info.heldOut as { from: number; to: number } | undefined;
      if (!held) throw new Error(`${f}: no heldOut block recorded (not written by --save-folds)`);
      return {
        tagger: withExclusions(model, [...anercorp.slice(0, held.from), ...anercorp.slice(held.to)]),
        sentences: anercorp.slice(held.from, held.to),
      };
    });
  }
  // `--dev-blocks 1`: the last 10% (as `train:ner --holdout --dev-blocks 1` holds out), else the 10 spread blocks.
  const { train, dev } = splitDev(parseConll(text), DEV_FRACTION, Number(valueOf('--dev-blocks') ?? 10));
  return [{ tagger: withExclusions(parseModel(readFileSync(modelPath!)), train), sentences: dev }];
}

/**
 * The model's tagger; `--learn-exclusions` (for models written before the back-off learned them) learns the back-off
 * exclusions from the sentences the model was trained on, as train:ner now does.
 */
function withExclusions(model: NerModel, trainedOn: readonly TaggedSentence[]): Tagger {
  if (!args.includes('--learn-exclusions') || model.backoffExcluded) return createTagger(model);
  const backoffExcluded = learnBackoffExclusions(trainedOn, createTagger(model).resources);
  return createTagger({ ...model, backoffExcluded });
}
const units = loadUnits();
const tagger = units[0]!.tagger;
const dev = units.flatMap((u) => u.sentences);
const gold = dev.map((s) => s.tags);

const BASE: TagSteps = SHIPPED_STEPS;
const NONE: TagSteps = { backoff: false, refiners: new Set(), consistency: false, nameParts: false };
const refinerNames = REFINERS.map(([name]) => name);
const without = (step: string): TagSteps => ({
  ...BASE,
  ...(step === 'backoff' || step === 'consistency' || step === 'nameParts' ? { [step]: false } : {}),
  refiners: new Set(refinerNames.filter((n) => n !== step)),
});

/** Tags of every unit's sentences (each unit one document), concatenated in the order of `dev`. */
const tagUnits = (steps: TagSteps): string[][] =>
  units.flatMap((u) =>
    tagConll(
      u.sentences.map((s) => s.tokens),
      u.tagger,
      steps,
    ),
  );
const fmt = (s: Scores): string => `${s.precision.toFixed(3)} / ${s.recall.toFixed(3)} / ${s.f1.toFixed(4)}`;
function run(title: string, steps: TagSteps, perType = false): string[][] {
  const predicted = tagUnits(steps);
  const { micro, byType } = evaluateChunks(gold, predicted);
  console.log(`${title.padEnd(58)} micro P/R/F1 ${fmt(micro)}`);
  if (perType)
    for (const [type, s] of Object.entries(byType).sort())
      console.log(`    ${type.padEnd(5)} ${fmt(s)}  (gold ${s.gold})`);
  return predicted;
}

if (cvDir)
  console.log(`cross-validation: ${units.length} fold models from ${cvDir}; ${dev.length} held-out sentences in all`);
else console.log(`model ${modelPath}: ${String(tagger.info.trainedOn)}; dev ${dev.length} sentences`);
if (units.some((u) => u.tagger.info.includesDev === true))
  console.log('WARNING: this model was trained on the dev split; the figures are a training fit.');
// `--quick`: the tagger alone and the shipped pipeline only (no step-by-step runs, no ablations).
const quick = args.includes('--quick');
if (!quick) {
  run('tagger alone', NONE, true);
  run('+ consistency', { ...NONE, consistency: true });
  run(
    '+ gazetteer back-off + consistency (previous shipped pipeline)',
    { ...NONE, backoff: true, consistency: true },
    true,
  );
  for (const name of refinerNames)
    run(`  previous + refiner ${name}`, {
      ...NONE,
      backoff: true,
      consistency: true,
      refiners: new Set<RefinerName>([name]),
    });
  run('  previous + name-part propagation', { ...NONE, backoff: true, consistency: true, nameParts: true });
} else run('tagger alone', NONE);
const shipped = run('shipped pipeline (all steps)', BASE, true);
if (cvDir) {
  // Per fold (the folds differ by topic far more than options differ: docs/ner.md).
  let from = 0;
  const perFold = units.map((u) => {
    const to = from + u.sentences.length;
    const f1 = evaluateChunks(gold.slice(from, to), shipped.slice(from, to)).micro.f1;
    from = to;
    return f1.toFixed(3);
  });
  console.log(`    per fold: ${perFold.join(' / ')}`);
}
if (!quick)
  for (const step of ['backoff', ...refinerNames, 'consistency', 'nameParts'])
    run(`  shipped without ${step}`, without(step));

if (args.includes('--wojood') && !cvDir) {
  // Wojood: «TOKEN TAG [TAG…]», nested; a token is PERS if any of its tags is. Its files concatenate unrelated
  // texts, so each paragraph (ended by a «$#$» token) is scored as its own document for the document-level passes.
  const documents: { tokens: string[]; tags: string[] }[][] = [];
  for (const split of ['train', 'val', 'test']) {
    let document: { tokens: string[]; tags: string[] }[] = [];
    let current = { tokens: [] as string[], tags: [] as string[] };
    const endSentence = (): void => {
      if (current.tokens.length > 0) document.push(current);
      current = { tokens: [], tags: [] };
    };
    const endDocument = (): void => {
      endSentence();
      if (document.length > 0) documents.push(document);
      document = [];
    };
    for (const line of readFileSync(join(shared, 'data', 'wojood-sample', `${split}.txt`), 'utf8').split('\n')) {
      const parts = line.trim().split(/\s+/u);
      if (parts[0] === '$#$') {
        endDocument();
        continue;
      }
      if (parts.length < 2) {
        endSentence();
        continue;
      }
      current.tokens.push(parts[0]!);
      current.tags.push(parts.slice(1).find((t) => t.endsWith('-PERS')) ?? 'O');
    }
    endDocument();
  }
  const onlyPers = (tags: readonly string[]): string[] => tags.map((t) => (t.endsWith('-PERS') ? t : 'O'));
  const wGold = documents.flatMap((d) => d.map((s) => s.tags));
  console.log(`Wojood sample, PERS only (${wGold.length} sentences, ${documents.length} paragraphs as documents):`);
  const score = (title: string, steps: TagSteps): void => {
    const predicted = documents
      .flatMap((d) =>
        tagConll(
          d.map((s) => s.tokens),
          tagger,
          steps,
        ),
      )
      .map(onlyPers);
    console.log(`  ${title.padEnd(56)} PERS P/R/F1 ${fmt(evaluateChunks(wGold, predicted).byType.PERS!)}`);
  };
  score('tagger alone', NONE);
  score('previous shipped pipeline (back-off + consistency)', { ...NONE, backoff: true, consistency: true });
  score('shipped pipeline (all steps)', SHIPPED_STEPS);
  for (const step of ['backoff', ...refinerNames, 'consistency', 'nameParts'])
    score(`shipped without ${step}`, without(step));
}

if (explain) {
  const base = tagUnits(without(explain));
  const key = (s: number, c: { type: string; start: number; end: number }): string =>
    `${s}:${c.type}:${c.start}:${c.end}`;
  dev.forEach((sentence, s) => {
    const goldKeys = new Set(chunksOf(gold[s]!).map((c) => key(s, c)));
    const before = new Map(chunksOf(base[s]!).map((c) => [key(s, c), c]));
    const after = new Map(chunksOf(shipped[s]!).map((c) => [key(s, c), c]));
    const show = (sign: string, c: { type: string; start: number; end: number }, k: string): void => {
      const context = sentence.tokens
        .slice(Math.max(0, c.start - 4), Math.min(sentence.tokens.length, c.end + 3))
        .join(' ');
      console.log(
        `${sign} ${goldKeys.has(k) ? 'correct' : 'wrong  '} ${c.type} «${sentence.tokens.slice(c.start, c.end).join(' ')}»  … ${context} …`,
      );
    };
    for (const [k, c] of after) if (!before.has(k)) show('added  ', c, k);
    for (const [k, c] of before) if (!after.has(k)) show('removed', c, k);
  });
}
