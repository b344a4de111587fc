/** `marsad serve`: the JSON API, its OpenAPI document and the Arabic web UI on one port (loopback by default). */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { CommandContext } from '../io.ts';
import { DB_OPTION_FLAGS, DB_OPTION_HELP } from '../db-option.ts';

interface ServeOptions {
  readonly db?: string;
  readonly port: number;
  readonly host: string;
  readonly ingest: boolean;
}

export const DEFAULT_PORT = 8080;
/** Loopback only unless asked: the API accepts ingest and has no authentication. */
export const DEFAULT_HOST = '127.0.0.1';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError('expected a port number 0–65535.');
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
    .action(async (options: ServeOptions) => {
      const log = (line: string): void => { context.io.stderr.write(`marsad serve: ${line}\n`); };
      const [{ loadConfig }, { displayLocation }, { startServer }] = await Promise.all([
        import('../../config/load.ts'), import('../../app/open-store.ts'), import('../../server/main.ts'),
      ]);
      const config = loadConfig({ db: options.db }, process.env);
      const server = await startServer({ config, port: options.port, host: options.host, allowIngest: options.ingest, log });
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
