/**
 * Matching view of a text: drops tashkeel and tatweel, folds alef forms, ى→ي, Persian ی ک → ي ك
 * and Arabic-Indic/Persian digits, keeping a map from every view offset back to the source text.
 * The displayed text is never changed; recognizers match on `view.text` and emit `toSource` offsets.
 */

/** A normalised text plus the offset map back to the source. */
export interface TextView {
  readonly source: string;
  readonly text: string;
  /** `toSource[i]` is the source offset of view offset `i`; length is `text.length + 1` so ends map too. */
  readonly toSource: Uint32Array;
}

export interface NormalizeOptions {
  /** Fold ة→ه and final ى/ي variants for linking keys (default false). */
  readonly foldTaMarbuta?: boolean;
  /** Lower-case Latin letters (default true). */
  readonly lowerLatin?: boolean;
}

/** Characters removed from the view: tashkeel, superscript alef, tatweel, zero-width and bidi marks. */
const DROPPED_RANGES: readonly (readonly [number, number])[] = [[0x064b, 0x065f], [0x0670, 0x0670], [0x0640, 0x0640], [0x200c, 0x200f], [0x061c, 0x061c]];
const FOLDS: readonly (readonly [string, string])[] = [
  ['أ', 'ا'], ['إ', 'ا'], ['آ', 'ا'], ['ٱ', 'ا'], ['ى', 'ي'], ['ی', 'ي'], ['ې', 'ي'], ['ک', 'ك'],
  ['٠', '0'], ['١', '1'], ['٢', '2'], ['٣', '3'], ['٤', '4'], ['٥', '5'], ['٦', '6'], ['٧', '7'], ['٨', '8'], ['٩', '9'],
  ['۰', '0'], ['۱', '1'], ['۲', '2'], ['۳', '3'], ['۴', '4'], ['۵', '5'], ['۶', '6'], ['۷', '7'], ['۸', '8'], ['۹', '9'],
];
const TABLE_SIZE = 0x2010;
const DROP = -1;

/**
 * Per-code-unit lookup: DROP, or the replacement code unit (identity when unchanged). One table per
 * option set, built once at module load; code units ≥ TABLE_SIZE are kept as they are.
 */
function buildTable(foldTa: boolean, lowerLatin: boolean): Int32Array {
  const table = new Int32Array(TABLE_SIZE);
  for (let code = 0; code < TABLE_SIZE; code++) table[code] = code;
  for (const [from, to] of DROPPED_RANGES) for (let code = from; code <= to; code++) table[code] = DROP;
  for (const [from, to] of FOLDS) table[from.charCodeAt(0)] = to.charCodeAt(0);
  if (foldTa) table['ة'.charCodeAt(0)] = 'ه'.charCodeAt(0);
  if (lowerLatin) for (let code = 0x41; code <= 0x5a; code++) table[code] = code + 0x20;
  return table;
}

const TABLES: readonly Int32Array[] = [buildTable(false, false), buildTable(false, true), buildTable(true, false), buildTable(true, true)];

const DEFAULT_TABLE = TABLES[1]!;

/**
 * Folds one UTF-16 code unit as the default `normalizeView` does: the replacement code unit, or -1
 * when the view drops it (tashkeel, tatweel, zero-width marks). For hot loops that build their own keys.
 */
export function foldCodeUnit(code: number): number {
  return code < TABLE_SIZE ? DEFAULT_TABLE[code]! : code;
}

/** Builds the matching view of `source` (NFC first is the caller's job; display text stays untouched). */
export function normalizeView(source: string, options: NormalizeOptions = {}): TextView {
  const table = TABLES[(options.foldTaMarbuta ? 2 : 0) + (options.lowerLatin ?? true ? 1 : 0)]!;
  const codes = new Uint16Array(source.length);
  const toSource = new Uint32Array(source.length + 1);
  let length = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    const mapped = code < TABLE_SIZE ? table[code]! : code;
    if (mapped === DROP) continue;
    codes[length] = mapped;
    toSource[length] = i;
    length++;
  }
  toSource[length] = source.length;
  return { source, text: decodeCodes(codes, length), toSource: length === source.length ? toSource : toSource.slice(0, length + 1) };
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

/** Normalised string only (no offset map), for keys and lexicon lookups. */
export function normalizeText(source: string, options: NormalizeOptions = {}): string {
  return normalizeView(source, options).text;
}

/** Linking key: normalised, ة→ه folded, whitespace collapsed. */
export function normalizeKey(source: string): string {
  return normalizeText(source, { foldTaMarbuta: true }).replace(/\s+/gu, ' ').trim();
}

/** Maps a half-open view range back to the source text. */
export function viewToSource(view: TextView, start: number, end: number): { start: number; end: number } {
  const sourceStart = view.toSource[start]!;
  // The end maps to the source offset of the next kept character, so a trailing tanween («استهدافاً») stays inside.
  const sourceEnd = view.toSource[end]!;
  return { start: sourceStart, end: sourceEnd };
}
