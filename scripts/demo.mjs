// `npm run demo`: ingests the demo corpus (examples/) into a fresh embedded database, prints what Marsad
// found (articles, stories) and serves the UI until Ctrl-C. Plain Node ESM: runs after ensure-installed.mjs.
// Options: --db <path> (default ./demo.db), --port <n> (default $PORT or 8080), --no-serve (stop after printing).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const marsad = join(root, 'marsad');
/** How long to wait for `marsad serve` to answer before printing the URL anyway (it may still be starting). */
const SERVE_READY_TIMEOUT_MS = 15_000;
const DEFAULT_PORT = 8080;

function parseArgs(argv) {
  const options = { db: join(root, 'demo.db'), port: Number(process.env.PORT) || DEFAULT_PORT, serve: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--db') options.db = argv[++i];
    else if (argv[i] === '--port') options.port = Number(argv[++i]);
    else if (argv[i] === '--no-serve') options.serve = false;
    else {
      console.error(`demo: unknown option ${argv[i]} (use --db <path>, --port <n>, --no-serve)`);
      process.exit(2);
    }
  }
  return options;
}

const heading = (text) => console.log(`\n\x1b[1m── ${text}\x1b[0m`);

/** Verbs `marsad --help` lists as real commands (placeholders say "not yet implemented"). */
function implementedVerbs() {
  const help = spawnSync(process.execPath, [marsad, '--help'], { cwd: root, encoding: 'utf8' });
  if (help.status !== 0) {
    console.error(`demo: ./marsad does not start:\n${help.stderr}`);
    process.exit(1);
  }
  const verbs = new Set();
  for (const match of help.stdout.matchAll(/^ {2}(?<verb>[a-z-]+)\b(?<rest>.*)$/gmu)) {
    if (!/not yet implemented/u.test(match.groups.rest)) verbs.add(match.groups.verb);
  }
  return verbs;
}

/** Runs one CLI step with inherited output; a missing verb or a failure is reported, never fatal. */
function step(verbs, title, args) {
  heading(title);
  if (!verbs.has(args[0])) {
    console.log(`(skipped: \`marsad ${args[0]}\` is not implemented in this checkout yet)`);
    return false;
  }
  console.log(`$ ./marsad ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [marsad, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status === 1 && args[0] === 'ingest')
    console.log('(some inputs failed; the rest were stored — see the list above)');
  else if (result.status !== 0)
    console.log(`(\`marsad ${args[0]}\` exited with code ${result.status ?? result.signal})`);
  return result.status === 0 || (result.status === 1 && args[0] === 'ingest');
}

function freshDatabase(path) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) if (existsSync(path + suffix)) rmSync(path + suffix);
}

/** `port` when it is free, else one the OS picks. */
function freePort(port) {
  return new Promise((resolve) => {
    const probe = createServer().once('error', () => {
      const fallback = createServer().listen(0, '127.0.0.1', () => {
        const { port: picked } = fallback.address();
        fallback.close(() => resolve(picked));
      });
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(port)));
  });
}

async function waitUntilServing(url, child) {
  const deadline = Date.now() + SERVE_READY_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    const ok = await fetch(url).then(
      () => true,
      () => false,
    );
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function serve(verbs, db, preferredPort) {
  heading('Serving the UI');
  if (!verbs.has('serve')) {
    console.log('(skipped: `marsad serve` is not implemented in this checkout yet)');
    return;
  }
  const port = await freePort(preferredPort);
  const url = `http://127.0.0.1:${port}/`;
  const args = ['serve', '--db', db, '--port', String(port)];
  console.log(`$ ./marsad ${args.join(' ')}`);
  const child = spawn(process.execPath, [marsad, ...args], { cwd: root, stdio: 'inherit' });
  const stop = () => child.kill('SIGINT');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (await waitUntilServing(url, child)) console.log(`\nMarsad is running at ${url}  (Ctrl-C stops)`);
  else if (child.exitCode === null) console.log(`\nMarsad should be reachable at ${url} shortly  (Ctrl-C stops)`);
  await new Promise((resolve) => child.once('exit', resolve));
  console.log('\nserver stopped.');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const inside = relative(root, options.db);
  const db = inside && !inside.startsWith('..') ? inside : options.db;
  const verbs = implementedVerbs();
  freshDatabase(options.db);
  console.log(`Marsad demo: examples/ → ${db} (fresh database)`);
  if (!step(verbs, 'Ingesting the demo corpus (examples/)', ['ingest', 'examples', '--db', db])) {
    console.log('\nNothing was ingested, so there is nothing to show.');
    process.exitCode = 1;
    return;
  }
  step(verbs, 'Articles found', ['articles', '--db', db]);
  step(verbs, 'Stories (event clusters and storylines)', ['stories', '--db', db]);
  if (options.serve) await serve(verbs, db, options.port);
  else console.log(`\nDone. Explore further with: ./marsad article <id> --db ${db}`);
}

await main();
