/** Digit folding: Arabic-Indic (٠–٩) and Persian (۰–۹) digits to ASCII, same length, offsets unchanged. */

const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

/** Maps one character to its ASCII digit if it is an Arabic-Indic or Persian digit. */
export function foldDigit(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9) return String(code - ARABIC_INDIC_ZERO);
  if (code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9) return String(code - PERSIAN_ZERO);
  return ch;
}

/** Replaces every Arabic-Indic/Persian digit by its ASCII digit; the result has the same length. */
export function foldDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, foldDigit);
}
