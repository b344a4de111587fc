/**
 * The trained NER model file: gzipped JSON holding tags, feature names, int16-quantised averaged
 * weights, transitions, word clusters (in frequency order) and extra gazetteer names.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { TaggerWeights } from './perceptron.ts';
import type { GazetteerClass } from './gazetteer.ts';

export const MODEL_FORMAT = 'marsad-ner-perceptron';
export const MODEL_VERSION = 1;

export interface NerModel {
  readonly weights: TaggerWeights;
  /** Core form → cluster path; insertion order is the frequency rank. */
  readonly clusters: ReadonlyMap<string, string>;
  /** Extra gazetteer names as space-separated core forms (gazetteer.ts `coreName`). */
  readonly extraNames: readonly { readonly name: string; readonly cls: GazetteerClass }[];
  /** Curated names the gazetteer back-off must not force (gazetteer-backoff.ts unannotatedCuratedNames), learned in training. */
  readonly backoffExcluded?: readonly string[];
  /** Free-form provenance: data, options, dev scores. */
  readonly info: Record<string, unknown>;
}

interface ModelJson {
  format: string;
  version: number;
  tags: string[];
  features: string[];
  scale: number;
  emission: string;
  transition: number[];
  clusters: string;
  extraNames: [string, GazetteerClass][];
  backoffExcluded?: string[];
  info: Record<string, unknown>;
}

/** Feature rows whose largest |weight| is below this are dropped: they never change a decision in practice. */
export const PRUNE_BELOW = 0.05;

/** Serialises the model, dropping near-zero feature rows and quantising weights to int16. */
export function serializeModel(model: NerModel): Buffer {
  const size = model.weights.tags.length;
  const kept: [string, number][] = [];
  let maxAbs = 0;
  for (const [name, row] of model.weights.features) {
    let rowMax = 0;
    for (let t = 0; t < size; t++) rowMax = Math.max(rowMax, Math.abs(model.weights.emission[row * size + t]!));
    if (rowMax < PRUNE_BELOW) continue;
    kept.push([name, row]);
    maxAbs = Math.max(maxAbs, rowMax);
  }
  const scale = maxAbs / 32767 || 1;
  const quantised = new Int16Array(kept.length * size);
  kept.forEach(([, row], i) => {
    for (let t = 0; t < size; t++)
      quantised[i * size + t] = Math.round(model.weights.emission[row * size + t]! / scale);
  });
  const json: ModelJson = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    tags: [...model.weights.tags],
    features: kept.map(([name]) => name),
    scale,
    emission: Buffer.from(quantised.buffer).toString('base64'),
    transition: [...model.weights.transition].map((v) => Math.round(v * 1000) / 1000),
    clusters: [...model.clusters].map(([w, p]) => `${w}\t${p}`).join('\n'),
    extraNames: model.extraNames.map((e) => [e.name, e.cls]),
    ...(model.backoffExcluded ? { backoffExcluded: [...model.backoffExcluded] } : {}),
    info: model.info,
  };
  return gzipSync(Buffer.from(JSON.stringify(json)), { level: 9 });
}

/** Parses a model file; throws on a wrong format (the caller wraps it in an EngineError). */
export function parseModel(gzipped: Uint8Array): NerModel {
  const json = JSON.parse(gunzipSync(gzipped).toString('utf8')) as ModelJson;
  if (json.format !== MODEL_FORMAT || json.version !== MODEL_VERSION)
    throw new Error(`unexpected model format ${json.format} v${json.version}`);
  const size = json.tags.length;
  const quantised = new Int16Array(new Uint8Array(Buffer.from(json.emission, 'base64')).buffer);
  const emission = new Float32Array(quantised.length);
  for (let i = 0; i < quantised.length; i++) emission[i] = quantised[i]! * json.scale;
  const features = new Map<string, number>();
  json.features.forEach((name, i) => features.set(name, i));
  if (emission.length !== features.size * size) throw new Error('model weights do not match its feature list');
  const clusters = new Map<string, string>();
  for (const line of json.clusters.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const word = line.slice(0, tab);
    const second = line.indexOf('\t', tab + 1);
    // A third column (binarised embeddings of an experiment, never shipped) is ignored.
    clusters.set(word, second < 0 ? line.slice(tab + 1) : line.slice(tab + 1, second));
  }
  return {
    weights: { tags: json.tags, features, emission, transition: Float32Array.from(json.transition) },
    clusters,
    extraNames: json.extraNames.map(([name, cls]) => ({ name, cls })),
    ...(json.backoffExcluded ? { backoffExcluded: json.backoffExcluded } : {}),
    info: json.info,
  };
}
