import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clusterArticles } from '../../corpus/index.ts';
import { ALL_ARTICLES, WIRE_ORIGINAL } from '../../corpus/fixtures/articles.ts';
import { openEventArchiveFile, removeStaleSpills } from './event-archive-file.ts';

const MODULE = fileURLToPath(new URL('./event-archive-file.ts', import.meta.url));

/** A child process that opens a spill file under `base`, writes into it, prints its path and waits to be killed. */
function spillingChild(base: string): { child: ChildProcess; path: Promise<string> } {
  const script = join(base, 'spill-child.ts');
  writeFileSync(
    script,
    `import { openEventArchiveFile } from ${JSON.stringify(MODULE)};\n` +
      `const archive = openEventArchiveFile(${JSON.stringify(base)});\n` +
      `archive.putCluster(0, '{"members":[1]}');\n` +
      `console.log(archive.path);\n` +
      `setInterval(() => {}, 1000);\n`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const path = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('exit', (code) => reject(new Error(`spill child exited (${code}) before printing its path`)));
  });
  return { child, path };
}

const exited = (child: ChildProcess): Promise<NodeJS.Signals | null> =>
  new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));

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

  it('answers reads with rows still waiting for a batched write, and finds every stored id past its id filter', () => {
    const archive = openEventArchiveFile();
    try {
      // 16 band keys make one batched write: a read after 3 of them must see those 3.
      for (let band = 0; band < 3; band++) archive.append(`${band}:ق:د:س:1`, 7, 64);
      expect(archive.items('1:ق:د:س:1', 64)).toEqual([7]);
      for (let band = 3; band < 40; band++) archive.append(`${band}:ق:د:س:1`, 7, 64);
      archive.append('39:ق:د:س:1', 9, 64);
      expect(archive.items('39:ق:د:س:1', 64)).toEqual([7, 9]);
      for (let n = 0; n < 2000; n++)
        archive.putArticle({ number: n, id: `الأهرام-${n}`, features: '{}', signature: null });
      for (let n = 0; n < 2000; n += 97) expect(archive.numberOf(`الأهرام-${n}`)).toBe(n);
      expect(archive.numberOf('الأهرام-2000')).toBeNull();
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

  it('closes without an error when its directory is already gone (the exit hook ran first)', () => {
    const base = mkdtempSync(join(tmpdir(), 'marsad-spill-test-'));
    try {
      const archive = openEventArchiveFile(base);
      for (let n = 0; n < 2_000; n++) archive.putCluster(n, JSON.stringify({ members: [n], text: 'خبر'.repeat(50) }));
      rmSync(dirname(archive.path), { recursive: true, force: true });
      expect(() => archive.close()).not.toThrow();
      expect(existsSync(dirname(archive.path))).toBe(false);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('is removed when its process exits without closing it', () => {
    const base = mkdtempSync(join(tmpdir(), 'marsad-spill-test-'));
    try {
      const script = join(base, 'exit-child.ts');
      writeFileSync(
        script,
        `import { openEventArchiveFile } from ${JSON.stringify(MODULE)};\n` +
          `const archive = openEventArchiveFile(${JSON.stringify(base)});\n` +
          `archive.putCluster(0, '{}');\n` +
          `console.log(archive.path);\n` +
          `process.exit(3);\n`,
      );
      const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
      expect(run.status).toBe(3);
      const spill = run.stdout.trim();
      expect(spill).toContain(base);
      expect(existsSync(dirname(spill))).toBe(false);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }, 30_000);

  it('removes the spills of runs killed by SIGINT or SIGKILL on the next open, leaving live runs and other names', async () => {
    const base = mkdtempSync(join(tmpdir(), 'marsad-spill-test-'));
    try {
      const spills: string[] = [];
      for (const signal of ['SIGINT', 'SIGKILL'] as const) {
        const { child, path } = spillingChild(base);
        spills.push(await path);
        const end = exited(child);
        child.kill(signal);
        expect(await end).toBe(signal); // the signal ends the process as before (no handler delays it)
        expect(existsSync(spills[spills.length - 1]!)).toBe(true);
      }
      const live = join(base, `marsad-events-${process.ppid}-live`);
      const other = join(base, 'marsad-events-nopid');
      mkdirSync(live);
      mkdirSync(other);
      const gone = spawnSync(process.execPath, ['-e', '']).pid!; // a pid that has exited
      const dead = join(base, `marsad-events-${gone}-dead`);
      mkdirSync(dead);
      const archive = openEventArchiveFile(base);
      archive.close();
      for (const spill of spills) expect(existsSync(dirname(spill))).toBe(false);
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(live)).toBe(true);
      expect(existsSync(other)).toBe(true);
      expect(removeStaleSpills(base)).toEqual([]);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }, 30_000);
});
