import { describe, expect, it } from 'vitest';
import { buildGazetteer, coreName, gazetteerLabels } from './gazetteer.ts';
import { applyGazetteerBackoff } from './gazetteer-backoff.ts';
import { tokenForms } from './token-forms.ts';

const gazetteer = buildGazetteer([{ name: coreName('نادي الصيادين'), cls: 'EXTRA_ORG' }]);
const run = (sentence: string, tags: string[]): string[] => {
  const tokens = sentence.split(' ');
  return applyGazetteerBackoff(tags, gazetteerLabels(gazetteer, tokens.map((t) => tokenForms(t))));
};

describe('applyGazetteerBackoff', () => {
  it('labels an untagged curated multi-word name with its list type', () => {
    expect(run('هاجمت فصائل من الحشد الشعبي مواقع قرب جرف النصر', ['O', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'O']))
      .toEqual(['O', 'O', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'B-LOC', 'I-LOC']);
  });

  it('leaves names of another type the tagger labelled, single words and harvested extra names alone', () => {
    expect(run('وصل إلى جرف النصر', ['O', 'O', 'B-LOC', 'O'])).toEqual(['O', 'O', 'B-LOC', 'O']);
    expect(run('وصل إلى جرف النصر', ['O', 'B-PERS', 'I-PERS', 'O'])).toEqual(['O', 'B-PERS', 'I-PERS', 'O']);
    expect(run('في القائم أمس', ['O', 'O', 'O'])).toEqual(['O', 'O', 'O']);
    expect(run('زار نادي الصيادين', ['O', 'O', 'O'])).toEqual(['O', 'O', 'O']);
  });
});
