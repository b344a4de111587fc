/**
 * Fingerprint of the NER inputs the committed model was trained on: the feature strings (documentFeatures with the
 * shipped model's resources) and token forms of every ANERcorp train token, and the shipped pipeline's tags over the
 * same sentences, each as a sha256. A change to text folding, clitic splitting or tokenisation that keeps these
 * hashes leaves the model valid without retraining. Run: npx tsx scripts/ner-feature-hash.ts
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSharedDir } from '../eval/shared-dir.ts';
import { documentFeatures } from '../src/analyze/entities/features.ts';
import { loadTagger, tagConll } from '../src/analyze/entities/recognize.ts';
import { tokenForms } from '../src/analyze/entities/token-forms.ts';
import { parseConll } from '../tools/ner/conll.ts';

const shared = findSharedDir();
if (!shared) {
  console.log('ner-feature-hash: ../shared not found.');
  process.exit(0);
}
const sentences = parseConll(
  readFileSync(join(shared, 'data', 'anercorp', 'ANERCorp_CamelRecipe_train.txt'), 'utf8'),
).map((s) => s.tokens);
const tagger = loadTagger();

const features = createHash('sha256');
let rows = 0;
for (const sentence of documentFeatures(sentences, tagger.resources)) {
  for (const row of sentence) {
    features.update(`${row.join('\u0001')}\n`);
    rows++;
  }
}
const forms = createHash('sha256');
for (const sentence of sentences)
  for (const token of sentence) {
    const f = tokenForms(token);
    forms.update(`${f.norm}\u0001${f.core}\u0001${f.stem}\u0001${f.prefix}\n`);
  }
const tags = createHash('sha256')
  .update(
    tagConll(sentences, tagger)
      .map((t) => t.join(' '))
      .join('\n'),
  )
  .digest('hex');
console.log(`tokens   ${rows}`);
console.log(`features ${features.digest('hex')}`);
console.log(`forms    ${forms.digest('hex')}`);
console.log(`tags     ${tags}`);
