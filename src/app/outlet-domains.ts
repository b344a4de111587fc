/**
 * More «host → outlet name» entries for pages that do not name their site: a JSON file `{"host": "name"}` named by
 * `MARSAD_OUTLET_DOMAINS` (docs/extract.md), added to the registry in `extract/lexicons/news-domains.ts` once per
 * process, before the first page is analysed (by `analyze`, `ingest` and the analysis workers alike).
 */
import { readFileSync } from 'node:fs';
import { EngineError } from '../core/errors.ts';
import { loadOutletDomains } from '../extract/lexicons/news-domains.ts';

let loadedFrom: string | null = null;

/** Reads `env.MARSAD_OUTLET_DOMAINS` when set (and not already read); a bad file is a usage error. */
export function applyOutletDomainsFromEnv(env: NodeJS.ProcessEnv = process.env): void {
  const file = env.MARSAD_OUTLET_DOMAINS;
  if (!file || file === loadedFrom) return;
  try {
    loadOutletDomains(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new EngineError(
      'usage/invalid',
      `MARSAD_OUTLET_DOMAINS (${file}): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  loadedFrom = file;
}
