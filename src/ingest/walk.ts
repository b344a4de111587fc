/**
 * Expands ingest inputs (files, directories, `-` for stdin) into an ordered stream of file paths:
 * directories recursively, entries sorted by code unit, hidden entries skipped.
 */
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** File names a directory walk picks up; files named explicitly are always read. */
const PAGE_FILE = /\.(?:txt|text|html?|xhtml|jsonl|jsonl\.gz|ndjson)$/i;

export type InputEntry = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'stdin' } | { readonly kind: 'missing'; readonly path: string };

/** True for names a directory walk ingests: page files and extension-less files. */
export function isPageFileName(name: string): boolean {
  return PAGE_FILE.test(name) || !name.includes('.');
}

/** Yields every input file in order; a path that doesn't exist is yielded as 'missing', not thrown. */
export async function* walkInputs(inputs: readonly string[]): AsyncGenerator<InputEntry> {
  for (const input of inputs) {
    if (input === '-') {
      yield { kind: 'stdin' };
      continue;
    }
    const info = await stat(input).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
      throw error;
    });
    if (info === null) yield { kind: 'missing', path: input };
    else if (info.isDirectory()) yield* walkDirectory(input);
    else yield { kind: 'file', path: input };
  }
}

async function* walkDirectory(dir: string): AsyncGenerator<InputEntry> {
  const names: { name: string; isDir: boolean }[] = [];
  for await (const entry of await opendir(dir)) {
    if (entry.name.startsWith('.')) continue;
    // Symlinked directories are not followed, so a link cycle can't loop forever.
    if (entry.isDirectory()) names.push({ name: entry.name, isDir: true });
    else if ((entry.isFile() || entry.isSymbolicLink()) && isPageFileName(entry.name)) names.push({ name: entry.name, isDir: false });
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, isDir } of names) {
    const path = join(dir, name);
    if (isDir) yield* walkDirectory(path);
    else yield { kind: 'file', path };
  }
}

/** Counts the files the inputs expand to (for a progress bar's total); cheap: names only. */
export async function countInputFiles(inputs: readonly string[]): Promise<number> {
  let count = 0;
  for await (const entry of walkInputs(inputs)) if (entry.kind !== 'missing') count++;
  return count;
}
