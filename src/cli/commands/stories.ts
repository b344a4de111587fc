/** `marsad stories`: placeholder registration, replaced by the module's real implementation. */
import type { Command } from 'commander';
import { EngineError } from '../../core/errors.ts';
import type { CommandContext } from '../io.ts';

export function registerStories(program: Command, _context: CommandContext): void {
  program.command('stories').description('(not yet implemented)').allowUnknownOption().allowExcessArguments().action(() => {
    throw new EngineError('usage/invalid', '`stories` is not implemented yet.');
  });
}
