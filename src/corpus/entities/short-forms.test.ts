import { describe, expect, it } from 'vitest';
import type { EntityMention } from '../../core/annotation.ts';
import { entityIdOf, linkKey } from '../../analyze/entities/link.ts';
import type { ClusterInput } from '../types.ts';
import { joinShortForms } from './short-forms.ts';

const person = (canonical: string): EntityMention => ({
  type: 'PERS',
  text: canonical,
  start: 0,
  end: canonical.length,
  entityId: entityIdOf('PERS', linkKey(canonical)),
  canonical,
});

const article = (id: string, ...names: string[]): ClusterInput =>
  ({ id, body: names.join(' و'), headline: null, published: null, outlet: null, entities: names.map(person) }) as ClusterInput;

const canonicals = (inputs: readonly ClusterInput[]) => inputs.map((i) => (i.entities ?? []).map((e) => e.canonical));

describe('joinShortForms', () => {
  it('joins a short form to the one full name it fits, across articles', () => {
    const joined = joinShortForms([article('a', 'مبارك'), article('b', 'حسني مبارك'), article('c', 'محمد حسني مبارك')]);
    expect(canonicals(joined)).toEqual([['محمد حسني مبارك'], ['محمد حسني مبارك'], ['محمد حسني مبارك']]);
    expect(new Set(joined.flatMap((i) => i.entities!.map((e) => e.entityId))).size).toBe(1);
  });

  it('leaves an ambiguous short form apart, and never joins full names that differ in a name part', () => {
    const joined = joinShortForms([
      article('a', 'عيسى'),
      article('b', 'محمد عيسى', 'أحمد عيسى'),
      article('c', 'محمد مرسي', 'محمد قرني'),
      article('d', 'محمد'),
    ]);
    expect(canonicals(joined)).toEqual([['عيسى'], ['محمد عيسى', 'أحمد عيسى'], ['محمد مرسي', 'محمد قرني'], ['محمد']]);
  });

  it('gives the same result whatever the order of the articles', () => {
    const inputs = [article('a', 'مبارك'), article('b', 'حسني مبارك'), article('c', 'عيسى', 'محمد عيسى')];
    const forward = joinShortForms(inputs);
    const backward = joinShortForms([...inputs].reverse()).reverse();
    expect(canonicals(backward)).toEqual(canonicals(forward));
  });
});
