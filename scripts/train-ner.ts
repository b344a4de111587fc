/**
 * `npm run train:ner`: reproduces the committed NER model (docs/ner.md).
 * 1) word clusters: skip-gram embeddings of unlabelled news (egy-news-2013, SaudiNewsNet, ANERcorp train text),
 *    then hierarchical k-means; cached under node_modules/.cache per configuration, else taken from the committed
 *    model when its configuration matches; `--rebuild-clusters` recomputes them (≈ 25–38 min);
 * 2) averaged structured perceptron on all ANERcorp train plus every third WikiFANE sentence (feature augmentation:
 *    shared and per-corpus copies of every feature, folded into one ANERcorp model), mean of 4 shuffles;
 * 3) writes src/analyze/entities/model/ner.json.gz (or `--out PATH`).
 * Evaluation: `--holdout` (train minus a 10% dev split of 10 blocks, dev F1 per type; `--dev-blocks 1` = the last
 * 10%; nothing written unless `--out`/`--save`), `--folds K` (K-fold cross-validation over contiguous blocks).
 * Options: `--epochs N`, `--min-count N`, `--ensemble K`, `--gazetteer a,b`, `--extra a,b|none`, `--extra-stride N`,
 * `--no-domain-adapt`, `--clusters-from MODEL`,
 * `--no-save`, `--cluster-window N` (skip-gram window), `--seed S` (first shuffle), `--save-folds DIR` and `--only-folds 1,2`
 * (with `--folds`: keep each fold's model for scripts/ner-dev-check.ts --cv). Measured and not kept: `--extra aqmar`;
 * the experiments that were dropped (CRF, PA-I and margin updates, word dropout, silver gazetteer, embedding
 * features, decoding bias) were deleted, their findings are in docs/ner.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { findSharedDir, REPO_ROOT } from '../eval/shared-dir.ts';
import { splitSentences } from '../src/text/sentences.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { tokenForms } from '../src/analyze/entities/token-forms.ts';
import { buildWordVectors, clusterWordVectors, type ClusterOptions } from '../tools/ner/clusters.ts';
import { parseConll, splitDev, type TaggedSentence } from '../tools/ner/conll.ts';
import { entityNames, mapAqmarTag, readAnetac, readFane } from '../tools/ner/external-corpora.ts';
import { DEV_FRACTION, devScores, learnBackoffExclusions, scoreUnitOf, trainTagger } from '../tools/ner/train.ts';
import { buildResources, createTagger, type Tagger } from '../src/analyze/entities/tagger.ts';
import { tagConll } from '../src/analyze/entities/recognize.ts';
import { evaluateChunks } from '../src/analyze/entities/bio.ts';
import type { TaggerWeights } from '../src/analyze/entities/perceptron.ts';
import type { FeatureResources } from '../src/analyze/entities/features.ts';
import { coreName } from '../src/analyze/entities/gazetteer.ts';
import { parseModel, serializeModel, type NerModel } from '../src/analyze/entities/model-file.ts';
import { MODEL_PATH } from '../src/analyze/entities/model-path.ts';

/** Chosen on the dev split (docs/ner.md): F1 stops improving after about this many epochs. */
const DEFAULT_EPOCHS = 12;
/** Features seen once are mostly noise and double the model size (dev F1 unchanged at 2). */
const MIN_FEATURE_COUNT = 2;
/**
 * Shuffles averaged into the shipped weights: single seeds scored 0.739–0.755 on dev (mean 0.748), their
 * mean 0.754; averaging removes most of the shuffle-order luck at no run-time cost.
 */
const ENSEMBLE = 4;
const CLUSTER_OPTIONS: ClusterOptions = {
  vocabSize: 80_000,
  minCount: 5,
  contextSize: 800,
  offsets: [-2, -1, 1, 2],
  dims: 100,
  branching: [8, 8, 8, 8],
  iterations: 10,
  seed: 7,
  vectors: 'sgns',
  embedding: { window: Number(argValue('--cluster-window') ?? 5), negatives: 5, epochs: 3 },
};
/**
 * Extra labelled corpora used by default, every EXTRA_STRIDE-th sentence, by feature augmentation (train.ts
 * `domainAdapt`): WikiFANE (5,255 sentences) raised 5-fold CV from 0.7625 to 0.7691 (docs/ner.md); pooled without
 * augmentation, extra corpora hurt (AQMAR: 0.7337).
 */
