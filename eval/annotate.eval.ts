/**
 * Annotation scorer (issue 3): runs annotateArticle on the seed articles (gold bodies and dates, so the
 * layers are scored apart from extraction) against story.json: relative dates, claim quantities, must-find
 * entities with one id per entity, must-not entities; plus TIMEX3 recall on the Arabic TimeML silver set.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleAnnotations, EntityType, QuantityMention } from '../src/core/annotation.ts';
import { annotateArticle, type AnnotateOptions } from '../src/analyze/index.ts';
import { hashId } from '../src/core/ids.ts';
import { analyzePage } from '../src/pipeline/analyze-page.ts';
import { linkEntities, linkKey } from '../src/analyze/entities/link.ts';
import { findTimes } from '../src/analyze/temporal/index.ts';
import { recognizeEntities } from '../src/analyze/entities/recognize.ts';

interface GoldArticle {
  body: string;
  published: string | null;
  outlet: string | null;
}
interface Story {
  relative_dates: { article: string; text: string; resolved: string }[];
  claims: { values: { article: string; text: string; value: number | null; qualifier?: string; unit?: string }[] }[];
  entities: { must_find: { type: string; variants: string[]; in: string[] }[]; must_not_be_entities: string[] };
}

const GOLD_TYPE: Readonly<Record<string, string>> = { PER: 'PERS', PERS: 'PERS', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };
const GOLD_QUALIFIER: Readonly<Record<string, string>> = {
  'more than': 'more-than',
  'less than': 'less-than',
  about: 'about',
  dozens: 'dozens',
  exact: 'exact',
};

function ratio(hit: number, total: number): number {
  return total === 0 ? 1 : hit / total;
}

function loadArticles(goldDir: string): Map<string, GoldArticle> {
  const articles = new Map<string, GoldArticle>();
  for (const file of readdirSync(goldDir)
    .filter((name) => /^\d{3}_.*\.json$/u.test(name))
    .sort()) {
    const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as { file: string; articles: GoldArticle[] };
    gold.articles.forEach((article, index) => articles.set(`${gold.file}#${index}`, article));
  }
  return articles;
}

/** Overlaps of the gold text's first occurrence in the body. */
function goldRange(body: string, text: string): { start: number; end: number } | null {
  const start = body.indexOf(text);
  return start < 0 ? null : { start, end: start + text.length };
}

/** Article id → its body and annotations (gold bodies, or the pipeline's own extraction). */
type Annotated = Map<string, { readonly body: string; readonly annotations: ArticleAnnotations }>;

function scoreDates(story: Story, annotated: Annotated): number {
  let hit = 0;
  console.log('\nrelative dates                                  gold        found');
  for (const gold of story.relative_dates) {
    const article = annotated.get(gold.article);
    const range = article ? goldRange(article.body, gold.text) : null;
    const times = article?.annotations.times ?? [];
    const found = range ? times.filter((time) => time.start < range.end && time.end > range.start) : [];
    const ok = found.some((time) => time.value === gold.resolved);
    if (ok) hit++;
    console.log(
      `${ok ? 'ok ' : 'MISS'} ${gold.text.padEnd(42)} ${gold.resolved.padEnd(11)} ${found.map((t) => `${t.text}=${t.value}`).join(', ') || '-'}`,
    );
  }
  return ratio(hit, story.relative_dates.length);
}

/** Value (and percent unit) as in the gold; the qualifier is scored apart, as the gold has one debatable 'exact' («حوالي 2500 جندي»). */
function valueMatches(quantity: QuantityMention, gold: Story['claims'][number]['values'][number]): boolean {
  if (quantity.value !== gold.value) return false;
  return gold.unit === 'percent' ? quantity.unit === 'percent' : true;
}

function qualifierMatches(quantity: QuantityMention, gold: Story['claims'][number]['values'][number]): boolean {
  return gold.unit === 'percent' || quantity.qualifier === (GOLD_QUALIFIER[gold.qualifier ?? 'exact'] ?? 'exact');
}

function scoreClaims(story: Story, annotated: Annotated): Record<string, number> {
  let hit = 0;
  let qualified = 0;
  let total = 0;
  console.log('\nclaim quantities');
  for (const claim of story.claims) {
    for (const gold of claim.values) {
      total++;
      const article = annotated.get(gold.article);
      const range = article ? goldRange(article.body, gold.text) : null;
      const found =
        range && article
          ? article.annotations.quantities.filter((q) => q.start < range.end && q.end > range.start)
          : [];
      const match = found.find((quantity) => valueMatches(quantity, gold));
      const ok = match !== undefined;
      if (ok) hit++;
      if (match && qualifierMatches(match, gold)) qualified++;
      console.log(
        `${!ok ? 'MISS' : qualifierMatches(match, gold) ? 'ok ' : 'QUAL'} ${gold.text.padEnd(26)} ${String(gold.value).padEnd(6)} ${found.map((q) => `${q.text}=${q.value}/${q.qualifier}/${q.unit}`).join(', ') || '-'}`,
      );
    }
  }
  return { 'claims.value_recall': ratio(hit, total), 'claims.qualifier_agreement': ratio(qualified, total) };
}

