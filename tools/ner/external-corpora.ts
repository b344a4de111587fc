/**
 * Extra NER training data mapped onto ANERcorp's scheme (PERS/ORG/LOC/MISC, clitics attached):
 * the fine-grained FANE corpora (WikiFANE/NewsFANE, CC BY-SA 3.0) and AQMAR (CC BY-SA 3.0); and their
 * names (plus ANETAC's) as extra gazetteer entries.
 */
import { chunksOf } from '../../src/analyze/entities/bio.ts';
import type { GazetteerClass } from '../../src/analyze/entities/gazetteer.ts';
import { parseConll, type TaggedSentence } from './conll.ts';

/** FANE fine classes → ANERcorp types (ACE-style parents); classes ANERcorp leaves untagged map to null. */
const FANE_TYPES: ReadonlyMap<string, string> = new Map([
  ...[
    'Politician',
    'Other_PER',
    'Artist',
    'Scientist',
    'Religious_PER',
    'Athlete',
    'Businessperson',
    'Engineer',
    'Lawyer',
    'Police',
  ].map((c) => [c, 'PERS'] as const),
  ...[
    'Nation',
    'Population-Center',
    'State-or-Province',
    'County-or-District',
    'Continent',
    'GPE-Cluster',
    'Water-Body',
    'Land-Region-Natural',
    'Celestial',
    'Building-Grounds',
    'Airport',
    'Path',
    'Subarea-Facility',
    'Address',
    'Boundary',
  ].map((c) => [c, 'LOC'] as const),
  ...[
    'Government',
    'Commercial',
    'Educational',
    'Media',
    'Religious_ORG',
    'Sports',
    'Non-Governmental',
    'Entertainment',
    'Medical-Science',
  ].map((c) => [c, 'ORG'] as const),
  ...['Book', 'Movie', 'Software', 'Hardware', 'Sound'].map((c) => [c, 'MISC'] as const),
]);

/** Maps a FANE tag such as «B-Population-Center» to «B-LOC» (or null when ANERcorp would not tag it). */
export function mapFaneTag(tag: string): string | null {
  if (tag === 'O' || tag.length < 3) return null;
  const type = FANE_TYPES.get(tag.slice(2));
  return type ? `${tag.slice(0, 2)}${type}` : null;
}

/** Maps an AQMAR tag: PER/LOC/ORG kept, article-specific MIS0–MIS3 dropped (they are not ANERcorp MISC). */
export function mapAqmarTag(tag: string): string | null {
  const match = /^([BI])-+(PER|LOC|ORG)$/u.exec(tag);
  if (!match) return null;
  return `${match[1]}-${match[2] === 'PER' ? 'PERS' : match[2]}`;
}

const PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);
const ENCLITICS = new Set(['ه', 'ها', 'هم', 'هما', 'هن', 'ي', 'نا', 'كم', 'ني']);
const WORD = /[\p{L}\p{N}]/u;

/**
 * Re-attaches the clitics FANE splits off («و الصادرات» → «والصادرات», «عاصمة ها» → «عاصمةها»),
 * so tokens look like ANERcorp's. ل before ال becomes لل as written («ل الانقسام» → «للانقسام»).
 */
export function attachClitics(sentence: TaggedSentence): TaggedSentence {
  const tokens: string[] = [];
  const tags: string[] = [];
  let pending = '';
  for (let i = 0; i < sentence.tokens.length; i++) {
    const token = sentence.tokens[i]!;
    const next = sentence.tokens[i + 1];
    if (PROCLITICS.has(token) && next !== undefined && WORD.test(next)) {
      pending += token;
      continue;
    }
    if (ENCLITICS.has(token) && pending === '' && tokens.length > 0 && WORD.test(tokens[tokens.length - 1]!)) {
      // «عاصمة» + «ها» is written «عاصمتها»: ta marbuta opens before a suffix.
      const previous = tokens[tokens.length - 1]!;
      tokens[tokens.length - 1] = (previous.endsWith('ة') ? `${previous.slice(0, -1)}ت` : previous) + token;
      continue;
    }
    const joined =
      pending.endsWith('ل') && token.startsWith('ال') ? `${pending}${token.slice(1)}` : `${pending}${token}`;
    tokens.push(joined);
    tags.push(sentence.tags[i]!);
    pending = '';
  }
  return { tokens, tags };
}

/** Parses a FANE file (tab-separated, BOM/LRM/CR stripped by parseConll) into ANERcorp-style sentences. */
export function readFane(text: string): TaggedSentence[] {
  return parseConll(text, mapFaneTag).map(attachClitics);
}

const EXTRA_CLASS: Readonly<Record<string, GazetteerClass>> = {
  PERS: 'EXTRA_PERS',
  LOC: 'EXTRA_LOC',
  ORG: 'EXTRA_ORG',
};

/** Distinct PERS/LOC/ORG names of gold sentences, as gazetteer entries (MISC is too mixed to list). */
export function entityNames(sentences: readonly TaggedSentence[]): { name: string; cls: GazetteerClass }[] {
  const seen = new Map<string, GazetteerClass>();
  for (const s of sentences) {
    for (const chunk of chunksOf(s.tags)) {
      const cls = EXTRA_CLASS[chunk.type];
      const name = s.tokens.slice(chunk.start, chunk.end).join(' ');
      if (cls && WORD.test(name)) seen.set(`${cls}\t${name}`, cls);
    }
  }
  return [...seen.keys()].map((key) => ({ name: key.slice(key.indexOf('\t') + 1), cls: seen.get(key)! }));
}

const ANETAC_CLASS: Readonly<Record<string, GazetteerClass>> = {
  PERSON: 'EXTRA_PERS',
  LOCATION: 'EXTRA_LOC',
  ORGANIZATION: 'EXTRA_ORG',
};

/** ANETAC lines `CLASS English Arabic` → single-token Arabic names with their class. */
export function readAnetac(text: string): { name: string; cls: GazetteerClass }[] {
  const out: { name: string; cls: GazetteerClass }[] = [];
  for (const line of text.split(/\r?\n/u)) {
    const parts = line.trim().split(/\s+/u);
    const cls = ANETAC_CLASS[parts[0] ?? ''];
    const name = parts[parts.length - 1] ?? '';
    if (cls && parts.length >= 3 && /[\u0621-\u064A]/u.test(name)) out.push({ name, cls });
  }
  return out;
}
