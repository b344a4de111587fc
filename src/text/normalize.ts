/**
 * The one character-fold table of Marsad, read through named profiles. Every matching form of Arabic text in the
 * project (the recognizers' view, search terms, clustering terms, NER token forms, entity link keys) comes from here.
 *
 * Profiles (each is a set of rows of FOLD_TABLE, plus the spelling-variant rewrites of its keys):
 * - `display`: the view recognizers match on, with an offset map back to the untouched source (normalizeView).
 *   Keeps ة and the hamza seats, so lexicons can be written as printed.
 * - `link`: entity linking keys (normalizeKey): display + ة→ه, «اميرك» → «امريك».
 * - `token`: NER token forms (analyze/entities/token-forms.ts): display + ة→ه. The committed NER model and its word
 *   clusters were trained on exactly these forms (scripts/ner-feature-hash.ts checks them).
 * - `cluster`: clustering terms (corpus/text/terms.ts): display + ة→ه. The committed IDF table
 *   (src/corpus/data/idf.json) is keyed by these forms (scripts/build-idf.ts rebuilds it byte-identically; folding
 *   the Persian letters here too would move 12 of its document frequencies by one or two).
 * - `search`: search terms (text/stem.ts): display + ة→ه, Persian letters, hamza seats ؤ/ئ → ء («مسؤول/مسئول»),
 *   «يرك» → «ريك».
 */

/** A normalised text plus the offset map back to the source. */
export interface TextView {
  readonly source: string;
  readonly text: string;
  /** `toSource[i]` is the source offset of view offset `i`; length is `text.length + 1` so ends map too. */
  readonly toSource: Uint32Array;
}

export type FoldProfile = 'display' | 'link' | 'token' | 'cluster' | 'search';

type FoldGroup = 'invisible' | 'alef' | 'yeh' | 'keheh' | 'digit' | 'latin' | 'tehMarbuta' | 'persian' | 'hamzaSeat';

/** The characters from `first` to `last` inclusive. */
function charRange(first: number, last: number): string {
  let out = '';
  for (let code = first; code <= last; code++) out += String.fromCharCode(code);
  return out;
}

/**
 * Every fold, once: [group, characters, replacement]. The replacement is '' (the character is dropped), one
 * character (every character maps to it) or as long as the characters (position by position).
 */
