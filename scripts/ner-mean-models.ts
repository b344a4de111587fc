/**
 * `npx tsx scripts/ner-mean-models.ts --out DIR DIR1 DIR2 …`: averages cross-validation fold models trained with
 * different shuffle seeds (`train:ner -- --folds K --ensemble 1 --seed S --save-folds DIRS`) into DIR/fold-N.json.gz,
 * the fold models `--ensemble` would have trained (the shipped model is the mean of 4 shuffles), without training
 * anything twice. Weights are averaged feature by feature (a feature a saved model pruned counts as 0: an error of
 * at most model-file.ts PRUNE_BELOW / K per weight); the score unit is recomputed on the fold's training sentences.
 * Then `npx tsx scripts/ner-dev-check.ts --cv DIR` scores the mean models.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSharedDir } from '../eval/shared-dir.ts';
import { parseModel, serializeModel, type NerModel } from '../src/analyze/entities/model-file.ts';
import type { TaggerWeights } from '../src/analyze/entities/perceptron.ts';
import { createTagger } from '../src/analyze/entities/tagger.ts';
import { parseConll } from '../tools/ner/conll.ts';
import { scoreUnitOf } from '../tools/ner/train.ts';

/** Mean of weight sets whose feature dictionaries may differ (missing rows count as 0). */
export function meanByFeature(models: readonly TaggerWeights[]): TaggerWeights {
  const tags = models[0]!.tags;
  const size = tags.length;
  const features = new Map<string, number>();
  for (const m of models) for (const f of m.features.keys()) if (!features.has(f)) features.set(f, features.size);
  const emission = new Float32Array(features.size * size);
  const transition = new Float32Array(models[0]!.transition.length);
  for (const m of models) {
    if (m.tags.join() !== tags.join()) throw new Error('models with different tag sets');
    for (const [f, row] of m.features) {
      const to = features.get(f)! * size;
      for (let t = 0; t < size; t++) emission[to + t]! += m.emission[row * size + t]! / models.length;
    }
    for (let i = 0; i < transition.length; i++) transition[i]! += m.transition[i]! / models.length;
  }
  return { tags, features, emission, transition };
}

const args = process.argv.slice(2);
const out = args[args.indexOf('--out') + 1];
const inputs = args.filter((a, i) => a !== '--out' && args[i - 1] !== '--out');
if (!args.includes('--out') || !out || inputs.length < 2) {
  console.error('usage: tsx scripts/ner-mean-models.ts --out DIR DIR1 DIR2 [DIR3 …]');
  process.exit(2);
}
const shared = findSharedDir();
if (!shared) {
  console.error('../shared (ANERcorp) not found; set MARSAD_SHARED');
  process.exit(2);
}
const anercorp = parseConll(readFileSync(join(shared, 'data', 'anercorp', 'ANERCorp_CamelRecipe_train.txt'), 'utf8'));
mkdirSync(out, { recursive: true });
for (const file of readdirSync(inputs[0]!)
  .filter((f) => /^fold-\d+\.json\.gz$/u.test(f))
  .sort()) {
  const models: NerModel[] = inputs.map((dir) => parseModel(readFileSync(join(dir, file))));
  const held = models[0]!.info.heldOut as { from: number; to: number };
  if (models.some((m) => JSON.stringify(m.info.heldOut) !== JSON.stringify(held)))
    throw new Error(`${file}: different held-out blocks`);
  const weights = meanByFeature(models.map((m) => m.weights));
  const merged: NerModel = {
    ...models[0]!,
    weights,
    info: { ...models[0]!.info, ensemble: models.length, meanOf: inputs },
  };
  const tagger = createTagger(merged);
  const train = [...anercorp.slice(0, held.from), ...anercorp.slice(held.to)];
  const scoreUnit = scoreUnitOf(
    weights,
    train.map((s) => s.tokens),
    tagger.resources,
  );
  writeFileSync(join(out, file), serializeModel({ ...merged, info: { ...merged.info, scoreUnit } }));
  console.log(
    `${file}: mean of ${models.length} models, ${weights.features.size} features, score unit ${scoreUnit.toFixed(3)}`,
  );
}
