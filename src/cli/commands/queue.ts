/** `marsad queue --db postgres://…`: depth, rate and recent failures of the team-mode job queue. */
import type { Command } from 'commander';
import type { CommandContext } from '../io.ts';
import { DB_OPTION_FLAGS, DB_OPTION_HELP } from '../db-option.ts';
import { queueDatabase } from './worker.ts';

export function registerQueue(program: Command, context: CommandContext): void {
  program
    .command('queue')
    .description('team mode: show the PostgreSQL job queue (depth, completion rate, failures)')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--json', 'print one JSON object')
    .action(async (options: { db?: string; json?: boolean }) => {
      const { openPageQueue } = await import('../../app/page-queue.ts');
      const queue = await openPageQueue(await queueDatabase(options.db), { supervise: false });
      try {
        const stats = await queue.stats();
        if (options.json) {
          context.io.stdout.write(JSON.stringify(stats) + '\n');
          return;
        }
        const { queued, retrying, active, completed, failed, completedLastMinute } = stats;
        context.io.stdout.write(
          `pages queue: ${queued} queued, ${retrying} retrying, ${active} active, ${completed} completed, ${failed} failed; ${completedLastMinute} completed in the last minute (${(completedLastMinute / 60).toFixed(1)}/s)\n`,
        );
        for (const f of stats.lastFailures) context.io.stdout.write(`  failed ${f.at} ${f.source}: ${f.error}\n`);
      } finally {
        await queue.close();
      }
    });
}
