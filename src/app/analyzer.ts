/**
 * The production PageAnalyzer: `analyzePage(page, {annotate})` from src/pipeline/analyze-page.ts, loaded
 * on first use so that commands which never analyse (articles, article) don't load the extraction stack.
 */
import { EngineError } from '../core/errors.ts';
import type { RawPage } from '../core/page.ts';
import type { PageAnalyzer } from './ingest.ts';
import type { AnalyzedPageLike } from './page-record.ts';

type AnalyzePage = (page: RawPage, options: { annotate: boolean }) => AnalyzedPageLike;

// A variable specifier keeps the type checker from requiring the module while the pipeline is being written.
const PIPELINE_MODULE = '../pipeline/analyze-page.ts';

/** Loads the pipeline and returns an analyzer with annotation on or off. */
export async function loadPageAnalyzer(options: { annotate: boolean }): Promise<PageAnalyzer> {
  let module: { analyzePage?: unknown };
  try {
    module = (await import(PIPELINE_MODULE)) as { analyzePage?: unknown };
  } catch (error) {
    throw new EngineError('analyze/failed', `Cannot load the analysis pipeline (${PIPELINE_MODULE}).`, { cause: error });
  }
  if (typeof module.analyzePage !== 'function') {
    throw new EngineError('analyze/failed', `${PIPELINE_MODULE} does not export analyzePage.`);
  }
  const analyzePage = module.analyzePage as AnalyzePage;
  return (page) => analyzePage(page, { annotate: options.annotate });
}
