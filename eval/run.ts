/**
 * `npm run eval [-- <name>...]`: runs every `eval/*.eval.ts` scorer (or the named ones) against
 * `../shared` and checks `eval/floors.json`. Each scorer exports `evaluate(sharedDir)` returning
 * metrics; a metric below its floor fails the run. Skips cleanly when `../shared` is absent.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findSharedDir, REPO_ROOT } from './shared-dir.ts';

export interface EvalResult {
  /** Flat metric name → value, e.g. { 'body.f1.mean': 0.99 }. Compared with floors.json[name]. */
  readonly metrics: Record<string, number>;
}

const evalDir = join(REPO_ROOT, 'eval');
const wanted = new Set(process.argv.slice(2));
const shared = findSharedDir();
if (!shared) {
  console.log('eval: ../shared not found; nothing to score (set MARSAD_SHARED to point at it).');
  process.exit(0);
}
const floorsPath = join(evalDir, 'floors.json');
const floors: Record<string, Record<string, number>> = existsSync(floorsPath) ? JSON.parse(readFileSync(floorsPath, 'utf8')) : {};
let failed = false;
for (const file of readdirSync(evalDir).filter((f) => f.endsWith('.eval.ts')).sort()) {
  const name = file.replace(/\.eval\.ts$/, '');
  if (wanted.size > 0 && !wanted.has(name)) continue;
  console.log(`\n=== eval: ${name}`);
  const module = (await import(pathToFileURL(join(evalDir, file)).href)) as { evaluate: (sharedDir: string) => Promise<EvalResult> };
  const result = await module.evaluate(shared);
  for (const [metric, floor] of Object.entries(floors[name] ?? {})) {
    const value = result.metrics[metric];
    if (value === undefined || value < floor) {
      console.log(`FLOOR BROKEN ${name}.${metric}: ${value ?? 'missing'} < ${floor}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
