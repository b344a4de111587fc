/**
 * Matching key of a line: the normalised view (see text/normalize.ts) with every run of non-word
 * characters collapsed to one space, plus a map back to source offsets. Cue lexicons and duplicate
 * detection compare keys, so «إقرأ أيضاً:» and «اقرأ ايضا» are the same cue.
 */
import { normalizeView } from '../text/normalize.ts';

export interface LineKey {
  readonly key: string;
  /** `toSource[i]` is the offset in the source line of key offset `i`; length `key.length + 1`. */
  readonly toSource: readonly number[];
}

const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

/** Builds the key of `text` (offsets in `toSource` are relative to `text`). */
export function lineKey(text: string): LineKey {
  const view = normalizeView(text);
  const out: string[] = [];
  const map: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < view.text.length; i++) {
    const ch = view.text[i]!;
    if (WORD_CHAR_RE.test(ch)) {
      if (pendingSpace && out.length > 0) {
        out.push(' ');
        map.push(view.toSource[i]!);
      }
      pendingSpace = false;
      out.push(ch);
      map.push(view.toSource[i]!);
    } else {
      pendingSpace = true;
    }
  }
  const last = map.length > 0 ? map[map.length - 1]! + 1 : 0;
  map.push(Math.min(last, text.length));
  return { key: out.join(''), toSource: map };
}

/** Duplicate-detection key: letters and digits only, ة folded to ه (quotes and spacing ignored). */
export function duplicateKey(key: string): string {
  return key.replace(/ة/gu, 'ه').replace(/ /gu, '');
}
