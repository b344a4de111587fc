/**
 * `marsad story <id> [--json]`: one stored story: articles grouped by outlet (near-duplicates folded under their
 * original), the dated timeline then undated mentions, claims with verdicts, and top entities.
 */
import type { Command } from 'commander';
import type { StoryArticle, StoryDetail } from '../../app/stories.ts';
import { EngineError } from '../../core/errors.ts';
import type { CommandContext } from '../io.ts';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, openExistingStore } from '../db-option.ts';

export function registerStory(program: Command, context: CommandContext): void {
  program
    .command('story')
    .description('show one story: articles by outlet (duplicates folded), timeline, claims, top entities')
    .argument('<id>', 'story id (or a unique prefix), as listed by `marsad stories`')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--json', 'print the story as one JSON object')
    .action(async (id: string, options: { db?: string; json?: boolean }) => {
      await runStory(id, options, context, process.env);
    });
}

export async function runStory(
  id: string,
  options: { db?: string; json?: boolean },
  context: CommandContext,
  env: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  const store = await openExistingStore(options.db, env);
  try {
    const story = await store.getStory(id);
    if (!story) throw new EngineError('store/not-found', `No story ${id} (see \`marsad stories\`).`);
    const detail = JSON.parse(story.detail) as StoryDetail;
    if (options.json)
      context.io.stdout.write(
        `${JSON.stringify({ id: story.id, label: story.label, firstDate: story.firstDate, lastDate: story.lastDate, outlets: story.outlets, ...detail })}\n`,
      );
    else context.io.stdout.write(renderStory(story.id, detail));
  } finally {
    await store.close();
  }
}

/** Plain-text view of a story. */
export function renderStory(id: string, detail: StoryDetail): string {
  const lines = [
    `${detail.storyline.label}`,
    `${id}  ${detail.storyline.firstDate ?? '—'} … ${detail.storyline.lastDate ?? '—'}`,
    '',
  ];
  detail.eventClusters.forEach((cluster, i) => {
    lines.push(`Event ${i + 1}: ${cluster.label} (${cluster.firstDate ?? 'undated'})`);
    for (const [outlet, articles] of byOutlet(cluster.articles)) {
      lines.push(`  ${outlet}`);
      for (const a of articles.filter((x) => x.duplicateOf === null)) {
        const copies = cluster.articles.filter((x) => x.duplicateOf === a.id);
        lines.push(
          `    ${a.published ?? '—'}  ${a.headline ?? a.id}${copies.length > 0 ? `  [+${copies.length} copies: ${copies.map((c) => c.outlet ?? c.id).join('، ')}]` : ''}`,
        );
      }
    }
  });
  lines.push('', 'Timeline:');
  for (const e of detail.timeline)
    lines.push(`  ${e.date}  ${e.text}  (${e.sources.length} source${e.sources.length > 1 ? 's' : ''})`);
  for (const e of detail.undated) lines.push(`  undated  ${e.text}`);
  lines.push('', 'Claims:');
  for (const c of detail.claims.filter((x) => x.verdict !== 'single-source')) {
    lines.push(
      `  ${c.verdict.padEnd(8)} ${c.category && !c.category.startsWith('unit:') ? `${c.category} («${c.subject}»)` : c.subject}: ${c.values.map((v) => `«${v.text}» (${v.outlet ?? v.article}${v.attribution ? `, ${v.attribution}` : ''})`).join('; ')}`,
    );
  }
  lines.push(`  + ${detail.claims.filter((x) => x.verdict === 'single-source').length} single-source figures`);
  if (detail.topEntities.length > 0)
    lines.push('', `Entities: ${detail.topEntities.map((e) => `${e.canonical} (${e.articles})`).join('، ')}`);
  return `${lines.join('\n')}\n`;
}

function byOutlet(articles: readonly StoryArticle[]): [string, StoryArticle[]][] {
  const groups = new Map<string, StoryArticle[]>();
  for (const a of articles) {
    const key = a.outlet ?? '(unknown outlet)';
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
