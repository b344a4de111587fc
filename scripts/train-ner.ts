/**
 * `npm run train:ner [-- --epochs N --rebuild-clusters]`: reproduces the committed NER model.
 * 1) word clusters from unlabelled news (egy-news-2013 + ANERcorp train text), cached under node_modules/.cache;
 * 2) averaged structured perceptron on ANERcorp train minus its last 10% (the dev split), scored on dev;
 * 3) writes src/analyze/entities/model/ner.json.gz.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { findSharedDir, REPO_ROOT } from '../eval/shared-dir.ts';
import { splitSentences } from '../src/text/sentences.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { tokenForms } from '../src/analyze/entities/token-forms.ts';
import { buildClusters, type ClusterOptions } from '../src/analyze/entities/train/clusters.ts';
import { parseConll, splitDev, type TaggedSentence } from '../src/analyze/entities/train/conll.ts';
import { devScores, trainTagger } from '../src/analyze/entities/train/train.ts';
import { buildResources } from '../src/analyze/entities/tagger.ts';
import { serializeModel } from '../src/analyze/entities/model-file.ts';
import { MODEL_PATH } from '../src/analyze/entities/model-path.ts';

/** Chosen on the dev split (docs/ner.md): F1 stops improving after about this many epochs. */
const DEFAULT_EPOCHS = 12;
/** Dev split: the last 10% of ANERcorp train sentences. */
const DEV_FRACTION = 0.1;
/** Features seen once are mostly noise and double the model size (dev F1 unchanged at 2). */
const MIN_FEATURE_COUNT = 2;
const CLUSTER_OPTIONS: ClusterOptions = { vocabSize: 60_000, minCount: 5, contextSize: 600, dims: 96, branching: [8, 8, 8, 8], iterations: 8, seed: 7 };
const CLUSTER_CACHE = join(REPO_ROOT, 'node_modules', '.cache', 'marsad-ner', 'clusters.tsv');

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function coreSentences(text: string): string[][] {
  return splitSentences(text).map((s) => tokenize(text.slice(s.start, s.end)).map((t) => tokenForms(t.text).core));
}

function unlabelledCorpus(shared: string, anercorp: readonly TaggedSentence[]): string[][] {
  const interned = new Map<string, string>();
  const intern = (w: string): string => { const seen = interned.get(w); if (seen) return seen; interned.set(w, w); return w; };
  const sentences: string[][] = anercorp.map((s) => s.tokens.map((t) => intern(tokenForms(t).core)));
  const raw = gunzipSync(readFileSync(join(shared, 'data', 'egy-news-2013', 'egy-news-2013-02-01_14.jsonl.gz'))).toString('utf8');
  for (const line of raw.split('\n')) {
    if (line.trim() === '') continue;
    const doc = JSON.parse(line) as { title?: string; text?: string };
    for (const s of coreSentences(`${doc.title ?? ''}\n${doc.text ?? ''}`)) sentences.push(s.map(intern));
  }
  return sentences;
}

function loadClusters(shared: string, anercorp: readonly TaggedSentence[]): Map<string, string> {
  if (existsSync(CLUSTER_CACHE) && !process.argv.includes('--rebuild-clusters')) {
    const lines = readFileSync(CLUSTER_CACHE, 'utf8').split('\n').filter((l) => l.includes('\t'));
    return new Map(lines.map((l) => l.split('\t') as [string, string]));
  }
  const started = Date.now();
  const corpus = unlabelledCorpus(shared, anercorp);
  console.log(`clusters: ${corpus.length} sentences read in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const clusters = buildClusters(() => corpus, CLUSTER_OPTIONS);
  console.log(`clusters: ${clusters.size} words clustered in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  mkdirSync(dirname(CLUSTER_CACHE), { recursive: true });
  writeFileSync(CLUSTER_CACHE, [...clusters].map(([w, p]) => `${w}\t${p}`).join('\n'));
  return clusters;
}

function printScores(title: string, scores: ReturnType<typeof devScores>): void {
  console.log(`${title}: micro P ${scores.micro.precision.toFixed(4)} R ${scores.micro.recall.toFixed(4)} F1 ${scores.micro.f1.toFixed(4)}`);
  for (const [type, s] of Object.entries(scores.byType)) {
    console.log(`  ${type.padEnd(5)} P ${s.precision.toFixed(4)} R ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)} (gold ${s.gold})`);
  }
}

async function main(): Promise<void> {
  const shared = findSharedDir();
  if (!shared) throw new Error('../shared not found (set MARSAD_SHARED): the training data lives there.');
  const epochs = Number(argValue('--epochs') ?? DEFAULT_EPOCHS);
  const anercorp = parseConll(readFileSync(join(shared, 'data', 'anercorp', 'ANERCorp_CamelRecipe_train.txt'), 'utf8'));
  const { train, dev } = splitDev(anercorp, DEV_FRACTION);
  const clusters = loadClusters(shared, train);
  const resources = buildResources(clusters, []);
  const started = Date.now();
  const weights = trainTagger(train, dev, resources, { epochs, minFeatureCount: MIN_FEATURE_COUNT, seed: 1, log: console.log });
  console.log(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s, ${weights.features.size} features`);
  const scores = devScores(weights, dev, resources);
  printScores('dev', scores);
  const info = { trainedOn: `ANERcorp train minus last ${DEV_FRACTION * 100}% (${train.length} sentences)`, epochs, clusterOptions: CLUSTER_OPTIONS, devF1: scores.micro.f1 };
  const file = serializeModel({ weights, clusters, extraNames: [], info });
  if (process.argv.includes('--no-save')) return;
  mkdirSync(dirname(MODEL_PATH), { recursive: true });
  writeFileSync(MODEL_PATH, file);
  console.log(`wrote ${MODEL_PATH} (${(file.length / 1e6).toFixed(2)} MB)`);
}

await main();
