/**
 * Limits every ingest reader checks while it reads (never after buffering): bytes per page, bytes per JSONL line,
 * decompressed bytes and ratio per file, lines per file and time per file. Hitting one fails that item only.
 */

/** 5 MB: the largest seed-like scraped page is ~100 KB; real article pages with inline scripts stay well under 2 MB. */
export const DEFAULT_MAX_PAGE_BYTES = 5 * 1024 * 1024;
/**
 * The largest page analysed whatever `--max-bytes` says. Extraction and annotation take about 12× the page size in
 * memory (a 60 MB page reached 690 MB in segmentation), so 16 MB keeps one page under ~200 MB.
 */
export const PAGE_BYTES_CEILING = 16 * 1024 * 1024;
/** Fixed allowance on top of the per-page limit for a JSONL line's JSON syntax and other fields. */
const LINE_OVERHEAD_BYTES = 64 * 1024;
/**
 * A JSONL line holds one page JSON-escaped: Arabic escaped as \uXXXX is 3× its UTF-8 size. Default line limit:
 * 3× the page limit plus the overhead.
 */
const LINE_TO_PAGE_RATIO = 3;
/** 8 GB decompressed per file: a large crawl dump, far below what a zip bomb expands to. */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024 * 1024;
/** HTML and JSON Lines of news compress 4–10×; zeros or newlines compress ~1000×. */
export const DEFAULT_MAX_GZIP_RATIO = 100;
/** The ratio is checked once this much is decompressed (a tiny file may compress better than any threshold). */
export const GZIP_RATIO_GRACE_BYTES = 16 * 1024 * 1024;
/** 2 million lines (blank ones included) per file. */
export const DEFAULT_MAX_LINES = 2_000_000;
/** Ten minutes per file. */
export const DEFAULT_MAX_FILE_SECONDS = 600;

export interface ReadLimits {
  /** Largest page accepted, in bytes (capped at PAGE_BYTES_CEILING). */
  readonly maxBytes: number;
  /** Largest JSONL line, in bytes; a longer line is skipped unread and reported. */
  readonly maxLineBytes: number;
  /** Decompressed bytes read from one file before it is abandoned. */
  readonly maxFileBytes: number;
  /** Largest decompressed/compressed ratio of a .gz file (checked after GZIP_RATIO_GRACE_BYTES). */
  readonly maxGzipRatio: number;
  /** Lines read from one JSONL file before it is abandoned. */
  readonly maxLines: number;
  /** Seconds spent on one file before it is abandoned. */
  readonly maxFileSeconds: number;
}

/** The limits with every option not given set to its default. */
export function readLimits(given: Partial<ReadLimits> = {}): ReadLimits {
  const maxBytes = Math.min(given.maxBytes ?? DEFAULT_MAX_PAGE_BYTES, PAGE_BYTES_CEILING);
  return {
    maxBytes,
    maxLineBytes: given.maxLineBytes ?? maxBytes * LINE_TO_PAGE_RATIO + LINE_OVERHEAD_BYTES,
    maxFileBytes: given.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    maxGzipRatio: given.maxGzipRatio ?? DEFAULT_MAX_GZIP_RATIO,
    maxLines: given.maxLines ?? DEFAULT_MAX_LINES,
    maxFileSeconds: given.maxFileSeconds ?? DEFAULT_MAX_FILE_SECONDS,
  };
}
