/**
 * Where a worker entry module lives, whether Marsad runs from its TypeScript sources (through tsx) or from
 * compiled JavaScript (a build or bundle in dist/). The module is looked up next to the calling module
 * (`base`, its import.meta.url): `<name>.js` (or `.mjs`) first, as a build emits it, else `<name>.ts`, which a
 * worker can only load through tsx, so that case adds `--require <tsx/cjs>` to the worker's execArgv. (Node 20 does
 * not run ESM loader hooks in worker threads; tsx's require hook works there, so a .ts worker entry and what it
 * imports must be loadable by require: static imports only, no top-level await.)
 * A bundler must therefore emit each worker entry as its own file beside the bundle that starts it
 * (e.g. `src/app/analysis-worker.ts` → `dist/analysis-worker.js` next to `dist/marsad.js`).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { EngineError } from '../core/errors.ts';

export interface WorkerModule {
  /** Absolute path of the worker entry file. */
  readonly filename: string;
  /** Node flags for the worker thread or process (the parent's, plus the tsx loader for a .ts entry). */
  readonly execArgv: readonly string[];
}

/** Resolves worker entry `name` beside `base` (a file: URL); throws `usage/invalid` when neither form exists. */
export function resolveWorkerModule(name: string, base: string): WorkerModule {
  // Beside the caller; or, when the caller was bundled into dist/cli.js itself, in the build's chunks/ folder.
  for (const candidate of [`./${name}.js`, `./${name}.mjs`, `./chunks/${name}.js`]) {
    const path = fileURLToPath(new URL(candidate, base));
    if (existsSync(path)) return { filename: path, execArgv: process.execArgv };
  }
  const source = fileURLToPath(new URL(`./${name}.ts`, base));
  if (!existsSync(source))
    throw new EngineError('usage/invalid', `Worker module ${name}(.js|.ts) not found next to ${fileURLToPath(base)}.`);
  return { filename: source, execArgv: withTsxLoader(process.execArgv) };
}

function withTsxLoader(execArgv: readonly string[]): string[] {
  const hook = createRequire(import.meta.url).resolve('tsx/cjs');
  return execArgv.includes(hook) ? [...execArgv] : [...execArgv, '--require', hook];
}
