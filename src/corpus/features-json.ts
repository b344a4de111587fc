/**
 * JSON form of an article's clustering features, for storing them once at ingest and replaying them later.
 * Parsed with zod: a stored row is a boundary.
 */
import { z } from 'zod';
import type { ArticleFeatures } from './cluster/event-index.ts';

const VECTOR = z.object({ terms: z.array(z.string()), weights: z.array(z.number()) });
const FEATURES = z.object({
  id: z.string(),
  outlet: z.string().nullable(),
  day: z.number().int().nullable(),
  headline: z.string().nullable(),
  bodyLength: z.number().int(),
  vector: VECTOR,
  headlineVector: VECTOR,
  signature: z.array(z.number().int()).nullable(),
  agencies: z.array(z.string()),
  notBefore: z.number().int().nullable(),
  // Added by issue 15 (pair model); rows stored before it have none and compare by headline only.
  evidence: z
    .object({
      lead: VECTOR,
      entities: z.array(z.string()),
      figures: z.array(z.string()),
      eventDay: z.number().int().nullable(),
      speakers: z.array(z.string()),
    })
    .optional(),
});

/** Serialises features (the MinHash signature as a plain number array). */
export function featuresToJson(features: ArticleFeatures): string {
  return JSON.stringify({ ...features, signature: features.signature ? [...features.signature] : null });
}

/** Parses stored features; throws a zod error when the row is not a features document. */
export function featuresFromJson(json: string): ArticleFeatures {
  const parsed = FEATURES.parse(JSON.parse(json));
  return { ...parsed, signature: parsed.signature ? Uint32Array.from(parsed.signature) : null };
}
