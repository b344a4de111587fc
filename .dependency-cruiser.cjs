/**
 * The stage layering of README «How it works», checked by `npm run lint` (dependency-cruiser):
 *   core ← text ← ingest / extract / analyze ← pipeline / corpus ← store / search ← app ← cli / server;  web → the HTTP API only.
 * `config` (typed settings) sits beside core. Type-only imports count (tsPreCompilationDeps), cycles included.
 * Tests and test harnesses (`*.test.ts`, `testing/`, `fixtures/`, `sample-records.ts`) may reach any layer.
 */
const TESTS = '(\\.test\\.ts$|/testing/|/fixtures/|\\.contract\\.ts$|sample-records\\.ts$)';

/** Each layer and the src/ folders it may import besides its own. */
const LAYERS = {
  core: [],
  // config reads the readers' documented limits (ingest/limits.ts) for its defaults.
  config: ['core', 'ingest'],
  text: ['core'],
  ingest: ['core', 'text'],
  extract: ['core', 'text'],
  analyze: ['core', 'text'],
  pipeline: ['core', 'text', 'extract', 'analyze'],
  corpus: ['core', 'text', 'analyze'],
  store: ['core'],
  // Team mode's job queue (pg-boss in PostgreSQL): an I/O adapter beside the store, sharing its URL handling.
  queue: ['core', 'store'],
  search: ['core', 'text', 'store'],
  // Live sources: the HTTP client (decoding through ingest/), feed/sitemap/URL parsing, web archives.
  fetch: ['core', 'ingest'],
  sources: ['core', 'text'],
  warc: ['core', 'ingest', 'fetch'],
  app: ['core', 'config', 'text', 'ingest', 'extract', 'analyze', 'pipeline', 'corpus', 'store', 'search', 'queue', 'fetch', 'sources', 'warc'],
  cli: ['core', 'config', 'app'],
  // server/ also sees the Store port's types (rule server-store-port-types-only below forbids values).
  server: ['core', 'config', 'app', 'store'],
};

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer}/ may import only ${allowed.length ? allowed.map((l) => `src/${l}/`).join(', ') : 'itself'} (README «How it works»)`,
  severity: 'error',
  from: { path: `^src/${layer}/`, pathNot: TESTS },
  to: { path: '^src/', pathNot: [`^src/(${[layer, ...allowed].join('|')})/`] },
}));

module.exports = {
  forbidden: [
    ...layerRules.filter((rule) => rule.name !== 'layer-cli'),
    {
      name: 'layer-cli',
      comment: 'src/cli/ goes through src/app/ (and src/config/, src/core/); `marsad serve` alone starts the server',
      severity: 'error',
      from: { path: '^src/cli/', pathNot: TESTS },
      to: { path: '^src/', pathNot: ['^src/(cli|app|config|core)/', '^src/server/(main|cluster)\\.ts$'] },
    },
    {
      name: 'server-store-port-types-only',
      comment: 'src/server/ sees the store only as the Store port, through types',
      severity: 'error',
      from: { path: '^src/server/', pathNot: TESTS },
      to: { path: '^src/store/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'store-port-imports-no-adapter',
      comment: 'the Store port (store.ts, *-types.ts) imports no implementation (sqlite/, postgres/)',
      severity: 'error',
      from: { path: '^src/store/[^/]+-types\\.ts$|^src/store/store\\.ts$' },
      to: { path: '^src/store/(sqlite|postgres)/' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles, type-only imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'runtime-not-tooling',
      comment: 'shipped code never imports tests, training tools, scripts, eval or bench',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: ['^(tools|scripts|eval|bench|test)/', TESTS] },
    },
    {
      name: 'web-talks-to-the-api-only',
      comment: 'web/ is served as static files and talks to the HTTP API; it imports nothing from src/',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(src|tools|scripts)/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
