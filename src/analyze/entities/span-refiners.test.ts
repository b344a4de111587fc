import { describe, expect, it } from 'vitest';
import { buildGazetteer, gazetteerLabels } from './gazetteer.ts';
import { REFERENCE_SCORE_UNIT, refineSpans, type RefineContext, type RefinerName } from './span-refiners.ts';
import { tokenForms } from './token-forms.ts';

const gazetteer = buildGazetteer();
const TAGS = ['O', 'B-PERS', 'I-PERS', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];

interface Options {
  /** Corpus frequency ranks by core form (absent = rare). */
  readonly rank?: Record<string, number>;
  /** Emission margins over O by token index and tag (absent = 0). */
  readonly emission?: Record<number, Partial<Record<string, number>>>;
}

/** Runs one refiner on a space-tokenised sentence with the given tags. */
function refine(name: RefinerName, sentence: string, tags: string[], options: Options = {}): string[] {
  const tokens = sentence.split(' ');
  const forms = tokens.map((t) => tokenForms(t));
  const scores = new Float32Array(tokens.length * TAGS.length);
  for (const [k, margins] of Object.entries(options.emission ?? {})) {
    for (const [tag, value] of Object.entries(margins)) scores[Number(k) * TAGS.length + TAGS.indexOf(tag)] = value!;
  }
  const ctx: RefineContext = {
    tokens,
    forms,
    cues: forms.map((f) => gazetteer.cues.get(f.stem) ?? []),
    labels: gazetteerLabels(gazetteer, forms),
    rank: new Map(Object.entries(options.rank ?? {})),
    gazetteer,
    emission: { scores, tags: TAGS, unit: REFERENCE_SCORE_UNIT },
  };
  expect(tags).toHaveLength(tokens.length);
  return refineSpans(tags, ctx, new Set([name]));
}

describe('gazetteerGrow', () => {
  it('grows a tagged first word to the whole curated place', () => {
    expect(
      refine('gazetteerGrow', 'قصفت الطائرات مواقع في جرف الصخر ليلا', ['O', 'O', 'O', 'O', 'B-LOC', 'O', 'O']),
    ).toEqual(['O', 'O', 'O', 'O', 'B-LOC', 'I-LOC', 'O']);
  });

  it('leaves a tagged part that is a name on its own, and other types, alone', () => {
    // ANERcorp tags «مكة» in «مكة المكرمة» and «حماس» in «حركة حماس».
    expect(refine('gazetteerGrow', 'وصل الحجاج إلى مكة المكرمة', ['O', 'O', 'O', 'B-LOC', 'O'])).toEqual([
      'O',
      'O',
      'O',
      'B-LOC',
      'O',
    ]);
    expect(refine('gazetteerGrow', 'أعلنت حركة حماس', ['O', 'O', 'B-ORG'])).toEqual(['O', 'O', 'B-ORG']);
    expect(refine('gazetteerGrow', 'قرب جرف الصخر', ['O', 'B-PERS', 'O'])).toEqual(['O', 'B-PERS', 'O']);
  });
});

describe('unitHead', () => {
  it('puts a militia unit head into the organisation it precedes', () => {
    expect(refine('unitHead', 'أعلنت سرايا النصر الموعود مسؤوليتها', ['O', 'O', 'B-ORG', 'I-ORG', 'O'])).toEqual([
      'O',
      'B-ORG',
      'I-ORG',
      'I-ORG',
      'O',
    ]);
  });

  it('leaves generic heads, heads before nothing and heads before MISC alone', () => {
    expect(refine('unitHead', 'أكدت حركة فتح', ['O', 'O', 'B-ORG'])).toEqual(['O', 'O', 'B-ORG']);
    expect(refine('unitHead', 'وصلت كتائب من الجيش', ['O', 'O', 'O', 'O'])).toEqual(['O', 'O', 'O', 'O']);
    expect(refine('unitHead', 'ترفع ألوية الإسلام', ['O', 'O', 'B-MISC'])).toEqual(['O', 'O', 'B-MISC']);
  });
});

