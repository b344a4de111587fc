/**
 * `npm run bench [-- <name>...]`: runs every `bench/*.bench.ts` (or the named ones) one after the other.
 * Each exports `bench()` which prints its own figures (pages/s, sentences/s, latency, peak memory).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const wanted = new Set(process.argv.slice(2));
for (const file of readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  const name = file.replace(/\.bench\.ts$/, '');
  if (wanted.size > 0 && !wanted.has(name)) continue;
  console.log(`\n=== bench: ${name}`);
  const module = (await import(pathToFileURL(join(benchDir, file)).href)) as { bench: () => Promise<void> };
  await module.bench();
}
