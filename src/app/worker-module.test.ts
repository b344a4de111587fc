import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveWorkerModule } from './worker-module.ts';

const dir = mkdtempSync(join(tmpdir(), 'marsad-worker-module-'));
const base = pathToFileURL(join(dir, 'starter.js')).href;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveWorkerModule', () => {
  it('runs a .ts entry through tsx require hook, and prefers a compiled .js beside the caller', () => {
    writeFileSync(join(dir, 'job-worker.ts'), 'export default () => 1;\n');
    const source = resolveWorkerModule('job-worker', base);
    expect(source.filename).toBe(join(dir, 'job-worker.ts'));
    expect(source.execArgv.at(-2)).toBe('--require');
    expect(source.execArgv.at(-1)).toMatch(/tsx[\\/]dist[\\/]cjs[\\/]index\.cjs$/u);

    writeFileSync(join(dir, 'job-worker.js'), 'export default () => 1;\n');
    const built = resolveWorkerModule('job-worker', base);
    expect(built.filename).toBe(join(dir, 'job-worker.js'));
    expect(built.execArgv).toEqual(process.execArgv);
  });

  it('says which module is missing', () => {
    expect(() => resolveWorkerModule('absent-worker', base)).toThrow(/absent-worker\(\.js\|\.ts\) not found/u);
  });
});
