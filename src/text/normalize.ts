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

const DROPPED = /[\u064B-\u065F\u0670\u0640\u200C-\u200F\u061C]/u;
const CHAR_MAP: ReadonlyMap<string, string> = new Map([
  ['أ', 'ا'], ['إ', 'ا'], ['آ', 'ا'], ['ٱ', 'ا'], ['ى', 'ي'], ['ی', 'ي'], ['ې', 'ي'], ['ک', 'ك'], ['ؤ', 'ؤ'],
  ['٠', '0'], ['١', '1'], ['٢', '2'], ['٣', '3'], ['٤', '4'], ['٥', '5'], ['٦', '6'], ['٧', '7'], ['٨', '8'], ['٩', '9'],
  ['۰', '0'], ['۱', '1'], ['۲', '2'], ['۳', '3'], ['۴', '4'], ['۵', '5'], ['۶', '6'], ['۷', '7'], ['۸', '8'], ['۹', '9'],
]);

/** Builds the matching view of `source` (NFC first is the caller's job; display text stays untouched). */
export function normalizeView(source: string, options: NormalizeOptions = {}): TextView {
  const foldTa = options.foldTaMarbuta ?? false;
  const lowerLatin = options.lowerLatin ?? true;
  const out: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (DROPPED.test(ch)) continue;
    let mapped = CHAR_MAP.get(ch) ?? ch;
    if (foldTa && mapped === 'ة') mapped = 'ه';
    if (lowerLatin && mapped >= 'A' && mapped <= 'Z') mapped = mapped.toLowerCase();
    out.push(mapped);
    map.push(i);
  }
  map.push(source.length);
  return { source, text: out.join(''), toSource: Uint32Array.from(map) };
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
