import { describe, expect, it } from 'vitest';
import type { EntityMention } from '../../core/annotation.ts';
import { entityIdOf, linkKey } from '../../analyze/entities/link.ts';
import type { ClusterInput } from '../types.ts';
import { joinShortForms } from './short-forms.ts';

/** A person mention as the article-level linker leaves it: `text` as written, linked to `canonical`. */
const person = (text: string, canonical = text): EntityMention => ({
  type: 'PERS',
  text,
  start: 0,
  end: text.length,
  entityId: entityIdOf('PERS', linkKey(canonical)),
  canonical,
});

const article = (id: string, ...mentions: EntityMention[]): ClusterInput => ({
  id,
  outlet: null,
  published: null,
  headline: null,
  body: mentions.map((m) => m.text).join(' و'),
  entities: mentions,
});

/** An article that writes the full name, then the short form (linked in the text by the article-level linker). */
const both = (id: string, full: string, short: string): ClusterInput => article(id, person(full), person(short, full));

const canonicals = (inputs: readonly ClusterInput[]) => inputs.map((i) => (i.entities ?? []).map((e) => e.canonical));

describe('joinShortForms', () => {
  it('joins a bare short form to the full name the articles link it to in their text', () => {
    const joined = joinShortForms([
      article('a', person('مبارك')),
      both('b', 'حسني مبارك', 'مبارك'),
      both('c', 'حسني مبارك', 'مبارك'),
      both('d', 'حسني مبارك', 'مبارك'),
      both('e', 'جمال مبارك', 'جمال'),
    ]);
    expect(canonicals(joined)[0]).toEqual(['حسني مبارك']);
    expect(joined[0]!.entities![0]!.entityId).toBe(joined[1]!.entities![0]!.entityId);
    expect(canonicals(joined)[4]).toEqual(['جمال مبارك', 'جمال مبارك']);
  });

  it('leaves a short form apart when the evidence is split or missing, and never joins different full names', () => {
    const joined = joinShortForms([
      article('a', person('عيسى')),
      both('b', 'محمد عيسى', 'عيسى'),
      both('c', 'محمد عيسى', 'عيسى'),
      both('d', 'أحمد عيسى', 'عيسى'),
      both('e', 'أحمد عيسى', 'عيسى'),
      article('f', person('محمد مرسي'), person('محمد قرني')),
      article('g', person('فهمي'), person('سر أحمد فهمي')),
    ]);
    expect(canonicals(joined)[0]).toEqual(['عيسى']);
    expect(canonicals(joined)[5]).toEqual(['محمد مرسي', 'محمد قرني']);
    expect(canonicals(joined)[6]).toEqual(['فهمي', 'سر أحمد فهمي']);
  });

  it('gives the same result whatever the order of the articles', () => {
    const inputs = [
      article('a', person('مبارك')),
      both('b', 'حسني مبارك', 'مبارك'),
      both('c', 'حسني مبارك', 'مبارك'),
      both('d', 'محمد حسني مبارك', 'مبارك'),
    ];
    const forward = joinShortForms(inputs);
    const backward = joinShortForms([...inputs].reverse()).reverse();
    expect(canonicals(backward)).toEqual(canonicals(forward));
    expect(canonicals(forward)[0]).toEqual(['محمد حسني مبارك']);
  });
});
