/**
 * The network options of the verbs that fetch (`ingest <url>`, `watch`, `sources add`): one definition, so the help
 * text stays the same everywhere, and one place that turns them into fetch-client tuning.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { HttpClientOptions } from '../app/fetch-client.ts';

export interface FetchCommandOptions {
  readonly allowPrivateNetwork?: boolean;
  readonly archive?: string;
  /** Seconds per request attempt. */
  readonly timeout?: number;
  /** Milliseconds between request starts to one host. */
  readonly delay?: number;
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 600) throw new InvalidArgumentError('expected seconds between 0 and 600.');
  return n;
}

function parseMs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 600_000)
    throw new InvalidArgumentError('expected milliseconds between 0 and 600000.');
  return n;
}

/** Adds the safety switch and the politeness/timeout knobs; `archive` only where responses are kept. */
export function addFetchOptions(command: Command, options: { archive: boolean }): Command {
  command
    .option(
      '--allow-private-network',
      'allow fetching from loopback, private, link-local and cloud-metadata addresses (refused by default; also MARSAD_ALLOW_PRIVATE_NETWORK=1)',
    )
    .option('--timeout <seconds>', 'longest time for one request attempt (default 60)', parseSeconds)
    .option(
      '--delay <ms>',
      'least time between two requests to one host, raised by robots.txt Crawl-delay (default 1000)',
      parseMs,
    );
  if (options.archive)
    command.option('--archive <dir>', 'keep every fetched response in a WARC file in this directory');
  return command;
}

/** Client tuning from the options; undefined fields keep the client's defaults. */
export function fetchTuning(options: FetchCommandOptions): Pick<HttpClientOptions, 'timeouts' | 'politeness'> {
  const totalMs = options.timeout === undefined ? undefined : options.timeout * 1000;
  return {
    timeouts:
      totalMs === undefined
        ? undefined
        : { totalMs, headersMs: totalMs, bodyMs: totalMs, connectMs: Math.min(totalMs, 10_000) },
    politeness: options.delay === undefined ? undefined : { minDelayMs: options.delay },
  };
}
