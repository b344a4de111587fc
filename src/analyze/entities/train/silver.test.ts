import { describe, expect, it } from 'vitest';
import { harvestSilverNames } from './silver.ts';

/** A stand-in tagger: tags the words of `names` with their type wherever they occur. */
function fakeTagger(names: Record<string, string>): (tokens: readonly string[]) => string[] {
  return (tokens) => tokens.map((t, i) => {
    const type = names[t];
    if (!type) return 'O';
    return names[tokens[i - 1] ?? ''] === type && t !== tokens[i - 1] ? `I-${type}` : `B-${type}`;
  });
}

describe('harvestSilverNames', () => {
  const sentences = [
    ['فاز', 'نادي', 'الوحدة', 'على', 'ضيفه'], ['وقال', 'المدرب', 'كارلوس', 'إن', 'الوحدة', 'جاهز'],
    ['أكد', 'كارلوس', 'أن', 'الفريق', 'الوحدة', 'قوي'], ['التقى', 'كارلوس', 'باللاعبين'],
    ['الوحدة', 'الوطنية', 'مهمة'], ['الوحدة', 'الوطنية', 'مطلب'], ['الوحدة', 'الوطنية', 'أولوية'], ['الوحدة', 'العربية'],
  ];

  it('keeps names tagged often and consistently, and drops words tagged in few of their occurrences', () => {
    // «كارلوس» is tagged 3 times out of 3; «الوحدة» only in 3 of its 8 occurrences (the club, not «الوحدة الوطنية»).
    const tag = (tokens: readonly string[]) => {
      const out = fakeTagger({ كارلوس: 'PERS' })(tokens);
      return tokens.map((t, i) => (t === 'الوحدة' && tokens[i + 1] !== 'الوطنية' && tokens[i + 1] !== 'العربية' ? 'B-ORG' : out[i]!));
    };
    const names = harvestSilverNames(sentences, tag, (t) => t);
    expect(names).toEqual([{ name: 'كارلوس', cls: 'SILVER_PERS' }]);
  });

  it('drops names whose tags disagree on the type, and names seen fewer times than the minimum', () => {
    let flip = false;
    const tag = (tokens: readonly string[]) => tokens.map((t) => {
      if (t !== 'كارلوس') return 'O';
      flip = !flip;
      return flip ? 'B-PERS' : 'B-ORG';
    });
    expect(harvestSilverNames(sentences, tag, (t) => t)).toEqual([]);
    expect(harvestSilverNames(sentences, fakeTagger({ كارلوس: 'PERS' }), (t) => t, { minCount: 4, minShare: 0.9, minTaggedRatio: 0.5 })).toEqual([]);
  });
});
