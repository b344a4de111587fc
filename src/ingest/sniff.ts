/**
 * Cheap byte- and text-level sniffing used by decode.ts: binary signatures, BOM-less UTF-16,
 * the charset an HTML page declares, HTML vs plain text, and whether HTML holds any text at all.
 */
import type { ContentType } from '../core/page.ts';

/** Magic numbers of common binary formats a scraper may save by mistake (PDF, images, archives, Office). */
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0xff, 0xd8, 0xff], // JPEG
  [0x50, 0x4b, 0x03, 0x04], // ZIP, docx, xlsx, epub
  [0x1f, 0x8b], // gzip
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x52, 0x49, 0x46, 0x46], // RIFF (webp, wav)
  [0xd0, 0xcf, 0x11, 0xe0], // OLE (doc, xls)
];

/** True when the bytes start with the signature of a known binary format. */
export function hasBinarySignature(bytes: Uint8Array): boolean {
  return BINARY_SIGNATURES.some((sig) => sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b));
}

/** How many leading bytes the UTF-16 and charset sniffers look at (HTML spec prescans 1024 bytes). */
const SNIFF_BYTES = 1024;
/**
 * BOM-less UTF-16 is recognised from its high bytes (odd positions for LE, even for BE): Arabic text puts 0x06
 * there, ASCII spaces and digits 0x00, punctuation such as “ ” – 0x20. We require 90% of high bytes to be
 * one of those, some of them NUL (spaces: ~20% of the high bytes in Arabic news text, none in windows-1256
 * or UTF-8), and almost no NUL among the low bytes; a binary file's bytes are far more mixed.
 */
const UTF16_HIGH_BYTE_SHARE = 0.9;
const UTF16_MIN_HIGH_NUL_SHARE = 0.02;
const UTF16_MAX_LOW_NUL_SHARE = 0.05;

/** Detects BOM-less UTF-16 from where the zero bytes sit; null when the bytes don't look like UTF-16. */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 4) return null;
  const pairs = length / 2;
  const share = (offset: number): { plausible: number; nul: number } => {
    let plausible = 0;
    let nul = 0;
    for (let i = offset; i < length; i += 2) {
      const b = bytes[i] ?? 0;
      if (b === 0x00) nul++;
      if (b === 0x00 || b === 0x06 || b === 0x20) plausible++;
    }
    return { plausible: plausible / pairs, nul: nul / pairs };
  };
  const odd = share(1);
  const even = share(0);
  if (
    odd.plausible >= UTF16_HIGH_BYTE_SHARE &&
    odd.nul >= UTF16_MIN_HIGH_NUL_SHARE &&
    even.nul <= UTF16_MAX_LOW_NUL_SHARE
  )
    return 'utf-16le';
  if (
    even.plausible >= UTF16_HIGH_BYTE_SHARE &&
    even.nul >= UTF16_MIN_HIGH_NUL_SHARE &&
    odd.nul <= UTF16_MAX_LOW_NUL_SHARE
  )
    return 'utf-16be';
  return null;
}

const META_CHARSET = /<meta[^>]{0,200}?charset\s*=\s*["']?\s*(?<label>[A-Za-z0-9_:.-]{1,40})/i;

/** The charset label an HTML page declares in a `<meta>` within its first 1024 bytes, lower-cased; null if none. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES)).toString('latin1');
  return META_CHARSET.exec(head)?.groups?.label?.toLowerCase() ?? null;
}

const HTML_EXTENSIONS = /\.(?:html?|xhtml|shtml|php|aspx?)$/i;
const TEXT_EXTENSIONS = /\.(?:txt|text)$/i;
const HTML_START =
  /^\s*(?:<!--[\s\S]{0,2000}?-->\s*)?<(?:!doctype\s+html|html|head|body|meta|title|article|div)[\s>/]/i;
const TAG = /<\/?[a-z][a-z0-9]{0,10}(?:\s[^<>]{0,500})?>/gi;
/** A plain-text page rarely has even one tag; five distinct tags in the first 4 KB mean markup. */
const MIN_TAGS_FOR_HTML = 5;
const SNIFF_CHARS = 4096;

/** Content type from a file name, when the extension says it; null otherwise. */
export function contentTypeFromName(name: string): ContentType | null {
  if (HTML_EXTENSIONS.test(name)) return 'text/html';
  if (TEXT_EXTENSIONS.test(name)) return 'text/plain';
  return null;
}

/**
 * The content type of `text`: HTML when it starts like an HTML document (even in a `.txt` file: scrapers
 * often save markup under that name) or, with no hint, when it carries several tags early on.
 */
export function sniffContentType(text: string, hint: ContentType | null = null): ContentType {
  const head = text.slice(0, SNIFF_CHARS);
  if (hint === 'text/html') return hint;
  if (hint === 'text/plain') return HTML_START.test(head) ? 'text/html' : hint;
  if (HTML_START.test(head)) return 'text/html';
  let tags = 0;
  for (const _match of head.matchAll(TAG)) {
    if (++tags >= MIN_TAGS_FOR_HTML) return 'text/html';
  }
  return 'text/plain';
}

const ENTITY = /&[#a-z0-9]{1,10};/gi;
const VISIBLE_CHAR = /[\p{L}\p{N}]/u;
const TAG_START = /[A-Za-z!/?]/;
const RAW_TEXT_OPEN = /^<(?<name>script|style|noscript|template|textarea)[\s>]/i;

/**
 * Why an HTML document is unusable, or null when it is fine: it shows no text at all, because it has
 * none or because an unclosed comment or tag swallows it (a truncated download). Parse errors that
 * browsers recover from are not reported: extraction copes with them. One linear scan, stopping at the
 * first visible letter or digit.
 */
export function htmlProblem(html: string): string | null {
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    const segment = html.slice(at, open < 0 ? html.length : open).replace(ENTITY, ' ');
    if (VISIBLE_CHAR.test(segment)) return null;
    if (open < 0) break;
    const next = skipMarkup(html, open);
    if (next === null)
      return html.startsWith('<!--', open)
        ? 'an unclosed comment hides the whole page'
        : 'an unclosed tag hides the whole page';
    at = next;
  }
  return 'the HTML holds no visible text';
}

/** Offset just past the markup starting at `open` (a comment, a raw-text element or a tag); null if unclosed. */
function skipMarkup(html: string, open: number): number | null {
  if (html.startsWith('<!--', open)) {
    const close = html.indexOf('-->', open + 4);
    return close < 0 ? null : close + 3;
  }
  const name = RAW_TEXT_OPEN.exec(html.slice(open, open + 12))?.groups?.name;
  if (name) {
    const closeTag = new RegExp(`</${name}\\s*>`, 'gi');
    closeTag.lastIndex = open;
    const match = closeTag.exec(html);
    return match ? match.index + match[0].length : null;
  }
  if (!TAG_START.test(html.charAt(open + 1))) return open + 1; // «a < b» is text, as in browsers
  const close = html.indexOf('>', open);
  return close < 0 ? null : close + 1;
}
