import { mkdtempSync, writeFileSync } from 'node:fs';
import type { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { mapFilesBeside, mapStack } from './stack-map.ts';

// A small TypeScript source, compiled the way scripts/build.mjs compiles (esbuild, external source map).
const SOURCE = [
  'interface Page { readonly text: string }',
  '',
  'export function wordCount(page: Page): number {',
  '  const words: string[] = page.text.split(/\\s+/u);',
  "  if (words.length > 3) throw new Error('too many words');",
  '  return words.length;',
  '}',
  '',
].join('\n');

function compiledWithMap(): { dir: string; file: string; code: string } {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-stack-map-'));
  const out = transformSync(SOURCE, {
    loader: 'ts',
    format: 'esm',
    sourcemap: 'external',
    sourcefile: '../src/words.ts',
  });
  const file = join(dir, 'words.js');
  writeFileSync(file, out.code);
  writeFileSync(`${file}.map`, out.map);
  return { dir, file, code: out.code };
}

/** 1-based line and column of `needle` in the compiled code. */
function locate(code: string, needle: string): { line: number; column: number } {
  const lines = code.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line: line + 1, column: lines[line]!.indexOf(needle) + 1 };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

describe('mapStack', () => {
  it("maps a compiled frame back to the TypeScript source's line, as a path or a file URL", () => {
    const { dir, file, code } = compiledWithMap();
    const at = locate(code, 'throw new Error');
    const stack = [
      'Error: too many words',
      `    at wordCount (${file}:${at.line}:${at.column})`,
      `    at main (${pathToFileURL(file).href}:${at.line}:${at.column})`,
      '    at node:internal/process/task_queues:95:5',
    ].join('\n');
    const mapped = mapStack(stack).split('\n');
    const source = join(dir, '..', 'src', 'words.ts');
    expect(mapped[0]).toBe('Error: too many words');
    expect(mapped[1]).toMatch(new RegExp(`^    at wordCount \\(${escape(source)}:5:\\d+\\)$`, 'u'));
    expect(mapped[2]).toMatch(new RegExp(`^    at main \\(${escape(pathToFileURL(source).href)}:5:\\d+\\)$`, 'u'));
    expect(mapped[3]).toBe('    at node:internal/process/task_queues:95:5');
  });

  it('leaves frames without a map as printed, and reads each map once', () => {
    const { file, code } = compiledWithMap();
    const at = locate(code, 'throw new Error');
    let reads = 0;
    const beside = mapFilesBeside();
    const counting = (path: string): SourceMap | null => {
      reads++;
      return beside(path);
    };
    const frame = `    at x (${file}:${at.line}:${at.column})`;
    const stack = `Error\n${frame}\n${frame}\n    at y (/nowhere/chunk.js:1:1)`;
    const reader = mapFilesBeside();
    const mapped = mapStack(stack, (path) => {
      counting(path);
      return reader(path);
    }).split('\n');
    expect(mapped[1]).toMatch(/words\.ts:5:\d+\)$/u);
    expect(mapped[3]).toBe('    at y (/nowhere/chunk.js:1:1)');
    expect(reads).toBe(3);
    expect(beside('/nowhere/chunk.js')).toBeNull();
  });
});
