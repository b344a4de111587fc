/**
 * `marsad analyze` as a use case: reads pages (files, directories, .jsonl, stdin) and yields one public-contract JSON
 * line per page (`{"file", "articles"}`), or `{"file", "error"}` for a page that cannot be read or analysed.
 * Without annotation only the extraction stage is loaded (a one-page `analyze --no-annotate` starts fast).
 */
import { isEngineError } from '../core/errors.ts';
import type { RawPage } from '../core/page.ts';
import { readPages, type PageResult } from '../ingest/read-pages.ts';
import { applyOutletDomainsFromEnv } from './outlet-domains.ts';
import { toAnalyzeJson, type AnalyzedPage, type AnalyzeJson } from '../pipeline/analyze-json.ts';
import type { AnalyzeOptions } from '../pipeline/analyze-page.ts';

export type { AnalyzeOptions } from '../pipeline/analyze-page.ts';

export interface AnalyzeErrorLine {
  readonly file: string;
  readonly error: { readonly code: string; readonly message: string };
}
export type AnalyzeLine = AnalyzeJson | AnalyzeErrorLine;

/** One output line per input page, in input order. */
export async function* analyzeFiles(
  files: readonly string[],
  options: AnalyzeOptions & { readonly maxBytes: number },
): AsyncGenerator<AnalyzeLine> {
  const { maxBytes, ...analyzeOptions } = options;
  applyOutletDomainsFromEnv();
  const analyze = await loadAnalyze(analyzeOptions);
  for await (const result of readPages(files, { maxBytes })) yield analyzeResult(result, analyze);
}

async function loadAnalyze(options: AnalyzeOptions): Promise<(page: RawPage) => AnalyzedPage> {
  if (!options.annotate) {
    const { extractPage } = await import('../extract/index.ts');
    return extractPage;
  }
  const { analyzePage } = await import('../pipeline/analyze-page.ts');
  return (page) => analyzePage(page, options);
}

/** One page's output line; a page that cannot be read or analysed becomes an error line, never a crash. */
function analyzeResult(result: PageResult, analyze: (page: RawPage) => AnalyzedPage): AnalyzeLine {
  if (!result.ok) return { file: result.source, error: { code: result.error.code, message: result.error.message } };
  try {
    return toAnalyzeJson(result.source, analyze(result.page));
  } catch (error) {
    // Boundary handler: one bad page is reported on its own line and the batch goes on.
    const code = isEngineError(error) ? error.code : 'analyze/failed';
    return { file: result.source, error: { code, message: error instanceof Error ? error.message : String(error) } };
  }
}
