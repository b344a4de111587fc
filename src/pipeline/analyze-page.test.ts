import { describe, expect, it } from 'vitest';
import type { ArticleAnnotations } from '../core/annotation.ts';
import type { RawPage } from '../core/page.ts';
import { analyzePage, toAnalyzeJson } from './analyze-page.ts';

const PAGE: RawPage = {
  id: 'p',
  url: 'p',
  fetchedAt: '2024-01-01T00:00:00Z',
  contentType: 'text/plain',
  body: [
    'الحكومة تعلن خطة لمكافحة التصحر في المناطق الجنوبية',
    'نشر في: 21 تشرين الثاني 2020',
    'أعلنت الحكومة خطة وطنية لمكافحة التصحر تشمل زراعة خمسة ملايين شجرة خلال السنوات الخمس المقبلة في المحافظات الجنوبية.',
    'وقال وزير الزراعة إن الخطة ستمول من الموازنة العامة ومن منح دولية، مشيراً إلى أن التصحر يهدد ثلث الأراضي الزراعية.',
  ].join('\n'),
};

const EMPTY_LAYERS: ArticleAnnotations = { entities: [], quantities: [], quotes: [], times: [] };

describe('analyzePage', () => {
  it('returns the extraction alone without annotate', () => {
    const analyzed = analyzePage(PAGE);
    expect(analyzed.articles).toHaveLength(1);
    expect(analyzed.articles[0]!.entities).toBeUndefined();
    expect(analyzed.pageText).toBe(PAGE.body);
  });

  it('adds the annotation layers of each article body with annotate', () => {
    const seen: string[] = [];
    const analyzed = analyzePage(PAGE, {
      annotate: true,
      annotator: (article) => {
        seen.push(article.body);
        return EMPTY_LAYERS;
      },
    });
    expect(seen).toEqual([analyzed.articles[0]!.body]);
    expect(analyzed.articles[0]).toMatchObject(EMPTY_LAYERS);
  });
});

describe('toAnalyzeJson', () => {
  it('shapes the public line: published as {date, precision, text}, spans as {kind, reason?, start, end}', () => {
    const json = toAnalyzeJson('in/page.txt', analyzePage(PAGE));
    expect(json.file).toBe('in/page.txt');
    const [article] = json.articles;
    expect(article!.published).toEqual({ date: '2020-11-21', precision: 'day', text: '21 تشرين الثاني 2020' });
    expect(article!.spans[0]).toEqual({ kind: 'headline', start: 0, end: PAGE.body.indexOf('\n') });
    expect(article!.spans.find((s) => s.kind === 'meta')).toMatchObject({ reason: 'date' });
    expect('entities' in article!).toBe(false);
  });

  it('includes annotation layers when present', () => {
    const json = toAnalyzeJson('x', analyzePage(PAGE, { annotate: true, annotator: () => EMPTY_LAYERS }));
    expect(json.articles[0]).toMatchObject(EMPTY_LAYERS);
  });
});