const DEFAULT_EXTRA = 'wikifane';
const EXTRA_STRIDE = 3;
/**
 * Context aggregation window in sentences (document-context.ts; 0 = off). 5-fold CV as shipped, with the windowed
 * consistency pass: 0.7736 without (quotedTitle included), 0.7772 with ±3 (before quotedTitle); the held-out dev
 * splits disagree (tail 0.773 → 0.769, spread 0.775 → 0.760), CV over 9,000 entities decides (docs/ner.md).
 */
const DOCUMENT_WINDOW = 3;
/** Gazetteer sources used by default (dev F1 in docs/ner.md). */
const DEFAULT_GAZETTEERS = 'wikifane,aqmar,anetac';
/** Unlabelled news for the clusters: [dataset folder, file]. */
const UNLABELLED: readonly [string, string][] = [
  ['egy-news-2013', 'egy-news-2013-02-01_14.jsonl.gz'],
  ['saudinewsnet', 'saudinewsnet.jsonl.gz'],
];
/** Cache file per cluster configuration, so changing CLUSTER_OPTIONS never reuses a stale table. */
const CLUSTER_CACHE = join(
  REPO_ROOT,
  'node_modules',
  '.cache',
  'marsad-ner',
  `clusters-${createHash('sha256').update(JSON.stringify(CLUSTER_OPTIONS)).digest('hex').slice(0, 12)}.tsv`,
);

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function coreSentences(text: string): string[][] {
  return splitSentences(text).map((s) => tokenize(text.slice(s.start, s.end)).map((t) => tokenForms(t.text).core));
}

function unlabelledCorpus(shared: string, anercorp: readonly TaggedSentence[]): string[][] {
  const interned = new Map<string, string>();
  const intern = (w: string): string => {
    const seen = interned.get(w);
    if (seen) return seen;
    interned.set(w, w);
    return w;
  };
  const sentences: string[][] = anercorp.map((s) => s.tokens.map((t) => intern(tokenForms(t).core)));
  for (const [folder, file] of UNLABELLED) {
    const raw = gunzipSync(readFileSync(join(shared, 'data', folder, file))).toString('utf8');
    for (const line of raw.split('\n')) {
      if (line.trim() === '') continue;
      const doc = JSON.parse(line) as { title?: string; text?: string };
      for (const s of coreSentences(`${doc.title ?? ''}\n${doc.text ?? ''}`)) sentences.push(s.map(intern));
    }
  }
  return sentences;
}

/** Word → cluster path from `word<TAB>path` lines (a third column, from older caches, is ignored). */
function clustersFromLines(lines: readonly string[]): Map<string, string> {
  const clusters = new Map<string, string>();
  for (const line of lines) {
    const [word, path] = line.split('\t');
    if (!word || path === undefined) continue;
    clusters.set(word, path);
  }
  return clusters;
}

