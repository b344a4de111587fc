// Compiles the CLI for `./marsad`: esbuild bundles src/cli/main.ts (and everything it imports from src/) into
// dist/cli.js with a source map; npm packages stay external (loaded from node_modules). Runs from `prepare` (npm
// install / npm ci / npm pack), `npm test`, `npm run demo` and vitest's global setup, so ./marsad always runs the
// current source. Data files (NER model, migrations, web/) are read from the package at run time, not bundled.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Packages loaded from node_modules at run time (not bundled). */
const EXTERNAL = [
  'better-sqlite3',
  'pg',
  'pg-boss',
  'fastify',
  '@fastify/static',
  'i18n-iso-countries',
  'piscina',
  'undici',
  'tsx',
  'esbuild',
  // Loaded on the first legacy-encoded page (src/ingest/legacy-codec.ts): its codec tables stay out of start-up.
  'iconv-lite',
];

/** Builds dist/cli.js and its lazily loaded chunks (dist/chunks/, each with a .map); resolves when written. */
export async function buildCli() {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  await build({
    // Worker-thread entries are entry points of their own, beside the chunks that start them (src/app/worker-module.ts).
    entryPoints: {
      cli: join(root, 'src', 'cli', 'main.ts'),
      // Loaded by ./marsad only to print a crash's stack mapped back to src/ (src/cli/stack-map.ts).
      'stack-map': join(root, 'src', 'cli', 'stack-map.ts'),
      'chunks/analysis-worker': join(root, 'src', 'app', 'analysis-worker.ts'),
    },
    outdir: join(root, 'dist'),
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Small pure-JS dependencies on the start-up path are bundled (one file read instead of hundreds of module
    // resolutions); native, large or optional ones stay in node_modules and load only when a verb needs them.
    external: EXTERNAL,
    banner: {
      js: "import { createRequire as __marsadRequire } from 'node:module'; const require = __marsadRequire(import.meta.url);",
    },
    sourcemap: true,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
