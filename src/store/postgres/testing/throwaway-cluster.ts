/**
 * Starts a private, throwaway PostgreSQL cluster from Debian's binaries (/usr/lib/postgresql/<v>/bin) for tests
 * and local trials: initdb into a temp dir, listen only on a unix socket there, stop and delete it afterwards.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Where Debian's postgresql-<v> packages put the server binaries. */
const DEBIAN_PG_ROOT = '/usr/lib/postgresql';
/** User the cluster runs as when we are root (postgres refuses to run as root); Debian's package creates it. */
const CLUSTER_OS_USER = 'postgres';
/** Superuser name inside the cluster (trust auth on the private socket, so no password). */
const CLUSTER_SUPERUSER = 'marsad';
const TEST_DATABASE = 'marsad_test';
/** pg_ctl -w waits at most this long for the server to accept connections (start takes ~0.3 s on an idle machine). */
const START_TIMEOUT_S = 60;
/**
 * Durability off: the data is thrown away, and fsync per commit would dominate test time.
 * The port only names the socket file; nothing listens on TCP.
 */
const SERVER_OPTIONS = "-c listen_addresses='' -p 5432 -F -c full_page_writes=off -c synchronous_commit=off";

export interface PostgresBinaries {
  readonly initdb: string;
  readonly pgCtl: string;
  readonly version: number;
}

export interface ThrowawayCluster {
  /** postgres:// URL of an empty database in the cluster, reachable through the private socket. */
  readonly url: string;
  /** The cluster's directory (data, socket, log). */
  readonly dir: string;
  /** Stops the server and deletes the directory; safe to call twice. */
  stop(): void;
}

/** The newest installed Debian PostgreSQL whose initdb and pg_ctl exist, or null. */
export function findPostgresBinaries(root: string = DEBIAN_PG_ROOT): PostgresBinaries | null {
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/u.test(name))
    .map(Number)
    .sort((a, b) => b - a);
  for (const version of versions) {
    const bin = join(root, String(version), 'bin');
    const initdb = join(bin, 'initdb');
    const pgCtl = join(bin, 'pg_ctl');
    if (existsSync(initdb) && existsSync(pgCtl)) return { initdb, pgCtl, version };
  }
  return null;
}

const isRoot = (): boolean => process.getuid?.() === 0;

/**
 * Whether this process can run the server binaries: any user can, except root, which needs `runuser` and the
 * `postgres` user (both present wherever Debian's postgresql package is installed).
 */
export function canRunClusterBinaries(): boolean {
  if (!isRoot()) return true;
  try {
    execFileSync('id', ['-u', CLUSTER_OS_USER], { stdio: 'ignore' });
    execFileSync('runuser', ['--help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false; // expected absence (a minimal container): the PostgreSQL tests skip
  }
}

/** Command prefix that runs a server binary as an unprivileged user when we are root. */
function asClusterUser(dir: string): readonly string[] {
  if (!isRoot()) return [];
  const uid = Number(execFileSync('id', ['-u', CLUSTER_OS_USER], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', CLUSTER_OS_USER], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, gid);
  return ['runuser', '-u', CLUSTER_OS_USER, '--'];
}

function run(prefix: readonly string[], command: string, args: readonly string[]): void {
  const [file, ...rest] = [...prefix, command, ...args];
  execFileSync(file!, rest, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

/** Runs a step, turning a failed child process into an error that carries its stderr (and the server log). */
function step(name: string, dir: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`Throwaway PostgreSQL: ${name} failed in ${dir}: ${stderr.trim() || (error as Error).message}`, {
      cause: error,
    });
  }
}

/** initdb + pg_ctl start + CREATE DATABASE; about 1–2 s. Throws (after cleaning up) when any step fails. */
export async function startThrowawayCluster(binaries: PostgresBinaries): Promise<ThrowawayCluster> {
  // As root the directory must be reachable by the postgres user: /tmp is, a private $TMPDIR may not be.
  const dir = mkdtempSync(join(isRoot() ? '/tmp' : tmpdir(), 'marsad-pg-'));
  const data = join(dir, 'data');
  let started = false;
  const prefix = asClusterUser(dir);
  const stop = (): void => {
    if (started) {
      started = false;
      try {
        run(prefix, binaries.pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch (error) {
        // Boundary: stopping is best effort; the directory removal below still runs, and we say why the stop failed.
        process.stderr.write(`Throwaway PostgreSQL: stop failed: ${(error as Error).message}\n`);
      }
    }
    rmSync(dir, { recursive: true, force: true });
    process.off('exit', stop);
  };
  process.on('exit', stop);
  try {
    step('initdb', dir, () =>
      run(prefix, binaries.initdb, [
        '-D',
        data,
        '-U',
        CLUSTER_SUPERUSER,
        '-A',
        'trust',
        '-E',
        'UTF8',
        '--locale=C',
        '--no-sync',
        '--no-instructions',
      ]),
    );
    step('pg_ctl start', dir, () =>
      run(prefix, binaries.pgCtl, [
        '-D',
        data,
        '-l',
        join(dir, 'server.log'),
        '-w',
        '-t',
        String(START_TIMEOUT_S),
        '-o',
        `-k ${dir} ${SERVER_OPTIONS}`,
        'start',
      ]),
    );
    started = true;
    const admin = new pg.Client({ host: dir, user: CLUSTER_SUPERUSER, database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${TEST_DATABASE}`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    stop();
    throw error;
  }
  return {
    url: `postgres://${CLUSTER_SUPERUSER}@localhost/${TEST_DATABASE}?host=${encodeURIComponent(dir)}`,
    dir,
    stop,
  };
}