describe('kunya', () => {
  it('extends a kunya pair over the laqab the tagger scored as inside a name', () => {
    expect(
      refine('kunya', 'قال أبو حسن الكربلائي إن', ['O', 'B-PERS', 'I-PERS', 'O', 'O'], {
        emission: { 3: { 'I-PERS': 12 } },
      }),
    ).toEqual(['O', 'B-PERS', 'I-PERS', 'I-PERS', 'O']);
  });

  it('leaves common nouns, family names after a given name and places alone', () => {
    expect(
      refine('kunya', 'طالب أبو سالم الإطار القيادي', ['O', 'B-PERS', 'I-PERS', 'O', 'O'], {
        emission: { 3: { 'I-PERS': -30 } },
      }),
    ).toEqual(['O', 'B-PERS', 'I-PERS', 'O', 'O']);
    expect(
      refine('kunya', 'أكد أحمد أبو خليل المدير', ['O', 'B-PERS', 'I-PERS', 'I-PERS', 'O'], {
        emission: { 4: { 'I-PERS': 20 } },
      }),
    ).toEqual(['O', 'B-PERS', 'I-PERS', 'I-PERS', 'O']);
    expect(
      refine('kunya', 'وصل إلى أبو ظبي العاصمة', ['O', 'O', 'B-LOC', 'I-LOC', 'O'], {
        emission: { 4: { 'I-PERS': 20 } },
      }),
    ).toEqual(['O', 'O', 'B-LOC', 'I-LOC', 'O']);
  });
});

describe('emissionExtend', () => {
  it('takes a nisba the tagger scored as inside the name', () => {
    expect(
      refine('emissionExtend', 'استقبل كريم حسن الموصلي الوفد', ['O', 'B-PERS', 'I-PERS', 'O', 'O'], {
        emission: { 3: { 'I-PERS': 12 } },
      }),
    ).toEqual(['O', 'B-PERS', 'I-PERS', 'I-PERS', 'O']);
  });

  it('needs the nisba shape and a positive margin', () => {
    expect(
      refine('emissionExtend', 'كان عادل سعيد الاب زعيما', ['O', 'B-PERS', 'I-PERS', 'O', 'O'], {
        emission: { 3: { 'I-PERS': 12 } },
      }),
    ).toEqual(['O', 'B-PERS', 'I-PERS', 'O', 'O']);
    expect(
      refine('emissionExtend', 'استقبل كريم حسن الموصلي الوفد', ['O', 'B-PERS', 'I-PERS', 'O', 'O'], {
        emission: { 3: { 'I-PERS': -5 } },
      }),
    ).toEqual(['O', 'B-PERS', 'I-PERS', 'O', 'O']);
  });
});

describe('titleName', () => {
  it('tags a transliterated name after a title phrase', () => {
    const tags = ['O', 'O', 'O', 'O', 'B-LOC', 'O', 'O', 'O'];
    expect(
      refine('titleName', 'وقالت المبعوثة البريطانية لدى ليبيا كارولين بارتوسكي للصحفيين', tags, {
        emission: { 5: { 'B-PERS': -40 }, 6: { 'I-PERS': 6 } },
      }),
    ).toEqual(['O', 'O', 'O', 'O', 'B-LOC', 'B-PERS', 'I-PERS', 'O']);
  });

  it('extends a tagged person left over a given name after the title phrase', () => {
    expect(
      refine('titleName', 'وصل وزير الداخلية راضي سعد الحمداني', ['O', 'O', 'O', 'O', 'B-PERS', 'I-PERS'], {
        emission: { 3: { 'B-PERS': -50 } },
      }),
    ).toEqual(['O', 'O', 'O', 'B-PERS', 'I-PERS', 'I-PERS']);
  });

  it('judges a join by the joined reading: a weak first word joins when the name after it reads as its continuation', () => {
    // −90 alone is past the bound (−2.45 units ≈ −75), but «محمد» scores 40 higher as I-PERS than as B-PERS.
    const tags = ['O', 'O', 'O', 'O', 'B-PERS', 'I-PERS'];
    expect(
      refine('titleName', 'حضر وزير الدفاع صابر محمد الجبوري', tags, {
        emission: { 3: { 'B-PERS': -90 }, 4: { 'B-PERS': 60, 'I-PERS': 100 } },
      }),
    ).toEqual(['O', 'O', 'O', 'B-PERS', 'I-PERS', 'I-PERS']);
    // The same first word before a name that starts there (B-PERS far above I-PERS) stays out.
    expect(
      refine('titleName', 'حضر وزير الدفاع صابر محمد الجبوري', tags, {
        emission: { 3: { 'B-PERS': -60 }, 4: { 'B-PERS': 100, 'I-PERS': 60 } },
      }),
    ).toEqual(tags);
  });

  it('leaves words the tagger scores far from a name, and relative clauses, alone', () => {
    expect(
      refine('titleName', 'عقد الوزير الأمريكي اجتماعا ثلاثيا مع', ['O', 'O', 'O', 'O', 'O', 'O'], {
        emission: { 3: { 'B-PERS': -97 }, 4: { 'I-PERS': 23 } },
      }),
    ).toEqual(['O', 'O', 'O', 'O', 'O', 'O']);
    expect(
      refine('titleName', 'الحزب الحاكم الذي أسسه أردوغان', ['O', 'O', 'O', 'O', 'B-PERS'], { rank: { الذي: 14 } }),
    ).toEqual(['O', 'O', 'O', 'O', 'B-PERS']);
  });
});

