/**
 * Named subsets of the stop-word lexicon (text/lexicons/stop-words.ts), each folded with the profile its users
 * match in: search terms (`search`), clustering terms (`cluster`), the display view (`prose`).
 */
import { STOP_WORD_GROUPS, type StopWordSubset } from './lexicons/stop-words.ts';
import { normalizeText, type FoldProfile } from './normalize.ts';

export type { StopWordSubset } from './lexicons/stop-words.ts';

const PROFILE_OF: Readonly<Record<StopWordSubset, FoldProfile>> = {
  search: 'search',
  cluster: 'cluster',
  prose: 'display',
};

function buildSubset(subset: StopWordSubset): ReadonlySet<string> {
  const words = STOP_WORD_GROUPS.filter((g) => g.subsets.includes(subset)).flatMap((g) => g.words);
  return new Set(words.map((w) => normalizeText(w, PROFILE_OF[subset])));
}

const SUBSETS: Readonly<Record<StopWordSubset, ReadonlySet<string>>> = {
  search: buildSubset('search'),
  cluster: buildSubset('cluster'),
  prose: buildSubset('prose'),
};

/** The stop words of one subset, in the folded form of its profile. */
export function stopWords(subset: StopWordSubset): ReadonlySet<string> {
  return SUBSETS[subset];
}
