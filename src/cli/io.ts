/** Streams a CLI command writes to; injectable so commands are tested in-process. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export const PROCESS_IO: CliIo = { stdout: process.stdout, stderr: process.stderr };

/** Exit codes: 0 ok, 1 some items failed, 2 usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** What a command action reports back to main(). */
export interface CommandContext {
  readonly io: CliIo;
  /** Set by a command when some items failed (exit code 1) without aborting the run. */
  setExitCode(code: number): void;
}
