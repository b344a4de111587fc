/** Locates `../shared` (reference pages, gold and datasets), read only at run time; null when absent. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `$MARSAD_SHARED` or `<repo>/../shared`, when it exists. */
export function findSharedDir(): string | null {
  const candidate = process.env.MARSAD_SHARED ?? join(REPO_ROOT, '..', 'shared');
  return existsSync(candidate) ? candidate : null;
}