function loadClusters(shared: string, anercorp: readonly TaggedSentence[]): Map<string, string> {
  const rebuild = process.argv.includes('--rebuild-clusters');
  const from = argValue('--clusters-from');
  if (from) return new Map(parseModel(readFileSync(from)).clusters);
  if (existsSync(CLUSTER_CACHE) && !rebuild) return clustersFromLines(readFileSync(CLUSTER_CACHE, 'utf8').split('\n'));
  // The committed model carries the same table (in the same frequency order): reuse it unless asked to rebuild.
  const committed = existsSync(MODEL_PATH) && !rebuild ? parseModel(readFileSync(MODEL_PATH)) : null;
  if (committed && JSON.stringify(committed.info.clusterOptions) === JSON.stringify(CLUSTER_OPTIONS)) {
    console.log(`clusters: reusing the table stored in ${MODEL_PATH} (--rebuild-clusters recomputes it)`);
    return new Map(committed.clusters);
  }
  const started = Date.now();
  const corpus = unlabelledCorpus(shared, anercorp);
  console.log(`clusters: ${corpus.length} sentences read in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const wordVectors = buildWordVectors(() => corpus, { ...CLUSTER_OPTIONS, log: console.log });
  const clusters = clusterWordVectors(wordVectors, CLUSTER_OPTIONS);
  console.log(`clusters: ${clusters.size} words clustered in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  mkdirSync(dirname(CLUSTER_CACHE), { recursive: true });
  const lines = wordVectors.words.map((w) => `${w}\t${clusters.get(w)}`);
  writeFileSync(CLUSTER_CACHE, lines.join('\n'));
  return clustersFromLines(lines);
}

/** Extra corpora read so far: each is used for gazetteer names and for training, and read once. */
const corpusCache = new Map<string, TaggedSentence[]>();

/** Extra gold corpora by name (`--extra wikifane,aqmar`), mapped to ANERcorp's tags and tokenisation. */
function extraCorpus(shared: string, name: string): TaggedSentence[] {
  const cached = corpusCache.get(name);
  if (cached) return cached;
  const sentences = readExtraCorpus(shared, name);
  corpusCache.set(name, sentences);
  return sentences;
}

function readExtraCorpus(shared: string, name: string): TaggedSentence[] {
  const data = join(shared, 'data');
  if (name === 'wikifane')
    return readFane(
      gunzipSync(readFileSync(join(data, 'wikifane-gold', 'WikiFANE_Gold_2014_500K.txt.gz'))).toString('utf8'),
    );
  if (name === 'aqmar') {
    const dir = join(data, 'aqmar', 'articles');
    return readdirSync(dir)
      .sort()
      .flatMap((f) => parseConll(readFileSync(join(dir, f), 'utf8'), mapAqmarTag));
  }
  throw new Error(`unknown extra corpus ${name} (known: wikifane, aqmar)`);
}

/** Extra gazetteer names by source (`--gazetteer wikifane,aqmar,anetac`); never from ANERcorp itself (it would leak labels). */
function extraNames(shared: string, sources: readonly string[]): NerModel['extraNames'] {
  const names = sources.flatMap((source) =>
    source === 'anetac'
      ? readAnetac(readFileSync(join(shared, 'data', 'anetac', 'EN-AR_Named-entities.txt'), 'utf8'))
      : entityNames(extraCorpus(shared, source)),
  );
  const unique = new Map(
    names.map(({ name, cls }) => {
      const core = coreName(name);
      return [`${cls}\t${core}`, { name: core, cls }];
    }),
  );
  return [...unique.values()].filter((n) => n.name !== '');
}

function printScores(title: string, scores: ReturnType<typeof devScores>): void {
  console.log(
    `${title}: micro P ${scores.micro.precision.toFixed(4)} R ${scores.micro.recall.toFixed(4)} F1 ${scores.micro.f1.toFixed(4)}`,
  );
  for (const [type, s] of Object.entries(scores.byType)) {
    console.log(
      `  ${type.padEnd(5)} P ${s.precision.toFixed(4)} R ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)} (gold ${s.gold})`,
    );
  }
}

/**
 * `--folds K`: K-fold cross-validation over contiguous blocks of ANERcorp train (each block held out once,
 * a model trained on the rest). Scores every train sentence once, so it is far less noisy than the 10% dev
 * split (≈ 9,000 entities instead of ≈ 800); used to choose options, never to train the shipped model.
 */
function crossValidate(
  anercorp: readonly TaggedSentence[],
  folds: number,
  fit: (
    train: readonly TaggedSentence[],
    heldOut: readonly TaggedSentence[],
    log?: (line: string) => void,
  ) => { weights: TaggerWeights; resources: FeatureResources },
  shippedTagger: (
    fold: number,
    from: number,
    to: number,
    train: readonly TaggedSentence[],
    fitted: { weights: TaggerWeights; resources: FeatureResources },
  ) => Tagger,
  only?: ReadonlySet<number>,
): void {
  const totals = { alone: { correct: 0, predicted: 0, gold: 0 }, shipped: { correct: 0, predicted: 0, gold: 0 } };
  const byType = new Map<string, { correct: number; predicted: number; gold: number }>();
  for (let k = 0; k < folds; k++) {
    const from = Math.floor((anercorp.length * k) / folds);
    const to = Math.floor((anercorp.length * (k + 1)) / folds);
    if (only && !only.has(k + 1)) continue;
    const held = anercorp.slice(from, to);
    const rest = [...anercorp.slice(0, from), ...anercorp.slice(to)];
    const fitted = fit(rest, [], console.log);
    const { weights, resources } = fitted;
    const a = devScores(weights, held, resources);
    // As shipped: the fold's model file (pruned, quantised, with its learned back-off exclusions) through tagConll,
    // the held-out block as one document, exactly as `marsad ner --conll` would tag it.
    const s = evaluateChunks(
      held.map((x) => x.tags),
      tagConll(
        held.map((x) => x.tokens),
        shippedTagger(k + 1, from, to, rest, fitted),
      ),
    );
    for (const [key, scores] of [
      ['alone', a],
      ['shipped', s],
    ] as const) {
      totals[key].correct += scores.micro.correct;
      totals[key].predicted += scores.micro.predicted;
      totals[key].gold += scores.micro.gold;
    }
    for (const [type, v] of Object.entries(s.byType)) {
      const t = byType.get(type) ?? { correct: 0, predicted: 0, gold: 0 };
      t.correct += v.correct;
      t.predicted += v.predicted;
      t.gold += v.gold;
      byType.set(type, t);
    }
    console.log(
      `fold ${k + 1}/${folds} (sentences ${from}–${to}): tagger alone F1 ${a.micro.f1.toFixed(4)}, as shipped ${s.micro.f1.toFixed(4)}; per type ${Object.entries(
        s.byType,
      )
        .map(([t, v]) => `${t} ${v.f1.toFixed(3)}`)
        .join(' ')}`,
    );
  }
  const pooled = (t: { correct: number; predicted: number; gold: number }): string => {
    const p = t.correct / t.predicted;
    const r = t.correct / t.gold;
    return `P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${((2 * p * r) / (p + r)).toFixed(4)}`;
  };
  console.log(
    `cross-validation (${folds} folds), pooled: tagger alone ${pooled(totals.alone)}; as shipped ${pooled(totals.shipped)}`,
  );
  console.log(
    `as shipped, pooled per type: ${[...byType]
      .sort()
      .map(([type, t]) => `${type} ${pooled(t)} (gold ${t.gold})`)
      .join('; ')}`,
  );
}

async function main(): Promise<void> {
  const shared = findSharedDir();
  if (!shared) throw new Error('../shared not found (set MARSAD_SHARED): the training data lives there.');
  const epochs = Number(argValue('--epochs') ?? DEFAULT_EPOCHS);
  const anercorp = parseConll(readFileSync(join(shared, 'data', 'anercorp', 'ANERCorp_CamelRecipe_train.txt'), 'utf8'));
  // `--dev-blocks 1`: the last 10% only, the closest stand-in for the (sequential) test split's distribution.
  const { train: anerTrain, dev } = splitDev(anercorp, DEV_FRACTION, Number(argValue('--dev-blocks') ?? 10));
  const clusters = loadClusters(shared, anerTrain);
  console.log(`word table: ${clusters.size} clusters`);
  // Extra gold corpora (`--extra wikifane,aqmar`, `--extra none`; every `--extra-stride`-th sentence), tagged with
  // their source and learned by feature augmentation (`--no-domain-adapt`: pooled with ANERcorp as they are).
  const extraSources = (argValue('--extra') ?? DEFAULT_EXTRA).split(',').filter((n) => n !== '' && n !== 'none');
  const extraStride = Number(argValue('--extra-stride') ?? EXTRA_STRIDE);
  const extras = extraSources.flatMap((n) =>
    extraCorpus(shared, n)
      .filter((_, i) => i % extraStride === 0)
      .map((s) => ({ ...s, domain: n })),
  );
  // Default: the shipped model, on all ANERcorp train sentences with the options chosen on dev.
  // --holdout: train minus the dev split and report dev F1 per type (how the options were chosen).
  const isFinal = !process.argv.includes('--holdout');
  const train = isFinal ? anercorp : anerTrain;
  console.log(
    `training on ${isFinal ? anercorp.length : anerTrain.length} ANERcorp + ${extras.length} extra sentences; dev ${dev.length}${isFinal ? ' (included: not a held-out run)' : ''}`,
  );
  const gazetteerSources = (argValue('--gazetteer') ?? DEFAULT_GAZETTEERS).split(',').filter((n) => n !== '');
  const names = extraNames(shared, gazetteerSources);
  console.log(`extra gazetteer: ${names.length} names from ${gazetteerSources.join(', ') || 'nothing'}`);
  // Context aggregation (document-context.ts): sentences on either side; 0 = off.
  const documentWindow = Number(argValue('--doc-window') ?? DOCUMENT_WINDOW);
  let resources = buildResources(clusters, names, documentWindow);
  // An extra corpus is featurised with a gazetteer lacking its own names (they would give its labels away).
  const domainResources = new Map(
    extraSources.map((n) => [
      n,
      buildResources(
        clusters,
        extraNames(
          shared,
          gazetteerSources.filter((g) => g !== n),
        ),
        documentWindow,
      ),
    ]),
  );
  const started = Date.now();
  const minFeatureCount = Number(argValue('--min-count') ?? MIN_FEATURE_COUNT);
  const ensemble = Number(argValue('--ensemble') ?? ENSEMBLE);
  const trainOptions = {
    epochs,
    minFeatureCount,
    seed: Number(argValue('--seed') ?? 1),
    ensemble,
    domainAdapt: !process.argv.includes('--no-domain-adapt'),
    domainResources,
  };
  const fit = (
    target: readonly TaggedSentence[],
    heldOut: readonly TaggedSentence[],
    log?: (line: string) => void,
  ): { weights: TaggerWeights; resources: FeatureResources } => ({
    weights: trainTagger([...target, ...extras], heldOut, resources, { ...trainOptions, log }),
    resources,
  });
  // Model file of a fit: the score unit for the span refiners' thresholds (span-refiners.ts) is the mean
  // |emission score| on the training sentences.
  const modelFile = (
    target: readonly TaggedSentence[],
    fitted: { weights: TaggerWeights; resources: FeatureResources },
    trainedOn: string,
    includesDev: boolean,
    more: Record<string, unknown>,
  ): Buffer => {
    const scoreUnit = scoreUnitOf(
      fitted.weights,
      target.map((s) => s.tokens),
      fitted.resources,
    );
    const extraData =
      extraSources.length === 0
        ? 'none'
        : `${extraSources.join(', ')}: ${extraStride === 1 ? 'every sentence' : `1 sentence in ${extraStride}`} (${extras.length}), ${trainOptions.domainAdapt ? 'feature augmentation' : 'pooled'}`;
    // `passiveAggressive: 0` (plain perceptron steps) stays in the info so a rebuild gives the committed file byte for byte.
    const info = {
      scoreUnit,
      ...(documentWindow > 0 ? { documentWindow } : {}),
      gazetteers: gazetteerSources,
      extraData,
      trainedOn,
      includesDev,
      epochs,
      minFeatureCount,
      passiveAggressive: 0,
      ensemble,
      clusterOptions: CLUSTER_OPTIONS,
      ...more,
    };
    // Curated names the annotations leave untagged: the gazetteer back-off must not force them (gazetteer-backoff.ts).
    const backoffExcluded = learnBackoffExclusions(target, fitted.resources);
    return serializeModel({ weights: fitted.weights, clusters, extraNames: names, backoffExcluded, info });
  };
  const folds = Number(argValue('--folds') ?? 0);
  if (folds > 1) {
    // `--save-folds DIR`: write each fold's model with its held-out block, so decoding and post-processing can be
    // cross-validated without retraining (`scripts/ner-dev-check.ts --cv DIR`). `--only-folds 1,2`: run some folds
    // only (two processes on two cores, saving into one DIR).
    const only = argValue('--only-folds');
    const saveDir = argValue('--save-folds');
    if (saveDir) mkdirSync(saveDir, { recursive: true });
    crossValidate(
      anercorp,
      folds,
      fit,
      (fold, from, to, target, fitted) => {
        const file = modelFile(target, fitted, `ANERcorp train minus fold ${fold}/${folds}`, false, {
          heldOut: { fold, folds, from, to },
        });
        if (saveDir) writeFileSync(join(saveDir, `fold-${fold}.json.gz`), file);
        return createTagger(parseModel(file));
      },
      only ? new Set(only.split(',').map(Number)) : undefined,
    );
    return;
  }
  const fitted = fit(train, isFinal ? [] : dev, console.log);
  const weights = fitted.weights;
  resources = fitted.resources;
  console.log(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s, ${weights.features.size} features`);
  const scores = devScores(weights, dev, resources);
  printScores(isFinal ? 'dev (trained on: a fit, not a held-out score)' : 'dev, tagger alone', scores);
  if (!isFinal) printScores('dev, with document-level consistency', devScores(weights, dev, resources, true));
  const trainedOn = isFinal
    ? `all ANERcorp train (${anercorp.length} sentences, dev split included)`
    : `ANERcorp train minus a ${DEV_FRACTION * 100}% dev split (${anerTrain.length} sentences)`;
  const file = modelFile(train, fitted, trainedOn, isFinal, { devF1: scores.micro.f1 });
  if (!isFinal) {
    // The whole shipped pipeline: the model file through tagConll, the dev split as one document.
    const shipped = tagConll(
      dev.map((s) => s.tokens),
      createTagger(parseModel(file)),
    );
    const { micro, byType } = evaluateChunks(
      dev.map((s) => s.tags),
      shipped,
    );
    printScores('dev, as shipped (model file through tagConll)', { micro, byType });
  }
  if (process.argv.includes('--no-save') || (!isFinal && !process.argv.includes('--save') && !argValue('--out')))
    return;
  const out = argValue('--out') ?? MODEL_PATH;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, file);
  console.log(`wrote ${out} (${(file.length / 1e6).toFixed(2)} MB)`);
}

await main();
