// Installs what `npm run demo` / `npm test` need on a fresh machine: npm packages from the lockfile
// when node_modules is missing or stale, and (as root, on Debian) chromium and PostgreSQL for the
// browser and server-mode tests. Uses Node built-ins only: it runs before node_modules exists.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

function npmPackagesMissing() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs + 1000;
}

function debianPackagesMissing() {
  const wanted = [];
  if (!existsSync('/usr/bin/chromium')) wanted.push('chromium');
  if (!existsSync('/usr/lib/postgresql')) wanted.push('postgresql');
  return wanted;
}

if (npmPackagesMissing()) {
  console.error('marsad: installing npm packages from package-lock.json …');
  run('npm ci --no-audit --no-fund');
}

const debs = process.env.MARSAD_SKIP_APT ? [] : debianPackagesMissing();
if (debs.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.error(`marsad: installing Debian packages: ${debs.join(' ')} …`);
    try {
      run(
        `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${debs.join(' ')}`,
      );
    } catch (error) {
      console.error(
        `marsad: could not install ${debs.join(' ')} (${error.message}); tests that need them will be skipped.`,
      );
    }
  } else {
    console.error(`marsad: ${debs.join(', ')} not installed and not root; tests that need them will be skipped.`);
  }
}
