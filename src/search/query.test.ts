import { describe, expect, it } from 'vitest';
import { highlightTerms, isHighlighted, parseQuery, toFtsMatch } from './query.ts';

describe('parseQuery', () => {
  it('analyses words like indexed text, so spelling variants give the same term', () => {
    expect(parseQuery('الأمريكية')).toEqual(parseQuery('والأميركية'));
    expect(parseQuery('القوات الأمريكية').required).toEqual([
      { kind: 'term', term: 'قو', prefix: false },
      { kind: 'term', term: 'امريك', prefix: false },
    ]);
  });

  it('keeps quoted phrases as one clause of stems and drops stop words inside them', () => {
    expect(parseQuery('"وزير الخارجية في العراق"').required).toEqual([
      { kind: 'phrase', terms: ['وزير', 'خارج', 'عراق'] },
    ]);
  });

  it('treats an unterminated quote as a phrase up to the end', () => {
    expect(parseQuery('"التحالف الدولي').required).toEqual([{ kind: 'phrase', terms: ['تحالف', 'دول'] }]);
  });

  it('separates excluded words and prefix words', () => {
    const query = parseQuery('انسحاب -سوريا عراق*');
    expect(query.required).toEqual([
      { kind: 'term', term: 'انسحاب', prefix: false },
      { kind: 'term', term: 'عراق', prefix: true },
    ]);
    expect(query.excluded).toEqual([{ kind: 'term', term: 'سوريا', prefix: false }]);
  });

  it('drops queries made only of function words or punctuation', () => {
    expect(parseQuery('في من على').required).toEqual([]);
    expect(parseQuery('!!! ، ؟').required).toEqual([]);
  });
});

describe('toFtsMatch', () => {
  it('ANDs clauses, quotes every term and appends NOT for exclusions', () => {
    expect(toFtsMatch(parseQuery('القوات "عين الأسد" -سوريا'))).toBe('("قو" AND "عين اسد") NOT ("سوريا")');
  });

  it('emits prefix queries with a trailing star outside the quotes', () => {
    expect(toFtsMatch(parseQuery('تحالف*'))).toBe('"تحالف"*');
  });

  it('returns null when nothing positive remains', () => {
    expect(toFtsMatch(parseQuery('-سوريا'))).toBeNull();
    expect(toFtsMatch(parseQuery(''))).toBeNull();
  });

  it('cannot be broken by FTS5 syntax typed by the user', () => {
    expect(toFtsMatch(parseQuery('NEAR( AND OR "'))).toBe('"near" AND "or"');
  });
});

describe('highlightTerms', () => {
  it('collects exact terms and prefixes from required clauses only', () => {
    const terms = highlightTerms(parseQuery('"القوات الأمريكية" تحالف* -سوريا'));
    expect([...terms.exact]).toEqual(['قو', 'امريك']);
    expect(terms.prefixes).toEqual(['تحالف']);
    expect(isHighlighted('تحالفات', terms)).toBe(true);
    expect(isHighlighted('سوريا', terms)).toBe(false);
  });
});
