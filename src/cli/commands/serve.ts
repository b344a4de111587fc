/** `marsad serve`: the JSON API, its OpenAPI document and the Arabic web UI on one port (loopback by default). */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { startServer } from '../../server/main.ts';
import { EXIT, type CommandContext } from '../io.ts';
import { DB_OPTION_FLAGS, DB_OPTION_HELP } from '../db-option.ts';
import { parsePositiveInt } from '../option-parsers.ts';

interface ServeOptions {
  readonly db?: string;
  readonly port: number;
  readonly host: string;
  readonly ingest: boolean;
  readonly workers: number;
  readonly allowedHost: string[];
  readonly responseCache: boolean;
  readonly catchUp: boolean;
}

export const DEFAULT_PORT = 8080;
/** Loopback only unless asked: beyond loopback, every API read needs a token too. */
export const DEFAULT_HOST = '127.0.0.1';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new InvalidArgumentError('expected a port number 0–65535.');
  return port;
}

export function registerServe(program: Command, context: CommandContext): void {
  program
    .command('serve')
    .description('serve the JSON API (/api, OpenAPI at /api/openapi.json) and the web UI')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--port <n>', 'port to listen on (0: any free port)', parsePort, DEFAULT_PORT)
    .option('--host <address>', 'address to bind', DEFAULT_HOST)
    .option('--no-ingest', 'refuse POST /api/pages')
    .option('--workers <n>', 'server processes sharing the port (node:cluster)', parsePositiveInt, 1)
    .option('--no-response-cache', 'compute every API answer (no answers kept while the data are unchanged)')
    .option('--no-catch-up', 'serve the database as it is: do not finish what an interrupted ingest left undone first')
    .option(
      '--allowed-host <name>',
      'a host name this server answers for besides localhost (repeatable; also MARSAD_ALLOWED_HOSTS, comma-separated)',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .action(async (options: ServeOptions) => {
      const [
        { loadConfig },
        { displayLocation },
        { startServer },
        { isServerWorker, runServerPrimary, serverWorkerNumber },
      ] = await Promise.all([
        import('../../config/load.ts'),
        import('../../app/open-store.ts'),
        import('../../server/main.ts'),
        import('../../server/cluster.ts'),
      ]);
      const worker = serverWorkerNumber();
      const log = (line: string): void => {
        context.io.stderr.write(`marsad serve${worker ? ` [${worker}]` : ''}: ${line}\n`);
      };
      const config = loadConfig({ db: options.db }, process.env);
      const fromEnv = (process.env.MARSAD_ALLOWED_HOSTS ?? '')
        .split(',')
        .map((h) => h.trim())
        .filter((h) => h !== '');
      const allowedHosts = [...options.allowedHost, ...fromEnv];
      if (options.workers > 1 && !isServerWorker()) {
        await runServerPrimary({
          workers: options.workers,
          log,
          onListening: (url) =>
            context.io.stdout.write(
              `Marsad is serving ${displayLocation(config.dbPath)} at ${url} (${options.workers} workers)\n`,
            ),
        });
        return;
      }
      if (worker !== null) {
        // A cluster worker's IPC channel keeps it alive: it leaves explicitly when it stops or cannot start.
        const code = await serveAsWorker(
          () =>
            startServer({
              config,
              port: options.port,
              host: options.host,
              allowIngest: options.ingest,
              allowedHosts,
              log,
              catchUpSearchIndex: options.catchUp && worker === 1,
              responseCache: options.responseCache,
            }),
          log,
        );
        process.exit(code);
      }
      const server = await startServer({
        config,
        port: options.port,
        host: options.host,
        allowIngest: options.ingest,
        allowedHosts,
        log,
        responseCache: options.responseCache,
        catchUpSearchIndex: options.catchUp,
      });
      context.io.stdout.write(`Marsad is serving ${displayLocation(config.dbPath)} at ${server.url}\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(resolve, resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}

/** Runs one cluster worker's server until SIGTERM/SIGINT; the exit code to leave with. */
async function serveAsWorker(
  start: () => ReturnType<typeof startServer>,
  log: (line: string) => void,
): Promise<number> {
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await start();
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    return EXIT.failed;
  }
  const { announceListening } = await import('../../server/cluster.ts');
  announceListening(server.url);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      void server.close().then(resolve, resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
}
