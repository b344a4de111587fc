/**
 * The production PageAnalyzer: `analyzePage(page, {annotate})` from src/pipeline/analyze-page.ts, imported
 * on first use so that commands which never analyse (articles, article, search) don't load the extraction stack.
 */
import { EngineError, isEngineError } from '../core/errors.ts';
import type { RawPage } from '../core/page.ts';
import type { PageAnalyzer } from './ingest.ts';
import { applyOutletDomainsFromEnv } from './outlet-domains.ts';
import type { AnalyzedPageLike } from './page-record.ts';

type AnalyzePage = (page: RawPage, options: { annotate: boolean }) => AnalyzedPageLike;

/** Loads the pipeline and returns an analyzer with annotation on or off. */
export async function loadPageAnalyzer(options: { annotate: boolean }): Promise<PageAnalyzer> {
  applyOutletDomainsFromEnv();
  let analyzePage: AnalyzePage;
  try {
    ({ analyzePage } = await import('../pipeline/analyze-page.ts'));
  } catch (error) {
    throw new EngineError('analyze/failed', `Cannot load the analysis pipeline: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return withAnnotationFallback(analyzePage, options);
}

/**
 * With `annotate`, a missing trained model (a deployment problem, not a page problem) doesn't cost the page:
 * it is stored with its extraction only, and a warning says why its annotations are absent. Any other error
 * still fails the page.
 */
export function withAnnotationFallback(analyzePage: AnalyzePage, options: { annotate: boolean }): PageAnalyzer {
  if (!options.annotate) return (page) => analyzePage(page, { annotate: false });
  return (page) => {
    try {
      return analyzePage(page, { annotate: true });
    } catch (error) {
      if (!isEngineError(error) || error.code !== 'model/missing') throw error;
      return { ...analyzePage(page, { annotate: false }), warnings: [`annotations skipped: ${error.message}`] };
    }
  };
}
