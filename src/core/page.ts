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
}
