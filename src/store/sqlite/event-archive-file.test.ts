import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterArticles } from '../../corpus/index.ts';
import { ALL_ARTICLES, WIRE_ORIGINAL } from '../../corpus/fixtures/articles.ts';
import { openEventArchiveFile } from './event-archive-file.ts';

describe('event archive spill file', () => {
  it('returns what was stored: features, signatures, ids and cluster states; a second put of an article is ignored', () => {
    const archive = openEventArchiveFile();
    try {
      const signature = Uint32Array.from([1, 2, 0xffffffff, 7]);
      archive.putArticle({ number: 4, id: 'جريدة#4', features: '{"id":"جريدة#4"}', signature });
      archive.putArticle({ number: 4, id: 'جريدة#4', features: '{"changed":true}', signature: null });
      archive.putArticle({ number: 5, id: 'جريدة#5', features: '{}', signature: null });
      archive.putCluster(2, '{"members":[4]}');
      archive.putCluster(2, '{"members":[4,5]}');
      expect(archive.articleJson(4)).toBe('{"id":"جريدة#4"}');
      expect([...archive.signature(4)!]).toEqual([1, 2, 0xffffffff, 7]);
      expect(archive.signature(5)).toBeNull();
      expect(archive.numberOf('جريدة#5')).toBe(5);
      expect(archive.numberOf('absent')).toBeNull();
      expect(archive.clusterJson(2)).toBe('{"members":[4,5]}');
      expect(archive.articleJson(99)).toBeNull();
    } finally {
      archive.close();
    }
  });

  it('keeps every LSH item and reads back the first `limit` of a bucket in order; an unknown key finds nothing', () => {
    const archive = openEventArchiveFile();
    try {
      for (let item = 0; item < 70; item++) archive.append('3:a:b:c:d', item, 64);
      archive.append('0:x:y:z:w', 5, 64);
      expect(archive.items('3:a:b:c:d', 64)).toEqual(Array.from({ length: 64 }, (_, i) => i));
      expect(archive.items('0:x:y:z:w', 64)).toEqual([5]);
      expect(archive.items('1:never:seen:key:0', 64)).toEqual([]);
    } finally {
      archive.close();
    }
  });

  it('deletes its temporary file and directory on close', () => {
    const archive = openEventArchiveFile();
    archive.putCluster(0, '{}');
    expect(existsSync(archive.path)).toBe(true);
    expect(archive.bytes()).toBeGreaterThan(0);
    archive.close();
    expect(existsSync(dirname(archive.path))).toBe(false);
  });

  it('clusters the fixtures through the file exactly as in memory, a late re-run finding its frozen original', () => {
    const late = { ...WIRE_ORIGINAL, id: 'reprint#1', published: '2016-03-01' };
    const inputs = [...ALL_ARTICLES, late];
    const archive = openEventArchiveFile();
    try {
      const bounded = clusterArticles(inputs, { archive, openDays: 0 });
      expect(JSON.stringify(bounded)).toBe(JSON.stringify(clusterArticles(inputs)));
      expect(bounded.eventClusters.find((c) => c.articles.includes('reprint#1'))!.articles).toContain(WIRE_ORIGINAL.id);
    } finally {
      archive.close();
    }
  });
});
