/**
 * Silver gazetteer (training time only): a first model tags unlabelled news, and names it tags often and
 * consistently become gazetteer entries (SILVER_PERS, SILVER_ORG, …) for the second, shipped model. A name
 * the first model recognises in easy contexts («نادي بنفيكا», «المدرب جوزيه») is then recognised in hard
 * ones too («وكان بنفيكا تغلب …»): corpus-level label consistency, learned from data.
 */
import { chunksOf } from '../bio.ts';
import type { GazetteerClass } from '../gazetteer.ts';

export interface SilverOptions {
  /** A name must be tagged at least this many times. */
  readonly minCount: number;
  /** Share of those tags that must agree on one type. */
  readonly minShare: number;
  /** One-word names: share of all the word's occurrences that were tagged (common words are tagged now and then). */
  readonly minTaggedRatio: number;
}

export const DEFAULT_SILVER_OPTIONS: SilverOptions = { minCount: 3, minShare: 0.9, minTaggedRatio: 0.5 };

export interface SilverName {
  /** Space-separated core forms (the gazetteer's key form). */
  readonly name: string;
  readonly cls: GazetteerClass;
}

const SILVER_CLASS: Record<string, GazetteerClass> = { PERS: 'SILVER_PERS', ORG: 'SILVER_ORG', LOC: 'SILVER_LOC', MISC: 'SILVER_MISC' };

/**
 * Names from `sentences` (tokens as written) tagged by `tag`; `coreOf` gives a token's core form.
 * Deterministic: the result is sorted by name, then class.
 */
export function harvestSilverNames(
  sentences: Iterable<readonly string[]>, tag: (tokens: readonly string[]) => readonly string[], coreOf: (token: string) => string,
  options: SilverOptions = DEFAULT_SILVER_OPTIONS,
): SilverName[] {
  const wordCounts = new Map<string, number>();
  const tagged = new Map<string, Map<string, number>>();
  for (const tokens of sentences) {
    const cores = tokens.map(coreOf);
    for (const core of cores) wordCounts.set(core, (wordCounts.get(core) ?? 0) + 1);
    for (const chunk of chunksOf(tag(tokens))) {
      const key = cores.slice(chunk.start, chunk.end).join(' ');
      const byType = tagged.get(key) ?? new Map<string, number>();
      byType.set(chunk.type, (byType.get(chunk.type) ?? 0) + 1);
      tagged.set(key, byType);
    }
  }
  const names: SilverName[] = [];
  for (const [name, byType] of tagged) {
    let total = 0;
    let best = '';
    let bestCount = 0;
    for (const [type, count] of byType) {
      total += count;
      if (count > bestCount) { best = type; bestCount = count; }
    }
    if (total < options.minCount || bestCount / total < options.minShare) continue;
    if (!name.includes(' ') && total / (wordCounts.get(name) ?? total) < options.minTaggedRatio) continue;
    const cls = SILVER_CLASS[best];
    if (cls) names.push({ name, cls });
  }
  return names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.cls < b.cls ? -1 : 1));
}
