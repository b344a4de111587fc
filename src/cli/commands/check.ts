/**
 * `marsad check [--repair]`: verifies that the derived state (story features, events, storylines, search documents)
 * matches the stored articles; `--repair` rebuilds it and checks again. Exit 1 when violations remain.
 */
import type { Command } from 'commander';
import type { CheckReport } from '../../app/check.ts';
import { EXIT, type CommandContext } from '../io.ts';
import { DB_OPTION_FLAGS, DB_OPTION_HELP } from '../db-option.ts';

interface CheckOptions {
  readonly db?: string;
  readonly repair?: boolean;
  readonly json?: boolean;
}

/** Violations printed in the text report; --json lists them all. */
const MAX_SHOWN = 20;

export function registerCheck(program: Command, context: CommandContext): void {
  program
    .command('check')
    .description('verify stories, events and the search index against the stored articles; --repair rebuilds them')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--repair', 'rebuild the derived state, then check again')
    .option('--json', 'print the report(s) as one JSON object')
    .action(async (options: CheckOptions) => {
      await runCheck(options, context, process.env);
    });
}

export async function runCheck(
  options: CheckOptions,
  context: CommandContext,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ before: CheckReport; after: CheckReport | null }> {
  // Loaded on use, like every verb's code, so that `marsad --help` and the other verbs start fast.
  const [{ checkStore, repairStore }, { displayLocation, openConfiguredStore }, { loadConfig }] = await Promise.all([
    import('../../app/check.ts'),
    import('../../app/open-store.ts'),
    import('../../config/load.ts'),
  ]);
  const config = loadConfig({ db: options.db }, env);
  const store = await openConfiguredStore(config, { mustExist: true });
  let before: CheckReport;
  let after: CheckReport | null = null;
  try {
    before = await checkStore(store);
    if (options.repair && before.violations.length > 0) {
      await repairStore(store);
      after = await checkStore(store);
    }
  } finally {
    await store.close();
  }
  const out = context.io.stdout;
  if (options.json) {
    out.write(`${JSON.stringify({ db: displayLocation(config.dbPath), before, after })}\n`);
  } else {
    writeReport(before, 'check', context);
    if (after) writeReport(after, 'after repair', context);
  }
  if ((after ?? before).violations.length > 0) context.setExitCode(EXIT.failed);
  return { before, after };
}

function writeReport(report: CheckReport, title: string, context: CommandContext): void {
  const counts = new Map<string, number>();
  for (const v of report.violations) counts.set(v.kind, (counts.get(v.kind) ?? 0) + 1);
  const summary = [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
  context.io.stdout.write(
    `${title}: ${report.articles} articles, ${report.stories} stories, ${report.violations.length} violations${summary ? ` (${summary})` : ''}\n`,
  );
  for (const v of report.violations.slice(0, MAX_SHOWN)) context.io.stdout.write(`  ${v.kind} ${v.id}: ${v.detail}\n`);
  if (report.violations.length > MAX_SHOWN)
    context.io.stdout.write(`  … ${report.violations.length - MAX_SHOWN} more (--json lists them all)\n`);
}
