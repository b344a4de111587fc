/**
 * Where Marsad's own data files (NER model, SQL migrations, web UI) live: paths from the package root, so the same
 * code finds them when run from source (src/…/*.ts) and from the compiled bundle (dist/cli.js).
 */
import { existsSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The nearest directory above this module holding package.json (the repository or the installed package). */
function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    if (dir === parse(dir).root) throw new Error(`No package.json above ${fileURLToPath(import.meta.url)}.`);
    dir = dirname(dir);
  }
  root = dir;
  return dir;
}

/** A path inside the package: `packagePath('web')`, `packagePath('src', 'store', 'migrations')`. */
export function packagePath(...segments: readonly string[]): string {
  return join(packageRoot(), ...segments);
}
