/**
 * Expands ingest inputs (files, directories, `-` for stdin) into an ordered stream of file paths:
 * directories recursively, entries sorted by code unit, hidden entries skipped.
 */
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** File names a directory walk picks up; files named explicitly are always read. */
const PAGE_FILE = /\.(?:txt|text|html?|xhtml|jsonl|jsonl\.gz|ndjson)$/i;

export type InputEntry =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'missing'; readonly path: string }
  /** A path or directory that exists but can't be read (permissions, I/O error): reported, then skipped. */
  | { readonly kind: 'unreadable'; readonly path: string; readonly reason: string };

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
    const info = await stat(input).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      const missing =
        (info as NodeJS.ErrnoException).code === 'ENOENT' || (info as NodeJS.ErrnoException).code === 'ENOTDIR';
      yield missing ? { kind: 'missing', path: input } : { kind: 'unreadable', path: input, reason: info.message };
    } else if (info.isDirectory()) yield* walkDirectory(input);
    else yield { kind: 'file', path: input };
  }
}

async function* walkDirectory(dir: string): AsyncGenerator<InputEntry> {
  const names: { name: string; isDir: boolean }[] = [];
  const handle = await opendir(dir).catch((error: Error) => error);
  if (handle instanceof Error) {
    yield { kind: 'unreadable', path: dir, reason: handle.message };
    return;
  }
  for await (const entry of handle) {
    if (entry.name.startsWith('.')) continue;
    // Symlinked directories are not followed, so a link cycle can't loop forever.
    if (entry.isDirectory()) names.push({ name: entry.name, isDir: true });
    else if ((entry.isFile() || entry.isSymbolicLink()) && isPageFileName(entry.name))
      names.push({ name: entry.name, isDir: false });
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
  for await (const entry of walkInputs(inputs)) if (entry.kind === 'file' || entry.kind === 'stdin') count++;
  return count;
}
