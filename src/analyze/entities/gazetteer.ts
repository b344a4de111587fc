/**
 * Gazetteer and cue-word lookups for the NER features: multi-word longest match over token core
 * forms («والولايات المتحدة» matches «الولايات المتحدة»), and single-token cue classes by stem.
 */
import { createRequire } from 'node:module';
import { CITIES, FIRST_NAMES, ORGANIZATIONS, PLACES } from './lexicons/known-entities.ts';
import { LOCATION_HEADS, ORGANIZATION_HEADS, PERSON_TITLES, PERSON_VERBS, SPORTS_CONTEXT } from './lexicons/cue-words.ts';
import { tokenForms, type TokenForms } from './token-forms.ts';
import { tokenize } from '../../text/tokenize.ts';

export type GazetteerClass = 'COUNTRY' | 'CITY' | 'ORG' | 'FIRST' | 'EXTRA_PERS' | 'EXTRA_LOC' | 'EXTRA_ORG';
export type CueClass = 'TITLE' | 'ORGHEAD' | 'LOCHEAD' | 'PVERB' | 'SPORT';

/** Longest gazetteer phrase, in tokens. */
const MAX_PHRASE_TOKENS = 6;

export interface Gazetteer {
  /** First core form → phrases (as core-form arrays) starting with it. */
  readonly phrases: ReadonlyMap<string, readonly { readonly words: readonly string[]; readonly cls: GazetteerClass }[]>;
  /** Stem → cue classes. */
  readonly cues: ReadonlyMap<string, readonly CueClass[]>;
}

/** Arabic country names from i18n-iso-countries (official and short forms). */
function isoCountryNames(): string[] {
  const require = createRequire(import.meta.url);
  const arabic = require('i18n-iso-countries/langs/ar.json') as { countries: Record<string, string | string[]> };
  return Object.values(arabic.countries).flatMap((names) => (Array.isArray(names) ? names : [names]));
}

function phraseWords(phrase: string): string[] {
  return tokenize(phrase).filter((t) => t.kind !== 'punct').map((t) => tokenForms(t.text).core);
}

type PhraseList = { words: readonly string[]; cls: GazetteerClass }[];

/** Adds one phrase unless the same words with the same class are already there (`seen` holds their keys). */
function addPhrase(phrases: Map<string, PhraseList>, seen: Set<string>, cls: GazetteerClass, words: readonly string[]): void {
  if (words.length === 0 || words.length > MAX_PHRASE_TOKENS) return;
  const key = `${cls}\t${words.join(' ')}`;
  if (seen.has(key)) return;
  seen.add(key);
  const list = phrases.get(words[0]!) ?? [];
  list.push({ words, cls });
  phrases.set(words[0]!, list);
}

/** Builds the gazetteer from the lexicons, ISO country names and `extra` single-token names (e.g. from training data). */
export function buildGazetteer(extra: readonly { readonly name: string; readonly cls: GazetteerClass }[] = []): Gazetteer {
  const phrases = new Map<string, PhraseList>();
  const seen = new Set<string>();
  const lists: [readonly string[], GazetteerClass][] = [[[...isoCountryNames(), ...PLACES], 'COUNTRY'], [CITIES, 'CITY'], [ORGANIZATIONS, 'ORG'], [FIRST_NAMES, 'FIRST']];
  for (const [names, cls] of lists) for (const name of names) addPhrase(phrases, seen, cls, phraseWords(name));
  // Extra names come pre-tokenised (space-separated): a plain split keeps model loading fast.
  for (const { name, cls } of extra) addPhrase(phrases, seen, cls, name.split(' ').map((w) => tokenForms(w).core));
  const cues = new Map<string, CueClass[]>();
  const cueLists: [readonly string[], CueClass][] = [[PERSON_TITLES, 'TITLE'], [ORGANIZATION_HEADS, 'ORGHEAD'], [LOCATION_HEADS, 'LOCHEAD'], [PERSON_VERBS, 'PVERB'], [SPORTS_CONTEXT, 'SPORT']];
  for (const [words, cls] of cueLists) {
    for (const word of words) {
      const stem = tokenForms(word).stem;
      const list = cues.get(stem) ?? [];
      if (!list.includes(cls)) list.push(cls);
      cues.set(stem, list);
    }
  }
  return { phrases, cues };
}

/** Core form with one more single-letter preposition removed: «لبغداد» → «بغداد» (gazetteer retry only). */
function withoutPreposition(core: string): string | null {
  const first = core[0];
  return (first === 'ب' || first === 'ل' || first === 'ك' || first === 'و' || first === 'ف') && core.length > 3 ? core.slice(1) : null;
}

function matchAt(gazetteer: Gazetteer, cores: readonly string[], i: number, first: string): { length: number; cls: GazetteerClass }[] {
  const found: { length: number; cls: GazetteerClass }[] = [];
  for (const phrase of gazetteer.phrases.get(first) ?? []) {
    const n = phrase.words.length;
    if (i + n > cores.length) continue;
    let ok = true;
    for (let k = 1; k < n && ok; k++) ok = cores[i + k] === phrase.words[k];
    if (ok) found.push({ length: n, cls: phrase.cls });
  }
  return found;
}

/**
 * Gazetteer labels per token, e.g. ['COUNTRY-B'] / ['COUNTRY-I']: for each start, the longest
 * phrase(s) win and matching continues after them.
 */
export function gazetteerLabels(gazetteer: Gazetteer, forms: readonly TokenForms[]): string[][] {
  const cores = forms.map((f) => f.core);
  const labels: string[][] = forms.map(() => []);
  let i = 0;
  while (i < cores.length) {
    let found = matchAt(gazetteer, cores, i, cores[i]!);
    const retry = found.length === 0 ? withoutPreposition(cores[i]!) : null;
    if (retry) found = matchAt(gazetteer, cores, i, retry);
    if (found.length === 0) { i++; continue; }
    const longest = Math.max(...found.map((f) => f.length));
    for (const f of found.filter((x) => x.length === longest)) {
      labels[i]!.push(`${f.cls}-B`);
      for (let k = 1; k < longest; k++) labels[i + k]!.push(`${f.cls}-I`);
    }
    i += longest;
  }
  return labels;
}
