/**
 * Starts a throwaway PostgreSQL cluster (Debian binaries, private unix socket), prints its URL and keeps it
 * running until Ctrl-C, then deletes it. `--check` starts, runs one query and stops (a smoke test).
 * Usage: npx tsx scripts/pg-test-cluster.ts [--check]
 */
import pg from 'pg';
import {
  canRunClusterBinaries,
  findPostgresBinaries,
  startThrowawayCluster,
} from '../src/store/postgres/testing/throwaway-cluster.ts';

/** Any long period: the timer only keeps the event loop alive. */
const KEEP_ALIVE_MS = 60 * 60 * 1000;

async function main(argv: readonly string[]): Promise<number> {
  const binaries = findPostgresBinaries();
  if (!binaries) {
    process.stderr.write(
      'No PostgreSQL server binaries under /usr/lib/postgresql; install them with: apt-get install postgresql\n',
    );
    return 2;
  }
  if (!canRunClusterBinaries()) {
    process.stderr.write(
      'Running as root needs runuser and the postgres user to start PostgreSQL (apt-get install postgresql provides both)\n',
    );
    return 2;
  }
  const startedAt = Date.now();
  const cluster = await startThrowawayCluster(binaries);
  process.stdout.write(`PostgreSQL ${binaries.version} ready in ${Date.now() - startedAt} ms\n${cluster.url}\n`);
  if (argv.includes('--check')) {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    await client.end();
    process.stdout.write(`${rows[0]?.version ?? '?'}\n`);
    cluster.stop();
    return 0;
  }
  process.stdout.write(
    `Try: ./marsad ingest examples --db '${cluster.url}'\nCtrl-C stops the cluster and deletes ${cluster.dir}.\n`,
  );
  // Signal listeners alone do not keep Node running: a long timer does, until a signal arrives.
  const keepAlive = setInterval(() => undefined, KEEP_ALIVE_MS);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearInterval(keepAlive);
  cluster.stop();
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
