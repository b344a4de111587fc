import { describe, expect, it } from 'vitest';
import { isPostgresUrl, redactUrl, takeSchemaParam } from './url.ts';

describe('isPostgresUrl', () => {
  it('selects PostgreSQL for postgres:// and postgresql:// URLs only', () => {
    expect(isPostgresUrl('postgres://marsad@db.example/marsad')).toBe(true);
    expect(isPostgresUrl('POSTGRESQL://marsad@localhost:5433/news')).toBe(true);
    expect(isPostgresUrl('./marsad.db')).toBe(false);
    expect(isPostgresUrl(':memory:')).toBe(false);
    expect(isPostgresUrl('/data/postgres://odd-name.db')).toBe(false);
  });
});

describe('redactUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactUrl('postgres://newsroom:kalimat-sirr@db.example:5432/marsad?sslmode=require')).toBe(
      'postgres://newsroom:***@db.example:5432/marsad?sslmode=require',
    );
    expect(redactUrl('postgres://newsroom@db.example/marsad')).toBe('postgres://newsroom@db.example/marsad');
    expect(redactUrl('./marsad.db')).toBe('./marsad.db');
  });
});

describe('takeSchemaParam', () => {
  it("takes Marsad's schema parameter off the URL and keeps the driver's parameters", () => {
    expect(takeSchemaParam('postgres://newsroom@db.example/marsad?schema=akhbar&sslmode=require')).toEqual({
      url: 'postgres://newsroom@db.example/marsad?sslmode=require',
      schema: 'akhbar',
    });
    expect(takeSchemaParam('postgres://newsroom@db.example/marsad?schema=akhbar')).toEqual({
      url: 'postgres://newsroom@db.example/marsad',
      schema: 'akhbar',
    });
    expect(takeSchemaParam('postgres://newsroom@db.example/marsad')).toEqual({
      url: 'postgres://newsroom@db.example/marsad',
      schema: undefined,
    });
    expect(takeSchemaParam('postgres://x@/marsad?host=%2Ftmp%2Fpg')).toEqual({
      url: 'postgres://x@/marsad?host=%2Ftmp%2Fpg',
      schema: undefined,
    });
  });
});
