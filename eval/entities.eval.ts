/**
 * `npm run eval -- entities` (issue 15, item 5): the entities Marsad would list for a whole real window. Every
 * article of the egy-news-2013 development window (9–10 Feb 2013, the days of ../shared/gold/clusters, all of
 * them, not only the labelled ones) is analysed from its title and text, and the 20 entities cited by the most
 * articles are printed: per-article ids (as `marsad` stores them) and with short forms joined across the window
 * (as storylines list them, src/corpus/entities/short-forms.ts). Metrics:
 * - `top20.listable` (`top20.joined_listable`): entries of the top 20 that are not a unit or currency word of the
 *   quantity lexicon, nor «الله»;
 * - `mentions.parts_consistent`: share of person mentions not linked to a canonical name that lacks one of their
 *   name parts (e.g. «محمد عيسى» under «محمد مرسي»).
 * The window's analysed entities are cached under $MARSAD_ENTITIES_CACHE when set (delete it after changing
 * annotation).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { EntityMention } from '../src/core/annotation.ts';
import { loadPageAnalyzer } from '../src/app/analyzer.ts';
import { linkKey } from '../src/analyze/entities/link.ts';
import { unitOfWord } from '../src/analyze/quantities/unit.ts';
import { joinShortForms } from '../src/corpus/entities/short-forms.ts';
import type { ClusterInput } from '../src/corpus/types.ts';

const CORPUS = ['egy-news-2013', 'egy-news-2013-02-01_14.jsonl.gz'] as const;
const WINDOW = ['2013-02-09', '2013-02-10'] as const;
const TOP = 20;

interface Row {
  readonly id: string;
  readonly date: string;
  readonly title?: string | null;
  readonly text?: string | null;
}

function top(inputs: readonly ClusterInput[]): { canonical: string; type: string; articles: number }[] {
  const seen = new Map<string, { canonical: string; type: string; articles: Set<string> }>();
  for (const input of inputs)
    for (const e of input.entities ?? []) {
      const entry = seen.get(e.entityId) ?? { canonical: e.canonical, type: e.type, articles: new Set<string>() };
      entry.articles.add(input.id);
      seen.set(e.entityId, entry);
    }
  return [...seen.values()]
    .map((e) => ({ canonical: e.canonical, type: e.type, articles: e.articles.size }))
    .sort((a, b) => b.articles - a.articles || (a.canonical < b.canonical ? -1 : 1))
    .slice(0, TOP);
}

/** A mention of ≥ 2 name parts whose canonical name lacks one of them (same-length one-letter variants allowed). */
function partMismatch(e: EntityMention): boolean {
  const parts = linkKey(e.text).split(' ');
  const canonical = linkKey(e.canonical).split(' ');
  if (parts.length < 2 || canonical.length < 2) return false;
  const near = (a: string, b: string): boolean =>
    a === b || (a.length === b.length && a.length >= 5 && [...a].filter((c, i) => c !== b[i]).length <= 2);
  return parts.some((p) => !canonical.some((c) => near(p, c)));
}

export async function evaluate(sharedDir: string): Promise<{ metrics: Record<string, number> }> {
  const path = join(sharedDir, 'data', CORPUS[0], CORPUS[1]);
  if (!existsSync(path)) return { metrics: {} };
  const cache = process.env.MARSAD_ENTITIES_CACHE;
  let inputs: ClusterInput[];
  if (cache && existsSync(cache)) inputs = JSON.parse(readFileSync(cache, 'utf8')) as ClusterInput[];
  else {
    const rows = gunzipSync(readFileSync(path))
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Row)
      .filter((r) => r.date.slice(0, 10) >= WINDOW[0] && r.date.slice(0, 10) <= WINDOW[1] && r.title && r.text);
    const analyze = await loadPageAnalyzer({ annotate: true });
    inputs = [];
    for (const row of rows) {
      try {
        const page = analyze({
          id: row.id,
          url: row.id,
          fetchedAt: '',
          contentType: 'text/plain',
          body: `${row.title}\n${row.text}`,
        });
        page.articles.forEach((a, k) =>
          inputs.push({ id: `${row.id}#${k}`, entities: a.entities ?? [] } as unknown as ClusterInput),
        );
      } catch {
        // counted by the plain-pages eval; an article that fails has no entities to list
      }
    }
    if (cache) writeFileSync(cache, JSON.stringify(inputs));
  }
  const isUnitOrFormula = (canonical: string): boolean => {
    const first = linkKey(canonical).split(' ')[0]!;
    return unitOfWord(first) !== null || first === 'الله' || first === 'لله';
  };
  const raw = top(inputs);
  const joined = top(joinShortForms(inputs));
  const show = (list: ReturnType<typeof top>): string => list.map((e) => `${e.canonical} ${e.articles}`).join(' · ');
  console.log(`  egy ${WINDOW.join('..')}: ${inputs.length} articles`);
  console.log(`    top ${TOP} (per-article ids): ${show(raw)}`);
  console.log(`    top ${TOP} (short forms joined): ${show(joined)}`);
  const people = inputs.flatMap((i) => (i.entities ?? []).filter((e) => e.type === 'PERS'));
  const mismatched = people.filter(partMismatch);
  console.log(
    `    person mentions ${people.length}; linked under a name lacking one of their parts: ${mismatched.length}` +
      (mismatched.length > 0
        ? ` (e.g. ${mismatched
            .slice(0, 5)
            .map((e) => `${e.text} → ${e.canonical}`)
            .join('، ')})`
        : ''),
  );
  const units = raw.filter((e) => isUnitOrFormula(e.canonical)).length;
  console.log(`    units or «الله» in the top ${TOP}: ${units}`);
  return {
    metrics: {
      'top20.listable': raw.length - units,
      'top20.joined_listable': joined.length - joined.filter((e) => isUnitOrFormula(e.canonical)).length,
      'mentions.parts_consistent': people.length === 0 ? 1 : 1 - mismatched.length / people.length,
    },
  };
}