const FOLD_TABLE: readonly (readonly [FoldGroup, string, string])[] = [
  // Tashkeel (harakat, tanween, shadda, sukun, small hamza), superscript alef, tatweel.
  ['invisible', `${charRange(0x064b, 0x065f)}\u0670\u0640`, ''],
  // Zero-width space, non-joiner, joiner, LTR/RTL marks and the Arabic letter mark.
  ['invisible', '\u200b\u200c\u200d\u200e\u200f\u061c', ''],
  ['alef', 'أإآٱ', 'ا'],
  // Alef maqsura, Persian yeh, Uyghur/Pashto e.
  ['yeh', 'ىیې', 'ي'],
  ['keheh', 'ک', 'ك'],
  ['digit', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
  ['digit', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
  ['latin', charRange(0x41, 0x5a), charRange(0x61, 0x7a)],
  ['tehMarbuta', 'ة', 'ه'],
  // Letters of Persian origin in transliterated names: گ→ك ڤ→ف پ→ب چ→ج ژ→ز.
  ['persian', 'گڤپچژ', 'كفبجز'],
  // Hamza seats vary between writers: «مسؤول/مسئول».
  ['hamzaSeat', 'ؤئ', 'ءء'],
];

const DISPLAY_GROUPS: readonly FoldGroup[] = ['invisible', 'alef', 'yeh', 'keheh', 'digit', 'latin'];

const PROFILE_GROUPS: Readonly<Record<FoldProfile, readonly FoldGroup[]>> = {
  display: DISPLAY_GROUPS,
  link: [...DISPLAY_GROUPS, 'tehMarbuta'],
  token: [...DISPLAY_GROUPS, 'tehMarbuta'],
  cluster: [...DISPLAY_GROUPS, 'tehMarbuta'],
  search: [...DISPLAY_GROUPS, 'tehMarbuta', 'persian', 'hamzaSeat'],
};

/**
 * Spelling variants folded in a profile's keys, after the character folds. Loanwords write ي before ر before ك
 * both ways, «أميركا/أمريكا», «الأميركية/الأمريكية»: search folds every «يرك» after a letter; link keys only
 * «اميرك», so entity ids of other names («ميركل») stay as they were.
 */
const SPELLING_VARIANTS: Readonly<Partial<Record<FoldProfile, readonly (readonly [RegExp, string, string])[]>>> = {
  search: [[/(?<=\p{L})يرك/gu, 'ريك', 'يرك']],
  link: [[/اميرك/gu, 'امريك', 'اميرك']],
};

/** Code units past the table are kept as they are (the last folded one is U+200F). */
const TABLE_SIZE = 0x2010;
const DROP = -1;

function buildTable(profile: FoldProfile): Int32Array {
  const table = new Int32Array(TABLE_SIZE);
  for (let code = 0; code < TABLE_SIZE; code++) table[code] = code;
  const groups = new Set(PROFILE_GROUPS[profile]);
  for (const [group, from, to] of FOLD_TABLE) {
    if (!groups.has(group)) continue;
    for (let i = 0; i < from.length; i++) {
      table[from.charCodeAt(i)] = to === '' ? DROP : to.charCodeAt(to.length === from.length ? i : 0);
    }
  }
  return table;
}

/** Per-code-unit lookup of each profile: DROP, or the replacement code unit (identity when unchanged). */
const TABLES: Readonly<Record<FoldProfile, Int32Array>> = {
  display: buildTable('display'),
  link: buildTable('link'),
  token: buildTable('token'),
  cluster: buildTable('cluster'),
  search: buildTable('search'),
};

const DISPLAY_TABLE = TABLES.display;

/**
 * Folds one UTF-16 code unit as the display view does: the replacement code unit, or -1 when the view drops it
 * (tashkeel, tatweel, zero-width marks). For hot loops that build their own keys.
 */
export function foldCodeUnit(code: number): number {
  return code < TABLE_SIZE ? DISPLAY_TABLE[code]! : code;
}

/** Builds the display view of `source` (NFC first is the caller's job; display text stays untouched). */
export function normalizeView(source: string): TextView {
  const codes = new Uint16Array(source.length);
  const toSource = new Uint32Array(source.length + 1);
  let length = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    const mapped = code < TABLE_SIZE ? DISPLAY_TABLE[code]! : code;
    if (mapped === DROP) continue;
    codes[length] = mapped;
    toSource[length] = i;
    length++;
  }
  toSource[length] = source.length;
  return {
    source,
    text: decodeCodes(codes, length),
    toSource: length === source.length ? toSource : toSource.slice(0, length + 1),
  };
}

const CHUNK = 8192;

/** String from the first `length` UTF-16 code units, in chunks to stay under the argument limit. */
function decodeCodes(codes: Uint16Array, length: number): string {
  let text = '';
  for (let start = 0; start < length; start += CHUNK) {
    text += String.fromCharCode(...codes.subarray(start, Math.min(length, start + CHUNK)));
  }
  return text;
}

/** One profile's folds as a string replacement: a class of every character it changes, and what each becomes. */
interface Replacer {
  readonly pattern: RegExp;
  readonly replacement: ReadonlyMap<string, string>;
}

function buildReplacer(table: Int32Array): Replacer {
  const replacement = new Map<string, string>();
  let chars = '';
  for (let code = 0; code < TABLE_SIZE; code++) {
    if (table[code] === code) continue;
    const ch = String.fromCharCode(code);
    replacement.set(ch, table[code] === DROP ? '' : String.fromCharCode(table[code]!));
    chars += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return { pattern: new RegExp(`[${chars}]`, 'gu'), replacement };
}

const REPLACERS: Readonly<Record<FoldProfile, Replacer>> = {
  display: buildReplacer(TABLES.display),
  link: buildReplacer(TABLES.link),
  token: buildReplacer(TABLES.token),
  cluster: buildReplacer(TABLES.cluster),
  search: buildReplacer(TABLES.search),
};

/** Longest string folded code unit by code unit (words, the hot path of search and NER); longer texts use the replacer. */
const SHORT_TEXT = 32;

/** Character folds of one profile, without the spelling variants. */
function foldCharacters(source: string, profile: FoldProfile): string {
  if (source.length > SHORT_TEXT) {
    const { pattern, replacement } = REPLACERS[profile];
    return source.replace(pattern, (ch) => replacement.get(ch)!);
  }
  const table = TABLES[profile];
  let out = '';
  let changed = false;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    const mapped = code < TABLE_SIZE ? table[code]! : code;
    if (mapped === code) {
      out += source[i];
      continue;
    }
    changed = true;
    if (mapped !== DROP) out += String.fromCharCode(mapped);
  }
  return changed ? out : source;
}

/**
 * A profile's folds read backwards, for finding a folded form in raw text without folding the text (search highlights):
 * which code units fold to a code unit, which are dropped, and which a spelling variant may move. The folded text keeps
 * the positions of the character-folded text (variants rewrite equal lengths, moving only `variantUnits`), so a folded
 * substring occurs in the raw text as its code units' sources with dropped code units in between. Null when a variant
 * of the profile changes length (no such reading then).
 */
export interface FoldInverse {
  /** Raw code units that fold to `code` (itself included when it is kept as is). */
  readonly sourcesOf: (code: number) => readonly number[];
  /** Code units the profile drops (tashkeel, tatweel, zero-width marks). */
  readonly dropped: readonly number[];
  /** Code units a spelling variant may put in place of another (both sides of every rewrite). */
  readonly variantUnits: ReadonlySet<number>;
}

export function foldInverse(profile: FoldProfile): FoldInverse | null {
  const table = TABLES[profile];
  const variantUnits = new Set<number>();
  for (const [, replacement, needle] of SPELLING_VARIANTS[profile] ?? []) {
    if (replacement.length !== needle.length) return null;
    for (const text of [replacement, needle])
      for (let i = 0; i < text.length; i++) variantUnits.add(text.charCodeAt(i));
  }
  const sources = new Map<number, number[]>();
  const dropped: number[] = [];
  for (let code = 0; code < TABLE_SIZE; code++) {
    const mapped = table[code]!;
    if (mapped === DROP) dropped.push(code);
    else if (mapped !== code) sources.set(mapped, [...(sources.get(mapped) ?? []), code]);
  }
  return {
    sourcesOf: (code) => {
      const kept = code >= TABLE_SIZE || table[code] === code;
      return [...(kept ? [code] : []), ...(sources.get(code) ?? [])];
    },
    dropped,
    variantUnits,
  };
}

/** The folded form of `source` in `profile` (no offset map): character folds, then the profile's spelling variants. */
export function normalizeText(source: string, profile: FoldProfile = 'display'): string {
  let folded = foldCharacters(source, profile);
  for (const [pattern, replacement, needle] of SPELLING_VARIANTS[profile] ?? []) {
    if (folded.includes(needle)) folded = folded.replace(pattern, replacement);
  }
  return folded;
}

/** Linking key: the `link` profile, whitespace collapsed. */
export function normalizeKey(source: string): string {
  return normalizeText(source, 'link').replace(/\s+/gu, ' ').trim();
}

/** Maps a half-open view range back to the source text. */
export function viewToSource(view: TextView, start: number, end: number): { start: number; end: number } {
  const sourceStart = view.toSource[start]!;
  // The end maps to the source offset of the next kept character, so a trailing tanween («استهدافاً») stays inside.
  const sourceEnd = view.toSource[end]!;
  return { start: sourceStart, end: sourceEnd };
}
