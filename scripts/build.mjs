// Compiles the CLI for `./marsad`: esbuild bundles src/cli/main.ts (and everything it imports from src/) into
// dist/cli.js with a source map; npm packages stay external (loaded from node_modules). Runs from `prepare` (npm
// install / npm ci / npm pack), `npm test`, `npm run demo` and vitest's global setup, so ./marsad always runs the
// current source. Data files (NER model, migrations, web/) are read from the package at run time, not bundled.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds dist/cli.js (+ .map); resolves when written. */
export async function buildCli() {
  await build({
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    outfile: join(root, 'dist', 'cli.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
