/**
 * `marsad ner --conll FILE`: tags a token-per-line file with ANERcorp BIO tags (`token<TAB>tag`,
 * one output line per input line). `marsad ner --text FILE` prints the entities of a plain-text file as JSON lines.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { EngineError } from '../../core/errors.ts';
import type { CommandContext } from '../io.ts';

function readInput(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    throw new EngineError('input/not-found', path, { cause: error });
  }
}

export function registerNer(program: Command, context: CommandContext): void {
  program
    .command('ner')
    .description(
      'Named entities (PERS, ORG, LOC, MISC): --conll FILE tags one token per line; --text FILE lists entities as JSON lines',
    )
    .option('--conll <file>', 'token-per-line input (blank line between sentences; "-" for stdin)')
    .option('--text <file>', 'plain-text input ("-" for stdin)')
    .action(async (options: { conll?: string; text?: string }) => {
      if ((options.conll === undefined) === (options.text === undefined)) {
        throw new EngineError('usage/invalid', 'Give exactly one of --conll FILE or --text FILE.');
      }
      const { entitiesOfText, tagConllText } = await import('../../app/ner.ts');
      if (options.conll !== undefined) {
        context.io.stdout.write(tagConllText(readInput(options.conll)));
        return;
      }
      for (const entity of entitiesOfText(readInput(options.text!)))
        context.io.stdout.write(`${JSON.stringify(entity)}\n`);
    });
}
