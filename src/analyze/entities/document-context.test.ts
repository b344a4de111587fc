import { describe, expect, it } from 'vitest';
import { documentContextFeatures, MIN_AGGREGATED_RANK } from './document-context.ts';
import { documentFeatures, sentenceFeatures, wordInfo, type FeatureResources } from './features.ts';
import { buildGazetteer } from './gazetteer.ts';

// A frequent function word (rank 0) and everything else unranked (rare).
const rank = new Map([
  ['مع', 0],
  ['في', 1],
]);
const resources: FeatureResources = { clusters: new Map(), rank, gazetteer: buildGazetteer() };
const doc = (...sentences: string[]): string[][] => sentences.map((s) => s.split(' '));
const infos = (sentences: string[][]) => sentences.map((tokens) => tokens.map((t) => wordInfo(t, resources)));

describe('documentContextFeatures', () => {
  const sentences = doc(
    'تعادل فريق كاليدو مع الضيوف في الشوط الأول',
    'وسجل لاعب الوسط هدفا ثانيا',
    'ويلتقي كاليدو الأحد المقبل مع متصدر الدوري',
  );

  it('gives a word the neighbourhoods of its other occurrences in nearby sentences', () => {
    const rows = documentContextFeatures(infos(sentences), { window: 5, rank });
    const third = rows[2]![1]!; // «كاليدو» in the third sentence
    expect(third).toContain('A-1w=فريق');
    expect(third).toContain('A+1w=مع');
    expect(third).toContain('An=1');
    // The first occurrence sees the third sentence's context, not its own.
    expect(rows[0]![2]).toContain('A-1w=ويلتقي');
    expect(rows[0]![2]).not.toContain('A-1w=فريق');
  });

  it('leaves words that occur once, and very frequent words, without aggregated features', () => {
    const rows = documentContextFeatures(infos(sentences), { window: 5, rank });
    expect(rows[1]!.every((row) => row.length === 0)).toBe(true);
    expect(rows[0]![3]).toEqual([]); // «مع» (rank 0 < MIN_AGGREGATED_RANK)
    expect(MIN_AGGREGATED_RANK).toBeGreaterThan(0);
  });

  it('matches occurrences by core form across clitics and respects the window', () => {
    const withClitic = doc('أعلن البنك الأهلي أرباحه', 'ارتفعت أسهم البنك', 'وقال رئيس مجلس إدارة للبنك الأهلي');
    const near = documentContextFeatures(infos(withClitic), { window: 2, rank });
    expect(near[2]![4]).toContain('A-1w=اعلن'); // «للبنك» ~ «البنك» (normalised forms)
    const far = documentContextFeatures(infos(withClitic), { window: 1, rank });
    expect(far[2]![4]).not.toContain('A-1w=اعلن');
    expect(far[2]![4]).toContain('A-1w=اسهم');
    expect(documentContextFeatures(infos(withClitic), { window: 0, rank }).flat(2)).toEqual([]);
  });

  it('is what documentFeatures appends to the sentence features when the resources ask for it', () => {
    const plain = documentFeatures(sentences, resources);
    expect(plain).toEqual(sentences.map((s) => sentenceFeatures(s, resources)));
    const aggregated = documentFeatures(sentences, { ...resources, documentWindow: 5 });
    expect(aggregated[2]![1]).toEqual([
      ...plain[2]![1]!,
      ...documentContextFeatures(infos(sentences), { window: 5, rank })[2]![1]!,
    ]);
  });
});
