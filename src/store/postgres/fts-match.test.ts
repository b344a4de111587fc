import { describe, expect, it } from 'vitest';
import { ftsMatchToTsQuery } from './fts-match.ts';

describe('ftsMatchToTsQuery', () => {
  it('turns quoted analysed terms into quoted lexemes joined by &', () => {
    expect(ftsMatchToTsQuery('"انسحاب" AND "قوات"')).toBe("('انسحاب' & 'قوات')");
  });

  it('keeps phrase order with the adjacency operator and marks prefixes', () => {
    expect(ftsMatchToTsQuery('"مجلس نواب"')).toBe("('مجلس' <-> 'نواب')");
    expect(ftsMatchToTsQuery('"امري"*')).toBe("'امري':*");
    expect(ftsMatchToTsQuery('"وزير خارج"*')).toBe("('وزير' <-> 'خارج':*)");
  });

  it('compiles the excluded-clauses shape of toFtsMatch to AND NOT', () => {
    expect(ftsMatchToTsQuery('("اتفاق" AND "نفط") NOT ("غاز" OR "كهرباء")')).toBe(
      "(('اتفاق' & 'نفط') & !('غاز' | 'كهرباء'))",
    );
  });

  it('follows FTS5 precedence: NOT over AND over OR, implicit AND between phrases', () => {
    expect(ftsMatchToTsQuery('"سد" OR "نهر" AND "مياه"')).toBe("('سد' | ('نهر' & 'مياه'))");
    expect(ftsMatchToTsQuery('"سد" "نهضه" NOT "مصر"')).toBe("('سد' & ('نهضه' & !'مصر'))");
    expect(ftsMatchToTsQuery('غزه هدنه')).toBe("('غزه' & 'هدنه')");
  });

  it('splits and case-folds phrase text like the unicode61 tokenizer', () => {
    expect(ftsMatchToTsQuery('"NATO قمه-2024"')).toBe("('nato' <-> 'قمه' <-> '2024')");
  });

  it('escapes quotes inside lexemes', () => {
    expect(ftsMatchToTsQuery('"o""brien"')).toBe("('o' <-> 'brien')");
  });

  it.each([
    ['"unterminated', /unterminated/],
    ['("سد"', /unbalanced/],
    ['"سد" AND', /ends too early/],
    ['""', /without terms/],
    ['headline:"سد"', /unsupported/],
    ['   ', /empty/],
    ['"سد" )', /unexpected/],
  ])('rejects %j as a store error', (match, reason) => {
    expect(() => ftsMatchToTsQuery(match)).toThrow(reason);
    expect(() => ftsMatchToTsQuery(match)).toThrow(expect.objectContaining({ code: 'store/failed' }));
  });
});
