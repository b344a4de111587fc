/** `marsad ner`: placeholder registration, replaced by the module's real implementation. */
import type { Command } from 'commander';
import { EngineError } from '../../core/errors.ts';
import type { CommandContext } from '../io.ts';

export function registerNer(program: Command, _context: CommandContext): void {
  program.command('ner').description('(not yet implemented)').allowUnknownOption().allowExcessArguments().action(() => {
    throw new EngineError('usage/invalid', '`ner` is not implemented yet.');
  });
}
