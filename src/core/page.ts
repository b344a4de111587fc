/** Raw pages as they come in, before extraction. Produced by ingest/, consumed by extract/. */

export type ContentType = 'text/html' | 'text/plain';

export interface RawPage {
  /** Content hash of the decoded body (see ingest/): the same page twice is stored once. */
  readonly id: string;
  /** Where it came from: a URL, or the file path as given. */
  readonly url: string;
  /** ISO-8601 UTC. */
  readonly fetchedAt: string;
  readonly contentType: ContentType;
  /** Decoded text, never modified afterwards: the coordinate system of page-level spans for plain text. */
  readonly body: string;
  /** Encoding the bytes were decoded from, e.g. 'utf-8', 'utf-16le', 'windows-1256'. */
  readonly encoding?: string;
  /** How the encoding was chosen and what the decoder had to repair (see ingest/decode.ts); absent for text given as text. */
  readonly decoding?: PageDecoding;
}

/** Why a page's bytes were decoded the way they were: stored with the page and shown as a warning when lossy. */
export interface PageDecoding {
  readonly encoding: string;
  /** 'bom', 'utf-16-sniffed', 'utf-8' (valid), 'utf-8-repaired' (a few invalid bytes replaced), 'declared' (<meta charset>), 'windows-1256-detected', 'text' (given already decoded). */
  readonly method:
    | 'bom'
    | 'utf-16-sniffed'
    | 'utf-8'
    | 'utf-8-repaired'
    | 'declared'
    | 'windows-1256-detected'
    | 'text';
  /** Invalid byte sequences replaced by U+FFFD. */
  readonly replaced: number;
  /** A sentence for the reader when the decoding lost or guessed something; null when it is exact. */
  readonly warning: string | null;
}