function scoreEntities(story: Story, annotated: Annotated): Record<string, number> {
  let found = 0;
  let total = 0;
  let oneId = 0;
  let multi = 0;
  console.log('\nmust-find entities (per article)');
  for (const gold of story.entities.must_find) {
    const keys = new Set(gold.variants.map(linkKey));
    for (const article of gold.in) {
      total++;
      const mentions = (annotated.get(article)?.annotations.entities ?? []).filter((entity) =>
        keys.has(linkKey(entity.text)),
      );
      const ok = mentions.some((entity) => entity.type === GOLD_TYPE[gold.type]);
      if (ok) found++;
      const ids = new Set(mentions.map((entity) => entity.entityId));
      if (new Set(mentions.map((entity) => linkKey(entity.text))).size > 1) {
        multi++;
        if (ids.size === 1) oneId++;
      }
      if (!ok || ids.size > 1)
        console.log(
          `${ok ? 'ok ' : 'MISS'} ${gold.variants[0]!.padEnd(28)} ${article} ids=${ids.size} types=${[...new Set(mentions.map((e) => e.type))].join('/') || '-'}`,
        );
    }
  }
  let wrong = 0;
  const banned = new Set(story.entities.must_not_be_entities.map(linkKey));
  for (const { annotations } of annotated.values())
    wrong += annotations.entities.filter((entity) => banned.has(linkKey(entity.text))).length;
  console.log(`found ${found}/${total}; variant groups sharing one id ${oneId}/${multi}; must-not tagged ${wrong}`);
  return {
    'entities.must_find': ratio(found, total),
    'entities.one_id': ratio(oneId, multi),
    'entities.must_not_tagged': wrong === 0 ? 1 : 0,
  };
}

/**
 * Linking alone, with a perfect tagger: every occurrence of every must-find variant becomes a mention of
 * the gold type; scores entities whose variants share one id, and distinct entities wrongly merged.
 */
function scoreOracleLinking(story: Story, articles: Map<string, GoldArticle>): Record<string, number> {
  let unified = 0;
  let groups = 0;
  let merged = 0;
  for (const [id, article] of articles) {
    const gold = story.entities.must_find.filter((entity) => entity.in.includes(id));
    const mentions = gold.flatMap((entity, index) =>
      entity.variants.flatMap((variant) =>
        occurrences(article.body, variant).map((start) => ({
          type: GOLD_TYPE[entity.type] as EntityType,
          start,
          end: start + variant.length,
          text: variant,
          index,
        })),
      ),
    );
    const kept = mentions
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .filter((mention, i, all) => i === 0 || mention.start >= all[i - 1]!.end);
    const linked = linkEntities(kept, article.body);
    const idsByEntity = new Map<number, Set<string>>();
    linked.forEach((entity) => {
      const index = kept.find((mention) => mention.start === entity.start)!.index;
      idsByEntity.set(index, (idsByEntity.get(index) ?? new Set()).add(entity.entityId));
    });
    for (const [index, ids] of idsByEntity) {
      groups++;
      if (ids.size === 1) unified++;
      else console.log(`  split: ${gold[index]!.variants.join(' / ')} in ${id}`);
      for (const [other, otherIds] of idsByEntity)
        if (other > index && [...ids].some((entityId) => otherIds.has(entityId))) merged++;
    }
  }
  console.log(
    `\nlinking with oracle mentions: ${unified}/${groups} entities with one id per article; ${merged} wrong merges`,
  );
  return { 'linking.oracle_one_id': ratio(unified, groups), 'linking.oracle_no_merge': merged === 0 ? 1 : 0 };
}

function occurrences(body: string, text: string): number[] {
  const starts: number[] = [];
  for (let start = body.indexOf(text); start >= 0; start = body.indexOf(text, start + text.length)) starts.push(start);
  return starts;
}

