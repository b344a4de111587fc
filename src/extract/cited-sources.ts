/**
 * Sources an article cites: named media after «وكالة / صحيفة / مجلة / شبكة…», wire agencies («رويترز»,
 * «(وام)», «أ ف ب») and the institution after «نقلت … عن» («عن البنتاغون»). Names are returned as written.
 */
import { normalizeView, viewToSource, type TextView } from '../text/normalize.ts';
import { WORD_END, WORD_START } from '../text/char-classes.ts';
import { agencyForms } from '../text/agencies.ts';
import { stopWords } from '../text/stop-words.ts';

/** Function words of running prose (the `prose` subset of the stop-word lexicon). */
const ARABIC_STOP_WORDS = stopWords('prose');
/** Wire agencies' credit forms, normalised; forms that are also everyday words («قنا» Qena) are left out. */
const NEWS_AGENCIES: ReadonlySet<string> = new Set(
  agencyForms('display', { fullNames: false, alsoAWord: false }).keys(),
);

/**
 * Media nouns, normalised. Patterns start with their literal (no lookbehind) so the regex engine can scan
 * quickly; the word boundary before them, allowing one clitic («لوكالة», «وبحسب»), is checked in code.
 */
const MEDIA_NOUN = '(?<noun>وكالة|وكالات|صحيفة|جريدة|مجلة|شبكة|موقع|قناة|تلفزيون|اذاعة|راديو|منصة)';
/** Nouns that are also everyday words («شبكة النقل», «موقع الحادث», «قناة السويس»): an unquoted «ال» name after them is not trusted. */
const AMBIGUOUS_NOUNS: ReadonlySet<string> = new Set(['شبكة', 'موقع', 'قناة', 'منصة', 'اذاعة']);
const QUOTED = '[“"«](?<quoted>[^”"»“«\\n]{2,40})[”"»]';
const UNQUOTED = '(?<bare>[^\\s،,.:؛;"“”«»()]+(?:\\s[^\\s،,.:؛;"“”«»()]+){0,2})';
/** «وكالة أنباء الإمارات «وام»»: the bracketed short name after a long one is the name used. */
const ACRONYM = '(?:\\s{0,2}[«“"(](?<acronym>[^»”")“«\\n]{2,15})[»”")])';
const MEDIA_RE = new RegExp(
  `${MEDIA_NOUN}(?:\\s+(?:انباء|الانباء|اخبار))?\\s{0,2}(?:${QUOTED}|${UNQUOTED}${ACRONYM}?)`,
  'gu',
);
/** «نقلت وكالة “رويترز” عن البنتاغون», «نقلاً عن الكرملين»: the institution quoted, one «ال» word. */
const REPORTED_FROM_RE = new RegExp(
  `(?:نقل|نقلت|نقلا|ينقل|تنقل)${WORD_END}[^.؟!\\n]{0,60}?${WORD_START}عن\\s+(?<from>ال[^\\s،,.:؛;"“”«»()]{3,})`,
  'gu',
);
const AGENCY_NAMES = [...NEWS_AGENCIES].sort((a, b) => b.length - a.length).map((n) => n.replace(/ /gu, '\\s'));
const AGENCY_RE = new RegExp(`(?<agency>${AGENCY_NAMES.join('|')})${WORD_END}`, 'gu');
const WORD_CHAR_RE = /[\p{L}\p{M}\p{N}]/u;
/** Generic heads that are not names: «عن المصادر», «وكالة الأنباء», «موقع إلكتروني». */
const GENERIC: ReadonlySet<string> = new Set([
  'المصادر',
  'المصدر',
  'المسؤولين',
  'المسؤول',
  'الوزارة',
  'الوكالة',
  'الصحيفة',
  'الموقع',
  'القناة',
  'الشبكة',
  'التقرير',
  'الحكومة',
  'مصادر',
  'محلية',
  'دولية',
  'اعلام',
  'الاعلام',
  'رسمية',
  'الرسمية',
  'اخبارية',
  'الاخبارية',
  'الكتروني',
  'الالكتروني',
  'الكترونية',
  'الالكترونية',
  'التواصل',
  'الجيش',
  'الشرطة',
  'الرئاسة',
  'رسمي',
  'الرسمي',
  'محلي',
  'دولي',
  'اخباري',
  'الاخباري',
  'خاص',
  'الخاص',
  'جديد',
  'جديدة',
]);
/** Trailing nationality adjectives are not part of a name: «نيويورك تايمز الأمريكية». */
const NISBA_RE = /\s+ال\S+ي[ةه]$/u;

