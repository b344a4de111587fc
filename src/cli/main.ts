/** `marsad` command-line entry: parses argv with commander and dispatches to one module per verb. */
import { Command, CommanderError } from 'commander';
import { isEngineError } from '../core/errors.ts';
import { EXIT, PROCESS_IO, type CliIo, type CommandContext } from './io.ts';
import { COMMANDS } from './commands/index.ts';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const context: CommandContext = {
    io,
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
    },
  };
  const program = new Command()
    .name('marsad')
    .description('Arabic-first news intelligence: clean articles, annotations, stories, timelines and claims.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  for (const register of COMMANDS) register(program, context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isEngineError(error)) {
      io.stderr.write(`marsad: ${error.message}\n`);
      return error.code.startsWith('usage/') ? EXIT.usage : EXIT.failed;
    }
    io.stderr.write(`marsad: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }
  return exitCode;
}
