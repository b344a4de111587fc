/** Located, coded data-quality findings (after vfile-message). */
import type { Span } from './span.ts';

export interface Diagnostic {
  readonly severity: 'error' | 'warning' | 'info';
  /** `<stage>/<kebab-name>`, e.g. 'extract/too-short'. Stored: never renamed silently. */
  readonly code: string;
  readonly message: string;
  readonly span?: Span;
}
