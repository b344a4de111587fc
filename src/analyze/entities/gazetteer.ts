/**
 * Gazetteer and cue-word lookups for the NER features: multi-word longest match over token core
 * forms («والولايات المتحدة» matches «الولايات المتحدة»), and single-token cue classes by stem.
 */
import { createRequire } from 'node:module';
import { CITIES, CLUBS, COMPANIES, FIRST_NAMES, MISC_NAMES, ORGANIZATIONS, PLACES } from './lexicons/known-entities.ts';
import { ARAB_CLUBS, CLUB_WORDS, MORE_COMPANIES, PRODUCTS, WORLD_CLUBS } from './lexicons/clubs-and-products.ts';
import {
  ARMED_GROUPS_AND_PARTIES,
  INSTITUTIONS,
  MEDIA_OUTLETS,
  REGIONAL_PLACES,
  SITES,
} from './lexicons/regional-entities.ts';
import { LOCATION_HEADS, ORGANIZATION_HEADS, PERSON_TITLES, PERSON_VERBS } from './lexicons/cue-words.ts';
import { tokenForms, type TokenForms } from './token-forms.ts';
import { tokenize } from '../../text/tokenize.ts';

export type GazetteerClass =
  | 'COUNTRY'
  | 'CITY'
  | 'ORG'
  | 'CLUB'
  | 'CLUB_WORD'
  | 'COMPANY'
  | 'PRODUCT'
  | 'FIRST'
  | 'MISC'
  | 'EXTRA_PERS'
  | 'EXTRA_LOC'
  | 'EXTRA_ORG';
export type CueClass = 'TITLE' | 'ORGHEAD' | 'LOCHEAD' | 'PVERB';

const NO_LABELS: string[] = [];
/** Longest gazetteer phrase, in tokens. */
const MAX_PHRASE_TOKENS = 6;

/** Trie node over core forms: the classes of the phrase ending here and the words that may follow. */
export interface PhraseNode {
  readonly classes: GazetteerClass[];
  readonly next: Map<string, PhraseNode>;
}

export interface Gazetteer {
  /** Root of the phrase trie (keys are core forms). */
  readonly phrases: PhraseNode;
  /** Stem → cue classes. */
  readonly cues: ReadonlyMap<string, readonly CueClass[]>;
}

/** Arabic country names from i18n-iso-countries (official and short forms). */
function isoCountryNames(): string[] {
  const require = createRequire(import.meta.url);
  const arabic = require('i18n-iso-countries/langs/ar.json') as { countries: Record<string, string | string[]> };
  return Object.values(arabic.countries).flatMap((names) => (Array.isArray(names) ? names : [names]));
}

/** A name as space-separated core forms, the form `buildGazetteer` expects for extra names. */
export function coreName(name: string): string {
  return phraseWords(name).join(' ');
}

function phraseWords(phrase: string): string[] {
  return tokenize(phrase)
    .filter((t) => t.kind !== 'punct')
    .map((t) => tokenForms(t.text).core);
}

/** Adds one phrase to the trie (a class is recorded once per phrase). */
function addPhrase(root: PhraseNode, cls: GazetteerClass, words: readonly string[]): void {
  if (words.length === 0 || words.length > MAX_PHRASE_TOKENS) return;
  let node = root;
  for (const word of words) {
    let child = node.next.get(word);
    if (!child) {
      child = { classes: [], next: new Map() };
      node.next.set(word, child);
    }
    node = child;
  }
  if (!node.classes.includes(cls)) node.classes.push(cls);
}

/**
 * Builds the gazetteer from the lexicons, ISO country names and `extra` names, which must already be
 * space-separated core forms (see `coreName`; the model file stores them so, which keeps loading fast).
 */
export function buildGazetteer(
  extra: readonly { readonly name: string; readonly cls: GazetteerClass }[] = [],
): Gazetteer {
  const phrases: PhraseNode = { classes: [], next: new Map() };
  const lists: [readonly string[], GazetteerClass][] = [
    [[...isoCountryNames(), ...PLACES], 'COUNTRY'],
    [[...CITIES, ...REGIONAL_PLACES, ...SITES], 'CITY'],
    [[...ORGANIZATIONS, ...ARMED_GROUPS_AND_PARTIES, ...MEDIA_OUTLETS, ...INSTITUTIONS], 'ORG'],
    [[...CLUBS, ...ARAB_CLUBS, ...WORLD_CLUBS], 'CLUB'],
    [CLUB_WORDS, 'CLUB_WORD'],
    [[...COMPANIES, ...MORE_COMPANIES], 'COMPANY'],
    [PRODUCTS, 'PRODUCT'],
    [FIRST_NAMES, 'FIRST'],
    [MISC_NAMES, 'MISC'],
  ];
  for (const [names, cls] of lists) for (const name of names) addPhrase(phrases, cls, phraseWords(name));
  for (const { name, cls } of extra) addPhrase(phrases, cls, name.split(' '));
  const cues = new Map<string, CueClass[]>();
  const cueLists: [readonly string[], CueClass][] = [
    [PERSON_TITLES, 'TITLE'],
    [ORGANIZATION_HEADS, 'ORGHEAD'],
    [LOCATION_HEADS, 'LOCHEAD'],
    [PERSON_VERBS, 'PVERB'],
  ];
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
  return (first === 'ب' || first === 'ل' || first === 'ك' || first === 'و' || first === 'ف') && core.length > 3
    ? core.slice(1)
    : null;
}

/** Longest phrase starting at token `i` whose first word is `first`: its length and classes. */
function matchAt(
  gazetteer: Gazetteer,
  cores: readonly string[],
  i: number,
  first: string,
): { length: number; classes: readonly GazetteerClass[] } | null {
  let node = gazetteer.phrases.next.get(first);
  let best: { length: number; classes: readonly GazetteerClass[] } | null = null;
  for (let k = 1; node; k++) {
    if (node.classes.length > 0) best = { length: k, classes: node.classes };
    if (i + k >= cores.length) break;
    node = node.next.get(cores[i + k]!);
  }
  return best;
}

function retryMatch(gazetteer: Gazetteer, cores: readonly string[], i: number): ReturnType<typeof matchAt> {
  const retry = withoutPreposition(cores[i]!);
  return retry ? matchAt(gazetteer, cores, i, retry) : null;
}

/**
 * Gazetteer labels per token, e.g. ['COUNTRY-B'] / ['COUNTRY-I']: for each start, the longest
 * phrase(s) win and matching continues after them.
 */
export function gazetteerLabels(gazetteer: Gazetteer, forms: readonly TokenForms[]): string[][] {
  const cores = forms.map((f) => f.core);
  // Most tokens match nothing: they share one empty list instead of allocating their own.
  const labels: string[][] = new Array<string[]>(cores.length).fill(NO_LABELS);
  let i = 0;
  while (i < cores.length) {
    const found = matchAt(gazetteer, cores, i, cores[i]!) ?? retryMatch(gazetteer, cores, i);
    if (!found) {
      i++;
      continue;
    }
    for (let k = 0; k < found.length; k++) labels[i + k] = found.classes.map((cls) => `${cls}-${k === 0 ? 'B' : 'I'}`);
    i += found.length;
  }
  return labels;
}