describe('placeCue', () => {
  it('tags a listed one-word place after a place cue or a locative with a place cue next', () => {
    expect(refine('placeCue', 'سقطت قذيفة على قضاء حديثة صباحا', ['O', 'O', 'O', 'O', 'O', 'O'])).toEqual([
      'O',
      'O',
      'O',
      'O',
      'B-LOC',
      'O',
    ]);
    expect(refine('placeCue', 'اشتباكات في حديثة قرب الحدود', ['O', 'O', 'O', 'O', 'O'])).toEqual([
      'O',
      'O',
      'B-LOC',
      'O',
      'O',
    ]);
  });

  it('leaves the same words as adjectives or common words alone', () => {
    expect(refine('placeCue', 'يبقى الوضع القائم كما هو', ['O', 'O', 'O', 'O', 'O'])).toEqual([
      'O',
      'O',
      'O',
      'O',
      'O',
    ]);
    expect(refine('placeCue', 'وصلت أسلحة حديثة إلى الجيش', ['O', 'O', 'O', 'O', 'O'])).toEqual([
      'O',
      'O',
      'O',
      'O',
      'O',
    ]);
    expect(refine('placeCue', 'شارك في العديد من المدن', ['O', 'O', 'O', 'O', 'O'], { rank: { العديد: 329 } })).toEqual(
      ['O', 'O', 'O', 'O', 'O'],
    );
  });
});

describe('quotedTitle', () => {
  const O = (n: number): string[] => Array.from({ length: n }, () => 'O');
  it('tags a quoted title after a work cue as MISC, through clitics', () => {
    expect(refine('quotedTitle', 'تقدم المذيعة برنامجها « ليالي السمر » كل خميس', O(9))).toEqual([
      'O',
      'O',
      'O',
      'O',
      'B-MISC',
      'I-MISC',
      'O',
      'O',
      'O',
    ]);
    expect(refine('quotedTitle', 'صدر له كتاب جديد بعنوان " الطريق الطويل إلى البحر " عن دار نشر', O(14))).toEqual([
      'O',
      'O',
      'O',
      'O',
      'O',
      'O',
      'B-MISC',
      'I-MISC',
      'I-MISC',
      'I-MISC',
      'O',
      'O',
      'O',
      'O',
    ]);
    expect(refine('quotedTitle', 'وأشاد النقاد بروايته « الخبز الحافي »', O(7))).toEqual([
      'O',
      'O',
      'O',
      'O',
      'B-MISC',
      'I-MISC',
      'O',
    ]);
  });

  it('leaves quotations, long quoted runs, tagged spans and quotes after other words alone', () => {
    // A quotation after a speech verb, a newspaper name (ORG or nothing in ANERcorp), a quoted run past six words.
    expect(refine('quotedTitle', 'وقال الوزير « سنواصل العمل »', O(6))).toEqual(O(6));
    expect(refine('quotedTitle', 'نقلت صحيفة « الصباح » عن مصدر', O(7))).toEqual(O(7));
    expect(refine('quotedTitle', 'في برنامج « من هنا تبدأ الحكاية كل مساء جمعة » الأسبوعي', O(12))).toEqual(O(12));
    const tagged = ['O', 'O', 'B-PERS', 'I-PERS', 'O'];
    expect(refine('quotedTitle', 'فيلم « عمر المختار »', tagged)).toEqual(tagged);
  });
});
