/** `marsad search`: placeholder registration, replaced by the module's real implementation. */
import type { Command } from 'commander';
import { EngineError } from '../../core/errors.ts';
import type { CommandContext } from '../io.ts';

export function registerSearch(program: Command, _context: CommandContext): void {
  program.command('search').description('(not yet implemented)').allowUnknownOption().allowExcessArguments().action(() => {
    throw new EngineError('usage/invalid', '`search` is not implemented yet.');
  });
}