/** Share of TIMEX3 DATE/DURATION expressions with a concrete value that overlap a found time. */
function scoreTimeml(sharedDir: string): Record<string, number> {
  const dir = join(sharedDir, 'data', 'arabic-timeml-dahmri', 'Corpus_test');
  if (!existsSync(dir)) return {};
  let hit = 0;
  let total = 0;
  let absoluteHit = 0;
  let absoluteTotal = 0;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.tml'))) {
    const xml = readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/u, '');
    const inner = xml.replace(/^[\s\S]*?<TimeML>/u, '').replace(/<\/TimeML>[\s\S]*$/u, '');
    const gold: { start: number; end: number; value: string; text: string }[] = [];
    let text = '';
    const pattern =
      /<TIMEX3[^>]*type="(?<type>[A-Z]+)"[^>]*value="(?<value>[^"]*)"[^>]*>(?<surface>[^<]*)<\/TIMEX3>|<[^>]+>|[^<]+/gu;
    for (const match of inner.matchAll(pattern)) {
      if (match.groups?.surface !== undefined) {
        if (/^(?:DATE|DURATION)$/u.test(match.groups.type!) && /^(?:\d{4}|P\d)/u.test(match.groups.value!))
          gold.push({
            start: text.length,
            end: text.length + match.groups.surface.length,
            value: match.groups.value!,
            text: match.groups.surface,
          });
        text += match.groups.surface;
      } else if (!match[0].startsWith('<')) text += match[0];
    }
    const times = findTimes(text, null);
    for (const expression of gold) {
      total++;
      const found = times.filter((time) => time.start < expression.end && time.end > expression.start);
      if (found.length > 0) hit++;
      if (/\d{4}/u.test(expression.text)) {
        absoluteTotal++;
        if (found.some((time) => time.value === expression.value)) absoluteHit++;
        else if (process.env.MARSAD_EVAL_VERBOSE)
          console.log(
            `  timeml miss: ${expression.text} = ${expression.value}; found ${found.map((t) => `${t.text}=${t.value}`).join(', ') || '-'}`,
          );
      } else if (found.length === 0 && process.env.MARSAD_EVAL_VERBOSE)
        console.log(`  timeml miss: ${expression.text} = ${expression.value}`);
    }
  }
  console.log(
    `\nArabic TimeML (silver): ${hit}/${total} DATE/DURATION expressions overlapped; ${absoluteHit}/${absoluteTotal} dates with a written year got the exact value`,
  );
  return { 'timeml.recall': ratio(hit, total), 'timeml.absolute_value': ratio(absoluteHit, absoluteTotal) };
}

export async function evaluate(sharedDir: string): Promise<{ metrics: Record<string, number> }> {
  const goldDir = join(sharedDir, 'gold', 'seeds');
  const story = JSON.parse(readFileSync(join(goldDir, 'story.json'), 'utf8')) as Story;
  const articles = loadArticles(goldDir);
  const recognize = hasNerModel() ? recognizeEntities : null;
  if (!recognize) console.log('NER model not available: entity metrics skipped (run `npm run train:ner`).');
  const options = recognize ? {} : { recognize: () => [] };
  const onGold: Annotated = new Map();
  const started = performance.now();
  for (const [id, article] of articles)
    onGold.set(id, { body: article.body, annotations: annotateArticle(article, options) });
  console.log(
    `annotated ${articles.size} gold articles in ${(performance.now() - started).toFixed(0)} ms\n--- on gold bodies and dates`,
  );
  const metrics: Record<string, number> = {
    'relative_dates.accuracy': scoreDates(story, onGold),
    ...scoreClaims(story, onGold),
    ...(recognize ? scoreEntities(story, onGold) : {}),
    ...scoreOracleLinking(story, articles),
  };
  console.log('\n--- end to end: marsad analyze on the seed pages (extraction + annotation)');
  const piped = analyzeSeeds(join(sharedDir, 'seeds'), options);
  metrics['pipeline.relative_dates.accuracy'] = scoreDates(story, piped);
  for (const [name, value] of Object.entries(scoreClaims(story, piped))) metrics[`pipeline.${name}`] = value;
  if (recognize)
    for (const [name, value] of Object.entries(scoreEntities(story, piped))) metrics[`pipeline.${name}`] = value;
  Object.assign(metrics, scoreTimeml(sharedDir));
  console.log('\nmetric                                  value');
  for (const [name, value] of Object.entries(metrics)) console.log(`${name.padEnd(39)} ${value.toFixed(3)}`);
  return { metrics };
}

/** Runs analyzePage on every seed page; article ids are FILE#INDEX in extraction order, as in story.json. */
function analyzeSeeds(seedDir: string, options: AnnotateOptions): Annotated {
  const annotated: Annotated = new Map();
  for (const file of readdirSync(seedDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()) {
    const body = readFileSync(join(seedDir, file), 'utf8');
    const page = {
      id: hashId(['page', body]),
      url: file,
      fetchedAt: '1970-01-01T00:00:00.000Z',
      contentType: 'text/plain' as const,
      body,
    };
    const analyzed = analyzePage(page, {
      annotate: true,
      annotator: (article) =>
        annotateArticle({ body: article.body, published: article.published, outlet: article.outlet }, options),
    });
    analyzed.articles.forEach((article, index) => {
      const { entities = [], quantities = [], quotes = [], times = [] } = article;
      annotated.set(`${file}#${index}`, { body: article.body, annotations: { entities, quantities, quotes, times } });
    });
  }
  return annotated;
}

/** The tagger reads its model file on first use; without one the entity checks cannot run. */
function hasNerModel(): boolean {
  try {
    recognizeEntities('اختبار');
    return true;
  } catch (error) {
    console.log(`NER unavailable: ${(error as Error).message}`);
    return false;
  }
}
