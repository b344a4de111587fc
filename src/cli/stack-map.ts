/**
 * Maps the frames of a stack trace printed by the compiled CLI (`dist/…js:line:column`) back to `src/…ts` through the
 * build's `.map` files, read only when a stack is printed. Enabling Node's own source-map support at start costs
 * ~50 ms of every run (it reads and indexes the map of each loaded chunk); this costs nothing until something crashes.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Reads the source map of a compiled file, or returns null when it has none. */
export type MapReader = (compiledPath: string) => SourceMap | null;

/** A frame location: `file:///…/x.js:12:34` or `/…/x.js:12:34`. */
const FRAME_LOCATION = /((?:file:\/\/)?\/[^\s():]+\.m?js):(\d+):(\d+)/gu;

/** The `.map` beside a compiled file (`x.js.map`), parsed once per file. */
export function mapFilesBeside(): MapReader {
  const cache = new Map<string, SourceMap | null>();
  return (compiledPath) => {
    let map = cache.get(compiledPath);
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${compiledPath}.map`, 'utf8')));
      } catch {
        map = null; // no map (or an unreadable one): the frame stays as printed
      }
      cache.set(compiledPath, map);
    }
    return map;
  };
}

/** The stack with every frame that has a source map rewritten to its source file, line and column (1-based). */
export function mapStack(stack: string, readMap: MapReader = mapFilesBeside()): string {
  return stack.replace(FRAME_LOCATION, (whole, file: string, line: string, column: string) => {
    const path = file.startsWith('file://') ? fileURLToPath(file) : file;
    const map = readMap(path);
    if (map === null) return whole;
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1) as {
      originalSource?: string;
      originalLine?: number;
      originalColumn?: number;
    };
    if (entry.originalSource === undefined || entry.originalLine === undefined) return whole;
    const source = entry.originalSource.startsWith('file://')
      ? fileURLToPath(entry.originalSource)
      : resolve(dirname(path), entry.originalSource);
    const shown = file.startsWith('file://') ? pathToFileURL(source).href : source;
    return `${shown}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
  });
}