/** Cited sources in `text`, de-duplicated by normalised form, in order of first mention; `exclude` drops the outlet itself. */
export function findCitedSources(text: string, exclude: string | null): string[] {
  const view = normalizeView(text);
  const found: { start: number; name: string }[] = [];
  collect(view, { pattern: MEDIA_RE, clitics: 'لب' }, (g) => g.acronym ?? g.quoted ?? trustedBare(g), found);
  collect(view, { pattern: REPORTED_FROM_RE, clitics: 'وف' }, (g) => g.from, found);
  collect(view, { pattern: AGENCY_RE, clitics: '' }, (g) => g.agency, found);
  const excluded = exclude === null ? null : normalizeView(exclude).text;
  const seen = new Set<string>();
  const names: string[] = [];
  for (const { name } of found.sort((a, b) => a.start - b.start)) {
    const key = normalizeView(name).text;
    const isOutlet = key === excluded && !NEWS_AGENCIES.has(key);
    if (seen.has(key) || isOutlet) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

type Groups = Record<string, string | undefined>;

/** True when the match starts a word, allowing one clitic letter from `clitics` before it. */
function startsWord(text: string, at: number, clitics: string): boolean {
  const before = text[at - 1];
  if (before === undefined || !WORD_CHAR_RE.test(before)) return true;
  if (!clitics.includes(before)) return false;
  const outer = text[at - 2];
  return outer === undefined || !WORD_CHAR_RE.test(outer);
}

function collect(
  view: TextView,
  rule: { pattern: RegExp; clitics: string },
  pick: (groups: Groups) => string | undefined,
  out: { start: number; name: string }[],
): void {
  const { pattern, clitics } = rule;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(view.text); match; match = pattern.exec(view.text)) {
    if (!startsWord(view.text, match.index, clitics)) {
      pattern.lastIndex = match.index + 1;
      continue;
    }
    const name = pick(match.groups ?? {})?.trim();
    if (!name || !isName(name)) continue;
    const at = match.index + match[0].lastIndexOf(name);
    const { start, end } = viewToSource(view, at, at + name.length);
    out.push({ start, name: view.source.slice(start, end) });
  }
}

function trustedBare(groups: Groups): string | undefined {
  if (groups.noun && AMBIGUOUS_NOUNS.has(groups.noun) && groups.bare?.startsWith('ال')) return undefined;
  return stripBare(groups.bare);
}

function stripBare(bare: string | undefined): string | undefined {
  if (!bare) return undefined;
  const words = bare.split(/\s/u);
  const cut = words.findIndex((w) => ARABIC_STOP_WORDS.has(w) || GENERIC.has(w));
  const kept = (cut < 0 ? words : words.slice(0, cut)).join(' ');
  return kept.replace(NISBA_RE, '') || undefined;
}

/** «منصة لوجستية», «صحيفة يومية»: an indefinite adjective after the media noun, not a name. */
const INDEFINITE_NISBA_RE = /^(?!ال)\S*(?:ية|يه)$/u;

function isName(name: string): boolean {
  const first = name.split(/\s/u)[0] ?? '';
  if (INDEFINITE_NISBA_RE.test(first) && !/[“"«]/u.test(name)) return false;
  return (
    /\p{L}/u.test(name) &&
    !/\d/u.test(name) &&
    !ARABIC_STOP_WORDS.has(first) &&
    !GENERIC.has(first) &&
    !GENERIC.has(name)
  );
}
