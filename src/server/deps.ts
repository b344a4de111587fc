/** What the HTTP routes depend on, injected by the composition (serve command or tests). */
import type { Store } from '../store/store.ts';
import type { PageIngestor } from '../app/page-ingest.ts';
import type { StoryReader } from '../app/story-reader.ts';

export interface ServerDeps {
  readonly store: Store;
  readonly stories: StoryReader;
  /** null: POST /api/pages answers 503 (e.g. the analysis pipeline is not available). */
  readonly ingest: PageIngestor | null;
}
