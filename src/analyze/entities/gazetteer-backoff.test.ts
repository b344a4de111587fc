import { describe, expect, it } from 'vitest';
import { buildGazetteer, coreName, gazetteerLabels } from './gazetteer.ts';
import { applyGazetteerBackoff, matchKey, unannotatedCuratedNames } from './gazetteer-backoff.ts';
import { tokenForms } from './token-forms.ts';

const gazetteer = buildGazetteer([{ name: coreName('نادي الصيادين'), cls: 'EXTRA_ORG' }]);
const run = (sentence: string, tags: string[]): string[] => {
  const tokens = sentence.split(' ');
  return applyGazetteerBackoff(
    tags,
    gazetteerLabels(
      gazetteer,
      tokens.map((t) => tokenForms(t)),
    ),
  );
};

describe('applyGazetteerBackoff', () => {
  it('labels an untagged curated multi-word name with its list type', () => {
    expect(
      run('هاجمت فصائل من الحشد الشعبي مواقع قرب جرف النصر', ['O', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'O']),
    ).toEqual(['O', 'O', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'B-LOC', 'I-LOC']);
  });

  it('leaves names of another type the tagger labelled, single words and harvested extra names alone', () => {
    expect(run('وصل إلى جرف النصر', ['O', 'O', 'B-LOC', 'O'])).toEqual(['O', 'O', 'B-LOC', 'O']);
    expect(run('وصل إلى جرف النصر', ['O', 'B-PERS', 'I-PERS', 'O'])).toEqual(['O', 'B-PERS', 'I-PERS', 'O']);
    expect(run('في القائم أمس', ['O', 'O', 'O'])).toEqual(['O', 'O', 'O']);
    expect(run('زار نادي الصيادين', ['O', 'O', 'O'])).toEqual(['O', 'O', 'O']);
  });

  it('labels a curated organisation whose only tagged word is a place inside it', () => {
    const tokens = 'أعلن البنك المركزي العراقي رفع الفائدة'.split(' ');
    const labels = gazetteerLabels(
      gazetteer,
      tokens.map((t) => tokenForms(t)),
    );
    expect(applyGazetteerBackoff(['O', 'O', 'O', 'B-LOC', 'O', 'O'], labels)).toEqual([
      'O',
      'B-ORG',
      'I-ORG',
      'I-ORG',
      'O',
      'O',
    ]);
    // A person inside, or a tagged head, is the tagger's call.
    expect(applyGazetteerBackoff(['O', 'B-ORG', 'O', 'B-LOC', 'O', 'O'], labels)).toEqual([
      'O',
      'B-ORG',
      'O',
      'B-LOC',
      'O',
      'O',
    ]);
    expect(applyGazetteerBackoff(['O', 'O', 'O', 'B-PERS', 'O', 'O'], labels)).toEqual([
      'O',
      'O',
      'O',
      'B-PERS',
      'O',
      'O',
    ]);
  });

  it('learns which curated names the annotations leave untagged, and does not force them', () => {
    const sentence = (text: string, tags: string[]) => {
      const forms = text.split(' ').map((t) => tokenForms(t));
      return { tags, forms, labels: gazetteerLabels(gazetteer, forms) };
    };
    const training = [
      sentence('وافق مجلس الوزراء على الموازنة', ['O', 'O', 'O', 'O', 'O']),
      sentence('وقال رئيس مجلس الوزراء إن', ['O', 'O', 'O', 'O', 'O']),
      sentence('وأقر مجلس الوزراء أمس', ['O', 'B-ORG', 'I-ORG', 'O']),
      sentence('هاجمت فصائل الحشد الشعبي', ['O', 'O', 'B-ORG', 'I-ORG']),
      sentence('هاجم الحشد الشعبي البلدة', ['O', 'B-ORG', 'I-ORG', 'O']),
      // Seen once only: too little evidence of a habit.
      sentence('عقدت الجمعية العامة جلسة', ['O', 'O', 'O', 'O']),
    ];
    const excluded = unannotatedCuratedNames(training);
    expect(excluded).toEqual([coreName('مجلس الوزراء')]);

    const tokens = 'اجتمع مجلس الوزراء بعد هجوم الحشد الشعبي'.split(' ');
    const forms = tokens.map((t) => tokenForms(t));
    expect(matchKey(forms, 1, 3)).toBe(coreName('مجلس الوزراء'));
    const labels = gazetteerLabels(gazetteer, forms);
    const untagged = tokens.map(() => 'O');
    expect(applyGazetteerBackoff(untagged, labels, { forms, names: new Set(excluded) })).toEqual([
      'O',
      'O',
      'O',
      'O',
      'O',
      'B-ORG',
      'I-ORG',
    ]);
    // Without the learned exclusions both curated names are forced.
    expect(applyGazetteerBackoff(untagged, labels)).toEqual(['O', 'B-ORG', 'I-ORG', 'O', 'O', 'B-ORG', 'I-ORG']);
  });
});
