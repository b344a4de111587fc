/**
 * The production PageAnalyzer: `analyzePage(page, {annotate})` from src/pipeline/analyze-page.ts, imported
 * on first use so that commands which never analyse (articles, article, search) don't load the extraction stack.
 */
import { EngineError, isEngineError } from '../core/errors.ts';
import type { RawPage } from '../core/page.ts';
import type { PageAnalyzer } from './ingest.ts';
import { applyOutletDomainsFromEnv } from './outlet-domains.ts';
import { buildPageRecord, type AnalyzedPageLike } from './page-record.ts';
import { derivePageArticles } from './derived-articles.ts';

type AnalyzePage = (page: RawPage, options: { annotate: boolean }) => AnalyzedPageLike;

/**
 * Loads the pipeline and returns an analyzer with annotation on or off; with `derive`, it also computes each
 * article's search document and clustering features (what ingest's after-write hooks need, see derived-articles.ts).
 */
export async function loadPageAnalyzer(options: { annotate: boolean; derive?: boolean }): Promise<PageAnalyzer> {
  applyOutletDomainsFromEnv();
  let analyzePage: AnalyzePage;
  try {
    ({ analyzePage } = await import('../pipeline/analyze-page.ts'));
  } catch (error) {
    throw new EngineError('analyze/failed', `Cannot load the analysis pipeline: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const analyzer = withAnnotationFallback(analyzePage, options);
  return options.derive ? withDerivedArticles(analyzer) : analyzer;
}

/**
 * Adds the articles' derived state (search documents, clustering features) to each analysis. A page whose record
 * cannot be built is returned as analysed: ingest's own `buildPageRecord` then reports the same failure.
 */
export function withDerivedArticles(analyze: PageAnalyzer): PageAnalyzer {
  return (page) => {
    const analyzed = analyze(page);
    let built;
    try {
      built = buildPageRecord(page, analyzed);
    } catch {
      return analyzed;
    }
    return { ...analyzed, derived: derivePageArticles(built.record) };
  };
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
