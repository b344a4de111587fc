/**
 * `npm run eval [-- <name>...]`: runs every `eval/*.eval.ts` scorer (or the named ones) against
 * `../shared` and checks `eval/floors.json`. Each scorer exports `evaluate(sharedDir)` returning
 * metrics; a metric below its floor fails the run. Skips cleanly when `../shared` is absent.
 * Every gold input a scorer reads is hashed and checked against `gold_sha256` in floors.json (eval/gold-inputs.ts): a
 * changed file fails the run; `--pin` records the hashes of the files read (after a deliberate gold update).
 * `documented` in floors.json holds figures eval cannot recompute here (NER 5-fold CV needs training): printed only.
 */
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { changedGoldInputs, goldInputs, watchGoldInputs } from './gold-inputs.ts';
import { findSharedDir, REPO_ROOT } from './shared-dir.ts';

export interface EvalResult {
  /** Flat metric name → value, e.g. { 'body.f1.mean': 0.99 }. Compared with floors.json[name]. */
  readonly metrics: Record<string, number>;
}

const evalDir = join(REPO_ROOT, 'eval');
const pin = process.argv.includes('--pin');
const wanted = new Set(process.argv.slice(2).filter((a) => a !== '--pin'));
const shared = findSharedDir();
if (!shared) {
  console.log('eval: ../shared not found; nothing to score (set MARSAD_SHARED to point at it).');
  process.exit(0);
}
const floorsPath = join(evalDir, 'floors.json');
const floorsFile = existsSync(floorsPath)
  ? (JSON.parse(readFileSync(floorsPath, 'utf8')) as Record<string, Record<string, unknown>>)
  : {};
const floors = floorsFile as Record<string, Record<string, number>>;
const pinned = (floorsFile.gold_sha256 ?? {}) as Record<string, string>;
watchGoldInputs(shared);
let failed = false;
for (const file of readdirSync(evalDir)
  .filter((f) => f.endsWith('.eval.ts'))
  .sort()) {
  const name = file.replace(/\.eval\.ts$/, '');
  if (wanted.size > 0 && !wanted.has(name)) continue;
  console.log(`\n=== eval: ${name}`);
  const module = (await import(pathToFileURL(join(evalDir, file)).href)) as {
    evaluate: (sharedDir: string) => Promise<EvalResult>;
  };
  const result = await module.evaluate(shared);
  for (const [metric, floor] of Object.entries(floors[name] ?? {})) {
    const value = result.metrics[metric];
    if (value === undefined || value < floor) {
      console.log(`FLOOR BROKEN ${name}.${metric}: ${value ?? 'missing'} < ${floor}`);
      failed = true;
    }
  }
  for (const [key, value] of Object.entries(floorsFile.documented ?? {})) {
    if (key.startsWith(`${name}.`)) console.log(`documented (not recomputed by eval) ${key}: ${value}`);
  }
}
const changed = changedGoldInputs(pinned);
for (const { path, pinned: was, now } of changed) {
  console.log(
    `GOLD INPUT CHANGED ${path}: sha256 ${now}, pinned ${was}. The floors were measured on the pinned file; re-measure, then \`npm run eval -- --pin\`.`,
  );
}
if (changed.length > 0 && !pin) failed = true;
const unpinned = [...goldInputs()].filter(([path]) => pinned[path] === undefined);
if (pin) {
  floorsFile.gold_sha256 = Object.fromEntries(
    [...Object.entries(pinned), ...goldInputs()].sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  writeFileSync(floorsPath, floorsJson(floorsFile));
  console.log(`pinned ${goldInputs().size} gold inputs in eval/floors.json`);
} else if (unpinned.length > 0) {
  console.log(`\n${unpinned.length} gold input(s) read but not pinned (npm run eval -- --pin records them):`);
  for (const [path, hash] of unpinned) console.log(`  ${path} ${hash}`);
}
process.exit(failed ? 1 : 0);

/** floors.json in its usual layout: one line per scorer, one line per pinned gold file. */
function floorsJson(file: Record<string, Record<string, unknown>>): string {
  const lines = Object.entries(file).map(([key, value]) =>
    key === 'gold_sha256'
      ? `  "${key}": {\n${Object.entries(value)
          .map(([path, hash]) => `    ${JSON.stringify(path)}: ${JSON.stringify(hash)}`)
          .join(',\n')}\n  }`
      : `  ${JSON.stringify(key)}: ${JSON.stringify(value).replace(/^\{/u, '{ ').replace(/\}$/u, ' }').replace(/,"/gu, ', "').replace(/":/gu, '": ')}`,
  );
  return `{\n${lines.join(',\n')}\n}\n`;
}
