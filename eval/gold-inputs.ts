/**
 * Pins the gold inputs: every file under ../shared that a scorer reads (through node:fs, or named with
 * `noteGoldInput` when a subprocess reads it) is hashed (sha256) and compared with `gold_sha256` in eval/floors.json.
 * A pinned file whose hash changed fails the run loudly (the floors were measured on the old one); a file not pinned
 * yet is listed with its hash (`npm run eval -- --pin` writes the list).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { relative, resolve } from 'node:path';

const seen = new Map<string, string>();
let sharedRoot: string | null = null;

/** Records `path` as a gold input when it lies under the shared directory (hashed once). */
export function noteGoldInput(path: string | URL | number): void {
  if (sharedRoot === null || typeof path === 'number') return;
  const absolute = resolve(path instanceof URL ? path.pathname : String(path));
  const key = relative(sharedRoot, absolute);
  if (key.startsWith('..') || seen.has(key) || !fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) return;
  seen.set(key, createHash('sha256').update(realReadFileSync(absolute)).digest('hex'));
}

const realReadFileSync = fs.readFileSync;

/** Starts recording the shared files read through node:fs (readFileSync, readFile, createReadStream). */
export function watchGoldInputs(sharedDir: string): void {
  sharedRoot = resolve(sharedDir);
  const wrap = <F extends (...args: never[]) => unknown>(original: F): F =>
    ((...args: Parameters<F>) => {
      noteGoldInput(args[0] as unknown as string);
      return original(...args);
    }) as F;
  fs.readFileSync = wrap(realReadFileSync) as typeof fs.readFileSync;
  fs.readFile = wrap(fs.readFile) as typeof fs.readFile;
  fs.createReadStream = wrap(fs.createReadStream);
  fs.promises.readFile = wrap(fs.promises.readFile);
  // ESM named imports of node:fs (`import { readFileSync } from 'node:fs'`) see the wrapped functions from here on.
  syncBuiltinESMExports();
}

/** The gold inputs read so far: shared-relative path → sha256. */
export function goldInputs(): ReadonlyMap<string, string> {
  return seen;
}

/** Pinned files whose content changed (path, pinned hash, current hash). */
export function changedGoldInputs(
  pinned: Readonly<Record<string, string>>,
): { path: string; pinned: string; now: string }[] {
  return [...seen]
    .filter(([path, hash]) => pinned[path] !== undefined && pinned[path] !== hash)
    .map(([path, now]) => ({ path, pinned: pinned[path]!, now }));
}
