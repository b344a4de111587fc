/**
 * `marsad article <id>`: one stored article (id or unique prefix): clean text with headline, dek, date, outlet
 * and cited sources, its annotation layers, then what was removed from the page and why. `--json` for machines.
 */
import type { Command } from 'commander';
import type { ArticleView } from '../../app/articles.ts';
import type { ArticleAnnotations } from '../../core/annotation.ts';
import type { CommandContext } from '../io.ts';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, openExistingStore } from '../db-option.ts';

interface ArticleOptions {
  readonly db?: string;
  readonly json?: boolean;
}

/** Removed text longer than this is shortened in the text view (the JSON keeps it whole). */
const MAX_REMOVED_CHARS = 160;

export function registerArticle(program: Command, context: CommandContext): void {
  program
    .command('article')
    .description('show one stored article: clean text, metadata, annotations, and what was removed and why')
    .argument('<id>', 'article id, or a unique prefix of it (4+ characters)')
    .option(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--json', 'print one JSON object')
    .action(async (id: string, options: ArticleOptions) => {
      await runArticle(id, options, context, process.env);
    });
}

export async function runArticle(
  id: string,
  options: ArticleOptions,
  context: CommandContext,
  env: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  const store = await openExistingStore(options.db, env);
  try {
    const { viewArticle } = await import('../../app/articles.ts');
    const view = await viewArticle(store, id);
    context.io.stdout.write(options.json ? JSON.stringify(articleJson(view)) + '\n' : renderArticle(view));
  } finally {
    await store.close();
  }
}

/** The JSON shape: the article fields, its annotation layers at top level (as in `marsad analyze`), and `removed`. */
export function articleJson(view: ArticleView): Record<string, unknown> {
  const { annotations, ...article } = view.article;
  return { ...article, annotated: annotations !== null, ...(annotations ?? {}), removed: view.removed };
}

/** The human-readable view. */
export function renderArticle(view: ArticleView): string {
  const a = view.article;
  const lines: string[] = [a.headline ?? '(no headline)'];
  if (a.dek) lines.push(a.dek);
  const p = a.published;
  const date = p ? `${p.date} (${p.precision})${p.text ? ` «${p.text}»` : ''}${p.from ? ` from ${p.from}` : ''}` : '—';
  lines.push(
    '',
    `date: ${date}`,
    `outlet: ${a.outlet ?? '—'}`,
    `cited sources: ${a.citedSources.length > 0 ? a.citedSources.join('، ') : '—'}`,
  );
  lines.push(`id: ${a.id}  page: ${a.pageId}#${a.index}  url: ${a.url}`, '', a.body, '');
  if (a.annotations) lines.push(...renderAnnotations(a.annotations));
  lines.push(`removed (${view.removed.length}):`);
  for (const r of view.removed)
    lines.push(
      `  [${r.reason ?? 'other'}${r.scope === 'page' ? ', page' : ''}] ${r.start}–${r.end} «${shorten(r.text)}»`,
    );
  return lines.join('\n') + '\n';
}

function renderAnnotations(layers: ArticleAnnotations): string[] {
  const lines = [`entities (${layers.entities.length}):`];
  for (const e of layers.entities)
    lines.push(`  ${e.type} «${e.text}» ${e.start}–${e.end}${e.canonical !== e.text ? ` → ${e.canonical}` : ''}`);
  lines.push(`quantities (${layers.quantities.length}):`);
  for (const q of layers.quantities) {
    const value = q.value === null ? '?' : `${q.value}${q.valueMax != null ? `–${q.valueMax}` : ''}`;
    lines.push(
      `  «${q.text}» ${q.start}–${q.end} = ${value}${q.unit ? ` ${q.unit}` : ''} (${q.qualifier})${q.subject ? ` about ${q.subject}` : ''}`,
    );
  }
  lines.push(`quotes (${layers.quotes.length}):`);
  for (const q of layers.quotes) {
    const via = q.via && q.via.length > 0 ? ` via ${q.via.join(' ← ')}` : '';
    lines.push(`  ${q.kind} ${q.start}–${q.end} «${shorten(q.text)}» — ${q.speaker ?? 'unattributed'}${via}`);
  }
  lines.push(`times (${layers.times.length}):`);
  for (const t of layers.times)
    lines.push(
      `  «${t.text}» ${t.start}–${t.end} → ${t.value ?? 'unresolved'} (${t.precision}${t.anchor === 'published-at' ? ', from publication date' : ''})`,
    );
  lines.push('');
  return lines;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/gu, ' ⏎ ');
  return oneLine.length > MAX_REMOVED_CHARS
    ? `${oneLine.slice(0, MAX_REMOVED_CHARS)}… (${text.length} chars)`
    : oneLine;
}
